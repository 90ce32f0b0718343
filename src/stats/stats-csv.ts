/**
 * DIR/stats.csv: every statistic as one tidy row (one observation per row, one variable
 * per column), so it loads straight into R, pandas or a spreadsheet.
 */
import { sensitivityStatsRows } from './sensitivity/stats-rows';
import type { SweepStats } from './sweep-stats';
import { pooledQuadratics } from './firm-curve';

export const STATS_COLUMNS = [
  'section', 'point', 'arm', 'baseline', 'measure', 'tick', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'effect_size', 'rel_mean', 'rel_ci_low', 'rel_ci_high', 'bin_low', 'bin_high',
  // Estimates fitted to the design (one row per estimate).
  'outcome', 'parameter', 'level', 'reference', 'parameter_a', 'parameter_b', 'method', 'scale', 'arm_a', 'arm_b', 'condition', 'index',
  'estimate', 'lo', 'hi', 'p', 'p_holm', 'p_best', 'r2', 'median', 'censored',
  // Degrees of freedom of a design estimate's t (df2; df1 = 1) or F (df1, df2).
  'df1', 'df2',
] as const;
type Column = (typeof STATS_COLUMNS)[number];
export type StatsRow = Partial<Record<Column, string | number | null>> & { params?: Record<string, unknown> };

/**
 * The tidy rows of stats.csv. Sections: `outcome` (per point x arm), `locked_in_share`
 * (Wilson interval; resilience_ticks, a censored time, has no mean there: method
 * `see_survival`, n and censored only), `series` (per tick), `paired_difference` (arm - baseline on the same
 * seeds; effect_size = Cohen's d_z; rel_* = fraction of the baseline mean), `value_per_cost`
 * (extra innovation_value_total per unit extra policy_cost), and with firm microdata
 * `firm_quadratic` (quadratic term of firms' late value on partner distance, fitted per
 * run; n = runs; with several design points also one row per arm with point `all`, the
 * terms of all its points pooled: the report's firm-level sentence) and `firm_curve`
 * (late value, and partner distance, of the firms whose partner distance is in
 * [bin_low, bin_high); n = firms; an empty bin_high is open), and
 * with infrastructure policies `link_flow` (tacit flow per tick between the two places a
 * link joins, both ways, in the block of ticks [bin_low, bin_high), tick = bin_low;
 * measure `tacit_flow:FROM:TO`; CI over runs). `firm_curve` intervals are across firms
 * pooled over runs (a run's firms share its history: read them as a guide); every other
 * interval is across runs. `point` is `all` when pooled. With a morris or saltelli design,
 * `sensitivity` rows (src/stats/sensitivity/stats-rows.ts). With a continuous design and
 * arms, `condition_heterogeneity` rows: each arm's effect regressed on the sampled
 * conditions (one `all_conditions` row with the HTZ F and R^2, one `slope_per_sd` row per condition).
 */
