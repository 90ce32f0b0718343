import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSweepStats, summarize, wilsonInterval, writeStatsCsv } from '../../src/stats';
import { designEffects } from '../../src/stats/design-effects';
import { formatParamValue } from '../../src/stats/param-value';
import { shortParamNames } from '../../src/stats/sweep-stats';
import { pairedDifference } from '../../src/stats/paired';
import { FIXTURE_FIRMS, FIXTURE_LINK_FLOW, fixtureFirmDistance, fixtureFirmValue, writeFixtureSweep } from '../fixtures/sweep-dir';

describe('computeSweepStats on the fixture sweep', () => {
  it('summarises every point x arm, pairs arms on seeds and writes a tidy stats.csv', async () => {
    const dir = writeFixtureSweep({ failKeys: ['p0000.a00.r0003'] });
    const stats = await computeSweepStats(dir);
    expect(stats.parameters).toEqual(['openness', 'proximity.geographic_decay_km']);
    expect(stats.arms).toEqual(['baseline', 'cluster']);
    expect(stats.baselineArm).toBe('baseline');
    expect(stats.groups).toHaveLength(8);
    expect(stats.failed).toEqual([{ key: 'p0000.a00.r0003', error: 'fixture failure' }]);
    const g0 = stats.groups[0];
    expect(g0.runs).toBe(3);
    expect(g0.label).toBe('openness = 0, proximity.geographic_decay_km = 10 · baseline');
    expect(g0.chartLabel).toBe('openness = 0, geographic_decay_km = 10 · baseline'); // short names in the charts' legends
    const late = stats.runs.filter((r) => r.point === 0 && r.arm === 'baseline').map((r) => r.outcomes.innovation_value_late);
    // Late innovation value is >= 0 and its t interval here stays far from 0: the t interval.
    expect(g0.outcomes.innovation_value_late).toEqual({ ...summarize(late), interval: 't' });
    expect(g0.series.innovation_value.tick).toHaveLength(30);
    expect(g0.placeFlows).toHaveLength(16);

    // Pooled paired difference: the fixture's cluster arm adds 0.3 x (1 + t/T) per tick on the same noise.
    const pooled = stats.paired.find((p) => p.point === null && p.arm === 'cluster' && p.outcome === 'innovation_value_late')!;
    expect(pooled.difference.n).toBe(15); // 16 pairs less the failed baseline run
    const expected = 0.3 * (1 + (20 + 29) / 2 / 30);
    expect(pooled.difference.mean).toBeCloseTo(expected, 10);
    expect(pooled.difference.sd).toBeLessThan(1e-9);

    const cost = stats.cost.find((c) => c.point === null && c.window === 'total')!;
    expect(cost.extraCost).toBe(60);
    expect(cost.valuePerCost).toBeCloseTo(cost.extraValue.mean / 60, 12);
    // Late window: the fixture's cluster arm costs 2 a tick, 20 over the 10-tick window,
    // and the extra value there is 10 x the late-value difference.
    const lateCost = stats.cost.find((c) => c.point === null && c.window === "late")!;
    expect(lateCost.extraCost).toBe(20);
    expect(lateCost.valuePerCost).toBeCloseTo((10 * pooled.difference.mean) / 20, 10);

    const path = writeStatsCsv(dir, stats);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('section,point,openness,proximity.geographic_decay_km,arm,baseline,measure,tick,n,mean,sd,ci_low,ci_high,effect_size,rel_mean,rel_ci_low,rel_ci_high,bin_low,bin_high,' +
      'outcome,parameter,level,reference,parameter_a,parameter_b,method,scale,arm_a,arm_b,condition,index,estimate,lo,hi,p,p_holm,p_best,r2,median,censored,df1,df2');
    expect(lines.filter((l) => l.startsWith('locked_in_share,'))).toHaveLength(8);
    expect(lines.some((l) => l.startsWith('paired_difference,all,,,cluster,baseline,innovation_value_late,'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('series,'))).toHaveLength(8 * 30 * 19);
    expect(join(dir, 'stats.csv')).toBe(path);
  });

  it('has no paired statistics without arms', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ arms: [], parameters: { openness: [0, 0.2, 0.4] } }));
    expect(stats.arms).toEqual(['default']);
    expect(stats.baselineArm).toBeNull();
    expect(stats.paired).toEqual([]);
    expect(stats.groups.map((g) => g.label)).toEqual(['openness = 0', 'openness = 0.2', 'openness = 0.4']);
  });
});

describe('firm-level curves from microdata (fact 1b)', () => {
  it('compares only firms that lived through the late window and recovers the quadratic term per run', async () => {
    const dir = writeFixtureSweep({ arms: [], parameters: { openness: [0, 0.3] }, replicates: 3, microdata: true });
    const stats = await computeSweepStats(dir);
    expect(stats.firmCurves).toHaveLength(2);
    for (const c of stats.firmCurves) {
      expect(c.runs).toBe(3);
      expect(c.firms).toBe(3 * FIXTURE_FIRMS); // the exited, newborn and non-learning firms are left out
      expect(c.terms).toHaveLength(3);
      for (const t of c.terms) expect(t).toBeCloseTo(-0.5, 8);
      expect(c.quadratic.mean).toBeCloseTo(-0.5, 8);
      // Bins of 0.04: firm i sits at 0.01 + 0.3 i / 29.
      const xs = Array.from({ length: FIXTURE_FIRMS }, (_, i) => fixtureFirmDistance(i));
      const first = xs.filter((x) => x < 0.04);
      expect(c.bins[0]).toMatchObject({ low: 0, high: 0.04 });
      expect(c.bins[0].value.n).toBe(3 * first.length);
      expect(c.bins[0].value.mean).toBeCloseTo(first.reduce((a, x) => a + fixtureFirmValue(x), 0) / first.length, 10);
      expect(c.bins.reduce((a, b) => a + b.value.n, 0)).toBe(3 * FIXTURE_FIRMS);
    }
    writeStatsCsv(dir, stats);
    const lines = readFileSync(join(dir, 'stats.csv'), 'utf8').trimEnd().split('\n');
    // One row per point, and the two points pooled (point `all`: the report's firm-level sentence).
    expect(lines.filter((l) => l.startsWith('firm_quadratic,'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('firm_quadratic,all,'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('firm_curve,0,0,default,,late_innovation_value,,') && l.includes(',0,0.04,'))).toBe(true);
  });

  it('is empty without microdata', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ arms: [], parameters: { openness: [0, 0.3] }, replicates: 2 }));
    expect(stats.firmCurves).toEqual([]);
  });
});

