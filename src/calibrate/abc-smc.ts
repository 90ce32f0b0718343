/**
 * ABC-SMC, population Monte Carlo as in Beaumont, Cornuet, Marin & Robert (2009), with the
 * adaptive tolerance schedule of Del Moral, Doucet & Jasra (2012) as pyabc uses it: each
 * generation's tolerance is the weighted alpha-quantile of the previous generation's
 * distances. Pure: the simulator is passed in as a function from a batch of proposals to
 * their distances, so the same core runs lrsim through the worker pool and the toy model
 * of the tests.
 *
 * Determinism. Proposal i of generation t draws from its own stream (seed, t, i); batches
 * have sizes that depend only on earlier results; proposals are accepted in index order,
 * the first N that come within the tolerance, whatever order their runs finished in. The
 * weights, ESS and kernel are computed in index order. The same distances therefore give
 * the same posterior bits, with one worker or many, and on a resumed run.
 *
 * One generation t >= 1 (Beaumont et al. 2009, algorithm 2):
 *   eps_t = weighted alpha-quantile of the distances of generation t-1 (at least the final tolerance)
 *   Sigma = 2 x weighted covariance of generation t-1 (in internal coordinates)
 *   repeat: pick j with probability w_j, propose theta ~ N(theta_j, Sigma) until inside the prior;
 *           simulate; accept when distance <= eps_t; until N are accepted
 *   w_i  proportional to prior(theta_i) / sum_j w_j N(theta_i; theta_j, Sigma)
 *   ESS  = 1 / sum w_i^2
 */
import { choleskyLower } from '../stats/matrix';
import { logSumExp, NormalKernel, weightedCovariance } from './linalg';
import { calibrationMessages } from './messages';
import { internalBounds, logPriorDensity, samplePrior, toNatural, type Prior } from './priors';
import { ProposalStream } from './seed';

export interface AbcSettings {
  /** Particles per generation (N). */
  particles: number;
  /** The next tolerance is this weighted quantile of the current distances (pyabc's median: 0.5). */
  alpha: number;
  /** Stop once a generation is accepted at this tolerance (the last tolerance is never below it). */
  finalTolerance: number;
  /** Stop when a generation's acceptance rate (share of proposals within the tolerance) falls below this (the generation is abandoned when it cannot reach N above it). */
  minAcceptance: number;
  maxGenerations: number;
  /**
   * Budget of simulations (proposals x replicates). A generation is not started when the
   * last acceptance rate (alpha for generation 1) says it would need more than is left
   * (1.1 N / rate), and is abandoned if it runs out all the same.
   */
  maxRuns: number;
  /** Simulations per proposal (the simulator averages them). */
  replicates: number;
  /** The calibration seed (the seed rule's S). */
  seed: number;
}

/** One proposal: its generation, its index in the generation, its natural parameter values. */
export interface Proposal {
  generation: number;
  particle: number;
  theta: number[];
}

/** Distances of a batch of proposals, in batch order (NaN or Infinity: a failed run, rejected). */
export type Simulator = (batch: readonly Proposal[]) => Promise<number[]>;

export interface Population {
  generation: number;
  tolerance: number;
  /** Proposal index of each accepted particle, ascending. */
  particles: number[];
  /** Natural parameter values (particles x parameters). */
  theta: number[][];
  /** Normalised importance weights. */
  weights: Float64Array;
  distances: Float64Array;
}

export interface GenerationStats {
  generation: number;
  tolerance: number;
  proposals: number;
  /**
   * Proposals whose distance came within the tolerance, counted over whole batches: may
   * exceed N, as a batch is simulated in full before the first N of them are kept.
   */
  withinTolerance: number;
  /** Particles kept: the first N within the tolerance in proposal index order (always N). */
  accepted: number;
  /**
   * withinTolerance / proposals: the share of proposals within the tolerance, an estimate of
   * the acceptance probability at it (N / proposals would understate it by the proposals of
   * the last batch past the Nth). The sampler's stopping rule (minAcceptance), batch sizes
   * and budget estimate use this rate.
   */
  acceptanceRate: number;
  ess: number;
  /** Simulations in this generation (proposals x replicates). */
  runs: number;
  /** Simulations so far. */
  totalRuns: number;
}

export type StopReason = 'final_tolerance' | 'min_acceptance' | 'max_generations' | 'max_runs' | 'tolerance_stalled';

