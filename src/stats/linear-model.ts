/**
 * Ordinary least squares with classical or cluster-robust standard errors.
 * Runs of a sweep share seeds across arms (common random numbers), so their errors are
 * correlated within a seed; the cluster-robust sandwich (Liang & Zeger 1986) respects that
 * pairing. Two small-sample versions:
 * - CR1: Stata's factor G/(G-1) (n-1)/(n-p) -- R's `sandwich::vcovCL(fit, cluster = ~seed,
 *   type = "HC1")` -- with G-1 inference degrees of freedom;
 * - CR2: Bell & McCaffrey's (2002) bias-reduced sandwich, each cluster's residuals scaled
 *   by (I - H_gg)^(-1/2), with Satterthwaite degrees of freedom for each contrast and the
 *   Hotelling T^2 approximation (HTZ) of Pustejovsky & Tipton (2018) for joint tests -- R's
 *   `clubSandwich::coef_test(..., vcov = "CR2", test = "Satterthwaite")` and
 *   `Wald_test(..., test = "HTZ")`. With one run per cluster it is HC2. CR1's G-1 df
 *   over-reject when a few clusters carry the variance (Imbens & Kolesar 2016): a grid whose
 *   cells differ in spread is that case.
 */
import { invertSymmetric, invertUpper, matMul, qrDecompose, quadraticForm, symmetricPower, transpose } from './matrix';
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
  /** The sandwich: 'classical', 'CR1' or 'CR2'. */
  vcovType: 'classical' | 'CR1' | 'CR2';
  /** CR2 only: what Satterthwaite and HTZ degrees of freedom need (see contrastTest). */
  cr2?: Cr2Parts;
  /**
   * Clustered fits only: the classical s^2 (X'X)^-1, against which a contrast's sandwich
   * variance is checked for having no replication behind it (unreplicated).
   */
  modelVcov?: number[][];
}

/** The pieces of a CR2 fit its small-sample degrees of freedom are computed from. */
export interface Cr2Parts {
  /** Per cluster: its rows of X and its adjustment A_g = (I - H_gg)^(-1/2). */
  groups: { X: number[][]; A: number[][] }[];
  /**
   * Per cluster, the index of the first cluster whose rows of X are the same numbers in the
   * same order (its own index when none is earlier): such clusters share A_g and every term
   * of the degrees of freedom (a grid has as many kinds as cells or points, not seeds).
   */
  sameAs: number[];
  /** (X'X)^-1 and X'X. */
  bread: number[][];
  xtx: number[][];
}

export interface OlsOptions {
  cluster?: readonly (number | string)[];
  names?: string[];
  /** Cluster-robust sandwich when `cluster` is given: 'CR1' (default) or 'CR2'. */
  vcov?: 'CR1' | 'CR2';
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
    vcovType: clusterIds ? (opts.vcov ?? 'CR1') : 'classical',
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
  let cr2: Cr2Parts | undefined;
  if (clusterIds && G !== null && opts.vcov === 'CR2') {
    dfInference = G - 1;
    if (G < 2 || n - p <= 0) return { ...nanFit(false), ...fitMeasures(Xs, ys, rss, n, p), coef, dfInference };
    const members = new Map<string, number[]>();
    clusterIds.forEach((key, i) => {
      const m = members.get(key);
      if (m) m.push(i);
      else members.set(key, [i]);
    });
    const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const groups: Cr2Parts['groups'] = [];
    const sameAs: number[] = [];
    // Clusters with the same rows of X (the seeds of one grid point) have the same A_g: computed once.
    const firstOfKind = new Map<string, number>();
    for (const rowsOf of members.values()) {
      const Xg = rowsOf.map((i) => Xs[i].slice());
      const key = Xg.map((row) => row.join(',')).join(';');
      const first = firstOfKind.get(key);
      let A: number[][];
      if (first !== undefined) {
        A = groups[first].A;
        sameAs.push(first);
      } else {
        const Hgg = matMul(matMul(Xg, bread), transpose(Xg));
        A = symmetricPower(Hgg.map((row, a) => row.map((h, b) => (a === b ? 1 : 0) - h)), -0.5);
        firstOfKind.set(key, groups.length);
        sameAs.push(groups.length);
      }
      groups.push({ X: Xg, A });
      const ae = A.map((row) => row.reduce((s, v, k) => s + v * residuals[rowsOf[k]], 0));
      const score = new Array<number>(p).fill(0);
      Xg.forEach((row, k) => {
        for (let j = 0; j < p; j++) score[j] += row[j] * ae[k];
      });
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a][b] += score[a] * score[b];
    }
    vcov = matMul(matMul(bread, meat), bread);
    cr2 = { groups, sameAs, bread, xtx: matMul(transpose(R), R) };
  } else if (clusterIds && G !== null) {
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
    vcovType: clusterIds ? (opts.vcov ?? 'CR1') : 'classical',
    ...(cr2 ? { cr2 } : {}),
    ...(clusterIds ? { modelVcov: bread.map((row) => row.map((v) => (v * rss) / dfResidual)) } : {}),
  };
}