describe('tacit flow across infrastructure links', () => {
  it('follows the link of every infrastructure policy over time, per arm, from the per-block place flows', async () => {
    const dir = writeFixtureSweep({ parameters: {}, arms: ['no_link', 'link'], replicates: 3, ticks: 30, bridge: true });
    const stats = await computeSweepStats(dir);
    expect(stats.linkFlows).toHaveLength(1);
    const link = stats.linkFlows[0];
    expect([link.from, link.to]).toEqual(['Core City', 'Harbour']);
    expect(link.starts).toEqual([{ tick: FIXTURE_LINK_FLOW.start, arm: 'link', label: 'Bridge' }]);
    const byArm = Object.fromEntries(link.groups.map((g) => [g.arm, g.blocks.map((b) => [b.start, b.end, b.flow.mean, b.flow.n])]));
    const { before, after } = FIXTURE_LINK_FLOW;
    expect(byArm.no_link).toEqual([[0, 10, before, 3], [10, 20, before, 3], [20, 30, before, 3]]);
    expect(byArm.link).toEqual([[0, 10, before, 3], [10, 20, after, 3], [20, 30, after, 3]]);
    writeStatsCsv(dir, stats);
    const rows = readFileSync(join(dir, 'stats.csv'), 'utf8').split('\n').filter((l) => l.startsWith('link_flow,'));
    expect(rows).toHaveLength(6);
    // Every run carries 100 a tick: no zero-width interval, and the method says why.
    expect(rows[4]).toMatch(/^link_flow,0,link,,tacit_flow:Core City:Harbour,10,3,100,0,,,,,,,10,20,,,,,,,all_equal,/);
  });
});

/*
 * computeSweepStats on hand-written records (not the fixture): the rules that decide what
 * is summarised, paired, pooled and labelled. Values are small integers so every expected
 * number is derived by hand in the comments.
 */
type Rec = Record<string, unknown>;
function writeSweep(records: Rec[], scenario: Rec | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-stats-'));
  writeFileSync(join(dir, 'runs.ndjson'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  if (scenario) writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ scenario }));
  return dir;
}
function rec(point: number, arm: string, armIndex: number, seed: number, params: Rec, outcomes: Rec, extra: Rec = {}): Rec {
  return { key: `p${point}.${arm}.${seed}`, point, arm, arm_index: armIndex, replicate: seed % 10, seed, params, status: 'ok', error: null, wall_seconds: 0, outcomes, columns: [], series: [], ...extra };
}

