/**
 * Morris elementary effects (Morris 1991) with Campolongo et al.'s (2007) mu*: along each
 * trajectory of D + 1 rows exactly one parameter changes per step; its elementary effect
 * is EE = (f(after) - f(before)) / delta, signed by the direction of the step, with delta
 * in the unit-cube scale (so effects of parameters with different units compare). Per
 * parameter: mu = mean EE, mu* = mean |EE|, sigma = sample SD of EE (n - 1), as SALib's
 * `analyze.morris`. Intervals: percentile bootstrap over trajectories.
 *
 * Stochastic model: f is the mean over a row's replicates. Seed noise adds
 * 2 sigma_noise^2 / (R delta^2) to the variance of each EE, so it inflates sigma and mu*
 * of inert parameters; the noise share beside the indices says how much.
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
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < d; s++) {
      const row = t * (d + 1) + s;
      ee[t * d + steps.factor[t * d + s]] = (steps.sign[t * d + s] * (y[row + 1] - y[row])) / delta;
    }
  }
  const noisy = rows.count.some((c) => c > 1);
  // Components: mu (d), mu* (d), sigma (d), noise share (1).
  const statistic = (trajectories: Int32Array): Float64Array => {
    const m = trajectories.length;
    const out = new Float64Array(3 * d + 1);
    for (let i = 0; i < d; i++) {
      let sum = 0;
      let abs = 0;
      for (const t of trajectories) {
        sum += ee[t * d + i];
        abs += Math.abs(ee[t * d + i]);
      }
      const mu = sum / m;
      let ss = 0;
      for (const t of trajectories) ss += (ee[t * d + i] - mu) ** 2;
      out[i] = mu;
      out[d + i] = abs / m;
      out[2 * d + i] = m > 1 ? Math.sqrt(ss / (m - 1)) : NaN;
    }
    out[3 * d] = noisy ? noiseShare(rows, trajectories, d + 1) : NaN;
    return out;
  };
  const est = bootstrap(r, statistic, options.resamples ?? DEFAULT_RESAMPLES, options.seed ?? 0);
  return { r, mu: est.slice(0, d), muStar: est.slice(d, 2 * d), sigma: est.slice(2 * d, 3 * d), noiseShare: noisy ? est[3 * d] : null };
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
