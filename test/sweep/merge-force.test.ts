/**
 * Issue 14 item 6: `lrsim merge` writes into a directory holding other files only with
 * --force (the rule of `sweep` and `run`): a user's report.html and runs.csv there are not
 * lrsim's when no manifest.json of a sweep stands beside them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lrsim, tempDir, writeScenario } from './helpers';

describe('merge into a directory that holds other files', { timeout: 180_000 }, () => {
  it('is refused without --force, changing nothing; with --force it merges', () => {
    const dir = tempDir('merge-force');
    const scenario = writeScenario(tempDir('merge-force-scenario'), 'sweep:\n  parameters:\n    openness: [0.1, 0.2]\n  replicates: 1\n', 10);
    const shards = [0, 1].map((i) => join(dir, 'shards', String(i)));
    for (const [i, s] of shards.entries()) expect(lrsim(['sweep', scenario, '--workers', '1', '--shard', `${i}/2`, '--out', s]).code).toBe(0);

    // The directory holding the shards (the layout of `lrsim slurm`) needs no --force.
    const parent = lrsim(['merge', ...shards, '--out', dir, '--no-report']);
    expect(parent.code, parent.stderr).toBe(0);

    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'report.html'), 'my own report');
    writeFileSync(join(out, 'runs.csv'), 'my,own\n');
    const refused = lrsim(['merge', ...shards, '--out', out, '--no-report']);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/^lrsim: error: merge: --out \S+mine already holds other files \(report\.html, runs\.csv\); name a new or empty directory, or add --force to write into it anyway\n$/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe('my own report');
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe('my,own\n');
    expect(existsSync(join(out, 'runs.ndjson'))).toBe(false);

    const forced = lrsim(['merge', ...shards, '--out', out, '--no-report', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toMatch(/^key,point,arm/);

    // A merge done again into its own directory needs no --force.
    const again = lrsim(['merge', ...shards, '--out', out, '--no-report']);
    expect(again.code, again.stderr).toBe(0);
  });
});
