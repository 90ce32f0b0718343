/**
 * Which direction of an outcome is the better one, for every sentence, ranking and
 * robustness analysis that says which arm does best (one list, so they cannot disagree).
 * A leaf module: it imports nothing.
 */

/**
 * Outcomes where a lower value is the better one: lock-in and its parts, exits, recovery
 * time and not recovering, policy cost. `drop_ratio` (value in the 20 ticks after a shock
 * over the 20 before) is not here: a higher ratio is a smaller drop.
 */
export const LOWER_IS_BETTER: readonly string[] = [
  'lock_in_index_final', 'lock_in_cognitive_final', 'lock_in_functional_final', 'lock_in_exhaustion_final', 'locked_in',
  'exits_total', 'resilience_ticks', 'resilience_censored', 'policy_cost',
];

/** Whether a higher value of `outcome` is the better one. */
export const higherIsBetter = (outcome: string): boolean => !LOWER_IS_BETTER.includes(outcome);
