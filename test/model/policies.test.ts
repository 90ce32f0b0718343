/** Parameter policies set their value while active, below the scenario's too (issue 16). */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/model';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema';

const scenario = (over: ScenarioInput) =>
  ScenarioSchema.parse({ ticks: 12, agents: { firms: 10, residents: 40, institutions: { university: 1, research_institute: 0, government: 0, intermediary: 0, cultural: 0 } }, ...over });

function paramsAt(over: ScenarioInput, ticks: number) {
  const sim = new Simulation(scenario(over), 1);
  for (let t = 0; t < ticks; t++) sim.step();
  return sim.params;
}

describe('parameter policies', () => {
  it('a region closing up: open_region below the base openness lowers it while active, and it comes back after', () => {
    const over: ScenarioInput = { openness: 0.3, policies: [{ kind: 'open_region', start: 3, end: 8, openness: 0.05 }] };
    expect(paramsAt(over, 2).openness).toBe(0.3);
    expect(paramsAt(over, 5).openness).toBe(0.05);
    expect(paramsAt(over, 10).openness).toBe(0.3);
  });

  it('of two active policies of one kind, the later in the list wins', () => {
    const p = paramsAt({ learning: { participation: 0.1 }, policies: [{ kind: 'lifelong_learning', start: 1, participation: 0.4 }, { kind: 'lifelong_learning', start: 2, participation: 0.01 }] }, 4);
    expect(p.participation).toBe(0.01);
    const r = paramsAt({ policies: [{ kind: 'research_funding', start: 1, rate: 0 }, { kind: 'codification', start: 1, externalisation: 0 }] }, 3);
    expect(r.researchRate).toBe(0);
    expect(r.cExt).toBe(0);
  });
});
