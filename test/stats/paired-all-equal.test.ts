/**
 * Paired differences that are the same on every seed (up to rounding) get no interval, p or
 * effect size: a t interval would have zero width and claim the mean difference without
 * uncertainty (test/report/constant-differences.test.ts shows the report's sentences).
 */
import { describe, expect, it } from 'vitest';
import { allEqualUpToRounding, pairedDifference } from '../../src/stats/paired';
import { pairedContrasts } from '../../src/stats/multiple-comparisons';

describe('paired differences that are the same on every seed', () => {
  it('have no interval, p or effect size in the estimator (and the mean is the common difference exactly)', () => {
    // 0.1 - 0 and 0.3 - 0.2 are 0.1 and 0.09999999999999998: the same up to rounding, and a t
    // interval of width 1e-16 would be printed as "0.1 to 0.1".
    expect(allEqualUpToRounding([0.1 - 0, 0.3 - 0.2])).toBe(true);
    expect(pairedDifference([0.1, 0.3], [0, 0.2]).method).toBe('paired_all_equal');
    expect(allEqualUpToRounding([0, 0, 0])).toBe(true);
    expect(allEqualUpToRounding([1, 1 + 1e-11])).toBe(false);
    expect(allEqualUpToRounding([0, 1e-300])).toBe(false);
    expect(allEqualUpToRounding([2])).toBe(false);
    expect(allEqualUpToRounding([1, NaN, 1])).toBe(false);
    const d = pairedDifference([0.1, 0.3000001], [0, 0.2]);
    expect(d.method).toBe('paired_t');
    expect(d.ciHigh).toBeGreaterThan(d.ciLow);
    const c = pairedDifference([0.4, 0.5, 0.75], [0.3, 0.4, 0.65].map((v, i) => [0.4, 0.5, 0.75][i] - 0.125));
    expect(c.method).toBe('paired_all_equal');
    expect(c.mean).toBe(0.125);
    expect(c.ciLow).toBeNaN();
    expect(c.ciHigh).toBeNaN();
    expect(c.dz).toBeNaN();
    expect(c.relCiLow).toBeNaN();
    // 0/1 outcomes keep their Agresti-Min interval even when every pair agrees.
    const s = pairedDifference([1, 1, 0, 0], [1, 1, 0, 0]);
    expect(s.method).toBe('paired_share');
    expect(s.ciLow).toBeLessThan(0);
    expect(s.ciHigh).toBeGreaterThan(0);
    // One pair: no interval either way, but it is "one run", not "all equal".
    expect(pairedDifference([1], [0.5]).method).toBe('paired_t');
  });

  it('make contrasts without interval, p or d_z, and leave the other pairs of arms alone', () => {
    const seeds = [1, 2, 3, 4];
    const base = new Map(seeds.map((s) => [s, s / 4]));
    const same = new Map(seeds.map((s) => [s, s / 4 + 0.5]));
    const noisy = new Map(seeds.map((s) => [s, s / 4 + [0.1, 0.3, 0.2, 0.6][s - 1]]));
    const rows = pairedContrasts(new Map([['base', base], ['same', same], ['noisy', noisy]]));
    const row = (a: string, b: string) => rows.find((r) => r.armA === a && r.armB === b)!;
    const c = row('same', 'base');
    expect(c.method).toBe('paired_all_equal');
    expect(c.estimate).toBe(0.5);
    expect([c.lo, c.hi, c.p, c.dz].every(Number.isNaN)).toBe(true);
    // Holm over the three pairs leaves the undefined p undefined and adjusts the others.
    expect(c.pHolm).toBeNaN();
    const n = row('noisy', 'base');
    expect(n.method).toBe('paired_t');
    // R 4.2.2: print(t.test(c(0.1, 0.3, 0.2, 0.6))$p.value, digits = 10) -> 0.06913686926
    expect(n.p).toBeCloseTo(0.06913686926, 9);
    expect(n.lo).toBeLessThan(n.hi);
  });
});
