/**
 * Paired differences of an arm against the baseline arm on the same seeds (common random
 * numbers make the difference far more precise than comparing two independent means).
 */
import { binomialUpperTail } from './binomial';
import { summarize, type Summary } from './summary';
import { Z95 } from './wilson';

/** How a paired difference's interval was computed (stats.csv `method`). */
export type PairedMethod = 'paired_t' | 'paired_share' | 'paired_all_equal';

export interface PairedDifference extends Summary {
  /** Cohen's d_z: mean difference over the SD of the differences. */
  dz: number;
  /** Mean of the baseline values over the pairs. */
  baselineMean: number;
  /** Mean difference and CI as a fraction of the baseline mean (NaN when that is 0). */
  relMean: number;
  relCiLow: number;
  relCiHigh: number;
  /**
   * `paired_t`: the t interval of the mean difference; `paired_share` when every value is 0
   * or 1: the Agresti-Min interval of the difference of paired shares (pairedShareDifference);
   * `paired_all_equal` when every pair differed by the same amount (two or more pairs): no
   * interval (ciLow, ciHigh NaN), since the t interval would have zero width and claim the
   * mean difference without any uncertainty.
   */
  method: PairedMethod;
}

/**
 * Whether two or more values are all the same number up to floating-point rounding (a
 * spread of at most 1e-12 of their largest magnitude). Compared directly, not through the
 * SD: the mean of n equal values can differ from them in the last bit, and differences of
 * the same amount computed from different values (0.3 - 0.2, 0.1 - 0) differ in the last
 * bits too; either leaves an SD of about 1e-17 and a t interval of that width.
 * @example allEqualUpToRounding([0.1 - 0, 0.3 - 0.2]) // true
 */
export function allEqualUpToRounding(values: readonly number[]): boolean {
  if (values.length < 2) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) return false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
}

/**
 * Statistics of treated[i] - baseline[i] over pairs where both are finite.
 * The relative CI divides the CI of the difference by the baseline mean, treating the
 * baseline mean as fixed (a first-order approximation that is reported as such).
 * @example pairedDifference([2, 4, 6], [1, 2, 3]).dz // 2
 */
export function pairedDifference(treated: readonly number[], baseline: readonly number[]): PairedDifference {
  const diffs: number[] = [];
  const bases: number[] = [];
  const n = Math.min(treated.length, baseline.length);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(treated[i]) && Number.isFinite(baseline[i])) {
      diffs.push(treated[i] - baseline[i]);
      bases.push(baseline[i]);
    }
  }
  const s = summarize(diffs);
  const baselineMean = summarize(bases).mean;
  const zeroOne = diffs.length > 0 && treated.every((v) => !Number.isFinite(v) || v === 0 || v === 1) && baseline.every((v) => !Number.isFinite(v) || v === 0 || v === 1);
  if (zeroOne) {
    const share = pairedShareDifference(treated, baseline);
    s.ciLow = share.lo;
    s.ciHigh = share.hi;
  }
  const allEqual = !zeroOne && allEqualUpToRounding(diffs);
  if (allEqual) {
    s.ciLow = NaN;
    s.ciHigh = NaN;
  }
  const dz = s.n >= 2 && s.sd > 0 && !allEqual ? s.mean / s.sd : NaN;
  const scale = baselineMean !== 0 && Number.isFinite(baselineMean) ? 1 / Math.abs(baselineMean) : NaN;
  return {
    ...s,
    dz,
    baselineMean,
    relMean: s.mean * scale,
    relCiLow: s.ciLow * scale,
    relCiHigh: s.ciHigh * scale,
    method: zeroOne ? 'paired_share' : allEqual ? 'paired_all_equal' : 'paired_t',
  };
}

/**
 * The difference of two paired shares, P(A = 1) - P(B = 1), from the discordant seeds:
 * the Agresti-Min (2005, Statistics in Medicine 24) adjusted Wald interval (half a count
 * added to each cell of the 2 x 2 table, clipped to [-1, 1]), which keeps its coverage where
 * the t interval of 0/1 differences collapses to zero width or leaves [-1, 1]; and the exact
 * McNemar p (two-sided binomial test of the discordant counts against 1/2).
 * @example pairedShareDifference([1, 1, 0, 1], [0, 1, 0, 0]).estimate // 0.5
 */
export function pairedShareDifference(treated: readonly number[], baseline: readonly number[], z = Z95): { estimate: number; lo: number; hi: number; p: number } {
  let onlyA = 0;
  let onlyB = 0;
  let n = 0;
  for (let i = 0; i < Math.min(treated.length, baseline.length); i++) {
    if (!Number.isFinite(treated[i]) || !Number.isFinite(baseline[i])) continue;
    n++;
    if (treated[i] === 1 && baseline[i] === 0) onlyA++;
    else if (treated[i] === 0 && baseline[i] === 1) onlyB++;
  }
  const estimate = (onlyA - onlyB) / n;
  const nAdj = n + 2;
  const pA = (onlyA + 0.5) / nAdj;
  const pB = (onlyB + 0.5) / nAdj;
  const centre = pA - pB;
  const half = z * Math.sqrt((pA + pB - centre * centre) / nAdj);
  const discordant = onlyA + onlyB;
  const p = discordant === 0 ? 1 : Math.min(1, 2 * binomialUpperTail(Math.max(onlyA, onlyB), discordant, 0.5));
  return { estimate, lo: Math.max(-1, centre - half), hi: Math.min(1, centre + half), p };
}
