/**
 * Replicate statistics of a sweep directory: per point x arm summaries of every outcome,
 * per-tick bands of the main series, the share of locked-in runs, paired differences of
 * each arm against the baseline arm on the same seeds, and value per unit policy cost.
 */
import { firmCurves, type FirmCurve } from './firm-curve';
import { LinkFlowAccumulator, type LinkFlowStats } from './link-flows';
import { pairedDifference, type PairedDifference, type PairedMethod } from './paired';
import { readManifest } from '../sweep/manifest';
import { outcomeValue, readRunRecords, type RunRecord, type ScenarioLike, type SweepManifest } from './records';
import { SeriesAccumulator, type SeriesBand } from './series-band';
import { sweepSensitivity, type SweepSensitivity } from './sensitivity/sweep-sensitivity';
import { summarize, type Summary } from './summary';
import { summarizeBounded } from './bounded-interval';
import { isZeroOneOutcome, outcomeRange } from './outcome-range';
import { wilsonInterval, type Share } from './wilson';
import { formatParamValue } from './param-value';
import type { GroupStats, RunRow } from './run-rows';
import { compareArms, type ArmComparison } from './arm-contrasts';
import { armRoles, type ArmRoles } from './arm-roles';
import { BINARY_OUTCOMES, designEffects, type DesignEffects } from './design-effects';
import { recoveryStats, type RecoveryStats } from './recovery';
import { conditionHeterogeneity, type ConditionHeterogeneity } from './heterogeneity';

export { formatParamValue } from './param-value';
export type { GroupStats, RunRow } from './run-rows';

/** Time-series columns with per-tick bands (those present in the records are used). */
export const MAIN_SERIES = [
  'innovation_value',
  'lock_in_index',
  'lock_in_cognitive',
  'lock_in_functional',
  'lock_in_exhaustion',
  'diversity',
  'external_tie_share',
] as const;
/** The headline columns of the reference models (src/models) also get bands. */
const REFERENCE_SERIES = new Set(['code_knowledge', 'member_knowledge_mean', 'mean_knowledge', 'knowledge_cv']);
/** Flow columns are `flow_<tacit|explicit>_<channel>`; all of them get bands. */
export const FLOW_PREFIX = 'flow_';
/** Firms' learning by source, `firm_learning_from_<source>`; all of them get bands. */
export const LEARNING_PREFIX = 'firm_learning_from_';

/** A paired comparison of one arm with the baseline arm for one outcome. */
export interface PairedStats {
  /** The point, or null for all points pooled. */
  point: number | null;
  arm: string;
  baseline: string;
  outcome: string;
  difference: PairedDifference;
}

/**
 * Extra innovation value per unit of extra policy cost of an arm over the baseline, on one
 * window: `late` (the observation window of the headline effect) or `total` (whole run).
 */
export interface CostStats {
  point: number | null;
  arm: string;
  baseline: string;
  window: 'late' | 'total';
  pairs: number;
  extraCost: number;
  extraValue: Summary;
  valuePerCost: number;
  valuePerCostLow: number;
  valuePerCostHigh: number;
  /**
   * How the extra value's interval was computed (pairedDifference): `paired_t`,
   * `paired_t_by_point` pooled over fixed points, `paired_t_clustered_by_point` pooled over
   * sampled points with several seeds at a point, or `paired_all_equal` /
   * `paired_constant_by_point` when it was the same on every seed (within each point): no interval.
   */
  method: Exclude<PairedMethod, 'paired_share' | 'paired_share_clustered_by_point'>;
}

