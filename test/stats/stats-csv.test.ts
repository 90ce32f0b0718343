/**
 * stats.csv rows from a hand-built SweepStats: every section, every column it fills, and
 * the fallbacks (`t` when a summary names no interval, `all` for pooled rows, an empty
 * bin_high for the open last bin, the point's parameters only for per-point rows).
 * The numbers are arbitrary and distinct, so a column filled from the wrong field fails.
 */
import { describe, expect, it } from 'vitest';
import { statsHeader, statsRows, statsTable, STATS_COLUMNS, type StatsRow } from '../../src/stats/stats-csv';
import type { SweepStats } from '../../src/stats/sweep-stats';
import { summarize } from '../../src/stats/summary';

const P0 = { openness: 0, mode: 'a', deepen: false };
const P1 = { openness: 0.3, mode: 'b', deepen: true };
const sum = (n: number, mean: number, interval?: 'wilson') => ({ n, mean, sd: mean / 10, ciLow: mean - 1, ciHigh: mean + 1, ...(interval ? { interval } : {}) });

function fixtureStats(): SweepStats {
  const stats = {
    parameters: ['openness', 'mode'],
    groups: [
      { point: 0, arm: 'baseline', params: P0, outcomes: { innovation_value_late: sum(3, 5), locked_in: sum(3, 0.5, 'wilson'), resilience_ticks: { n: 3, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, interval: 'see_survival', censored: 2 } }, lockedIn: { n: 3, successes: 1, share: 1 / 3, ciLow: 0.05, ciHigh: 0.8 } },
      // drop_ratio undefined in every run of the group (no shock): n 0, method none.
      { point: 1, arm: 'baseline', params: P1, outcomes: { drop_ratio: { n: 0, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN }, resilience_ticks: { n: 0, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, interval: 'see_survival' } }, lockedIn: { n: 2, successes: 2, share: 1, ciLow: 0.3, ciHigh: 1 } },
    ],
    paired: [
      { point: null, arm: 'cluster', baseline: 'baseline', outcome: 'innovation_value_late', difference: { method: 't', n: 6, mean: 0.4, sd: 0.1, ciLow: 0.3, ciHigh: 0.5, dz: 4, relMean: 0.08, relCiLow: 0.06, relCiHigh: 0.1 } },
      { point: 1, arm: 'cluster', baseline: 'baseline', outcome: 'diversity_final', difference: { method: 'all_equal', n: 2, mean: 0, sd: 0, ciLow: NaN, ciHigh: NaN, dz: NaN, relMean: 0, relCiLow: NaN, relCiHigh: NaN } },
    ],
    cost: [
      { point: null, arm: 'cluster', baseline: 'baseline', window: 'late', pairs: 6, extraCost: 2, valuePerCost: 0.2, valuePerCostLow: 0.1, valuePerCostHigh: 0.3, method: 'paired_t' },
      { point: 0, arm: 'cluster', baseline: 'baseline', window: 'total', pairs: 3, extraCost: 1, valuePerCost: 0.7, valuePerCostLow: NaN, valuePerCostHigh: NaN, method: 'paired_all_equal' },
      // An arm that costs nothing more: no ratio, and the row says why rather than naming a t.
      { point: 1, arm: 'cluster', baseline: 'baseline', window: 'total', pairs: 2, extraCost: 0, valuePerCost: NaN, valuePerCostLow: NaN, valuePerCostHigh: NaN, method: 'paired_t' },
      // Cost undefined on the pairs: not known to be 0, so none (not no_extra_cost).
      { point: 1, arm: 'cluster', baseline: 'baseline', window: 'late', pairs: 2, extraCost: NaN, valuePerCost: NaN, valuePerCostLow: NaN, valuePerCostHigh: NaN, method: 'paired_t' },
    ],
    firmCurves: [{
      point: 1, arm: 'baseline', quadratic: sum(2, -0.5),
      bins: [
        { low: 0, high: 0.04, value: sum(4, 0.02), distance: sum(4, 0.03, 'wilson') },
        { low: 0.32, high: Infinity, value: sum(1, 0.01), distance: sum(1, 0.4) },
      ],
    }],
    linkFlows: [{ from: 'Core City', to: 'Harbour', starts: [], groups: [{ point: 0, arm: 'link', blocks: [{ start: 10, end: 20, flow: sum(3, 100) }, { start: 20, end: 25, flow: sum(3, 90, 'wilson') }] }] }],
    sensitivity: { method: 'saltelli', parameters: ['openness'], skipped: [], rows: [{ method: 'saltelli', outcome: 'diversity_final', parameter: 'openness', index: 'S1', n: 16, estimate: 0.6, lo: 0.4, hi: 0.8, arm: 'default', tick: null }] },
    effects: {
      kind: 'factorial', note: '', outcomes: [],
      mainEffects: [
        { outcome: 'innovation_value_late', parameter: 'openness', level: '0.3', reference: '0', scale: 'log', estimate: 0.1, lo: 0.05, hi: 0.15, p: 0.01, rel: 0.105, relLo: 0.051, relHi: 0.162, n: 12, averagedOver: [] },
        { outcome: 'locked_in', parameter: 'mode', level: 'b', reference: 'a', scale: 'probability', estimate: -0.2, lo: -0.4, hi: 0, p: 0.06, rel: NaN, relLo: NaN, relHi: NaN, n: 12, averagedOver: [] },
        // A boolean parameter's levels as the model's text has them (true / false).
        { outcome: 'innovation_value_late', parameter: 'deepen', level: 'true', reference: 'false', scale: 'log', estimate: 0.2, lo: 0.1, hi: 0.3, p: 0.02, rel: 0.22, relLo: 0.1, relHi: 0.35, n: 12, averagedOver: [] },
      ],
      interactions: [{ outcome: 'locked_in', parameterA: 'openness', parameterB: 'mode', scale: 'probability', F: NaN, df1: NaN, df2: NaN, p: 0.3, size: 0.25, n: 12, method: 'adjusted-wald-largest', lo: -0.1, hi: 0.6 }],
      models: { innovation_value_late: { model: 'two-way', r2: 0.9, n: 12, dropped: 0 } },
      regression: [
        { outcome: 'diversity_final', arm: '', parameter: 'openness', method: 'src', estimate: 0.7, lo: 0.5, hi: 0.9, p: 0.001, r2: 0.6, n: 20 },
        { outcome: 'diversity_final', arm: 'cluster', parameter: 'openness', method: 'prcc', estimate: 0.65, lo: 0.45, hi: 0.85, p: 0.002, r2: 0.6, n: 21 },
      ],
      dependence: [
        { outcome: 'diversity_final', arm: '', parameter: 'openness', xLow: 0, xHigh: 0.1, n: 5, mean: 0.4, lo: 0.3, hi: 0.5, interval: 't' },
        { outcome: 'diversity_final', arm: 'cluster', parameter: 'openness', xLow: 0.1, xHigh: 0.2, n: 4, mean: 0.45, lo: 0.35, hi: 0.55, interval: 'wilson' },
      ],
    },
    armComparison: {
      contrasts: [
        { outcome: 'innovation_value_late', point: null, armA: 'cluster', armB: 'baseline', method: 't', n: 6, estimate: 0.4, lo: 0.3, hi: 0.5, p: 0.001, pHolm: 0.002, dz: 4, sd: 0.1, referenceMean: 5, rel: 0.08, relLo: 0.06, relHi: 0.1 },
        { outcome: 'innovation_value_late', point: 1, armA: 'cluster', armB: 'baseline', method: 't', n: 3, estimate: 0.5, lo: 0.2, hi: 0.8, p: 0.01, pHolm: 0.02, dz: 3, sd: 0.1, referenceMean: 5, rel: 0.1, relLo: 0.04, relHi: 0.16 },
      ],
      heterogeneity: [
        { outcome: 'a', armA: 'cluster', armB: 'baseline', points: 2, F: 9, df1: 1, df2: 4, p: 0.04, signsDiffer: true, misleading: true },
        { outcome: 'b', armA: 'cluster', armB: 'baseline', points: 3, F: 5, df1: 2, df2: 6, p: 0.03, signsDiffer: false, misleading: true },
        { outcome: 'c', armA: 'cluster', armB: 'baseline', points: 4, F: 1, df1: 3, df2: 8, p: 0.5, signsDiffer: false, misleading: false },
      ],
      ranks: [
        { outcome: 'innovation_value_late', point: null, arm: 'cluster', pBest: 0.9, meanRank: 1.1, meanValue: 5.4, higherIsBetter: true, seeds: 6 },
        { outcome: 'lock_in_index_final', point: 1, arm: 'baseline', pBest: 0.3, meanRank: 1.7, meanValue: 0.5, higherIsBetter: false, seeds: 3 },
      ],
    },
    recovery: {
      curves: [
        { point: 1, arm: 'shock', condition: 'openness = 0.3 · shock', n: 4, recovered: 3, censored: 1, median: 12, medianLo: 8, medianHi: NaN, horizon: 30, rmst: 13.5, rmstSe: 2.1, rmstLo: 9.4, rmstHi: 17.6, steps: [] },
        // A point no group has (none is written so): no parameters.
        { point: 7, arm: 'shock', condition: 'x', n: 1, recovered: 0, censored: 1, median: NaN, medianLo: NaN, medianHi: NaN, horizon: 25, rmst: 25, rmstSe: 0, rmstLo: NaN, rmstHi: NaN, steps: [] },
      ],
      tests: [{ arm: 'shock', conditions: ['openness = 0 · shock', 'openness = 0.3 · shock'], chisq: 3.2, df: 1, p: 0.07 }],
      armTests: [
        { point: null, armA: 'shock', armB: 'baseline', pairs: 6, aFirst: 2, bFirst: 3, ties: 1, undetermined: 0, chisq: 0.7, p: 0.4, pHolm: 0.8 },
        { point: 1, armA: 'shock', armB: 'baseline', pairs: 4, aFirst: 1, bFirst: 2, ties: 0, undetermined: 1, chisq: 0.5, p: 0.48, pHolm: 0.9 },
      ],
    },
    degenerateRuns: [{ key: 'p0001.a00.r0002', point: 1, arm: 'baseline', armIndex: 0, replicate: 2, seed: 7, params: P1, outcomes: {}, degenerate: 'no_firms' }],
    seriesGroups: [
      { point: 0, arm: 'baseline', params: P0, series: { diversity: { tick: [0, 1], n: [3, 2], mean: [0.5, 0.6], sd: [0.1, 0.2], ciLow: [0.4, 0.45], ciHigh: [0.6, 0.75], interval: ['t', 'beta'] } } },
      { point: -1, arm: 'cluster', params: {}, series: { lock_in_index: { tick: [5], n: [8], mean: [0.3], sd: [0.05], ciLow: [0.25], ciHigh: [0.35], interval: ['t'] } } },
    ],
  };
  return stats as unknown as SweepStats;
}

