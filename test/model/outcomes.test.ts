/** Run outcomes (src/model/outcomes.ts): resilience, drop ratio, late means, peak, degenerate runs; hand-derived. */
import { describe, expect, it } from 'vitest';
import { COL, TIMESERIES_COLUMNS } from '../../src/model/names';
import { computeOutcomes, degenerateReason, resilience, type TickHistory } from '../../src/model/outcomes';

const C = TIMESERIES_COLUMNS.length;

describe('resilience', () => {
  it('counts ticks until the post-shock moving mean regains 90 % of the pre-shock mean', () => {
    // 10 ticks at 10 (pre-shock mean over window 5: 10), then 2, 2, 2, then 10 for ever.
    const value = Float64Array.from([...Array(10).fill(10), 2, 2, 2, ...Array(17).fill(10)]);
    // Post-shock moving means (last min(n, 5) post-shock ticks, from n = 5 on):
    // t=14: (2+2+2+10+10)/5 = 5.2; t=15: 6.8; t=16: 8.4; t=17: 10 >= 9 -> 7 ticks.
    // Drop ratio: mean of the 20 ticks from the shock (3 x 2 + 17 x 10) / 20 = 8.8 over the
    // mean of the (only 10) ticks before it, 10.
    const r = resilience(value, 10, 5);
    expect([r.ticks, r.censored]).toEqual([7, 0]);
    expect(r.dropRatio).toBeCloseTo(0.88, 14);
  });

  it('needs 5 post-shock ticks even when the first one is back to normal', () => {
    const value = Float64Array.from(Array(30).fill(10));
    expect(resilience(value, 10, 5).ticks).toBe(4);
  });

  it('is censored at the end of the run, and undefined without a shock inside the run', () => {
    const value = Float64Array.from([...Array(10).fill(10), ...Array(20).fill(2)]);
    expect(resilience(value, 10, 5)).toEqual({ ticks: 20, censored: 1, dropRatio: 0.2 });
    for (const s of [-1, 0, 30]) expect(resilience(value, s, 5)).toEqual({ ticks: NaN, censored: NaN, dropRatio: NaN });
  });

  it('compares with the mean of the whole window before the shock, not the last tick', () => {
    // Pre-shock window [6, 8, 10, 12] (mean 9): 8.1 is 90 % of it; a constant 8.1 after the
    // shock recovers at the fifth post-shock tick.
    const value = Float64Array.from([6, 8, 10, 12, ...Array(10).fill(8.1)]);
    expect(resilience(value, 4, 4).ticks).toBe(4);
    expect(resilience(Float64Array.from([6, 8, 10, 12, ...Array(10).fill(8.0)]), 4, 4)).toMatchObject({ ticks: 10, censored: 1 });
  });
});

/** Six observed ticks; firms alive and knowing, innovations in the late window. */
function history(): { h: TickHistory; series: Float64Array } {
  const h: TickHistory = {
    value: Float64Array.from([1, 2, 6, 3, 3, 3]),
    innovations: Float64Array.from([1, 1, 2, 1, 1, 1]),
    radical: Float64Array.from([0, 1, 0, 0, 1, 0]),
    policyCost: Float64Array.from([0, 0, 1, 1, 1, 1]),
    entries: Float64Array.from([0, 1, 0, 0, 2, 0]),
    exits: Float64Array.from([1, 0, 0, 0, 0, 1]),
  };
  const series = new Float64Array(6 * C);
  const lock = [0.1, 0.2, 0.3, 0.7, NaN, 0.5];
  for (let t = 0; t < 6; t++) {
    series[t * C + COL.tick] = t;
    series[t * C + COL.firms_alive] = t === 5 ? 2 : 3;
    series[t * C + COL.competitiveness] = 0.5;
    series[t * C + COL.lock_in_index] = lock[t];
    series[t * C + COL.firm_learning_from_firms] = 1;
    series[t * C + COL.firm_learning_from_institutions] = t >= 3 ? 1 : 0;
    series[t * C + COL.firm_learning_from_outside] = t >= 3 ? 2 : 0;
  }
  return { h, series };
}

describe('computeOutcomes', () => {
  it('totals, late means that skip missing rows, peak tick, cost ratio and locked_in', () => {
    const { h, series } = history();
    const { outcomes, degenerate } = computeOutcomes(h, series, 6, 3, 0.6, -1);
    expect(degenerate).toBeNull();
    expect(outcomes.innovations_total).toBe(7);
    expect(outcomes.innovation_value_total).toBe(18);
    expect(outcomes.innovation_value_late).toBe(3); // ticks 3..5
    expect(outcomes.radical_share).toBe(2 / 7);
    // moving means over 3 ticks: t=2: 3, t=3: 11/3, t=4: 4, t=5: 3 -> peak at 4
    expect(outcomes.peak_tick).toBe(4);
    expect(outcomes.lock_in_index_final).toBeCloseTo(0.6, 15); // (0.7 + 0.5) / 2, the NaN row skipped
    expect(outcomes.locked_in).toBe(1); // 0.6 >= 0.6
    expect(computeOutcomes(h, series, 6, 3, 0.61, -1).outcomes.locked_in).toBe(0);
    expect(outcomes.policy_cost).toBe(4);
    expect(outcomes.policy_cost_late).toBe(3);
    expect(outcomes.value_per_cost).toBe(4.5);
    expect(outcomes.entries_total).toBe(3);
    expect(outcomes.exits_total).toBe(2);
    expect(outcomes.firms_alive_final).toBe(2);
    // late learning per tick: firms 1 + institutions 1 + outside 2 = 4; shares 1/4 and 2/4
    expect(outcomes.firm_learning_late).toBe(4);
    expect(outcomes.firm_learning_institution_share_late).toBe(0.25);
    expect(outcomes.firm_learning_outside_share_late).toBe(0.5);
    expect([outcomes.resilience_ticks, outcomes.drop_ratio]).toEqual([NaN, NaN]); // no shock
  });

  it('a degenerate run gets its first reason and NaN for the lock-in and diversity outcomes', () => {
    const { h, series } = history();
    const last = 5 * C;
    expect(degenerateReason(h, series, 6, 3)).toBeNull();
    const noLate = { ...h, innovations: Float64Array.from([1, 1, 2, 0, 0, 0]) };
    expect(degenerateReason(noLate, series, 6, 3)).toBe('no_late_innovation');
    series[last + COL.competitiveness] = NaN;
    expect(degenerateReason(noLate, series, 6, 3)).toBe('no_knowledge');
    series[last + COL.firms_alive] = 0;
    expect(degenerateReason(noLate, series, 6, 3)).toBe('no_firms_alive');
    const run = computeOutcomes(noLate, series, 6, 3, 0.6, -1);
    expect(run.degenerate).toBe('no_firms_alive');
    expect([run.outcomes.lock_in_index_final, run.outcomes.locked_in, run.outcomes.diversity_final]).toEqual([NaN, NaN, NaN]);
    expect(run.outcomes.innovations_total).toBe(4);
  });
});
