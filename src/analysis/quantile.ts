/**
 * The p-quantile of a sample by linear interpolation between order statistics (Hyndman
 * and Fan 1996 type 7, R's default `quantile(x, p)`).
 * @example quantile7([1, 2, 3, 4], 0.9) // 3.7
 */
export function quantile7(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
