/**
 * Every outcome column of every model has a better direction (audit 8, finding 1: the
 * robustness command ranked the dearest arm best on policy_cost_late, which the list of
 * lower-is-better outcomes missed). The table is a Record over the models' outcome lists,
 * so tsc fails on a new column without a direction; this test fails too.
 */
import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS } from '../../src/model/names';
import { REFERENCE_OUTCOMES } from '../../src/models/names';
import { higherIsBetter, LOWER_IS_BETTER, OUTCOME_DIRECTION, outcomeDirection } from '../../src/stats/outcome-direction';

describe('the direction table', () => {
  const columns = [...OUTCOME_KEYS, ...Object.values(REFERENCE_OUTCOMES).flat()];
  it('classifies every outcome column of every model, and nothing else', () => {
    const missing = columns.filter((k) => outcomeDirection(k) === null);
    expect(missing, `outcomes without a direction in src/stats/outcome-direction.ts: ${missing.join(', ')}`).toEqual([]);
    expect(Object.keys(OUTCOME_DIRECTION).sort()).toEqual([...new Set(columns)].sort());
  });
  it('has lower-is-better for every cost column (policy_cost_late was missing)', () => {
    for (const k of columns.filter((c) => c.startsWith('policy_cost'))) expect(higherIsBetter(k), k).toBe(false);
    expect(LOWER_IS_BETTER).toContain('policy_cost_late');
    expect(outcomeDirection('value_per_cost')).toBe('higher');
    expect(outcomeDirection('peak_tick')).toBe('none');
    expect(outcomeDirection('not_a_column')).toBeNull();
  });
});