/** The rows of one section, without the `params` key when it is undefined. */
function section(rows: StatsRow[], name: string): StatsRow[] {
  return rows.filter((r) => r.section === name);
}

// Every value is computed inside the test that checks it (not in a describe body, which
// Stryker counts as static code and would not rerun per mutant).
describe('statsRows', () => {

  it('writes outcome and locked_in_share rows per group, the interval method defaulting to t', () => {
    const rows = statsRows(fixtureStats());
    expect(section(rows, 'outcome')).toEqual([
      { section: 'outcome', point: 0, arm: 'baseline', params: P0, measure: 'innovation_value_late', method: 't', n: 3, mean: 5, sd: 0.5, ci_low: 4, ci_high: 6 },
      { section: 'outcome', point: 0, arm: 'baseline', params: P0, measure: 'locked_in', method: 'wilson', n: 3, mean: 0.5, sd: 0.05, ci_low: -0.5, ci_high: 1.5 },
      // A censored time: no mean or interval, the censored count written out.
      { section: 'outcome', point: 0, arm: 'baseline', params: P0, measure: 'resilience_ticks', method: 'see_survival', n: 3, mean: NaN, sd: NaN, ci_low: NaN, ci_high: NaN, censored: 2 },
      // Nothing to estimate from: method none (not t, not see_survival).
      { section: 'outcome', point: 1, arm: 'baseline', params: P1, measure: 'drop_ratio', method: 'none', n: 0, mean: NaN, sd: NaN, ci_low: NaN, ci_high: NaN },
      { section: 'outcome', point: 1, arm: 'baseline', params: P1, measure: 'resilience_ticks', method: 'none', n: 0, mean: NaN, sd: NaN, ci_low: NaN, ci_high: NaN },
    ]);
    expect(section(rows, 'locked_in_share')).toEqual([
      { section: 'locked_in_share', point: 0, arm: 'baseline', params: P0, measure: 'locked_in', method: 'wilson', n: 3, mean: 1 / 3, ci_low: 0.05, ci_high: 0.8 },
      { section: 'locked_in_share', point: 1, arm: 'baseline', params: P1, measure: 'locked_in', method: 'wilson', n: 2, mean: 1, ci_low: 0.3, ci_high: 1 },
    ]);
  });

  it('writes paired differences pooled (point all, no parameters) and per point (its parameters)', () => {
    const rows = statsRows(fixtureStats());
    const paired = section(rows, 'paired_difference');
    expect(paired).toEqual([
      { section: 'paired_difference', point: 'all', arm: 'cluster', baseline: 'baseline', measure: 'innovation_value_late', params: undefined, method: 't', n: 6, mean: 0.4, sd: 0.1, ci_low: 0.3, ci_high: 0.5, effect_size: 4, rel_mean: 0.08, rel_ci_low: 0.06, rel_ci_high: 0.1 },
      { section: 'paired_difference', point: 1, arm: 'cluster', baseline: 'baseline', measure: 'diversity_final', params: P1, method: 'all_equal', n: 2, mean: 0, sd: 0, ci_low: NaN, ci_high: NaN, effect_size: NaN, rel_mean: 0, rel_ci_low: NaN, rel_ci_high: NaN },
    ]);
    expect(paired[0].params).toBeUndefined();
  });

  it('names the value-per-cost measure by its window', () => {
    const rows = statsRows(fixtureStats());
    expect(section(rows, 'value_per_cost')).toEqual([
      { section: 'value_per_cost', point: 'all', arm: 'cluster', baseline: 'baseline', measure: 'extra_innovation_value_late_window_per_extra_policy_cost_late_window', params: undefined, method: 'paired_t', n: 6, mean: 0.2, ci_low: 0.1, ci_high: 0.3 },
      { section: 'value_per_cost', point: 0, arm: 'cluster', baseline: 'baseline', measure: 'extra_innovation_value_total_per_extra_policy_cost', params: P0, method: 'paired_all_equal', n: 3, mean: 0.7, ci_low: NaN, ci_high: NaN },
      { section: 'value_per_cost', point: 1, arm: 'cluster', baseline: 'baseline', measure: 'extra_innovation_value_total_per_extra_policy_cost', params: P1, method: 'no_extra_cost', n: 2, mean: NaN, ci_low: NaN, ci_high: NaN },
      { section: 'value_per_cost', point: 1, arm: 'cluster', baseline: 'baseline', measure: 'extra_innovation_value_late_window_per_extra_policy_cost_late_window', params: P1, method: 'none', n: 2, mean: NaN, ci_low: NaN, ci_high: NaN },
    ]);
  });

  it('writes a firm quadratic row and two firm_curve rows per bin, the open bin with an empty bin_high', () => {
    const rows = statsRows(fixtureStats());
    expect(section(rows, 'firm_quadratic')).toEqual([
      { section: 'firm_quadratic', point: 1, arm: 'baseline', params: P1, measure: 'late_innovation_value_on_partner_distance', method: 't', n: 2, mean: -0.5, sd: -0.05, ci_low: -1.5, ci_high: 0.5 },
    ]);
    const base = { section: 'firm_curve', point: 1, arm: 'baseline', params: P1 };
    expect(section(rows, 'firm_curve')).toEqual([
      { ...base, measure: 'late_innovation_value', method: 't', n: 4, mean: 0.02, sd: 0.002, ci_low: 0.02 - 1, ci_high: 1.02, bin_low: 0, bin_high: 0.04 },
      { ...base, measure: 'partner_distance', method: 'wilson', n: 4, mean: 0.03, sd: 0.003, ci_low: 0.03 - 1, ci_high: 1.03, bin_low: 0, bin_high: 0.04 },
      { ...base, measure: 'late_innovation_value', method: 't', n: 1, mean: 0.01, sd: 0.001, ci_low: 0.01 - 1, ci_high: 1.01, bin_low: 0.32, bin_high: null },
      { ...base, measure: 'partner_distance', method: 't', n: 1, mean: 0.4, sd: 0.04, ci_low: 0.4 - 1, ci_high: 1.4, bin_low: 0.32, bin_high: null },
    ]);
  });

  it('writes one link_flow row per block, tick = the block start', () => {
    const rows = statsRows(fixtureStats());
    const base = { section: 'link_flow', point: 0, arm: 'link', params: P0, measure: 'tacit_flow:Core City:Harbour' };
    expect(section(rows, 'link_flow')).toEqual([
      { ...base, tick: 10, bin_low: 10, bin_high: 20, method: 't', n: 3, mean: 100, sd: 10, ci_low: 99, ci_high: 101 },
      { ...base, tick: 20, bin_low: 20, bin_high: 25, method: 'wilson', n: 3, mean: 90, sd: 9, ci_low: 89, ci_high: 91 },
    ]);
  });

  it('passes the sensitivity rows through', () => {
    const rows = statsRows(fixtureStats());
    expect(section(rows, 'sensitivity')).toEqual([
      { section: 'sensitivity', point: 'all', arm: 'default', tick: null, n: 16, outcome: 'diversity_final', parameter: 'openness', method: 'saltelli', index: 'S1', estimate: 0.6, lo: 0.4, hi: 0.8 },
    ]);
  });

  it('writes main effects (share or EMM difference, r2 of the outcome model when there is one) and interactions', () => {
    const rows = statsRows(fixtureStats());
    expect(section(rows, 'main_effect')).toEqual([
      { section: 'main_effect', point: 'all', outcome: 'innovation_value_late', parameter: 'openness', level: '0.3', reference: '0', scale: 'log', method: 'emm_difference', n: 12, estimate: 0.1, lo: 0.05, hi: 0.15, p: 0.01, rel_mean: 0.105, rel_ci_low: 0.051, rel_ci_high: 0.162, r2: 0.9 },
      { section: 'main_effect', point: 'all', outcome: 'locked_in', parameter: 'mode', level: 'b', reference: 'a', scale: 'probability', method: 'share_difference', n: 12, estimate: -0.2, lo: -0.4, hi: 0, p: 0.06, rel_mean: NaN, rel_ci_low: NaN, rel_ci_high: NaN, r2: undefined },
      // ... written TRUE / FALSE in stats.csv, as the parameter's own columns write it.
      { section: 'main_effect', point: 'all', outcome: 'innovation_value_late', parameter: 'deepen', level: 'TRUE', reference: 'FALSE', scale: 'log', method: 'emm_difference', n: 12, estimate: 0.2, lo: 0.1, hi: 0.3, p: 0.02, rel_mean: 0.22, rel_ci_low: 0.1, rel_ci_high: 0.35, r2: 0.9 },
    ]);
    expect(section(rows, 'interaction')).toEqual([
      { section: 'interaction', point: 'all', outcome: 'locked_in', parameter_a: 'openness', parameter_b: 'mode', scale: 'probability', method: 'adjusted-wald-largest', n: 12, estimate: 0.25, lo: -0.1, hi: 0.6, p: 0.3, effect_size: NaN },
    ]);
  });

  it('writes regression and partial-dependence rows, an empty arm for the pooled fit', () => {
    const rows = statsRows(fixtureStats());
    const regression = section(rows, 'regression');
    expect(regression).toEqual([
      { section: 'regression', point: 'all', arm: null, outcome: 'diversity_final', parameter: 'openness', method: 'src', n: 20, estimate: 0.7, lo: 0.5, hi: 0.9, p: 0.001, r2: 0.6 },
      { section: 'regression', point: 'all', arm: 'cluster', outcome: 'diversity_final', parameter: 'openness', method: 'prcc', n: 21, estimate: 0.65, lo: 0.45, hi: 0.85, p: 0.002, r2: 0.6 },
    ]);
    expect(regression[0].arm).toBeNull();
    const dependence = section(rows, 'partial_dependence');
    expect(dependence).toEqual([
      { section: 'partial_dependence', point: 'all', arm: null, outcome: 'diversity_final', parameter: 'openness', method: 't', n: 5, mean: 0.4, ci_low: 0.3, ci_high: 0.5, bin_low: 0, bin_high: 0.1, estimate: 0.4, lo: 0.3, hi: 0.5 },
      { section: 'partial_dependence', point: 'all', arm: 'cluster', outcome: 'diversity_final', parameter: 'openness', method: 'wilson', n: 4, mean: 0.45, ci_low: 0.35, ci_high: 0.55, bin_low: 0.1, bin_high: 0.2, estimate: 0.45, lo: 0.35, hi: 0.55 },
    ]);
    expect(dependence[0].arm).toBeNull();
  });

  it('writes contrasts, heterogeneity (what the F test says, as the measure) and ranks', () => {
    const rows = statsRows(fixtureStats());
    const c = { section: 'contrast', outcome: 'innovation_value_late', arm_a: 'cluster', arm_b: 'baseline', method: 't' };
    expect(section(rows, 'contrast')).toEqual([
      { ...c, point: 'all', params: undefined, n: 6, estimate: 0.4, lo: 0.3, hi: 0.5, p: 0.001, p_holm: 0.002, effect_size: 4, rel_mean: 0.08, rel_ci_low: 0.06, rel_ci_high: 0.1 },
      { ...c, point: 1, params: P1, n: 3, estimate: 0.5, lo: 0.2, hi: 0.8, p: 0.01, p_holm: 0.02, effect_size: 3, rel_mean: 0.1, rel_ci_low: 0.04, rel_ci_high: 0.16 },
    ]);
    const h = { section: 'heterogeneity', point: 'all', arm_a: 'cluster', arm_b: 'baseline', method: 'anova_f_by_point' };
    expect(section(rows, 'heterogeneity')).toEqual([
      { ...h, outcome: 'a', n: 2, estimate: 9, p: 0.04, measure: 'signs_differ' },
      { ...h, outcome: 'b', n: 3, estimate: 5, p: 0.03, measure: 'effects_differ' },
      { ...h, outcome: 'c', n: 4, estimate: 1, p: 0.5, measure: 'no_clear_difference' },
    ]);
    expect(section(rows, 'rank')).toEqual([
      { section: 'rank', point: 'all', params: undefined, outcome: 'innovation_value_late', arm: 'cluster', method: 'bootstrap_higher_is_better', n: 6, mean: 5.4, estimate: 1.1, p_best: 0.9 },
      { section: 'rank', point: 1, params: P1, outcome: 'lock_in_index_final', arm: 'baseline', method: 'bootstrap_lower_is_better', n: 3, mean: 0.5, estimate: 1.7, p_best: 0.3 },
    ]);
  });

  it('writes survival curves, log-rank tests, paired log-rank tests with who recovered first, and degenerate runs', () => {
    const rows = statsRows(fixtureStats());
    expect(section(rows, 'survival')).toEqual([
      { section: 'survival', point: 1, arm: 'shock', params: P1, outcome: 'resilience_ticks', condition: 'openness = 0.3 · shock', method: 'kaplan_meier', n: 4, censored: 1, median: 12, estimate: 12, lo: 8, hi: NaN, mean: 13.5, ci_low: 9.4, ci_high: 17.6, bin_low: 0, bin_high: 30 },
      { section: 'survival', point: 7, arm: 'shock', params: undefined, outcome: 'resilience_ticks', condition: 'x', method: 'kaplan_meier', n: 1, censored: 1, median: NaN, estimate: NaN, lo: NaN, hi: NaN, mean: 25, ci_low: NaN, ci_high: NaN, bin_low: 0, bin_high: 25 },
    ]);
    expect(section(rows, 'logrank')).toEqual([
      { section: 'logrank', point: 'all', arm: 'shock', outcome: 'resilience_ticks', condition: 'openness = 0 · shock | openness = 0.3 · shock', method: 'log_rank', estimate: 3.2, n: 2, p: 0.07 },
    ]);
    const pooled = { point: 'all', params: undefined, outcome: 'resilience_ticks', arm_a: 'shock', arm_b: 'baseline' };
    const base = { point: 1, params: P1, outcome: 'resilience_ticks', arm_a: 'shock', arm_b: 'baseline' };
    expect(section(rows, 'logrank_paired')).toEqual([
      { section: 'logrank_paired', ...pooled, method: 'log_rank_stratified_by_seed', n: 6, estimate: 0.7, p: 0.4, p_holm: 0.8 },
      { section: 'logrank_paired', ...base, method: 'log_rank_stratified_by_seed', n: 4, estimate: 0.5, p: 0.48, p_holm: 0.9 },
    ]);
    expect(section(rows, 'recovery_first')).toEqual([
      { section: 'recovery_first', ...pooled, measure: 'a_first', n: 2 },
      { section: 'recovery_first', ...pooled, measure: 'b_first', n: 3 },
      { section: 'recovery_first', ...pooled, measure: 'same_tick', n: 1 },
      { section: 'recovery_first', ...pooled, measure: 'hidden_by_censoring', n: 0 },
      { section: 'recovery_first', ...base, measure: 'a_first', n: 1 },
      { section: 'recovery_first', ...base, measure: 'b_first', n: 2 },
      { section: 'recovery_first', ...base, measure: 'same_tick', n: 0 },
      { section: 'recovery_first', ...base, measure: 'hidden_by_censoring', n: 1 },
    ]);
    expect(section(rows, 'degenerate')).toEqual([
      { section: 'degenerate', point: 1, arm: 'baseline', params: P1, measure: 'no_firms', n: 1, condition: 'p0001.a00.r0002' },
    ]);
  });

  it('writes series rows per tick, a pooled group (point -1) as point all without parameters', () => {
    const rows = statsRows(fixtureStats());
    expect(section(rows, 'series')).toEqual([
      { section: 'series', point: 0, arm: 'baseline', params: P0, measure: 'diversity', tick: 0, method: 't', n: 3, mean: 0.5, sd: 0.1, ci_low: 0.4, ci_high: 0.6 },
      { section: 'series', point: 0, arm: 'baseline', params: P0, measure: 'diversity', tick: 1, method: 'beta', n: 2, mean: 0.6, sd: 0.2, ci_low: 0.45, ci_high: 0.75 },
      { section: 'series', point: 'all', arm: 'cluster', params: undefined, measure: 'lock_in_index', tick: 5, method: 't', n: 8, mean: 0.3, sd: 0.05, ci_low: 0.25, ci_high: 0.35 },
    ]);
    expect(section(rows, 'series')[2].params).toBeUndefined();
  });

  it("adds one firm_quadratic row per arm pooling its design points: the report's firm-level number", () => {
    // Two points of one arm, per-run terms [-1, 0] and [-0.5, -2.5]: pooled n = 4, mean -1,
    // sd sqrt(((0)^2 + 1 + 0.25 + 2.25) / 3) = 1.0801234; t(0.975, 3) = 3.1824463 (R: qt(0.975, 3)).
    const stats = fixtureStats();
    const curve = (point: number, terms: number[]) => ({ point, arm: 'baseline', label: '', runs: terms.length, firms: 10, quadratic: summarize(terms), terms, bins: [] });
    const two = { ...stats, firmCurves: [curve(0, [-1, 0]), curve(1, [-0.5, -2.5])] } as unknown as SweepStats;
    const pooled = section(statsRows(two), 'firm_quadratic').filter((r) => r.point === 'all');
    expect(pooled).toHaveLength(1);
    expect(pooled[0]).toMatchObject({ arm: 'baseline', method: 't', n: 4, mean: -1 });
    expect(pooled[0].sd as number).toBeCloseTo(1.0801234, 6);
    expect(pooled[0].ci_low as number).toBeCloseTo(-1 - 3.1824463 * 1.0801234 / 2, 6);
    expect(pooled[0].ci_high as number).toBeCloseTo(-1 + 3.1824463 * 1.0801234 / 2, 6);
    // One point: no pooled row (the point's own row is the number).
    expect(section(statsRows(stats), 'firm_quadratic').filter((r) => r.point === 'all')).toEqual([]);
  });

  it('puts the sections in their documented order', () => {
    const rows = statsRows(fixtureStats());
    const order = [...new Set(rows.map((r) => r.section))];
    expect(order).toEqual(['outcome', 'locked_in_share', 'paired_difference', 'value_per_cost', 'firm_quadratic', 'firm_curve', 'link_flow', 'sensitivity',
      'main_effect', 'interaction', 'regression', 'partial_dependence', 'contrast', 'heterogeneity', 'rank', 'survival', 'logrank', 'logrank_paired', 'recovery_first', 'degenerate', 'series']);
    expect(rows).toHaveLength(5 + 2 + 2 + 4 + 1 + 4 + 2 + 1 + 3 + 1 + 2 + 2 + 2 + 3 + 2 + 2 + 1 + 2 + 8 + 1 + 3);
  });

  it('writes no sensitivity rows without a sensitivity design', () => {
    const stats = { ...fixtureStats(), sensitivity: null } as SweepStats;
    expect(section(statsRows(fixtureStats()), 'sensitivity')).toHaveLength(1);
    expect(section(statsRows(stats), 'sensitivity')).toEqual([]);
  });
});

