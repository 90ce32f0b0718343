/**
 * Ordinary least squares with classical or cluster-robust (CR1) standard errors.
 * Runs of a sweep share seeds across arms and points (common random numbers), so their
 * errors are correlated within a seed; the cluster-robust sandwich (Liang & Zeger 1986)
 * with Stata's small-sample factor G/(G-1) (n-1)/(n-p) -- R's
 * `sandwich::vcovCL(fit, cluster = ~seed, type = "HC1")` -- and G-1 inference degrees
 * of freedom respects that pairing.
 */
import { invertSymmetric, invertUpper, matMul, qrDecompose, quadraticForm, transpose } from './matrix';
import { fUpperP, tTwoSidedP } from './p-value';
import { tCritical } from './summary';

export interface LinearFit {
  /** Rows used (finite y, finite X, a cluster label when clustering). */
  n: number;
  /** Rows dropped for a non-finite value or a missing cluster label. */
  dropped: number;
  p: number;
  names: string[];
  coef: number[];
  se: number[];
  vcov: number[][];
  dfResidual: number;
  /** Degrees of freedom for t and F: the residual df, or G - 1 with clusters. */
  dfInference: number;
  r2: number;
  adjR2: number;
  rss: number;
  /** Number of clusters, or null for classical standard errors. */
  clusters: number | null;
  /** X has (numerically) dependent columns: every coefficient is then NaN. */
  rankDeficient: boolean;
}

export interface OlsOptions {
  cluster?: readonly (number | string)[];
  names?: string[];
}

// A column whose QR pivot falls below this fraction of the largest is taken as dependent.
const RANK_TOLERANCE = 1e-9;

/**
 * Least-squares fit of y on the columns of X (include a column of 1s for an intercept).
 * @example olsFit([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 3, 4, 7]).coef // [0.9, 1.9]
 */
export function olsFit(X: readonly (readonly number[])[], y: readonly number[], opts: OlsOptions = {}): LinearFit {
  const p = X.length ? X[0].length : (opts.names?.length ?? 0);
  const names = opts.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const clusterOk = !opts.cluster || (opts.cluster[i] !== undefined && opts.cluster[i] !== null && !Number.isNaN(opts.cluster[i]));
    if (Number.isFinite(y[i]) && X[i].every(Number.isFinite) && clusterOk) rows.push(i);
  }
  const n = rows.length;
  const Xs = rows.map((i) => X[i]);
  const ys = rows.map((i) => y[i]);
  const clusterIds = opts.cluster ? rows.map((i) => String(opts.cluster![i])) : null;
  const G = clusterIds ? new Set(clusterIds).size : null;
  const dfResidual = n - p;
  const nanFit = (rankDeficient: boolean): LinearFit => ({
    n,
    dropped: y.length - n,
    p,
    names,
    coef: new Array<number>(p).fill(NaN),
    se: new Array<number>(p).fill(NaN),
    vcov: Array.from({ length: p }, () => new Array<number>(p).fill(NaN)),
    dfResidual,
    dfInference: G !== null ? G - 1 : dfResidual,
    r2: NaN,
    adjR2: NaN,
    rss: NaN,
    clusters: G,
    rankDeficient,
  });
  if (n < p || p === 0) return nanFit(false);

  const { R, qty } = qrDecompose(Xs, ys);
  const maxPivot = Math.max(...R.map((row, j) => Math.abs(row[j])));
  if (!(maxPivot > 0) || R.some((row, j) => !(Math.abs(row[j]) > RANK_TOLERANCE * maxPivot))) return nanFit(true);
  const Rinv = invertUpper(R);
  const coef = Rinv.map((row) => row.reduce((s, r, k) => s + r * qty[k], 0));
  const residuals = Xs.map((row, i) => ys[i] - row.reduce((s, x, j) => s + x * coef[j], 0));
  const rss = residuals.reduce((s, e) => s + e * e, 0);
  // (X'X)^-1 = R^-1 R^-T
  const bread = matMul(Rinv, transpose(Rinv));

  let vcov: number[][];
  let dfInference = dfResidual;
  if (clusterIds && G !== null) {
    dfInference = G - 1;
    if (G < 2 || n - p <= 0) return { ...nanFit(false), ...fitMeasures(Xs, ys, rss, n, p), coef, dfInference };
    const scores = new Map<string, number[]>();
    Xs.forEach((row, i) => {
      const key = clusterIds[i];
      let s = scores.get(key);
      if (!s) scores.set(key, (s = new Array<number>(p).fill(0)));
      for (let j = 0; j < p; j++) s[j] += row[j] * residuals[i];
    });
    const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (const s of scores.values()) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a][b] += s[a] * s[b];
    const factor = (G / (G - 1)) * ((n - 1) / (n - p));
    vcov = matMul(matMul(bread, meat), bread).map((row) => row.map((v) => v * factor));
  } else {
    const sigma2 = dfResidual > 0 ? rss / dfResidual : NaN;
    vcov = bread.map((row) => row.map((v) => v * sigma2));
  }
  return {
    n,
    dropped: y.length - n,
    p,
    names,
    coef,
    se: vcov.map((row, j) => Math.sqrt(row[j])),
    vcov,
    dfResidual,
    dfInference,
    ...fitMeasures(Xs, ys, rss, n, p),
    clusters: G,
    rankDeficient: false,
  };
}

