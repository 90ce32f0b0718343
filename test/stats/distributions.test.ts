import { describe, expect, it } from 'vitest';
import { pairedDifference, quadraticFit, studentTCdf, studentTQuantile, summarize, welchDifference, wilsonInterval } from '../../src/stats';

describe('studentTQuantile', () => {
  it('matches reference t quantiles (scipy.stats.t.ppf)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174707, 9);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302652729749464, 10);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764451051977934, 10);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157162798205, 10);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0422724563012373, 10);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.7764451051977934, 10);
    expect(studentTQuantile(0.95, 1000)).toBeCloseTo(1.6463788172854639, 8);
  });
  it('inverts the CDF', () => {
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 12);
  });
});

describe('summarize', () => {
  it('gives mean, sample SD and the t-based 95 % CI', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    // 3 +- qt(0.975, 4) * sqrt(2.5) / sqrt(5)
    expect(s.ciLow).toBeCloseTo(1.0367568385224913, 10);
    expect(s.ciHigh).toBeCloseTo(4.963243161477509, 10);
  });
  it('drops undefined values and has no CI for one value', () => {
    const s = summarize([NaN, 2]);
    expect(s.n).toBe(1);
    expect(s.mean).toBe(2);
    expect(Number.isNaN(s.ciLow)).toBe(true);
  });
});

describe('wilsonInterval', () => {
  // Reference values: Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3.
  it('matches Newcombe (1998)', () => {
    const a = wilsonInterval(81, 263);
    expect(a.ciLow).toBeCloseTo(0.2553, 4);
    expect(a.ciHigh).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(15, 148);
    expect(b.ciLow).toBeCloseTo(0.0624, 4);
    expect(b.ciHigh).toBeCloseTo(0.1605, 4);
    const c = wilsonInterval(0, 20);
    expect(c.ciLow).toBe(0);
    expect(c.ciHigh).toBeCloseTo(0.1611, 4);
    const d = wilsonInterval(1, 29);
    expect(d.ciLow).toBeCloseTo(0.0061, 4);
    expect(d.ciHigh).toBeCloseTo(0.1718, 4);
  });
  // R 4.x: prop.test(0, 8, correct = FALSE)$conf.int  # 0 0.32440756488388 (the Wilson score interval)
  //        prop.test(8, 8, correct = FALSE)$conf.int  # 0.67559243511612 1
  //        prop.test(3, 8, correct = FALSE)$conf.int  # 0.136844285823597 0.694257605397373
  it('matches R prop.test(correct = FALSE) for 0 of 8, 3 of 8 and 8 of 8', () => {
    const none = wilsonInterval(0, 8);
    expect([none.share, none.ciLow]).toEqual([0, 0]);
    expect(none.ciHigh).toBeCloseTo(0.32440756488388, 12);
    const all = wilsonInterval(8, 8);
    expect(all.ciLow).toBeCloseTo(0.67559243511612, 12);
    expect(all.ciHigh).toBe(1);
    const some = wilsonInterval(3, 8);
    expect(some.ciLow).toBeCloseTo(0.136844285823597, 12);
    expect(some.ciHigh).toBeCloseTo(0.694257605397373, 12);
  });
  it('stays inside [0, 1] for n successes', () => {
    const s = wilsonInterval(8, 8);
    expect(s.share).toBe(1);
    expect(s.ciHigh).toBe(1);
    expect(s.ciLow).toBeCloseTo(0.6756, 4);
  });
});

describe('pairedDifference', () => {
  it('gives the mean difference, its t CI and Cohen d_z', () => {
    const d = pairedDifference([2, 4, 6], [1, 2, 3]);
    expect(d.n).toBe(3);
    expect(d.mean).toBe(2);
    expect(d.sd).toBe(1);
    expect(d.dz).toBe(2);
    expect(d.ciLow).toBeCloseTo(2 - 4.302652729749464 / Math.sqrt(3), 10);
    expect(d.ciHigh).toBeCloseTo(2 + 4.302652729749464 / Math.sqrt(3), 10);
    expect(d.baselineMean).toBe(2);
    expect(d.relMean).toBe(1);
  });
  it('skips pairs with an undefined side', () => {
    expect(pairedDifference([1, NaN, 3], [0, 1, 1]).n).toBe(2);
  });
});

describe('welchDifference', () => {
  it('matches scipy ttest_ind([1,2,3,4], [0,1,2], equal_var=False)', () => {
    const d = welchDifference([1, 2, 3, 4], [0, 1, 2]);
    expect(d.difference).toBe(1.5);
    expect(d.ciLow).toBeCloseTo(-0.7317114813387877, 10);
    expect(d.ciHigh).toBeCloseTo(3.7317114813387877, 10);
    // relative to the reference mean 1: the same numbers
    expect([d.reference, d.relMean]).toEqual([1, 1.5]);
    expect(d.relCiLow).toBeCloseTo(-0.7317114813387877, 10);
  });

  it('says nothing with fewer than two finite values on a side, and no relative difference against a zero mean', () => {
    expect(Object.values(welchDifference([1], [0, 1, 2])).every(Number.isNaN)).toBe(true);
    expect(Object.values(welchDifference([1, 2, NaN], [3])).every(Number.isNaN)).toBe(true);
    const z = welchDifference([1, 2], [-1, 1]);
    expect([z.difference, z.reference]).toEqual([1.5, 0]);
    expect([z.relMean, z.relCiLow, z.relCiHigh].every(Number.isNaN)).toBe(true);
  });

  it('constant samples: a zero-width interval at the exact difference (no t quantile of df 0)', () => {
    const d = welchDifference([2, 2, 2], [1, 1]);
    expect([d.difference, d.ciLow, d.ciHigh]).toEqual([1, 1, 1]);
  });
});

describe('quadraticFit', () => {
  it('recovers an exact parabola, including far from the origin (x is centred)', () => {
    expect(quadraticFit([0, 1, 2, 3], [1, 2, 5, 10]).map((v) => Number(v.toFixed(10)))).toEqual([1, 0, 1]);
    const xs = [1000, 1001, 1002, 1003, 1004];
    const [a, b, c] = quadraticFit(xs, xs.map((x) => 2 - 3 * x + 0.25 * x * x));
    expect(c).toBeCloseTo(0.25, 8);
    expect(b).toBeCloseTo(-3, 4);
    expect(a).toBeCloseTo(2, 0);
  });
  it('is NaN when the x values do not determine a parabola (fewer than 3 distinct)', () => {
    expect(quadraticFit([0.1, 0.1, 0.2, 0.2], [1, 2, 3, 4]).every(Number.isNaN)).toBe(true);
    expect(quadraticFit([0.3, 0.3, 0.3], [1, 2, 3]).every(Number.isNaN)).toBe(true);
  });
});