/**
 * A clustered variance this far below the classical one has no replication behind it: a
 * contrast between clusters whose means the model fits exactly (a grid with arms and one
 * seed per point: the point cells are saturated, every cluster's residuals sum to 0, and
 * the sandwich is 0 up to rounding, where clubSandwich gives a negative variance).
 */
const NO_REPLICATION = 1e-9;

/**
 * Whether some row of C (a contrast of a clustered fit) has a sandwich variance that is 0 up
 * to rounding, relative to its classical variance (or both are 0): then no interval or test
 * can be computed for it, and contrastTest, contrastWaldTest and waldTest give NaN.
 */
export function unreplicated(fit: LinearFit, C: readonly (readonly number[])[]): boolean {
  const M = fit.modelVcov;
  if (fit.clusters === null || !M) return false;
  return C.some((c) => quadraticForm(fit.vcov, c as number[]) <= NO_REPLICATION * quadraticForm(M, c as number[]));
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
  if (unreplicated(fit, indices.map((j) => fit.names.map((_, k) => (k === j ? 1 : 0))))) return { F: NaN, df1: q, df2, p: NaN };
  const b = indices.map((j) => fit.coef[j]);
  const V = indices.map((i) => indices.map((j) => fit.vcov[i][j]));
  const Vinv = q > 0 && b.every(Number.isFinite) && V.every((r) => r.every(Number.isFinite)) ? invertSymmetric(V) : null;
  if (!Vinv || !(df2 > 0)) return { F: NaN, df1: q, df2, p: NaN };
  const F = quadraticForm(Vinv, b) / q;
  return { F, df1: q, df2, p: fUpperP(F, q, df2) };
}

export interface ContrastTest extends CoefInterval {
  se: number;
  /** Degrees of freedom of the t: Satterthwaite for CR2, else the fit's dfInference. */
  df: number;
}

/**
 * A linear contrast c'b with its standard error, t interval and two-sided p. For a CR2 fit
 * the degrees of freedom are Satterthwaite's (Bell & McCaffrey 2002), as
 * clubSandwich::coef_test(test = "Satterthwaite") or linear_contrast(test = "Satterthwaite").
 */
export function contrastTest(fit: LinearFit, c: readonly number[], level = 0.95): ContrastTest {
  const estimate = c.reduce((s, v, j) => s + v * fit.coef[j], 0);
  // The degrees of freedom depend on the design only, so they stay defined when the
  // variance has no replication behind it (the interval does not).
  const df = fit.cr2 ? htzDegrees(fit.cr2, [c])?.nu ?? NaN : fit.dfInference;
  if (unreplicated(fit, [c])) return { estimate, lo: NaN, hi: NaN, p: NaN, se: NaN, df };
  const variance = quadraticForm(fit.vcov, c as number[]);
  const se = Math.sqrt(variance);
  return { ...linearInterval(estimate, se, df, level), se, df };
}

export interface ContrastWaldTest extends WaldTest {
  /** The unscaled Wald statistic (Cb)'(C V C')^-1 (Cb). */
  Q: number;
  /** 'F' (Q / q on (q, dfInference)) or 'HTZ' (CR2 fits). */
  test: 'F' | 'HTZ';
}

/**
 * Joint Wald test of C b = 0 (C has q rows). For a CR2 fit, the HTZ test of Pustejovsky &
 * Tipton (2018): F = (nu - q + 1) / (nu q) Q on (q, nu - q + 1) df, nu = q (q + 1) divided by
 * the total variance of the standardised C V C' under a working model of independent,
 * homoskedastic errors (clubSandwich::Wald_test(test = "HTZ")). Otherwise F = Q / q on
 * (q, dfInference), as waldTest. NaN when C V C' is singular or the df are not positive.
 */
