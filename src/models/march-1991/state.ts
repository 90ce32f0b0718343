/** March (1991) state: struct-of-arrays, built once per run, never reallocated in a period. */
import { Rng } from '../../model/rng';
import type { MarchParams } from './params';

export interface MarchState {
  m: number;
  n: number;
  codificationRate: number;
  turnoverRate: number;
  turbulenceRate: number;
  /** Reality, +1 or -1 per dimension. */
  reality: Int8Array;
  /** The organisational code, -1, 0 or +1 per dimension. */
  code: Int8Array;
  /** Member beliefs, member-major: beliefs[i * m + d]. */
  beliefs: Int8Array;
  /** Socialization rate p1 of each member (slow learners first). */
  socialization: Float64Array;
  /** Scratch of a period: each member's actions (beliefs, coin flips where 0) and their score. */
  actions: Int8Array;
  performance: Int32Array;
  /** Scratch of a period: +1 and -1 votes of the superior group per dimension. */
  votesUp: Int32Array;
  votesDown: Int32Array;
  period: number;
  /** Period at which the absorbing equilibrium was reached, or -1. */
  equilibriumPeriod: number;
  rng: Rng;
}

/** A value -1, 0 or +1, each with probability 1/3 (a naive belief). */
export const naiveBelief = (rng: Rng): number => rng.int(3) - 1;

/**
 * The initial world (March 1991: 74-75): reality +-1 with probability 1/2 each; the code
 * neutral (all 0); members' beliefs -1, 0, +1 with equal probabilities.
 */
export function initMarch(p: MarchParams, seed: number): MarchState {
  const { dimensions: m, members: n } = p;
  const init = new Rng(seed, 'march-init');
  const reality = new Int8Array(m);
  for (let d = 0; d < m; d++) reality[d] = init.random() < 0.5 ? 1 : -1;
  const beliefs = new Int8Array(n * m);
  for (let i = 0; i < n * m; i++) beliefs[i] = naiveBelief(init);
  const socialization = new Float64Array(n);
  const slow = Math.min(p.slow_learners, n);
  for (let i = 0; i < n; i++) socialization[i] = i < slow ? p.slow_socialization_rate : p.socialization_rate;
  return {
    m,
    n,
    codificationRate: p.codification_rate,
    turnoverRate: p.turnover_rate,
    turbulenceRate: p.turbulence_rate,
    reality,
    code: new Int8Array(m),
    beliefs,
    socialization,
    actions: new Int8Array(n * m),
    performance: new Int32Array(n),
    votesUp: new Int32Array(m),
    votesDown: new Int32Array(m),
    period: 0,
    equilibriumPeriod: -1,
    rng: new Rng(seed, 'march-dynamics'),
  };
}

/** Knowledge of a belief vector: (correct - wrong) / m, the proportion of reality it represents (0 counts as neither). */
export function knowledgeOf(beliefs: Int8Array, offset: number, reality: Int8Array): number {
  const m = reality.length;
  let score = 0;
  for (let d = 0; d < m; d++) score += beliefs[offset + d] * reality[d];
  return score / m;
}
