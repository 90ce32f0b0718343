/**
 * `sample`, `analyze`, `calibrate` and a sweep's report on a full disk (README audit
 * finding 1): one line naming the file, exit 1, no temporary file left, nothing earlier
 * lost, and the command the line names (the same one; calibrate: with --resume; a sweep
 * whose report did not fit: lrsim report DIR) finishes once there is space. As
 * test/sweep/disk-full.test.ts: a real 64 KiB tmpfs where `mount` works (root), and faults
 * injected into fs.writeSync (the call every lrsim writer goes through) everywhere.
 */
import { spawnSync } from 'node:child_process';
import fs, { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeCommand } from '../../src/cli/commands/analyze';
import { sampleCommand } from '../../src/cli/commands/sample';
import { DiskFullError } from '../../src/io/write-fully';
import { buildOnce, lrsim } from './helpers';

const PARAMS = 'a: {min: 0, max: 1}\nb: {min: 0, max: 2}\n';
const dir = mkdtempSync(join(tmpdir(), 'lrsim-diskfull-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'p.yaml'), PARAMS);

/** y = a + 2b on every row of a design CSV. */
const outputsOf = (design: string) =>
  'y\n' +
  readFileSync(design, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => `${line.split(',').map(Number).reduce((s, x, j) => s + (j + 1) * x, 0)}\n`)
    .join('');

const ONE_LINE = /^lrsim: error: no space left on the device while writing (\S+) \(ENOSPC\); nothing partial was published under a final name; (.+)\n$/;

describe('injected: a write fails with ENOSPC', () => {
  const realWrite = fs.writeSync;
  /** ENOSPC once `capacity` bytes were written (in 100-byte writes). */
  const fillAfter = (capacity: number) => {
    let total = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
      if (total >= capacity) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      offset ??= 0;
      const n = Math.min(100, length ?? buffer.length - offset, capacity - total);
      total += n;
      return realWrite(fd, buffer, offset, n);
    }) as typeof fs.writeSync);
  };
  afterEach(() => vi.restoreAllMocks());
  const quiet = () => {
    vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    vi.spyOn(process.stderr, 'write').mockReturnValue(true);
  };

  it('sample: DiskFullError naming the design file; no design, no temporary', () => {
    const out = join(dir, 'inj-sample');
    mkdirSync(out);
    quiet();
    fillAfter(500);
    const args = { method: 'saltelli', params: join(dir, 'p.yaml'), n: 64, out: join(out, 'd.csv'), 'second-order': false } as const;
    expect(() => (sampleCommand.handler as (a: unknown) => void)(args)).toThrow(DiskFullError);
    try {
      (sampleCommand.handler as (a: unknown) => void)(args);
    } catch (e) {
      expect((e as DiskFullError).file).toBe(join(out, 'd.csv'));
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('analyze: DiskFullError naming the file; neither index file published, earlier files kept, no temporary', () => {
    const out = join(dir, 'inj-analyze');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'earlier\n');
    quiet();
    (sampleCommand.handler as (a: unknown) => void)({ method: 'saltelli', params: join(dir, 'p.yaml'), n: 64, out: join(dir, 'inj-d.csv'), 'second-order': false });
    writeFileSync(join(dir, 'inj-y.csv'), outputsOf(join(dir, 'inj-d.csv')));
    const analyze = (to: string) =>
      (analyzeCommand.handler as (a: unknown) => void)({ method: 'saltelli', design: join(dir, 'inj-d.csv'), outputs: join(dir, 'inj-y.csv'), out: to, 'second-order': false });
    analyze(join(dir, 'inj-reference'));
    // convergence.csv (written first) fits, sensitivity.csv does not: neither may appear.
    fillAfter(fs.statSync(join(dir, 'inj-reference', 'convergence.csv')).size + 10);
    let error: unknown;
    try {
      analyze(out);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiskFullError);
    expect((error as DiskFullError).file).toBe(join(out, 'sensitivity.csv'));
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('earlier\n');
  });
});

// A real full disk. Needs root for `mount`; skipped where it cannot mount.
const disk = join(dir, 'disk');
mkdirSync(disk);
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
});
const remount = (size: string) => expect(spawnSync('mount', ['-o', `remount,size=${size}`, disk]).status).toBe(0);

