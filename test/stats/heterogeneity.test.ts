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
  const h = effectHeterogeneity(perPoint);
  it('matches the one-way ANOVA of R anova(lm(d ~ factor(point)))', () => {
    expect(h.F).toBeCloseTo(78.0166666666666, 9);
    expect([h.df1, h.df2]).toEqual([2, 12]);
    expect(h.p).toBeCloseTo(1.32652310858449e-7, 18);
    expect(h.dropped).toBe(1);
  });
  it('flags effects of opposite sign from per-point t intervals', () => {
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