export function contrastWaldTest(fit: LinearFit, C: readonly (readonly number[])[]): ContrastWaldTest {
  const q = C.length;
  const b = C.map((row) => row.reduce((s, v, j) => s + v * fit.coef[j], 0));
  const V = matMul(matMul(C, fit.vcov), transpose(C));
  const Vinv = q > 0 && b.every(Number.isFinite) && V.every((r) => r.every(Number.isFinite)) ? invertSymmetric(V) : null;
  const test = fit.cr2 ? 'HTZ' : 'F';
  if (!Vinv || unreplicated(fit, C)) return { F: NaN, df1: q, df2: NaN, p: NaN, Q: NaN, test };
  const Q = quadraticForm(Vinv, b);
  if (!fit.cr2) {
    const df2 = fit.dfInference;
    return df2 > 0 ? { F: Q / q, df1: q, df2, p: fUpperP(Q / q, q, df2), Q, test } : { F: NaN, df1: q, df2, p: NaN, Q, test };
  }
  const nu = htzDegrees(fit.cr2, C)?.nu ?? NaN;
  const df2 = nu - q + 1;
  if (!(df2 > 0)) return { F: NaN, df1: q, df2, p: NaN, Q, test };
  const F = ((nu - q + 1) / nu) * (Q / q);
  return { F, df1: q, df2, p: fUpperP(F, q, df2), Q, test };
}

/** The exact routes to the HTZ nu: over pairs of clusters, through p x p sums, over pairs of kinds of cluster. */
export type HtzRoute = 'pairs' | 'sums' | 'kinds';

/**
 * The HTZ nu of C b = 0 for a CR2 fit (NaN otherwise), by a chosen route: exposed so the
 * tests can check that the routes give the same number.
 */
export function htzNu(fit: LinearFit, C: readonly (readonly number[])[], strategy: 'auto' | HtzRoute = 'auto'): number {
  return fit.cr2 ? (htzDegrees(fit.cr2, C, strategy)?.nu ?? NaN) : NaN;
}

/** The route 'auto' takes for C b = 0 and the number of kinds of cluster (null without CR2): for the tests. */
export function htzPlan(fit: LinearFit, C: readonly (readonly number[])[]): { route: 'sums' | 'kinds'; kinds: number } | null {
  return fit.cr2 ? { route: autoRoute(fit.cr2, C.length), kinds: kindPieces(fit.cr2).reps.length } : null;
}

/**
 * nu of the HTZ test (and, for one contrast, the Satterthwaite df). With P_g = A_g X_g M C'
 * (M = (X'X)^-1), the sandwich's cluster terms have, under the working model of independent
 * homoskedastic errors, the covariances M_gh = P_g' (I[g = h] - H_gh) P_h (q x q, H_gh the
 * hat matrix's block); standardised by Omega = sum_g M_gg, nu = q (q + 1) / sum over (g, h)
 * of tr(M_gh^2) + tr(M_gh)^2 (clubSandwich's total_variance_mat summed). Three exact ways to
 * the same sum: over pairs of clusters with n_g x n_h blocks (cost ~ G^2 (p + q)); through
 * p x p sums over clusters (cost ~ G q^2 p^2 + q^2 p^3; cheap for one contrast over many
 * clusters); over pairs of kinds of cluster (clusters with the same rows of X), the pairs
 * route grouped (cost ~ K^2 (p + q) for K kinds: a grid's cells or points, however many
 * seeds). 'auto' takes the cheaper of the last two. Null when Omega is singular.
 */
function htzDegrees(parts: Cr2Parts, C: readonly (readonly number[])[], strategy: 'auto' | HtzRoute = 'auto'): { nu: number } | null {
  const route = strategy === 'auto' ? autoRoute(parts, C.length) : strategy;
  return route === 'kinds' ? kindDegrees(parts, C) : clusterDegrees(parts, C, route);
}

/**
 * The cheaper exact route: over pairs of kinds (cost ~ K^2 (p + q + m) m^2 for K kinds of
 * clusters of m rows; K = G when no two clusters are alike, the pairs route's cost) or
 * through p x p sums over the G clusters.
 */
