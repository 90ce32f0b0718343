/**
 * Sentences about arms pooled over the sampled points of a continuous design with several
 * seeds per point: they say the point is the unit (clustered), as the statistics are.
 */
import { describe, expect, it } from 'vitest';
import { findings } from '../../src/report/findings/index';
import { computeSweepStats } from '../../src/stats';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

// Late innovation value: the cluster arm adds 0.1 + point / 20 plus seed noise.
const plant = ({ point, arm, seed }: { point: number; arm: string; seed: number }) => ({ innovation_value_late: 1 + (arm === 'cluster' ? 0.1 + point / 20 + ((seed % 7) - 3) / 50 : 0) + (seed % 5) / 20 });

describe('arms pooled over sampled futures', () => {
  it('says the contrast is clustered by point and the ranking bootstraps points, with several seeds per point', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ replicates: 3, continuous: { design: 'lhs', samples: 6, ranges: { openness: [0, 0.3] } }, plant }));
    const text = findings(stats).join('\n');
    expect(stats.armComparison.contrasts.find((c) => c.point === null && c.outcome === 'innovation_value_late')?.method).toBe('paired_t_clustered_by_point');
    expect(text).toMatch(/pooled over all design points, clustered by point/);
    expect(text).toMatch(/Share of bootstrap resamples of the 6 design points \(each point with all its seeds; 18 common seeds\)/);
  });

  it('says neither with one seed per point', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ replicates: 1, continuous: { design: 'lhs', samples: 6, ranges: { openness: [0, 0.3] } }, plant }));
    const text = findings(stats).join('\n');
    expect(stats.armComparison.contrasts.every((c) => !c.method.includes('clustered'))).toBe(true);
    expect(text).not.toMatch(/clustered by point|each point with all its seeds/);
  });
});
