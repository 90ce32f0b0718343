import { describe, expect, it } from 'vitest';
import { probabilityBest } from '../../src/stats';

const table = [
  [1.0, 1.2, 0.9],
  [0.8, 0.7, 1.1],
  [1.1, 1.3, 1.0],
];
const arms = ['a', 'b', 'c'];

describe('probabilityBest', () => {
  it('converges to the exact bootstrap distribution (all 27 resamples enumerated in R)', () => {
    // R 4.x:
    //   v <- rbind(c(1.0, 1.2, 0.9), c(0.8, 0.7, 1.1), c(1.1, 1.3, 1.0)); g <- expand.grid(1:3, 1:3, 1:3)
    //   res <- t(apply(g, 1, function(ix) { m <- colMeans(v[unlist(ix), , drop = FALSE]); r <- rank(-m)
    //     best <- (m == max(m)) / sum(m == max(m)); c(r, best) })); colMeans(res); colMeans(v)
    //   # mean ranks 2.5, 1.462962962962963, 2.037037037037037; pBest 0, 0.740740740740741, 0.259259259259259
    // 40000 resamples: Monte Carlo SE of pBest <= 0.0025, so 0.01 is 4 SE.
    const r = probabilityBest(table, arms, { higherIsBetter: true, seed: 42, resamples: 40000 });
    const pBest = [0, 0.740740740740741, 0.259259259259259];
    const meanRank = [2.5, 1.462962962962963, 2.037037037037037];
    r.forEach((row, a) => {
      expect(row.arm).toBe(arms[a]);
      expect(Math.abs(row.pBest - pBest[a])).toBeLessThan(0.01);
      expect(Math.abs(row.meanRank - meanRank[a])).toBeLessThan(0.02);
    });
    expect(r.map((row) => row.meanValue)).toEqual([0.9666666666666668, 1.0666666666666667, 1]);
  });

  it('resamples design points, each with all its seeds, when clustered (all 27 draws of 3 points enumerated in R)', () => {
    // R 4.2.2 (/tmp/fix8arms/r/rank.R):
    //   v <- rbind(c(0, 2), c(0.1, 2), c(1, 0), c(1, 0.1), c(1.2, 0), c(1.3, 0.1)); cl <- c(1, 1, 2, 2, 3, 3)
    //   stat <- function(rows) { m <- colMeans(v[rows, , drop = FALSE]); r <- rank(-m); best <- (m == max(m)) / sum(m == max(m)); c(r, best) }
    //   g <- expand.grid(1:3, 1:3, 1:3)
    //   colMeans(t(apply(g, 1, function(ix) stat(unlist(lapply(unlist(ix), function(k) which(cl == k)))))))
    //     # mean ranks 1.37037037037037 1.62962962962963, pBest 0.62962962962963 0.37037037037037
    //   the row bootstrap (all 6^6 draws of rows) gives pBest 0.655467678326475 0.344532321673525 instead
    // 40000 resamples: Monte Carlo SE of pBest <= 0.0025, so 0.01 is 4 SE (the row bootstrap is 0.026 away).
    const v = [[0, 2], [0.1, 2], [1, 0], [1, 0.1], [1.2, 0], [1.3, 0.1]];
    const r = probabilityBest(v, ['a', 'b'], { higherIsBetter: true, seed: 42, resamples: 40000, clusters: [1, 1, 2, 2, 3, 3] });
    expect(Math.abs(r[0].pBest - 0.62962962962963)).toBeLessThan(0.01);
    expect(Math.abs(r[0].meanRank - 1.37037037037037)).toBeLessThan(0.01);
    expect(r.map((row) => [row.seeds, row.points])).toEqual([[6, 3], [6, 3]]);
    // one seed per point, or every seed at one point: the row bootstrap, the same numbers
    const rows = probabilityBest(v, ['a', 'b'], { higherIsBetter: true, seed: 42, resamples: 300 });
    expect(rows[0].points).toBeNull();
    expect(probabilityBest(v, ['a', 'b'], { higherIsBetter: true, seed: 42, resamples: 300, clusters: [1, 2, 3, 4, 5, 6] })).toEqual(rows);
    expect(probabilityBest(v, ['a', 'b'], { higherIsBetter: true, seed: 42, resamples: 300, clusters: [1, 1, 1, 1, 1, 1] })).toEqual(rows);
  });

  it('is deterministic for a seed (exact values of this implementation, 200 resamples, seed 42)', () => {
    const r = probabilityBest(table, arms, { higherIsBetter: true, seed: 42, resamples: 200 });
    expect(r.map((row) => [row.meanRank, row.pBest])).toEqual([
      [2.54, 0],
      [1.375, 0.785],
      [2.085, 0.215],
    ]);
    expect(probabilityBest(table, arms, { higherIsBetter: true, seed: 42, resamples: 200 })).toEqual(r);
    expect(probabilityBest(table, arms, { higherIsBetter: true, seed: 43, resamples: 200 })).not.toEqual(r);
  });

  it('sums pBest to 1 and mean ranks to k(k+1)/2, for either direction', () => {
    for (const higherIsBetter of [true, false]) {
      const r = probabilityBest(table, arms, { higherIsBetter, seed: 7, resamples: 500 });
      expect(r.reduce((s, row) => s + row.pBest, 0)).toBeCloseTo(1, 12);
      expect(r.reduce((s, row) => s + row.meanRank, 0)).toBeCloseTo(6, 12);
    }
    const lower = probabilityBest(table, arms, { higherIsBetter: false, seed: 7, resamples: 500 });
    const negated = probabilityBest(table.map((row) => row.map((v) => -v)), arms, { higherIsBetter: true, seed: 7, resamples: 500 });
    expect(lower.map((row) => row.pBest)).toEqual(negated.map((row) => row.pBest));
  });

  it('splits ties equally and drops seeds missing an arm', () => {
    const r = probabilityBest([[1, 1], [2, 2], [NaN, 5]], ['x', 'y'], { higherIsBetter: true, seed: 1, resamples: 50 });
    expect(r.map((row) => [row.pBest, row.meanRank, row.seeds])).toEqual([
      [0.5, 1.5, 2],
      [0.5, 1.5, 2],
    ]);
    const none = probabilityBest([[NaN, 1]], ['x', 'y'], { higherIsBetter: true, seed: 1 });
    expect(none.every((row) => Number.isNaN(row.pBest) && row.seeds === 0)).toBe(true);
  });
});

describe('probabilityBest over fixed design points (strata)', () => {
  // Point 1: a beats b by 10 on each of its two seeds; point 2: b beats a by 9 on each.
  // Drawn within each point, every resample keeps two rows of each: a always ahead (20 vs 18).
  // Drawn freely over the four rows, resamples with three rows of point 2 put b ahead.
  const values = [[10, 0], [10, 0], [0, 9], [0, 9]];
  const strata = [1, 1, 2, 2];
  it('keeps each point its own number of rows in every resample', () => {
    const within = probabilityBest(values, ['a', 'b'], { higherIsBetter: true, seed: 5, strata });
    expect(within.map((r) => r.pBest)).toEqual([1, 0]);
    const free = probabilityBest(values, ['a', 'b'], { higherIsBetter: true, seed: 5 });
    expect(free[0].pBest).toBeLessThan(0.9);
    expect(free[0].pBest).toBeGreaterThan(0.5);
  });
  it('is the plain bootstrap with one stratum', () => {
    const one = probabilityBest(values, ['a', 'b'], { higherIsBetter: true, seed: 5, strata: [1, 1, 1, 1] });
    expect(one).toEqual(probabilityBest(values, ['a', 'b'], { higherIsBetter: true, seed: 5 }));
  });
});
