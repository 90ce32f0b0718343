/**
 * compareArms on hand-built runs: the scopes (pooled, then each point), the pairing on
 * point:seed, the reference mean and relative effect, the heterogeneity test over points,
 * and the ranking of options (which arms, which seeds, up to how many points). Each row
 * is compared with the estimator (pairedContrasts, effectHeterogeneity, probabilityBest;
 * checked against R in their own tests) called by hand on the values the rule implies.
 */
import { describe, expect, it } from 'vitest';
import { compareArms } from '../../src/stats/arm-contrasts';
import { effectHeterogeneity } from '../../src/stats/heterogeneity';
import { pairedContrasts } from '../../src/stats/multiple-comparisons';
import { allEqualUpToRounding, pairedDifference } from '../../src/stats/paired';
import { probabilityBest } from '../../src/stats/rank-arms';
import type { RunRow } from '../../src/stats/run-rows';
import { designGroupSize } from '../../src/stats/sweep-stats';

const run = (point: number, arm: string, seed: number, outcomes: Record<string, number>): RunRow => ({ key: `${point}.${arm}.${seed}`, point, arm, armIndex: 0, replicate: seed, seed, params: {}, outcomes, degenerate: null });
const ARMS = ['base', 'pol', 'alt'];
// pol adds 1 + point (the effect differs between points); alt adds 1.5 - 1.5 point (it changes sign).
const effect: Record<string, (p: number) => number> = { base: () => 0, pol: (p) => 1 + p, alt: (p) => 1.5 - 1.5 * p };
const noise = (arm: string, seed: number) => (((seed * 7 + arm.length * 3) % 5) - 2) / 10;
const runs: RunRow[] = [];
for (const point of [2, 0, 1]) {
  for (const arm of ARMS) {
    for (let s = 0; s < 4; s++) {
      const seed = 10 * point + s;
      const y = 3 + effect[arm](point) + noise(arm, seed);
      runs.push(run(point, arm, seed, { y, lock_in_index_final: 0.5 - y / 20 }));
    }
  }
}
// Left out: a value that is not finite, a seed only one arm ran, an arm not compared.
runs.push(run(0, 'pol', 99, { y: 4, lock_in_index_final: 0.3 }));
runs.push(run(0, 'other', 0, { y: 9, lock_in_index_final: 0.1 }));
runs.find((r) => r.point === 1 && r.arm === 'alt' && r.seed === 13)!.outcomes.y = NaN;

/** Values of each arm keyed point:seed, over the runs of one scope (null = all points). */
function scopeValues(outcome: string, point: number | null, arms = ARMS) {
  return new Map(arms.map((a) => [a, new Map(runs.filter((r) => r.arm === a && (point === null || r.point === point) && Number.isFinite(r.outcomes[outcome])).map((r) => [`${r.point}:${r.seed}`, r.outcomes[outcome]]))]));
}

