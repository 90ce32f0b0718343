/**
 * Seeded percentile bootstrap (Efron & Tibshirani 1993, ch. 13): resample whole groups
 * (a Saltelli base row with its AB rows, a Morris trajectory) with replacement and read
 * the 2.5 % and 97.5 % quantiles of the re-estimated statistic. Deterministic: the
 * resampling stream is built from a seed, never from Math.random.
 */
import { quantileSorted } from 'simple-statistics';
import { uniformStream } from '../../sweep/seed';

/** Resamples used unless told otherwise (SALib uses 100 with a normal interval; percentiles need more). */
export const DEFAULT_RESAMPLES = 1000;
/** Stream tag of the bootstrap (distinct from the design streams). */
const BOOTSTRAP_STREAM = 0x4253;

/** A point estimate with its 95 % percentile-bootstrap interval. */
export interface Estimate {
  estimate: number;
  lo: number;
  hi: number;
}

/**
 * Bootstraps a vector statistic over `groups` groups: `statistic(indices)` returns one value
 * per component for the groups listed in `indices` (with repeats); returns the estimate on
 * all groups and the percentile interval of each component.
 */
export function bootstrap(groups: number, statistic: (indices: Int32Array) => Float64Array, resamples: number, seed: number): Estimate[] {
  const all = Int32Array.from({ length: groups }, (_, i) => i);
  const point = statistic(all);
  const uniform = uniformStream(seed, BOOTSTRAP_STREAM);
  const draws = Array.from({ length: point.length }, () => new Float64Array(resamples));
  const indices = new Int32Array(groups);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < groups; i++) indices[i] = Math.floor(uniform() * groups);
    const value = statistic(indices);
    for (let c = 0; c < point.length; c++) draws[c][b] = value[c];
  }
  return Array.from(point, (estimate, c) => {
    const sorted = Array.from(draws[c]).filter(Number.isFinite).sort((a, b) => a - b);
    if (resamples === 0 || sorted.length === 0) return { estimate, lo: NaN, hi: NaN };
    return { estimate, lo: quantileSorted(sorted, 0.025), hi: quantileSorted(sorted, 0.975) };
  });
}
