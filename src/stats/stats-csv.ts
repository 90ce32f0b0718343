/**
 * DIR/stats.csv: every statistic as one tidy row (one observation per row, one variable
 * per column), so it loads straight into R, pandas or a spreadsheet.
 */
import { sensitivityStatsRows } from './sensitivity/stats-rows';
import type { SweepStats } from './sweep-stats';

export const STATS_COLUMNS = ['section', 'point', 'arm', 'baseline', 'measure', 'tick', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'effect_size', 'rel_mean', 'rel_ci_low', 'rel_ci_high', 'bin_low', 'bin_high', 'outcome', 'parameter', 'method', 'index', 'estimate', 'lo', 'hi'] as const;
type Column = (typeof STATS_COLUMNS)[number];
export type StatsRow = Partial<Record<Column, string | number | null>> & { params?: Record<string, unknown> };

/**
 * The tidy rows of stats.csv. Sections: `outcome` (per point x arm), `locked_in_share`
 * (Wilson interval), `series` (per tick), `paired_difference` (arm - baseline on the same
 * seeds; effect_size = Cohen's d_z; rel_* = fraction of the baseline mean), `value_per_cost`
 * (extra innovation_value_total per unit extra policy_cost), and with firm microdata
 * `firm_quadratic` (quadratic term of firms' late value on partner distance, fitted per
 * run; n = runs) and `firm_curve` (late value, and partner distance, of the firms whose
 * partner distance is in [bin_low, bin_high); n = firms; an empty bin_high is open), and
 * with infrastructure policies `link_flow` (tacit flow per tick between the two places a
 * link joins, both ways, in the block of ticks [bin_low, bin_high), tick = bin_low;
 * measure `tacit_flow:FROM:TO`; CI over runs). `firm_curve` intervals are across firms
 * pooled over runs (a run's firms share its history: read them as a guide); every other
 * interval is across runs. `point` is `all` when pooled. With a morris or saltelli design,
 * `sensitivity` rows (src/stats/sensitivity/stats-rows.ts).
 */
export function statsRows(stats: SweepStats): StatsRow[] {
  const rows: StatsRow[] = [];
  for (const g of stats.groups) {
    const base = { point: g.point, arm: g.arm, params: g.params };
    for (const [measure, s] of Object.entries(g.outcomes)) {
      rows.push({ section: 'outcome', ...base, measure, n: s.n, mean: s.mean, sd: s.sd, ci_low: s.ciLow, ci_high: s.ciHigh });
    }
    const li = g.lockedIn;
    rows.push({ section: 'locked_in_share', ...base, measure: 'locked_in', n: li.n, mean: li.share, ci_low: li.ciLow, ci_high: li.ciHigh });
  }
  for (const p of stats.paired) {
    const d = p.difference;
    rows.push({
      section: 'paired_difference', point: p.point ?? 'all', arm: p.arm, baseline: p.baseline, measure: p.outcome,
      params: p.point === null ? undefined : groupParams(stats, p.point),
      n: d.n, mean: d.mean, sd: d.sd, ci_low: d.ciLow, ci_high: d.ciHigh, effect_size: d.dz,
      rel_mean: d.relMean, rel_ci_low: d.relCiLow, rel_ci_high: d.relCiHigh,
    });
  }
  for (const c of stats.cost) {
    rows.push({
      section: 'value_per_cost', point: c.point ?? 'all', arm: c.arm, baseline: c.baseline, measure: 'extra_innovation_value_total_per_extra_policy_cost',
      params: c.point === null ? undefined : groupParams(stats, c.point),
      n: c.pairs, mean: c.valuePerCost, ci_low: c.valuePerCostLow, ci_high: c.valuePerCostHigh,
    });
  }
  for (const c of stats.firmCurves) {
    const base = { point: c.point, arm: c.arm, params: groupParams(stats, c.point) };
    const q = c.quadratic;
    rows.push({ section: 'firm_quadratic', ...base, measure: 'late_innovation_value_on_partner_distance', n: q.n, mean: q.mean, sd: q.sd, ci_low: q.ciLow, ci_high: q.ciHigh });
    for (const b of c.bins) {
      const bin = { bin_low: b.low, bin_high: Number.isFinite(b.high) ? b.high : null };
      for (const [measure, s] of [['late_innovation_value', b.value], ['partner_distance', b.distance]] as const) {
        rows.push({ section: 'firm_curve', ...base, measure, n: s.n, mean: s.mean, sd: s.sd, ci_low: s.ciLow, ci_high: s.ciHigh, ...bin });
      }
    }
  }
  for (const link of stats.linkFlows) {
    for (const g of link.groups) {
      for (const b of g.blocks) {
        const s = b.flow;
        rows.push({ section: 'link_flow', point: g.point, arm: g.arm, params: groupParams(stats, g.point), measure: `tacit_flow:${link.from}:${link.to}`, tick: b.start, bin_low: b.start, bin_high: b.end, n: s.n, mean: s.mean, sd: s.sd, ci_low: s.ciLow, ci_high: s.ciHigh });
      }
    }
  }
  rows.push(...sensitivityStatsRows(stats.sensitivity));
  for (const g of stats.groups) {
    for (const [measure, band] of Object.entries(g.series)) {
      for (let i = 0; i < band.tick.length; i++) {
        rows.push({ section: 'series', point: g.point, arm: g.arm, params: g.params, measure, tick: band.tick[i], n: band.n[i], mean: band.mean[i], sd: band.sd[i], ci_low: band.ciLow[i], ci_high: band.ciHigh[i] });
      }
    }
  }
  return rows;
}

function groupParams(stats: SweepStats, point: number): Record<string, unknown> | undefined {
  return stats.groups.find((g) => g.point === point)?.params;
}

/** Header and cells of stats.csv: one column per swept parameter follows `point`. */
export function statsTable(stats: SweepStats): { header: string[]; rows: (string | number | null)[][] } {
  const header = ['section', 'point', ...stats.parameters, ...STATS_COLUMNS.slice(2)];
  const rows = statsRows(stats).map((r) => [
    r.section ?? null,
    r.point ?? null,
    ...stats.parameters.map((p) => (r.params ? (r.params[p] as string | number | null) ?? null : null)),
    ...STATS_COLUMNS.slice(2).map((c) => r[c] ?? null),
  ]);
  return { header, rows };
}
