/**
 * Sobol indices of a replicated randomised-QMC Saltelli design (Owen 1997; L'Ecuyer, Munger
 * & Tuffin 2010; L'Ecuyer 2018, "Randomized quasi-Monte Carlo: an introduction for
 * practitioners"): R blocks, each a complete Saltelli design of its own independent
 * scramble (src/sweep/designs/saltelli.ts). Every index is computed in each block with the
 * single-design estimator (sobol-indices.ts: centred, with the seed-noise correction of
 * replicated rows), and reported as the mean over blocks with the t interval
 * mean +- t(0.975, R - 1) s / sqrt(R), s the SD of the R block values. The blocks are
 * independent and identically distributed, so the interval needs no assumption about the
 * rows within a block (which are not independent); it assumes the block values are near
 * normal (their mean is, by the central limit theorem, for R not too small) and covers
 * the mean of the per-block estimator, whose bias (of order 1 / (N / R), the ratio of
 * two estimates) it does not see.
 */
import type { Estimate } from './bootstrap';
import type { RowMoments } from './replicates';
import { sobolIndices, type SobolIndices } from './sobol-indices';
import { studentTQuantile } from '../t-quantile';

/**
 * Mean of independent block values with its 95 % t interval on R - 1 degrees of freedom.
 * A block whose value is not finite (its variance 0) leaves the index undefined: estimate,
 * lo and hi NaN, and `undefinedBlocks` counts them (averaging the other blocks would
 * condition on their being defined).
 */
export function blockMean(values: readonly number[]): Estimate {
  const r = values.length;
  const undefinedBlocks = values.filter((v) => !Number.isFinite(v)).length;
  if (undefinedBlocks > 0) return { estimate: NaN, lo: NaN, hi: NaN, undefinedBlocks };
  const mean = values.reduce((s, v) => s + v, 0) / r;
  if (r < 2) return { estimate: mean, lo: NaN, hi: NaN };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (r - 1));
  const half = studentTQuantile(0.975, r - 1) * (sd / Math.sqrt(r));
  return { estimate: mean, lo: mean - half, hi: mean + half };
}

/** The rows of block k of `blocks` equal blocks. */
function blockRows(rows: RowMoments, k: number, blocks: number): RowMoments {
  const size = rows.mean.length / blocks;
  return { mean: rows.mean.subarray(k * size, (k + 1) * size), within: rows.within.subarray(k * size, (k + 1) * size), count: rows.count.subarray(k * size, (k + 1) * size) };
}

/**
 * Sobol indices of `d` parameters from a design of `blocks` equal Saltelli blocks (in
 * order), using the first `baseRows` base rows of each block (a prefix of each scramble);
 * `n` of the result is the base rows used over all blocks.
 */
export function blockedSobolIndices(rows: RowMoments, d: number, options: { secondOrder?: boolean; blocks: number; baseRows?: number }): SobolIndices {
  const { blocks } = options;
  const group = options.secondOrder ? 2 * d + 2 : d + 2;
  if (!(Number.isInteger(blocks) && blocks >= 2 && rows.mean.length % (blocks * group) === 0)) {
    throw new RangeError(`replicated Saltelli design: ${rows.mean.length} rows do not form ${blocks} blocks of whole groups of ${group}`);
  }
  const per = Math.min(rows.mean.length / (blocks * group), options.baseRows ?? Infinity);
  const each = Array.from({ length: blocks }, (_, k) => sobolIndices(blockRows(rows, k, blocks), d, { secondOrder: options.secondOrder, baseRows: per, resamples: 0 }));
  const combine = (pick: (s: SobolIndices) => Estimate) => blockMean(each.map((s) => pick(s).estimate));
  const first = each[0];
  return {
    n: per * blocks,
    S1: first.S1.map((_, i) => combine((s) => s.S1[i])),
    ST: first.ST.map((_, i) => combine((s) => s.ST[i])),
    S2: first.S2.map((_, k) => combine((s) => s.S2[k])),
    pairs: first.pairs,
    noiseShare: first.noiseShare ? combine((s) => s.noiseShare!) : null,
    variance: each.reduce((v, s) => v + s.variance, 0) / blocks,
  };
}
