/**
 * The upper tail of the binomial distribution, P(X >= k) for X ~ Binomial(n, p), from the
 * regularised incomplete beta function: P(X >= k) = I_p(k, n - k + 1) for 1 <= k <= n.
 * @example binomialUpperTail(7, 10, 0.3) // 0.010592078
 */
import { incompleteBeta } from './t-quantile';

export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return incompleteBeta(p, k, n - k + 1);
}
