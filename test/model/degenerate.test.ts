import { describe, expect, it } from 'vitest';
import { COL, DEGENERATE_MISSING, OUTCOME_KEYS, runScenario, TIMESERIES_COLUMNS, type RunResult } from '../../src/model';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema';

// Tiny regions forced into each degenerate case (docs/ODD.md, "Degenerate runs").
const NO_INSTITUTIONS = { university: 0, research_institute: 0, government: 0, intermediary: 0, cultural: 0 };
const TINY: ScenarioInput = { ticks: 30, observe: { window: 10 }, agents: { firms: 4, residents: 20, institutions: NO_INSTITUTIONS } };
const run = (over: ScenarioInput) => runScenario(ScenarioSchema.parse({ ...TINY, ...over }), { seed: 1 });
const column = (r: RunResult, name: (typeof TIMESERIES_COLUMNS)[number]) =>
  Array.from({ length: r.rows }, (_, t) => r.series[t * TIMESERIES_COLUMNS.length + COL[name]]);
const KNOWLEDGE_MEASURES = ['competitiveness', 'frontier_lag', 'entropy', 'diversity', 'lock_in_index', 'lock_in_cognitive', 'lock_in_functional', 'lock_in_exhaustion'] as const;

/** Every firm exits once any firm has performed: with 4 firms none is 10 x the mean. */
const DEAD: ScenarioInput = {
  agents: { ...TINY.agents, residents: 0 },
  firms: { exit_threshold: 10, exit_patience: 1, exit_warmup: 0, refill: 0, spinoff_rate: 0 },
};
/** Nobody starts with knowledge and nothing brings any in (no residents, institutions or outside knowledge). */
const EMPTY: ScenarioInput = {
  agents: { ...TINY.agents, residents: 0 },
  knowledge: { initial_tacit: 0, initial_explicit: 0 },
  external: { amplitude: 0 },
};
/** Innovation cannot succeed (success steepness and baseline novelty 0). */
const BARREN: ScenarioInput = { innovation: { beta: 0, nu0: 0 } };

describe('degenerate runs', () => {
  it('no firm alive: the one innovation at tick 2 ends every firm; knowledge measures are missing from then on', () => {
    const r = run(DEAD);
    expect(r.degenerate).toBe('no_firms_alive');
    expect(column(r, 'firms_alive')).toEqual([4, 4, ...Array(28).fill(0)]);
    expect(column(r, 'innovations')).toEqual([0, 0, 1, ...Array(27).fill(0)]);
    expect(r.outcomes.exits_total).toBe(4);
    for (const name of [...KNOWLEDGE_MEASURES, 'tacit_mean', 'explicit_mean', 'tacit_dispersion'] as const) {
      const values = column(r, name);
      expect(values.slice(0, 2).every(Number.isFinite), name).toBe(true);
      expect(values.slice(2).every(Number.isNaN), name).toBe(true);
    }
    for (const k of DEGENERATE_MISSING) expect(r.outcomes[k], k).toBeNaN();
    // Late means of knowledge measures over no defined row are missing too; counts stay counts.
    expect(r.outcomes.entropy_final).toBeNaN();
    expect(r.outcomes.firms_alive_final).toBe(0);
    expect(r.outcomes.innovations_total).toBe(1);
  });

  it('no knowledge: firms live, but diversity and lock-in are missing at every tick (were 1.0 and 0.333)', () => {
    const r = run(EMPTY);
    expect(r.degenerate).toBe('no_knowledge');
    expect(column(r, 'firms_alive').every((n) => n === 4)).toBe(true);
    expect(column(r, 'tacit_mean').every((v) => v === 0)).toBe(true); // a mean over live firms: 0 is true
    for (const name of KNOWLEDGE_MEASURES) expect(column(r, name).every(Number.isNaN), name).toBe(true);
    for (const k of DEGENERATE_MISSING) expect(r.outcomes[k], k).toBeNaN();
    expect(r.outcomes.innovations_total).toBe(0);
  });

  it('no late innovation: the series keep their values, the lock-in and diversity outcomes are missing', () => {
    // Seeded values; changed deliberately when residents' obsolescence moved into its own phase (issue 20, 3a2aa70).
    const r = run(BARREN);
    expect(r.degenerate).toBe('no_late_innovation');
    expect(r.outcomes.innovations_total).toBe(0);
    for (const name of KNOWLEDGE_MEASURES) expect(column(r, name).every(Number.isFinite), name).toBe(true);
    for (const k of DEGENERATE_MISSING) expect(r.outcomes[k], k).toBeNaN();
    expect(r.outcomes.competitiveness_final).toBeCloseTo(0.4150254910384705, 12);
    expect(r.outcomes.entropy_final).toBeCloseTo(0.9060586066713243, 12);
  });

  it('an ordinary run is not degenerate and defines every lock-in and diversity outcome', () => {
    const r = run({ agents: { firms: 40, residents: 300 } });
    expect(r.degenerate).toBeNull();
    for (const k of DEGENERATE_MISSING) expect(Number.isFinite(r.outcomes[k]), k).toBe(true);
    expect(Object.keys(r.outcomes)).toEqual([...OUTCOME_KEYS]);
  });
});
