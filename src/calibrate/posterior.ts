/**
 * Summaries of the posterior (the final generation, weighted) against the prior: mean,
 * sd, median, 5 % and 95 % weighted quantiles (an approximate 90 % ABC posterior interval
 * at the last tolerance), and shrinkage 1 - posterior variance / prior variance (near 1:
 * the targets pin the parameter down at that tolerance; near 0: they do not narrow it
 * there, which at a tolerance above the noise level may only mean the run stopped early;
 * report.ts says which). Prior moments and quantiles are exact (closed forms, see
 * priorMoments). Both are of the value a run uses: a whole-number setting's particles are
 * rounded, and its prior is that of the rounded value. Also the posterior predictive check
 * of each target: where the observed value falls among the simulated draws, as a
 * predictive p-value.
 */
import { holm } from '../stats/multiple-comparisons';
import { weightedQuantile, type Population } from './abc-smc';
import type { CalibrationParameter, CalibrationTarget } from './load-targets';
import { normalMassInBounds, valueRun, type Prior } from './priors';

export interface Moments {
  mean: number;
  sd: number;
  median: number;
  q05: number;
  q95: number;
}

export interface ParameterSummary {
  path: string;
  prior: Moments;
  posterior: Moments;
  shrinkage: number;
}

export interface TargetCheck {
  name: string;
  observed: number;
  /** Predictive draws with a defined value (n). */
  draws: number;
  /** Smallest, median and largest of the n draws (the median of an even n: the mean of the middle two). */
  min: number;
  median: number;
  max: number;
  /** Draws below, equal to and above the observed value. */
  below: number;
  ties: number;
  above: number;
  /**
   * Two-sided posterior predictive p-value min(1, 2 min(P_lo, P_hi)), with
   * P_lo = (below + ties + 1) / (n + 1) and P_hi = (above + ties + 1) / (n + 1): the rank
   * of the observed value among n exchangeable draws, ties counted against the misfit
   * (conservative). NaN without draws. Its smallest possible value is 2 / (n + 1).
   */
  p: number;
  /** p adjusted by Holm over the targets that have draws (R: p.adjust(p, "holm")). */
  pHolm: number;
}

/** A whole-number prior over more integers than this is summarised by its continuous closed forms. */
export const MAX_EXACT_INTEGERS = 100_000;

const density = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** The cumulative distribution function of a prior on its support [min, max] (natural scale). */
function priorCdf(prior: Prior): (x: number) => number {
  const { min, max } = prior;
  const clip = (x: number) => Math.min(max, Math.max(min, x));
  if (prior.kind === 'uniform') return (x) => (clip(x) - min) / (max - min);
  if (prior.kind === 'log_uniform') return (x) => Math.log(clip(x) / min) / Math.log(max / min);
  const mass = normalMassInBounds(prior.mean, prior.sd, min, max);
  return (x) => normalMassInBounds(prior.mean, prior.sd, min, clip(x)) / mass;
}

