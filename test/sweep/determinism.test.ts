import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSweeps } from '../../src/sweep/merge';
import { runSweep } from '../../src/sweep/run-sweep';
import { GRID_WITH_ARMS, outputs, tempDir, writeScenario } from './helpers';

// Outputs are sorted by key and carry no timings: the bytes must not depend on how many
// workers ran the sweep, in what order runs finished, or how it was split into shards.
describe('sweep outputs are byte-identical', { timeout: 300_000 }, () => {
  const dir = tempDir('determinism');
  const scenario = writeScenario(dir, GRID_WITH_ARMS);
  const sweep = (out: string, workers: number, shard?: { index: number; count: number }) =>
    runSweep({ scenario, out: join(dir, out), workers, shard, progress: false });

  it('for 1, 2 and 4 workers and for 3 merged shards', async () => {
    const one = await sweep('w1', 1);
    expect(one).toMatchObject({ status: 'complete', planned: 16, ok: 16, failedCount: 0, exitCode: 0 });
    const reference = outputs(join(dir, 'w1'));
    expect(reference['runs.csv'].toString().trim().split('\n')).toHaveLength(17);

    await sweep('w2', 2);
    await sweep('w4', 4);
    expect(outputs(join(dir, 'w2'))).toEqual(reference);
    expect(outputs(join(dir, 'w4'))).toEqual(reference);

    for (let i = 0; i < 3; i++) await sweep(`shards/${i}`, 1 + (i % 2), { index: i, count: 3 });
    const merged = await mergeSweeps([0, 1, 2].map((i) => join(dir, 'shards', String(i))), join(dir, 'merged'));
    expect(merged).toMatchObject({ planned: 16, ok: 16, exitCode: 0 });
    expect(outputs(join(dir, 'merged'))).toEqual(reference);
  });

  it('merged shards keep every run\'s firm table (microdata), identical to a single sweep\'s', async () => {
    const micro = (out: string, shard?: { index: number; count: number }) =>
      runSweep({ scenario, out: join(dir, out), workers: 2, shard, microdata: true, progress: false });
    await micro('m-whole');
    for (let i = 0; i < 2; i++) await micro(`m-shards/${i}`, { index: i, count: 2 });
    await mergeSweeps([0, 1].map((i) => join(dir, 'm-shards', String(i))), join(dir, 'm-merged'));
    const tables = (out: string) => Object.fromEntries(readdirSync(join(dir, out, 'microdata')).sort().map((f) => [f, readFileSync(join(dir, out, 'microdata', f), 'utf8')]));
    const whole = tables('m-whole');
    expect(Object.keys(whole)).toHaveLength(16);
    expect(tables('m-merged')).toEqual(whole);
  });

  it('refuses to merge shards of which one wrote firm tables and another did not', async () => {
    await runSweep({ scenario, out: join(dir, 'x-shards/0'), workers: 2, shard: { index: 0, count: 2 }, microdata: true, progress: false });
    await runSweep({ scenario, out: join(dir, 'x-shards/1'), workers: 2, shard: { index: 1, count: 2 }, microdata: false, progress: false });
    await expect(mergeSweeps([0, 1].map((i) => join(dir, 'x-shards', String(i))), join(dir, 'x-merged'))).rejects.toThrow(
      `merge: ${join(dir, 'x-shards', '1')} belongs to a different sweep than ${join(dir, 'x-shards', '0')} (scenario hash, replicates, shard count or firm tables (--microdata) differ); merge only the shards of one sweep`,
    );
  });
});
