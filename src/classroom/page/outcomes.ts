/**
 * The two outcomes of the ensemble reveal, computed from observed rows in one way for the
 * class's run and for every replicate (so the comparison is like with like): the mean
 * innovation value and the mean lock-in index over the late window (`observe.window`).
 */
import type { Outcome } from './protocol';

/** Late-window means of innovation value and lock-in, and whether the region is locked in. */
export function lateOutcome(
  rows: readonly Float64Array[],
  columns: readonly string[],
  window: number,
  threshold: number,
): Outcome {
  const value = columns.indexOf('innovation_value');
  const lockIn = columns.indexOf('lock_in_index');
  const late = rows.slice(Math.max(0, rows.length - window));
  // Like the run outcomes (model/outcomes.ts): rows where a measure is missing (no live firm holds knowledge) are skipped.
  const mean = (c: number) => {
    const defined = late.filter((row) => !Number.isNaN(row[c]));
    return defined.length ? defined.reduce((sum, row) => sum + row[c], 0) / defined.length : Number.NaN;
  };
  const lockInLate = mean(lockIn);
  return { innovationValueLate: mean(value), lockInLate, lockedIn: lockInLate >= threshold };
}
