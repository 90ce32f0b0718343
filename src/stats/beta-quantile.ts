/**
 * Quantiles of the beta distribution, for Clopper-Pearson-type intervals: the regularised
 * incomplete beta function (t-quantile.ts) inverted by bisection to machine precision.
 * Slow-ish (~60 evaluations) but called only for the few intervals near a bound.
 */
import { incompleteBeta } from './t-quantile';

/**
 * The p-quantile of Beta(a, b) (a, b > 0, not necessarily whole).
 * @example betaQuantile(0.025, 3, 8) // 0.06673951 (R: qbeta(0.025, 3, 8))
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 200 && high - low > 1e-16; i++) {
    const mid = (low + high) / 2;
    if (mid === low || mid === high) break;
    if (incompleteBeta(mid, a, b) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