describe('statsTable and statsHeader', () => {
  it('puts one column per swept parameter after point, and null in every empty cell', () => {
    expect(statsHeader(['openness', 'mode'])).toEqual(['section', 'point', 'openness', 'mode', ...STATS_COLUMNS.slice(2)]);
    expect(STATS_COLUMNS.slice(0, 3)).toEqual(['section', 'point', 'arm']);
    expect(STATS_COLUMNS).toHaveLength(40);
    expect(STATS_COLUMNS.slice(-2)).toEqual(['df1', 'df2']);
    const { header, rows } = statsTable(fixtureStats());
    expect(header).toEqual(statsHeader(['openness', 'mode']));
    expect(rows).toHaveLength(statsRows(fixtureStats()).length);
    const cell = (row: (string | number | null)[], column: string) => row[header.indexOf(column)];
    // An outcome row: the point's parameters filled in, absent columns null (not undefined).
    const outcome = rows[0];
    expect(outcome).toHaveLength(header.length);
    expect(outcome.slice(0, 6)).toEqual(['outcome', 0, 0, 'a', 'baseline', null]);
    expect(cell(outcome, 'measure')).toBe('innovation_value_late');
    expect(cell(outcome, 'ci_high')).toBe(6);
    expect(cell(outcome, 'p_best')).toBeNull();
    // A pooled paired row has no parameters: null cells.
    const paired = rows.find((r) => r[0] === 'paired_difference' && r[1] === 'all')!;
    expect(paired.slice(0, 4)).toEqual(['paired_difference', 'all', null, null]);
    // A parameter missing from the point's parameters is null too.
    const stats = fixtureStats();
    (stats.groups[0] as { params: Record<string, unknown> }).params = { openness: 0 };
    expect(statsTable(stats).rows[0].slice(0, 4)).toEqual(['outcome', 0, 0, null]);
    // A row with no section or point (none is written so; the cells still come out null).
    const sensitivity = rows.find((r) => r[0] === 'sensitivity')!;
    expect(cell(sensitivity, 'tick')).toBeNull();
    expect(cell(sensitivity, 'index')).toBe('S1');
  });
});