export interface SweepStats {
  dir: string;
  manifest: SweepManifest;
  scenario: ScenarioLike;
  /** Swept parameter paths, in the order of the design. */
  parameters: string[];
  /** Arm names in arm_index order. */
  arms: string[];
  /** The baseline arm (named `baseline`, else the first); null with fewer than 2 arms. */
  baselineArm: string | null;
  outcomeKeys: string[];
  seriesColumns: string[];
  placeNames: string[];
  groups: GroupStats[];
  /**
   * The groups whose per-tick bands the series charts and the `series` rows of stats.csv
   * show: `groups` for a grid; for a continuous design (lhs, sobol, morris, saltelli, file),
   * whose points are many and hold one or two runs each, one group per arm pooling every
   * point (point -1, label the arm or "all points"), and `groups` then carry no series.
   */
  seriesGroups: GroupStats[];
  runs: RunRow[];
  paired: PairedStats[];
  cost: CostStats[];
  failed: { key: string; error: string | null }[];
  /** Firm-level curves from DIR/microdata (empty when the sweep kept no firm tables). */
  firmCurves: FirmCurve[];
  /** Tacit flow over time across the links of infrastructure policies (empty without any). */
  linkFlows: LinkFlowStats[];
  /** Sensitivity indices of a morris or saltelli design (null for other designs). */
  sensitivity: SweepSensitivity | null;
  /** The design kind (grid, lhs, sobol, ...; grid when the manifest does not say). */
  design: string;
  /** Outcomes whose effects are estimated (headline outcomes and the scenario's listed ones). */
  effectOutcomes: string[];
  /** Runs left out of effect estimates because they are degenerate. */
  degenerateRuns: RunRow[];
  /** Effects of the swept parameters, fitted to the design. */
  effects: DesignEffects;
  /** Every pair of arms, heterogeneity over points and the ranking (of options only). */
  armComparison: ArmComparison;
  /** Which arms are options (choices) and which are conditions (they change the shocks). */
  armRoles: ArmRoles;
  /** Recovery after a shock as survival data (empty without a shock). */
  recovery: RecoveryStats;
  /** The unit of policy cost (scenario `cost_unit`), or '' when the scenario gives none. */
  costUnit: string;
  /**
   * Continuous designs only: each arm's effect over the baseline regressed on the sampled
   * conditions (heterogeneity.ts conditionHeterogeneity), per effect outcome; empty otherwise.
   */
  conditionEffects?: ConditionEffectRow[];
}

/** An arm's effect (arm - baseline) regressed on the sampled conditions, for one outcome. */
export interface ConditionEffectRow extends ConditionHeterogeneity {
  outcome: string;
  arm: string;
  baseline: string;
}

/** Outcomes whose effects every report estimates (when the runs have them). */
export const HEADLINE_OUTCOMES = ['innovation_value_late', 'lock_in_index_final', 'locked_in', 'diversity_final'] as const;
/** Outcomes reported as survival data (time and censoring), never as a mean. */
export const SURVIVAL_OUTCOMES = ['resilience_ticks', 'resilience_censored'] as const;
/**
 * The censored time among them: no mean, sd, interval or paired t of it anywhere (a run that
 * had not recovered when it ended holds its censoring time, a lower bound); its group rows
 * say `see_survival`, and recovery.ts gives the Kaplan-Meier median and restricted mean.
 * resilience_censored is a plain 0/1 outcome (not recovered by the end): a share, as others.
 */
export const CENSORED_TIME = 'resilience_ticks';

/** The short name of a parameter path: its last segment, unless two parameters share it. */
export function shortParamNames(parameters: readonly string[]): Record<string, string> {
  const last = parameters.map((p) => p.split('.').pop() ?? p);
  return Object.fromEntries(parameters.map((p, i) => [p, last.filter((l) => l === last[i]).length > 1 ? p : last[i]]));
}

interface GroupAccumulator {
  point: number;
  arm: string;
  armIndex: number;
  params: Record<string, unknown>;
  rows: RunRow[];
  series: Map<string, SeriesAccumulator>;
  flowSum: number[] | null;
  flowRuns: number;
}

