/**
 * No interval the report prints for a bounded outcome leaves the outcome's range, and none
 * has zero width: the march-1991-turnover case (docs/scenarios.md) on a synthetic sweep of
 * 4 points x 100 runs whose values copy the shapes of the stored sweep (piled at 1, all at
 * 1, spread around 0), plus a [0, 1] outcome piled at 0 and at 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report';
import { computeSweepStats, summarize } from '../../src/stats';
import { parseCsv } from '../../src/io/csv';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

const OFF = 0.933333; // one dimension of 15 wrong: (14 - 1) / 15
/** code_knowledge_final ([-1, 1]) and external_tie_share_final ([0, 1]) of a run. */
function plant({ point, replicate: r }: { point: number; replicate: number }): Record<string, number> {
  const knowledge = [((r * 7) % 15) / 15 - 7 / 15, r % 11 === 0 ? OFF : 1, 1, r < 2 ? OFF : 1][point];
  const ties = [0, r < 2 ? 0.05 : 0, 1, 0.3 + ((r % 5) - 2) / 100][point];
  return { code_knowledge_final: knowledge, external_tie_share_final: ties };
}
const RANGES: Record<string, [number, number]> = { code_knowledge_final: [-1, 1], external_tie_share_final: [0, 1] };
const number = (s: string) => Number(s.replace('−', '-'));

describe('intervals of bounded outcomes in the report (march-1991-turnover shapes)', async () => {
  const dir = writeFixtureSweep({ parameters: { 'march_1991.turnover_rate': [0, 0.05, 0.1, 0.2] }, arms: [], replicates: 100, ticks: 12, outcomes: ['code_knowledge_final', 'external_tie_share_final'], plant });
  const stats = await computeSweepStats(dir);

  it('is a case where the t interval leaves the range or has zero width', () => {
    const values = (point: number, k: string) => stats.runs.filter((r) => r.point === point).map((r) => r.outcomes[k]);
    expect(summarize(values(3, 'code_knowledge_final')).ciHigh).toBeGreaterThan(1);
    expect(summarize(values(1, 'external_tie_share_final')).ciLow).toBeLessThan(0);
    const all = summarize(values(2, 'code_knowledge_final'));
    expect(all.ciHigh - all.ciLow).toBe(0);
  });

  it('prints every interval of the two outcomes inside their range, none of zero width, and says when all runs agree', async () => {
    const result = await writeReport(dir, { images: false });
    for (const [outcome, [a, b]] of Object.entries(RANGES)) {
      const name = outcome.replace(/_/g, ' ');
      const sentence = result.findings.find((f) => f.toLowerCase().startsWith(`${name}:`) || f.toLowerCase().startsWith(`final ${name.replace(' final', '')}:`));
      expect(sentence, outcome).toBeDefined();
      const intervals = [...sentence!.matchAll(/95 % CI (−?[\d.]+) to (−?[\d.]+)/g)].map((m) => [number(m[1]), number(m[2])]);
      expect(intervals).toHaveLength(4);
      for (const [lo, hi] of intervals) {
        expect(lo).toBeGreaterThanOrEqual(a);
        expect(hi).toBeLessThanOrEqual(b);
        expect(hi).toBeGreaterThan(lo);
      }
      expect(sentence).toContain(`turnover_rate = 0.1 ${b} (all 100 runs: ${b}, the bound of its range; 95 % CI`);
    }
    // stats.csv: the exact numbers, with the method that produced each row.
    const table = parseCsv(readFileSync(join(dir, 'stats.csv'), 'utf8'));
    const col = (name: string) => table.columns.indexOf(name);
    const rows = table.rows.filter((r) => r[col('section')] === 'outcome' && r[col('measure')] in RANGES);
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      const [a, b] = RANGES[r[col('measure')]];
      expect(Number(r[col('ci_low')])).toBeGreaterThanOrEqual(a);
      expect(Number(r[col('ci_high')])).toBeLessThanOrEqual(b);
    }
    const method = (measure: string) => rows.filter((r) => r[col('measure')] === measure).map((r) => r[col('method')]);
    expect(method('code_knowledge_final')).toEqual(['t', 'korn_graubard', 'clopper_pearson_at_bound', 'korn_graubard']);
    expect(method('external_tie_share_final')).toEqual(['clopper_pearson_at_bound', 'korn_graubard', 'clopper_pearson_at_bound', 't']);
  });
});