/** R^2 and adjusted R^2 as R's summary.lm: centred when X has a constant column, else uncentred. */
function fitMeasures(X: readonly (readonly number[])[], y: readonly number[], rss: number, n: number, p: number) {
  const hasIntercept = p > 0 && X[0].some((v, j) => v !== 0 && X.every((row) => row[j] === v));
  const centre = hasIntercept ? y.reduce((s, v) => s + v, 0) / n : 0;
  const tss = y.reduce((s, v) => s + (v - centre) ** 2, 0);
  const r2 = tss > 0 ? 1 - rss / tss : NaN;
  const dfIntercept = hasIntercept ? 1 : 0;
  const adjR2 = n - p > 0 ? 1 - ((1 - r2) * (n - dfIntercept)) / (n - p) : NaN;
  return { r2, adjR2, rss };
}

export interface CoefInterval {
  estimate: number;
  lo: number;
  hi: number;
  p: number;
}

/**
 * Estimate, t interval and two-sided p of coefficient j (t with the fit's dfInference).
 * @example coefInterval(olsFit([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 3, 4, 7]), 1).lo // 0.7616250899 (R confint)
 */
export function coefInterval(fit: LinearFit, j: number, level = 0.95): CoefInterval {
  return linearInterval(fit.coef[j], fit.se[j], fit.dfInference, level);
}

/** Estimate +- t SE with its two-sided p; NaN interval when the SE or df is not defined. */
export function linearInterval(estimate: number, se: number, df: number, level = 0.95): CoefInterval {
  if (!(se >= 0) || !(df > 0) || !Number.isFinite(estimate)) return { estimate, lo: NaN, hi: NaN, p: NaN };
  const half = tCritical(df, level) * se;
  return { estimate, lo: estimate - half, hi: estimate + half, p: se > 0 ? tTwoSidedP(estimate / se, df) : NaN };
}

export interface WaldTest {
  F: number;
  df1: number;
  df2: number;
  p: number;
}

/**
 * Joint Wald test that the coefficients at `indices` are all 0, with the fit's vcov
 * (classical or cluster-robust): F = b' V^-1 b / q on (q, dfInference) degrees of freedom.
 * NaN when that block of V is singular (e.g. more restrictions than clusters - 1).
 */
export function waldTest(fit: LinearFit, indices: readonly number[]): WaldTest {
  const q = indices.length;
  const df2 = fit.dfInference;
  const b = indices.map((j) => fit.coef[j]);
  const V = indices.map((i) => indices.map((j) => fit.vcov[i][j]));
  const Vinv = q > 0 && b.every(Number.isFinite) && V.every((r) => r.every(Number.isFinite)) ? invertSymmetric(V) : null;
  if (!Vinv || !(df2 > 0)) return { F: NaN, df1: q, df2, p: NaN };
  const F = quadraticForm(Vinv, b) / q;
  return { F, df1: q, df2, p: fUpperP(F, q, df2) };
}