export function statsRows(stats: SweepStats): StatsRow[] {
  const rows: StatsRow[] = [];
  for (const g of stats.groups) {
    const base = { point: g.point, arm: g.arm, params: g.params };
    for (const [measure, s] of Object.entries(g.outcomes)) {
      rows.push({ section: 'outcome', ...base, measure, method: orNone(s.n, s.interval ?? 't', s.censored), n: s.n, mean: s.mean, sd: s.sd, ci_low: s.ciLow, ci_high: s.ciHigh, ...(s.censored === undefined ? {} : { censored: s.censored }) });
    }
    const li = g.lockedIn;
    rows.push({ section: 'locked_in_share', ...base, measure: 'locked_in', method: 'wilson', n: li.n, mean: li.share, ci_low: li.ciLow, ci_high: li.ciHigh });
  }
  for (const p of stats.paired) {
    const d = p.difference;
    rows.push({
      section: 'paired_difference', point: p.point ?? 'all', arm: p.arm, baseline: p.baseline, measure: p.outcome,
      params: p.point === null ? undefined : groupParams(stats, p.point),
      method: orNone(d.n, d.method), n: d.n, mean: d.mean, sd: d.sd, ci_low: d.ciLow, ci_high: d.ciHigh, effect_size: d.dz,
      rel_mean: d.relMean, rel_ci_low: d.relCiLow, rel_ci_high: d.relCiHigh,
    });
  }
  for (const c of stats.cost) {
    rows.push({
      section: 'value_per_cost', point: c.point ?? 'all', arm: c.arm, baseline: c.baseline,
      measure: c.window === 'late' ? 'extra_innovation_value_late_window_per_extra_policy_cost_late_window' : 'extra_innovation_value_total_per_extra_policy_cost',
      params: c.point === null ? undefined : groupParams(stats, c.point),
      // no_extra_cost only when the extra cost is known to be 0 or below; unknown (no finite cost on some pair): none.
      method: !Number.isFinite(c.extraCost) ? 'none' : c.extraCost > 0 ? orNone(c.pairs, c.method) : 'no_extra_cost', n: c.pairs, mean: c.valuePerCost, ci_low: c.valuePerCostLow, ci_high: c.valuePerCostHigh,
    });
  }
  for (const c of stats.firmCurves) {
    const base = { point: c.point, arm: c.arm, params: groupParams(stats, c.point) };
    const q = c.quadratic;
    rows.push({ section: 'firm_quadratic', ...base, measure: 'late_innovation_value_on_partner_distance', method: 't', n: q.n, mean: q.mean, sd: q.sd, ci_low: q.ciLow, ci_high: q.ciHigh });
    for (const b of c.bins) {
      const bin = { bin_low: b.low, bin_high: Number.isFinite(b.high) ? b.high : null };
      for (const [measure, s] of [['late_innovation_value', b.value], ['partner_distance', b.distance]] as const) {
        rows.push({ section: 'firm_curve', ...base, measure, method: s.interval ?? 't', n: s.n, mean: s.mean, sd: s.sd, ci_low: s.ciLow, ci_high: s.ciHigh, ...bin });
      }
    }
  }
  // The report's firm-level sentence pools each arm's design points: its numbers as rows
  // with point `all` (only where there is more than one point; else the row above is it).
  for (const pq of pooledQuadratics(stats.firmCurves)) {
    if (pq.points < 2) continue;
    const q = pq.quadratic;
    rows.push({ section: 'firm_quadratic', point: 'all', arm: pq.arm, measure: 'late_innovation_value_on_partner_distance', method: 't', n: q.n, mean: q.mean, sd: q.sd, ci_low: q.ciLow, ci_high: q.ciHigh });
  }
  for (const link of stats.linkFlows) {
    for (const g of link.groups) {
      for (const b of g.blocks) {
        const s = b.flow;
        rows.push({ section: 'link_flow', point: g.point, arm: g.arm, params: groupParams(stats, g.point), measure: `tacit_flow:${link.from}:${link.to}`, tick: b.start, bin_low: b.start, bin_high: b.end, method: s.interval ?? 't', n: s.n, mean: s.mean, sd: s.sd, ci_low: s.ciLow, ci_high: s.ciHigh });
      }
    }
  }
  rows.push(...sensitivityStatsRows(stats.sensitivity));
  rows.push(...designRows(stats));
  for (const g of stats.seriesGroups) {
    for (const [measure, band] of Object.entries(g.series)) {
      for (let i = 0; i < band.tick.length; i++) {
        rows.push({ section: 'series', point: g.point < 0 ? 'all' : g.point, arm: g.arm, params: g.point < 0 ? undefined : g.params, measure, tick: band.tick[i], method: band.interval[i], n: band.n[i], mean: band.mean[i], sd: band.sd[i], ci_low: band.ciLow[i], ci_high: band.ciHigh[i] });
      }
    }
  }
  return rows;
}

/**
 * Sections main_effect, interaction, regression, partial_dependence, contrast, heterogeneity,
 * rank, survival (Kaplan-Meier median in median/estimate/lo/hi; restricted mean recovery time
 * to bin_high in mean/ci_low/ci_high), logrank, logrank_paired, recovery_first, degenerate.
 */
