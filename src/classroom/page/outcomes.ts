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
  const mean = (c: number) => late.reduce((sum, row) => sum + row[c], 0) / Math.max(1, late.length);
  const lockInLate = mean(lockIn);
  return { innovationValueLate: mean(value), lockInLate, lockedIn: lockInLate >= threshold };
}
