/**
 * `lrsim robustness` on the bad inputs and gaps audit D found: a censored recovery time as
 * the outcome or in the target, a target on an outcome no run has (no shock), a --budget
 * that is not a number (was echoed as "NaN"), a sweep without swept parameters (was
 * discover's message), and a future dropped because an arm failed there (was not named).
 * Bad input: exit 2, one line, nothing written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSweep } from '../fixtures/sweep-dir';
import { writePlantedSweep } from '../analysis/planted-sweep';
import { buildOnce, freshDirs, lrsim } from './helpers';

const { fresh, cleanup } = freshDirs();
beforeAll(() => buildOnce());
afterAll(cleanup);

describe('lrsim robustness: bad input exits 2 with one line and writes nothing', () => {
  const planted = fresh(() => writePlantedSweep());
  // Recovery times 4 + 8 x point + U(0, 8), censored at 12 ticks: points 1 to 3 hold censored runs.
  const censored = fresh(() => writeFixtureSweep({ recovery: { end: 12 }, parameters: { openness: [0, 0.1, 0.2, 0.3] } }));
  const noParams = fresh(() => writeFixtureSweep({ parameters: {} }));
  const cases: [string, string, string[], RegExp][] = [
    ['a censored recovery time as the outcome', censored, ['--outcome', 'resilience_ticks'], /^lrsim: error: --outcome resilience_ticks: \d+ of the 32 runs with a recovery time had not recovered when they ended, so their resilience_ticks is a lower bound \(censored\).*use resilience_censored/],
    ['a target on a censored recovery time', censored, ['--target', 'resilience_ticks < 10'], /^lrsim: error: --target "resilience_ticks < 10": \d+ of the 32 runs with a recovery time had not recovered/],
    ['a target on an outcome no run has (no shock)', planted, ['--target', 'drop_ratio > 0.5'], /^lrsim: error: --target "drop_ratio > 0\.5": drop_ratio is undefined \(empty\) in every one of the 384 runs of the compared arms \(no shock in those runs\)/],
    ['an outcome no run has', planted, ['--outcome', 'drop_ratio'], /^lrsim: error: --outcome drop_ratio: undefined \(empty\) in every one of the 384 runs/],
    ['a budget that is not a number', planted, ['--budget', 'abc'], /^lrsim: error: --budget abc: write a number of at least 0/],
    ['a negative budget', planted, ['--budget', '-5'], /^lrsim: error: --budget -5: write a number of at least 0/],
    ['a sweep without swept parameters', noParams, [], /the sweep has no swept parameters \(sweep\.parameters is empty\), so it has one future and robustness across futures has nothing to compare/],
    // Audit 8: value_per_cost is empty in the arm without cost (was "no seed was run in every arm ... resume the sweep").
    ['an outcome empty in one arm', censored, ['--outcome', 'value_per_cost'], /^lrsim: error: --outcome value_per_cost: undefined \(empty\) in every run of the baseline arm \(value_per_cost is missing where an arm has no policy cost\)/],
    ['an outcome with no better direction', censored, ['--outcome', 'peak_tick'], /^lrsim: error: --outcome peak_tick: neither a higher nor a lower value is better in itself .*say which with --better higher or --better lower/],
  ];
  it.concurrent.each(cases)('%s', async (_, dir, args, pattern) => {
    const r = await lrsim(['robustness', dir, ...args, '--no-images']);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(lines[0]).not.toMatch(/NaN|discover/);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'robustness'))).toBe(false);
  });
});

describe('lrsim robustness on a sweep with a failed run', () => {
  it('names the future it leaves out and counts the pairs', async () => {
    // 4 points x 2 arms x 2 seeds; both seeds of the cluster arm at point 3 fail, and one at point 0.
    const probe = fresh(() => writeFixtureSweep({ parameters: { openness: [0, 0.1, 0.2, 0.3] }, replicates: 2 }));
    const keys = readFileSync(join(probe, 'runs.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string; point: number; arm: string; replicate: number });
    const failKeys = keys.filter((k) => k.arm === 'cluster' && (k.point === 3 || (k.point === 0 && k.replicate === 0))).map((k) => k.key);
    expect(failKeys).toHaveLength(3);
    const dir = fresh(() => writeFixtureSweep({ parameters: { openness: [0, 0.1, 0.2, 0.3] }, replicates: 2, failKeys }));
    const r = await lrsim(['robustness', dir, '--no-images']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Robustness over 3 futures \(design points\), paired on 5 \(future, seed\) pairs/);
    expect(r.stdout).toMatch(/Left out, as no seed finished with a defined late innovation value in every arm there: the future openness 0\.3\./);
    expect(r.stdout).toMatch(/3 \(future, seed\) pairs are left out because some arm did not finish there or its late innovation value is undefined\./);
  });
});

// The audit of bad input to the analysis commands (auditinput, items 3, 5, 10).
describe('lrsim robustness: a shard, earlier results, a --better against the outcome\'s direction', () => {
  it('on one shard\'s directory warns on stderr and in robustness.json that it covers that shard only, naming lrsim merge', async () => {
    const dir = fresh(() => writePlantedSweep());
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, shard: { index: 2, count: 4 } }));
    const r = await lrsim(['robustness', dir, '--no-images']);
    expect(r.code, r.stderr).toBe(0);
    const warning = `warning: ${dir} holds shard 2 of the shards 0 to 3 of the sweep (--shard 2/4), so these results cover that shard's runs only, not the sweep's; merge the 4 shards (lrsim merge SHARD_DIR... --out DIR) and run lrsim robustness DIR on the merged directory for the whole sweep`;
    expect(r.stderr).toBe(`lrsim: ${warning}\n`);
    expect(JSON.parse(readFileSync(join(dir, 'robustness', 'robustness.json'), 'utf8'))).toMatchObject({ shard: { index: 2, count: 4 }, shard_warning: warning.replace(dir, 'this directory') });
  });

  it('keeps earlier results unless --force, which replaces its own files and leaves no stale chart', async () => {
    const dir = fresh(() => writePlantedSweep());
    expect((await lrsim(['robustness', dir, '--outcome', 'locked_in'])).code).toBe(0);
    expect(existsSync(join(dir, 'robustness', 'charts', 'robustness.svg'))).toBe(true);
    const before = readFileSync(join(dir, 'robustness', 'robustness.json'), 'utf8');
    const refused = await lrsim(['robustness', dir, '--no-images']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`^lrsim: error: ${join(dir, 'robustness').replace(/[.]/g, '\\.')} already holds the results of an earlier lrsim robustness; add --force to replace them`));
    expect(refused.stdout).toBe('');
    expect(readFileSync(join(dir, 'robustness', 'robustness.json'), 'utf8')).toBe(before);
    writeFileSync(join(dir, 'robustness', 'notes.txt'), 'mine');
    const forced = await lrsim(['robustness', dir, '--force', '--no-images']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'robustness', 'robustness.json'), 'utf8')).outcome).toBe('innovation_value_late');
    // The locked_in chart images are gone with the results they drew.
    expect(readdirSync(join(dir, 'robustness', 'charts'))).toEqual(['robustness.vl.json']);
    expect(readFileSync(join(dir, 'robustness', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('says so first when --better contradicts the direction lrsim knows, and records it', async () => {
    const dir = fresh(() => writePlantedSweep());
    const r = await lrsim(['robustness', dir, '--better', 'lower', '--no-images']);
    expect(r.code, r.stderr).toBe(0);
    const note = "Note: --better lower ranks the arms with a lower innovation_value_late as better, against lrsim's own classification of innovation_value_late (a higher value is better; src/stats/outcome-direction.ts), so the ranking below is reversed from the default; leave out --better to rank higher values first.";
    expect(r.stdout.split('\n')[0]).toBe(note);
    expect(r.stdout.split('\n')[1]).toMatch(/: baseline is best on average/);
    expect(JSON.parse(readFileSync(join(dir, 'robustness', 'robustness.json'), 'utf8'))).toMatchObject({ better: 'lower', known_better: 'higher', better_note: note });
    // The direction lrsim knows, given explicitly: no note.
    const agreed = await lrsim(['robustness', dir, '--better', 'higher', '--force', '--no-images']);
    expect(agreed.stdout).toMatch(/^Robustness over 64 futures/);
    expect(JSON.parse(readFileSync(join(dir, 'robustness', 'robustness.json'), 'utf8'))).toMatchObject({ better: 'higher', known_better: 'higher', better_note: null });
    // An outcome where lower is better, asked the other way round.
    const locked = await lrsim(['robustness', dir, '--outcome', 'locked_in', '--better', 'higher', '--force', '--no-images']);
    expect(locked.stdout.split('\n')[0]).toMatch(/^Note: --better higher ranks the arms with a higher locked_in as better, against lrsim's own classification of locked_in \(a lower value is better;/);
  });
});
