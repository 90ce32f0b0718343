/**
 * Saltelli's design for Sobol indices (Saltelli 2002; Saltelli et al. 2010): a scrambled
 * Sobol sequence of dimension 2D gives N rows, A its first D columns and B its last D.
 * For each base row j the design lists A_j, then AB_j^(i) (A_j with column i taken from
 * B_j) for i = 1..D, then, with second-order indices, BA_j^(i) (B_j with column i from
 * A_j), then B_j: N (D + 2) rows, or N (2D + 2). This is SALib's `saltelli`/`sobol`
 * sampler's row order, so its designs and ours are read by one analysis.
 *
 * Replicated randomised QMC (Owen 1997; L'Ecuyer, Munger & Tuffin 2010; L'Ecuyer 2018):
 * with R scrambles, the design is R complete Saltelli designs of N / R base rows one after
 * the other, each from its own independent scramble (drawn in turn from the same uniform
 * stream). The blocks are independent and identically distributed, so the spread of an
 * index between them gives a valid interval, which the rows of one scrambled sequence do
 * not (they are not independent).
 */
import { scrambledSobolPoints } from './sobol';

/** The column of a replicated design (`lrsim sample saltelli --scrambles R`) that numbers its scrambles 1..R (written last). */
export const BLOCK_COLUMN = 'block';

/** Rows per base row: D + 2, or 2D + 2 with second-order indices. */
export const saltelliGroupSize = (d: number, secondOrder: boolean) => (secondOrder ? 2 * d + 2 : d + 2);

/** True when n is a power of two (1, 2, 4, ...). */
export const isPowerOfTwo = (n: number) => Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0 && n <= 2 ** 30;

/** The power of two nearest n (the lower one on a tie). */
export function nearestPowerOfTwo(n: number): number {
  const lower = 2 ** Math.max(0, Math.floor(Math.log2(Math.max(1, n))));
  return n - lower <= 2 * lower - n ? lower : 2 * lower;
}

/**
 * The unit-cube Saltelli design of N base rows in d dimensions; with `scrambles` R > 1, R
 * blocks of N / R base rows, each from its own scramble (block k is rows
 * (k - 1) (N / R) g to k (N / R) g - 1, g the group size). R = 1 is the single-scramble design.
 */
export function saltelliDesign(n: number, d: number, secondOrder: boolean, uniform: () => number, scrambles = 1): number[][] {
  if (!(Number.isInteger(scrambles) && scrambles >= 1 && n % scrambles === 0)) throw new RangeError(`Saltelli design: ${scrambles} scrambles do not divide N = ${n}`);
  const base = Array.from({ length: scrambles }, () => scrambledSobolPoints(n / scrambles, 2 * d, uniform)).flat();
  const rows: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, d);
    const b = row.slice(d);
    rows.push(a);
    for (let i = 0; i < d; i++) rows.push(a.map((v, k) => (k === i ? b[i] : v)));
    if (secondOrder) for (let i = 0; i < d; i++) rows.push(b.map((v, k) => (k === i ? a[i] : v)));
    rows.push(b);
  }
  return rows;
}
