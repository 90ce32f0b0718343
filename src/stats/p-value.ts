/**
 * Two-sided t and upper-tail F p-values from the regularised incomplete beta, computed as
 * the tail directly (not 1 - CDF) so a small p keeps its digits.
 */
import { incompleteBeta } from './t-quantile';

/**
 * P(|T| >= |t|) for Student's t with `df` degrees of freedom (R: 2 * pt(-abs(t), df)).
 * @example tTwoSidedP(2.5, 10) // 0.0314468442366088
 */
export function tTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t) || !(df > 0)) return Number.isNaN(t) || !(df > 0) ? NaN : 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * P(F >= f) for Fisher's F with (df1, df2) degrees of freedom (R: pf(f, df1, df2, lower.tail = FALSE)).
 * @example fUpperP(3, 2, 20) // 0.0725381502864056
 */
export function fUpperP(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return incompleteBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}
