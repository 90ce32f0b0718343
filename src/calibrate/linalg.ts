/**
 * The small dense linear algebra of the perturbation kernel: weighted mean and covariance
 * of a population and the log density of a multivariate normal (the Cholesky factor is
 * stats/matrix.ts's choleskyLower). Every loop runs in index order, so the same population
 * gives the same bits.
 */

/** Weighted mean (weights sum to 1) of `points` (n rows of d coordinates). */
export function weightedMean(points: readonly Float64Array[], weights: Float64Array): Float64Array {
  const d = points[0]?.length ?? 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < points.length; i++) for (let k = 0; k < d; k++) mean[k] += weights[i] * points[i][k];
  return mean;
}

/** Weighted covariance (weights sum to 1; the biased, population form), row-major d x d. */
export function weightedCovariance(points: readonly Float64Array[], weights: Float64Array): Float64Array {
  const d = points[0]?.length ?? 0;
  const mean = weightedMean(points, weights);
  const cov = new Float64Array(d * d);
  for (let i = 0; i < points.length; i++)
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) cov[a * d + b] += weights[i] * (points[i][a] - mean[a]) * (points[i][b] - mean[b]);
  return cov;
}

/** A normal kernel N(0, S) given by the lower Cholesky factor of S. */
export class NormalKernel {
  private readonly logNorm: number;
  private readonly work: Float64Array;

  constructor(
    readonly L: Float64Array,
    readonly d: number,
  ) {
    let logDet = 0;
    for (let i = 0; i < d; i++) logDet += Math.log(L[i * d + i]);
    this.logNorm = -0.5 * d * Math.log(2 * Math.PI) - logDet;
    this.work = new Float64Array(d);
  }

  /** log N(x - centre; 0, S). */
  logDensity(x: Float64Array, centre: Float64Array): number {
    const { L, d, work } = this;
    // Forward substitution: solve L y = x - centre; the quadratic form is |y|^2.
    let q = 0;
    for (let i = 0; i < d; i++) {
      let s = x[i] - centre[i];
      for (let k = 0; k < i; k++) s -= L[i * d + k] * work[k];
      work[i] = s / L[i * d + i];
      q += work[i] * work[i];
    }
    return this.logNorm - 0.5 * q;
  }

  /** centre + L z for standard normals z (from `normal`). */
  sample(centre: Float64Array, normal: () => number): Float64Array {
    const { L, d } = this;
    const z = new Float64Array(d);
    for (let i = 0; i < d; i++) z[i] = normal();
    const x = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let s = centre[i];
      for (let k = 0; k <= i; k++) s += L[i * d + k] * z[k];
      x[i] = s;
    }
    return x;
  }
}

/** log(sum(exp(values))) without overflow. */
export function logSumExp(values: Float64Array): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (const v of values) s += Math.exp(v - max);
  return max + Math.log(s);
}