describe('computeSweepStats rules', () => {
  it('gives the same statistics whatever order the runs were stored in (workers finish in any order)', async () => {
    const records: Rec[] = [];
    for (const [point, x] of [[0, 0.1], [1, 0.7]]) for (const [arm, armIndex] of [['baseline', 0], ['pol', 1]] as const) for (const seed of [1, 2, 3, 4, 5]) {
      const y = 1 + x / 3 + seed / 7 + (arm === 'pol' ? 0.1 * seed : 0);
      const series = [0, 1, 2].map((t) => [t, y + t / 3]);
      records.push(rec(point, arm, armIndex, 10 * point + seed, { x }, { innovation_value_late: y, lock_in_index_final: 0.3 + y / 11 }, { columns: ['tick', 'innovation_value'], series }));
    }
    const scenario = { ticks: 3, sweep: { design: 'grid', parameters: { x: [0.1, 0.7] } } };
    const stored = (order: Rec[]) => computeSweepStats(writeSweep(order, scenario)).then(({ dir, ...rest }) => JSON.stringify(rest));
    const inOrder = await stored(records);
    // Summed in another order, several of these means differ in the last bits.
    expect(await stored([...records].reverse())).toBe(inOrder);
    expect(await stored(records.map((_, i) => records[(i * 7) % records.length]))).toBe(inOrder);
  });

  it('orders parameters as declared, names them briefly unless two share a last segment, and orders arms by arm index', async () => {
    const scenario = { ticks: 10, sweep: { design: 'grid', parameters: { gone: [1], 'z.rate': [1, 2], 'a.rate': [5] } }, cost_unit: 'EUR' };
    const records: Rec[] = [];
    for (const [point, z] of [[1, 2], [0, 1]] as const) {
      for (const [arm, armIndex] of [['pol', 2], ['ctrl', 0], ['baseline', 1]] as const) {
        for (const seed of [1, 2]) records.push(rec(point, arm, armIndex, 10 * point + seed, { extra: 'q', 'a.rate': 5, 'z.rate': z }, { locked_in: seed === 1 ? 1 : 0, custom: point + seed }));
      }
    }
    const stats = await computeSweepStats(writeSweep(records, scenario));
    expect(stats.parameters).toEqual(['z.rate', 'a.rate', 'extra']);
    expect(shortParamNames(['z.rate', 'a.rate', 'extra', 'b.extra'])).toEqual({ 'z.rate': 'z.rate', 'a.rate': 'a.rate', extra: 'extra', 'b.extra': 'b.extra' });
    expect(shortParamNames(['z.rate', 'a.size'])).toEqual({ 'z.rate': 'rate', 'a.size': 'size' });
    expect(stats.arms).toEqual(['ctrl', 'baseline', 'pol']);
    expect(stats.baselineArm).toBe('baseline');
    expect(stats.groups.map((g) => [g.point, g.arm])).toEqual([[0, 'ctrl'], [0, 'baseline'], [0, 'pol'], [1, 'ctrl'], [1, 'baseline'], [1, 'pol']]);
    expect(stats.groups[0].label).toBe('z.rate = 1, a.rate = 5, extra = q · ctrl');
    expect(stats.groups[0].pointLabel).toBe('z.rate = 1, a.rate = 5, extra = q');
    expect(stats.costUnit).toBe('EUR');
    expect(stats.design).toBe('grid');
    // The baseline arm leads the comparisons whatever its arm index.
    expect(stats.armComparison.contrasts.filter((c) => c.point === null && c.outcome === 'locked_in').map((c) => [c.armA, c.armB])).toEqual([['ctrl', 'baseline'], ['pol', 'baseline'], ['pol', 'ctrl']]);
    expect(stats.paired.map((p) => [p.point, p.arm, p.outcome]).slice(0, 3)).toEqual([[null, 'ctrl', 'locked_in'], [null, 'ctrl', 'custom'], [0, 'ctrl', 'locked_in']]);
    expect(stats.armComparison.heterogeneity.map((h) => [h.outcome, h.armA, h.armB])).toEqual([['locked_in', 'ctrl', 'baseline'], ['locked_in', 'pol', 'baseline'], ['locked_in', 'pol', 'ctrl']]);
    // A 0/1 outcome is a share with its Wilson interval; sd = sqrt(p (1 - p) n / (n - 1)) = sqrt(0.25 x 2) here.
    const share = stats.groups[0].outcomes.locked_in;
    expect(share).toEqual({ n: 2, mean: 0.5, sd: Math.sqrt(0.5), ciLow: wilsonInterval(1, 2).ciLow, ciHigh: wilsonInterval(1, 2).ciHigh, interval: 'wilson' });
    expect(stats.groups[0].lockedIn).toEqual(wilsonInterval(1, 2));
    // Without a treated arm's baseline of the same name, the first arm is the baseline.
    const noBase = await computeSweepStats(writeSweep(records.filter((r) => r.arm !== 'baseline'), scenario));
    expect(noBase.baselineArm).toBe('ctrl');
    expect(noBase.armComparison.contrasts[0]).toMatchObject({ armA: 'pol', armB: 'ctrl' });
  });

  it('passes the arms to the design effects with the baseline first', async () => {
    // locked_in: 1 for arm b at level 1 only: an interaction whose sign depends on the arms' order.
    const records: Rec[] = [];
    for (const [point, x] of [[0, 0], [1, 1]]) for (const [arm, armIndex] of [['b', 0], ['baseline', 1]] as const) for (const seed of [1, 2, 3, 4]) {
      records.push(rec(point, arm, armIndex, 10 * point + seed, { x }, { locked_in: arm === 'b' && x === 1 && seed > 1 ? 1 : 0, innovation_value_late: 1 + x + seed / 10 + (arm === 'b' ? 0.5 : 0) }));
    }
    const stats = await computeSweepStats(writeSweep(records, { sweep: { design: 'grid', parameters: { x: [0, 1] } } }));
    expect(stats.arms).toEqual(['b', 'baseline']);
    const usable = stats.runs.filter((r) => !r.degenerate);
    expect(stats.effects).toEqual(designEffects(usable, ['x'], ['baseline', 'b'], 'grid', ['innovation_value_late', 'locked_in']));
    const inter = stats.effects.interactions.find((i) => i.outcome === 'locked_in')!;
    // (x0 baseline - x0 b) - (x1 baseline - x1 b) = (0 - 0) - (0 - 0.75) = 0.75
    expect(inter.size).toBeCloseTo(0.75, 12);
    expect(stats.costUnit).toBe('');
  });

  it('bands the main, reference, flow and learning series only; ticks from the tick column, else the row', async () => {
    const columns = ['tick', 'innovation_value', 'knowledge_cv', 'code_knowledge', 'member_knowledge_mean', 'mean_knowledge', 'flow_tacit_x', 'firm_learning_from_y', 'firms_alive'];
    const series = (s: number) => [[5, 1 * s, 2, 3, 4, 5, 6, 7, 8], [6, 2 * s, null, 3, 4, 5, 6, 7, 8]];
    // The first run (in key order: seed 0) has no tick column: its row index labels the rows
    // (bands are by row). It is stored last, as a run finishing last would be.
    const records = [rec(0, 'only', 0, 0, {}, { innovation_value_late: 5 }, { columns: ['innovation_value'], series: [[10], [20]] })];
    records.unshift(...[1, 3].map((s) => rec(0, 'only', 0, s, {}, { innovation_value_late: s }, { columns, series: series(s) })));
    const stats = await computeSweepStats(writeSweep(records, { sweep: { parameters: {} } }));
    expect(stats.seriesColumns).toEqual(['innovation_value', 'knowledge_cv', 'code_knowledge', 'member_knowledge_mean', 'mean_knowledge', 'flow_tacit_x', 'firm_learning_from_y']);
    const band = stats.groups[0].series.innovation_value;
    expect(band.tick).toEqual([0, 1]);
    expect(band.mean).toEqual([(10 + 1 + 3) / 3, (20 + 2 + 6) / 3]);
    expect(band.n).toEqual([3, 3]);
    // knowledge_cv first seen in a run with ticks 5, 6; its null is no value.
    expect(stats.groups[0].series.knowledge_cv.tick).toEqual([5, 6]);
    expect(stats.groups[0].series.knowledge_cv.n).toEqual([2, 0]);
    expect(Object.keys(stats.groups[0].series)).not.toContain('firms_alive');
    expect(stats.groups[0].label).toBe('all runs');
    expect(stats.groups[0].pointLabel).toBe('all runs');
    expect(stats.seriesGroups).toBe(stats.groups);
    expect(stats.placeNames).toEqual([]);
    expect(stats.paired).toEqual([]);
    expect(stats.cost).toEqual([]);
  });

  it('pools the series of a continuous design per arm (point -1) and leaves the points without series', async () => {
    const columns = ['tick', 'diversity'];
    const records: Rec[] = [];
    for (const point of [0, 1]) for (const [arm, armIndex] of [['b', 1], ['a', 0]] as const) records.push(rec(point, arm, armIndex, 7 + point, { x: point / 2 }, { diversity_final: point }, { columns, series: [[0, point + armIndex]] }));
    const stats = await computeSweepStats(writeSweep(records, { sweep: { design: 'lhs', parameters: { x: { min: 0, max: 1 } } } }));
    expect(stats.design).toBe('lhs');
    expect(stats.groups.every((g) => Object.keys(g.series).length === 0)).toBe(true);
    expect(stats.seriesGroups.map((g) => [g.point, g.arm, g.label, g.pointLabel, g.runs, g.series.diversity.mean[0]])).toEqual([[-1, 'a', 'a', 'all points', 2, 0.5], [-1, 'b', 'b', 'all points', 2, 1.5]]);
    const one = await computeSweepStats(writeSweep(records.filter((r) => r.arm === 'a'), { sweep: { design: 'sobol', parameters: {} } }));
    expect(one.seriesGroups.map((g) => [g.label, g.pointLabel])).toEqual([['all points', 'all points']]);
  });

  it('skips failed runs and runs stored twice, fills missing outcomes with NaN, keeps degenerate runs out of the estimates', async () => {
    const records = [
      rec(0, 'base', 0, 1, {}, { innovation_value_late: 2 }, { place_names: ['A'] }),
      rec(0, 'base', 0, 1, {}, { innovation_value_late: 99 }),
      rec(0, 'base', 0, 2, {}, { innovation_value_late: 4, extra: 1 }, { place_names: ['A', 'B'], degenerate: '' }),
      rec(0, 'base', 0, 3, {}, { innovation_value_late: 6 }, { degenerate: 'no_firms' }),
      { key: 'bad', point: 0, arm: 'base', arm_index: 0, replicate: 0, seed: 4, params: {}, status: 'failed', error: 'boom', wall_seconds: 0 },
      rec(0, 'pol', 1, 1, {}, { innovation_value_late: 5 }, { place_names: ['C', 'D'] }), // as long as the first: not taken
      rec(0, 'pol', 1, 2, {}, { innovation_value_late: null }),
      rec(0, 'pol', 1, 3, {}, { innovation_value_late: 1 }, { degenerate: true }), // not a reason: not degenerate
    ];
    const stats = await computeSweepStats(writeSweep(records, undefined));
    expect(stats.failed).toEqual([{ key: 'bad', error: 'boom' }]);
    expect(stats.outcomeKeys).toEqual(['innovation_value_late', 'extra']);
    expect(stats.paired.map((p) => [p.point, p.outcome])).toEqual([[null, 'innovation_value_late'], [null, 'extra']]);
    expect(stats.placeNames).toEqual(['A', 'B']);
    expect(stats.runs.map((r) => [r.seed, r.arm, r.outcomes.innovation_value_late, r.outcomes.extra, r.degenerate])).toEqual([
      [1, 'base', 2, NaN, null], [2, 'base', 4, 1, null], [3, 'base', 6, NaN, 'no_firms'], [1, 'pol', 5, NaN, null], [2, 'pol', NaN, NaN, null], [3, 'pol', 1, NaN, null],
    ]);
    expect(stats.degenerateRuns.map((r) => r.key)).toEqual(['p0.base.3']);
    expect(stats.groups[0].lockedIn.n).toBe(0); // no locked_in outcome
    expect([stats.groups[0].pointLabel, stats.groups[0].label]).toEqual(['', 'base']);
    expect(stats.groups[0].runs).toBe(3);
    expect(stats.design).toBe('grid');
    expect(stats.effectOutcomes).toEqual(['innovation_value_late']);
    // Paired on seeds 1 and 2 (seed 3's baseline is degenerate); seed 2's pol value is NaN.
    const late = stats.paired.find((p) => p.outcome === 'innovation_value_late')!;
    expect(late.difference.n).toBe(1);
    expect(late.difference.mean).toBe(3);
    expect(stats.armComparison.contrasts.map((c) => [c.outcome, c.n, c.estimate])).toEqual([['innovation_value_late', 1, 3]]);
  });

  it('pools value per cost over design points stratified by point (the points\' different extra values are not noise)', async () => {
    const records: Rec[] = [];
    for (const point of [0, 1]) {
      for (const seed of [1, 2, 3]) {
        const base = 10 * seed + point;
        records.push(rec(point, 'baseline', 0, seed, {}, { innovation_value_late: seed, innovation_value_total: base, policy_cost: 0, policy_cost_late: 0 }));
        // Extra value: 2 + seed at point 0, 20 + 2 seed at point 1.
        records.push(rec(point, 'pol', 1, seed, {}, { innovation_value_late: seed, innovation_value_total: base + (point ? 20 + 2 * seed : 2 + seed), policy_cost: 4, policy_cost_late: 1 }));
      }
    }
    const stats = await computeSweepStats(writeSweep(records, { ticks: 3, observe: { window: 3 } }));
    const pooled = stats.cost.find((c) => c.arm === 'pol' && c.point === null && c.window === 'total')!;
    const d = pairedDifference([3, 4, 5, 22, 24, 26], [0, 0, 0, 0, 0, 0], { strata: [0, 0, 0, 1, 1, 1] });
    expect(pooled.method).toBe('paired_t_by_point');
    expect(pooled.valuePerCost).toBe(14 / 4);
    expect(pooled.valuePerCostLow).toBeCloseTo(d.ciLow / 4, 12);
    expect(pooled.valuePerCostHigh).toBeCloseTo(d.ciHigh / 4, 12);
    // Unstratified, the between-point gap (4 vs 24) would widen it: t interval of all six.
    const flat = summarize([3, 4, 5, 22, 24, 26]);
    expect(flat.ciHigh - flat.ciLow).toBeGreaterThan(5 * (d.ciHigh - d.ciLow));
  });

  it('pools paired differences and value per cost over the sampled points of an LHS clustered by point when a point has several seeds', async () => {
    const records: Rec[] = [];
    // Extra value 2 + seed at point 0, 20 + 2 seed at point 1, 5 at point 2 (one seed); locked_in moves at point 1 only.
    const extra = (point: number, seed: number) => (point === 0 ? 2 + seed : point === 1 ? 20 + 2 * seed : 5);
    for (const point of [0, 1, 2]) {
      for (const seed of point === 2 ? [1] : [1, 2, 3]) {
        const base = 10 * seed + point;
        records.push(rec(point, 'baseline', 0, 10 * point + seed, { x: point / 3 }, { innovation_value_late: seed, innovation_value_total: base, policy_cost: 0, policy_cost_late: 0, locked_in: 0 }));
        records.push(rec(point, 'pol', 1, 10 * point + seed, { x: point / 3 }, { innovation_value_late: seed, innovation_value_total: base + extra(point, seed), policy_cost: 4, policy_cost_late: 1, locked_in: point === 1 ? 1 : 0 }));
      }
    }
    const stats = await computeSweepStats(writeSweep(records, { ticks: 3, observe: { window: 3 }, sweep: { design: 'lhs', parameters: { x: { min: 0, max: 1 } } } }));
    const clusters = [0, 0, 0, 1, 1, 1, 2];
    const d = pairedDifference([3, 4, 5, 22, 24, 26, 5], [0, 0, 0, 0, 0, 0, 0], { clusters });
    expect(d.method).toBe('paired_t_clustered_by_point');
    const pooled = stats.cost.find((c) => c.arm === 'pol' && c.point === null && c.window === 'total')!;
    expect(pooled.method).toBe('paired_t_clustered_by_point');
    expect(pooled.valuePerCostLow).toBeCloseTo(d.ciLow / 4, 12);
    expect(pooled.valuePerCostHigh).toBeCloseTo(d.ciHigh / 4, 12);
    const paired = stats.paired.find((p) => p.point === null && p.outcome === 'innovation_value_total')!;
    expect(paired.difference.method).toBe('paired_t_clustered_by_point');
    expect([paired.difference.ciLow, paired.difference.ciHigh]).toEqual([d.ciLow, d.ciHigh]);
    const share = stats.paired.find((p) => p.point === null && p.outcome === 'locked_in')!;
    const s = pairedDifference([0, 0, 0, 1, 1, 1, 0], [0, 0, 0, 0, 0, 0, 0], { binary: true, clusters });
    expect(share.difference.method).toBe('paired_share_clustered_by_point');
    expect([share.difference.ciLow, share.difference.ciHigh, share.difference.p]).toEqual([s.ciLow, s.ciHigh, s.p]);
    const contrast = stats.armComparison.contrasts.find((c) => c.point === null && c.outcome === 'locked_in')!;
    expect([contrast.method, contrast.lo, contrast.hi]).toEqual(['paired_share_clustered_by_point', s.ciLow, s.ciHigh]);
  });

  it('gives value per cost on the late window (window x late value over late cost) and over the whole run', async () => {
    // observe.window 4 but ticks 3: the late window is 3 ticks.
    const scenario = { ticks: 3, observe: { window: 4 }, sweep: { outcomes: ['custom', 'missing', 'resilience_ticks'] } };
    const records: Rec[] = [];
    for (const seed of [1, 2, 3]) {
      records.push(rec(0, 'baseline', 0, seed, {}, { innovation_value_late: seed, innovation_value_total: 10 * seed, policy_cost: 0, policy_cost_late: 0, custom: seed, resilience_ticks: 3, resilience_censored: 1 }));
      records.push(rec(0, 'pol', 1, seed, {}, { innovation_value_late: seed + 2, innovation_value_total: 10 * seed + 4 + seed, policy_cost: 8, policy_cost_late: 3, custom: 0, resilience_ticks: 3, resilience_censored: 1 }));
      records.push(rec(0, 'free', 2, seed, {}, { innovation_value_late: seed, innovation_value_total: 10 * seed + 1, policy_cost: 0, policy_cost_late: null, custom: 1, resilience_ticks: 3, resilience_censored: 1 }));
      records.push(rec(0, 'nocost', 3, seed, {}, { innovation_value_late: seed, innovation_value_total: 10 * seed, custom: 1 }));
    }
    const stats = await computeSweepStats(writeSweep(records, scenario));
    expect(stats.effectOutcomes).toEqual(['innovation_value_late', 'custom']);
    const pol = stats.cost.filter((c) => c.arm === 'pol');
    expect(pol.map((c) => [c.point, c.window, c.pairs, c.extraCost])).toEqual([[null, 'late', 3, 3], [null, 'total', 3, 8]]);
    // Late: extra value 3 ticks x 2 = 6 per seed over an extra cost of 3: 2, with no spread.
    expect([pol[0].valuePerCost, pol[0].extraValue.mean]).toEqual([2, 6]);
    // The same extra value on every seed: no interval, and the method says why.
    expect([pol[0].method, pol[0].valuePerCostLow, pol[0].valuePerCostHigh]).toEqual(['paired_all_equal', NaN, NaN]);
    expect(pol[1].method).toBe('paired_t');
    // Total: extra value 4 + seed (5, 6, 7; mean 6) over 8.
    const five = summarize([5, 6, 7]);
    expect([pol[1].extraValue.n, pol[1].extraValue.mean, pol[1].extraValue.sd]).toEqual([five.n, five.mean, five.sd]);
    expect(pol[1].extraValue.ciLow).toBeCloseTo(five.ciLow, 12);
    expect(pol[1].extraValue.ciHigh).toBeCloseTo(five.ciHigh, 12);
    expect(pol[1].valuePerCost).toBe(6 / 8);
    expect(pol[1].valuePerCostLow).toBe(pol[1].extraValue.ciLow / 8);
    expect(pol[1].valuePerCostHigh).toBe(pol[1].extraValue.ciHigh / 8);
    // No extra cost: no ratio; no late cost at all: no late row; no cost outcome: no row.
    const free = stats.cost.filter((c) => c.arm === 'free');
    expect(free.map((c) => [c.window, c.extraCost, c.valuePerCost, c.valuePerCostLow, c.valuePerCostHigh])).toEqual([['total', 0, NaN, NaN, NaN]]);
    expect(stats.cost.filter((c) => c.arm === 'nocost')).toEqual([]);
    expect(stats.cost.every((c) => c.baseline === 'baseline')).toBe(true);
  });

  it('takes the late window as observe.window (20 when absent) capped at the run length', async () => {
    const records = (scenarioTicks: number | undefined) => [1, 2].flatMap((seed) => [
      rec(0, 'baseline', 0, seed, {}, { innovation_value_late: seed, policy_cost_late: 0 }),
      rec(0, 'pol', 1, seed, {}, { innovation_value_late: seed + 1, policy_cost_late: 5 }),
    ]);
    // Extra value per tick 1 over the late window, extra late cost 5.
    const late = async (scenario: Rec) => (await computeSweepStats(writeSweep(records(undefined), scenario))).cost.find((c) => c.window === 'late')!.valuePerCost;
    expect(await late({ ticks: 30 })).toBe(20 / 5);
    expect(await late({ ticks: 12 })).toBe(12 / 5);
    expect(await late({ observe: { window: 4 } })).toBe(4 / 5);
    expect(await late({})).toBe(20 / 5);
  });

  it('labels recovery curves with their group\'s label', async () => {
    const records = [1, 2].flatMap((seed) => [0, 1].flatMap((point) => [
      rec(point, 'baseline', 0, seed, { x: point + 1 }, { resilience_ticks: 3 + seed, resilience_censored: 0 }),
      rec(point, 'shock', 1, seed, { x: point + 1 }, { resilience_ticks: 5 + seed, resilience_censored: seed - 1 }),
    ]));
    const stats = await computeSweepStats(writeSweep(records, { sweep: { parameters: { x: [1, 2] } } }));
    expect(stats.recovery.curves.map((c) => c.condition)).toEqual(['x = 1 · baseline', 'x = 1 · shock', 'x = 2 · baseline', 'x = 2 · shock']);
    expect(stats.recovery.armTests.map((t) => [t.point, t.armA, t.armB])).toEqual([[null, 'shock', 'baseline'], [0, 'shock', 'baseline'], [1, 'shock', 'baseline']]);
    const single = await computeSweepStats(writeSweep(records.filter((r) => r.arm === 'baseline' && r.point === 0).map((r) => ({ ...r, params: {} })), {}));
    expect(single.recovery.curves.map((c) => c.condition)).toEqual(['all runs']);
  });

  it('pairs arms on seeds within each point, pooled and per point in point order, and counts a share of 0.5 as 1', async () => {
    // pol adds 1 at point 0 and 3 at point 1; point 2 has no pol run; seed 9 of point 1 has no pol run.
    const records: Rec[] = [];
    for (const point of [1, 0, 2]) for (const seed of [1, 2, 3]) {
      const s = 10 * point + seed;
      records.push(rec(point, 'baseline', 0, s, {}, { y: seed, innovation_value_total: seed, locked_in: [1, 0.5, 0][seed - 1], policy_cost: 1, policy_cost_late: 1 }));
      if (point < 2) records.push(rec(point, 'pol', 1, s, {}, { y: seed + (point ? 3 : 1), innovation_value_total: seed + (point ? 3 : 1), locked_in: 0, policy_cost: seed === 2 && point === 0 ? null : 3 + point, policy_cost_late: 1 }));
    }
    records.push(rec(1, 'baseline', 0, 19, {}, { y: 100, locked_in: null, policy_cost: 1, policy_cost_late: 1 }));
    records.push(rec(1, 'cheap', 2, 11, {}, { y: 2, innovation_value_total: 2, locked_in: 0, policy_cost: 0, policy_cost_late: 1 }));
    const stats = await computeSweepStats(writeSweep(records, { sweep: { parameters: { p: [0, 1, 2] } } }));
    const y = stats.paired.filter((p) => p.outcome === 'y' && p.arm === 'pol');
    expect(y.map((p) => [p.point, p.difference.n, p.difference.mean])).toEqual([[null, 6, 2], [0, 3, 1], [1, 3, 3]]);
    // A share: 1, 0.5 (counted as 1) and 0, the null left out; sd = sqrt(p (1 - p) n / (n - 1)).
    const g = stats.groups.find((x) => x.point === 1 && x.arm === 'baseline')!;
    expect(g.outcomes.locked_in).toMatchObject({ n: 3, mean: 2 / 3 });
    expect(g.outcomes.locked_in.sd).toBeCloseTo(Math.sqrt(((2 / 3) * (1 / 3) * 3) / 2), 14); // sqrt(1/3)
    expect([g.lockedIn.n, g.lockedIn.successes]).toEqual([3, 2]);
    // Extra cost 2 + point (baseline 1), one pair's cost missing at point 0; the cheaper arm: no ratio.
    const total = stats.cost.filter((c) => c.window === 'total' && c.arm === 'pol');
    expect(total.map((c) => [c.point, c.pairs, c.extraCost])).toEqual([[null, 6, 2.6], [0, 3, 2], [1, 3, 3]]);
    expect(total[1].valuePerCost).toBe(0.5);
    const cheap = stats.cost.filter((c) => c.arm === 'cheap' && c.window === 'total');
    expect(cheap.map((c) => [c.point, c.extraCost, c.valuePerCost])).toEqual([[null, -1, NaN], [1, -1, NaN]]);
  });

  it('averages place flows over the runs of a group that have them, ignoring runs of another size', async () => {
    const records = [
      rec(0, 'a', 0, 1, {}, { x: 1 }, { place_flows: [1, 2, 3, 4] }),
      rec(0, 'a', 0, 2, {}, { x: 1 }, { place_flows: [3, null, 5, 6] }),
      rec(0, 'a', 0, 3, {}, { x: 1 }, { place_flows: [100, 100] }),
      rec(0, 'a', 0, 4, {}, { x: 1 }, { place_flows: [] }),
      rec(1, 'a', 0, 5, {}, { x: 1 }, { place_flows: [] }),
      rec(2, 'a', 0, 6, {}, { x: 1 }),
    ];
    const stats = await computeSweepStats(writeSweep(records, { sweep: { parameters: { p: [0, 1, 2] } } }));
    expect(stats.groups.map((g) => g.placeFlows)).toEqual([[2, 1, 4, 5], null, null]);
  });
});

