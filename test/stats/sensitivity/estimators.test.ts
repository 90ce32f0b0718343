/**
 * The Sobol and Morris estimators and the bootstrap on tiny hand-built designs (fast: the
 * ensemble checks live in indices.test.ts), against an independent numpy implementation:
 *
 *   import numpy as np   # /usr/bin/python3, Debian numpy
 *   def sobol(y, within, count, d, second):
 *       G = 2*d + 2 if second else d + 2
 *       y = np.array(y).reshape(-1, G); W = np.array(within).reshape(-1, G); C = np.array(count).reshape(-1, G)
 *       A = y[:, 0]; B = y[:, -1]
 *       nm = np.where(C > 0, W / np.maximum(C, 1), 0).mean(); wi = W.mean()
 *       c = np.concatenate([A, B]).mean()          # centring on the A and B rows
 *       V = np.concatenate([A, B]).var() - nm
 *       S1 = [np.mean((B - c) * (y[:, 1+i] - A)) / V for i in range(d)]
 *       ST = [(np.mean((A - y[:, 1+i])**2) / 2 - nm) / V for i in range(d)]
 *       S2 = [np.mean((y[:, 1+d+i] - c) * (y[:, 1+j] - c) - (A - c)*(B - c)) / V - S1[i] - S1[j] for i in range(d) for j in range(i+1, d)] if second else []
 *       return S1, ST, S2, wi / (V + wi), V
 *   y1 = [1.0,2.5,0.5,3.0, 2.0,2.2,4.0,1.5, -1.0,0.5,0.0,2.0]
 *   sobol(y1, [0]*12, [1]*12, 2, False)
 *     # S1 [0.7095022624434387, -0.009049773755656148], ST [0.4930316742081447, 0.5701357466063347], V 1.5347222222222225
 *     # (uncentred, as before the fix: S1 [1.6941176470588233, 0.760180995475113])
 *   w1 = [0.2,0.1,0.3,0.0, 0.4,0.2,0.1,0.3, 0.0,0.5,0.2,0.1]; c1 = [2,3,2,1, 2,2,4,3, 1,2,2,2]
 *   sobol(y1, w1, c1, 2, False)
 *     # S1 [0.754935002407318, -0.009629272989889304], ST [0.4605681271064034, 0.5426095329802598],
 *     # noise share 0.12177589852008457, V 1.4423611111111114
 *   y2 = [1.0,2.5,0.5,1.2,2.8,3.0, 2.0,2.2,4.0,3.1,0.7,1.5, -1.0,0.5,0.0,0.3,1.1,2.0]
 *   sobol(y2, [0]*18, [1]*18, 2, True)   # S1, ST as for y1, S2 [1.0696832579185518]
 *   Morris, d = 2, delta = 0.5, trajectories [0,0] [0.5,0] [0.5,0.5] and [1,1] [1,0.5] [0.5,0.5]:
 *   mean = [1,2,2.5, 4,5,1]; within = [0.2,0.4,0.1, 0.3,0.0,0.5]; count = [2,2,3, 2,1,2]
 *   ee[t, i] = sign (mean[b] - mean[a]) / delta; v[t, i] = (nm[a] + nm[b]) / delta**2, nm = within/count if count > 1 else 0
 *     # ee [[2, 1], [8, -2]]; mu [5, -0.5]; mu* [5, 1.5]; sigma [4.242640687119285, 2.1213203435596424]
 *     # sigma corrected sqrt(max(0, sigma^2 - v.mean(0))) [4.110960958218892, 1.9321835661585915]
 *     # mu* noise sqrt(2 v.mean(0) / pi) [0.8368283871884005, 0.6986237605572442]
 *   noise share over groups of 3 rows: nm = mean(nm), explained = y.var() - nm, W.mean() / (explained + W.mean())
 *     # groups [0, 1]: 0.10733452593917711; groups [1, 1]: 0.08823529411764705
 */
import { describe, expect, it } from 'vitest';
import { bootstrap, DEFAULT_RESAMPLES, MIN_BOOTSTRAP_GROUPS } from '../../../src/stats/sensitivity/bootstrap';
import { morrisIndices, morrisSteps, noiseShare } from '../../../src/stats/sensitivity/morris-indices';
import type { RowMoments } from '../../../src/stats/sensitivity/replicates';
import { sobolIndices } from '../../../src/stats/sensitivity/sobol-indices';

