import { describe, expect, it } from 'vitest';
import { morrisIndices, morrisSteps, rowMoments, sobolIndices, type Estimate } from '../../../src/stats/sensitivity';
import { morrisDelta, morrisDesign } from '../../../src/sweep/designs/morris';
import { saltelliDesign } from '../../../src/sweep/designs/saltelli';
import { uniformStream } from '../../../src/sweep/seed';
import { gFunction, gIndices, ishigami, ishigamiIndices, normalStream } from './functions';

const toPi = (u: readonly number[]) => u.map((x) => -Math.PI + 2 * Math.PI * x);
const deterministic = (y: number[]) => rowMoments(y.length, y.map((value, row) => ({ row, value })));
const inside = (e: Estimate, truth: number) => {
  expect(e.lo).toBeLessThanOrEqual(truth);
  expect(e.hi).toBeGreaterThanOrEqual(truth);
};

describe('Sobol indices (Saltelli 2010 first order, Jansen total)', () => {
  it('Ishigami (a = 7, b = 0.1) at N = 2^12: every analytic index inside its 95 % bootstrap interval', () => {
    const truth = ishigamiIndices();
    // Published values (Saltelli et al. 2008; SALib docs): S1 0.3139 0.4424 0, ST 0.5576 0.4424 0.2437.
    expect(truth.S1.map((s) => +s.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(truth.ST.map((s) => +s.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
    const x = saltelliDesign(4096, 3, true, uniformStream(11, 1));
    const result = sobolIndices(deterministic(x.map((u) => ishigami(toPi(u)))), 3, { secondOrder: true, seed: 5, resamples: 500 });
    expect(result.n).toBe(4096);
    truth.S1.forEach((s, i) => inside(result.S1[i], s));
    truth.ST.forEach((s, i) => inside(result.ST[i], s));
    // S13 = V13 / V = 0.2437; S12 = S23 = 0.
    expect(result.pairs).toEqual([[0, 1], [0, 2], [1, 2]]);
    [0, 0.2437, 0].forEach((s, k) => {
      expect(result.S2[k].lo).toBeLessThan(s + 0.02);
      expect(result.S2[k].hi).toBeGreaterThan(s - 0.02);
    });
    expect(result.noiseShare).toBeNull();
  });

  it('Sobol G with a = (0, 1, 4.5, 9, 99, 99, 99, 99) at N = 2^12: analytic S1 and ST inside the intervals', () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const truth = gIndices(a);
    const x = saltelliDesign(4096, 8, false, uniformStream(3, 1));
    const result = sobolIndices(deterministic(x.map((u) => gFunction(u, a))), 8, { seed: 9, resamples: 500 });
    truth.S1.forEach((s, i) => inside(result.S1[i], s));
    truth.ST.forEach((s, i) => inside(result.ST[i], s));
    // Analytic values, from python3 + numpy:
    //   a = np.array([0, 1, 4.5, 9, 99, 99, 99, 99.]); vi = 1 / (3 * (1 + a)**2); v = np.prod(1 + vi) - 1
    //   vi / v -> 0.7162 0.1790 0.0237 0.0072 0.0001 ...
    //   [vi[i] * np.prod(np.delete(1 + vi, i)) / v for i in range(8)] -> 0.7871 0.2422 0.0343 0.0105 0.0001 ...
    expect(truth.S1.map((s) => +s.toFixed(4))).toEqual([0.7162, 0.179, 0.0237, 0.0072, 0.0001, 0.0001, 0.0001, 0.0001]);
    expect(truth.ST.map((s) => +s.toFixed(4))).toEqual([0.7871, 0.2422, 0.0343, 0.0105, 0.0001, 0.0001, 0.0001, 0.0001]);
  });

  it('Ishigami plus seed noise of known variance: noise share and the indices of the conditional mean recovered', () => {
    const truth = ishigamiIndices();
    const sigma2 = truth.variance; // noise as large as the signal: share 0.5
    const replicates = 4;
    const x = saltelliDesign(1024, 3, false, uniformStream(21, 1));
    const noise = normalStream(uniformStream(21, 2));
    const values = x.flatMap((u, row) => {
      const f = ishigami(toPi(u));
      return Array.from({ length: replicates }, () => ({ row, value: f + Math.sqrt(sigma2) * noise() }));
    });
    const result = sobolIndices(rowMoments(x.length, values), 3, { seed: 2, resamples: 500 });
    inside(result.noiseShare!, 0.5);
    expect(result.noiseShare!.hi - result.noiseShare!.lo).toBeLessThan(0.06);
    truth.S1.forEach((s, i) => inside(result.S1[i], s));
    truth.ST.forEach((s, i) => inside(result.ST[i], s));
  });

  it('converges: the interval at N shrinks from N/4 and the estimate moves towards the truth', () => {
    const x = saltelliDesign(4096, 3, false, uniformStream(11, 1));
    const rows = deterministic(x.map((u) => ishigami(toPi(u))));
    const quarter = sobolIndices(rows, 3, { baseRows: 1024, resamples: 300 });
    const full = sobolIndices(rows, 3, { resamples: 300 });
    expect(quarter.n).toBe(1024);
    for (let i = 0; i < 3; i++) expect(full.ST[i].hi - full.ST[i].lo).toBeLessThan(quarter.ST[i].hi - quarter.ST[i].lo);
  });

  it('is deterministic: the same bytes for the same seed, other intervals for another bootstrap seed', () => {
    const x = saltelliDesign(64, 3, false, uniformStream(1, 1));
    const rows = deterministic(x.map((u) => ishigami(toPi(u))));
    expect(JSON.stringify(sobolIndices(rows, 3, { seed: 1 }))).toBe(JSON.stringify(sobolIndices(rows, 3, { seed: 1 })));
    expect(sobolIndices(rows, 3, { seed: 1 }).S1[0].lo).not.toBe(sobolIndices(rows, 3, { seed: 2, resamples: 500 }).S1[0].lo);
  });
});

describe('Morris elementary effects', () => {
  // y = 10 x0 + 5 x1^2 + x2 + 0 x3 + 0 x4 - 8 x5 + 6 x0 x1: x3 and x4 inert.
  const f = (x: readonly number[]) => 10 * x[0] + 5 * x[1] ** 2 + x[2] - 8 * x[5] + 6 * x[0] * x[1];

  it('ranks known strong factors above weak ones and gives inert factors mu* = 0', () => {
    const d = 6;
    const x = morrisDesign(20, d, 4, uniformStream(4, 1), 60);
    const steps = morrisSteps(x, d);
    if ('badRow' in steps) throw new Error('bad design');
    const r = morrisIndices(deterministic(x.map(f)), steps, d, morrisDelta(4), { seed: 1 });
    const muStar = r.muStar.map((e) => e.estimate);
    expect(muStar[3]).toBe(0);
    expect(muStar[4]).toBe(0);
    expect(r.sigma[3].estimate).toBe(0);
    // Linear effects have sigma 0 and mu = the slope exactly (delta-free).
    expect(r.mu[5].estimate).toBeCloseTo(-8, 12);
    expect(r.sigma[5].estimate).toBeCloseTo(0, 12);
    expect(r.mu[2].estimate).toBeCloseTo(1, 12);
    // Order of mu*: x0 (10..16) > x5 (8) > x1 (between 5 and 11 with interaction; check below x0) > x2 (1) > inert.
    expect(muStar[0]).toBeGreaterThan(muStar[5]);
    expect(muStar[5]).toBeGreaterThan(muStar[2]);
    expect(muStar[1]).toBeGreaterThan(muStar[2]);
    expect(muStar[2]).toBeGreaterThan(muStar[3]);
    // The interacting factors have sigma > 0 and an interval around mu*.
    expect(r.sigma[0].estimate).toBeGreaterThan(0);
    expect(r.muStar[0].lo).toBeLessThanOrEqual(muStar[0]);
    expect(r.muStar[0].hi).toBeGreaterThanOrEqual(muStar[0]);
  });

  it('reads the moved parameter and its direction from the rows, and names a row that moves none', () => {
    const x = [[0, 0], [1 / 3, 0], [1 / 3, 2 / 3]];
    expect(morrisSteps(x, 2)).toEqual({ factor: Int32Array.from([0, 1]), sign: Int8Array.from([1, 1]) });
    expect(morrisSteps([[0, 0], [0, 0], [1, 1]], 2)).toEqual({ badRow: 1 });
    expect(morrisSteps([[0, 0], [1, 1], [1, 1]], 2)).toEqual({ badRow: 1 });
  });
});
