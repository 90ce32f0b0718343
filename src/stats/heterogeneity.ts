/**
 * Does a policy's effect differ between design points? A pooled headline can hide effects
 * of opposite sign (e.g. -31 % where the region is closed, +26 % where it is open), so the
 * paired differences are compared across points by one-way ANOVA, and each point's own
 * t interval says where the effect is clearly positive or clearly negative.
 */
import { fUpperP } from './p-value';
import { summarize } from './summary';

export interface PointEffect {
  point: number;
  n: number;
  mean: number;
  lo: number;
  hi: number;
}

export interface EffectHeterogeneity {
  /** One-way ANOVA F of the differences by point (R: anova(lm(d ~ factor(point)))). */
  F: number;
  df1: number;
  df2: number;
  p: number;
  /** Some point's interval lies wholly above 0 and another's wholly below. */
  signsDiffer: boolean;
  significantPositive: number;
  significantNegative: number;
  perPoint: PointEffect[];
  /** Non-finite differences left out. */
  dropped: number;
}

/**
 * Heterogeneity of paired differences (arm - baseline on common seeds) across points.
 * @example effectHeterogeneity([{ point: 0, diffs: [-1, -2, -1.5] }, { point: 1, diffs: [1, 2, 1.5] }]).signsDiffer // true
 */
export function effectHeterogeneity(perPoint: readonly { point: number; diffs: readonly number[] }[]): EffectHeterogeneity {
  const groups = perPoint.map((g) => ({ point: g.point, values: g.diffs.filter(Number.isFinite) })).filter((g) => g.values.length > 0);
  const total = perPoint.reduce((s, g) => s + g.diffs.length, 0);
  const all = groups.flatMap((g) => g.values);
  const grand = all.reduce((s, v) => s + v, 0) / all.length;
  let between = 0;
  let within = 0;
  const effects = groups.map((g) => {
    const s = summarize(g.values);
    between += s.n * (s.mean - grand) ** 2;
    for (const v of g.values) within += (v - s.mean) ** 2;
    return { point: g.point, n: s.n, mean: s.mean, lo: s.ciLow, hi: s.ciHigh };
  });
  const df1 = groups.length - 1;
  const df2 = all.length - groups.length;
  const F = df1 >= 1 && df2 >= 1 && within > 0 ? between / df1 / (within / df2) : NaN;
  const significantPositive = effects.filter((e) => e.lo > 0).length;
  const significantNegative = effects.filter((e) => e.hi < 0).length;
  return {
    F,
    df1,
    df2,
    p: Number.isNaN(F) ? NaN : fUpperP(F, df1, df2),
    signsDiffer: significantPositive > 0 && significantNegative > 0,
    significantPositive,
    significantNegative,
    perPoint: effects,
    dropped: total - all.length,
  };
}
