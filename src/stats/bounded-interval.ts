/**
 * The 95 % interval of the mean of an outcome whose values cannot leave a range (shares and
 * indices in [0, 1], March's knowledge in [-1, 1], counts >= 0: src/dictionary/ranges.ts).
 *
 * Why this method. A t interval assumes the mean is roughly normal; near a bound the runs
 * pile up at the bound, the mean's distribution is skewed and the t interval crosses the
 * bound (March 1991 turnover: "1 (95 % CI 1 to 1)", every run at 1). Candidates, with the
 * coverage of a 95 % interval in 1,000 simulated samples of n = 8, 20 and 100 from six
 * distributions on [0, 1], five piled at or near a bound (docs/data.md gives the table;
 * bench/intervals/bounded_coverage.py reproduces it):
 * - percentile bootstrap of the mean: stays inside the range but has the t interval's
 *   coverage near a bound (0.03 to 0.95) and zero width when every run is at the bound;
 * - logit of the mean with the delta method: undefined at the bound, 0.91 to 0.98;
 * - nonparametric bounded-mean intervals (Hoeffding, Anderson 1969, the betting intervals
 *   of Waudby-Smith & Ramdas 2023): valid for any distribution (coverage 1.00) but 5 to 10
 *   times the width of the others at n = 100, so an interval would jump in width when a
 *   mean moves near a bound; betting intervals also depend on the order of the runs;
 * - Korn & Graubard's (1998) interval: the Clopper-Pearson interval of the share (mean - a)
 *   / (b - a) at the effective sample size n_eff = p (1 - p) / var(p), scaled by
 *   (z / t_{n-1})^2 (their degrees-of-freedom correction; the outcome's variance is
 *   estimated on n - 1 degrees of freedom): coverage 0.92 to 1.00 (0.95 or more in 14 of
 *   the 18 cases, 0.88 without the factor), inside the range, skewed away from the bound like the data, the
 *   Clopper-Pearson interval itself for 0/1 values, and as wide as the t interval away from
 *   the bounds. Chosen. n_eff is not capped at n (Korn & Graubard cap it for 0/1 data): a
 *   continuous outcome's variance can be far below p (1 - p).
 * When every run is at a bound (100 of 100 at 1) the variance is 0 and n_eff undefined;
 * then Clopper-Pearson for n of n is exact for any distribution on the range: P(all n runs
 * at b) <= P(X = b)^n <= ((mean - a) / (b - a))^n (Markov), so mean >= a + (b - a)
 * (alpha / 2)^(1/n) with 97.5 % confidence. This holds for continuous outcomes as for 0/1
 * ones: Markov needs only X in [a, b] (a point mass at the bound plus anything inside), and
 * for independent runs of different distributions (pooled series bands) the product of the
 * P(X_i = b) is at most their mean to the n-th power. No narrower bound holds for every
 * distribution on the range: the two-point law on {a, b} attains it. So it is printed also
 * when the value is at the bound by construction (a closed region's external tie share is 0
 * in every run: 0 to 0.369 at n = 8): the interval says what n runs rule out without knowing
 * that, and `method` (report: "all 8 runs: 0, the bound of its range") says every run was
 * there. When every run gave the same value inside the
 * range no interval is claimed (method all_equal: a few runs elsewhere could move the mean
 * anywhere). A range open on one side (counts >= 0) gets the t interval of log(mean - a)
 * by the delta method. The t interval is kept for unbounded outcomes and where it stays
 * well inside the range: the bound lies beyond two half-widths of the mean (about 4
 * standard errors), where the three intervals agree to within a few per cent of the width.
 */
import { betaQuantile } from './beta-quantile';
import type { ValueRange } from '../dictionary/ranges';
import { CONFIDENCE, summarize, tCritical, type IntervalMethod, type Summary } from './summary';
import { normalCritical } from './p-value';
import { Z95 } from './wilson';

export type { IntervalMethod } from './summary';

export interface MeanInterval {
  ciLow: number;
  ciHigh: number;
  interval: IntervalMethod;
}

