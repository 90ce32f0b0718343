import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lrsim, lrsimSpawn, outputs, storedLines, tempDir, writeScenario } from './helpers';
import { runSweep } from '../../src/sweep/run-sweep';
import { readManifest } from '../../src/sweep/manifest';
import { sweepMessages } from '../../src/sweep/messages';

const DESIGN = `sweep:
  design: grid
  parameters:
    openness: [0.05, 0.15, 0.3]
  replicates: 6
`;

const storedKeys = (dir: string) =>
  readFileSync(join(dir, 'runs.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { key: string }).key);

/** Waits until the store of `dir` holds at least `n` runs. */
async function waitForRuns(dir: string, n: number, timeoutMs = 90_000) {
  const start = Date.now();
  while (storedLines(dir) < n) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${n} runs in ${dir}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a killed sweep, resumed, equals one never interrupted', { timeout: 300_000 }, () => {
  const dir = tempDir('resume');
  const scenario = writeScenario(dir, DESIGN);
  const whole = join(dir, 'whole');
  const killed = join(dir, 'killed');

  it('after SIGKILL part way and a torn last line', async () => {
    expect(lrsim(['sweep', scenario, '--workers', '2', '--out', whole, '--no-report']).code).toBe(0);

    const child = lrsimSpawn(['sweep', scenario, '--workers', '2', '--out', killed, '--no-report']);
    await waitForRuns(killed, 5);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const before = storedLines(killed);
    expect(before).toBeLessThan(18);
    // A write cut short by the kill: half a record without its newline.
    const store = join(killed, 'runs.ndjson');
    const lastLine = readFileSync(store, 'utf8').trim().split('\n').pop()!;
    appendFileSync(store, lastLine.slice(0, Math.floor(lastLine.length / 2)));

    const resumed = lrsim(['sweep', scenario, '--workers', '2', '--out', killed, '--resume', '--no-report']);
    expect(resumed.code).toBe(0);
    expect(outputs(killed)).toEqual(outputs(whole));
    const keys = storedKeys(killed);
    expect(keys).toHaveLength(18);
    expect(new Set(keys).size).toBe(18); // never a duplicate

    // Resuming a complete sweep runs nothing and changes no output.
    const size = statSync(store).size;
    expect(lrsim(['sweep', scenario, '--out', killed, '--resume', '--no-report']).code).toBe(0);
    expect(statSync(store).size).toBe(size);
    expect(outputs(killed)).toEqual(outputs(whole));
  });

  it('Ctrl-C stops cleanly, keeps finished runs and resumes', async () => {
    const stopped = join(dir, 'stopped');
    const child = lrsimSpawn(['sweep', scenario, '--workers', '1', '--out', stopped, '--no-report']);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    await waitForRuns(stopped, 3);
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: \d+ of 18 runs are stored; finish with: lrsim .*--resume/);
    const manifest = JSON.parse(readFileSync(join(stopped, 'manifest.json'), 'utf8')) as { status: string; source: { commit: string | null } };
    expect(manifest.status).toBe('interrupted');
    expect(manifest.source.commit).toMatch(/^[0-9a-f]{40}$/); // the checkout the sweep ran from
    // every line whole
    expect(readFileSync(join(stopped, 'runs.ndjson'), 'utf8').endsWith('}\n')).toBe(true);
    expect(lrsim(['sweep', scenario, '--workers', '2', '--out', stopped, '--resume', '--no-report']).code).toBe(0);
    expect(outputs(stopped)).toEqual(outputs(whole));
  });
});

describe('firm tables (microdata) across a resume: every run or none', { timeout: 120_000 }, () => {
  const GRID2 = `sweep:\n  design: grid\n  parameters:\n    openness: [0.05, 0.3]\n  replicates: 1\n`;
  const tables = (dir: string) => readdirSync(join(dir, 'microdata')).filter((f) => f.endsWith('.firms.csv')).length;

  it('a resume without the flag keeps the choice the sweep was started with', async () => {
    const dir = tempDir('resume-microdata');
    const scenario = writeScenario(dir, GRID2, 10);
    const out = join(dir, 'out');
    await runSweep({ scenario, out, workers: 1, microdata: true, progress: false });
    expect(tables(out)).toBe(2);
    expect(readManifest(out)?.microdata).toBe(true);
    // More replicates, no flag: the new runs write their tables too.
    await runSweep({ scenario, out, workers: 1, replicates: 2, resume: true, progress: false });
    expect(tables(out)).toBe(4);
    expect(readManifest(out)?.microdata).toBe(true);
  });

  it('a resume whose flag contradicts it is refused, and nothing changes', async () => {
    const dir = tempDir('resume-microdata-no');
    const scenario = writeScenario(dir, GRID2, 10);
    const out = join(dir, 'out');
    await runSweep({ scenario, out, workers: 1, microdata: true, progress: false });
    const before = readFileSync(join(out, 'runs.ndjson'), 'utf8');
    await expect(runSweep({ scenario, out, workers: 1, replicates: 2, resume: true, microdata: false, progress: false })).rejects.toThrow(
      `--resume: ${out} was started with firm tables (microdata); resuming without them would leave the firm-level statistics covering only some runs; nothing was changed: resume without --no-microdata (a resume keeps the choice the sweep was started with), or use a new --out`,
    );
    expect(readFileSync(join(out, 'runs.ndjson'), 'utf8')).toBe(before);
  });
});

describe('a resume over runs from other code says so (input audit task e)', { timeout: 120_000 }, () => {
  it('warns on stderr, as merge does for shards, and records the earlier commit in earlier_sources', () => {
    const dir = tempDir('resume-code');
    const scenario = writeScenario(dir, `sweep:\n  design: grid\n  parameters:\n    openness: [0.05, 0.3]\n  replicates: 1\n`, 10);
    const out = join(dir, 'out');
    expect(lrsim(['sweep', scenario, '--workers', '1', '--out', out, '--no-report']).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    // The same code: no warning.
    const same = lrsim(['sweep', scenario, '--workers', '1', '--out', out, '--no-report', '--resume']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).not.toMatch(/warning/);
    // The stored runs from another, dirty commit of an older version (was: recorded in earlier_sources without a word).
    const other = { commit: 'deadbeef'.repeat(5), dirty: true };
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, source: other, version: '0.0.9' }));
    const mixed = lrsim(['sweep', scenario, '--workers', '1', '--out', out, '--no-report', '--resume', '--replicates', '2']);
    expect(mixed.code, mixed.stderr).toBe(0);
    // This checkout's own source may be dirty, or unknown outside git: named as merge names it.
    const now = sweepMessages.commitOf(manifest.source);
    expect(mixed.stderr).toContain(
      `lrsim: warning: --resume: the store of ${out} holds runs from other code (lrsim 0.0.9, commit deadbee with uncommitted changes) than this session's (lrsim ${manifest.version}, ${now}); other code can give other results for the same seed, so the sweep mixes them (manifest.json records the earlier code in earlier_sources); for a sweep of one code, run it again from one commit with a new --out\n`,
    );
    expect(mixed.stderr.match(/warning/g)).toHaveLength(1);
    expect(readManifest(out)?.earlier_sources).toEqual([other]);
  });
});
