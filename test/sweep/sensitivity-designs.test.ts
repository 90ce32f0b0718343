import { describe, expect, it } from 'vitest';
import { morrisDelta, morrisDesign } from '../../src/sweep/designs/morris';
import { nearestPowerOfTwo, saltelliDesign } from '../../src/sweep/designs/saltelli';
import { scrambledSobolPoints, sobolPoints } from '../../src/sweep/designs/sobol';
import { uniformStream } from '../../src/sweep/seed';

describe('scrambled Sobol', () => {
  it('keeps every power-of-two prefix balanced: one point per 1/n stratum in each dimension', () => {
    const points = scrambledSobolPoints(64, 6, uniformStream(9, 1));
    for (const n of [8, 16, 64]) {
      for (let j = 0; j < 6; j++) {
        const strata = points.slice(0, n).map((p) => Math.floor(p[j] * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });
  it('differs from the unscrambled sequence, has no point at the origin, and depends only on the seed', () => {
    const a = scrambledSobolPoints(16, 3, uniformStream(1, 1));
    expect(a).toEqual(scrambledSobolPoints(16, 3, uniformStream(1, 1)));
    expect(a).not.toEqual(scrambledSobolPoints(16, 3, uniformStream(2, 1)));
    expect(a).not.toEqual(sobolPoints(16, 3));
    expect(a.some((p) => p.every((x) => x === 0))).toBe(false);
  });
});

describe('the weak projection of Sobol dimensions 1, 9 and 14 (docs/sensitivity.md, method: why small S1 intervals under-cover)', () => {
  const digit = (x: number, k: number) => Math.floor(x * 2 ** k) % 2;
  // Sign of |4x - 2| - 1 read from the first two binary digits: + when they are equal.
  const sign = (x: number) => (digit(x, 1) === digit(x, 2) ? 1 : -1);
  it('unscrambled: digit 2 of dimension 1 XOR digits 1 and 2 of dimensions 9 and 14 is 0 for the first 2,048 points, not for 4,096', () => {
    // Reference (python3, SciPy 1.17.1):
    //   P = qmc.Sobol(16, scramble=False).random(N); dig = lambda x, k: (np.floor(x * 2**k) % 2).astype(int)
    //   np.unique(dig(P[:,0],2) ^ dig(P[:,8],1) ^ dig(P[:,8],2) ^ dig(P[:,13],1) ^ dig(P[:,13],2))
    //   -> [0] for N = 512, 1024, 2048; [0 1] for N = 4096
    const points = sobolPoints(4096, 14);
    const relation = points.map((p) => digit(p[0], 2) ^ digit(p[8], 1) ^ digit(p[8], 2) ^ digit(p[13], 1) ^ digit(p[13], 2));
    expect(new Set(relation.slice(0, 2048))).toEqual(new Set([0]));
    expect(new Set(relation)).toEqual(new Set([0, 1]));
  });
  it('scrambled: the product of the three signs is constant over 1,024 points in about 1 of 8 designs and exactly balanced in the others', () => {
    // The linear scramble maps digit 2 to d2 XOR u d1 XOR s (u a random bit per dimension), so the product of the signs,
    // (-1)^(d1 XOR d2) per dimension, is constant when u = 1, 0, 0 for dimensions 1, 9, 14: probability 1/8
    // (python with SciPy's scramble, the same algorithm, docs/sensitivity/rqmc-spread.py: 25 of 200, 37 of 300 designs).
    const means = Array.from({ length: 200 }, (_, s) => {
      const points = scrambledSobolPoints(1024, 16, uniformStream(s + 1, 1));
      return points.reduce((m, p) => m + sign(p[0]) * sign(p[8]) * sign(p[13]), 0) / points.length;
    });
    const constant = means.filter((m) => Math.abs(m) === 1).length;
    expect(means.every((m) => m === 0 || Math.abs(m) === 1)).toBe(true);
    // Binomial(200, 1/8): mean 25, SD 4.7.
    expect(constant).toBeGreaterThanOrEqual(12);
    expect(constant).toBeLessThanOrEqual(40);
  });
});

describe('Saltelli design', () => {
  it('lays out A, AB_1..AB_D, (BA_1..BA_D), B per base row', () => {
    const rows = saltelliDesign(4, 3, true, uniformStream(3, 1));
    expect(rows).toHaveLength(4 * 8);
    const [a, ab1, ab2, ab3, ba1, , , b] = rows.slice(0, 8);
    expect(ab1).toEqual([b[0], a[1], a[2]]);
    expect(ab2).toEqual([a[0], b[1], a[2]]);
    expect(ab3).toEqual([a[0], a[1], b[2]]);
    expect(ba1).toEqual([a[0], b[1], b[2]]);
    expect(saltelliDesign(4, 3, false, uniformStream(3, 1))).toHaveLength(4 * 5);
  });
  it('with R scrambles: R whole Saltelli designs of N / R base rows, each from the next scramble of the one stream', () => {
    const rows = saltelliDesign(16, 2, false, uniformStream(9, 1), 4);
    expect(rows).toHaveLength(16 * 4);
    // Block k is the design the k-th scramble drawn from the stream gives: block 1 is the first N / R rows' design of a fresh stream.
    expect(rows.slice(0, 16)).toEqual(saltelliDesign(4, 2, false, uniformStream(9, 1)));
    const stream = uniformStream(9, 1);
    const blocks = [0, 1, 2, 3].map(() => saltelliDesign(4, 2, false, stream));
    expect(rows).toEqual(blocks.flat());
    // Independent scrambles, not one sequence cut in four: each block's A rows are balanced on their own
    // (one of 4 points in each quarter of every column), and the blocks differ.
    for (const block of blocks) for (const j of [0, 1]) expect(new Set(block.filter((_, i) => i % 4 === 0).map((r) => Math.floor(r[j] * 4))).size).toBe(4);
    expect(blocks[1]).not.toEqual(blocks[0]);
    // R = 1 is the single-scramble design (the bytes of a design without --scrambles are unchanged).
    expect(saltelliDesign(16, 2, false, uniformStream(9, 1), 1)).toEqual(saltelliDesign(16, 2, false, uniformStream(9, 1)));
    expect(() => saltelliDesign(16, 2, false, uniformStream(9, 1), 3)).toThrow(RangeError);
  });
  it('names the nearest power of two', () => {
    expect([3, 5, 6, 1000, 1500, 1].map(nearestPowerOfTwo)).toEqual([2, 4, 4, 1024, 1024, 1]);
  });
});

describe('Morris design', () => {
  it('moves every factor exactly once per trajectory by delta, on the p-level grid', () => {
    const d = 5;
    const levels = 4;
    const rows = morrisDesign(6, d, levels, uniformStream(5, 1), 20);
    expect(rows).toHaveLength(6 * (d + 1));
    for (let t = 0; t < 6; t++) {
      const moved = new Set<number>();
      for (let s = 0; s < d; s++) {
        const before = rows[t * (d + 1) + s];
        const after = rows[t * (d + 1) + s + 1];
        const changed = before.map((v, i) => (v !== after[i] ? i : -1)).filter((i) => i >= 0);
        expect(changed).toHaveLength(1);
        expect(Math.abs(after[changed[0]] - before[changed[0]])).toBeCloseTo(morrisDelta(levels), 12);
        moved.add(changed[0]);
      }
      expect(moved.size).toBe(d);
      for (const row of rows.slice(t * (d + 1), (t + 1) * (d + 1))) for (const v of row) expect(v * (levels - 1)).toBeCloseTo(Math.round(v * (levels - 1)), 9);
    }
  });
  it('Campolongo selection spreads the trajectories more than the first r of the pool', () => {
    const spread = (rows: number[][], d: number) => {
      const starts = rows.filter((_, i) => i % (d + 1) === 0);
      let s = 0;
      for (const p of starts) for (const q of starts) s += Math.hypot(...p.map((v, i) => v - q[i]));
      return s;
    };
    const plain = morrisDesign(4, 4, 4, uniformStream(8, 1));
    const chosen = morrisDesign(4, 4, 4, uniformStream(8, 1), 40);
    expect(spread(chosen, 4)).toBeGreaterThan(spread(plain, 4));
  });
});