function autoRoute(parts: Cr2Parts, q: number): 'sums' | 'kinds' {
  const p = parts.bread.length;
  const G = parts.groups.length;
  const { reps } = kindPieces(parts);
  const K = reps.length;
  const meanSize = reps.reduce((s, g) => s + parts.groups[g].X.length, 0) / Math.max(1, K);
  const kindCost = K * K * (p + q + meanSize) * meanSize * meanSize;
  const sumCost = G * q * q * p * p + 2 * q * q * p * p * p;
  return kindCost <= sumCost ? 'kinds' : 'sums';
}

/** The pairs and sums routes, over every cluster (the reference for the kinds route). */
function clusterDegrees(parts: Cr2Parts, C: readonly (readonly number[])[], route: 'pairs' | 'sums'): { nu: number } | null {
  const q = C.length;
  const MCt = matMul(parts.bread, transpose(C)); // p x q
  const { XM, residualBlocks } = fitPieces(parts);
  const Ps = parts.groups.map((g) => matMul(g.A, matMul(g.X, MCt))); // n_g x q
  const omega = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  Ps.forEach((P, g) => {
    const NP = matMul(residualBlocks[g], P);
    const m = matMul(transpose(P), NP);
    for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) omega[s][t] += m[s][t];
  });
  const omegaInv = invertSymmetric(omega);
  if (!omegaInv) return null;
  const total = route === 'pairs' ? pairTotal(parts, XM, Ps, omegaInv) : sumTotal(parts, Ps, omegaInv);
  return { nu: (q * (q + 1)) / total };
}

/**
 * Clusters of one kind (the same rows of X, so the same A_g and P_g) have the same M_gg, and
 * for g != h, M_gh = -P_g' X_g M X_h' P_h depends only on the kinds of g and h. So with c_u
 * clusters of kind u, Omega = sum_u c_u M_uu, and the total over pairs of clusters is, over
 * pairs of kinds, c_u c_v f(u, v) for u != v and c_u (c_u - 1) f(u, u) + c_u f_diag(u) on
 * the diagonal (f the pair term without the identity, f_diag with it). Exact: the same sum
 * as pairTotal, grouped. One run per cluster on a grid: the kinds are the cells.
 */
function kindDegrees(parts: Cr2Parts, C: readonly (readonly number[])[]): { nu: number } | null {
  const q = C.length;
  const MCt = matMul(parts.bread, transpose(C)); // p x q
  const { reps, counts, XM, residualBlocks } = kindPieces(parts);
  const Ps = reps.map((g) => matMul(parts.groups[g].A, matMul(parts.groups[g].X, MCt))); // n_u x q
  const omega = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  Ps.forEach((P, u) => {
    const m = matMul(transpose(P), matMul(residualBlocks[u], P));
    for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) omega[s][t] += counts[u] * m[s][t];
  });
  const omegaInv = invertSymmetric(omega);
  if (!omegaInv) return null;
  return { nu: (q * (q + 1)) / kindTotal(reps.map((g) => parts.groups[g].X), counts, XM, Ps, omegaInv) };
}

/** Per fit: one cluster of each kind, how many clusters are of that kind, and its X_u M and I - H_uu. */
const kindsOf = new WeakMap<Cr2Parts, { reps: number[]; counts: number[]; XM: number[][][]; residualBlocks: number[][][] }>();
function kindPieces(parts: Cr2Parts) {
  let pieces = kindsOf.get(parts);
  if (!pieces) {
    const reps: number[] = [];
    const index = new Map<number, number>();
    const counts: number[] = [];
    parts.sameAs.forEach((first) => {
      const u = index.get(first);
      if (u === undefined) {
        index.set(first, reps.length);
        reps.push(first);
        counts.push(1);
      } else counts[u]++;
    });
    const XM = reps.map((g) => matMul(parts.groups[g].X, parts.bread)); // n_u x p
    const residualBlocks = reps.map((g, u) => matMul(XM[u], transpose(parts.groups[g].X)).map((row, a) => row.map((v, b) => (a === b ? 1 : 0) - v)));
    pieces = { reps, counts, XM, residualBlocks };
    kindsOf.set(parts, pieces);
  }
  return pieces;
}

/** tr(a) and tr(a a) of the last crossTerm (module scratch: the pair loops run G^2 times). */
const traces = new Float64Array(2);

