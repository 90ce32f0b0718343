/**
 * Issue 14 item 8: one process at a time writes a sweep directory. Two real processes: a
 * second sweep (or resume) on a directory in use is refused (exit 2, naming the owner's
 * pid); a lock left by a killed process is taken over with a note; two resumes started
 * together store every run once.
 */
import { once } from 'node:events';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertUnlocked, lockDirectory, STALE_ELSEWHERE_MS } from '../../src/io/dir-lock';
import { lrsimSpawn, storedLines, tempDir, writeScenario } from './helpers';

const DESIGN = `sweep:
  design: grid
  parameters:
    openness: [0.05, 0.15, 0.3]
  replicates: 6
`;

const storedKeys = (dir: string) =>
  readFileSync(join(dir, 'runs.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { key: string }).key);

async function until(condition: () => boolean, what: string, timeoutMs = 120_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs the CLI in the background to its end: exit code and output. */
async function run(args: string[]) {
  const child = lrsimSpawn(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

describe('the lock on a sweep directory', { timeout: 400_000 }, () => {
  const dir = tempDir('lock');
  const scenario = writeScenario(dir, DESIGN, 150);
  const out = join(dir, 'out');
  const lockFile = join(out, '.lrsim.lock');

  it('refuses a second process while the first runs, takes over a dead one\'s lock, and two resumes store each run once', async () => {
    const first = lrsimSpawn(['sweep', scenario, '--workers', '1', '--out', out, '--no-report']);
    await until(() => existsSync(lockFile) && storedLines(out) >= 1, 'the first sweep to store a run');
    // Held still (alive, holding the lock) so it cannot finish its 18 runs before the
    // second process starts: a fast engine made that a race.
    process.kill(first.pid!, 'SIGSTOP');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: first.pid });

    // A report would write stats.csv and report.html beside a sweep that writes them too.
    const [second, report] = await Promise.all([run(['sweep', scenario, '--workers', '1', '--out', out, '--resume', '--no-report']), run(['report', out, '--no-images'])]);
    expect(second.code, second.stderr).toBe(2);
    expect(second.stderr.trim()).toMatch(new RegExp(`^lrsim: error: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by lrsim process ${first.pid} on \\S+ \\(since [^)]+\\); wait for it to finish or stop it, then try again$`));

    expect(report.code, report.stderr).toBe(2);
    expect(report.stderr.trim()).toMatch(new RegExp(`^lrsim: error: \\S+ is in use by lrsim process ${first.pid} on `));
    expect(existsSync(join(out, 'report.html'))).toBe(false);

    first.kill('SIGKILL');
    await once(first, 'exit');
    expect(existsSync(lockFile)).toBe(true); // a SIGKILL leaves the lock behind

    const [a, b] = await Promise.all([
      run(['sweep', scenario, '--workers', '1', '--out', out, '--resume', '--no-report']),
      run(['sweep', scenario, '--workers', '1', '--out', out, '--resume', '--no-report']),
    ]);
    const codes = [a.code, b.code].sort();
    expect(codes, a.stderr + b.stderr).toEqual([0, 2]);
    const winner = a.code === 0 ? a : b;
    const loser = a.code === 0 ? b : a;
    expect(winner.stderr).toMatch(new RegExp(`note: \\S+ was locked by process ${first.pid} on \\S+, which is gone; took the lock over`));
    expect(loser.stderr).toMatch(/is in use by lrsim process \d+/);
    const keys = storedKeys(out);
    expect(keys).toHaveLength(18);
    expect(new Set(keys).size).toBe(18);
    expect(existsSync(lockFile)).toBe(false); // released at the end
  });

  it('a lock from another host holds while renewed and is taken over once not renewed; a damaged lock file is refused', () => {
    const other = tempDir('lock-other');
    const file = join(other, '.lrsim.lock');
    writeFileSync(file, JSON.stringify({ pid: 1, host: 'elsewhere.example', started: 'x', command: '' }));
    expect(() => lockDirectory(other)).toThrow(/in use by lrsim process 1 on host elsewhere\.example \(lock renewed \d+ s ago\); try again when it is done: a lock not renewed for 5 minutes is taken over/);
    const old = new Date(Date.now() - STALE_ELSEWHERE_MS - 1000);
    utimesSync(file, old, old);
    const notes: string[] = [];
    const lock = lockDirectory(other, (line) => notes.push(line));
    expect(notes).toEqual([`note: ${other} was locked by process 1 on elsewhere.example, which is gone; took the lock over`]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => lockDirectory(other)).toThrow(/is in use by lrsim process \d+/); // even by the same process
    lock.release();
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, 'garbage');
    expect(() => lockDirectory(other)).toThrow(/the lock file is not lrsim's/);
  });

  it('a merge refuses a shard whose sweep still runs (without writing there) and reads one whose owner is gone', () => {
    const shard = tempDir('lock-shard');
    const file = join(shard, '.lrsim.lock');
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), started: 'now', command: 'sweep' }));
    expect(() => assertUnlocked(shard)).toThrow(new RegExp(`is in use by lrsim process ${process.pid} on `));
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), started: 'then', command: 'sweep' }));
    expect(() => assertUnlocked(shard)).not.toThrow();
    expect(readFileSync(file, 'utf8')).toContain('then'); // left alone: the shard may be read-only
    writeFileSync(file, JSON.stringify({ pid: 1, host: 'elsewhere.example', started: 'x', command: '' }));
    expect(() => assertUnlocked(shard)).toThrow(/on host elsewhere\.example/);
  });
});
