/** A tiny world for kernel tests: firms 0..3, a university (4), residents 5..8, K domains, all knowledge zero. */
import { Simulation } from '../../src/model/simulation';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema';

export function tinyWorld(K = 8, over: ScenarioInput = {}): Simulation {
  const s = ScenarioSchema.parse({
    ...over,
    agents: { firms: 4, residents: 4, institutions: { university: 1, research_institute: 0, government: 0, intermediary: 0, cultural: 0 } },
    knowledge: { domains: K, ...(over.knowledge ?? {}) },
  });
  const sim = new Simulation(s, 1);
  sim.state.knowledge.fill(0);
  sim.state.gain.fill(0);
  sim.state.attention.fill(0);
  return sim;
}