const moments = (mean: number[], within: number[], count: number[]): RowMoments => ({
  mean: Float64Array.from(mean),
  within: Float64Array.from(within),
  count: Int32Array.from(count),
});
const one = (mean: number[]) => moments(mean, mean.map(() => 0), mean.map(() => 1));
const estimates = (e: { estimate: number }[]) => e.map((v) => v.estimate);
const closeAll = (actual: number[], expected: number[], digits = 13) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, k) => expect(actual[k]).toBeCloseTo(v, digits));
};

const y1 = [1.0, 2.5, 0.5, 3.0, 2.0, 2.2, 4.0, 1.5, -1.0, 0.5, 0.0, 2.0];

describe('sobolIndices on a 3-base-row Saltelli design', () => {
  it('first order (Saltelli 2010), total (Jansen) and V over the A and B rows', () => {
    const s = sobolIndices(one(y1), 2, { resamples: 0 });
    expect(s.n).toBe(3);
    closeAll(estimates(s.S1), [0.7095022624434387, -0.009049773755656148]);
    closeAll(estimates(s.ST), [0.4930316742081447, 0.5701357466063347]);
    expect(s.variance).toBeCloseTo(1.5347222222222225, 14);
    expect([s.S2, s.pairs, s.noiseShare]).toEqual([[], [], null]);
    expect(s.S1.every((e) => Number.isNaN(e.lo) && Number.isNaN(e.hi))).toBe(true);
  });
  it('with replicates: the noise of the row means comes off V and the Jansen numerator; the noise share', () => {
    const s = sobolIndices(moments(y1, [0.2, 0.1, 0.3, 0.0, 0.4, 0.2, 0.1, 0.3, 0.0, 0.5, 0.2, 0.1], [2, 3, 2, 1, 2, 2, 4, 3, 1, 2, 2, 2]), 2, { resamples: 0 });
    closeAll(estimates(s.S1), [0.754935002407318, -0.009629272989889304]);
    closeAll(estimates(s.ST), [0.4605681271064034, 0.5426095329802598]);
    expect(s.noiseShare!.estimate).toBeCloseTo(0.12177589852008457, 14);
    expect(s.variance).toBeCloseTo(1.4423611111111114, 14);
  });
  it('second order (Saltelli 2002) on the 2d + 2 row layout', () => {
    const y2 = [1.0, 2.5, 0.5, 1.2, 2.8, 3.0, 2.0, 2.2, 4.0, 3.1, 0.7, 1.5, -1.0, 0.5, 0.0, 0.3, 1.1, 2.0];
    const s = sobolIndices(one(y2), 2, { secondOrder: true, resamples: 0 });
    expect(s.pairs).toEqual([[0, 1]]);
    closeAll(estimates(s.S1), [0.7095022624434387, -0.009049773755656148]);
    closeAll(estimates(s.ST), [0.4930316742081447, 0.5701357466063347]);
    closeAll(estimates(s.S2), [1.0696832579185518]);
  });
  it('uses only the first baseRows groups, and names a row count that does not fit', () => {
    const prefix = sobolIndices(one(y1), 2, { resamples: 0, baseRows: 2 });
    const alone = sobolIndices(one(y1.slice(0, 8)), 2, { resamples: 0 });
    expect(prefix.n).toBe(2);
    expect(estimates(prefix.S1)).toEqual(estimates(alone.S1));
    expect(sobolIndices(one(y1), 2, { resamples: 0, baseRows: 9 }).n).toBe(3);
    expect(() => sobolIndices(one(y1.slice(0, 10)), 2)).toThrow('Saltelli design: 10 rows is not a multiple of 4');
    expect(() => sobolIndices(one(y1.slice(0, 8)), 2, { secondOrder: true })).toThrow('Saltelli design: 8 rows is not a multiple of 6');
  });
  it('bootstraps with the default number of resamples and seed 0', () => {
    const twelve = Array.from({ length: 12 * 4 }, (_, i) => Math.sin(i * 1.7) + 0.3 * Math.cos(i * i));
    const a = sobolIndices(one(twelve), 2);
    const b = sobolIndices(one(twelve), 2, { resamples: DEFAULT_RESAMPLES, seed: 0 });
    expect(a).toEqual(b);
    expect(a.S1[0].lo).toBeLessThanOrEqual(a.S1[0].hi);
    // Three base rows: too few for an interval.
    expect(sobolIndices(one(y1), 2).S1.every((e) => Number.isNaN(e.lo) && Number.isNaN(e.hi))).toBe(true);
  });
});

