/**
 * Paired differences of an arm against the baseline arm on the same seeds (common random
 * numbers make the difference far more precise than comparing two independent means).
 */
import { summarize, type Summary } from './summary';

export interface PairedDifference extends Summary {
  /** Cohen's d_z: mean difference over the SD of the differences. */
  dz: number;
  /** Mean of the baseline values over the pairs. */
  baselineMean: number;
  /** Mean difference and CI as a fraction of the baseline mean (NaN when that is 0). */
  relMean: number;
  relCiLow: number;
  relCiHigh: number;
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
  const dz = s.n >= 2 && s.sd > 0 ? s.mean / s.sd : NaN;
  const scale = baselineMean !== 0 && Number.isFinite(baselineMean) ? 1 / Math.abs(baselineMean) : NaN;
  return {
    ...s,
    dz,
    baselineMean,
    relMean: s.mean * scale,
    relCiLow: s.ciLow * scale,
    relCiHigh: s.ciHigh * scale,
  };
}
