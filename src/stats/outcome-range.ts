/**
 * The natural range of an outcome or time-series column, from its unit in the data
 * dictionary (src/dictionary/ranges.ts says which units are bounded), so a bounded mean's
 * interval never leaves what the column can take.
 */
import { FIRM_MEANINGS, OUTCOME_MEANINGS, timeseriesMeaning, type ColumnMeaning } from '../dictionary/definitions';
import { rangeOfUnit, UNBOUNDED, type ValueRange } from '../dictionary/ranges';
import { REFERENCE_OUTCOME_MEANINGS, REFERENCE_SERIES_MEANINGS } from '../dictionary/reference-models';

export type { ValueRange } from '../dictionary/ranges';

function meaningOf(name: string): ColumnMeaning | undefined {
  for (const table of [OUTCOME_MEANINGS, REFERENCE_OUTCOME_MEANINGS, REFERENCE_SERIES_MEANINGS, FIRM_MEANINGS] as Record<string, ColumnMeaning>[]) {
    if (Object.hasOwn(table, name)) return table[name];
  }
  return timeseriesMeaning(name);
}

/**
 * The range of a run outcome, time-series column or firm column (unbounded when unknown).
 * @example outcomeRange('lock_in_index_final') // [0, 1]
 */
export function outcomeRange(name: string): ValueRange {
  const meaning = meaningOf(name);
  return meaning ? rangeOfUnit(meaning.unit) : UNBOUNDED;
}

/**
 * Whether an outcome is a 0/1 indicator by its unit in the data dictionary (`0/1`,
 * `indicator (0/1)`): only those get the intervals of shares. Undefined for a column the
 * dictionary does not know (the caller then decides from the values).
 * @example isZeroOneOutcome('locked_in') // true
 */
export function isZeroOneOutcome(name: string): boolean | undefined {
  const meaning = meaningOf(name);
  if (!meaning) return undefined;
  return meaning.unit === '0/1' || meaning.unit === 'indicator (0/1)';
}