const trajectories = [[0, 0], [0.5, 0], [0.5, 0.5], [1, 1], [1, 0.5], [0.5, 0.5]];
const morrisRows = () => moments([1, 2, 2.5, 4, 5, 1], [0.2, 0.4, 0.1, 0.3, 0.0, 0.5], [2, 2, 3, 2, 1, 2]);

describe('morrisSteps and morrisIndices on two trajectories', () => {
  it('reads the moved parameter and the direction of each step', () => {
    const steps = morrisSteps(trajectories, 2);
    if ('badRow' in steps) throw new Error('bad design');
    expect(Array.from(steps.factor)).toEqual([0, 1, 1, 0]);
    expect(Array.from(steps.sign)).toEqual([1, 1, -1, -1]);
    expect(morrisSteps([[0, 0], [0.5, 0.5], [0.5, 1]], 2)).toEqual({ badRow: 1 });
    expect(morrisSteps([[0, 0], [0.5, 0], [0.5, 0], [1, 1], [1, 0.5], [0.5, 0.5]], 2)).toEqual({ badRow: 2 });
    expect(morrisSteps([[0, 0], [0.5, 0], [0.5, 0.5], [1, 1], [1, 1], [0.5, 0.5]], 2)).toEqual({ badRow: 4 });
  });
  it('mu, mu*, sigma, the noise-corrected sigma, the noise-only mu* and the noise share', () => {
    const steps = morrisSteps(trajectories, 2);
    if ('badRow' in steps) throw new Error('bad design');
    const m = morrisIndices(morrisRows(), steps, 2, 0.5, { resamples: 0 });
    expect(m.r).toBe(2);
    closeAll(estimates(m.mu), [5, -0.5]);
    closeAll(estimates(m.muStar), [5, 1.5]);
    closeAll(estimates(m.sigma), [4.242640687119285, 2.1213203435596424]);
    closeAll(estimates(m.sigmaCorrected), [4.110960958218892, 1.9321835661585915]);
    closeAll(estimates(m.muStarNoise), [0.8368283871884005, 0.6986237605572442]);
    expect(m.noiseShare!.estimate).toBeCloseTo(0.10733452593917711, 14);
  });
  it('one replicate per row: no noise share, no noise correction; one trajectory: no sigma', () => {
    const steps = morrisSteps(trajectories, 2);
    if ('badRow' in steps) throw new Error('bad design');
    const m = morrisIndices(one([1, 2, 2.5, 4, 5, 1]), steps, 2, 0.5, { resamples: 0 });
    expect(m.noiseShare).toBeNull();
    expect(m.noisy).toBe(false);
    expect(morrisIndices(morrisRows(), steps, 2, 0.5, { resamples: 0 }).noisy).toBe(true);
    expect(estimates(m.sigmaCorrected)).toEqual(estimates(m.sigma));
    expect(estimates(m.muStarNoise)).toEqual([0, 0]);
    const first = morrisIndices(morrisRows(), steps, 2, 0.5, { resamples: 0, trajectories: 1 });
    expect(first.r).toBe(1);
    expect(estimates(first.mu)).toEqual([2, 1]);
    expect(first.sigma.every((e) => Number.isNaN(e.estimate))).toBe(true);
    expect(morrisIndices(morrisRows(), steps, 2, 0.5, { resamples: 0, trajectories: 5 }).r).toBe(2);
    expect(() => morrisIndices(moments([1, 2], [0, 0], [1, 1]), steps, 2, 0.5)).toThrow('Morris design: 2 rows is not a multiple of 3');
  });
  it('noiseShare over repeated groups, and a row without replicates adds no noise of its mean', () => {
    expect(noiseShare(morrisRows(), Int32Array.from([1, 1]), 3)).toBeCloseTo(0.08823529411764705, 14);
    const rows = moments([1, 3], [0, 0.5], [0, 2]);
    // mean 2, variance of the means 1, noise of the means (0 + 0.25) / 2, within 0.25: 0.25 / (1 - 0.125 + 0.25)
    expect(noiseShare(rows, Int32Array.from([0]), 2)).toBeCloseTo(0.25 / 1.125, 15);
  });
  it('bootstraps with the default resamples and seed', () => {
    const steps = morrisSteps(trajectories, 2);
    if ('badRow' in steps) throw new Error('bad design');
    expect(morrisIndices(morrisRows(), steps, 2, 0.5)).toEqual(morrisIndices(morrisRows(), steps, 2, 0.5, { resamples: DEFAULT_RESAMPLES, seed: 0 }));
    // Twelve trajectories (the two above, six times, with other outputs): intervals, and the defaults' ones.
    const x12 = Array.from({ length: 6 }, () => trajectories).flat();
    const steps12 = morrisSteps(x12, 2);
    if ('badRow' in steps12) throw new Error('bad design');
    const y12 = one(Array.from({ length: 36 }, (_, i) => Math.sin(i * 1.3) * (1 + (i % 4))));
    const m = morrisIndices(y12, steps12, 2, 0.5);
    expect(m.muStar[0].lo).toBeLessThan(m.muStar[0].hi);
    expect(m).toEqual(morrisIndices(y12, steps12, 2, 0.5, { resamples: DEFAULT_RESAMPLES, seed: 0 }));
    expect(m).not.toEqual(morrisIndices(y12, steps12, 2, 0.5, { resamples: DEFAULT_RESAMPLES, seed: 1 }));
  });
});