export interface AbcResult {
  populations: Population[];
  generations: GenerationStats[];
  stopReason: StopReason;
  /** Simulations spent, including those of an abandoned generation. */
  runs: number;
}

/** Proposals tried per particle before the kernel is judged to miss the prior's support. */
const MAX_PERTURBATION_TRIES = 10_000;
/** A batch holds at most this many times N proposals (bounds the waste of the last batch). */
const MAX_BATCH_FACTOR = 4;

/** The weighted alpha-quantile: the smallest value whose cumulative weight reaches alpha. */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, alpha: number): number {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i] / total;
    if (cumulative >= alpha - 1e-12) return values[i];
  }
  return values[order[order.length - 1]];
}

/** Effective sample size 1 / sum w^2 of normalised weights. */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i] * weights[i];
  return 1 / s;
}

/** The perturbation kernel N(0, 2 x weighted covariance), with a diagonal fallback when singular. */
export function perturbationKernel(points: readonly Float64Array[], weights: Float64Array, priors: readonly Prior[]): NormalKernel {
  const d = priors.length;
  const cov = weightedCovariance(points, weights);
  for (let k = 0; k < cov.length; k++) cov[k] *= 2;
  let L = choleskyLower(cov, d);
  if (!L) {
    // Collinear or collapsed particles: independent coordinates, never narrower than a millionth of the support.
    const diag = new Float64Array(d * d);
    priors.forEach((p, k) => {
      const [lo, hi] = internalBounds(p);
      diag[k * d + k] = Math.max(cov[k * d + k], ((hi - lo) * 1e-6) ** 2);
    });
    L = choleskyLower(diag, d)!;
  }
  return new NormalKernel(L, d);
}

/**
 * Importance weights of new particles `points` against the previous population
 * (`previous`, `previousWeights`) under `kernel`: prior / mixture density, normalised.
 */
export function importanceWeights(
  points: readonly Float64Array[],
  previous: readonly Float64Array[],
  previousWeights: Float64Array,
  kernel: NormalKernel,
  priors: readonly Prior[],
): Float64Array {
  const logW = new Float64Array(points.length);
  const terms = new Float64Array(previous.length);
  const logPrev = previousWeights.map(Math.log);
  points.forEach((x, i) => {
    let logPrior = 0;
    priors.forEach((p, k) => (logPrior += logPriorDensity(p, x[k])));
    for (let j = 0; j < previous.length; j++) terms[j] = logPrev[j] + kernel.logDensity(x, previous[j]);
    logW[i] = logPrior - logSumExp(terms);
  });
  const norm = logSumExp(logW);
  return logW.map((v) => Math.exp(v - norm));
}

const inSupport = (x: Float64Array, priors: readonly Prior[]) => priors.every((p, k) => logPriorDensity(p, x[k]) > -Infinity);

/** Index j drawn with probability weights[j] (cumulative search, index order). */
function pick(weights: Float64Array, u: number): number {
  let cumulative = 0;
  for (let j = 0; j < weights.length; j++) {
    cumulative += weights[j];
    if (u < cumulative) return j;
  }
  return weights.length - 1;
}

interface Previous {
  points: Float64Array[];
  weights: Float64Array;
  kernel: NormalKernel;
}

/** Proposal `particle` of `generation` in internal coordinates (a pure function of the seed rule). */
function propose(settings: AbcSettings, priors: readonly Prior[], generation: number, particle: number, previous: Previous | null): Float64Array {
  const stream = new ProposalStream(settings.seed, generation, particle);
  if (!previous) return Float64Array.from(priors, (p) => samplePrior(p, stream));
  for (let i = 0; i < MAX_PERTURBATION_TRIES; i++) {
    const j = pick(previous.weights, stream.uniform());
    const x = previous.kernel.sample(previous.points[j], () => stream.normal());
    if (inSupport(x, priors)) return x;
  }
  throw new Error(calibrationMessages.kernelLeavesSupport(generation));
}

