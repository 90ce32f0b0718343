/**
 * Priors of calibrated parameters. The sampler works in an internal space where every
 * prior is uniform or normal: a log-uniform parameter is handled as ln(x), so its
 * perturbation kernel is multiplicative. A normal prior is truncated to [min, max]
 * (the schema's limits unless the targets file narrows them).
 */
import { normalTwoSidedP } from '../stats/p-value';
import { calibrationMessages } from './messages';
import type { ProposalStream } from './seed';

export type Prior =
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'log_uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number; min: number; max: number };

/** Natural value -> internal coordinate. */
export function toInternal(prior: Prior, x: number): number {
  return prior.kind === 'log_uniform' ? Math.log(x) : x;
}

/** Internal coordinate -> natural value. */
export function toNatural(prior: Prior, z: number): number {
  return prior.kind === 'log_uniform' ? Math.exp(z) : z;
}

/** The support in internal coordinates. */
export function internalBounds(prior: Prior): [number, number] {
  return prior.kind === 'log_uniform' ? [Math.log(prior.min), Math.log(prior.max)] : [prior.min, prior.max];
}

/**
 * Log prior density in internal coordinates, up to a constant per parameter (constants
 * cancel in the normalised importance weights); -Infinity outside the support.
 */
export function logPriorDensity(prior: Prior, z: number): number {
  const [lo, hi] = internalBounds(prior);
  if (!(z >= lo && z <= hi)) return -Infinity;
  if (prior.kind === 'normal') {
    const u = (z - prior.mean) / prior.sd;
    return -0.5 * u * u;
  }
  return 0;
}

/**
 * The value a run uses for natural value `x` of a parameter: rounded for a whole-number
 * setting (the sampler, its kernel and its weights work on the continuous value).
 */
export function valueRun(parameter: { integer: boolean }, x: number): number {
  return parameter.integer ? Math.round(x) : x;
}

/** Tries before a truncated normal prior is refused as putting almost no mass in its bounds. */
const MAX_TRUNCATION_TRIES = 100_000;

/**
 * The least mass a normal prior must put inside its bounds (checked when the targets file
 * is loaded). At this mass a draw exhausts MAX_TRUNCATION_TRIES with probability
 * (1 - 0.001)^100000 < e^-100.
 */
export const MIN_NORMAL_MASS = 1e-3;

/** P(Z >= z) for a standard normal, kept accurate in the far upper tail. */
function upperTail(z: number): number {
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  return z >= 0 ? 0.5 * normalTwoSidedP(z) : 1 - 0.5 * normalTwoSidedP(z);
}

/**
 * P(min <= X <= max) for X ~ N(mean, sd^2), from the tails on the side where they are
 * small (R: pnorm(max, mean, sd) - pnorm(min, mean, sd)).
 */
export function normalMassInBounds(mean: number, sd: number, min: number, max: number): number {
  const a = (min - mean) / sd;
  const b = (max - mean) / sd;
  if (a >= 0) return Math.max(0, upperTail(a) - upperTail(b));
  if (b <= 0) return Math.max(0, upperTail(-b) - upperTail(-a));
  return Math.max(0, 1 - upperTail(-a) - upperTail(b));
}

/** One draw from the prior, in internal coordinates. */
export function samplePrior(prior: Prior, stream: ProposalStream): number {
  const [lo, hi] = internalBounds(prior);
  if (prior.kind !== 'normal') return lo + (hi - lo) * stream.uniform();
  for (let i = 0; i < MAX_TRUNCATION_TRIES; i++) {
    const z = prior.mean + prior.sd * stream.normal();
    if (z >= lo && z <= hi) return z;
  }
  throw new Error(calibrationMessages.priorWithoutMass(prior.mean, prior.sd, prior.min, prior.max));
}

/** A short text for tables: `uniform(0, 0.5)`, `normal(0.5, 0.2) in [0, 1]`. */
export function describePrior(prior: Prior): string {
  if (prior.kind === 'normal') return `normal(${prior.mean}, ${prior.sd}) in [${prior.min}, ${prior.max}]`;
  return `${prior.kind.replace('_', '-')}(${prior.min}, ${prior.max})`;
}
