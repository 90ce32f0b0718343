/**
 * Sobol sensitivity indices from a Saltelli design (see src/sweep/designs/saltelli.ts for
 * the row layout): first order by Saltelli et al. (2010, table 2 (b)),
 * S_i = mean((f(B) - c) (f(AB_i) - f(A))) / V, total by Jansen (1999),
 * ST_i = mean((f(A) - f(AB_i))^2) / (2 V), second order by Saltelli (2002) as SALib has it,
 * S_ij = mean((f(BA_i) - c) (f(AB_j) - c) - (f(A) - c) (f(B) - c)) / V - S_i - S_j, with c
 * the mean and V the variance of f over the A and B rows. Centring on c makes S_i and
 * S_ij unchanged when a constant is added to f: without it, adding k adds
 * k mean(f(AB_i) - f(A)) / V, noise of variance k^2 Var / N. SALib centres too, on the mean
 * of all rows and scaled by their SD; lrsim centres on the A and B rows (the sample of f
 * the mean and V describe), so its S1 and S2 differ from SALib's by sampling noise of
 * order 1/N. The bootstrap re-centres in every resample (c and V are part of the statistic).
 *
 * Stochastic model: f is the mean of R replicates per row, each row on its own seeds. The
 * seed noise of a row mean (variance sigma^2 / R) is independent across rows, so the S_i
 * and S_ij numerators are unbiased for the conditional mean (up to a term of order
 * sigma^2 / (R N) from c, which shares rows with them); the Jansen numerator and V
 * each carry sigma^2 / R more, which is subtracted (the pooled within-row variance over
 * R). The indices are those of E[Y | X]; the noise share sigma^2 / (V + sigma^2) is what
 * the seeds add to one run's variance.
 */
import { bootstrap, DEFAULT_RESAMPLES, type Estimate } from './bootstrap';
import type { RowMoments } from './replicates';

export interface SobolOptions {
  secondOrder?: boolean;
  resamples?: number;
  seed?: number;
  /** Use only the first `baseRows` base rows (a prefix of a Sobol sequence is balanced too). */
  baseRows?: number;
}

export interface SobolIndices {
  /** Base rows used (N). */
  n: number;
  S1: Estimate[];
  ST: Estimate[];
  /** S2[k] for the pair pairs[k] = [i, j], i < j (empty without second order). */
  S2: Estimate[];
  pairs: [number, number][];
  /** Seed-noise share of one run's variance (null without replicates). */
  noiseShare: Estimate | null;
  /** Variance of the conditional mean over the A and B rows (noise removed). */
  variance: number;
}

/** Sobol indices of `d` parameters from the per-row moments of a Saltelli design. */
export function sobolIndices(rows: RowMoments, d: number, options: SobolOptions = {}): SobolIndices {
  const secondOrder = options.secondOrder ?? false;
  const group = secondOrder ? 2 * d + 2 : d + 2;
  const total = rows.mean.length / group;
  if (!Number.isInteger(total)) throw new RangeError(`Saltelli design: ${rows.mean.length} rows is not a multiple of ${group}`);
  const n = Math.min(total, options.baseRows ?? total);
  const pairs: [number, number][] = [];
  if (secondOrder) for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) pairs.push([i, j]);
  const noisy = rows.count.some((c) => c > 1);
  const y = rows.mean;

  // Components: S1 (d), ST (d), S2 (pairs), noise share (1), variance (1).
  const statistic = (groups: Int32Array): Float64Array => {
    const m = groups.length;
    let sum = 0;
    let within = 0;
    let noiseOfMean = 0;
    let rowsSeen = 0;
    for (const g of groups) {
      sum += y[g * group] + y[g * group + group - 1];
      for (let r = g * group; r < (g + 1) * group; r++) {
        within += rows.within[r];
        noiseOfMean += rows.count[r] > 0 ? rows.within[r] / rows.count[r] : 0;
        rowsSeen++;
      }
    }
    within /= rowsSeen;
    noiseOfMean /= rowsSeen;
    // Centre on the mean of the A and B rows of these groups (re-centred in every resample):
    // the products below are then unchanged when a constant is added to the output, and
    // the variance is a two-pass sum of squares (no cancellation for large outputs).
    const c = sum / (2 * m);
    let sumSq = 0;
    for (const g of groups) sumSq += (y[g * group] - c) ** 2 + (y[g * group + group - 1] - c) ** 2;
    const variance = sumSq / (2 * m) - noiseOfMean;
    const out = new Float64Array(2 * d + pairs.length + 2);
    for (let i = 0; i < d; i++) {
      let first = 0;
      let totalEffect = 0;
      for (const g of groups) {
        const a = y[g * group];
        const b = y[g * group + group - 1];
        const ab = y[g * group + 1 + i];
        first += (b - c) * (ab - a);
        totalEffect += (a - ab) ** 2;
      }
      out[i] = first / m / variance;
      out[d + i] = (totalEffect / (2 * m) - noiseOfMean) / variance;
    }
    pairs.forEach(([i, j], k) => {
      let v = 0;
      for (const g of groups) {
        const a = y[g * group];
        const b = y[g * group + group - 1];
        v += (y[g * group + 1 + d + i] - c) * (y[g * group + 1 + j] - c) - (a - c) * (b - c);
      }
      out[2 * d + k] = v / m / variance - out[i] - out[j];
    });
    out[2 * d + pairs.length] = noisy ? within / (variance + within) : NaN;
    out[2 * d + pairs.length + 1] = variance;
    return out;
  };

  const prefix = (indices: Int32Array) => statistic(indices);
  const est = bootstrap(n, prefix, options.resamples ?? DEFAULT_RESAMPLES, options.seed ?? 0);
  return {
    n,
    S1: est.slice(0, d),
    ST: est.slice(d, 2 * d),
    S2: est.slice(2 * d, 2 * d + pairs.length),
    pairs,
    noiseShare: noisy ? est[2 * d + pairs.length] : null,
    variance: est[2 * d + pairs.length + 1].estimate,
  };
}
