/**
 * Logistic regression by iteratively reweighted least squares (R's glm(family =
 * binomial)), with classical or cluster-robust standard errors, and the average marginal
 * effect of one covariate with its delta-method standard error. The cluster-robust
 * sandwich is R's sandwich::vcovCL(fit, cluster = ~g, type = "HC1"): scores x_i (y_i - p_i)
 * summed per cluster, small-sample factor G/(G-1) (n-1)/(n-p); inference uses t with G - 1
 * degrees of freedom, as olsFit does for runs that share seeds.
 */
import { invertSymmetric, matMul, qrDecompose, invertUpper, transpose } from './matrix';
import { normalCritical, normalTwoSidedP, tTwoSidedP } from './p-value';
import { tCritical } from './summary';

export interface LogitFit {
  n: number;
  p: number;
  names: string[];
  coef: number[];
  se: number[];
  vcov: number[][];
  /** Degrees of freedom for t intervals: G - 1 with clusters, else Infinity (z). */
  dfInference: number;
  clusters: number | null;
  iterations: number;
  converged: boolean;
  deviance: number;
  /** Fitted probabilities of the rows used, in order. */
  fitted: number[];
  /** Indices (into X and y) of the rows used: y 0 or 1 and every x finite. */
  rows: number[];
}

export interface MarginalEffect {
  /** Average over rows of dp_i / dx_j = beta_j p_i (1 - p_i). */
  ame: number;
  se: number;
  lo: number;
  hi: number;
}

const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-10;

/**
 * Logit of a 0/1 outcome y on the columns of X (include a column of 1s for an intercept).
 * Rows with a non-finite value are skipped. Coefficients are NaN if IRLS does not converge
 * (separation) or X is rank-deficient.
 * @example logitFit([[1, 0], [1, 1], [1, 2], [1, 3]], [0, 1, 0, 1]).coef // [-1.3623, 0.9082] (R glm)
 */
export function logitFit(X: readonly (readonly number[])[], y: readonly number[], opts: { cluster?: readonly (number | string)[]; names?: string[] } = {}): LogitFit {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if ((y[i] === 0 || y[i] === 1) && X[i].every(Number.isFinite)) rows.push(i);
  const Xs = rows.map((i) => X[i]);
  const ys = rows.map((i) => y[i]);
  const n = rows.length;
  const p = Xs.length ? Xs[0].length : 0;
  const names = opts.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  let beta = new Array<number>(p).fill(0);
  let deviance = Infinity;
  let converged = false;
  let iterations = 0;
  let prob: number[] = [];
  for (; iterations < MAX_ITERATIONS && !converged; iterations++) {
    const eta = Xs.map((row) => row.reduce((s, x, j) => s + x * beta[j], 0));
    prob = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const w = prob.map((q) => Math.max(q * (1 - q), 1e-300));
    const sw = w.map(Math.sqrt);
    const { R, qty } = qrDecompose(
      Xs.map((row, i) => row.map((x) => x * sw[i])),
      eta.map((e, i) => (e + (ys[i] - prob[i]) / w[i]) * sw[i]),
    );
    if (R.some((row, j) => !(Math.abs(row[j]) > 1e-12))) break;
    const Rinv = invertUpper(R);
    beta = Rinv.map((row) => row.reduce((s, r, k) => s + r * qty[k], 0));
    const eta2 = Xs.map((row) => row.reduce((s, x, j) => s + x * beta[j], 0));
    prob = eta2.map((e) => 1 / (1 + Math.exp(-e)));
    const dev = -2 * prob.reduce((s, q, i) => s + (ys[i] === 1 ? Math.log(q) : Math.log(1 - q)), 0);
    converged = Math.abs(dev - deviance) < TOLERANCE * (Math.abs(dev) + 0.1);
    deviance = dev;
  }
  const nan = new Array<number>(p).fill(NaN);
  const clusterIds = opts.cluster ? rows.map((i) => String(opts.cluster![i])) : null;
  const G = clusterIds ? new Set(clusterIds).size : null;
  const base = { n, p, names, clusters: G, iterations, converged, deviance, fitted: prob, rows, dfInference: G !== null ? G - 1 : Infinity };
  // Complete separation: the deviance creeps to 0 with fitted probabilities of 0 or 1
  // (R warns "fitted probabilities numerically 0 or 1 occurred"); no finite estimate.
  if (converged && prob.some((q) => q < 1e-10 || q > 1 - 1e-10)) base.converged = false;
  if (!base.converged) return { ...base, coef: nan, se: nan, vcov: nan.map(() => [...nan]) };
  // Bread (X' W X)^-1 at the solution.
  const info = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  Xs.forEach((row, i) => {
    const wi = prob[i] * (1 - prob[i]);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) info[a][b] += wi * row[a] * row[b];
  });
  const bread = invertSymmetric(info, 1e-14);
  if (!bread) return { ...base, coef: nan, se: nan, vcov: nan.map(() => [...nan]) };
  let vcov = bread;
  if (clusterIds && G !== null && G >= 2) {
    const scores = new Map<string, number[]>();
    Xs.forEach((row, i) => {
      let s = scores.get(clusterIds[i]);
      if (!s) scores.set(clusterIds[i], (s = new Array<number>(p).fill(0)));
      for (let j = 0; j < p; j++) s[j] += row[j] * (ys[i] - prob[i]);
    });
    const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (const s of scores.values()) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a][b] += s[a] * s[b];
    const factor = (G / (G - 1)) * ((n - 1) / (n - p));
    vcov = matMul(matMul(bread, meat), transpose(bread)).map((row) => row.map((v) => v * factor));
  }
  return { ...base, coef: beta, se: vcov.map((row, j) => Math.sqrt(row[j])), vcov };
}

