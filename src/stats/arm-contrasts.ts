/**
 * Policy arms compared with each other on common seeds: every pair of arms (paired
 * differences, Holm-adjusted over the pairs), per design point and pooled; a test of
 * whether the effect differs between points (heterogeneity); and a ranking with each
 * arm's share of bootstrap resamples in which it ranks first (not a test).
 */
import { effectHeterogeneity } from './heterogeneity';
import { pairedContrasts, type PairedContrast } from './multiple-comparisons';
import { outcomeDirection } from './outcome-direction';
import { isZeroOneOutcome } from './outcome-range';
import { allEqualUpToRounding } from './paired';
import { probabilityBest } from './rank-arms';
import type { RunRow } from './run-rows';


/**
 * A paired contrast of two arms for one outcome, at a point or pooled (null): pooled over
 * several fixed points (a grid) it is stratified by point (method paired_t_by_point); pooled
 * over the sampled points of a continuous design with several seeds at a point, clustered by
 * point (paired_t_clustered_by_point, paired_share_clustered_by_point); with the effect
 * relative to B's mean and its interval (PairedContrast).
 */
export interface ContrastRow extends PairedContrast {
  outcome: string;
  point: number | null;
}

export interface HeterogeneityRow {
  outcome: string;
  armA: string;
  armB: string;
  points: number;
  F: number;
  df1: number;
  df2: number;
  p: number;
  /** Some point's interval is wholly above 0 and another's wholly below. */
  signsDiffer: boolean;
  /**
   * Every seed gives the same difference within each point (two or more seeds there), and the
   * points' differences are not all the same: no F (no within-point variation), but the
   * effect plainly differs between points.
   */
  constantByPoint: boolean;
  /** The pooled effect hides a difference between points (signs differ, p < 0.05, or constantByPoint). */
  misleading: boolean;
}

export interface RankRow {
  outcome: string;
  point: number | null;
  arm: string;
  pBest: number;
  meanRank: number;
  meanValue: number;
  higherIsBetter: boolean;
  seeds: number;
  /** Design points the bootstrap resampled (sampled points with several seeds: clustered by point), else null. */
  points: number | null;
}

export interface ArmComparison {
  contrasts: ContrastRow[];
  heterogeneity: HeterogeneityRow[];
  ranks: RankRow[];
}

/** Seed of the bootstrap of the ranking (fixed, so the same runs give the same bytes). */
const RANK_BOOTSTRAP_SEED = 20261202;


/**
 * Every arm comparison for `outcomes` over `runs` (degenerate runs already left out):
 * contrasts and heterogeneity between every pair of `arms`; the ranking only among
 * `options` (arms that are choices, arm-roles.ts; default all arms), and none with fewer
 * than two.
 */
export function compareArms(runs: readonly RunRow[], arms: readonly string[], outcomes: readonly string[], opts: { options?: readonly string[]; maxRankPoints?: number; byPoint?: boolean; unitOf?: (point: number) => number } = {}): ArmComparison {
  const out: ArmComparison = { contrasts: [], heterogeneity: [], ranks: [] };
  if (arms.length < 2) return out;
  const options = arms.filter((a) => !opts.options || opts.options.includes(a));
  const maxRankPoints = opts.maxRankPoints ?? 12;
  const points = [...new Set(runs.map((r) => r.point))].sort((a, b) => a - b);
  for (const outcome of outcomes) {
    const scopes: (number | null)[] = points.length > 1 ? [null, ...points] : [null];
    for (const point of scopes) {
      const scoped = point === null ? runs : runs.filter((r) => r.point === point);
      const values = new Map<string, Map<string, number>>(arms.map((a) => [a, new Map()]));
      for (const r of scoped) {
        const v = r.outcomes[outcome];
        if (Number.isFinite(v)) values.get(r.arm)?.set(`${r.point}:${r.seed}`, v);
      }
      // Pooled over the fixed points of a grid (or a file of points): stratified by point; over
      // the sampled points of a continuous design the points are draws, pooled as one sample
      // with the point as the unit (clustered: its seeds share its future; pairedDifference).
      // (A morris trajectory or a saltelli base row's rows share coordinates: their group is the unit, opts.unitOf.)
      const unitOf = opts.unitOf ?? ((p: number) => p);
      const pointOf = (key: string) => key.slice(0, key.indexOf(':'));
      const unitOfKey = (key: string) => String(unitOf(Number(pointOf(key))));
      const rows = pairedContrasts(values, { binary: isZeroOneOutcome(outcome), ...(opts.byPoint === false ? { cluster: unitOfKey } : { stratum: pointOf }) });
      for (const c of rows) out.contrasts.push({ ...c, outcome, point });
      if (options.length > 1 && (point === null || points.length <= maxRankPoints)) out.ranks.push(...rankArms(scoped, options, outcome, point, opts.byPoint === false ? unitOfKey : null, point === null && opts.byPoint !== false ? pointOf : null));
    }
    if (points.length > 1) out.heterogeneity.push(...heterogeneityOf(runs, arms, outcome, points));
  }
  return out;
}

