/**
 * Regret and satisficing on a hand-computed table (issue 17, "How to check it").
 *
 * Regret is measured on a future's means over its paired seeds (the best arm's mean minus
 * the arm's own), not seed by seed (audit D: a best-on-each-seed regret measures seed noise):
 *
 *   future 0  seed 1: A 5, B 3, C 4
 *             seed 2: A 7, B 6, C 2  -> means A 6, B 4.5, C 3 (best A): regret A 0, B 1.5, C 3
 *   future 1  seed 3: A 1, B 4, C 2
 *             seed 4: A 0, B 2, C 3  -> means A 0.5, B 3, C 2.5 (best B): regret A 2.5, B 0, C 0.5
 *                                       (seed by seed it was A 3, B 0.5, C 1: the old, noisy definition)
 *   future 2  seed 5: A 5, B 3, C 1  -> regret A 0, B 2, C 4
 *             seed 6: A 10, B 10 (C missing: the cell is not paired and is left out)
 *
 * Per arm over the 3 futures: mean regret A 2.5/3, B 3.5/3, C 7.5/3; max A 2.5, B 2, C 4;
 * 90th percentile (R: quantile(c(0,2.5,0), .9) = 2; quantile(c(1.5,0,2), .9) = 1.9;
 * quantile(c(3,.5,4), .9) = 3.8); mean outcome A 11.5/3, B 3.5, C 6.5/3; SD of A's
 * outcomes sd(c(6, .5, 5)) = 2.9297326385411577 (R). Worst per future: C, A, C, so B is
 * never worst; best: A, B, A (exactly the arms with regret 0). Target outcome >= 3: A 2/3,
 * B 3/3, C 1/3 of futures.
 */
import { describe, expect, it } from 'vitest';
import { robustness, type ArmRun } from '../../src/analysis/regret';
import { quantile7 } from '../../src/analysis/quantile';

const TABLE: [number, number, Record<string, number>][] = [
  [0, 1, { A: 5, B: 3, C: 4 }],
  [0, 2, { A: 7, B: 6, C: 2 }],
  [1, 3, { A: 1, B: 4, C: 2 }],
  [1, 4, { A: 0, B: 2, C: 3 }],
  [2, 5, { A: 5, B: 3, C: 1 }],
  [2, 6, { A: 10, B: 10 }],
];
const RUNS: ArmRun[] = TABLE.flatMap(([future, seed, values]) => Object.entries(values).map(([arm, value]) => ({ future, seed, arm, value })));

