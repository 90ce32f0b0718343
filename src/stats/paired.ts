/**
 * Paired differences of an arm against the baseline arm on the same seeds (common random
 * numbers make the difference far more precise than comparing two independent means).
 */
import { binomialUpperTail } from './binomial';
import { summarize, tCritical, type Summary } from './summary';
import { tTwoSidedP } from './p-value';
import { Z95 } from './wilson';

/**
 * How a paired difference's interval was computed (stats.csv `method`): `paired_t_by_point`
 * is the paired t stratified by design point (pooled over points with each point's own
 * variance, Welch-Satterthwaite df), used when pairs come from several design points;
 * `paired_constant_by_point` when, within each point, every pair differed by the same amount
 * (the amounts differ between points): the pooled difference, without an interval.
 */
export type PairedMethod = 'paired_t' | 'paired_t_by_point' | 'paired_share' | 'paired_all_equal' | 'paired_constant_by_point';

export interface PairedOptions {
  /**
   * Whether the outcome is a 0/1 indicator by its unit in the data dictionary; when given,
   * only such outcomes get the paired-share interval (a continuous outcome whose values all
   * happen to be 0 or 1 keeps the t interval); when absent, decided from the values.
   */
  binary?: boolean;
  /**
   * The design point (stratum) of each pair, aligned with treated/baseline: pairs from
   * several points are pooled as a stratified estimate (each point's mean difference
   * weighted by its pairs, each point's own variance), so differences between the points'
   * effects do not count as noise.
   */
  strata?: readonly (number | string)[];
}

export interface PairedDifference extends Summary {
  /** Cohen's d_z: mean difference over the SD of the differences. */
  dz: number;
  /** Mean of the baseline values over the pairs. */
  baselineMean: number;
  /** Mean difference and CI as a fraction of the baseline mean (NaN when that is 0). */
  relMean: number;
  relCiLow: number;
  relCiHigh: number;
  /**
   * Two-sided p: the paired t test (stratified when by point); for 0/1 outcomes the exact
   * McNemar test; NaN when the differences do not vary.
   */
  p: number;
  /**
   * `paired_t`: the t interval of the mean difference; `paired_share` when every value is 0
   * or 1: the Agresti-Min interval of the difference of paired shares (pairedShareDifference);
   * `paired_all_equal` when every pair differed by the same amount (two or more pairs): no
   * interval (ciLow, ciHigh NaN), since the t interval would have zero width and claim the
   * mean difference without any uncertainty.
   */
  method: PairedMethod;
}

/**
 * Whether two or more values are all the same number up to floating-point rounding (a
 * spread of at most 1e-12 of their largest magnitude). Compared directly, not through the
 * SD: the mean of n equal values can differ from them in the last bit, and differences of
 * the same amount computed from different values (0.3 - 0.2, 0.1 - 0) differ in the last
 * bits too; either leaves an SD of about 1e-17 and a t interval of that width.
 * @example allEqualUpToRounding([0.1 - 0, 0.3 - 0.2]) // true
 */
export function allEqualUpToRounding(values: readonly number[]): boolean {
  if (values.length < 2) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) return false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
}

/**
 * Statistics of treated[i] - baseline[i] over pairs where both are finite.
 * The relative change (mean difference over the baseline mean) has Fieller's interval for a
 * ratio of paired means (Fieller 1954): the values rho for which a t test of
 * mean(d - rho b) = 0 does not reject, so the baseline mean's own error counts; it is NaN
 * (no relative interval) when the baseline mean is not clearly away from 0. A 0/1 outcome's
 * relative interval divides its Agresti-Min interval by the baseline share.
 * @example pairedDifference([2, 4, 6], [1, 2, 3]).dz // 2
 */