/**
 * Recovery time is censored: a run that had not recovered when it ended holds its censoring
 * time. Reference values from R 4.x, survival 3.x:
 *   library(survival); options(digits = 15)
 *   g <- list(p0base = list(t = c(20, 20, 20, 20), e = c(0, 0, 0, 0)),
 *             p0pol  = list(t = c(6, 9, 20, 14), e = c(1, 1, 0, 1)),
 *             p1base = list(t = c(5, 8, 10, 12, 12), e = c(1, 1, 0, 1, 0)),
 *             p1pol  = list(t = c(4, 4, 7, 9, 15), e = c(1, 1, 1, 1, 1)))
 *   # horizon: 20, the last time of any group, or a group's own last time if censored (p1base)
 *   h <- c(p0base = 20, p0pol = 20, p1base = 12, p1pol = 20)
 *   for (k in names(g)) { d <- g[[k]]
 *     tb <- summary(survfit(Surv(d$t, d$e) ~ 1), rmean = h[[k]])$table; r <- tb[["rmean"]]; se <- tb[["se(rmean)"]]
 *     cat(k, h[[k]], r, se, max(0, r - qnorm(0.975) * se), min(h[[k]], r + qnorm(0.975) * se), tb[["median"]], "\n") }
 *   # p0base 20 20 0 (no interval: SE 0)          median NA
 *   # p0pol  20 12.25 2.65459507269941 7.04708926397167 17.4529107360283   median 11.5
 *   # p1base 12 9.8 1.27749755381371 7.29615080418712 12 (cut at the horizon)  median 12
 *   # p1pol  20 7.8 1.81989010657237 4.23308093529739 11.3669190647026   median 7
 */
