import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSweepStats, summarize, writeStatsCsv } from '../../src/stats';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

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
    expect(g0.outcomes.innovation_value_late).toEqual(summarize(late));
    expect(g0.series.innovation_value.tick).toHaveLength(30);
    expect(g0.placeFlows).toHaveLength(16);

    // Pooled paired difference: the fixture's cluster arm adds 0.3 x (1 + t/T) per tick on the same noise.
    const pooled = stats.paired.find((p) => p.point === null && p.arm === 'cluster' && p.outcome === 'innovation_value_late')!;
    expect(pooled.difference.n).toBe(15); // 16 pairs less the failed baseline run
    const expected = 0.3 * (1 + (20 + 29) / 2 / 30);
    expect(pooled.difference.mean).toBeCloseTo(expected, 10);
    expect(pooled.difference.sd).toBeLessThan(1e-9);

    const cost = stats.cost.find((c) => c.point === null)!;
    expect(cost.extraCost).toBe(60);
    expect(cost.valuePerCost).toBeCloseTo(cost.extraValue.mean / 60, 12);

    const path = writeStatsCsv(dir, stats);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('section,point,openness,proximity.geographic_decay_km,arm,baseline,measure,tick,n,mean,sd,ci_low,ci_high,effect_size,rel_mean,rel_ci_low,rel_ci_high');
    expect(lines.filter((l) => l.startsWith('locked_in_share,'))).toHaveLength(8);
    expect(lines.some((l) => l.startsWith('paired_difference,all,,,cluster,baseline,innovation_value_late,'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('series,'))).toHaveLength(8 * 30 * 15);
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
