/**
 * Two-sided t and upper-tail F p-values from the regularised incomplete beta, computed as
 * the tail directly (not 1 - CDF) so a small p keeps its digits.
 */
import { gammaln } from 'simple-statistics';
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

/**
 * P(X >= x) for a chi-square with `df` degrees of freedom (R: pchisq(x, df, lower.tail = FALSE)),
 * as the F tail with an infinite denominator: the regularised upper incomplete gamma.
 * @example chiSquareUpperP(3.84, 1) // 0.0500435212487052
 */
export function chiSquareUpperP(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return upperIncompleteGamma(df / 2, x / 2);
}

/**
 * P(|Z| >= |z|) for a standard normal Z (R: 2 * pnorm(-abs(z))), as the chi-square tail of
 * z^2 on 1 df. Student's t at a huge df is no substitute: the incomplete beta then takes
 * gammaln of ~df and keeps only ~6 digits.
 * @example normalTwoSidedP(2) // 0.0455002638963584
 */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return chiSquareUpperP(z * z, 1);
}

/**
 * The two-sided normal critical value for `confidence` (R: qnorm(1 - (1 - confidence) / 2)),
 * by bisection of normalTwoSidedP to machine precision.
 * @example normalCritical(0.95) // 1.959963984540054
 */
export function normalCritical(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) return NaN;
  const alpha = 1 - confidence;
  let low = 0;
  let high = 40;
  for (let i = 0; i < 200 && high - low > 1e-16 * high; i++) {
    const mid = (low + high) / 2;
    if (normalTwoSidedP(mid) > alpha) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Regularised upper incomplete gamma Q(a, x) (Numerical Recipes 6.2: series or continued fraction). */
function upperIncompleteGamma(a: number, x: number): number {
  const logFront = -x + a * Math.log(x) - gammaln(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(logFront);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return Math.exp(logFront) * h;
}