export function pairedDifference(treated: readonly number[], baseline: readonly number[], opts: PairedOptions = {}): PairedDifference {
  const diffs: number[] = [];
  const bases: number[] = [];
  const strata: (number | string)[] = [];
  const n = Math.min(treated.length, baseline.length);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(treated[i]) && Number.isFinite(baseline[i])) {
      diffs.push(treated[i] - baseline[i]);
      bases.push(baseline[i]);
      strata.push(opts.strata?.[i] ?? 0);
    }
  }
  const s = summarize(diffs);
  const baselineMean = summarize(bases).mean;
  const valuesZeroOne = diffs.length > 0 && treated.every((v) => !Number.isFinite(v) || v === 0 || v === 1) && baseline.every((v) => !Number.isFinite(v) || v === 0 || v === 1);
  const zeroOne = valuesZeroOne && opts.binary !== false;
  const scale = baselineMean !== 0 && Number.isFinite(baselineMean) ? 1 / Math.abs(baselineMean) : NaN;
  if (zeroOne) {
    const share = pairedShareDifference(treated, baseline);
    s.ciLow = share.lo;
    s.ciHigh = share.hi;
    const dz = s.n >= 2 && s.sd > 0 ? s.mean / s.sd : NaN;
    return { ...s, dz, baselineMean, relMean: s.mean * scale, relCiLow: s.ciLow * scale, relCiHigh: s.ciHigh * scale, p: share.p, method: 'paired_share' };
  }
  if (allEqualUpToRounding(diffs)) {
    return { ...s, ciLow: NaN, ciHigh: NaN, dz: NaN, baselineMean, relMean: s.mean * scale, relCiLow: NaN, relCiHigh: NaN, p: NaN, method: 'paired_all_equal' };
  }
  const est = estimateByStratum(diffs, bases, strata);
  if (est.strata > 1 && constantWithinStrata(diffs, strata)) {
    return { ...s, ciLow: NaN, ciHigh: NaN, dz: NaN, baselineMean, relMean: s.mean * scale, relCiLow: NaN, relCiHigh: NaN, p: NaN, method: 'paired_constant_by_point' };
  }
  const half = est.df > 0 && est.varD > 0 ? tCritical(est.df) * Math.sqrt(est.varD) : NaN;
  const rel = fiellerRatio(est.meanD, est.meanB, est.varD, est.varB, est.cov, est.df);
  // Cohen's d_z: the mean difference over the SD of the differences (within points when stratified).
  const dz = est.sdWithin > 0 ? s.mean / est.sdWithin : NaN;
  return {
    ...s,
    ciLow: est.meanD - half,
    ciHigh: est.meanD + half,
    dz,
    baselineMean,
    relMean: s.mean * scale,
    relCiLow: baselineMean < 0 ? -rel[1] : rel[0],
    relCiHigh: baselineMean < 0 ? -rel[0] : rel[1],
    p: est.df > 0 && est.varD > 0 ? tTwoSidedP(est.meanD / Math.sqrt(est.varD), est.df) : NaN,
    method: est.strata > 1 ? 'paired_t_by_point' : 'paired_t',
  };
}

/** The indices of each stratum, in order of first appearance. */
function indicesByStratum(strata: readonly (number | string)[]): Map<number | string, number[]> {
  const groups = new Map<number | string, number[]>();
  strata.forEach((k, i) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  });
  return groups;
}

/** Whether the differences are the same (up to rounding) within every stratum. */
function constantWithinStrata(diffs: readonly number[], strata: readonly (number | string)[]): boolean {
  const multi = [...indicesByStratum(strata).values()].filter((g) => g.length >= 2);
  return multi.length > 0 && multi.every((g) => allEqualUpToRounding(g.map((i) => diffs[i])));
}

interface StratifiedEstimate {
  /** Mean difference and mean baseline (each point weighted by its pairs: the plain means). */
  meanD: number;
  meanB: number;
  /** Variances of those means and their covariance. */
  varD: number;
  varB: number;
  cov: number;
  /** Degrees of freedom: n - 1 for one point; Welch-Satterthwaite over points otherwise. */
  df: number;
  /** SD of the differences within points (pooled), for d_z. */
  sdWithin: number;
  strata: number;
}

/**
 * The mean difference and mean baseline with their (co)variances, by stratum: with one
 * stratum the usual paired ones (var = s^2 / n, df n - 1); with several, the stratified mean
 * sum_p w_p mean_p (w_p = n_p / N) with variance sum_p w_p^2 s_p^2 / n_p and Welch-
 * Satterthwaite df. A stratum with one pair has no variance of its own: then every stratum
 * takes the pooled within-stratum variance (the linear model d ~ point), df N - P.
 */
