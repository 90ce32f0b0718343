/**
 * Paired differences of an arm against the baseline arm on the same seeds (common random
 * numbers make the difference far more precise than comparing two independent means).
 */
import { binomialUpperTail } from './binomial';
import { contrastTest, olsFit } from './linear-model';
import { summarize, tCritical, type Summary } from './summary';
import { tTwoSidedP } from './p-value';
import { Z95 } from './wilson';

/**
 * How a paired difference's interval was computed (stats.csv `method`): `paired_t_by_point`
 * is the paired t stratified by design point (pooled over points with each point's own
 * variance, Welch-Satterthwaite df), used when pairs come from several design points;
 * `paired_constant_by_point` when, within each point, every pair differed by the same amount
 * (the amounts differ between points): the pooled difference, without an interval.
 * `paired_t_clustered_by_point` and `paired_share_clustered_by_point`: pairs from the sampled
 * points of a continuous design (LHS, Sobol, ...) with several seeds at some point, the point
 * the unit (clustered): see PairedOptions.clusters.
 */
export type PairedMethod = 'paired_t' | 'paired_t_by_point' | 'paired_t_clustered_by_point' | 'paired_share' | 'paired_share_clustered_by_point' | 'paired_all_equal' | 'paired_constant_by_point';

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
  /**
   * The design point of each pair when the points are sampled draws of the futures (LHS,
   * Sobol, ...), aligned with treated/baseline; ignored when `strata` is given. The points are
   * one sample, but the seeds of one point are not independent of each other (they share its
   * future), so with two or more points and two or more pairs at some point the point is the
   * unit: continuous outcomes get the cluster-robust CR2 standard error of the mean difference
   * (Bell & McCaffrey 2002) with Satterthwaite df, as R's
   * clubSandwich::coef_test(lm(d ~ 1), vcov = "CR2", cluster = point, test = "Satterthwaite"):
   * each pair weighs the same (the estimate is the plain mean over the pairs, as n and the
   * reference mean), each point its own size and spread; with the same number of pairs at
   * every point this is exactly the one-sample t over the points' mean differences (df P - 1).
   * 0/1 outcomes get the Agresti-Min interval and McNemar test at the clustered sample size
   * (clusteredShareDifference). With one pair per point nothing changes (the pairs are
   * independent draws).
   */
  clusters?: readonly (number | string)[];
}

