/**
 * Policies and shocks added to a running simulation (the classroom's buttons): one added at
 * tick t with an earlier start or tick takes effect at t, exactly as if the scenario had
 * named t; one whose end falls before its new start runs on; shocks added out of order are
 * applied in tick order. Each run is compared byte for byte with the run of the scenario
 * that says the same from the start (same seed).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/model';
import { PolicySchema, ScenarioSchema, ShockSchema, type ScenarioInput } from '../../src/scenario/schema';

const SMALL: ScenarioInput = {
  ticks: 30,
  agents: { firms: 40, residents: 300, institutions: { university: 1, research_institute: 1, government: 1, intermediary: 1, cultural: 1 } },
};

/** Observed rows and final knowledge of `ticks` ticks, calling `at[t]` before tick t. */
function trace(over: ScenarioInput, ticks: number, at: Record<number, (sim: Simulation) => void> = {}): { rows: number[][]; knowledge: Buffer } {
  const sim = new Simulation(ScenarioSchema.parse({ ...SMALL, ...over }), 5);
  const rows: number[][] = [];
  for (let t = 0; t < ticks; t++) {
    at[t]?.(sim);
    sim.step();
    rows.push(Array.from(sim.observe()));
  }
  return { rows, knowledge: Buffer.from(sim.state.knowledge.slice().buffer) };
}

const policy = (p: Record<string, unknown>) => PolicySchema.parse(p);
const shock = (s: Record<string, unknown>) => ShockSchema.parse(s);

describe('a policy added mid-run', () => {
  it('starts at the tick it is added, as the same policy starting there in the scenario', () => {
    const open = { kind: 'open_region' as const, openness: 0.9 };
    const added = trace({}, 20, { 8: (sim) => sim.addPolicy(policy({ ...open, start: 0 })) });
    const named = trace({ policies: [{ ...open, start: 8 }] }, 20);
    const without = trace({}, 20);
    expect(added.rows).toEqual(named.rows);
    expect(added.knowledge.equals(named.knowledge)).toBe(true);
    // It changed the run from tick 8 on, not before.
    expect(added.rows.slice(0, 8)).toEqual(without.rows.slice(0, 8));
    expect(added.knowledge.equals(without.knowledge)).toBe(false);
  });

  it('keeps a later start, and an end that falls before the new start is dropped (it runs on)', () => {
    const cluster = { kind: 'cluster_organisation' as const, members: 10 };
    const later = trace({}, 20, { 4: (sim) => sim.addPolicy(policy({ ...cluster, start: 9, end: 15 })) });
    expect(later.rows).toEqual(trace({ policies: [{ ...cluster, start: 9, end: 15 }] }, 20).rows);
    const stale = trace({}, 20, { 10: (sim) => sim.addPolicy(policy({ ...cluster, start: 2, end: 6 })) });
    expect(stale.rows).toEqual(trace({ policies: [{ ...cluster, start: 10 }] }, 20).rows);
    // An end at the new start itself is dropped too (a policy must last a tick).
    const atStart = trace({}, 20, { 10: (sim) => sim.addPolicy(policy({ ...cluster, start: 2, end: 10 })) });
    expect(atStart.rows).toEqual(stale.rows);
    const ends = trace({}, 20, { 10: (sim) => sim.addPolicy(policy({ ...cluster, start: 2, end: 11 })) });
    expect(ends.rows).toEqual(trace({ policies: [{ ...cluster, start: 10, end: 11 }] }, 20).rows);
    expect(ends.rows).not.toEqual(stale.rows);
  });
});

describe('a shock added mid-run', () => {
  it('applies at the tick it is added (or its own later tick), in tick order', () => {
    const jump = { kind: 'frontier_jump' as const, domains: 4 };
    const collapse = { kind: 'core_collapse' as const, factor: 0.3 };
    const added = trace({}, 25, {
      6: (sim) => {
        sim.addShock(shock({ ...collapse, tick: 14 }));
        sim.addShock(shock({ ...jump, tick: 2 }));
      },
    });
    const named = trace({ shocks: [{ ...collapse, tick: 14 }, { ...jump, tick: 6 }] }, 25);
    expect(added.rows).toEqual(named.rows);
    expect(added.knowledge.equals(named.knowledge)).toBe(true);
    const without = trace({}, 25);
    expect(added.rows.slice(0, 6)).toEqual(without.rows.slice(0, 6));
    expect(added.rows[6]).not.toEqual(without.rows[6]);
  });

  it('past shocks added together hit at the next tick in the order they were added', () => {
    // Two plants: each draws its firms from the policy stream, so their order matters.
    const wide = { kind: 'plant' as const, firms: 8, offset: 2, level: 0.9 };
    const narrow = { kind: 'plant' as const, firms: 3, offset: 5, level: 0.5 };
    const added = trace({}, 12, {
      6: (sim) => {
        sim.addShock(shock({ ...wide, tick: 3 }));
        sim.addShock(shock({ ...narrow, tick: 1 }));
      },
    });
    const asAdded = trace({ shocks: [{ ...wide, tick: 6 }, { ...narrow, tick: 6 }] }, 12);
    const byOldTick = trace({ shocks: [{ ...narrow, tick: 6 }, { ...wide, tick: 6 }] }, 12);
    expect(asAdded.knowledge.equals(byOldTick.knowledge)).toBe(false); // the order matters here
    expect(added.rows).toEqual(asAdded.rows);
    expect(added.knowledge.equals(asAdded.knowledge)).toBe(true);
  });
});