describe('bootstrap', () => {
  const meanOf = (values: number[]) => (idx: Int32Array) => Float64Array.of(Array.from(idx).reduce((s, i) => s + values[i], 0) / idx.length);
  it('the estimate on all groups and the 2.5 % and 97.5 % quantiles of the resampled statistic', () => {
    // Twenty groups 0..19: the interval lies strictly inside [0, 19] and around 9.5.
    const [w] = bootstrap(20, meanOf(Array.from({ length: 20 }, (_, i) => i)), 400, 1);
    expect(w.estimate).toBe(9.5);
    expect(w.lo).toBeGreaterThan(6);
    expect(w.lo).toBeLessThan(9.5);
    expect(w.hi).toBeGreaterThan(9.5);
    expect(w.hi).toBeLessThan(13);
    expect(w.dropped).toBeUndefined();
  });
  it('gives no interval below MIN_BOOTSTRAP_GROUPS groups (a percentile interval from so few under-covers)', () => {
    // python3 + numpy: coverage of the nominal 95 % percentile interval for the mean of n
    // standard normal values (4,000 samples, 1,000 resamples each, default_rng(1)):
    //   x = rng.standard_normal(n); b = x[rng.integers(0, n, (1000, n))].mean(1)
    //   lo, hi = np.quantile(b, [0.025, 0.975]); hits += lo <= 0 <= hi
    //   -> n = 5: 0.844, n = 10: 0.891, n = 20: 0.931
    expect(MIN_BOOTSTRAP_GROUPS).toBe(10);
    const values = Array.from({ length: 10 }, (_, i) => i * i);
    expect(bootstrap(9, meanOf(values), 500, 3)).toEqual([{ estimate: 204 / 9, lo: NaN, hi: NaN }]);
    const [ten] = bootstrap(10, meanOf(values), 500, 3);
    expect(ten.lo).toBeLessThan(ten.estimate);
    expect(ten.hi).toBeGreaterThan(ten.estimate);
    expect(bootstrap(2, meanOf([0, 1]), 1000, 3)).toEqual([{ estimate: 0.5, lo: NaN, hi: NaN }]);
  });
  it('is deterministic for a seed; a component with a non-finite resample gets no interval and the count of such resamples', () => {
    const values = [0, 1, 5, 2, 8, 3, 9, 4, 7, 6, 11, 10];
    const stat = meanOf(values);
    expect(bootstrap(12, stat, 200, 7)).toEqual(bootstrap(12, stat, 200, 7));
    expect(bootstrap(12, stat, 200, 7)).not.toEqual(bootstrap(12, stat, 200, 8));
    // NaN whenever a resample holds group 0 three times or more; the second component is always finite.
    const partial = (idx: Int32Array) => Float64Array.of(Array.from(idx).filter((i) => i === 0).length >= 3 ? NaN : 1, 2);
    const [p, q] = bootstrap(12, partial, 300, 2);
    expect(p.estimate).toBe(1);
    expect(p.lo).toBeNaN();
    expect(p.hi).toBeNaN();
    // P(group 0 drawn 3+ times in 12 draws of 12) = 0.0720 (scipy: 1 - binom.cdf(2, 12, 1/12)): about 22 of 300
    expect(p.dropped).toBeGreaterThan(8);
    expect(p.dropped).toBeLessThan(45);
    expect(q).toEqual({ estimate: 2, lo: 2, hi: 2 });
    // A statistic undefined on all groups: no interval, nothing counted.
    const [inf] = bootstrap(12, () => Float64Array.of(Infinity), 50, 2);
    expect(inf).toEqual({ estimate: Infinity, lo: NaN, hi: NaN });
    expect(bootstrap(12, stat, 0, 7)).toEqual([{ estimate: 5.5, lo: NaN, hi: NaN }]);
    expect(DEFAULT_RESAMPLES).toBe(1000);
  });
});

