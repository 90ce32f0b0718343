/**
 * Summaries of the posterior (the final generation, weighted) against the prior: mean,
 * sd, median, 5 % and 95 % weighted quantiles (an approximate 90 % ABC posterior interval
 * at the last tolerance), and shrinkage 1 - posterior variance / prior variance (near 1:
 * the targets pin the parameter down at that tolerance; near 0: they do not narrow it
 * there, which at a tolerance above the noise level may only mean the run stopped early;
 * report.ts says which). Prior moments come from a fixed stream of 20,000 prior draws, so they are the
 * same bits on every run. Also the posterior predictive check of each target: where the
 * observed value falls among the simulated draws, as a predictive p-value.
 */
import { holm } from '../stats/multiple-comparisons';
import { weightedQuantile, type Population } from './abc-smc';
import type { CalibrationParameter, CalibrationTarget } from './load-targets';
import { samplePrior, toNatural } from './priors';
import { PREDICTIVE_GENERATION, ProposalStream } from './seed';

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

const PRIOR_DRAWS = 20_000;

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

/** Prior and posterior of each parameter. */
export function summariseParameters(parameters: readonly CalibrationParameter[], last: Population): ParameterSummary[] {
  return parameters.map((p, k) => {
    const stream = new ProposalStream(0, PREDICTIVE_GENERATION + 1, k);
    const draws = Float64Array.from({ length: PRIOR_DRAWS }, () => toNatural(p.prior, samplePrior(p.prior, stream)));
    const prior = weightedMoments(draws, new Float64Array(PRIOR_DRAWS).fill(1));
    const posterior = weightedMoments(last.theta.map((t) => t[k]), last.weights);
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
