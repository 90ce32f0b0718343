/** Mean, SD and t-based 95 % confidence interval of one sample (simple-statistics). */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './t-quantile';

/**
 * Which estimator produced a mean's interval (stats.csv `method`; bounded-interval.ts says
 * why): `t`; `korn_graubard` and `clopper_pearson_at_bound` for a mean near or at a bound of
 * its range; `log_t` near the bound of a range open on one side; `all_equal` when every run
 * gave the same value inside the range (no interval); `wilson` for a 0/1 outcome's share;
 * `see_survival` for a censored time (resilience_ticks): no mean, sd or interval, since a run
 * that had not recovered when it ended has only a lower bound (the Kaplan-Meier median and
 * restricted mean are in recovery.ts, stats.csv `survival` rows).
 */
export type IntervalMethod = 't' | 'korn_graubard' | 'clopper_pearson_at_bound' | 'log_t' | 'all_equal' | 'wilson' | 'see_survival';

export interface Summary {
  n: number;
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
  /** The interval's estimator; absent means `t`. */
  interval?: IntervalMethod;
  /** Runs whose value is a censoring time, not an event time (`see_survival` only). */
  censored?: number;
}

export const CONFIDENCE = 0.95;

// Per-tick bands ask for the same few quantiles thousands of times.
const quantileCache = new Map<string, number>();

/** The two-sided critical t value for `confidence` with `df` degrees of freedom (cached). */
export function tCritical(df: number, confidence = CONFIDENCE): number {
  const key = `${df}:${confidence}`;
  let t = quantileCache.get(key);
  if (t === undefined) {
    t = studentTQuantile(1 - (1 - confidence) / 2, df);
    quantileCache.set(key, t);
  }
  return t;
}

/**
 * Empties the t-quantile cache. For mutation testing without isolation only
 * (vitest.mutation.setup.ts): a test run under one mutant must not read quantiles that a
 * run under another mutant of t-quantile.ts cached.
 */
// Stryker disable next-line all: the test hook itself; emptying it only makes runs unsound, no test can see it
export function clearTCriticalCache(): void {
  quantileCache.clear();
}

/** Half-width of the t-based CI of a mean from its SD and sample size (NaN when n < 2). */
export function tHalfWidth(sd: number, n: number, confidence = CONFIDENCE): number {
  if (n < 2) return NaN;
  return tCritical(n - 1, confidence) * (sd / Math.sqrt(n));
}

/**
 * Summarise the finite values of a sample; NaN/undefined values (e.g. an outcome that is
 * undefined without a shock) are dropped, so `n` counts only defined values.
 * @example summarize([1, 2, 3, 4, 5]) // { n: 5, mean: 3, sd: 1.5811, ciLow: 1.0367, ciHigh: 4.9633 }
 */
export function summarize(values: readonly number[], confidence = CONFIDENCE): Summary {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN };
  const m = mean(finite);
  const sd = n >= 2 ? sampleStandardDeviation(finite) : NaN;
  const half = tHalfWidth(sd, n, confidence);
  return { n, mean: m, sd, ciLow: m - half, ciHigh: m + half };
}
