/**
 * Unscrambled Sobol sequence in [0, 1)^d with the Joe-Kuo direction numbers, in the Gray
 * code order of Antonov & Saleev (1979), as Joe & Kuo's own generator and SciPy
 * (`qmc.Sobol(d, scramble=False)`) emit it: point 0 is the origin, then 1/2, ...
 * 32-bit direction numbers, so up to 2^32 points.
 */
import { JOE_KUO_6_21201 } from './joe-kuo';

const BITS = 32;

interface Polynomial { degree: number; inner: number; initial: number[] }

const POLYNOMIALS: Polynomial[] = JOE_KUO_6_21201.trim()
  .split('\n')
  .map((line) => {
    const [, s, a, ...m] = line.trim().split(/\s+/).map(Number);
    return { degree: s, inner: a, initial: m };
  });

/** Dimensions the embedded direction numbers support. */
export const SOBOL_MAX_DIMENSIONS = POLYNOMIALS.length + 1;

/** The BITS direction numbers V_1..V_BITS of dimension `dim` (0-based), as uint32. */
function directionNumbers(dim: number): Uint32Array {
  const v = new Uint32Array(BITS + 1); // 1-based, as in Joe & Kuo's paper
  if (dim === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const { degree: s, inner: a, initial: m } = POLYNOMIALS[dim - 1];
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (m[i - 1] * 2 ** (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let x = (v[i - s] ^ (v[i - s] >>> s)) >>> 0;
    for (let k = 1; k <= s - 1; k++) if ((a >>> (s - 1 - k)) & 1) x = (x ^ v[i - k]) >>> 0;
    v[i] = x;
  }
  return v;
}

/** Points `start` .. `start + n - 1` of the d-dimensional Sobol sequence. */
export function sobolPoints(n: number, d: number, start = 0): number[][] {
  if (d > SOBOL_MAX_DIMENSIONS) throw new RangeError(`Sobol: at most ${SOBOL_MAX_DIMENSIONS} dimensions`);
  const directions = Array.from({ length: d }, (_, j) => directionNumbers(j));
  const points: number[][] = [];
  for (let i = start; i < start + n; i++) {
    let gray = (i ^ (i >>> 1)) >>> 0; // Gray code of i, i < 2^32
    const point = new Array<number>(d).fill(0);
    const x = new Uint32Array(d);
    for (let bit = 1; gray > 0; bit++, gray = Math.floor(gray / 2)) {
      if (gray % 2) for (let j = 0; j < d; j++) x[j] ^= directions[j][bit];
    }
    for (let j = 0; j < d; j++) point[j] = x[j] / 2 ** BITS;
    points.push(point);
  }
  return points;
}

/**
 * Points 0 .. n-1 of a scrambled Sobol sequence in [0, 1)^d: a random linear matrix
 * scramble (Matousek 1998) of each dimension's direction numbers followed by a random
 * digital shift, the scrambling SciPy's `qmc.Sobol(d, scramble=True)` applies (and so
 * SALib's Saltelli sampler). Scrambling keeps the net property (balance of every
 * power-of-two prefix) and removes the degenerate origin, so no point is skipped.
 */
export function scrambledSobolPoints(n: number, d: number, uniform: () => number): number[][] {
  if (d > SOBOL_MAX_DIMENSIONS) throw new RangeError(`Sobol: at most ${SOBOL_MAX_DIMENSIONS} dimensions`);
  const randomBits = () => Math.floor(uniform() * 2 ** BITS) >>> 0;
  const directions = Array.from({ length: d }, (_, j) => {
    const v = directionNumbers(j);
    // Row k of a lower-triangular binary matrix with unit diagonal: digit k (bit BITS-1-k)
    // of a scrambled number is the parity of (row k AND the number).
    const rows = new Uint32Array(BITS);
    for (let k = 0; k < BITS; k++) {
      const above = k === 0 ? 0 : (randomBits() >>> (BITS - k)) << (BITS - k);
      rows[k] = (above | (1 << (BITS - 1 - k))) >>> 0;
    }
    const scrambled = new Uint32Array(BITS + 1);
    for (let i = 1; i <= BITS; i++) {
      let out = 0;
      for (let k = 0; k < BITS; k++) if (parity(rows[k] & v[i])) out |= 1 << (BITS - 1 - k);
      scrambled[i] = out >>> 0;
    }
    return scrambled;
  });
  const shift = Array.from({ length: d }, randomBits);
  const points: number[][] = [];
  const x = new Uint32Array(d);
  for (let i = 0; i < n; i++) {
    // Gray-code recurrence: point i differs from point i-1 by the direction number of the
    // lowest zero bit of i-1.
    if (i > 0) {
      let c = 1;
      for (let m = i - 1; m & 1; m >>>= 1) c++;
      for (let j = 0; j < d; j++) x[j] = (x[j] ^ directions[j][c]) >>> 0;
    }
    const point = new Array<number>(d);
    for (let j = 0; j < d; j++) point[j] = ((x[j] ^ shift[j]) >>> 0) / 2 ** BITS;
    points.push(point);
  }
  return points;
}

function parity(v: number): number {
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  v ^= v >>> 2;
  v ^= v >>> 1;
  return v & 1;
}
