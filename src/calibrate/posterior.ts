/**
 * Summaries of the posterior (the final generation, weighted) against the prior: mean,
 * sd, median and 90 % credible interval, and shrinkage 1 - posterior variance / prior
 * variance (near 1: the targets pin the parameter down; near 0: not identifiable from
 * them). Prior moments come from a fixed stream of 20,000 prior draws, so they are the
 * same bits on every run. Also the posterior predictive summary of each target.
 */
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
  /** Over the predictive draws with a defined value. */
  draws: number;
  median: number;
  q05: number;
  q95: number;
  /** Share of draws below the observed value (a posterior predictive p-value is min(p, 1-p) x 2). */
  below: number;
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

/** Each observed target against the values simulated from posterior draws. */
export function predictiveChecks(targets: readonly CalibrationTarget[], draws: readonly { values: number[] }[]): TargetCheck[] {
  return targets.map((t, k) => {
    const values = draws.map((d) => d.values[k]).filter(Number.isFinite);
    const ones = new Float64Array(values.length).fill(1);
    const m = values.length ? weightedMoments(values, ones) : { median: NaN, q05: NaN, q95: NaN };
    return {
      name: t.name,
      observed: t.observed,
      draws: values.length,
      median: m.median,
      q05: m.q05,
      q95: m.q95,
      below: values.length ? values.filter((v) => v < t.observed).length / values.length : NaN,
    };
  });
}
