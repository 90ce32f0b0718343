/**
 * Difference of two independent means with a Welch t interval: used to compare sweep
 * points, whose runs do not share seeds.
 */
import { mean, sampleVariance } from 'simple-statistics';
import { CONFIDENCE, tCritical } from './summary';

export interface MeanDifference {
  difference: number;
  ciLow: number;
  ciHigh: number;
  /** The reference mean (b); relative values divide by it. */
  reference: number;
  relMean: number;
  relCiLow: number;
  relCiHigh: number;
}

/**
 * mean(a) - mean(b) with the Welch-Satterthwaite 95 % CI.
 * @example welchDifference([1, 2, 3, 4], [0, 1, 2]).difference // 1.5
 */
export function welchDifference(a: readonly number[], b: readonly number[], confidence = CONFIDENCE): MeanDifference {
  const xa = a.filter(Number.isFinite);
  const xb = b.filter(Number.isFinite);
  const nan = { difference: NaN, ciLow: NaN, ciHigh: NaN, reference: NaN, relMean: NaN, relCiLow: NaN, relCiHigh: NaN };
  if (xa.length < 2 || xb.length < 2) return nan;
  const ma = mean(xa);
  const mb = mean(xb);
  const va = sampleVariance(xa) / xa.length;
  const vb = sampleVariance(xb) / xb.length;
  const se = Math.sqrt(va + vb);
  const df = se > 0 ? (va + vb) ** 2 / (va ** 2 / (xa.length - 1) + vb ** 2 / (xb.length - 1)) : xa.length + xb.length - 2;
  const half = se > 0 ? tCritical(df, confidence) * se : 0;
  const difference = ma - mb;
  const scale = mb !== 0 ? 1 / Math.abs(mb) : NaN;
  return {
    difference,
    ciLow: difference - half,
    ciHigh: difference + half,
    reference: mb,
    relMean: difference * scale,
    relCiLow: (difference - half) * scale,
    relCiHigh: (difference + half) * scale,
  };
}