describe('censored recovery times', () => {
  const DATA: [number, string, number[], number[]][] = [
    [0, 'base', [20, 20, 20, 20], [1, 1, 1, 1]],
    [0, 'pol', [6, 9, 20, 14], [0, 0, 1, 0]],
    [1, 'base', [5, 8, 10, 12, 12], [0, 0, 1, 0, 1]],
    [1, 'pol', [4, 4, 7, 9, 15], [0, 0, 0, 0, 0]],
    // An arm without a shock: no recovery data at all.
    [0, 'calm', [NaN, NaN], [NaN, NaN]],
  ];
  const records = () => DATA.flatMap(([point, arm, t, censored]) => t.map((ticks, i) =>
    rec(point, arm, ['base', 'pol', 'calm'].indexOf(arm), 10 * point + i + 1, { x: point + 1 }, { innovation_value_late: 1 + i + (arm === 'pol' ? 0.5 * i : 0), resilience_ticks: Number.isNaN(ticks) ? null : ticks, resilience_censored: Number.isNaN(censored[i]) ? null : censored[i] })));
  const scenario = { sweep: { parameters: { x: [1, 2] }, outcomes: ['resilience_ticks'] } };

  it('gives no mean of resilience_ticks per group, only n and the censored count; resilience_censored stays a share', async () => {
    const stats = await computeSweepStats(writeSweep(records(), scenario));
    const r = (point: number, arm: string) => stats.groups.find((g) => g.point === point && g.arm === arm)!.outcomes;
    // Old code: n 4, mean 20, method all_equal: censoring times averaged as if recoveries.
    expect(r(0, 'base').resilience_ticks).toEqual({ n: 4, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, interval: 'see_survival', censored: 4 });
    expect(r(0, 'pol').resilience_ticks).toEqual({ n: 4, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, interval: 'see_survival', censored: 1 });
    // Even with no run censored: the restricted mean of the survival rows is the estimate.
    expect(r(1, 'pol').resilience_ticks).toMatchObject({ n: 5, interval: 'see_survival', censored: 0 });
    expect(r(0, 'base').resilience_censored).toMatchObject({ n: 4, mean: 1, interval: 'wilson' });
    expect(r(0, 'calm').resilience_ticks).toEqual({ n: 0, mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, interval: 'see_survival' });
    // No paired t of censored times; the paired share of not recovering stays.
    expect(stats.paired.filter((p) => p.outcome === 'resilience_ticks')).toEqual([]);
    expect(stats.paired.filter((p) => p.outcome === 'resilience_censored' && p.arm === 'pol').map((p) => [p.point, p.difference.method, p.difference.n])).toEqual([[null, 'paired_share', 9], [0, 'paired_share', 4], [1, 'paired_share', 5]]);
    expect(stats.paired.some((p) => p.outcome === 'innovation_value_late')).toBe(true);
    expect(stats.effectOutcomes).toEqual(['innovation_value_late']);
  });

  it('gives each group the Kaplan-Meier median and the restricted mean to the common horizon, or its own when censored earlier (R survfit)', async () => {
    const stats = await computeSweepStats(writeSweep(records(), scenario));
    const c = stats.recovery.curves.map((x) => [x.point, x.arm, x.n, x.censored, x.horizon, x.median]);
    expect(c).toEqual([[0, 'base', 4, 4, 20, NaN], [0, 'pol', 4, 1, 20, 11.5], [1, 'base', 5, 2, 12, 12], [1, 'pol', 5, 0, 20, 7]]);
    const rm = stats.recovery.curves.map((x) => [x.rmst, x.rmstSe, x.rmstLo, x.rmstHi]);
    const want = [
      [20, 0, NaN, NaN],
      [12.25, 2.65459507269941, 7.04708926397167, 17.4529107360283],
      [9.8, 1.27749755381371, 7.29615080418712, 12],
      [7.8, 1.81989010657237, 4.23308093529739, 11.3669190647026],
    ];
    rm.forEach((row, i) => row.forEach((v, j) => (Number.isNaN(want[i][j]) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(want[i][j], 11))));
  });

  it('writes stats.csv with no mean, interval or paired t of resilience_ticks outside the survival rows', async () => {
    const dir = writeSweep(records(), scenario);
    const stats = await computeSweepStats(dir);
    const [header, ...lines] = readFileSync(writeStatsCsv(dir, stats), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const rows = lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
    const about = rows.filter((x) => x.measure === 'resilience_ticks' || x.outcome === 'resilience_ticks');
    expect(about.map((x) => x.section)).toEqual(['outcome', 'outcome', 'outcome', 'outcome', 'outcome', 'survival', 'survival', 'survival', 'survival', 'logrank', 'logrank', 'logrank_paired', ...Array(4).fill('recovery_first'), 'logrank_paired', ...Array(4).fill('recovery_first'), 'logrank_paired', ...Array(4).fill('recovery_first')]);
    const outcome = about.filter((x) => x.section === 'outcome').map((x) => [x.point, x.arm, x.method, x.n, x.mean, x.sd, x.ci_low, x.ci_high, x.censored]);
    expect(outcome).toEqual([
      ['0', 'base', 'see_survival', '4', '', '', '', '', '4'],
      ['0', 'pol', 'see_survival', '4', '', '', '', '', '1'],
      ['0', 'calm', 'none', '0', '', '', '', '', ''],
      ['1', 'base', 'see_survival', '5', '', '', '', '', '2'],
      ['1', 'pol', 'see_survival', '5', '', '', '', '', '0'],
    ]);
    const survival = about.filter((x) => x.section === 'survival').map((x) => [x.point, x.arm, x.method, x.n, x.censored, x.median, x.mean, x.ci_low, x.ci_high, x.bin_low, x.bin_high]);
    expect(survival).toEqual([
      ['0', 'base', 'kaplan_meier', '4', '4', '', '20', '', '', '0', '20'],
      ['0', 'pol', 'kaplan_meier', '4', '1', '11.5', '12.25', '7.04709', '17.4529', '0', '20'],
      ['1', 'base', 'kaplan_meier', '5', '2', '12', '9.8', '7.29615', '12', '0', '12'],
      ['1', 'pol', 'kaplan_meier', '5', '0', '7', '7.8', '4.23308', '11.3669', '0', '20'],
    ]);
  });
});

describe('formatParamValue', () => {
  it('writes numbers to 6 significant digits without trailing zeros, anything else as it is', () => {
    expect(formatParamValue(0.1 + 0.2)).toBe('0.3');
    expect(formatParamValue(1234567)).toBe('1234570');
    expect(formatParamValue(0.5)).toBe('0.5');
    expect(formatParamValue(1e-7)).toBe('1e-7');
    expect(formatParamValue('0.30000000000000004')).toBe('0.30000000000000004');
    expect(formatParamValue(true)).toBe('true');
    expect(formatParamValue(null)).toBe('null');
  });
});