export interface PairedDifference extends Summary {
  /**
   * Cohen's d_z: mean difference over the SD of the differences (over the pooled within-point
   * SD when stratified by point, paired_t_by_point; over the SD of all the pairs' differences
   * when clustered by point).
   */
  dz: number;
  /** Mean of the baseline values over the pairs. */
  baselineMean: number;
  /**
   * Mean difference and CI as a fraction of the baseline mean (NaN when that is 0). The CI is
   * Fieller's for continuous outcomes; for 0/1 outcomes the Bonett-Price interval of the ratio
   * of paired shares minus 1 (never below -1), NaN when the baseline share is 0 or the pairs
   * are clustered by point.
   */
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
 * relative interval is that of the ratio of paired shares minus 1 (pairedShareRatio: it
 * respects the bound, the ratio is never below 0); none when the baseline share is 0, nor for
 * shares clustered by point (no interval of the ratio is computed for clustered pairs).
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
  const clusters = opts.strata ? undefined : clusterLabels(treated, baseline, opts.clusters);
  if (zeroOne) {
    const dz = s.n >= 2 && s.sd > 0 ? s.mean / s.sd : NaN;
    if (clusters) {
      const share = clusteredShareDifference(diffs, clusters);
      return { ...s, ciLow: share.lo, ciHigh: share.hi, dz, baselineMean, relMean: s.mean * scale, relCiLow: NaN, relCiHigh: NaN, p: share.p, method: 'paired_share_clustered_by_point' };
    }
    const share = pairedShareDifference(treated, baseline);
    const ratio = pairedShareRatio(treated, baseline);
    s.ciLow = share.lo;
    s.ciHigh = share.hi;
    return { ...s, dz, baselineMean, relMean: s.mean * scale, relCiLow: ratio.lo - 1, relCiHigh: ratio.hi - 1, p: share.p, method: 'paired_share' };
  }
  if (allEqualUpToRounding(diffs)) {
    return { ...s, ciLow: NaN, ciHigh: NaN, dz: NaN, baselineMean, relMean: s.mean * scale, relCiLow: NaN, relCiHigh: NaN, p: NaN, method: 'paired_all_equal' };
  }
  if (clusters) return clusteredDifference(s, diffs, bases, clusters, baselineMean, scale);
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

/**
 * The cluster (design point) of each pair with a finite value on both sides, when the
 * clustered route applies: two or more clusters and two or more pairs in some cluster;
 * otherwise undefined (the pairs are independent draws).
 */
function clusterLabels(treated: readonly number[], baseline: readonly number[], clusters: readonly (number | string)[] | undefined): string[] | undefined {
  if (!clusters) return undefined;
  const labels: string[] = [];
  const n = Math.min(treated.length, baseline.length);
  for (let i = 0; i < n; i++) if (Number.isFinite(treated[i]) && Number.isFinite(baseline[i])) labels.push(String(clusters[i]));
  return clusteringApplies(labels) ? labels : undefined;
}

/**
 * Whether rows with these cluster labels are clustered (the cluster the unit): two or more
 * clusters and two or more rows in some cluster; otherwise each row is its own draw. The one
 * rule of the clustered contrasts and of the ranking's cluster bootstrap (rank-arms.ts).
 */
export function clusteringApplies(labels: readonly (number | string)[]): boolean {
  const sizes = [...indicesByStratum(labels.map(String)).values()].map((g) => g.length);
  return sizes.length >= 2 && sizes.some((k) => k >= 2);
}

/**
 * CR2 (co)variances of the means of x and y (the intercepts of lm(x ~ 1), lm(y ~ 1)) with
 * clusters: for an intercept the adjustment (I - H_gg)^(-1/2) multiplies a cluster's sum of
 * residuals E_g by (1 - n_g / N)^(-1/2), so cov = sum_g E_g(x) E_g(y) / (1 - n_g / N) / N^2.
 */
function cr2MeanCovariance(x: readonly number[], y: readonly number[], groups: readonly number[][]): number {
  const N = x.length;
  const mx = x.reduce((a, v) => a + v, 0) / N;
  const my = y.reduce((a, v) => a + v, 0) / N;
  let sum = 0;
  for (const g of groups) {
    let ex = 0;
    let ey = 0;
    for (const i of g) {
      ex += x[i] - mx;
      ey += y[i] - my;
    }
    sum += (ex * ey) / (1 - g.length / N);
  }
  return sum / (N * N);
}

/**
 * The paired t with the design point as the unit (PairedOptions.clusters): the mean of the
 * pairs' differences with its CR2 standard error and Satterthwaite df (linear-model.ts, as
 * clubSandwich), Fieller's interval of the ratio from the CR2 (co)variances of the mean
 * difference and mean baseline (the df of an intercept's CR2 t depends only on the clusters,
 * so it is the same for every d - rho b), d_z over the SD of all the differences.
 */
function clusteredDifference(s: Summary, diffs: readonly number[], bases: readonly number[], labels: readonly string[], baselineMean: number, scale: number): PairedDifference {
  const groups = [...indicesByStratum(labels).values()];
  const fit = olsFit(diffs.map(() => [1]), diffs, { cluster: labels, vcov: 'CR2' });
  const t = contrastTest(fit, [1]);
  const varD = fit.vcov[0][0];
  const ok = varD > 0 && t.df > 0;
  const rel = ok ? fiellerRatio(s.mean, baselineMean, varD, cr2MeanCovariance(bases, bases, groups), cr2MeanCovariance(diffs, bases, groups), t.df) : [NaN, NaN];
  return {
    ...s,
    ciLow: ok ? t.lo : NaN,
    ciHigh: ok ? t.hi : NaN,
    dz: s.sd > 0 ? s.mean / s.sd : NaN,
    baselineMean,
    relMean: s.mean * scale,
    relCiLow: baselineMean < 0 ? -rel[1] : rel[0],
    relCiHigh: baselineMean < 0 ? -rel[0] : rel[1],
    p: ok ? t.p : NaN,
    method: 'paired_t_clustered_by_point',
  };
}

/**
 * The difference of paired shares when the pairs are clustered by design point (several
 * seeds of one sampled future): Rao & Scott's (1992, Biometrics 48) design-effect adjustment
 * of the Agresti-Min interval. The design effect is the CR2 variance of the mean difference
 * (clustered by point; sandwich::vcovCL(lm(d ~ 1), cluster = point, type = "HC0") when the
 * points have equal numbers of pairs) over its variance for independent pairs (HC0,
 * sum (d - mean d)^2 / n^2); the discordant counts and n are divided by it and the
 * Agresti-Min interval taken at those effective counts. A design effect below 1 (the seeds
 * of a point less alike than independent pairs, by chance) is taken as 1, as Korn & Graubard
 * cap the effective size at n; when every pair differs by the same amount (no spread to
 * estimate it from) the effective size is the number of points (as if a point's seeds were
 * copies: the largest design effect). The design effect is estimated from the points, so the
 * interval takes the t quantile on the CR2 Satterthwaite df of the clustered mean (P - 1 with
 * equal seeds per point) in place of z: in a seeded simulation (bench/intervals/
 * clustered_share_coverage.py) this lifted the coverage at 10 points from 0.86-1.00 to
 * 0.91-1.00. p: Durkalski et al.'s (2003, Statistics in Medicine 22)
 * clustered McNemar test, (B - C)^2 / sum_g (B_g - C_g)^2 on 1 df (B, C the discordant
 * counts, B_g, C_g a point's), 1 when no pair is discordant.
 * @example clusteredShareDifference([1, 0, 1, 0], ['a', 'a', 'b', 'b']).estimate // 0.5 (the differences A - B of the pairs)
 */
export function clusteredShareDifference(diffs: readonly number[], labels: readonly (number | string)[]): { estimate: number; lo: number; hi: number; p: number; designEffect: number; df: number } {
  const n = diffs.length;
  const groups = [...indicesByStratum(labels).values()];
  let onlyA = 0;
  let onlyB = 0;
  for (const d of diffs) {
    if (d === 1) onlyA++;
    else if (d === -1) onlyB++;
  }
  const estimate = (onlyA - onlyB) / n;
  const vNaive = diffs.reduce((a, d) => a + (d - estimate) ** 2, 0) / (n * n);
  // One CR2 fit of the intercept gives both the clustered variance of the mean and its
  // Satterthwaite df.
  const fit = olsFit(diffs.map(() => [1]), diffs, { cluster: labels, vcov: 'CR2' });
  const vCluster = fit.vcov[0][0];
  const designEffect = vNaive > 0 ? Math.max(1, vCluster / vNaive) : n / groups.length;
  const df = contrastTest(fit, [1]).df;
  const am = df > 0 ? agrestiMin(onlyA / designEffect, onlyB / designEffect, n / designEffect, tCritical(df)) : { lo: NaN, hi: NaN };
  // Durkalski et al.'s (2003) clustered McNemar statistic, referred to F(1, df) with the
  // interval's df (not chi-square(1), which with few points rejected where the interval
  // above spans 0: p 0.046 against an interval of -0.20 to 0.78 on 12 pairs in 5 points).
  let denom = 0;
  for (const g of groups) denom += g.reduce((a, i) => a + diffs[i], 0) ** 2;
  const p = denom > 0 ? (df > 0 ? tTwoSidedP(Math.sqrt((onlyA - onlyB) ** 2 / denom), df) : NaN) : 1;
  return { estimate, lo: am.lo, hi: am.hi, p, designEffect, df };
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
  const discordant = onlyA + onlyB;
  const p = discordant === 0 ? 1 : Math.min(1, 2 * binomialUpperTail(Math.max(onlyA, onlyB), discordant, 0.5));
  return { estimate, ...agrestiMin(onlyA, onlyB, n, z), p };
}

/** The Agresti-Min interval from the discordant counts and n (which may be effective, non-whole counts). */
function agrestiMin(onlyA: number, onlyB: number, n: number, z: number): { lo: number; hi: number } {
  const nAdj = n + 2;
  const pA = (onlyA + 0.5) / nAdj;
  const pB = (onlyB + 0.5) / nAdj;
  const centre = pA - pB;
  const half = z * Math.sqrt((pA + pB - centre * centre) / nAdj);
  return { lo: Math.max(-1, centre - half), hi: Math.min(1, centre + half) };
}

/**
 * The ratio of paired shares P(A = 1) / P(B = 1) with the Bonett-Price (2006, Statistics in
 * Medicine 25) hybrid Wilson score interval, which Fagerland, Lydersen & Laake (2014,
 * Statistics in Medicine 33) recommend for it: Wilson intervals of the two shares among the
 * pairs with a 1 on either side, at a z scaled so their combination has the variance of the
 * log ratio, combined as [l_A / u_B, u_A / l_B]. It never goes below 0 (a relative change
 * never below -100 %). [NaN, NaN] when no pair has B = 1 (the ratio is undefined).
 * @example pairedShareRatio([1, 1, 1, 0], [1, 0, 0, 1]).estimate // 1.5
 */
export function pairedShareRatio(treated: readonly number[], baseline: readonly number[], z = Z95): { estimate: number; lo: number; hi: number } {
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < Math.min(treated.length, baseline.length); i++) {
    if (!Number.isFinite(treated[i]) || !Number.isFinite(baseline[i])) continue;
    if (treated[i] === 1 && baseline[i] === 1) both++;
    else if (treated[i] === 1) onlyA++;
    else if (baseline[i] === 1) onlyB++;
  }
  const nA = both + onlyA;
  const nB = both + onlyB;
  const nStar = both + onlyA + onlyB;
  if (nB === 0) return { estimate: NaN, lo: NaN, hi: NaN };
  const a = Math.sqrt((onlyA + onlyB + 2) / ((nA + 1) * (nB + 1)));
  const b = Math.sqrt((1 - (nA + 1) / (nStar + 2)) / (nA + 1));
  const c = Math.sqrt((1 - (nB + 1) / (nStar + 2)) / (nB + 1));
  const zz = (a / (b + c)) * z;
  const wilson = (x: number): [number, number] => {
    const root = zz * Math.sqrt(zz * zz + 4 * x * (1 - x / nStar));
    return [(2 * x + zz * zz - root) / (2 * (nStar + zz * zz)), (2 * x + zz * zz + root) / (2 * (nStar + zz * zz))];
  };
  const [lA, uA] = wilson(nA);
  const [lB, uB] = wilson(nB);
  // max: l_A is 0 when no pair has A = 1, up to a rounding error of either sign.
  return { estimate: nA / nB, lo: Math.max(0, lA / uB), hi: uA / lB };
}
