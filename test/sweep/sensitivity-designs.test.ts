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