/**
 * The term of one pair of clusters (or kinds) g, h of the HTZ total: N = (identity ? I : 0) -
 * XM_g X_h' (ng x nh), R = Pw_h P_g' (nh x ng) and a = N R (ng x ng), into the flat scratch
 * arrays N, R, a (row-major); tr(a) and tr(a a) into `traces`.
 */
function crossTerm(xmG: Float64Array, xsH: Float64Array, pwH: Float64Array, psG: Float64Array, ng: number, nh: number, p: number, q: number, identity: boolean, N: Float64Array, R: Float64Array, a: Float64Array): void {
  for (let i = 0; i < ng; i++) {
    for (let j = 0; j < nh; j++) {
      let v = 0;
      for (let k = 0; k < p; k++) v += xmG[i * p + k] * xsH[j * p + k];
      N[i * nh + j] = (identity && i === j ? 1 : 0) - v;
    }
  }
  for (let i = 0; i < nh; i++) {
    for (let j = 0; j < ng; j++) {
      let v = 0;
      for (let k = 0; k < q; k++) v += pwH[i * q + k] * psG[j * q + k];
      R[i * ng + j] = v;
    }
  }
  let tr = 0;
  for (let i = 0; i < ng; i++) {
    for (let j = 0; j < ng; j++) {
      let v = 0;
      for (let k = 0; k < nh; k++) v += N[i * nh + k] * R[k * ng + j];
      a[i * ng + j] = v;
    }
    tr += a[i * ng + i];
  }
  let tr2 = 0;
  for (let i = 0; i < ng; i++) for (let j = 0; j < ng; j++) tr2 += a[i * ng + j] * a[j * ng + i];
  traces[0] = tr;
  traces[1] = tr2;
}

/**
 * pairTotal over pairs of kinds (u, v), weighted by the number of pairs of clusters of those
 * kinds: a = -X_u M X_v' P_v Omega^-1 P_u' for distinct clusters, and R + a, R = P_u Omega^-1 P_u',
 * for a cluster with itself.
 */
function kindTotal(Xs: number[][][], counts: number[], XM: number[][][], Ps: number[][][], omegaInv: number[][]): number {
  const K = Ps.length;
  const p = Xs[0][0].length;
  const q = omegaInv.length;
  const flat = (rows: number[][]) => Float64Array.from(rows.flat());
  const xm = XM.map(flat); // n_u x p
  const xs = Xs.map(flat); // n_u x p
  const pw = Ps.map((P) => flat(matMul(P, omegaInv))); // n_u x q
  const ps = Ps.map(flat); // n_u x q
  const sizes = Xs.map((X) => X.length);
  const maxSize = Math.max(...sizes);
  const N = new Float64Array(maxSize * maxSize);
  const R = new Float64Array(maxSize * maxSize);
  const a = new Float64Array(maxSize * maxSize);
  let total = 0;
  for (let u = 0; u < K; u++) {
    const nu = sizes[u];
    for (let v = 0; v < K; v++) {
      const nv = sizes[v];
      // N = -XM_u X_v' (nu x nv); R = Pw_v P_u' (nv x nu); a = N R
      crossTerm(xm[u], xs[v], pw[v], ps[u], nu, nv, p, q, false, N, R, a);
      const tr = traces[0];
      const tr2 = traces[1];
      if (u !== v) {
        total += counts[u] * counts[v] * (tr2 + tr * tr);
        continue;
      }
      if (counts[u] > 1) total += counts[u] * (counts[u] - 1) * (tr2 + tr * tr);
      // the cluster with itself: a + R
      let trSelf = 0;
      for (let i = 0; i < nu; i++) trSelf += a[i * nu + i] + R[i * nu + i];
      let tr2Self = 0;
      for (let i = 0; i < nu; i++) for (let j = 0; j < nu; j++) tr2Self += (a[i * nu + j] + R[i * nu + j]) * (a[j * nu + i] + R[j * nu + i]);
      total += counts[u] * (tr2Self + trSelf * trSelf);
    }
  }
  return total;
}