// Not Student's t at a huge df: the incomplete beta keeps only a few digits there
// (t_{1e12} gave 1.64566 for z_{0.95} = 1.64485).
const normalQuantile = (confidence: number) => (confidence === 0.95 ? Z95 : normalCritical(confidence));

/**
 * The interval of a mean from n, the mean and the sd of values that lie in `range`
 * (sd = 0 means every value is the same).
 * @example meanInterval(100, 1, 0, [-1, 1]) // { ciLow: 0.92766, ciHigh: 1, interval: 'clopper_pearson_at_bound' }
 */
export function meanInterval(n: number, mean: number, sd: number, range: ValueRange, confidence = CONFIDENCE): MeanInterval {
  const [a, b] = range;
  if (n < 2 || !Number.isFinite(mean)) return { ciLow: NaN, ciHigh: NaN, interval: 't' };
  const alpha = 1 - confidence;
  if (sd === 0) {
    const share = (alpha / 2) ** (1 / n);
    if (mean === b && Number.isFinite(a)) return { ciLow: a + (b - a) * share, ciHigh: b, interval: 'clopper_pearson_at_bound' };
    if (mean === a && Number.isFinite(b)) return { ciLow: a, ciHigh: a + (b - a) * (1 - share), interval: 'clopper_pearson_at_bound' };
    return { ciLow: NaN, ciHigh: NaN, interval: 'all_equal' };
  }
  const t = tCritical(n - 1, confidence);
  const se = sd / Math.sqrt(n);
  const half = t * se;
  // Values outside the declared range (a model that breaks its own unit) keep the t interval.
  if ((mean - 2 * half > a && mean + 2 * half < b) || !(mean > a && mean < b)) return { ciLow: mean - half, ciHigh: mean + half, interval: 't' };
  if (Number.isFinite(a) && Number.isFinite(b)) {
    const [low, high] = kornGraubard((mean - a) / (b - a), se / (b - a), (normalQuantile(confidence) / t) ** 2, confidence);
    return { ciLow: a + (b - a) * low, ciHigh: a + (b - a) * high, interval: 'korn_graubard' };
  }
  // One side open: t on log(distance to the bound), delta method.
  const sign = Number.isFinite(a) ? 1 : -1;
  const bound = Number.isFinite(a) ? a : b;
  const distance = sign * (mean - bound);
  const factor = Math.exp((t * se) / distance);
  const ends = [bound + (sign * distance) / factor, bound + sign * distance * factor].sort((x, y) => x - y);
  return { ciLow: ends[0], ciHigh: ends[1], interval: 'log_t' };
}

/**
 * Korn & Graubard (1998): the Clopper-Pearson interval of a share p in (0, 1) with standard
 * error se at the effective sample size n_eff = p (1 - p) / se^2 x dfFactor (R:
 * survey::svyciprop(method = "beta") with dfFactor 1).
 * @example kornGraubard(0.08125, 0.11319231 / Math.sqrt(8), 1) // [0.02152308, 0.19939752]
 */
export function kornGraubard(p: number, se: number, dfFactor: number, confidence = CONFIDENCE): [number, number] {
  const alpha = 1 - confidence;
  const nEff = ((p * (1 - p)) / (se * se)) * dfFactor;
  return [betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1), betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p))];
}

/**
 * Mean, sd and the interval of the finite values of a sample that lie in `range`; the
 * Summary's `interval` names the interval's estimator.
 * @example summarizeBounded([1, 1, 1], [0, 1]) // { n: 3, mean: 1, sd: 0, ciLow: 0.29240, ciHigh: 1, interval: 'clopper_pearson_at_bound' }
 */
export function summarizeBounded(values: readonly number[], range: ValueRange, confidence = CONFIDENCE): Summary {
  const s = summarize(values, confidence);
  if (s.n < 2) return { ...s, interval: 't' };
  // Identical values: their mean and sd exactly (a float sum of n copies can miss by an ulp).
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  } // a loop, not Math.min(...values): a sweep's runs can exceed the engine's argument limit
  const exact = min === max ? { mean: min, sd: 0 } : { mean: s.mean, sd: s.sd };
  return { n: s.n, ...exact, ...meanInterval(s.n, exact.mean, exact.sd, range, confidence) };
}
