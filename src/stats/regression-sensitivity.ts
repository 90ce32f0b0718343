/**
 * Sensitivity of an outcome to the swept parameters of a continuous design (LHS, Sobol):
 * standardised regression coefficients with the model's R^2, partial rank correlation
 * coefficients (Saltelli et al. 2008, Global Sensitivity Analysis, ch. 1; Marino et al.
 * 2008, J. Theor. Biol. 254:178) and binned partial dependence. Each uses every run of the
 * design, never a comparison of two single design points.
 */
import { sampleCorrelation, sampleStandardDeviation } from 'simple-statistics';
import { olsFit } from './linear-model';
import { tTwoSidedP } from './p-value';
import { tCritical, type IntervalMethod } from './summary';
import { summarizeBounded } from './bounded-interval';
import { UNBOUNDED, type ValueRange } from '../dictionary/ranges';
import { Z95 } from './wilson';

/** Rows where y and every input are finite. */
function finiteRows(X: readonly (readonly number[])[], y: readonly number[]): number[] {
  const rows: number[] = [];
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]) && X[i].every(Number.isFinite)) rows.push(i);
  return rows;
}

export interface StandardizedRegression {
  r2: number;
  n: number;
  dropped: number;
  coefficients: { parameter: string; src: number; lo: number; hi: number }[];
}

/**
 * Standardised regression coefficients SRC_j = b_j sd(x_j) / sd(y) of y ~ 1 + X, with the
 * OLS t interval scaled the same way. SRC^2 sums to about R^2 for independent inputs;
 * when R^2 is low the outcome is not linear in the parameters and PRCC or the partial
 * dependence says more.
 * @example standardizedRegression([[0], [1], [2], [3]], [1, 3, 4, 7], ['a']).coefficients[0].src // 0.981155781039212
 */
export function standardizedRegression(X: readonly (readonly number[])[], y: readonly number[], names: readonly string[]): StandardizedRegression {
  const rows = finiteRows(X, y);
  const Xs = rows.map((i) => X[i]);
  const ys = rows.map((i) => y[i]);
  const fit = olsFit(
    Xs.map((row) => [1, ...row]),
    ys,
  );
  const n = rows.length;
  const sdY = n >= 2 ? sampleStandardDeviation(ys) : NaN;
  const half = fit.dfResidual > 0 ? tCritical(fit.dfResidual) : NaN;
  const coefficients = names.map((parameter, j) => {
    const scale = n >= 2 ? sampleStandardDeviation(Xs.map((row) => row[j])) / sdY : NaN;
    const b = fit.coef[j + 1];
    const se = fit.se[j + 1];
    return { parameter, src: b * scale, lo: (b - half * se) * scale, hi: (b + half * se) * scale };
  });
  return { r2: fit.r2, n, dropped: y.length - n, coefficients };
}

/**
 * Ranks 1..n with ties given their average rank (R's rank(ties.method = "average")).
 * @example averageRanks([10, 20, 10, 30]) // [1.5, 3, 1.5, 4]
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

export interface PartialRankCorrelation {
  n: number;
  dropped: number;
  coefficients: { parameter: string; prcc: number; lo: number; hi: number; p: number }[];
}

/**
 * Partial rank correlation of y with each input, the other inputs held fixed: rank all
 * columns (average ties), residualise rank x_j and rank y on the other ranked inputs,
 * correlate the residuals. Interval by Fisher's z with SE 1/sqrt(n - 3 - (k - 1)); p from
 * t on n - 2 - (k - 1) degrees of freedom. Captures monotone, not only linear, effects.
 */
export function partialRankCorrelation(X: readonly (readonly number[])[], y: readonly number[], names: readonly string[]): PartialRankCorrelation {
  const rows = finiteRows(X, y);
  const n = rows.length;
  const k = names.length;
  const rankedX = names.map((_, j) => averageRanks(rows.map((i) => X[i][j])));
  const rankedY = averageRanks(rows.map((i) => y[i]));
  const df = n - 2 - (k - 1);
  const zSe = 1 / Math.sqrt(n - 3 - (k - 1));
  const coefficients = names.map((parameter, j) => {
    const others = rows.map((_, r) => [1, ...rankedX.filter((_, m) => m !== j).map((col) => col[r])]);
    const rx = residuals(others, rankedX[j]);
    const ry = residuals(others, rankedY);
    const prcc = rx && ry && df > 0 ? sampleCorrelation(rx, ry) : NaN;
    const z = Math.atanh(prcc);
    const defined = Number.isFinite(zSe) && Number.isFinite(z);
    const t = prcc * Math.sqrt(df / (1 - prcc * prcc));
    return {
      parameter,
      prcc,
      lo: defined ? Math.tanh(z - Z95 * zSe) : NaN,
      hi: defined ? Math.tanh(z + Z95 * zSe) : NaN,
      p: df > 0 && Number.isFinite(prcc) ? tTwoSidedP(t, df) : NaN,
    };
  });
  return { n, dropped: y.length - n, coefficients };
}

/** y minus its least-squares fit on X, or null when the fit is not determined. */
function residuals(X: readonly (readonly number[])[], y: readonly number[]): number[] | null {
  const fit = olsFit(X, y);
  if (!fit.coef.every(Number.isFinite)) return null;
  return y.map((v, i) => v - X[i].reduce((s, x, j) => s + x * fit.coef[j], 0));
}

export interface DependenceBin {
  xLow: number;
  xHigh: number;
  xMid: number;
  n: number;
  mean: number;
  /** Interval of the bin's mean; NaN when n < 2 or every value is the same inside the range. */
  lo: number;
  hi: number;
  /** The interval's estimator. */
  interval: IntervalMethod;
}

/**
 * Partial dependence of y on one input: the mean of y with its interval (t, or bounded near
 * the bounds of `range`: bounded-interval.ts) in quantile bins
 * of x (R: cut(x, unique(quantile(x, 0:bins/bins)), include.lowest = TRUE, right = FALSE)),
 * i.e. averaged over the design's spread of the other inputs.
 * @example partialDependence([1, 2, 3, 4], [2, 4, 6, 8], 2).map((b) => b.mean) // [3, 7]
 */
export function partialDependence(x: readonly number[], y: readonly number[], bins = 8, range: ValueRange = UNBOUNDED): DependenceBin[] {
  const pairs = x.map((v, i) => [v, y[i]] as const).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  if (pairs.length === 0) return [];
  const sorted = pairs.map(([a]) => a).sort((a, b) => a - b);
  const edges = [...new Set(Array.from({ length: bins + 1 }, (_, k) => quantileType7(sorted, k / bins)))];
  if (edges.length === 1) edges.push(edges[0]);
  const groups = Array.from({ length: edges.length - 1 }, () => [] as number[]);
  for (const [a, b] of pairs) {
    let bin = 0;
    while (bin < groups.length - 1 && a >= edges[bin + 1]) bin++;
    groups[bin].push(b);
  }
  return groups.map((values, bin) => {
    const s = summarizeBounded(values, range);
    return { xLow: edges[bin], xHigh: edges[bin + 1], xMid: (edges[bin] + edges[bin + 1]) / 2, n: s.n, mean: s.mean, lo: s.ciLow, hi: s.ciHigh, interval: s.interval ?? 't' };
  });
}

/** R's default quantile (type 7) of sorted values, with R's interpolation formula. */
function quantileType7(sorted: readonly number[], p: number): number {
  const index = (sorted.length - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const h = index - lo;
  return h > 0 && sorted[hi] !== sorted[lo] ? (1 - h) * sorted[lo] + h * sorted[hi] : sorted[lo];
}
