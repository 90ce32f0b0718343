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

  it('corrects sigma for seed noise and gives the noise-only mu*: exact values on fixed replicates', () => {
    // Three trajectories of two parameters (4 levels, delta = 2/3) with 2 or 3 replicates per row.
    const x = [[0, 0], [2 / 3, 0], [2 / 3, 2 / 3], [1 / 3, 1 / 3], [1 / 3, 1], [1, 1], [1, 1 / 3], [1 / 3, 1 / 3], [1 / 3, 1]];
    const reps = [[1.0, 1.4], [2.0, 2.6, 2.3], [2.1, 1.9], [0.5, 0.9], [0.7, 0.6, 0.2], [3.0, 3.4], [2.2, 2.8], [0.4, 0.1], [0.9, 1.5, 1.2]];
    const steps = morrisSteps(x, 2);
    if ('badRow' in steps) throw new Error('bad design');
    const rows = rowMoments(9, reps.flatMap((vs, row) => vs.map((value) => ({ row, value }))));
    const m = morrisIndices(rows, steps, 2, 2 / 3, { resamples: 0 });
    // Independent numpy implementation (python3, numpy 2.4):
    //   mean = [np.mean(r) for r in reps]; nm = [np.var(r, ddof=1) / len(r) for r in reps]
    //   per step a -> b moving parameter i: ee[t, i] = sign (mean[b] - mean[a]) / delta, v[t, i] = (nm[a] + nm[b]) / delta**2
    //   sigma = ee.std(0, ddof=1); sigma_corrected = sqrt(max(0, sigma**2 - v.mean(0))); mu_star_noise = sqrt(2 v.mean(0) / pi)
    //   -> mu [3.0250000000000004, 0.2250000000000001], mu_star [3.0250000000000004, 0.725],
    //      sigma [1.2376893794486565, 1.0419332992087353], sigma_corrected [1.1608186766243902, 0.9842509842514764],
    //      mu_star_noise [0.34260293421141735, 0.2727726817250237]
    const est = (e: Estimate[]) => e.map((v) => v.estimate);
    [3.0250000000000004, 0.2250000000000001].forEach((v, i) => expect(est(m.mu)[i]).toBeCloseTo(v, 12));
    [3.0250000000000004, 0.725].forEach((v, i) => expect(est(m.muStar)[i]).toBeCloseTo(v, 12));
    [1.2376893794486565, 1.0419332992087353].forEach((v, i) => expect(est(m.sigma)[i]).toBeCloseTo(v, 12));
    [1.1608186766243902, 0.9842509842514764].forEach((v, i) => expect(est(m.sigmaCorrected)[i]).toBeCloseTo(v, 12));
    [0.34260293421141735, 0.2727726817250237].forEach((v, i) => expect(est(m.muStarNoise)[i]).toBeCloseTo(v, 12));
  });

  it('with seed noise of known variance: corrected sigma recovers the noise-free sigma, and an inert mu* sits at the noise-only mu*', () => {
    const d = 6;
    const x = morrisDesign(200, d, 4, uniformStream(8, 1));
    const steps = morrisSteps(x, d);
    if ('badRow' in steps) throw new Error('bad design');
    const clean = morrisIndices(deterministic(x.map(f)), steps, d, morrisDelta(4), { seed: 3, resamples: 300 });
    const noise = normalStream(uniformStream(8, 2));
    const replicates = 2;
    const sd = 1.5; // EE noise sd sqrt(2 sd^2 / R) / delta = 2.25, as large as sigma of x0
    const values = x.flatMap((u, row) => Array.from({ length: replicates }, () => ({ row, value: f(u) + sd * noise() })));
    const noisy = morrisIndices(rowMoments(x.length, values), steps, d, morrisDelta(4), { seed: 3, resamples: 300 });
    // The raw sigma of the inert x3 is inflated to about the noise level; the corrected one is near 0.
    expect(noisy.sigma[3].estimate).toBeGreaterThan(1.5);
    expect(noisy.sigmaCorrected[3].lo).toBeLessThan(0.5);
    // Corrected sigma of the interacting and the linear factors covers their noise-free value.
    for (const i of [0, 1, 5]) {
      expect(noisy.sigmaCorrected[i].lo).toBeLessThanOrEqual(clean.sigma[i].estimate);
      expect(noisy.sigmaCorrected[i].hi).toBeGreaterThanOrEqual(clean.sigma[i].estimate);
    }
    // mu* of the inert factors equals what noise alone gives: E|N(0, 2 sd^2 / (R delta^2))| = sqrt(2 / pi) * 2.25 = 1.795.
    const floor = Math.sqrt(2 / Math.PI) * Math.sqrt((2 * sd ** 2) / replicates) / morrisDelta(4);
    expect(noisy.muStarNoise[3].lo).toBeLessThan(floor);
    expect(noisy.muStarNoise[3].hi).toBeGreaterThan(floor);
    for (const i of [3, 4]) {
      expect(noisy.muStar[i].lo).toBeLessThan(floor);
      expect(noisy.muStar[i].hi).toBeGreaterThan(floor);
    }
    // Without replicates the corrections are the raw values and zero.
    expect(clean.sigmaCorrected.map((e) => e.estimate)).toEqual(clean.sigma.map((e) => e.estimate));
    expect(clean.muStarNoise.every((e) => e.estimate === 0)).toBe(true);
  });

  it('reads the moved parameter and its direction from the rows, and names a row that moves none', () => {
    const x = [[0, 0], [1 / 3, 0], [1 / 3, 2 / 3]];
    expect(morrisSteps(x, 2)).toEqual({ factor: Int32Array.from([0, 1]), sign: Int8Array.from([1, 1]) });
    expect(morrisSteps([[0, 0], [0, 0], [1, 1]], 2)).toEqual({ badRow: 1 });
    expect(morrisSteps([[0, 0], [1, 1], [1, 1]], 2)).toEqual({ badRow: 1 });
  });
});
