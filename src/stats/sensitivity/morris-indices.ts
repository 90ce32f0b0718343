/**
 * Morris elementary effects (Morris 1991) with Campolongo et al.'s (2007) mu*: along each
 * trajectory of D + 1 rows exactly one parameter changes per step; its elementary effect
 * is EE = (f(after) - f(before)) / delta, signed by the direction of the step, with delta
 * in the unit-cube scale (so effects of parameters with different units compare). Per
 * parameter: mu = mean EE, mu* = mean |EE|, sigma = sample SD of EE (n - 1), as SALib's
 * `analyze.morris`. Intervals: percentile bootstrap over trajectories.
 *
 * Stochastic model: f is the mean over a row's replicates. Seed noise adds
 * v = (s_after^2 / R_after + s_before^2 / R_before) / delta^2 to the variance of each EE
 * (s^2 the within-row sample variance of the two rows the step joins), so it inflates
 * sigma and mu* of inert parameters. Two corrections sit beside the raw indices:
 * `sigmaCorrected` = sqrt(max(0, sigma^2 - mean v)), the method-of-moments correction of
 * an observed variance by its known measurement-error variance (Fuller 1987, Measurement
 * Error Models, ch. 1): with independent seeds per row, E[sigma^2] = Var(true EE) + mean v
 * exactly, so sigma^2 - mean v is unbiased for the spread of the conditional-mean effects;
 * `muStarNoise` = sqrt(2 mean v / pi), the mu* an inert parameter would show from seed
 * noise alone (E|N(0, v)| with v pooled over the trajectories, as a square root of single
 * two-replicate variances would be biased low): a mu* not clearly above it is not
 * distinguishable from noise.
 */
import { bootstrap, DEFAULT_RESAMPLES, type Estimate } from './bootstrap';
import type { RowMoments } from './replicates';

export interface MorrisOptions {
  resamples?: number;
  seed?: number;
  /** Use only the first `trajectories` trajectories. */
  trajectories?: number;
}

export interface MorrisIndices {
  /** Trajectories used (r). */
  r: number;
  mu: Estimate[];
  muStar: Estimate[];
  sigma: Estimate[];
  /** Whether some row has replicates: without them seed noise is not estimable (the next two are then not reported). */
  noisy: boolean;
  /** sigma with the seed noise of the elementary effects removed (equals sigma without replicates). */
  sigmaCorrected: Estimate[];
  /** mu* that seed noise alone would give an inert parameter (0 without replicates: not an estimate). */
  muStarNoise: Estimate[];
  noiseShare: Estimate | null;
}

/**
 * The parameter each step of each trajectory moves and the sign of the move, from the
 * design rows (unit or scaled: only which column changes, and which way, is read).
 * Returns null with the offending row when a step moves no parameter or more than one.
 */
export function morrisSteps(x: readonly (readonly number[])[], d: number): { factor: Int32Array; sign: Int8Array } | { badRow: number } {
  const r = x.length / (d + 1);
  const factor = new Int32Array(r * d);
  const sign = new Int8Array(r * d);
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < d; s++) {
      const before = x[t * (d + 1) + s];
      const after = x[t * (d + 1) + s + 1];
      let moved = -1;
      for (let i = 0; i < d; i++) {
        if (after[i] === before[i]) continue;
        if (moved >= 0) return { badRow: t * (d + 1) + s + 1 };
        moved = i;
      }
      if (moved < 0) return { badRow: t * (d + 1) + s + 1 };
      factor[t * d + s] = moved;
      sign[t * d + s] = after[moved] > before[moved] ? 1 : -1;
    }
  }
  return { factor, sign };
}

/** Morris indices of `d` parameters; `steps` from morrisSteps, `delta` the unit-scale step. */
export function morrisIndices(
  rows: RowMoments,
  steps: { factor: Int32Array; sign: Int8Array },
  d: number,
  delta: number,
  options: MorrisOptions = {},
): MorrisIndices {
  const total = rows.mean.length / (d + 1);
  if (!Number.isInteger(total)) throw new RangeError(`Morris design: ${rows.mean.length} rows is not a multiple of ${d + 1}`);
  const r = Math.min(total, options.trajectories ?? total);
  const y = rows.mean;
  // Elementary effects, trajectory by trajectory: ee[t * d + i] for parameter i.
  const ee = new Float64Array(r * d);
  // Seed-noise variance of each elementary effect (0 for a row with one replicate).
  const eeNoise = new Float64Array(r * d);
  const noiseOfMean = (row: number) => (rows.count[row] > 1 ? rows.within[row] / rows.count[row] : 0);
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < d; s++) {
      const row = t * (d + 1) + s;
      const i = steps.factor[t * d + s];
      ee[t * d + i] = (steps.sign[t * d + s] * (y[row + 1] - y[row])) / delta;
      eeNoise[t * d + i] = (noiseOfMean(row) + noiseOfMean(row + 1)) / (delta * delta);
    }
  }
  const noisy = rows.count.some((c) => c > 1);
  // Components: mu (d), mu* (d), sigma (d), corrected sigma (d), noise mu* (d), noise share (1).
  const statistic = (trajectories: Int32Array): Float64Array => {
    const m = trajectories.length;
    const out = new Float64Array(5 * d + 1);
    for (let i = 0; i < d; i++) {
      let sum = 0;
      let abs = 0;
      let noise = 0;
      for (const t of trajectories) {
        sum += ee[t * d + i];
        abs += Math.abs(ee[t * d + i]);
        noise += eeNoise[t * d + i];
      }
      const mu = sum / m;
      let ss = 0;
      for (const t of trajectories) ss += (ee[t * d + i] - mu) ** 2;
      const variance = m > 1 ? ss / (m - 1) : NaN;
      out[i] = mu;
      out[d + i] = abs / m;
      out[2 * d + i] = Math.sqrt(variance);
      out[3 * d + i] = Math.sqrt(Math.max(0, variance - noise / m));
      out[4 * d + i] = Math.sqrt((2 * noise) / m / Math.PI);
    }
    out[5 * d] = noisy ? noiseShare(rows, trajectories, d + 1) : NaN;
    return out;
  };
  const est = bootstrap(r, statistic, options.resamples ?? DEFAULT_RESAMPLES, options.seed ?? 0);
  return {
    r,
    noisy,
    mu: est.slice(0, d),
    muStar: est.slice(d, 2 * d),
    sigma: est.slice(2 * d, 3 * d),
    sigmaCorrected: est.slice(3 * d, 4 * d),
    muStarNoise: est.slice(4 * d, 5 * d),
    noiseShare: noisy ? est[5 * d] : null,
  };
}

/**
 * Seed-noise share over the rows of the given groups: pooled within-row variance over
 * (variance of the row means, less their noise, plus the pooled within-row variance).
 */
export function noiseShare(rows: RowMoments, groups: Int32Array, groupSize: number): number {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let within = 0;
  let noiseOfMean = 0;
  for (const g of groups) {
    for (let r = g * groupSize; r < (g + 1) * groupSize; r++) {
      const y = rows.mean[r];
      n++;
      sum += y;
      sumSq += y * y;
      within += rows.within[r];
      noiseOfMean += rows.count[r] > 0 ? rows.within[r] / rows.count[r] : 0;
    }
  }
  const mean = sum / n;
  const explained = sumSq / n - mean * mean - noiseOfMean / n;
  return within / n / (explained + within / n);
}