/** Read DIR/runs.ndjson and DIR/manifest.json and compute every replicate statistic. */
export async function computeSweepStats(dir: string): Promise<SweepStats> {
  const manifest = (readManifest(dir) ?? {}) as SweepManifest;
  const scenario = (manifest.scenario ?? {}) as ScenarioLike;
  const groups = new Map<string, GroupAccumulator>();
  const seen = new Set<string>();
  const failed: { key: string; error: string | null }[] = [];
  const outcomeKeys: string[] = [];
  const seriesColumns: string[] = [];
  const parameters: string[] = [];
  let placeNames: string[] = [];
  const links = new LinkFlowAccumulator(scenario);
  // Per-point bands of a continuous design would be thousands of one-run lines (a Morris
  // screening of 97 parameters: 5.6 million stats.csv rows, out of memory): pool per arm.
  const pooled = typeof scenario.sweep?.design === 'string' && scenario.sweep.design !== 'grid';
  const armGroups = new Map<string, GroupAccumulator>();

  for await (const record of readRunRecords(dir)) {
    if (record.status !== 'ok') {
      failed.push({ key: record.key, error: record.error ?? null });
      continue;
    }
    if (seen.has(record.key)) continue; // a run stored twice (resumed sweep) counts once
    seen.add(record.key);
    for (const k of Object.keys(record.outcomes ?? {})) if (!outcomeKeys.includes(k)) outcomeKeys.push(k);
    for (const p of Object.keys(record.params ?? {})) if (!parameters.includes(p)) parameters.push(p);
    if (record.place_names && record.place_names.length > placeNames.length) placeNames = record.place_names;
    const groupKey = `${record.point}\u0000${record.arm}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { point: record.point, arm: record.arm, armIndex: record.arm_index, params: record.params ?? {}, rows: [], series: new Map(), flowSum: null, flowRuns: 0 };
      groups.set(groupKey, group);
    }
    group.rows.push(runRow(record, outcomeKeys));
    let seriesGroup = group;
    if (pooled) {
      seriesGroup = armGroups.get(record.arm) ?? { point: -1, arm: record.arm, armIndex: record.arm_index, params: {}, rows: [], series: new Map(), flowSum: null, flowRuns: 0 };
      armGroups.set(record.arm, seriesGroup);
      seriesGroup.rows.push(group.rows[group.rows.length - 1]);
    }
    foldSeries(seriesGroup, record, seriesColumns);
    foldPlaceFlows(group, record);
    links.add(record.point, record.arm, record.arm_index, record.place_names ?? [], record.place_flow_blocks, record.place_flow_window, record.ticks);
  }
  for (const g of groups.values()) for (const row of g.rows) for (const k of outcomeKeys) if (!(k in row.outcomes)) row.outcomes[k] = NaN;

  const armOrder = new Map<string, number>();
  for (const g of groups.values()) armOrder.set(g.arm, Math.min(armOrder.get(g.arm) ?? Infinity, g.armIndex));
  const arms = [...armOrder.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  const baselineArm = arms.length < 2 ? null : arms.includes('baseline') ? 'baseline' : arms[0];
  const sweptParams = orderParameters(parameters, scenario);

  const sorted = [...groups.values()].sort((a, b) => a.point - b.point || a.armIndex - b.armIndex);
  const groupStats = sorted.map((g) => finishGroup(g, outcomeKeys, sweptParams, arms.length > 1));
  const seriesGroups = pooled
    ? [...armGroups.values()].sort((a, b) => a.armIndex - b.armIndex).map((g) => ({ ...finishGroup(g, outcomeKeys, [], arms.length > 1), pointLabel: 'all points', label: arms.length > 1 ? g.arm : 'all points', chartPointLabel: 'all points', chartLabel: arms.length > 1 ? g.arm : 'all points' }))
    : groupStats;
  const runs = sorted.flatMap((g) => g.rows);
  const healthy = sorted.map((g) => ({ ...g, rows: g.rows.filter((r) => !r.degenerate) }));
  // Fixed design points (a grid, or a file of points) are strata of a pooled paired
  // comparison; the sampled points of a continuous design are draws, pooled as one sample
  // with the point as the unit when a point has several seeds (clustered, pointUnit).
  const designKind = typeof scenario.sweep?.design === 'string' ? scenario.sweep.design : 'grid';
  const byPoint = designKind === 'grid' || designKind === 'file';
  // The rows of a morris or saltelli design are not separate draws: a trajectory's points,
  // and a base row's A, B and AB rows, share coordinates. Their group is the unit of a
  // pooled comparison (clustered by design group), as the point is for lhs and sobol.
  const unitSize = designGroupSize(scenario.sweep, sweptParams.length);
  const unitOf = (point: number) => (unitSize > 1 ? Math.floor(point / unitSize) : point);
  const paired = baselineArm ? pairArms(healthy, arms, baselineArm, outcomeKeys, byPoint, unitOf) : [];
  const lateTicks = Math.min(Number(scenario.observe?.window ?? 20), Number(scenario.ticks ?? Infinity));
  const cost = baselineArm ? costEffectiveness(healthy, arms, baselineArm, lateTicks, byPoint, unitOf) : [];
  const curves = firmCurves(dir, scenario, groupStats, runs);
  const sensitivity = await sweepSensitivity(dir, manifest, runs, arms);
  const design = designKind;
  const listed = ((scenario.sweep as { outcomes?: string[] } | undefined)?.outcomes ?? []).filter((k) => outcomeKeys.includes(k));
  const effectOutcomes = [...new Set([...HEADLINE_OUTCOMES, ...listed])].filter((k) => outcomeKeys.includes(k) && !(SURVIVAL_OUTCOMES as readonly string[]).includes(k));
  const usable = runs.filter((r) => !r.degenerate);
  const effects = designEffects(usable, sweptParams, arms.length > 1 ? arms.slice().sort((a, b) => (a === baselineArm ? -1 : b === baselineArm ? 1 : 0)) : arms, design, effectOutcomes);
  const roles = armRoles(scenario, arms);
  const armComparison = compareArms(usable, baselineArm ? [baselineArm, ...arms.filter((a) => a !== baselineArm)] : arms, effectOutcomes, { options: roles.options, byPoint, unitOf });
  const labelOf = (point: number, arm: string) => groupStats.find((g) => g.point === point && g.arm === arm)?.label || arm || 'all runs';
  const recovery = recoveryStats(usable, labelOf, baselineArm ? [baselineArm, ...arms.filter((a) => a !== baselineArm)] : arms);
  // Not over a morris or saltelli design: its rows are not separate draws of the conditions.
  const conditionEffects = baselineArm && !byPoint && unitSize === 1 ? regressEffectsOnConditions(healthy, arms, baselineArm, effectOutcomes.filter((k) => k !== CENSORED_TIME), sweptParams) : [];
  const costUnit = typeof (scenario as { cost_unit?: unknown }).cost_unit === 'string' ? ((scenario as { cost_unit?: string }).cost_unit as string) : '';
  return {
    dir, manifest, scenario, parameters: sweptParams, arms, baselineArm, outcomeKeys, seriesColumns, placeNames, groups: groupStats, seriesGroups, runs, paired, cost, failed,
    firmCurves: curves, linkFlows: links.finish(), design, effectOutcomes, degenerateRuns: runs.filter((r) => r.degenerate), effects, armComparison, armRoles: roles, recovery, costUnit, sensitivity, conditionEffects,
  };
}

/** The design's order of parameters when the manifest has it, else first-seen order. */
function orderParameters(seen: string[], scenario: ScenarioLike): string[] {
  const declared = Object.keys(scenario.sweep?.parameters ?? {});
  return [...declared.filter((p) => seen.includes(p)), ...seen.filter((p) => !declared.includes(p))];
}

function runRow(record: RunRecord, outcomeKeys: readonly string[]): RunRow {
  const outcomes: Record<string, number> = {};
  for (const k of outcomeKeys) outcomes[k] = outcomeValue(record, k);
  const degenerate = (record as { degenerate?: unknown }).degenerate;
  return { key: record.key, point: record.point, arm: record.arm, armIndex: record.arm_index, replicate: record.replicate, seed: record.seed, params: record.params ?? {}, outcomes, degenerate: typeof degenerate === 'string' && degenerate ? degenerate : null };
}

function foldSeries(group: GroupAccumulator, record: RunRecord, seriesColumns: string[]): void {
  const columns = record.columns ?? [];
  const rows = record.series ?? [];
  const tickIndex = columns.indexOf('tick');
  const ticks = rows.map((row, i) => (tickIndex >= 0 ? (row[tickIndex] ?? NaN) : i));
  columns.forEach((column, c) => {
    if (!(MAIN_SERIES as readonly string[]).includes(column) && !REFERENCE_SERIES.has(column) && !column.startsWith(FLOW_PREFIX) && !column.startsWith(LEARNING_PREFIX)) return;
    if (!seriesColumns.includes(column)) seriesColumns.push(column);
    let acc = group.series.get(column);
    if (!acc) group.series.set(column, (acc = new SeriesAccumulator()));
    acc.add(ticks, rows.map((row) => (typeof row[c] === 'number' ? row[c] : NaN)));
  });
}

function foldPlaceFlows(group: GroupAccumulator, record: RunRecord): void {
  const flows = record.place_flows;
  if (!flows || flows.length === 0) return;
  if (!group.flowSum) group.flowSum = new Array<number>(flows.length).fill(0);
  if (group.flowSum.length !== flows.length) return;
  for (let i = 0; i < flows.length; i++) {
    const v = flows[i];
    group.flowSum[i] += typeof v === 'number' && Number.isFinite(v) ? v : 0;
  }
  group.flowRuns++;
}

function finishGroup(g: GroupAccumulator, outcomeKeys: string[], params: string[], withArms: boolean): GroupStats {
  const outcomes: Record<string, Summary> = {};
  for (const k of outcomeKeys) {
    const values = g.rows.map((r) => r.outcomes[k]);
    outcomes[k] = k === CENSORED_TIME ? censoredTimeSummary(g.rows) : BINARY_OUTCOMES.has(k) ? shareSummary(values) : summarizeBounded(values, outcomeRange(k));
  }
  const locked = g.rows.map((r) => r.outcomes.locked_in).filter(Number.isFinite);
  const series: Record<string, SeriesBand> = {};
  for (const [column, acc] of g.series) series[column] = acc.band(outcomeRange(column));
  // Full dot paths, as runs.csv and the findings name parameters (a short name such as `mode` can be ambiguous).
  const labelOf = (name: (p: string) => string) => (params.length ? params.map((p) => `${name(p)} = ${formatParamValue(g.params[p])}`).join(', ') : withArms ? '' : 'all runs');
  const withArm = (point: string) => (withArms ? (point ? `${point} · ${g.arm}` : g.arm) : point);
  const pointLabel = labelOf((p) => p);
  const short = shortParamNames(params);
  const chartPointLabel = labelOf((p) => short[p]);
  return {
    point: g.point,
    arm: g.arm,
    armIndex: g.armIndex,
    params: g.params,
    label: withArm(pointLabel),
    pointLabel,
    chartLabel: withArm(chartPointLabel),
    chartPointLabel,
    runs: g.rows.length,
    outcomes,
    lockedIn: wilsonInterval(locked.filter((v) => v >= 0.5).length, locked.length),
    series,
    placeFlows: g.flowSum && g.flowRuns ? g.flowSum.map((v) => v / g.flowRuns) : null,
  };
}

/**
 * The runs behind a censored recovery time, without a mean: n (runs with a time and a
 * censoring flag, those the Kaplan-Meier curve uses) and how many of them are censored
 * (left out when n is 0).
 */
function censoredTimeSummary(rows: readonly RunRow[]): Summary {
  const known = rows.filter((r) => Number.isFinite(r.outcomes[CENSORED_TIME]) && Number.isFinite(r.outcomes.resilience_censored));
  const censored = known.filter((r) => r.outcomes.resilience_censored >= 0.5).length;
  // No runs with a recovery time (an arm without a shock): no count to give.
  return { n: known.length, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, interval: 'see_survival', ...(known.length ? { censored } : {}) };
}

/** A 0/1 outcome summarised as a share with its Wilson interval (always inside [0, 1]). */
function shareSummary(values: readonly number[]): Summary {
  const finite = values.filter(Number.isFinite);
  const s = wilsonInterval(finite.filter((v) => v >= 0.5).length, finite.length);
  const sd = finite.length >= 2 ? Math.sqrt((s.share * (1 - s.share) * finite.length) / (finite.length - 1)) : NaN;
  return { n: s.n, mean: s.share, sd, ciLow: s.ciLow, ciHigh: s.ciHigh, interval: 'wilson' };
}

/** Pairs (treated, baseline) values by seed within each point. */
function pairsFor(groups: GroupAccumulator[], arm: string, baseline: string, point: number | null, value: (r: RunRow) => number): [number[], number[], number[]] {
  const treated: number[] = [];
  const base: number[] = [];
  const strata: number[] = [];
  for (const g of groups) {
    if (g.arm !== baseline || (point !== null && g.point !== point)) continue;
    const other = groups.find((h) => h.arm === arm && h.point === g.point);
    if (!other) continue;
    const bySeed = new Map(other.rows.map((r) => [r.seed, r]));
    for (const b of g.rows) {
      const t = bySeed.get(b.seed);
      if (!t) continue;
      treated.push(value(t));
      base.push(value(b));
      strata.push(g.point);
    }
  }
  return [treated, base, strata];
}

function pointsOf(groups: GroupAccumulator[]): number[] {
  return [...new Set(groups.map((g) => g.point))].sort((a, b) => a - b);
}

/**
 * How the design point enters a pooled paired comparison: fixed points (grid, file) are
 * strata; sampled points (lhs, sobol, ...) are clusters (the seeds of one point share its
 * future, so with several seeds per point the point is the unit).
 */
function pointUnit(points: readonly number[], byPoint: boolean, unitOf: (point: number) => number): { strata: readonly number[] } | { clusters: readonly number[] } {
  return byPoint ? { strata: points } : { clusters: points.map(unitOf) };
}

/**
 * Rows per design group of a morris (a trajectory: parameters + 1 rows) or saltelli design
 * (a base row's A, AB_1..AB_d and B rows: d + 2, or 2d + 2 with second-order indices), in
 * the design's row order; 1 for every other design (each point its own unit).
 */
export function designGroupSize(sweep: { design?: unknown; second_order?: unknown } | undefined, parameters: number): number {
  if (sweep?.design === 'morris') return parameters + 1;
  if (sweep?.design === 'saltelli') return sweep.second_order ? 2 * parameters + 2 : parameters + 2;
  return 1;
}

function pairArms(groups: GroupAccumulator[], arms: string[], baseline: string, outcomeKeys: string[], byPoint: boolean, unitOf: (point: number) => number): PairedStats[] {
  const out: PairedStats[] = [];
  const points = pointsOf(groups);
  for (const arm of arms) {
    if (arm === baseline) continue;
    for (const point of points.length > 1 ? [null, ...points] : [null]) {
      for (const outcome of outcomeKeys) {
        if (outcome === CENSORED_TIME) continue; // censored: the logrank_paired and recovery_first rows compare it
        const [t, b, strata] = pairsFor(groups, arm, baseline, point, (r) => r.outcomes[outcome]);
        if (t.length === 0) continue;
        out.push({ point, arm, baseline, outcome, difference: pairedDifference(t, b, { binary: isZeroOneOutcome(outcome), ...pointUnit(strata, byPoint, unitOf) }) });
      }
    }
  }
  return out;
}

function costEffectiveness(groups: GroupAccumulator[], arms: string[], baseline: string, lateTicks: number, byPoint: boolean, unitOf: (point: number) => number): CostStats[] {
  const out: CostStats[] = [];
  const points = pointsOf(groups);
  for (const arm of arms) {
    if (arm === baseline) continue;
    for (const point of points.length > 1 ? [null, ...points] : [null]) for (const window of ['late', 'total'] as const) {
      // Late: value summed over the late window (late mean x its length) per cost in that window.
      const value = window === 'late' ? (r: RunRow) => r.outcomes.innovation_value_late * lateTicks : (r: RunRow) => r.outcomes.innovation_value_total;
      const costOf = window === 'late' ? (r: RunRow) => r.outcomes.policy_cost_late : (r: RunRow) => r.outcomes.policy_cost;
      const [tv, bv, strata] = pairsFor(groups, arm, baseline, point, value);
      const [tc, bc] = pairsFor(groups, arm, baseline, point, costOf);
      if (tv.length === 0 || tc.every((c) => !Number.isFinite(c))) continue;
      // The extra value as pairedDifference gives it: paired t, stratified by fixed points or
      // clustered by sampled points when pooled; no interval when it is the same on every
      // seed (overall or within each point).
      const d = pairedDifference(tv, bv, { binary: false, ...pointUnit(strata, byPoint, unitOf) });
      const extraValue: Summary = { n: d.n, mean: d.mean, sd: d.sd, ciLow: d.ciLow, ciHigh: d.ciHigh };
      const extraCost = summarize(tc.map((c, i) => c - bc[i])).mean;
      // The policy cost is set by the scenario, not drawn, so the CI of the ratio is the CI
      // of the extra value scaled by the (fixed) extra cost.
      const ok = Number.isFinite(extraCost) && extraCost > 0;
      out.push({
        point,
        arm,
        baseline,
        window,
        pairs: tv.length,
        extraCost,
        extraValue,
        valuePerCost: ok ? extraValue.mean / extraCost : NaN,
        valuePerCostLow: ok ? extraValue.ciLow / extraCost : NaN,
        valuePerCostHigh: ok ? extraValue.ciHigh / extraCost : NaN,
        method: d.method === 'paired_share' ? 'paired_t' : d.method === 'paired_share_clustered_by_point' ? 'paired_t_clustered_by_point' : d.method,
      });
    }
  }
  return out;
}

/**
 * Per arm and outcome, each sampled point's mean paired difference over its common seeds
 * (non-degenerate runs, finite on both sides) regressed on the point's conditions.
 */
function regressEffectsOnConditions(groups: GroupAccumulator[], arms: string[], baseline: string, outcomes: string[], parameters: string[]): ConditionEffectRow[] {
  const out: ConditionEffectRow[] = [];
  if (parameters.length === 0) return out;
  // Indexed once: a sampled design can have thousands of points.
  const byKey = new Map(groups.map((g) => [`${g.point}\u0000${g.arm}`, g]));
  const points = pointsOf(groups);
  for (const arm of arms) {
    if (arm === baseline) continue;
    for (const outcome of outcomes) {
      const rows = points.flatMap((point) => {
        const base = byKey.get(`${point}\u0000${baseline}`);
        const treated = byKey.get(`${point}\u0000${arm}`);
        if (!base || !treated) return [];
        const bySeed = new Map(treated.rows.map((r) => [r.seed, r]));
        const diffs = base.rows.flatMap((b) => {
          const t = bySeed.get(b.seed);
          const v = t ? t.outcomes[outcome] - b.outcomes[outcome] : NaN;
          return Number.isFinite(v) ? [v] : [];
        });
        if (diffs.length === 0) return [];
        return [{ x: parameters.map((p) => (typeof base.params[p] === 'number' ? (base.params[p] as number) : NaN)), d: diffs.reduce((s, v) => s + v, 0) / diffs.length }];
      });
      const h = conditionHeterogeneity(rows, parameters);
      if (h) out.push({ outcome, arm, baseline, ...h });
    }
  }
  return out;
}