/** Runs ABC-SMC to a stop condition. `onGeneration` hears of each finished generation. */
export async function runAbcSmc(
  priors: readonly Prior[],
  settings: AbcSettings,
  simulate: Simulator,
  onGeneration?: (stats: GenerationStats, population: Population) => void,
): Promise<AbcResult> {
  const N = settings.particles;
  const populations: Population[] = [];
  const generations: GenerationStats[] = [];
  let previous: Previous | null = null;
  let previousPopulation: Population | null = null;
  let previousRate = 1;
  let runs = 0;
  let stopReason: StopReason | null = null;

  for (let generation = 0; stopReason === null; generation++) {
    let tolerance = Infinity;
    if (previousPopulation) {
      tolerance = Math.max(settings.finalTolerance, weightedQuantile(previousPopulation.distances, previousPopulation.weights, settings.alpha));
      if (tolerance >= previousPopulation.tolerance) {
        stopReason = 'tolerance_stalled';
        break;
      }
    }
    // A generation expected to need more runs than the budget has left is not started:
    // an abandoned generation would spend them for nothing. Its acceptance rate is expected
    // near the last generation's; generation 1's near alpha, since its tolerance is the alpha
    // quantile of generation 0's distances, which were all accepted (a rate of 1 that
    // promised generation 1 at 1.1 N proposals: it was started and abandoned on small budgets).
    const expectedRate = generation === 1 ? settings.alpha : previousRate;
    if (generation > 0 && (1.1 * N * settings.replicates) / expectedRate > settings.maxRuns - runs) {
      stopReason = 'max_runs';
      break;
    }
    const accepted: { particle: number; point: Float64Array; distance: number }[] = [];
    let proposals = 0;
    let acceptedAll = 0; // within the tolerance in whole batches, beyond N too: the acceptance rate
    const maxProposals = generation === 0 ? Infinity : Math.ceil(N / settings.minAcceptance);
    while (accepted.length < N) {
      const remaining = N - accepted.length;
      const rate = generation === 0 ? 1 : acceptedAll > 0 ? acceptedAll / proposals : Math.min(previousRate, 0.5 / Math.max(1, proposals));
      let size = generation === 0 ? remaining : Math.min(MAX_BATCH_FACTOR * N, Math.max(remaining, Math.ceil((1.1 * remaining) / rate)));
      size = Math.min(size, Math.floor((settings.maxRuns - runs) / settings.replicates));
      if (proposals >= maxProposals) stopReason = 'min_acceptance';
      else if (size <= 0) stopReason = 'max_runs';
      if (stopReason) break;
      size = Math.min(size, maxProposals - proposals);
      const points = Array.from({ length: size }, (_, b) => propose(settings, priors, generation, proposals + b, previous));
      const batch = points.map((p, b) => ({ generation, particle: proposals + b, theta: Array.from(p, (z, k) => toNatural(priors[k], z)) }));
      const distances = await simulate(batch);
      runs += size * settings.replicates;
      for (let b = 0; b < size; b++) {
        const d = distances[b];
        if (!(Number.isFinite(d) && d <= tolerance)) continue;
        acceptedAll++;
        if (accepted.length < N) accepted.push({ particle: proposals + b, point: points[b], distance: d });
      }
      proposals += size;
    }
    if (stopReason) break; // the generation is abandoned: the posterior is the last complete one

    const points = accepted.map((a) => a.point);
    const weights: Float64Array = previous ? importanceWeights(points, previous.points, previous.weights, previous.kernel, priors) : new Float64Array(N).fill(1 / N);
    const population: Population = {
      generation,
      tolerance,
      particles: accepted.map((a) => a.particle),
      theta: points.map((p) => Array.from(p, (z, k) => toNatural(priors[k], z))),
      weights,
      distances: Float64Array.from(accepted, (a) => a.distance),
    };
    const rate = acceptedAll / proposals;
    const stats: GenerationStats = {
      generation,
      tolerance,
      proposals,
      withinTolerance: acceptedAll,
      accepted: N,
      acceptanceRate: rate,
      ess: effectiveSampleSize(weights),
      runs: proposals * settings.replicates,
      totalRuns: runs,
    };
    populations.push(population);
    generations.push(stats);
    onGeneration?.(stats, population);

    if (tolerance <= settings.finalTolerance) stopReason = 'final_tolerance';
    else if (generation > 0 && rate < settings.minAcceptance) stopReason = 'min_acceptance';
    else if (generation + 1 >= settings.maxGenerations) stopReason = 'max_generations';
    else if (runs >= settings.maxRuns) stopReason = 'max_runs';
    previousRate = rate;
    previousPopulation = population;
    previous = { points, weights, kernel: perturbationKernel(points, weights, priors) };
  }
  return { populations, generations, stopReason: stopReason!, runs };
}
