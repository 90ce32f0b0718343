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

/** `points` design points x `seeds` runs; x = the point / points; outcomes from `outcomes(point, seed)`. */
function sweepInput(points: number, seeds: number, outcomes: (point: number, seed: number) => Record<string, number>): AnalysisInput {
  const runs = Array.from({ length: points * seeds }, (_, k) => {
    const point = Math.floor(k / seeds);
    return { point, arm: 'only', seed: k % seeds, params: { x: point / points, z: (point * 7) % points }, outcomes: outcomes(point, k % seeds) };
  });
  return { runs, parameters: ['x', 'z'], arms: ['only'], outcomes: Object.keys(runs[0].outcomes) };
}

describe('conditions on the censored recovery time', () => {
  // 30 runs; runs 0, 1, 2 never recovered (followed for 100 ticks); the others recovered after 10 + 3 x point ticks.
  const input = sweepInput(30, 1, (p) => (p < 3 ? { resilience_ticks: 100, resilience_censored: 1 } : { resilience_ticks: 10 + 3 * p, resilience_censored: 0 }));

  it('refuses a threshold beyond the follow-up of a censored run, and says why', () => {
    expect(() => discoverScenarios(input, { where: 'resilience_ticks < 150' })).toThrow(
      /--where 'resilience_ticks < 150': 3 of 30 runs had not recovered when they ended \(resilience_censored = 1, followed for 100 ticks\), so whether resilience_ticks < 150 holds for them is unknown; use a threshold of at most 100 ticks, or .*resilience_censored == 1/,
    );
  });

  it('decides censored runs followed at least to the threshold: they recover (if ever) later', () => {
    // > 100: the censored runs are cases (recovery after more than 100 ticks); no recovered run took that long.
    const late = discoverScenarios(input, { where: 'resilience_ticks > 100' });
    expect([late.cases, late.censored_decided]).toEqual([3, 3]);
    // < 60: recovered runs of points 3..16 (10 + 3p < 60); the censored ones are not cases.
    const fast = discoverScenarios(input, { where: 'resilience_ticks < 60' });
    expect(fast.cases).toBe(14);
  });
});

describe('an outcome undefined in every run', () => {
  it('says so, rather than asking for another threshold', () => {
    const input = sweepInput(20, 1, (p) => ({ resilience_ticks: NaN, locked_in: p % 2 }));
    expect(() => discoverScenarios(input, { where: 'resilience_ticks < 50' })).toThrow(
      /^--where 'resilience_ticks < 50': resilience_ticks is undefined in every one of the 20 runs \(e\.g\. a recovery outcome in a sweep without a shock\)/,
    );
  });
});

describe('the reliability warning counts futures', () => {
  it('warns with 2 futures of 30 seeds (60 runs), not with 60 futures of one run', () => {
    const few = discoverScenarios(sweepInput(2, 30, (p, s) => ({ locked_in: p === 1 || s < 5 ? 1 : 0 })), {});
    expect(few.futures).toBe(2);
    expect(few.warning).toMatch(/^warning: only 2 futures \(design points; 60 runs\); scenario discovery is unreliable below 50 futures/);
    const many = discoverScenarios(sweepInput(60, 1, (p) => ({ locked_in: p < 20 ? 1 : 0 })), {});
    expect(many.warning).toBeNull();
  });
});

describe('stability of the restrictions (bootstrap over futures)', () => {
  // 60 futures x 2 seeds; cases where x < 0.5 and z >= 30 (z = 7 x point mod 60), one seed in ten flipped.
  const input = sweepInput(60, 2, (p, s) => ({ locked_in: (p / 60 < 0.5 && (p * 7) % 60 >= 30) !== ((p + s) % 10 === 0) ? 1 : 0 }));

  it('is off by default and seeded when asked', () => {
    expect(discoverScenarios(input, {}).chosen.stability).toBeNull();
    const a = discoverScenarios(input, { stability: 50 }).chosen.stability!;
    const b = discoverScenarios(input, { stability: 50 }).chosen.stability!;
    expect(a).toEqual(b);
    expect(a.resamples).toBe(50);
    expect(a.used).toBe(50);
  });

  it('finds the planted inputs restricted in most resamples (a property check, no reference implementation)', () => {
    const d = discoverScenarios(input, { stability: 100 });
    expect(d.chosen.restricted).toEqual(['x', 'z']);
    // Seeded: x in 80 % and z in 81 % of the 100 resamples.
    expect(d.chosen.stability!.share).toEqual({ x: 0.8, z: 0.81 });
  });
});
