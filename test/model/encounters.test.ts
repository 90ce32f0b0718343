/**
 * Region meetings (src/model/encounters.ts): the cost of cognitive distance. Each accepted
 * meeting adds 1 - e(kappa) to the misunderstanding of each firm in it when
 * exchange.misunderstanding_cost > 0 (the innovation phase turns it into lost R&D effort,
 * test/model/innovation.test.ts), and nothing when the cost is 0 (the default).
 */
import { describe, expect, it } from 'vitest';
import { TickCounters } from '../../src/model/counters';
import { runEncountersInPlace } from '../../src/model/encounters';
import { Meeting } from '../../src/model/exchange';
import { KindTables } from '../../src/model/kind-tables';
import { Rng } from '../../src/model/rng';
import { Simulation } from '../../src/model/simulation';
import { ScenarioSchema } from '../../src/scenario/schema';

/** One tick of region meetings (openness 0: no pipelines) on seed 5; the firms' misunderstanding. */
function misunderstandingAfterOneTick(cost: number): Float32Array {
  const s = ScenarioSchema.parse({
    openness: 0,
    exchange: { misunderstanding_cost: cost },
    agents: { firms: 30, residents: 200, institutions: { university: 1, research_institute: 1, government: 1, intermediary: 1, cultural: 1 } },
  });
  const sim = new Simulation(s, 5);
  const st = sim.state;
  st.misunderstanding.fill(0);
  runEncountersInPlace(st, sim.params, new KindTables(st, sim.params), new Rng(5, 'dynamics'), new TickCounters(), new Meeting());
  return st.misunderstanding;
}

describe('encounters: the cost of cognitive distance', () => {
  it('tallies 1 - e per region meeting of a firm when the cost is on, the same tally at any cost, and nothing when it is off', () => {
    const half = misunderstandingAfterOneTick(0.5);
    const one = misunderstandingAfterOneTick(1);
    const off = misunderstandingAfterOneTick(0);
    // The cost scales lost effort later; the tally itself is the same at any positive cost.
    expect([...one]).toEqual([...half]);
    expect(half.filter((v) => v > 0).length).toBeGreaterThan(0);
    expect(off.every((v) => v === 0)).toBe(true);
  });
});
