/**
 * `lrsim robustness` on the bad inputs and gaps audit D found: a censored recovery time as
 * the outcome or in the target, a target on an outcome no run has (no shock), a --budget
 * that is not a number (was echoed as "NaN"), a sweep without swept parameters (was
 * discover's message), and a future dropped because an arm failed there (was not named).
 * Bad input: exit 2, one line, nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
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
