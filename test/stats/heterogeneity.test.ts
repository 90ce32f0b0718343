import { describe, expect, it } from 'vitest';
import { effectHeterogeneity } from '../../src/stats';

// Reference values from R 4.x (stats), produced by:
//   d <- c(-0.31, -0.22, -0.40, -0.28, -0.35, 0.21, 0.30, 0.18, 0.26, 0.33, 0.05, -0.10, 0.12, 0.02, -0.04)
//   point <- rep(c(0, 1, 2), each = 5); a <- anova(lm(d ~ factor(point)))
//   c(a$`F value`[1], a$Df, a$`Pr(>F)`[1])                     # 78.0166666666666 2 12 1.32652310858449e-07
//   t(sapply(split(d, point), function(v) t.test(v)$conf.int))
const perPoint = [
  { point: 0, diffs: [-0.31, -0.22, -0.4, -0.28, -0.35] },
  { point: 1, diffs: [0.21, 0.3, 0.18, 0.26, 0.33] },
  { point: 2, diffs: [0.05, -0.1, 0.12, 0.02, -0.04, NaN] },
];

describe('effectHeterogeneity', () => {
  // computed inside each test: Stryker runs a mutant reached only in a describe body against no test
  it('matches the one-way ANOVA of R anova(lm(d ~ factor(point)))', () => {
    const h = effectHeterogeneity(perPoint);
    expect(h.F).toBeCloseTo(78.0166666666666, 9);
    expect([h.df1, h.df2]).toEqual([2, 12]);
    expect(h.p).toBeCloseTo(1.32652310858449e-7, 18);
    expect(h.dropped).toBe(1);
  });
  it('flags effects of opposite sign from per-point t intervals', () => {
    const h = effectHeterogeneity(perPoint);
    expect(h.perPoint.map((e) => [e.point, e.n])).toEqual([[0, 5], [1, 5], [2, 5]]);
    expect(h.perPoint[1].mean).toBeCloseTo(0.256, 15);
    expect(h.perPoint[0].lo).toBeCloseTo(-0.396852087141762, 12);
    expect(h.perPoint[0].hi).toBeCloseTo(-0.227147912858238, 12);
    expect(h.perPoint[2].lo).toBeCloseTo(-0.094624468168259, 12);
    expect(h.perPoint[2].hi).toBeCloseTo(0.114624468168259, 12);
    expect([h.significantPositive, h.significantNegative, h.signsDiffer]).toEqual([1, 1, true]);
  });
  it('does not flag a difference in size alone', () => {
    const same = effectHeterogeneity([perPoint[1], { point: 3, diffs: [0.01, 0.03, 0.02, 0.04] }]);
    expect(same.signsDiffer).toBe(false);
    expect(same.p).toBeLessThan(0.05);
  });
  it('is NaN with a single point', () => {
    const one = effectHeterogeneity([perPoint[0]]);
    expect(Number.isNaN(one.F) && Number.isNaN(one.p)).toBe(true);
    expect(one.signsDiffer).toBe(false);
  });
});

describe('effectHeterogeneity guards', () => {
  it('drops points without a finite difference and counts every non-finite one', () => {
    const h = effectHeterogeneity([...perPoint, { point: 7, diffs: [NaN, Infinity] }]);
    expect(h.perPoint.map((e) => e.point)).toEqual([0, 1, 2]);
    expect([h.df1, h.df2, h.dropped]).toEqual([2, 12, 3]);
    expect(h.F).toBeCloseTo(78.0166666666666, 9);
  });
  it('no F without spread within points or without a residual df', () => {
    // between = 2 * (1 - 2)^2 + 2 * (3 - 2)^2 = 4, within = 0
    const flat = effectHeterogeneity([{ point: 0, diffs: [1, 1] }, { point: 1, diffs: [3, 3] }]);
    expect([flat.df1, flat.df2]).toEqual([1, 2]);
    expect(flat.F).toBeNaN();
    expect(flat.p).toBeNaN();
    const single = effectHeterogeneity([{ point: 0, diffs: [1] }, { point: 1, diffs: [3] }]);
    expect([single.df1, single.df2]).toEqual([1, 0]);
    expect(single.F).toBeNaN();
    // by hand: groups [0, 2] and [5]: grand 7/3, between = 2 (1 - 7/3)^2 + (5 - 7/3)^2 = 32/9 + 64/9 = 32/3,
    // within = (0 - 1)^2 + (2 - 1)^2 = 2, F = (32/3) / 1 / (2 / 1) = 16/3
    const tiny = effectHeterogeneity([{ point: 0, diffs: [0, 2] }, { point: 1, diffs: [5] }]);
    expect([tiny.df1, tiny.df2]).toEqual([1, 1]);
    expect(tiny.F).toBeCloseTo(16 / 3, 13);
  });
  it('counts intervals wholly above or below 0, not touching it', () => {
    const h = effectHeterogeneity([{ point: 0, diffs: [-1, -2, -1.5] }, { point: 1, diffs: [1, 2, 1.5] }, { point: 2, diffs: [1, 2, 1.5] }]);
    expect([h.significantPositive, h.significantNegative, h.signsDiffer]).toEqual([2, 1, true]);
    const neg = effectHeterogeneity([{ point: 0, diffs: [-1, -2, -1.5] }, { point: 1, diffs: [-1, 1, 0] }]);
    expect([neg.significantPositive, neg.significantNegative, neg.signsDiffer]).toEqual([0, 1, false]);
    // a zero-width interval at 0 is neither
    const zero = effectHeterogeneity([{ point: 0, diffs: [0, 0] }, { point: 1, diffs: [0, 0] }]);
    expect([zero.significantPositive, zero.significantNegative]).toEqual([0, 0]);
  });
});
