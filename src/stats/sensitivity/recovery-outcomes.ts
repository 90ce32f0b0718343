/**
 * Recovery after a shock as sensitivity outcomes. resilience_ticks is censored: a run that
 * has not regained 90 % of its pre-shock innovation value when it ends records the ticks
 * to its end (resilience_censored = 1), a lower bound, not a recovery time. Averaging it
 * as if it were one, or dropping those runs, biases every index. Two outcomes defined for
 * every shocked run replace it:
 *
 * - `recovered` = 1 - resilience_censored: indices of P(recovered by the end | X);
 * - `recovery_rmst` = min(T, tau), tau the ticks from the shock to the run's end: its mean
 *   is the restricted mean recovery time to tau (Royston & Parmar 2013, "Restricted mean
 *   survival time: an alternative to the hazard ratio", BMC Med. Res. Methodol. 13:152).
 *   When every run is censored at the same tau (administrative censoring: one run length
 *   and one shock tick), min(T, tau) is observed for every run, so its mean needs no
 *   Kaplan-Meier step and the indices are those of the RMST, with no run dropped or
 *   imputed. When censored runs have different horizons the RMST is not defined this way
 *   and the outcome is left out.
 */

/** The recovery outcomes analysed in place of resilience_ticks. */
export const RECOVERY_OUTCOMES = ['recovered', 'recovery_rmst'] as const;

type Outcomes = Record<string, number>;

/** The common censoring horizon tau of a set of runs: a number, null when none is censored, NaN when they differ. */
export function censoringHorizon(runs: readonly Outcomes[]): number | null {
  let tau: number | null = null;
  for (const o of runs) {
    if (o.resilience_censored !== 1) continue;
    if (tau === null) tau = o.resilience_ticks;
    else if (tau !== o.resilience_ticks) return NaN;
  }
  return tau;
}

/** The value of a sensitivity outcome for one run (recovery outcomes derived; `tau` from censoringHorizon). */
export function sensitivityValue(outcome: string, o: Outcomes, tau: number | null): number {
  const censored = o.resilience_censored;
  const known = censored === 0 || censored === 1;
  if (outcome === 'recovered') return known ? 1 - censored : NaN;
  if (outcome === 'recovery_rmst') return known && !Number.isNaN(tau ?? 0) ? o.resilience_ticks : NaN;
  return o[outcome];
}