/** The q-quantile of a continuous prior (R: qunif; exp(qunif) on the log scale; the truncated normal's by bisection of its CDF). */
function continuousQuantile(prior: Prior, q: number): number {
  const { min, max } = prior;
  if (prior.kind === 'uniform') return min + q * (max - min);
  if (prior.kind === 'log_uniform') return min * Math.exp(q * Math.log(max / min));
  const cdf = priorCdf(prior);
  let lo = min;
  let hi = max;
  for (let i = 0; i < 200 && hi - lo > 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Mean and sd of a continuous prior. */
function continuousMoments(prior: Prior): { mean: number; sd: number } {
  const { min, max } = prior;
  if (prior.kind === 'uniform') return { mean: (min + max) / 2, sd: (max - min) / Math.sqrt(12) };
  if (prior.kind === 'log_uniform') {
    const L = Math.log(max / min);
    const mean = (max - min) / L;
    return { mean, sd: Math.sqrt((max * max - min * min) / (2 * L) - mean * mean) };
  }
  // Truncated normal: a, b the standardised bounds, Z the mass between them.
  const a = (min - prior.mean) / prior.sd;
  const b = (max - prior.mean) / prior.sd;
  const Z = normalMassInBounds(0, 1, a, b);
  const r = (density(a) - density(b)) / Z;
  return { mean: prior.mean + prior.sd * r, sd: prior.sd * Math.sqrt(1 + (a * density(a) - b * density(b)) / Z - r * r) };
}

/**
 * Mean, sd, median, 5 % and 95 % quantiles of a prior, exactly (R: qunif, qnorm, ...; see
 * test/calibrate/prior-moments.test.ts). A uniform, a log-uniform (uniform in ln x) and a
 * normal truncated to [min, max] have closed forms. For a whole-number setting these are of
 * the rounded value, the setting a run uses: a distribution on the integers k from
 * round(min) to round(max) with P(k) = F(k + 1/2) - F(k - 1/2), the prior's CDF F clipped to
 * [min, max], and quantiles the smallest k whose cumulative probability reaches q (as
 * weightedQuantile does for the posterior); over more than MAX_EXACT_INTEGERS integers the
 * continuous forms stand in (rounding then moves the mean and quantiles by at most 1/2).
 */
export function priorMoments(prior: Prior, integer: boolean): Moments {
  const first = Math.round(prior.min);
  const last = Math.round(prior.max);
  if (!integer || last - first + 1 > MAX_EXACT_INTEGERS) {
    const { mean, sd } = continuousMoments(prior);
    return { mean, sd, median: continuousQuantile(prior, 0.5), q05: continuousQuantile(prior, 0.05), q95: continuousQuantile(prior, 0.95) };
  }
  const cdf = priorCdf(prior);
  const ks: number[] = [];
  const cumulative: number[] = [];
  const p: number[] = [];
  for (let k = first; k <= last; k++) {
    ks.push(k);
    cumulative.push(k === last ? 1 : cdf(k + 0.5));
    p.push(cumulative[cumulative.length - 1] - (k === first ? 0 : cdf(k - 0.5)));
  }
  let mean = 0;
  ks.forEach((k, i) => (mean += p[i] * k));
  let variance = 0;
  ks.forEach((k, i) => (variance += p[i] * (k - mean) ** 2));
  const quantile = (q: number) => ks[cumulative.findIndex((c) => c >= q - 1e-12)];
  return { mean, sd: Math.sqrt(variance), median: quantile(0.5), q05: quantile(0.05), q95: quantile(0.95) };
}

/** Weighted moments and quantiles of `values`. */
export function weightedMoments(values: ArrayLike<number>, weights: ArrayLike<number>): Moments {
  let total = 0;
  let mean = 0;
  for (let i = 0; i < values.length; i++) total += weights[i];
  for (let i = 0; i < values.length; i++) mean += (weights[i] / total) * values[i];
  let variance = 0;
  for (let i = 0; i < values.length; i++) variance += (weights[i] / total) * (values[i] - mean) ** 2;
  return {
    mean,
    sd: Math.sqrt(variance),
    median: weightedQuantile(values, weights, 0.5),
    q05: weightedQuantile(values, weights, 0.05),
    q95: weightedQuantile(values, weights, 0.95),
  };
}

/** Prior and posterior of each parameter, of the value a run uses (whole-number settings rounded). */
export function summariseParameters(parameters: readonly CalibrationParameter[], last: Population): ParameterSummary[] {
  return parameters.map((p, k) => {
    const prior = priorMoments(p.prior, p.integer);
    const posterior = weightedMoments(last.theta.map((t) => valueRun(p, t[k])), last.weights);
    return { path: p.path, prior, posterior, shrinkage: 1 - (posterior.sd / prior.sd) ** 2 };
  });
}

/** The median of sorted values (the mean of the middle two for an even count). */
function sortedMedian(v: readonly number[]): number {
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/**
 * Two-sided predictive p-value of `observed` among `n` draws of which `below` are smaller,
 * `ties` equal and `above` larger (see TargetCheck.p).
 * @example predictiveP(17, 0, 3) // 0.38095238095238093 = 2 * 4 / 21
 */
export function predictiveP(below: number, ties: number, above: number): number {
  const n = below + ties + above;
  if (n === 0) return NaN;
  const lo = (below + ties + 1) / (n + 1);
  const hi = (above + ties + 1) / (n + 1);
  return Math.min(1, 2 * Math.min(lo, hi));
}

/** Each observed target against the values simulated from posterior draws (one simulation each). */
export function predictiveChecks(targets: readonly CalibrationTarget[], draws: readonly { values: number[] }[]): TargetCheck[] {
  const checks = targets.map((t, k) => {
    const values = draws.map((d) => d.values[k]).filter(Number.isFinite).sort((a, b) => a - b);
    const below = values.filter((v) => v < t.observed).length;
    const ties = values.filter((v) => v === t.observed).length;
    const above = values.length - below - ties;
    return {
      name: t.name,
      observed: t.observed,
      draws: values.length,
      min: values.length ? values[0] : NaN,
      median: values.length ? sortedMedian(values) : NaN,
      max: values.length ? values[values.length - 1] : NaN,
      below,
      ties,
      above,
      p: predictiveP(below, ties, above),
      pHolm: NaN,
    };
  });
  const adjusted = holm(checks.map((c) => c.p));
  return checks.map((c, k) => ({ ...c, pHolm: adjusted[k] }));
}
