/**
 * The distribution functions behind every p value and t interval: the regularised incomplete
 * beta and Student's t (t-quantile.ts), the t, F and chi-square tails (p-value.ts) and the
 * binomial tail (binomial.ts), each held to scipy 1.10 on the same numbers, with its guards.
 *
 * Reference values (/usr/bin/python3, Debian scipy 1.10.1):
 *   from scipy import stats, special
 *   [2*stats.t.sf(abs(t), df) for t, df in [(2.5,10),(0.3,3),(40,2),(1.0,0.5)]]
 *     # 0.031446844236608776 0.783763292039919 0.0006244146721847406 0.6022432216826441
 *   [stats.f.sf(f, a, b) for f, a, b in [(3,2,20),(0.2,5,7),(50,1,1),(1.5,3,100)]]
 *     # 0.07253815028640576 0.9524164502214275 0.08943852195031553 0.21921395997527107
 *   [stats.chi2.sf(x, df) for x, df in [(3.84,1),(0.5,4),(2,4),(30,3),(1e-3,2),(100,50)]]
 *     # 0.05004352124870519 0.9735009788392561 0.7357588823428847 1.3800570312932553e-06
 *     # 0.9995001249791693 3.454931382984871e-05
 *   [special.betainc(a, b, x) for x, a, b in [(0.2,2,3),(0.9,2,3),(0.5,0.5,0.5),(0.01,30,2)]]
 *     # 0.18080000000000004 0.9963 0.5000000000000001 3.070000000000003e-59
 *   [stats.t.cdf(t, df) for t, df in [(-1.5,4),(1.5,4),(0.1,1)]]   # 0.104 0.896 0.5317255174305535
 * Quantiles from R 4.x (scipy 1.10's t.ppf is off by up to ~1e-9 relative):
 *   print(qt(c(0.9999, 0.6, 0.975, 0.999), c(1, 3, 0.5, 2)), digits = 17)
 *     # 3183.0987571185015 0.27667066233268983 164.55767348049445786 22.32712477011986607
 *   [stats.binom.sf(k-1, n, p) for k, n, p in [(7,10,0.3),(1,5,0.2),(5,5,0.5),(3,8,0.9)]]
 *     # 0.010592078399999996 0.67232 0.03125 0.99997659
 */
import { describe, expect, it } from 'vitest';
import { chiSquareUpperP, fUpperP, incompleteBeta, normalCritical, normalTwoSidedP, studentTCdf, studentTQuantile, tTwoSidedP } from '../../src/stats';
import { binomialUpperTail } from '../../src/stats/binomial';

/** |actual - expected| <= rel |expected|. */
function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('incompleteBeta', () => {
  it('matches scipy betainc on both sides of the switch point (a + 1) / (a + b + 2)', () => {
    expectRel(incompleteBeta(0.2, 2, 3), 0.18080000000000004, 1e-14); // 0.2 < 3/7: continued fraction
    expectRel(incompleteBeta(0.9, 2, 3), 0.9963, 1e-14); // 0.9 > 3/7: by symmetry
    expectRel(incompleteBeta(0.5, 0.5, 0.5), 0.5000000000000001, 1e-14);
    expectRel(incompleteBeta(0.01, 30, 2), 3.070000000000003e-59, 1e-12);
  });
  it('is 0 at and below x = 0 and 1 at and above x = 1 (no log of a negative number)', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(-0.5, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(incompleteBeta(1.5, 2, 3)).toBe(1);
  });
});

describe('studentTCdf and studentTQuantile', () => {
  it('gives the lower tail for negative t and the upper for positive t', () => {
    expectRel(studentTCdf(-1.5, 4), 0.104, 1e-13);
    expectRel(studentTCdf(1.5, 4), 0.896, 1e-14);
    expectRel(studentTCdf(0.1, 1), 0.5317255174305535, 1e-14);
    expect(studentTCdf(0, 3)).toBe(0.5);
  });
  it('inverts to R qt, far in the tail and for df below 1', () => {
    expectRel(studentTQuantile(0.9999, 1), 3183.0987571185015, 1e-11);
    expectRel(studentTQuantile(0.6, 3), 0.27667066233268983, 1e-13);
    expectRel(studentTQuantile(0.975, 0.5), 164.55767348049445786, 1e-13);
    expectRel(studentTQuantile(0.999, 2), 22.32712477011986607, 1e-13);
    expectRel(studentTQuantile(0.001, 2), -22.32712477011986607, 1e-13);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });
  it('is NaN outside 0 < p < 1 or for df <= 0', () => {
    for (const [p, df] of [[0, 5], [1, 5], [-0.1, 5], [1.2, 5], [NaN, 5], [0.9, 0], [0.9, -1], [0.9, NaN]]) expect(studentTQuantile(p, df)).toBeNaN();
  });
});

describe('tTwoSidedP', () => {
  it('matches 2 * pt(-|t|, df) for either sign, large |t| and df below 1', () => {
    expectRel(tTwoSidedP(2.5, 10), 0.031446844236608776, 1e-14);
    expectRel(tTwoSidedP(-2.5, 10), 0.031446844236608776, 1e-14);
    expectRel(tTwoSidedP(0.3, 3), 0.783763292039919, 1e-14);
    expectRel(tTwoSidedP(40, 2), 0.0006244146721847406, 1e-13);
    expectRel(tTwoSidedP(1, 0.5), 0.6022432216826441, 1e-13);
    expect(tTwoSidedP(0, 4)).toBe(1);
  });
  it('is 0 for an infinite t, NaN for a NaN t or a df that is not positive', () => {
    expect(tTwoSidedP(Infinity, 5)).toBe(0);
    expect(tTwoSidedP(-Infinity, 5)).toBe(0);
    expect(tTwoSidedP(NaN, 5)).toBeNaN();
    expect(tTwoSidedP(2, 0)).toBeNaN();
    expect(tTwoSidedP(2, NaN)).toBeNaN();
    expect(tTwoSidedP(Infinity, 0)).toBeNaN();
  });
});