function designRows(stats: SweepStats): StatsRow[] {
  const rows: StatsRow[] = [];
  const e = stats.effects;
  for (const m of e.mainEffects) {
    rows.push({ section: 'main_effect', point: 'all', outcome: m.outcome, parameter: m.parameter, level: levelCell(stats, m.parameter, m.level), reference: levelCell(stats, m.parameter, m.reference), scale: m.scale, method: m.scale === 'probability' ? 'share_difference' : 'emm_difference', n: m.n, estimate: m.estimate, lo: m.lo, hi: m.hi, p: m.p, rel_mean: m.rel, rel_ci_low: m.relLo, rel_ci_high: m.relHi, r2: e.models[m.outcome]?.r2, ...(Number.isFinite(m.df) ? { df1: 1, df2: m.df } : {}) });
  }
  for (const i of e.interactions) {
    rows.push({ section: 'interaction', point: 'all', outcome: i.outcome, parameter_a: i.parameterA, parameter_b: i.parameterB, scale: i.scale, method: i.method, n: i.n, estimate: i.size, lo: i.lo, hi: i.hi, p: i.p, effect_size: i.F, ...(Number.isFinite(i.df2) ? { df1: i.df1, df2: i.df2 } : {}) });
  }
  for (const r of e.regression) {
    rows.push({ section: 'regression', point: 'all', arm: r.arm || null, outcome: r.outcome, parameter: r.parameter, method: r.method, n: r.n, estimate: r.estimate, lo: r.lo, hi: r.hi, p: r.p, r2: r.r2 });
  }
  for (const b of e.dependence) {
    rows.push({ section: 'partial_dependence', point: 'all', arm: b.arm || null, outcome: b.outcome, parameter: b.parameter, method: b.interval, n: b.n, mean: b.mean, ci_low: b.lo, ci_high: b.hi, bin_low: b.xLow, bin_high: b.xHigh, estimate: b.mean, lo: b.lo, hi: b.hi });
  }
  const a = stats.armComparison;
  for (const c of a.contrasts) {
    rows.push({ section: 'contrast', point: c.point ?? 'all', params: c.point === null ? undefined : groupParams(stats, c.point), outcome: c.outcome, arm_a: c.armA, arm_b: c.armB, method: orNone(c.n, c.method), n: c.n, estimate: c.estimate, lo: c.lo, hi: c.hi, p: c.p, p_holm: c.pHolm, effect_size: c.dz, rel_mean: c.rel, rel_ci_low: c.relLo, rel_ci_high: c.relHi });
  }
  for (const h of a.heterogeneity) {
    rows.push({ section: 'heterogeneity', point: 'all', outcome: h.outcome, arm_a: h.armA, arm_b: h.armB, method: h.constantByPoint ? 'constant_by_point' : 'anova_f_by_point', n: h.points, estimate: h.F, p: h.p, measure: h.signsDiffer ? 'signs_differ' : h.misleading ? 'effects_differ' : 'no_clear_difference' });
  }
  for (const h of stats.conditionEffects ?? []) {
    const base = { section: 'condition_heterogeneity', point: 'all', outcome: h.outcome, arm_a: h.arm, arm_b: h.baseline, n: h.n } as const;
    rows.push({ ...base, method: h.exact ? 'exact_linear_fit' : 'hc2_htz', measure: 'all_conditions', estimate: h.F, p: h.p, r2: h.r2, ...(Number.isFinite(h.df2) ? { df1: h.df1, df2: h.df2 } : {}) });
    for (const sl of h.slopes) rows.push({ ...base, method: h.exact ? 'exact_linear_fit' : 'hc2_satterthwaite', measure: 'slope_per_sd', parameter: sl.parameter, estimate: sl.estimate, lo: sl.lo, hi: sl.hi, p: sl.p, ...(Number.isFinite(sl.df) ? { df1: 1, df2: sl.df } : {}) });
  }
  for (const r of a.ranks) {
    rows.push({ section: 'rank', point: r.point ?? 'all', params: r.point === null ? undefined : groupParams(stats, r.point), outcome: r.outcome, arm: r.arm, method: `bootstrap${r.points ? '_by_point' : ''}_${r.higherIsBetter ? 'higher' : 'lower'}_is_better`, n: r.seeds, mean: r.meanValue, estimate: r.meanRank, p_best: r.pBest });
  }
  for (const c of stats.recovery.curves) {
    rows.push({
      section: 'survival', point: c.point, arm: c.arm, params: groupParams(stats, c.point), outcome: 'resilience_ticks', condition: c.condition, method: 'kaplan_meier', n: c.n, censored: c.censored,
      median: c.median, estimate: c.median, lo: c.medianLo, hi: c.medianHi, mean: c.rmst, ci_low: c.rmstLo, ci_high: c.rmstHi, bin_low: 0, bin_high: c.horizon,
    });
  }
  for (const t of stats.recovery.tests) {
    rows.push({ section: 'logrank', point: 'all', arm: t.arm, outcome: 'resilience_ticks', condition: t.conditions.join(' | '), method: 'log_rank', estimate: t.chisq, n: t.conditions.length, p: t.p });
  }
  for (const t of stats.recovery.armTests) {
    const base = { point: t.point ?? 'all', params: t.point === null ? undefined : groupParams(stats, t.point), outcome: 'resilience_ticks', arm_a: t.armA, arm_b: t.armB };
    rows.push({ section: 'logrank_paired', ...base, method: 'log_rank_stratified_by_seed', n: t.pairs, estimate: t.chisq, p: t.p, p_holm: t.pHolm });
    for (const [measure, n] of [['a_first', t.aFirst], ['b_first', t.bFirst], ['same_tick', t.ties], ['hidden_by_censoring', t.undetermined]] as const) {
      rows.push({ section: 'recovery_first', ...base, measure, n });
    }
  }
  for (const r of stats.degenerateRuns) {
    rows.push({ section: 'degenerate', point: r.point, arm: r.arm, params: r.params, measure: r.degenerate, n: 1, condition: r.key });
  }
  return rows;
}