describe.skipIf(!mounted)('a real full disk (64 KiB tmpfs)', { timeout: 240_000 }, () => {
  beforeAll(() => buildOnce());

  it('sample and analyze: one line naming the file, exit 1, no temporaries, earlier files kept; the same command works with space', async () => {
    // N = 4096 with 2 parameters: 16,384 rows, about 600 KB, far above 64 KiB.
    const big = await lrsim(['sample', 'saltelli', '--params', 'p.yaml', '--n', '4096', '--out', 'disk/d.csv'], dir);
    expect(big.code, big.stderr).toBe(1);
    expect(big.stderr).toMatch(ONE_LINE);
    expect(ONE_LINE.exec(big.stderr)![1]).toBe('disk/d.csv');
    expect(ONE_LINE.exec(big.stderr)![2]).toBe('free some space and run the same command again');
    expect(big.stdout).toBe('');
    expect(readdirSync(disk)).toEqual([]);

    // analyze into a directory that already holds a file, on a disk with no room left.
    expect((await lrsim(['sample', 'saltelli', '--params', 'p.yaml', '--n', '256', '--out', 'd.csv'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'y.csv'), outputsOf(join(dir, 'd.csv')));
    mkdirSync(join(disk, 'sa'));
    writeFileSync(join(disk, 'sa', 'keep.txt'), 'earlier\n');
    let pad = 0;
    for (;;) {
      try {
        fs.appendFileSync(join(disk, 'pad'), Buffer.alloc(1024));
        pad++;
      } catch {
        break;
      }
    }
    expect(pad).toBeGreaterThan(0);
    const full = await lrsim(['analyze', 'saltelli', '--design', 'd.csv', '--outputs', 'y.csv', '--out', 'disk/sa'], dir);
    expect(full.code, full.stderr).toBe(1);
    expect(full.stderr).toMatch(ONE_LINE);
    expect(ONE_LINE.exec(full.stderr)![1]).toMatch(/^disk\/sa\/(convergence|sensitivity)\.csv$/);
    expect(readdirSync(join(disk, 'sa'))).toEqual(['keep.txt']);
    expect(readFileSync(join(disk, 'sa', 'keep.txt'), 'utf8')).toBe('earlier\n');

    rmSync(join(disk, 'pad'));
    const again = await lrsim(['analyze', 'saltelli', '--design', 'd.csv', '--outputs', 'y.csv', '--out', 'disk/sa'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(disk, 'sa')).sort()).toEqual(['convergence.csv', 'keep.txt', 'sensitivity.csv']);
    rmSync(join(disk, 'sa'), { recursive: true });
  });

  it('calibrate: one line naming the file and the --resume command; after freeing space the resume gives the outputs of an uninterrupted calibration', async () => {
    writeFileSync(join(dir, 's.yaml'), 'name: tiny\nseed: 3\nticks: 10\nagents: {firms: 20, residents: 100}\n');
    writeFileSync(join(dir, 't.yaml'), 'targets:\n  - {outcome: external_tie_share_final, observed: 0.15, scale: 0.03}\nparameters:\n  openness: {prior: uniform, min: 0, max: 0.5}\nabc: {particles: 10, max_runs: 20, predictive_draws: 5}\n');
    const args = ['calibrate', 's.yaml', '--targets', 't.yaml', '--workers', '1', '--no-images'];
    const full = await lrsim([...args, '--out', 'disk/cal'], dir);
    expect(full.code, full.stderr).toBe(1);
    const errors = full.stderr.split('\n').filter((l) => l.startsWith('lrsim: error:'));
    expect(errors).toHaveLength(1);
    expect(`${errors[0]}\n`).toMatch(ONE_LINE);
    expect(ONE_LINE.exec(`${errors[0]}\n`)![1]).toMatch(/^disk\/cal\//);
    expect(ONE_LINE.exec(`${errors[0]}\n`)![2]).toBe(`free some space, then run lrsim ${args.join(' ')} --out disk/cal --resume: it keeps the stored runs and rebuilds the outputs`);
    expect(full.stderr).not.toMatch(/\n\s+at /);
    const left = readdirSync(join(disk, 'cal'));
    expect(left.filter((f) => /tmp/.test(f))).toEqual([]);

    remount('64m');
    const resumed = await lrsim([...args, '--out', 'disk/cal', '--resume'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    const whole = await lrsim([...args, '--out', 'whole'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    for (const file of ['posterior.csv', 'particles.csv', 'generations.csv', 'posterior-summary.csv', 'predictive.csv', 'columns.json', 'report.html'])
      expect(readFileSync(join(disk, 'cal', file), 'utf8'), file).toBe(readFileSync(join(dir, 'whole', file), 'utf8'));
  });
  it('a sweep whose report does not fit: the runs and tables are kept, and the hint is lrsim report DIR, which then writes it', async () => {
    rmSync(join(disk, 'cal'), { recursive: true, force: true });
    remount('1m'); // the store and tables of 4 small runs (about 200 KB) fit; charts and report.html do not
    writeFileSync(join(dir, 'sw.yaml'), 'name: small\nseed: 7\nticks: 10\nagents: {firms: 40, residents: 300}\nsweep:\n  design: grid\n  parameters:\n    openness: [0.1, 0.3]\n  replicates: 2\n');
    const full = await lrsim(['sweep', 'sw.yaml', '--workers', '1', '--out', 'disk/s'], dir);
    expect(full.code, full.stderr).toBe(1);
    const errors = full.stderr.split('\n').filter((l) => l.startsWith('lrsim: error:'));
    expect(errors).toHaveLength(1);
    expect(`${errors[0]}\n`).toMatch(ONE_LINE);
    expect(ONE_LINE.exec(`${errors[0]}\n`)![1]).toMatch(/^disk\/s\/(charts\/\S+|report\.html|stats\.csv)$/);
    expect(ONE_LINE.exec(`${errors[0]}\n`)![2]).toBe('free some space, then run lrsim report disk/s: the runs and tables are written, only the report is made again');
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [e.name]));
    expect(walk(join(disk, 's')).filter((f) => /tmp/.test(f))).toEqual([]);
    expect(readdirSync(join(disk, 's'))).toEqual(expect.arrayContaining(['runs.ndjson', 'runs.csv', 'timeseries.csv', 'manifest.json']));
    remount('64m');
    const report = await lrsim(['report', 'disk/s'], dir);
    expect(report.code, report.stderr).toBe(0);
    expect(readdirSync(join(disk, 's'))).toContain('report.html');
  });
});
