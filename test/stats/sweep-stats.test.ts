import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSweepStats, summarize, writeStatsCsv } from '../../src/stats';
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
    expect(g0.label).toBe('openness = 0, geographic_decay_km = 10 · baseline');
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
      'outcome,parameter,level,reference,parameter_a,parameter_b,method,scale,arm_a,arm_b,condition,index,estimate,lo,hi,p,p_holm,p_best,r2,median,censored');
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
    expect(lines.filter((l) => l.startsWith('firm_quadratic,'))).toHaveLength(2);
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
