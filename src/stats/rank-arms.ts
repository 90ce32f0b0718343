/**
 * Which policy arm does best, and how sure is that: a bootstrap over seeds (whole rows, so
 * arms stay paired on common random numbers) of each arm's mean, ranked in every resample.
 */
import { Rng } from '../model/rng';
import { clusteringApplies } from './paired';

export interface ArmRank {
  arm: string;
  /** Mean rank over the resamples (1 = best; ties share the average rank). */
  meanRank: number;
  /** Share of resamples in which the arm is best (a tie for best is split equally). */
  pBest: number;
  /** The arm's mean over the seeds used. */
  meanValue: number;
  /** Seeds used: those with a finite value for every arm. */
  seeds: number;
  /** Design points resampled when the bootstrap is clustered by point (opts.clusters), else null. */
  points: number | null;
}

/**
 * Probability that each arm is best and its mean rank, from `resamples` bootstrap draws of
 * the seeds (rows of `values`, one column per arm). Only seeds with a finite value for
 * every arm are used, so the arms are always compared on the same seeds. Deterministic for
 * a given `seed`; NaN everywhere when no seed is complete.
 *
 * `clusters` (aligned with `values`): the sampled design point of each row. When two or more
 * points keep complete rows and some point keeps two or more, the seeds of a point are not
 * independent (they share its future), so the bootstrap resamples points, each drawn point
 * bringing all its complete rows (the cluster bootstrap); otherwise rows are resampled as
 * above (the same draws, so the same numbers). `strata` (aligned with `values`, ignored with
 * `clusters`): the fixed design point of each row (a grid or file design pooled over its
 * points); each resample draws each point's rows from that point only.
 * @example probabilityBest([[1, 2], [1, 3]], ['a', 'b'], { higherIsBetter: true, seed: 1 })[1].pBest // 1
 */
export function probabilityBest(
  values: readonly (readonly number[])[],
  arms: readonly string[],
  opts: { higherIsBetter: boolean; resamples?: number; seed: number; clusters?: readonly (number | string)[]; strata?: readonly (number | string)[] },
): ArmRank[] {
  const k = arms.length;
  const sign = opts.higherIsBetter ? 1 : -1;
  const complete = values.map((row) => row.length >= k && row.slice(0, k).every(Number.isFinite));
  const rows = values.filter((_, i) => complete[i]);
  const n = rows.length;
  const resamples = opts.resamples ?? 2000;
  const meanValue = arms.map((_, a) => rows.reduce((s, row) => s + row[a], 0) / n);
  const units = resamplingUnits(rows, opts.clusters?.filter((_, i) => complete[i]));
  const points = units.length === n ? null : units.length;
  // Fixed design points (strata): each resample draws every point's own number of rows from
  // that point, so the mix of conditions stays the design's (the stratified bootstrap).
  const strata = opts.strata && !opts.clusters ? strataOf(opts.strata.filter((_, i) => complete[i])) : null;
  if (n === 0 || resamples < 1) return arms.map((arm) => ({ arm, meanRank: NaN, pBest: NaN, meanValue: NaN, seeds: n, points }));

  const rng = new Rng(opts.seed, 'probability-best');
  const rankSum = new Float64Array(k);
  const bestSum = new Float64Array(k);
  const sums = new Float64Array(k);
  const G = units.length;
  for (let b = 0; b < resamples; b++) {
    sums.fill(0);
    if (strata) {
      for (const members of strata) {
        for (let draw = 0; draw < members.length; draw++) {
          const unit = units[members[rng.int(members.length)]];
          for (let a = 0; a < k; a++) sums[a] += sign * unit[a];
        }
      }
    } else {
      for (let draw = 0; draw < G; draw++) {
        const unit = units[rng.int(G)];
        for (let a = 0; a < k; a++) sums[a] += sign * unit[a];
      }
    }
    for (let a = 0; a < k; a++) {
      let better = 0;
      let tied = 0;
      for (let o = 0; o < k; o++) {
        if (sums[o] > sums[a]) better++;
        else if (sums[o] === sums[a]) tied++;
      }
      rankSum[a] += better + (tied + 1) / 2;
      if (better === 0) bestSum[a] += 1 / tied;
    }
  }
  return arms.map((arm, a) => ({ arm, meanRank: rankSum[a] / resamples, pBest: bestSum[a] / resamples, meanValue: meanValue[a], seeds: n, points }));
}

/** The row indices of each stratum, in order of first appearance; null with a single stratum (the plain bootstrap). */
function strataOf(labels: readonly (number | string)[]): number[][] | null {
  const groups = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const key = String(label);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  return groups.size >= 2 ? [...groups.values()] : null;
}

/**
 * What one bootstrap draw picks: each row, or, when the rows are clustered by point (two or
 * more points, some with two or more rows), each point's row sums (in order of first
 * appearance).
 */
function resamplingUnits(rows: readonly (readonly number[])[], clusters: readonly (number | string)[] | undefined): (readonly number[])[] {
  if (!clusters || !clusteringApplies(clusters)) return [...rows];
  const sums = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = String(clusters[i]);
    const sum = sums.get(key);
    if (sum) row.forEach((v, a) => (sum[a] += v));
    else sums.set(key, [...row]);
  });
  return [...sums.values()];
}