/**
 * The method of a row with no value to estimate from (n = 0: the outcome is undefined in
 * every run of the group, e.g. drop_ratio without a shock) is `none`, not the estimator it
 * would have used; a censored time with only censored runs keeps `see_survival`.
 */
function orNone(n: number, method: string, censored?: number): string {
  return n > 0 || (censored ?? 0) > 0 ? method : 'none';
}

/**
 * A main effect's level as the parameter columns write it: a boolean parameter's levels
 * TRUE / FALSE (as in runs.csv; the findings' text says true / false), others as they are.
 */
function levelCell(stats: SweepStats, parameter: string, level: string): string {
  const boolean = stats.groups.some((g) => typeof g.params[parameter] === 'boolean');
  return boolean && (level === 'true' || level === 'false') ? level.toUpperCase() : level;
}

function groupParams(stats: SweepStats, point: number): Record<string, unknown> | undefined {
  return stats.groups.find((g) => g.point === point)?.params;
}

/** The header of stats.csv: one column per swept parameter follows `point` (also read by the data dictionary). */
export function statsHeader(parameters: readonly string[]): string[] {
  return ['section', 'point', ...parameters, ...STATS_COLUMNS.slice(2)];
}

/** Header and cells of stats.csv: one column per swept parameter follows `point`. */
export function statsTable(stats: SweepStats): { header: string[]; rows: (string | number | null)[][] } {
  const header = statsHeader(stats.parameters);
  const rows = statsRows(stats).map((r) => [
    r.section ?? null,
    r.point ?? null,
    ...stats.parameters.map((p) => (r.params ? (r.params[p] as string | number | null) ?? null : null)),
    ...STATS_COLUMNS.slice(2).map((c) => r[c] ?? null),
  ]);
  return { header, rows };
}
