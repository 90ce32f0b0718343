/**
 * Sobol indices of a replicated randomised-QMC design (R independent scrambles, each a
 * whole Saltelli design): the per-block estimator and the t interval over blocks, against
 * independent implementations on fixed numbers (numpy + scipy, and R's t.test).
 */
import { describe, expect, it } from 'vitest';
import { blockedSobolIndices, blockMean, rowMoments } from '../../../src/stats/sensitivity';

// d = 2 parameters (groups of d + 2 = 4 rows), R = 3 blocks of 4 base rows, 2 replicates a row:
// y[r, k] = sin(1.3 r + 0.7 k) + (r % 5) / 10 + k cos(r) / 4.
const D = 2;
const R = 3;
const ROWS = R * 4 * (D + 2);
const values = Array.from({ length: ROWS }, (_, r) => [0, 1].map((k) => ({ row: r, value: Math.sin(1.3 * r + 0.7 * k) + (r % 5) / 10 + (k * Math.cos(r)) / 4 }))).flat();
const rows = rowMoments(ROWS, values);

describe('blockedSobolIndices (replicated scrambles)', () => {
  // Reference (python3, Debian numpy/scipy), an independent implementation of the per-block
  // estimator (centred on the A and B rows, seed noise of the row means subtracted) and the
  // mean over blocks with its t interval on R - 1 df:
  //   import numpy as np; from scipy import stats
  //   d = 2; g = d + 2; R = 3; nb = 4; rows = R * nb * g
  //   r = np.arange(rows)[:, None]; k = np.arange(2)[None, :]
  //   Y = np.sin(1.3 * r + 0.7 * k) + (r % 5) / 10 + k * np.cos(r) / 4
  //   m = Y.mean(1); w = Y.var(1, ddof=1)
  //   def block(b, per):
  //       s = slice(b * nb * g, b * nb * g + per * g); mb, wb = m[s], w[s]
  //       noise = (wb / 2).mean(); within = wb.mean(); A, B = mb[0::g], mb[g-1::g]
  //       c = np.r_[A, B].mean(); V = np.mean(np.r_[A - c, B - c]**2) - noise
  //       out = []
  //       for i in range(d):
  //           AB = mb[i+1::g]; out += [np.mean((B - c) * (AB - A)) / V, (np.mean((A - AB)**2) / 2 - noise) / V]
  //       return out + [within / (V + within)]
  //   for per in (nb, 2):
  //       v = np.array([block(b, per) for b in range(R)]); mean = v.mean(0)
  //       half = stats.t.ppf(0.975, R - 1) * v.std(0, ddof=1) / np.sqrt(R); print(mean, mean - half, mean + half)
  // Columns: S1 g1, ST g1, S1 g2, ST g2, noise share.
  const reference = {
    4: {
      est: [-0.04313322800697426, 0.6239543322424818, 1.3214296890007258, 1.8706066197850697, 0.30232473609884886],
      lo: [-0.8034597344117935, -0.10910883277575234, 0.583403784342374, 0.8113378240314131, 0.18899624315390345],
      hi: [0.717193278397845, 1.3570174972607159, 2.0594555936590773, 2.929875415538726, 0.41565322904379426],
    },
    2: {
      est: [-0.18328939937507763, 0.8352552954352966, 1.866919899100302, 2.6196843751753636, 0.42603312468934557],
      lo: [-1.69925697435145, -1.1933894507974236, -0.5783164571551525, -0.6480342298928154, 0.06973823617827929],
      hi: [1.3326781756012946, 2.863900041668017, 4.312156255355756, 5.887402980243543, 0.7823280132004118],
    },
  } as const;
  for (const per of [4, 2] as const) {
    it(`equals numpy on fixed numbers (${per} base rows of each of the 3 blocks)`, () => {
      const s = blockedSobolIndices(rows, D, { blocks: R, baseRows: per });
      expect(s.n).toBe(per * R);
      const got = [s.S1[0], s.ST[0], s.S1[1], s.ST[1], s.noiseShare!];
      got.forEach((e, c) => {
        expect(e.estimate, `estimate ${c}`).toBeCloseTo(reference[per].est[c], 12);
        expect(e.lo, `lo ${c}`).toBeCloseTo(reference[per].lo[c], 10);
        expect(e.hi, `hi ${c}`).toBeCloseTo(reference[per].hi[c], 10);
      });
    });
  }

  it('a block whose output is constant leaves the index undefined (no mean of the other blocks)', () => {
    const flat = rowMoments(ROWS, values.map((v) => (v.row < 16 ? { row: v.row, value: 1 } : v)));
    const s = blockedSobolIndices(flat, D, { blocks: R });
    expect(s.S1[0]).toEqual({ estimate: NaN, lo: NaN, hi: NaN, undefinedBlocks: 1 });
  });
});

describe('blockMean: the 95 % t interval on R - 1 degrees of freedom', () => {
  it('equals R t.test on fixed numbers', () => {
    // Rscript -e 'x <- c(0.31, 0.18, 0.44, 0.27, 0.35); print(t.test(x)$conf.int, digits = 17)'
    //   -> 0.19058058059500099 0.42941941940499900 (mean 0.31)
    const e = blockMean([0.31, 0.18, 0.44, 0.27, 0.35]);
    expect(e.estimate).toBeCloseTo(0.31, 14);
    expect(e.lo).toBeCloseTo(0.19058058059500099, 12);
    expect(e.hi).toBeCloseTo(0.429419419405, 12);
  });
  it('uses R - 1 df, not a normal quantile: with 2 blocks the half-width is t(0.975, 1) = 12.706 standard errors', () => {
    // Rscript -e 'print(t.test(c(1, 2))$conf.int, digits = 17)' -> -4.8531023680873471 7.8531023680873471
    const e = blockMean([1, 2]);
    expect(e.lo).toBeCloseTo(-4.8531023680873471, 12);
    expect(e.hi).toBeCloseTo(7.8531023680873471, 12);
  });
});
