/**
 * A linear contrast of binomial shares, sum c_i p_i, with the adjusted Wald interval of
 * Price & Bonett (2004, Computational Statistics & Data Analysis 45, 449-456): each share
 * is estimated as (x_i + 2/m) / (n_i + 4/m), m the number of shares in the contrast. For a
 * difference of two shares (m = 2) this is the Agresti-Caffo interval. Unlike a linear
 * probability model it gives a usable interval when every run of a cell is 0 or every run
 * is 1 (common for `locked_in`), and it is clipped to the contrast's possible range.
 */
import { chiSquareUpperP } from './p-value';
import { Z95 } from './wilson';

export interface ShareCell {
  successes: number;
  n: number;
  coef: number;
}

export interface ShareContrast {
  /** sum c_i x_i / n_i (the plain estimate) and the adjusted interval. */
  estimate: number;
  lo: number;
  hi: number;
  /** Two-sided p of the adjusted Wald z statistic. */
  p: number;
  cells: number;
}

/**
 * The contrast and its 95 % interval; cells with n = 0 or coefficient 0 are left out.
 * @example shareContrast([{ successes: 8, n: 8, coef: 1 }, { successes: 0, n: 8, coef: -1 }]) // estimate 1, lo 0.537, hi 1 (clipped)
 */
export function shareContrast(cells: readonly ShareCell[], z = Z95): ShareContrast {
  const used = cells.filter((c) => c.n > 0 && c.coef !== 0);
  const m = used.length;
  if (m === 0) return { estimate: NaN, lo: NaN, hi: NaN, p: NaN, cells: 0 };
  let estimate = 0;
  let centre = 0;
  let variance = 0;
  let min = 0;
  let max = 0;
  for (const c of used) {
    const tilde = (c.successes + 2 / m) / (c.n + 4 / m);
    estimate += (c.coef * c.successes) / c.n;
    centre += c.coef * tilde;
    variance += (c.coef * c.coef * tilde * (1 - tilde)) / (c.n + 4 / m);
    if (c.coef < 0) min += c.coef;
    else max += c.coef;
  }
  const half = z * Math.sqrt(variance);
  // Two-sided normal p: z^2 is chi-square with 1 degree of freedom.
  const p = variance > 0 ? chiSquareUpperP((centre * centre) / variance, 1) : NaN;
  return { estimate, lo: Math.max(min, centre - half), hi: Math.min(max, centre + half), p, cells: m };
}