describe('robustness of arms', () => {
  const r = robustness(RUNS, { arms: ['A', 'B', 'C'], target: (v) => v >= 3, resamples: 200, seed: 7 })!;
  const arm = (name: string) => r.arms.find((a) => a.arm === name)!;
  // The same table with the interval threshold lowered to its 3 futures, to check SD and bootstrap.
  const low = robustness(RUNS, { arms: ['A', 'B', 'C'], target: (v) => v >= 3, resamples: 200, seed: 7, minFutures: 3 })!;

  it('computes paired regret exactly', () => {
    expect(r.futures).toBe(3);
    expect(r.cells).toBe(5);
    expect(r.perFuture.filter((p) => p.future === 1).map((p) => [p.arm, p.outcome, p.regret])).toEqual([['A', 0.5, 2.5], ['B', 3, 0], ['C', 2.5, 0.5]]);
    expect(arm('A').meanRegret).toBeCloseTo(2.5 / 3, 14);
    expect(arm('B').meanRegret).toBeCloseTo(3.5 / 3, 14);
    expect(arm('C').meanRegret).toBeCloseTo(7.5 / 3, 14);
    expect([arm('A').maxRegret, arm('B').maxRegret, arm('C').maxRegret]).toEqual([2.5, 2, 4]);
    expect(arm('A').p90Regret).toBeCloseTo(2, 14);
    expect(arm('B').p90Regret).toBeCloseTo(1.9, 14);
    expect(arm('C').p90Regret).toBeCloseTo(3.8, 14);
  });

  it('computes outcomes, spread, satisficing and ranks exactly', () => {
    expect(arm('A').meanOutcome).toBeCloseTo(11.5 / 3, 14);
    expect(arm('B').meanOutcome).toBe(3.5);
    expect(low.arms[0].sdOutcome).toBeCloseTo(2.9297326385411577, 14);
    expect([arm('A').satisficing, arm('B').satisficing, arm('C').satisficing]).toEqual([2 / 3, 1, 1 / 3]);
    expect([arm('A').worstShare, arm('B').worstShare, arm('C').worstShare]).toEqual([1 / 3, 0, 2 / 3]);
    expect([arm('A').bestShare, arm('B').bestShare, arm('C').bestShare]).toEqual([2 / 3, 1 / 3, 0]);
  });

  it('names the best arm on average, the robust arm and the never-worst arm', () => {
    expect(r.bestOnAverage).toBe('A');
    expect(r.robust).toBe('B');
    expect(r.minimax).toBe('B');
    expect(r.neverWorst).toEqual(['B']);
  });

  it('with 3 futures (below 20) computes no interval and no SD, only point values', () => {
    expect(r.interval).toEqual({ method: 'none', futures: 3, minFutures: 20, resamples: 0, reason: 'only 3 futures: an interval over futures needs at least 20' });
    for (const a of r.arms) {
      expect(a.ci).toEqual({ meanOutcome: null, meanRegret: null, p90Regret: null, satisficing: null });
      expect(a.sdOutcome).toBeNaN();
    }
    expect(low.arms.map((a) => [a.meanRegret, a.p90Regret, a.satisficing])).toEqual(r.arms.map((a) => [a.meanRegret, a.p90Regret, a.satisficing]));
  });

  it('bootstraps over futures: intervals hold the estimate and repeat with the seed', () => {
    expect(low.interval.method).toBe('percentile_bootstrap');
    for (const a of low.arms) {
      expect(a.ci.meanRegret![0]).toBeLessThanOrEqual(a.meanRegret);
      expect(a.ci.meanRegret![1]).toBeGreaterThanOrEqual(a.meanRegret);
    }
    const again = robustness(RUNS, { arms: ['A', 'B', 'C'], target: (v) => v >= 3, resamples: 200, seed: 7, minFutures: 3 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(low));
  });

  it('turns the sign when lower is better', () => {
    const low = robustness(RUNS, { arms: ['A', 'B', 'C'], better: 'lower', resamples: 10 })!;
    // future 0: means A 6, B 4.5, C 3; best (lowest) 3 -> regret A 3, B 1.5, C 0 (seed by seed it was A 3.5)
    expect(low.perFuture.filter((p) => p.future === 0).map((p) => p.regret)).toEqual([3, 1.5, 0]);
    expect(low.bestOnAverage).toBe('C');
  });

  it('leaves out futures where no seed has every arm, and names them', () => {
    const two = robustness(RUNS.filter((x) => x.arm !== 'C' || x.future !== 1), { arms: ['A', 'B', 'C'], resamples: 10 })!;
    expect(two.futures).toBe(2);
    expect(two.droppedFutures).toEqual([1]);
    expect(two.droppedCells).toBe(3); // seeds 3 and 4 of future 1, seed 6 of future 2
    expect(r.droppedFutures).toEqual([]);
    expect(r.droppedCells).toBe(1);
    // A run with an undefined outcome leaves its cell incomplete, like a missing run.
    const nan = robustness(RUNS.map((x) => (x.future === 2 && x.arm === 'B' ? { ...x, value: NaN } : x)), { arms: ['A', 'B', 'C'], resamples: 10 })!;
    expect(nan.droppedFutures).toEqual([2]);
    expect(robustness(RUNS.filter((x) => x.arm !== 'C'), { arms: ['A', 'B', 'C'], resamples: 10 })).toBeNull();
  });
});

describe('quantile7', () => {
  // R: quantile(c(0, 2, 1, 5, 3), 0.9) = 4.2; quantile(1:4, 0.9) = 3.7
  it('matches R type 7', () => {
    expect(quantile7([0, 2, 1, 5, 3], 0.9)).toBeCloseTo(4.2, 14);
    expect(quantile7([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 14);
  });
});
