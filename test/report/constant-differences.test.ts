/**
 * A paired difference that is the same on every seed gets no interval: the t interval would
 * have zero width ("0 (95 % CI 0 to 0)") and claim the mean difference without any
 * uncertainty. Synthetic sweep: an arm that leaves late innovation value exactly unchanged
 * on every seed and raises the final lock-in index by exactly 0.125 (dyadic values, so every
 * difference is exactly 0 or 0.125 in floating point; with 0.1 the differences would differ
 * in the last bit).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report';
import { computeSweepStats } from '../../src/stats';
import { parseCsv } from '../../src/io/csv';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

describe('paired differences that are the same on every seed', () => {
  it('are reported as such, not as a zero-width interval', async () => {
    const dir = writeFixtureSweep({
      parameters: { openness: [0.1, 0.3] },
      arms: ['baseline', 'idle'],
      replicates: 8,
      ticks: 12,
      outcomes: ['innovation_value_late', 'lock_in_index_final'],
      plant: ({ arm, replicate }) => ({ innovation_value_late: 1 + replicate / 16, lock_in_index_final: replicate / 32 + (arm === 'idle' ? 0.125 : 0) }),
    });
    await computeSweepStats(dir);
    const result = await writeReport(dir, { images: false });
    const text = result.findings.join('\n');
    expect(text).toContain('The idle arm did not change late innovation value on any of the 16 seeds (all 16 paired differences are 0; no interval) over the baseline arm');
    expect(text).toContain("Cohen's d_z not computable");
    expect(text).toContain('differed from the baseline arm by +0.125 (no interval: all 16 paired differences are +0.125)');
    expect(text).toContain('The difference is the same at every design point.');
    expect(text).toContain('at openness = 0.1 0 (no interval: all 8 paired differences are 0; 0 %)');
    expect(text).toContain('over the whole run, 0.219 per unit (no interval: the extra value is');
    // No interval of zero width anywhere.
    for (const m of text.matchAll(/95 % CI (\S+) to (\S+?)[;,)]/g)) expect(m[1], m[0]).not.toBe(m[2]);
    const table = parseCsv(readFileSync(join(dir, 'stats.csv'), 'utf8'));
    const col = (name: string) => table.columns.indexOf(name);
    const rows = table.rows.filter((r) => (r[col('section')] === 'contrast' || r[col('section')] === 'paired_difference') && r[col('point')] === 'all');
    const byMeasure = (m: string) => rows.filter((r) => (r[col('measure')] || r[col('outcome')]) === m);
    for (const m of ['innovation_value_late', 'lock_in_index_final']) {
      expect(byMeasure(m).length, m).toBeGreaterThan(0);
      for (const r of byMeasure(m)) {
        expect(r[col('method')]).toBe('paired_all_equal');
        expect(r[col(r[col('section')] === 'contrast' ? 'lo' : 'ci_low')]).toBe('');
      }
    }
  });
});
