/**
 * analyzeOutcome: which index rows it writes, in which order, at which design sizes, each
 * equal to the estimator (morrisIndices, sobolIndices; checked against known functions in
 * indices.test.ts) called at that size.
 */
import { describe, expect, it } from 'vitest';
import type { SweepSpec } from '../../../src/scenario/schema';
import { buildDesign } from '../../../src/sweep/design';
import { morrisDelta } from '../../../src/sweep/designs/morris';
import { analyzeOutcome, convergenceSizes, SENSITIVITY_COLUMNS, type AnalysisLayout } from '../../../src/stats/sensitivity/analyze';
import { morrisIndices, morrisSteps } from '../../../src/stats/sensitivity/morris-indices';
import { rowMoments } from '../../../src/stats/sensitivity/replicates';
import { sobolIndices } from '../../../src/stats/sensitivity/sobol-indices';

describe('convergenceSizes', () => {
  it('is N/4, N/2 and N rounded down, without repeats or sizes below 2', () => {
    expect(convergenceSizes(16)).toEqual([4, 8, 16]);
    expect(convergenceSizes(10)).toEqual([2, 5, 10]);
    expect(convergenceSizes(9)).toEqual([2, 4, 9]);
    expect(convergenceSizes(7)).toEqual([3, 7]);
    expect(convergenceSizes(4)).toEqual([2, 4]);
    expect(convergenceSizes(3)).toEqual([3]);
    expect(convergenceSizes(2)).toEqual([2]);
    expect(convergenceSizes(1)).toEqual([]);
    expect(SENSITIVITY_COLUMNS).toEqual(['method', 'outcome', 'parameter', 'index', 'estimate', 'lo', 'hi']);
  });
});

/** Two replicates per design row of a smooth response with seed noise. */
function moments(points: number[][], f: (x: number[]) => number) {
  return rowMoments(points.length, points.flatMap((x, row) => [0, 1].map((rep) => ({ row, value: f(x) + (rep ? 0.05 : -0.05) * (1 + row % 3) }))));
}

describe('analyzeOutcome', () => {
  const ranges = { a: { min: 0, max: 1 }, b: { min: 0, max: 1 }, c: { min: 0, max: 1 } };
  const f = (x: number[]) => 3 * x[0] + x[1] * x[1] + x[0] * x[2];
  const opts = { seed: 3, resamples: 50 };

  it('morris: mu, mu*, sigma, corrected sigma and the noise level of mu* per parameter, then the noise share, at each size', () => {
    const design = buildDesign({ design: 'morris', parameters: ranges, samples: 8, levels: 4 } as unknown as SweepSpec, 1);
    const steps = morrisSteps(design.sensitivity!.unit, 3);
    if ('badRow' in steps) throw new Error('bad design');
    const layout: AnalysisLayout = { method: 'morris', parameters: ['a', 'b', 'c'], steps, delta: morrisDelta(4) };
    const rows = moments(design.points as number[][], f);
    const out = analyzeOutcome(layout, 'y', rows, opts);
    const expected = [2, 4, 8].flatMap((n) => {
      const m = morrisIndices(rows, steps, 3, morrisDelta(4), { ...opts, trajectories: n });
      const row = (parameter: string, index: string, e: { estimate: number; lo: number; hi: number }) => ({ method: 'morris', outcome: 'y', parameter, index, n, estimate: e.estimate, lo: e.lo, hi: e.hi });
      return [
        ...['a', 'b', 'c'].flatMap((p, i) => [row(p, 'mu', m.mu[i]), row(p, 'mu_star', m.muStar[i]), row(p, 'sigma', m.sigma[i]), row(p, 'sigma_corrected', m.sigmaCorrected[i]), row(p, 'mu_star_noise', m.muStarNoise[i])]),
        row('seed', 'noise_share', m.noiseShare!),
      ];
    });
    expect(out).toEqual(expected);
    expect(out).toHaveLength(3 * 16);
    // a's elementary effect is 3 + x_c, so mu*(a) > mu*(b) at full size.
    const full = out.filter((r) => r.n === 8 && r.index === 'mu_star');
    expect(full[0].estimate).toBeGreaterThan(full[1].estimate);
  });

  it('saltelli: S1 and ST per parameter, S2 per pair (named a:b) with second order, then the noise share', () => {
    for (const secondOrder of [false, true]) {
      const design = buildDesign({ design: 'saltelli', parameters: ranges, samples: 16, second_order: secondOrder } as unknown as SweepSpec, 1);
      const layout: AnalysisLayout = { method: 'saltelli', parameters: ['a', 'b', 'c'], secondOrder };
      const rows = moments(design.points as number[][], f);
      expect(rows.mean.length).toBe(16 * (secondOrder ? 8 : 5));
      const out = analyzeOutcome(layout, 'y', rows, opts);
      const expected = [4, 8, 16].flatMap((n) => {
        const s = sobolIndices(rows, 3, { ...opts, secondOrder, baseRows: n });
        const row = (parameter: string, index: string, e: { estimate: number; lo: number; hi: number }) => ({ method: 'saltelli', outcome: 'y', parameter, index, n, estimate: e.estimate, lo: e.lo, hi: e.hi });
        return [
          ...['a', 'b', 'c'].flatMap((p, i) => [row(p, 'S1', s.S1[i]), row(p, 'ST', s.ST[i])]),
          ...(secondOrder ? [row('a:b', 'S2', s.S2[0]), row('a:c', 'S2', s.S2[1]), row('b:c', 'S2', s.S2[2])] : []),
          row('seed', 'noise_share', s.noiseShare!),
        ];
      });
      expect(out).toEqual(expected);
      expect(out).toHaveLength(3 * (secondOrder ? 10 : 7));
    }
  });

  it('morris without replicates: no corrected sigma, noise mu* or noise share (seed noise is not estimable)', () => {
    const design = buildDesign({ design: 'morris', parameters: ranges, samples: 4, levels: 4 } as unknown as SweepSpec, 1);
    const steps = morrisSteps(design.sensitivity!.unit, 3);
    if ('badRow' in steps) throw new Error('bad design');
    const points = design.points as number[][];
    const rows = rowMoments(points.length, points.map((x, row) => ({ row, value: f(x) })));
    const out = analyzeOutcome({ method: 'morris', parameters: ['a', 'b', 'c'], steps, delta: morrisDelta(4) }, 'y', rows, opts);
    expect(out.map((r) => r.index)).toEqual([2, 4].flatMap(() => ['mu', 'mu_star', 'sigma', 'mu', 'mu_star', 'sigma', 'mu', 'mu_star', 'sigma']));
  });

  it('leaves out an index the estimator cannot give (no noise share without replicates)', () => {
    const design = buildDesign({ design: 'saltelli', parameters: ranges, samples: 8 } as unknown as SweepSpec, 1);
    const points = design.points as number[][];
    const rows = rowMoments(points.length, points.map((x, row) => ({ row, value: f(x) })));
    expect(sobolIndices(rows, 3, { baseRows: 8 }).noiseShare).toBeNull();
    const out = analyzeOutcome({ method: 'saltelli', parameters: ['a', 'b', 'c'] }, 'y', rows, opts);
    expect(out.map((r) => r.index)).toEqual([2, 4, 8].flatMap(() => ['S1', 'ST', 'S1', 'ST', 'S1', 'ST']));
  });
});
