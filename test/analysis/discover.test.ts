/** discoverScenarios: weak restrictions (quasi-p above 0.1) are dropped from the reported box unless asked to keep them. */
import { describe, expect, it } from 'vitest';
import { discoverScenarios, type AnalysisInput } from '../../src/analysis';
import { WEAK_QUASI_P } from '../../src/analysis/discover';
import { plantedData } from './planted';

/** The planted data (80 rows: few enough that PRIM also peels inert inputs) as sweep runs. */
function plantedInput(rows: number): AnalysisInput {
  const data = plantedData(rows, 6, 'weak');
  return {
    runs: Array.from({ length: rows }, (_, i) => ({
      point: i,
      arm: 'only',
      seed: i,
      params: Object.fromEntries(data.names.map((n, j) => [n, data.columns[j][i]])),
      outcomes: { locked_in: data.y[i] },
    })),
    parameters: data.names,
    arms: ['only'],
    outcomes: ['locked_in'],
  };
}

describe('weak restrictions', () => {
  const input = plantedInput(80);
  const kept = discoverScenarios(input, { keepWeak: true });
  const pruned = discoverScenarios(input, {});

  it('keeps every restriction when asked, some of them weak', () => {
    expect(Object.values(kept.chosen.quasi_p).some((p) => p > WEAK_QUASI_P)).toBe(true);
    expect(kept.chosen.dropped).toEqual([]);
  });

  it('drops the weak ones and keeps the planted inputs', () => {
    expect(Object.values(pruned.chosen.quasi_p).every((p) => p <= WEAK_QUASI_P)).toBe(true);
    expect(pruned.chosen.restricted).toEqual(expect.arrayContaining(['x1', 'x3']));
    expect([...pruned.chosen.restricted, ...pruned.chosen.dropped].sort()).toEqual([...kept.chosen.restricted].sort());
  });
});
