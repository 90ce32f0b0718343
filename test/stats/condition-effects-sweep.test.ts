/**
 * Audit 8, finding 2, in a sweep: on a continuous design each arm's effect is regressed on
 * the sampled conditions (the estimator is checked against R in condition-heterogeneity.test.ts;
 * here: the sweep feeds it each point's mean paired difference and the conditions, writes
 * the rows, and the findings say what the fit supports). Fixture truth: the treated arm's
 * value level rises by 2 per unit of openness (armSlopes) and not with the other condition;
 * the treated arm's extra cost is the same everywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings } from '../../src/report/findings/index';
import { computeSweepStats, writeStatsCsv } from '../../src/stats';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

/** A uniform [0, 1) draw from an integer (an integer hash, so seeds and arms get independent noise). */
function hash(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

describe('the effect regressed on the sampled conditions', () => {
  it('finds the condition the effect moves with, writes the rows, and says it with its limits', async () => {
    // Late value with seed noise that differs between the arms of a seed (the fixture's own
    // cancels in the difference, which would make the fit exact): 0.3 + 2 openness extra in the treated arm.
    const noise = (seed: number, arm: string) => 0.4 * (hash(seed * 2 + (arm === 'cluster' ? 1 : 0)) - 0.5);
    const plant = (r: { arm: string; seed: number; params: Record<string, number> }) => ({ innovation_value_late: 1 + 2 * r.params.openness + (r.arm === 'cluster' ? 0.3 + 2 * r.params.openness : 0) + noise(r.seed, r.arm) });
    const dir = writeFixtureSweep({ continuous: { design: 'lhs', samples: 30, ranges: { openness: [0, 0.5], 'migration.rate': [0, 1] } }, replicates: 2, plant });
    const stats = await computeSweepStats(dir);
    const late = stats.conditionEffects!.find((r) => r.outcome === 'innovation_value_late' && r.arm === 'cluster')!;
    expect(late.n).toBe(30);
    expect(late.conditions).toEqual(['openness', 'migration.rate']);
    expect(late.p).toBeLessThan(0.001);
    expect(late.exact).toBe(false);
    expect(late.r2).toBeGreaterThan(0.5);
    const [open, migration] = late.slopes;
    expect(open.lo).toBeGreaterThan(0);
    expect(migration.lo).toBeLessThan(0);
    expect(migration.hi).toBeGreaterThan(0);
    // The extra cost is the same at every point: nothing to regress.
    expect(stats.conditionEffects!.some((r) => r.outcome === 'policy_cost')).toBe(false);
    const text = findings(stats).join('\n');
    expect(text).toMatch(/The effect of cluster varies with the sampled conditions: a linear regression of each design point's mean paired difference on the 2 sampled conditions \(standardised\), over 30 points explains R² = 0\.\d+, adjusted 0\.\d+ of their spread \(heteroskedasticity-robust joint test of all slopes, HC2 with the HTZ correction, F\(2, [\d.]+\) = [\d.]+, p < 0\.001\); per SD of a condition \(the others held fixed\) the paired difference changes by openness \+[\d.]+ \(95 % CI \+[\d.]+ to \+[\d.]+\) \(no clear slope on migration\.rate\)\. This is a linear description of how the effect moves with the conditions, not a causal decomposition/);
    writeStatsCsv(dir, stats);
    const rows = readFileSync(join(dir, 'stats.csv'), 'utf8').split('\n').filter((l) => l.startsWith('condition_heterogeneity,'));
    expect(rows.filter((l) => l.includes(',all_conditions,'))).toHaveLength(stats.conditionEffects!.length);
    expect(rows.filter((l) => l.includes(',slope_per_sd,'))).toHaveLength(2 * stats.conditionEffects!.length);
  });

  it('says when the variation is not clear, and a grid gets none (it has the F test by point)', async () => {
    const noise = (seed: number, arm: string) => 0.4 * (hash(seed * 2 + (arm === 'cluster' ? 1 : 0)) - 0.5);
    const plant = (r: { arm: string; seed: number; params: Record<string, number> }) => ({ innovation_value_late: 1 + 2 * r.params.openness + (r.arm === 'cluster' ? 0.3 : 0) + noise(r.seed, r.arm) });
    const flat = await computeSweepStats(writeFixtureSweep({ continuous: { design: 'lhs', samples: 30, ranges: { openness: [0, 0.5], 'migration.rate': [0, 1] } }, replicates: 2, plant }));
    const late = flat.conditionEffects!.find((r) => r.outcome === 'innovation_value_late')!;
    expect(late.p).toBeGreaterThanOrEqual(0.05);
    // Two seeds a point: the F test by point is there too, and the regression follows it.
    expect(flat.armComparison.heterogeneity.find((h) => h.outcome === 'innovation_value_late')!.misleading).toBe(false);
    expect(findings(flat).join('\n')).toMatch(/The effect does not differ clearly between design points \(F test p = [\d.]+\)\. Whether the effect varies with the sampled conditions is not clear/);
    expect(findings(flat).join('\n')).toMatch(/Whether the effect varies with the sampled conditions is not clear \(a linear regression of each design point's mean paired difference on the 2 sampled conditions \(standardised\), over 30 points, R² = [\d.]+, adjusted −?[\d.]+; heteroskedasticity-robust joint test of all slopes, HC2 with the HTZ correction, F\(2, [\d.]+\) = [\d.]+, p = [\d.]+\)\./);
    expect(findings(flat).join('\n')).not.toMatch(/largest in size/);
    // Few points for the conditions: the robust test's denominator df falls under 4 (14 points
    // on 3 conditions gave 3.7, 8 points 1.4) and the sentence declines to test.
    const thin = { ...flat, conditionEffects: flat.conditionEffects!.map((r) => ({ ...r, df2: 1.43, p: 0.039 })) } as typeof flat;
    expect(findings(thin).join('\n')).toMatch(/Whether the effect varies with the sampled conditions cannot be tested reliably here \(.*R² = [\d.]+, adjusted −?[\d.]+\): the robust test has 1\.43 denominator degrees of freedom \(under 4\), too few points for 2 conditions\./);
    // The fixture's own noise cancels in the difference: an exact fit, stated without a test.
    const exact = await computeSweepStats(writeFixtureSweep({ continuous: { design: 'lhs', samples: 30, ranges: { openness: [0, 0.5], 'migration.rate': [0, 1] } }, replicates: 2, armSlopes: { openness: 2 } }));
    expect(findings(exact).join('\n')).toMatch(/The paired difference is an exact linear function of the sampled conditions \(R² = 1 over 30 points, no residual variation, so no test or interval\): per SD of a condition it changes by openness \+[\d.]+; migration\.rate [−+]?[\d.e−+]+\./);
    const grid = await computeSweepStats(writeFixtureSweep({ replicates: 2 }));
    expect(grid.conditionEffects).toEqual([]);
  });
});