/**
 * The ranking's bootstrap: over common seeds; over the sampled points of a continuous design
 * (`clustered`) with several seeds at a point, over points (probabilityBest's clusters).
 */
function rankArms(runs: readonly RunRow[], arms: readonly string[], outcome: string, point: number | null, clusterOf: ((key: string) => string) | null, stratumOf: ((key: string) => string) | null): RankRow[] {
  const bySeed = new Map<string, number[]>();
  for (const r of runs) {
    const key = `${r.point}:${r.seed}`;
    let row = bySeed.get(key);
    if (!row) bySeed.set(key, (row = arms.map(() => NaN)));
    const i = arms.indexOf(r.arm);
    if (i >= 0) row[i] = r.outcomes[outcome];
  }
  const entries = [...bySeed.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).filter(([, row]) => row.every(Number.isFinite));
  const table = entries.map(([, row]) => row);
  if (table.length < 2) return [];
  // An outcome where neither direction is better (a share of learning from institutions, a
  // peak tick) is not ranked: 'best' means nothing there. (A column the direction table does
  // not know, as in unit tests, counts as higher-is-better.)
  const direction = outcomeDirection(outcome);
  if (direction === 'none') return [];
  const better = direction !== 'lower';
  const clusters = clusterOf ? entries.map(([key]) => clusterOf(key)) : undefined;
  const strata = stratumOf ? entries.map(([key]) => stratumOf(key)) : undefined;
  return probabilityBest(table, [...arms], { higherIsBetter: better, seed: RANK_BOOTSTRAP_SEED, clusters, strata }).map((r) => ({
    outcome, point, arm: r.arm, pBest: r.pBest, meanRank: r.meanRank, meanValue: r.meanValue, higherIsBetter: better, seeds: table.length, points: r.points,
  }));
}

function heterogeneityOf(runs: readonly RunRow[], arms: readonly string[], outcome: string, points: number[]): HeterogeneityRow[] {
  const out: HeterogeneityRow[] = [];
  for (let b = 0; b < arms.length; b++) {
    for (let a = b + 1; a < arms.length; a++) {
      const perPoint = points.map((point) => {
        const at = runs.filter((r) => r.point === point);
        const bv = new Map(at.filter((r) => r.arm === arms[b]).map((r) => [r.seed, r.outcomes[outcome]]));
        const diffs = at.filter((r) => r.arm === arms[a] && bv.has(r.seed)).map((r) => r.outcomes[outcome] - (bv.get(r.seed) as number)).filter(Number.isFinite);
        return { point, diffs };
      }).filter((x) => x.diffs.length > 0);
      // Needs two points and some point with two seeds (within-point variation to compare with).
      if (perPoint.length < 2 || perPoint.every((x) => x.diffs.length < 2)) continue;
      const h = effectHeterogeneity(perPoint);
      const multi = perPoint.filter((x) => x.diffs.length >= 2);
      const constantByPoint = multi.every((x) => allEqualUpToRounding(x.diffs)) && !allEqualUpToRounding(perPoint.flatMap((x) => x.diffs));
      out.push({ outcome, armA: arms[a], armB: arms[b], points: perPoint.length, F: constantByPoint ? NaN : h.F, df1: h.df1, df2: h.df2, p: constantByPoint ? NaN : h.p, signsDiffer: h.signsDiffer, constantByPoint, misleading: constantByPoint || h.signsDiffer || h.p < 0.05 });
    }
  }
  return out;
}