describe('sobolIndices, second order with three parameters and replicates', () => {
  // numpy, the sobol() above: y3 (3 base rows of 2d + 2 = 8), within w = [0.1 ((7 i) % 5)], count c = [1 + i % 3]
  //   sobol(y3, w, c, 3, True)
  //     # S1 [0.7667481662591684, -0.009779951100244539, 0.4048899755501221]
  //     # S2 [1.1559902200488996, -0.8625916870415644, 0.28948655256723727] for pairs (0,1), (0,2), (1,2)
  //     # noise share 0.12118607649333904, V 1.4201388888888893
  it('reads BA_i and AB_j for each pair and keeps the noise share and V after the pairs', () => {
    const y3 = [1.0, 2.5, 0.5, 1.5, 1.2, 2.8, 0.9, 3.0, 2.0, 2.2, 4.0, 0.6, 3.1, 0.7, 1.9, 1.5, -1.0, 0.5, 0.0, 0.8, 0.3, 1.1, 0.2, 2.0];
    const w = y3.map((_, i) => 0.1 * ((i * 7) % 5));
    const c = y3.map((_, i) => 1 + (i % 3));
    const s = sobolIndices(moments(y3, w, c), 3, { secondOrder: true, resamples: 0 });
    expect(s.pairs).toEqual([[0, 1], [0, 2], [1, 2]]);
    closeAll(estimates(s.S1), [0.7667481662591684, -0.009779951100244539, 0.4048899755501221]);
    closeAll(estimates(s.S2), [1.1559902200488996, -0.8625916870415644, 0.28948655256723727]);
    expect(s.noiseShare!.estimate).toBeCloseTo(0.12118607649333904, 14);
    expect(s.variance).toBeCloseTo(1.4201388888888893, 14);
  });
  it('adding a constant to the output changes no index, point or interval (centred on the A and B rows)', () => {
    const y3 = [1.0, 2.5, 0.5, 1.5, 1.2, 2.8, 0.9, 3.0, 2.0, 2.2, 4.0, 0.6, 3.1, 0.7, 1.9, 1.5, -1.0, 0.5, 0.0, 0.8, 0.3, 1.1, 0.2, 2.0];
    const w = y3.map((_, i) => 0.1 * ((i * 7) % 5));
    const c = y3.map((_, i) => 1 + (i % 3));
    // numpy, sobol([v + 1e6 for v in y3], w, c, 3, True): the y3 values above to 9 digits
    //   S1 [0.7667481662874043, -0.009779951077473774, 0.40488997556424], S2 [1.1559902199837753, -0.8625916871176189, 0.28948655253490274]
    const shifted = sobolIndices(moments(y3.map((v) => v + 1e6), w, c), 3, { secondOrder: true, resamples: 0 });
    closeAll(estimates(shifted.S1), [0.7667481662591684, -0.009779951100244539, 0.4048899755501221], 8);
    closeAll(estimates(shifted.S2), [1.1559902200488996, -0.8625916870415644, 0.28948655256723727], 8);
    // Twelve base rows (enough for an interval): the same intervals after a shift of 1000.
    const base = Array.from({ length: 12 * 5 }, (_, i) => Math.sin(i * 1.7) + 0.3 * Math.cos(i * i));
    const plain = sobolIndices(one(base), 3, { resamples: 200, seed: 4 });
    const plus = sobolIndices(one(base.map((v) => v + 1000)), 3, { resamples: 200, seed: 4 });
    for (const k of ['S1', 'ST'] as const) {
      plain[k].forEach((e, i) => {
        expect(plus[k][i].estimate).toBeCloseTo(e.estimate, 9);
        expect(plus[k][i].lo).toBeCloseTo(e.lo, 9);
        expect(plus[k][i].hi).toBeCloseTo(e.hi, 9);
      });
    }
  });
  it('morrisSteps names the row of a later trajectory that moves two parameters', () => {
    expect(morrisSteps([[0, 0], [0.5, 0], [0.5, 0.5], [1, 1], [1, 0.5], [0, 0]], 2)).toEqual({ badRow: 5 });
  });
});
