/**
 * Which direction of an outcome is the better one, for every sentence, ranking and
 * robustness analysis that says which arm does best (one table, so they cannot disagree).
 * A leaf module: it imports only types (erased at run time).
 */
import type { OutcomeKey } from '../model/names';
import type { CJ_OUTCOMES, MARCH_OUTCOMES } from '../models/names';

/** `higher` or `lower` is better, or `none`: neither is better in itself (a share, a timing, a spread). */
export type Direction = 'higher' | 'lower' | 'none';

type ReferenceOutcome = (typeof MARCH_OUTCOMES)[number] | (typeof CJ_OUTCOMES)[number];

/**
 * Every outcome column of every model, classified. A `Record` over the models' outcome
 * lists: an outcome added to OUTCOME_KEYS (src/model/names.ts) or a reference model's list
 * without a direction here fails to compile (and test/stats/outcome-direction.test.ts).
 * Lower is better for lock-in and its parts, exits, recovery time and not recovering, and
 * policy cost (whole run and late window). `drop_ratio` (value in the 20 ticks after a
 * shock over the 20 before) is higher-is-better: a higher ratio is a smaller drop.
 */
export const OUTCOME_DIRECTION: Readonly<Record<OutcomeKey | ReferenceOutcome, Direction>> = {
  innovations_total: 'higher',
  innovation_value_total: 'higher',
  innovation_value_late: 'higher',
  radical_share: 'none',
  diversity_final: 'higher',
  entropy_final: 'none',
  competitiveness_final: 'higher',
  lock_in_index_final: 'lower',
  lock_in_cognitive_final: 'lower',
  lock_in_functional_final: 'lower',
  lock_in_exhaustion_final: 'lower',
  locked_in: 'lower',
  external_tie_share_final: 'none',
  resident_skill_final: 'higher',
  tacit_dispersion_final: 'none',
  firms_alive_final: 'higher',
  entries_total: 'higher',
  exits_total: 'lower',
  peak_tick: 'none',
  resilience_ticks: 'lower',
  resilience_censored: 'lower',
  drop_ratio: 'higher',
  policy_cost: 'lower',
  policy_cost_late: 'lower',
  value_per_cost: 'higher',
  plant_tacit_final: 'higher',
  firm_learning_late: 'higher',
  firm_learning_institution_share_late: 'none',
  firm_learning_outside_share_late: 'none',
  // March (1991)
  code_knowledge_final: 'higher',
  member_knowledge_final: 'higher',
  equilibrium_reached: 'none',
  equilibrium_period: 'none',
  // Cowan and Jonard (2004)
  mean_knowledge_final: 'higher',
  knowledge_variance_final: 'none',
  knowledge_cv_final: 'none',
  average_path_length: 'none',
  network_clustering: 'none',
  frozen: 'none',
  frozen_period: 'none',
};

/** The better direction of `outcome`, or null for a column the table does not know. */
export const outcomeDirection = (outcome: string): Direction | null =>
  Object.prototype.hasOwnProperty.call(OUTCOME_DIRECTION, outcome) ? OUTCOME_DIRECTION[outcome as keyof typeof OUTCOME_DIRECTION] : null;

/** Outcomes where a lower value is the better one (from OUTCOME_DIRECTION). */
export const LOWER_IS_BETTER: readonly string[] = Object.keys(OUTCOME_DIRECTION).filter((k) => OUTCOME_DIRECTION[k as keyof typeof OUTCOME_DIRECTION] === 'lower');

/**
 * Whether a higher value of `outcome` is the better one (false only for LOWER_IS_BETTER).
 * The report ranks only outcomes with a direction (innovation value, lock-in); robustness
 * asks for --better on an outcome whose direction is `none` or unknown.
 */
export const higherIsBetter = (outcome: string): boolean => outcomeDirection(outcome) !== 'lower';