describe('fUpperP', () => {
  it('matches pf(f, df1, df2, lower.tail = FALSE)', () => {
    expectRel(fUpperP(3, 2, 20), 0.07253815028640576, 1e-14);
    expectRel(fUpperP(0.2, 5, 7), 0.9524164502214275, 1e-14);
    expectRel(fUpperP(50, 1, 1), 0.08943852195031553, 1e-13);
    expectRel(fUpperP(1.5, 3, 100), 0.21921395997527107, 1e-12);
  });
  it('is 1 at or below 0, 0 at infinity, NaN for a NaN f or a df that is not positive', () => {
    expect(fUpperP(0, 2, 3)).toBe(1);
    expect(fUpperP(-1, 2, 3)).toBe(1);
    expect(fUpperP(Infinity, 2, 3)).toBe(0);
    expect(fUpperP(NaN, 2, 3)).toBeNaN();
    expect(fUpperP(1, 0, 3)).toBeNaN();
    expect(fUpperP(1, 2, 0)).toBeNaN();
    expect(fUpperP(1, NaN, 3)).toBeNaN();
    expect(fUpperP(1, 2, NaN)).toBeNaN();
  });
});

describe('chiSquareUpperP', () => {
  it('matches pchisq(x, df, lower.tail = FALSE) by the series (x < df/2 + 1) and the continued fraction', () => {
    expectRel(chiSquareUpperP(3.84, 1), 0.05004352124870519, 1e-14); // continued fraction
    expectRel(chiSquareUpperP(0.5, 4), 0.9735009788392561, 1e-14); // series
    expectRel(chiSquareUpperP(2, 4), 0.7357588823428847, 1e-14); // x/2 = 1 < 3: series
    expectRel(chiSquareUpperP(30, 3), 1.3800570312932553e-6, 1e-13);
    expectRel(chiSquareUpperP(1e-3, 2), 0.9995001249791693, 1e-14);
    expectRel(chiSquareUpperP(100, 50), 3.454931382984871e-5, 1e-12);
  });
  it('is 1 at or below 0, 0 at infinity (R: pchisq(Inf, 3, lower.tail = FALSE) = 0; NaN before the fix) and NaN for a NaN x or a df that is not positive', () => {
    expect(chiSquareUpperP(Infinity, 3)).toBe(0);
    expect(chiSquareUpperP(0, 3)).toBe(1);
    expect(chiSquareUpperP(-2, 3)).toBe(1);
    expect(chiSquareUpperP(NaN, 3)).toBeNaN();
    expect(chiSquareUpperP(2, 0)).toBeNaN();
    expect(chiSquareUpperP(2, NaN)).toBeNaN();
  });
});

describe('binomialUpperTail', () => {
  it('is P(X >= k) (scipy binom.sf(k - 1, n, p))', () => {
    expectRel(binomialUpperTail(7, 10, 0.3), 0.010592078399999996, 1e-13);
    expectRel(binomialUpperTail(1, 5, 0.2), 0.67232, 1e-14);
    expectRel(binomialUpperTail(5, 5, 0.5), 0.03125, 1e-13);
    expectRel(binomialUpperTail(3, 8, 0.9), 0.99997659, 1e-14);
  });
  it('is 1 for k <= 0, 0 for k > n, and 0 or 1 at p = 0 or 1', () => {
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(-1, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.3)).toBe(0);
    expect(binomialUpperTail(2, 5, 0)).toBe(0);
    expect(binomialUpperTail(2, 5, -0.1)).toBe(0);
    expect(binomialUpperTail(2, 5, 1)).toBe(1);
    expect(binomialUpperTail(2, 5, 1.1)).toBe(1);
  });
});

// R 4.x: print(2 * pnorm(-c(2, 0.1, 10)), digits = 17)
//          # 4.5500263896358424e-02 9.2034432544594202e-01 1.5239706048321054e-23
//        print(qnorm(c(0.975, 0.95, 0.995, 0.75)), digits = 17)
//          # 1.959963984540054 1.6448536269514722 2.5758293035489004 0.67448975019608171
describe('normalTwoSidedP and normalCritical (the z test of an unclustered logit)', () => {
  it('match 2 * pnorm(-|z|) and qnorm to ~1e-14, where t at df 1e9 keeps only ~6 digits', () => {
    expectRel(normalTwoSidedP(2), 0.045500263896358424, 1e-14);
    expectRel(normalTwoSidedP(-2), 0.045500263896358424, 1e-14);
    expectRel(normalTwoSidedP(0.1), 0.92034432544594202, 1e-14);
    expectRel(normalTwoSidedP(10), 1.5239706048321054e-23, 1e-12);
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalTwoSidedP(Infinity)).toBe(0);
    expect(normalTwoSidedP(NaN)).toBeNaN();
    expectRel(normalCritical(0.95), 1.95996398454005361, 1e-14);
    expectRel(normalCritical(0.9), 1.64485362695147153, 1e-14);
    expectRel(normalCritical(0.99), 2.57582930354889994, 1e-14);
    expectRel(normalCritical(0.5), 0.67448975019608171, 1e-14);
    for (const c of [0, 1, -0.5, 1.5, NaN]) expect(normalCritical(c)).toBeNaN();
  });
});