// Without clusters the Wald statistic is normal (dfInference Infinity): z, not t at a huge
// df, whose quantile and tail the incomplete beta gets only to ~1e-6 (p-value.ts).
const critical = (fit: LogitFit, level: number) => (Number.isFinite(fit.dfInference) ? tCritical(fit.dfInference, level) : normalCritical(level));
const twoSidedP = (fit: LogitFit, t: number) => (Number.isFinite(fit.dfInference) ? tTwoSidedP(t, fit.dfInference) : normalTwoSidedP(t));

/** t (or z) interval and two-sided p of coefficient j. */
export function logitInterval(fit: LogitFit, j: number, level = 0.95): { estimate: number; lo: number; hi: number; p: number } {
  const t = critical(fit, level);
  const est = fit.coef[j];
  const se = fit.se[j];
  const p = twoSidedP(fit, est / se);
  return { estimate: est, lo: est - t * se, hi: est + t * se, p };
}

/**
 * Average marginal effect of covariate j (continuous) over the rows used, with its
 * delta-method standard error: d AME / d beta_m = [m = j] mean(w) + beta_j mean(w (1 - 2p) x_m),
 * w = p (1 - p).
 */
export function averageMarginalEffect(fit: LogitFit, X: readonly (readonly number[])[], j: number, level = 0.95): MarginalEffect {
  // The rows the fit used (X is the matrix given to logitFit): filtering X alone would keep
  // a row whose y was not 0 or 1 and pair the fitted values with the wrong rows.
  const Xs = fit.rows.map((i) => X[i]);
  const n = fit.fitted.length;
  const bj = fit.coef[j];
  let meanW = 0;
  const grad = new Array<number>(fit.p).fill(0);
  for (let i = 0; i < n; i++) {
    const q = fit.fitted[i];
    const w = q * (1 - q);
    meanW += w / n;
    for (let m = 0; m < fit.p; m++) grad[m] += (bj * w * (1 - 2 * q) * Xs[i][m]) / n;
  }
  grad[j] += meanW;
  const ame = bj * meanW;
  let v = 0;
  for (let a = 0; a < fit.p; a++) for (let b = 0; b < fit.p; b++) v += grad[a] * fit.vcov[a][b] * grad[b];
  const se = Math.sqrt(v);
  const t = critical(fit, level);
  return { ame, se, lo: ame - t * se, hi: ame + t * se };
}