describe('compareArms', () => {
  it('ranks the same whatever the order of the runs (workers finish in any order): the seeds are sorted first', () => {
    // The bootstrap resamples rows of seeds; unsorted, the rows would follow the runs' order.
    // (The means and contrasts sum in the runs' order and may differ in the last bits.)
    const order = runs.map((_, i) => i).sort((a, b) => ((a * 37) % runs.length) - ((b * 37) % runs.length) || a - b);
    const ranks = (rs: RunRow[]) => compareArms(rs, ARMS, ['y', 'lock_in_index_final'], { options: ['pol', 'alt', 'absent'] }).ranks;
    const a = ranks(runs);
    expect(a.length).toBeGreaterThan(0);
    expect(ranks(order.map((i) => runs[i]))).toEqual(a);
    expect(ranks([...runs].reverse())).toEqual(a);
  });

  const compared = () => compareArms(runs, ARMS, ['y', 'lock_in_index_final'], { options: ['pol', 'alt', 'absent'] });

  it('compares every pair of arms pooled and at each point, in point order, with the relative effect', () => {
    const out = compared();
    const expected = ['y', 'lock_in_index_final'].flatMap((outcome) => [null, 0, 1, 2].flatMap((point) => {
      const values = scopeValues(outcome, point);
      // Pooled over points: stratified by point (the key's point); lock-in is not a 0/1 outcome.
      return pairedContrasts(values, { binary: outcome === 'y' ? undefined : false, stratum: (k) => k.slice(0, k.indexOf(':')) }).map((c) => {
        const a = values.get(c.armA)!;
        const b = [...values.get(c.armB)!].filter(([k]) => a.has(k)).map(([, v]) => v);
        expect(c.referenceMean).toBeCloseTo(b.reduce((s, v) => s + v, 0) / b.length, 12);
        return { ...c, outcome, point };
      });
    }));
    expect(out.contrasts).toEqual(expected);
    // alt and pol share their noise, so alt - pol is constant at each point (and differs between points).
    const methods = (point: boolean) => [...new Set(out.contrasts.filter((c) => (c.point === null) === point && !(c.armA === 'alt' && c.armB === 'pol')).map((c) => c.method))];
    expect(methods(true)).toEqual(['paired_t_by_point']);
    expect(methods(false)).toEqual(['paired_t']);
    const altPol = out.contrasts.filter((c) => c.armA === 'alt' && c.armB === 'pol' && c.outcome === 'y');
    expect(altPol.map((c) => c.method)).toEqual(['paired_constant_by_point', 'paired_all_equal', 'paired_all_equal', 'paired_all_equal']);
    expect(altPol[0].lo).toBeNaN();
    // The pooled pol - base interval is pairedDifference's stratified one on the same pairs.
    const pairs = runs.filter((r) => r.arm === 'pol' && Number.isFinite(r.outcomes.y)).flatMap((r) => {
      const b = runs.find((x) => x.arm === 'base' && x.point === r.point && x.seed === r.seed);
      return b && Number.isFinite(b.outcomes.y) ? [[r.outcomes.y, b.outcomes.y, r.point]] : [];
    });
    const strat = pairedDifference(pairs.map((x) => x[0]), pairs.map((x) => x[1]), { strata: pairs.map((x) => x[2]) });
    expect(out.contrasts[0].lo).toBeCloseTo(strat.ciLow, 12);
    expect(out.contrasts[0].hi).toBeCloseTo(strat.ciHigh, 12);
    expect(out.contrasts.map((c) => [c.point, c.armA, c.armB]).slice(0, 6)).toEqual([[null, 'pol', 'base'], [null, 'alt', 'base'], [null, 'alt', 'pol'], [0, 'pol', 'base'], [0, 'alt', 'base'], [0, 'alt', 'pol']]);
    // Pooled pol - base: 12 seeds, the mean effect 1 + mean point = 2.
    expect(out.contrasts[0].n).toBe(12);
    expect(out.contrasts[1].n).toBe(11); // alt's NaN at point 1, seed 13
  });

  it('pools the sampled points of a continuous design as one sample with the point as the unit (byPoint false): clustered', () => {
    const out = compareArms(runs, ARMS, ['y'], { byPoint: false });
    const pooled = out.contrasts.filter((c) => c.point === null);
    expect([...new Set(pooled.map((c) => c.method))]).toEqual(['paired_t_clustered_by_point']);
    // the estimator called by hand with the points as clusters (checked against R in paired-clustered.test.ts)
    const values = scopeValues('y', null);
    const clusters: string[] = [];
    const a: number[] = [];
    const b: number[] = [];
    for (const [key, vb] of values.get('base')!) {
      const va = values.get('pol')!.get(key);
      if (va === undefined) continue;
      a.push(va);
      b.push(vb);
      clusters.push(key.slice(0, key.indexOf(':')));
    }
    const d = pairedDifference(a, b, { clusters });
    const row = pooled.find((c) => c.armA === 'pol' && c.armB === 'base')!;
    expect([row.lo, row.hi, row.p]).toEqual([d.ciLow, d.ciHigh, d.p]);
  });

  it('ranks over sampled points with several seeds by the cluster bootstrap over points (probabilityBest clusters)', () => {
    const out = compareArms(runs, ARMS, ['y'], { byPoint: false, options: ['pol', 'alt'] });
    const pooled = out.ranks.filter((r) => r.point === null);
    expect(pooled.map((r) => r.points)).toEqual([3, 3]);
    const keys = [...new Set(runs.filter((r) => r.arm === 'pol' || r.arm === 'alt').map((r) => `${r.point}:${r.seed}`))].sort();
    const value = (arm: string, key: string) => runs.find((r) => r.arm === arm && `${r.point}:${r.seed}` === key)?.outcomes.y ?? NaN;
    const complete = keys.filter((k) => Number.isFinite(value('pol', k)) && Number.isFinite(value('alt', k)));
    const expected = probabilityBest(complete.map((k) => [value('pol', k), value('alt', k)]), ['pol', 'alt'], { higherIsBetter: true, seed: 20261202, clusters: complete.map((k) => k.slice(0, k.indexOf(':'))) });
    expect(pooled.map((r) => [r.arm, r.pBest, r.meanRank])).toEqual(expected.map((r) => [r.arm, r.pBest, r.meanRank]));
    // per point (one point's seeds) and over fixed points the ranking is not clustered
    expect(out.ranks.filter((r) => r.point !== null).every((r) => r.points === null)).toBe(true);
    expect(compareArms(runs, ARMS, ['y'], { options: ['pol', 'alt'] }).ranks.every((r) => r.points === null)).toBe(true);
  });

  it('clusters a morris or saltelli design by its groups (unitOf): a trajectory or base row is the unit, not each of its points', () => {
    // With one seed per point the plain paired t would treat every point as a separate draw;
    // rows 0-1 and 2-3 of a design with groups of 2 share coordinates, so the groups are the unit.
    const single = runs.filter((r) => r.seed % 10 === 0);
    const points = [...new Set(single.map((r) => r.point))];
    expect(points.length).toBeGreaterThanOrEqual(2);
    const unitOf = (p: number) => Math.floor(p / 2);
    const out = compareArms(single, ARMS, ['y'], { byPoint: false, unitOf, options: ['pol', 'alt'] });
    const row = out.contrasts.find((c) => c.point === null && c.armA === 'pol' && c.armB === 'base')!;
    const a: number[] = [];
    const b: number[] = [];
    const clusters: number[] = [];
    for (const r of single.filter((x) => x.arm === 'base')) {
      const t = single.find((x) => x.arm === 'pol' && x.point === r.point && x.seed === r.seed);
      if (!t || !Number.isFinite(t.outcomes.y) || !Number.isFinite(r.outcomes.y)) continue;
      a.push(t.outcomes.y);
      b.push(r.outcomes.y);
      clusters.push(unitOf(r.point));
    }
    const d = pairedDifference(a, b, { clusters });
    expect(d.method).toBe('paired_t_clustered_by_point');
    expect([row.method, row.lo, row.hi, row.p]).toEqual([d.method, d.ciLow, d.ciHigh, d.p]);
    expect(out.ranks.filter((r) => r.point === null).map((r) => r.points)).toEqual([new Set(points.map(unitOf)).size, new Set(points.map(unitOf)).size]);
  });

  it('ranks pooled over fixed points with the bootstrap stratified by point (each point keeps its seeds)', () => {
    // Point 0: a ahead by 10 on both seeds; point 1: b ahead by 9 on both. Within points every
    // resample keeps two rows of each (a always ahead); drawn freely, b is sometimes ahead.
    const rs = [
      run(0, 'a', 1, { y: 10 }), run(0, 'b', 1, { y: 0 }), run(0, 'a', 2, { y: 10 }), run(0, 'b', 2, { y: 0 }),
      run(1, 'a', 3, { y: 0 }), run(1, 'b', 3, { y: 9 }), run(1, 'a', 4, { y: 0 }), run(1, 'b', 4, { y: 9 }),
    ];
    const pooled = compareArms(rs, ['a', 'b'], ['y']).ranks.filter((r) => r.point === null);
    const table = [[10, 0], [10, 0], [0, 9], [0, 9]];
    const within = probabilityBest(table, ['a', 'b'], { higherIsBetter: true, seed: 20261202, strata: [0, 0, 1, 1] });
    expect(pooled.map((r) => [r.arm, r.pBest, r.meanRank])).toEqual(within.map((r) => [r.arm, r.pBest, r.meanRank]));
    expect(pooled.map((r) => r.pBest)).toEqual([1, 0]);
    // Over sampled points (byPoint false) the points are clusters, resampled whole: b can lead.
    expect(compareArms(rs, ['a', 'b'], ['y'], { byPoint: false }).ranks.find((r) => r.point === null && r.arm === 'a')!.pBest).toBeLessThan(1);
  });

  it('ranks no outcome where neither direction is better (direction none)', () => {
    const rs = runs.map((r) => ({ ...r, outcomes: { ...r.outcomes, firm_learning_institution_share_late: r.outcomes.y } }));
    const out = compareArms(rs, ARMS, ['y', 'firm_learning_institution_share_late'], { options: ['pol', 'alt'] });
    expect(out.ranks.some((r) => r.outcome === 'y')).toBe(true);
    expect(out.ranks.some((r) => r.outcome === 'firm_learning_institution_share_late')).toBe(false);
    expect(out.contrasts.some((c) => c.outcome === 'firm_learning_institution_share_late')).toBe(true); // still compared
  });

  it('designGroupSize: a trajectory (parameters + 1 rows), a base row (d + 2, or 2d + 2), else 1', () => {
    expect(designGroupSize({ design: 'morris' }, 3)).toBe(4);
    expect(designGroupSize({ design: 'saltelli' }, 3)).toBe(5);
    expect(designGroupSize({ design: 'saltelli', second_order: true }, 3)).toBe(8);
    expect(designGroupSize({ design: 'lhs' }, 3)).toBe(1);
    expect(designGroupSize(undefined, 3)).toBe(1);
  });

  it('keeps the plain paired t over sampled points with one seed each (the same numbers as before)', () => {
    const single = runs.filter((r) => r.seed % 10 === 0);
    const out = compareArms(single, ARMS, ['y'], { byPoint: false });
    const pooled = out.contrasts.filter((c) => c.point === null);
    expect([...new Set(pooled.map((c) => c.method))]).toEqual(['paired_t']);
    const values = new Map(ARMS.map((arm) => [arm, new Map(single.filter((r) => r.arm === arm && Number.isFinite(r.outcomes.y)).map((r) => [`${r.point}:${r.seed}`, r.outcomes.y]))]));
    expect(pooled.map(({ outcome: _o, point: _p, ...c }) => c)).toEqual(pairedContrasts(values, { binary: false }));
  });

  it('tests whether each pair\'s effect differs between points', () => {
    const out = compared();
    const expected = ['y', 'lock_in_index_final'].flatMap((outcome) => {
      const rows = [];
      for (let b = 0; b < 3; b++) for (let a = b + 1; a < 3; a++) {
        const perPoint = [0, 1, 2].map((point) => {
          const vb = new Map(runs.filter((r) => r.point === point && r.arm === ARMS[b]).map((r) => [r.seed, r.outcomes[outcome]]));
          const diffs = runs.filter((r) => r.point === point && r.arm === ARMS[a] && vb.has(r.seed)).map((r) => r.outcomes[outcome] - vb.get(r.seed)!).filter(Number.isFinite);
          return { point, diffs };
        });
        const h = effectHeterogeneity(perPoint);
        // alt and pol share their noise: alt - pol is the same on every seed of a point.
        const constantByPoint = perPoint.every((x) => allEqualUpToRounding(x.diffs)) && !allEqualUpToRounding(perPoint.flatMap((x) => x.diffs));
        expect(constantByPoint).toBe(ARMS[a] === 'alt' && ARMS[b] === 'pol');
        rows.push({ outcome, armA: ARMS[a], armB: ARMS[b], points: 3, F: constantByPoint ? NaN : h.F, df1: h.df1, df2: h.df2, p: constantByPoint ? NaN : h.p, signsDiffer: h.signsDiffer, constantByPoint, misleading: constantByPoint || h.signsDiffer || h.p < 0.05 });
      }
      return rows;
    });
    expect(out.heterogeneity).toEqual(expected);
    const altBase = out.heterogeneity[1];
    expect([altBase.armA, altBase.signsDiffer, altBase.misleading]).toEqual(['alt', true, true]);
    const polBase = out.heterogeneity[0];
    expect([polBase.signsDiffer, polBase.misleading, polBase.p < 0.05]).toEqual([false, true, true]);
    expect(out.heterogeneity.some((h) => !h.misleading)).toBe(false);
  });

  it('ranks the options only (base is not one), pooled and per point, on seeds where every option has a value', () => {
    const out = compared();
    const expected = ['y', 'lock_in_index_final'].flatMap((outcome) => [null, 0, 1, 2].flatMap((point) => {
      const byKey = new Map<string, number[]>();
      for (const r of runs) {
        if (point !== null && r.point !== point) continue;
        const i = ['pol', 'alt'].indexOf(r.arm);
        const key = `${r.point}:${r.seed}`;
        if (!byKey.has(key)) byKey.set(key, [NaN, NaN]);
        if (i >= 0) byKey.get(key)![i] = r.outcomes[outcome];
      }
      const table = [...byKey.keys()].sort().map((k) => byKey.get(k)!).filter((row) => row.every(Number.isFinite));
      const higher = outcome === 'y';
      return probabilityBest(table, ['pol', 'alt'], { higherIsBetter: higher, seed: 20261202 }).map((r) => ({ outcome, point, arm: r.arm, pBest: r.pBest, meanRank: r.meanRank, meanValue: r.meanValue, higherIsBetter: higher, seeds: table.length, points: null }));
    }));
    expect(out.ranks).toEqual(expected);
    expect(out.ranks.map((r) => [r.point, r.arm, r.seeds]).slice(0, 4)).toEqual([[null, 'pol', 11], [null, 'alt', 11], [0, 'pol', 4], [0, 'alt', 4]]);
    // pooled, pol adds 2 and alt 0 (alt beats pol only at point 0: 1.5 vs 1); lock-in is lower for pol: best on both.
    expect(out.ranks[0].pBest).toBe(1);
    expect(out.ranks.find((r) => r.outcome === 'lock_in_index_final' && r.point === null && r.arm === 'pol')!.pBest).toBe(1);
  });

  it('ranks per point only up to maxRankPoints points (12 by default)', () => {
    const three = compareArms(runs, ARMS, ['y'], { maxRankPoints: 3 });
    expect([...new Set(three.ranks.map((r) => r.point))]).toEqual([null, 0, 1, 2]);
    expect(three.ranks.map((r) => r.arm).slice(0, 3)).toEqual(['base', 'pol', 'alt']);
    const two = compareArms(runs, ARMS, ['y'], { maxRankPoints: 2 });
    expect(two.ranks.map((r) => r.point)).toEqual([null, null, null]);
    const many: RunRow[] = [];
    for (let point = 0; point < 13; point++) for (const arm of ['a', 'b']) for (let s = 0; s < 2; s++) many.push(run(point, arm, 100 * point + s, { y: point + (arm === 'b' ? 1 : 0) + s / 10 }));
    expect(new Set(compareArms(many, ['a', 'b'], ['y']).ranks.map((r) => r.point)).size).toBe(1);
    expect(new Set(compareArms(many.filter((r) => r.point < 12), ['a', 'b'], ['y']).ranks.map((r) => r.point)).size).toBe(13);
  });

  it('has no rank with fewer than two options or two complete seeds, and nothing with fewer than two arms', () => {
    expect(compareArms(runs, ARMS, ['y'], { options: ['pol'] }).ranks).toEqual([]);
    expect(compareArms(runs, ARMS, ['y'], { options: ['pol'] }).contrasts).toHaveLength(12);
    const oneSeed = runs.filter((r) => r.point === 0 && r.seed === 0);
    const c = compareArms(oneSeed, ARMS, ['y']);
    expect(c.ranks).toEqual([]);
    expect(c.contrasts.map((x) => [x.point, x.n])).toEqual([[null, 1], [null, 1], [null, 1]]);
    expect(c.heterogeneity).toEqual([]);
    expect(compareArms(runs, ['base'], ['y'])).toEqual({ contrasts: [], heterogeneity: [], ranks: [] });
  });

  it('gives a NaN relative effect when the reference mean is 0, and divides by its size when negative', () => {
    const rs = [0, 1, 2].flatMap((s) => [run(0, 'b', s, { y: 0, z: -2 }), run(0, 'a', s, { y: 1 + s, z: -1 + s / 10 })]);
    const [y, z] = [compareArms(rs, ['b', 'a'], ['y']).contrasts[0], compareArms(rs, ['b', 'a'], ['z']).contrasts[0]];
    expect([y.referenceMean, y.estimate, y.rel, y.relLo, y.relHi]).toEqual([0, 2, NaN, NaN, NaN]);
    expect(z.referenceMean).toBe(-2);
    expect(z.rel).toBeCloseTo(1.1 / 2, 12);
    expect(z.relLo).toBeCloseTo(z.lo / 2, 12);
    expect(z.relHi).toBeCloseTo(z.hi / 2, 12);
  });

  it('calls an effect that is the same at every point not misleading', () => {
    // 'same' adds 1 + a small seed-dependent offset (0 to 0.03) at every point.
    const rs = runs.filter((r) => r.arm === 'base').flatMap((r) => [r, { ...r, arm: 'same', key: `${r.key}s`, outcomes: { y: r.outcomes.y + 1 + ((r.seed * 3) % 4) / 100 } }]);
    const [h] = compareArms(rs, ['base', 'same'], ['y']).heterogeneity;
    expect(h.signsDiffer).toBe(false);
    expect(h.p).toBeGreaterThan(0.05);
    expect(h.misleading).toBe(false);
  });

  it('counts only points where the pair has a finite difference', () => {
    // At point 2 every value of alt is NaN: two points, not three.
    const rs = runs.map((r) => (r.point === 2 && r.arm === 'alt' ? { ...r, outcomes: { ...r.outcomes, y: NaN } } : r));
    const h = compareArms(rs, ['base', 'alt'], ['y']).heterogeneity;
    expect(h.map((x) => x.points)).toEqual([2]);
  });

  it('leaves out of the heterogeneity test a point where the pair has no common seed', () => {
    const rs = runs.filter((r) => !(r.point === 2 && r.arm === 'pol')).filter((r) => r.arm !== 'other');
    const h = compareArms(rs, ['base', 'pol'], ['y']).heterogeneity;
    expect(h).toHaveLength(1);
    expect(h[0].points).toBe(2);
    const twoPoints = [0, 1].map((point) => ({ point, diffs: rs.filter((r) => r.point === point && r.arm === 'pol' && r.seed !== 99).map((r) => r.outcomes.y - rs.find((x) => x.point === point && x.arm === 'base' && x.seed === r.seed)!.outcomes.y) }));
    expect(h[0].F).toBe(effectHeterogeneity(twoPoints).F);
    // Only one point with pairs: no test.
    expect(compareArms(rs.filter((r) => r.point !== 1), ['base', 'pol'], ['y']).heterogeneity).toEqual([]);
  });
});

describe('heterogeneity when the differences are constant within each point', () => {
  it('is flagged (no F: no within-point variation) and the contrast has no interval or p', () => {
    const rs: RunRow[] = [];
    for (const point of [0, 1]) for (const seed of [1, 2, 3]) {
      rs.push(run(point, 'base', seed, { y: seed }));
      rs.push(run(point, 'pol', seed, { y: seed + (point === 0 ? 1 : 3) }));
    }
    const out = compareArms(rs, ['base', 'pol'], ['y']);
    const h = out.heterogeneity[0];
    expect([h.constantByPoint, h.misleading, h.F, h.p]).toEqual([true, true, NaN, NaN]);
    const pooled = out.contrasts.find((c) => c.point === null)!;
    expect([pooled.method, pooled.estimate, pooled.lo, pooled.p]).toEqual(['paired_constant_by_point', 2, NaN, NaN]);
    // Constant overall (the same difference at both points): not flagged.
    const same = compareArms(rs.map((r) => (r.arm === 'pol' ? { ...r, outcomes: { y: r.seed + 1 } } : r)), ['base', 'pol'], ['y']);
    expect(same.heterogeneity[0].constantByPoint).toBe(false);
    expect(same.heterogeneity[0].misleading).toBe(false);
  });
});