/** Per fit, what every contrast's degrees of freedom reuse: X_g M and I - H_gg per cluster (computed once). */
const piecesOf = new WeakMap<Cr2Parts, { XM: number[][][]; residualBlocks: number[][][] }>();
function fitPieces(parts: Cr2Parts): { XM: number[][][]; residualBlocks: number[][][] } {
  let pieces = piecesOf.get(parts);
  if (!pieces) {
    const XM = parts.groups.map((g) => matMul(g.X, parts.bread)); // n_g x p
    const residualBlocks = parts.groups.map((g, k) => matMul(XM[k], transpose(g.X)).map((row, a) => row.map((v, b) => (a === b ? 1 : 0) - v)));
    pieces = { XM, residualBlocks };
    piecesOf.set(parts, pieces);
  }
  return pieces;
}

/**
 * The total variance over pairs of clusters: a = (I[g = h] - H_gh) P_h Omega^-1 P_g' (n_g x n_g),
 * adding tr(a a) + tr(a)^2. Flat scratch arrays: G^2 pairs without an allocation each (a grid
 * of 2,500 runs has 6 million pairs).
 */
function pairTotal(parts: Cr2Parts, XM: number[][][], Ps: number[][][], omegaInv: number[][]): number {
  const G = Ps.length;
  const p = parts.bread.length;
  const q = omegaInv.length;
  const Pw = Ps.map((P) => matMul(P, omegaInv)); // n_g x q
  const flat = (rows: number[][]) => Float64Array.from(rows.flat());
  const xm = XM.map(flat); // n_g x p
  const xs = parts.groups.map((g) => flat(g.X)); // n_g x p
  const pw = Pw.map(flat); // n_g x q
  const ps = Ps.map(flat); // n_g x q
  const sizes = parts.groups.map((g) => g.X.length);
  const maxSize = Math.max(...sizes);
  const N = new Float64Array(maxSize * maxSize);
  const R = new Float64Array(maxSize * maxSize);
  const a = new Float64Array(maxSize * maxSize);
  let total = 0;
  for (let g = 0; g < G; g++) {
    const ng = sizes[g];
    for (let h = 0; h < G; h++) {
      const nh = sizes[h];
      // N = I[g = h] - XM_g X_h' (ng x nh); R = Pw_h P_g' (nh x ng); a = N R
      crossTerm(xm[g], xs[h], pw[h], ps[g], ng, nh, p, q, g === h, N, R, a);
      total += traces[1] + traces[0] * traces[0];
    }
  }
  return total;
}

/**
 * The same total through sums over clusters: with Z_g = M X_g' P_g, standardised by
 * Omega^-1/2, B^{st}_{gh} = [g = h] p_gs'p_gt - z_gs' X'X z_ht, and the sums over (g, h) of
 * products of B's are taken through the p x p matrices sum_g z_ga z_gb'.
 */
function sumTotal(parts: Cr2Parts, Ps: number[][][], omegaInv: number[][]): number {
  const q = omegaInv.length;
  const p = parts.bread.length;
  const S = parts.xtx;
  const T = symmetricPower(omegaInv, 0.5); // Omega^-1/2
  const P2 = Ps.map((P) => matMul(P, T));
  const Z2 = parts.groups.map((g, k) => matMul(parts.bread, matMul(transpose(g.X), P2[k]))); // p x q
  const inner = (A: number[][], B: number[][]) => matMul(transpose(A), B); // q x q
  const d = P2.map((P) => inner(P, P));
  const e = Z2.map((Z) => inner(Z, matMul(S, Z)));
  // Zsum[a][b] = sum_g z_ga z_gb'
  const Zsum = Array.from({ length: q }, (_, a) =>
    Array.from({ length: q }, (_, b) => {
      const out = Array.from({ length: p }, () => new Array<number>(p).fill(0));
      for (const Z of Z2) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i][j] += Z[i][a] * Z[j][b];
      return out;
    }),
  );
  const SZS = Zsum.map((row) => row.map((Zab) => matMul(matMul(S, Zab), S)));
  const traceProduct = (A: number[][], B: number[][]) => {
    let t = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) t += A[i][j] * B[j][i];
    return t;
  };
  // sum over (g, h) of B^{ab}_{gh} B^{cd}_{gh}
  const cross = (a: number, b: number, c: number, dd: number) => {
    let s = 0;
    for (let g = 0; g < d.length; g++) s += d[g][a][b] * d[g][c][dd] - d[g][a][b] * e[g][c][dd] - d[g][c][dd] * e[g][a][b];
    return s + traceProduct(SZS[b][dd], Zsum[c][a]);
  };
  let total = 0;
  for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) total += cross(s, t, t, s) + cross(s, s, t, t);
  return total;
}