function estimateByStratum(diffs: readonly number[], bases: readonly number[], strata: readonly (number | string)[]): StratifiedEstimate {
  const groups = indicesByStratum(strata);
  const N = diffs.length;
  // Strata of one pair each (a continuous design with one replicate) carry no within-stratum
  // variation: then the pairs are one sample, as without strata.
  if ([...groups.values()].every((g) => g.length < 2)) {
    groups.clear();
    groups.set(0, diffs.map((_, i) => i));
  }
  const P = groups.size;
  const parts = [...groups.values()].map((idx) => {
    const n = idx.length;
    let md = 0;
    let mb = 0;
    for (const i of idx) {
      md += diffs[i];
      mb += bases[i];
    }
    md /= n;
    mb /= n;
    let sdd = 0;
    let sbb = 0;
    let sdb = 0;
    for (const i of idx) {
      sdd += (diffs[i] - md) ** 2;
      sbb += (bases[i] - mb) ** 2;
      sdb += (diffs[i] - md) * (bases[i] - mb);
    }
    return { n, md, mb, sdd, sbb, sdb };
  });
  let meanD = 0;
  let meanB = 0;
  for (const g of parts) {
    meanD += (g.n / N) * g.md;
    meanB += (g.n / N) * g.mb;
  }
  const ssWithin = parts.reduce((a, g) => a + g.sdd, 0);
  const sdWithin = N - P > 0 ? Math.sqrt(ssWithin / (N - P)) : NaN;
  if (P === 1 || parts.some((g) => g.n < 2)) {
    const dfPooled = N - P;
    const pooled = (k: 'sdd' | 'sbb' | 'sdb') => (dfPooled > 0 ? parts.reduce((a, g) => a + g[k], 0) / dfPooled / N : NaN);
    return { meanD, meanB, varD: pooled('sdd'), varB: pooled('sbb'), cov: pooled('sdb'), df: dfPooled, sdWithin, strata: P };
  }
  let varD = 0;
  let varB = 0;
  let cov = 0;
  let den = 0;
  for (const g of parts) {
    const w = g.n / N;
    const vd = (w * w * g.sdd) / (g.n - 1) / g.n;
    varD += vd;
    varB += (w * w * g.sbb) / (g.n - 1) / g.n;
    cov += (w * w * g.sdb) / (g.n - 1) / g.n;
    den += (vd * vd) / (g.n - 1);
  }
  return { meanD, meanB, varD, varB, cov, df: den > 0 ? (varD * varD) / den : NaN, sdWithin, strata: P };
}

/**
 * Fieller's interval for the ratio a / b of two estimated means with variances va, vb and
 * covariance c, at df degrees of freedom: the rho with (a - rho b)^2 <= t^2 (va - 2 rho c +
 * rho^2 vb). [NaN, NaN] when b is not clearly away from 0 (b^2 <= t^2 vb: the set is then
 * unbounded) or the variances are missing.
 * The df is that of the difference's variance (an approximation when it comes from
 * Welch-Satterthwaite over strata: the variance of d - rho b has a df of its own).
 * @example fiellerRatio(2, 4, 0.1, 0.1, 0, 10) // about [0.32, 0.72]
 */
export function fiellerRatio(a: number, b: number, va: number, vb: number, c: number, df: number, confidence?: number): [number, number] {
  if (!(df > 0) || !(va >= 0) || !(vb >= 0) || !Number.isFinite(c)) return [NaN, NaN];
  const t2 = tCritical(df, confidence) ** 2;
  const A = b * b - t2 * vb;
  if (!(A > 0)) return [NaN, NaN];
  const B = a * b - t2 * c;
  const C = a * a - t2 * va;
  const disc = B * B - A * C;
  if (disc < 0) return [NaN, NaN];
  const root = Math.sqrt(disc);
  return [(B - root) / A, (B + root) / A];
}

/**
 * The difference of two paired shares, P(A = 1) - P(B = 1), from the discordant seeds:
 * the Agresti-Min (2005, Statistics in Medicine 24) adjusted Wald interval (half a count
 * added to each cell of the 2 x 2 table, clipped to [-1, 1]), which keeps its coverage where
 * the t interval of 0/1 differences collapses to zero width or leaves [-1, 1]; and the exact
 * McNemar p (two-sided binomial test of the discordant counts against 1/2).
 * @example pairedShareDifference([1, 1, 0, 1], [0, 1, 0, 0]).estimate // 0.5
 */
export function pairedShareDifference(treated: readonly number[], baseline: readonly number[], z = Z95): { estimate: number; lo: number; hi: number; p: number } {
  let onlyA = 0;
  let onlyB = 0;
  let n = 0;
  for (let i = 0; i < Math.min(treated.length, baseline.length); i++) {
    if (!Number.isFinite(treated[i]) || !Number.isFinite(baseline[i])) continue;
    n++;
    if (treated[i] === 1 && baseline[i] === 0) onlyA++;
    else if (treated[i] === 0 && baseline[i] === 1) onlyB++;
  }
  const estimate = (onlyA - onlyB) / n;
  const nAdj = n + 2;
  const pA = (onlyA + 0.5) / nAdj;
  const pB = (onlyB + 0.5) / nAdj;
  const centre = pA - pB;
  const half = z * Math.sqrt((pA + pB - centre * centre) / nAdj);
  const discordant = onlyA + onlyB;
  const p = discordant === 0 ? 1 : Math.min(1, 2 * binomialUpperTail(Math.max(onlyA, onlyB), discordant, 0.5));
  return { estimate, lo: Math.max(-1, centre - half), hi: Math.min(1, centre + half), p };
}
