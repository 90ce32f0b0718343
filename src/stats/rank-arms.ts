/**
 * Which policy arm does best, and how sure is that: a bootstrap over seeds (whole rows, so
 * arms stay paired on common random numbers) of each arm's mean, ranked in every resample.
 */
import { Rng } from '../model/rng';

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
}

/**
 * Probability that each arm is best and its mean rank, from `resamples` bootstrap draws of
 * the seeds (rows of `values`, one column per arm). Only seeds with a finite value for
 * every arm are used, so the arms are always compared on the same seeds. Deterministic for
 * a given `seed`; NaN everywhere when no seed is complete.
 * @example probabilityBest([[1, 2], [1, 3]], ['a', 'b'], { higherIsBetter: true, seed: 1 })[1].pBest // 1
 */
export function probabilityBest(
  values: readonly (readonly number[])[],
  arms: readonly string[],
  opts: { higherIsBetter: boolean; resamples?: number; seed: number },
): ArmRank[] {
  const k = arms.length;
  const sign = opts.higherIsBetter ? 1 : -1;
  const rows = values.filter((row) => row.length >= k && row.slice(0, k).every(Number.isFinite));
  const n = rows.length;
  const resamples = opts.resamples ?? 2000;
  const meanValue = arms.map((_, a) => rows.reduce((s, row) => s + row[a], 0) / n);
  if (n === 0 || resamples < 1) return arms.map((arm) => ({ arm, meanRank: NaN, pBest: NaN, meanValue: NaN, seeds: n }));

  const rng = new Rng(opts.seed, 'probability-best');
  const rankSum = new Float64Array(k);
  const bestSum = new Float64Array(k);
  const sums = new Float64Array(k);
  for (let b = 0; b < resamples; b++) {
    sums.fill(0);
    for (let draw = 0; draw < n; draw++) {
      const row = rows[rng.int(n)];
      for (let a = 0; a < k; a++) sums[a] += sign * row[a];
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
  return arms.map((arm, a) => ({ arm, meanRank: rankSum[a] / resamples, pBest: bestSum[a] / resamples, meanValue: meanValue[a], seeds: n }));
}
