/**
 * Issue 14 items 12 and 13: output paths are checked before any work (exit 2, one line
 * naming the path, nothing created), and `schema --out` / `classroom --build` overwrite a
 * file only when lrsim wrote it (a marker in its first bytes), else only with --force.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, lrsim, tempDir } from './helpers';

beforeAll(() => buildOnce());

function expectRefused(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^lrsim: error: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stdout).toBe('');
}

// Valid inputs for sample, analyze (a Morris design of one parameter: 4 trajectories of 2
// rows), calibrate and slurm, so that a refusal can only come from the output path.
const INPUTS = {
  'p.yaml': 'a: {min: 0, max: 1}\nb: {min: 0, max: 1}\n',
  'd.csv': 'a\n0\n0.5\n0\n0.5\n0\n0.5\n0\n0.5\n',
  'y.csv': 'y\n1\n2\n3\n4\n5\n6\n7\n8\n',
  's.yaml': 'name: tiny\nseed: 3\nticks: 10\nagents: {firms: 20, residents: 100}\nsweep:\n  parameters:\n    openness: [0.1, 0.4]\n  replicates: 2\n',
  't.yaml': 'targets:\n  - {outcome: external_tie_share_final, observed: 0.15, scale: 0.03}\nparameters:\n  openness: {prior: uniform, min: 0, max: 0.5}\nabc: {particles: 10, max_runs: 20}\n',
};

/** The four commands that write elsewhere than run/sweep, with --out last. */
const WRITERS: [string, string[]][] = [
  ['sample', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '16', '--out']],
  ['analyze', ['analyze', 'morris', '--design', 'd.csv', '--outputs', 'y.csv', '--out']],
  ['calibrate', ['calibrate', 's.yaml', '--targets', 't.yaml', '--workers', '1', '--out']],
  ['slurm', ['slurm', 's.yaml', '--shards', '2', '--out']],
];

describe('bad output paths are refused before any work', { timeout: 120_000 }, () => {
  const { dir } = tempDir({ afile: 'mine\n', ...INPUTS });
  const before = () => readdirSync(dir).sort();

  const cases: [string, string[], RegExp][] = [
    ["run --out ''", ['run', '--ticks', '100000', '--out', ''], /--out '': the path is empty/],
    ["sweep --out ''", ['sweep', '--out', ''], /--out '': the path is empty/],
    ['run --out afile/sub', ['run', '--ticks', '100000', '--out', 'afile/sub'], /--out afile\/sub: \S+\/afile is a file, not a directory/],
    ['sweep --out afile/sub', ['sweep', '--out', 'afile/sub'], /--out afile\/sub: \S+\/afile is a file, not a directory/],
    ['classroom --build DIR', ['classroom', '--build', '.'], /--build \.: is a directory; name a file inside it/],
    ['classroom --build /nonexist/dir/x.html', ['classroom', '--build', '/nonexist/dir/x.html'], /--build \/nonexist\/dir\/x\.html: the directory \/nonexist\/dir does not exist/],
    ['schema --out DIR', ['schema', '--out', '.'], /--out \.: is a directory/],
    ['merge --out afile', ['merge', 'x', '--out', 'afile'], /--out afile: is a file, not a directory/],
    ['run --out /proc/newdir', ['run', '--ticks', '100000', '--out', '/proc/lrsim-newdir'], /--out \/proc\/lrsim-newdir: \/proc is a system filesystem/],
    ['run --out /sys/x/y', ['run', '--out', '/sys/lrsim/y'], /\/sys is a system filesystem/],
    ['sweep --out /dev/shm-less', ['sweep', '--out', '/dev/lrsim-x'], /\/dev is a system filesystem/],
    // README audit finding 1: these hung (/proc), failed with EPERM or ENOENT as "unexpected
    // failure" (exit 1), or left a file named .tmp in the working directory (sample --out '').
    ...WRITERS.flatMap(([name, args]): [string, string[], RegExp][] => [
      [`${name} --out ''`, [...args, ''], /--out '': the path is empty/],
      [`${name} --out /proc/x`, [...args, '/proc/lrsim-newdir'], /--out \/proc\/lrsim-newdir: \/proc is a system filesystem/],
      [`${name} --out /sys/x/y`, [...args, '/sys/lrsim/y'], /--out \/sys\/lrsim\/y: \/sys is a system filesystem/],
      [`${name} --out afile/sub`, [...args, 'afile/sub'], /--out afile\/sub: \S+\/afile is a file, not a directory, so nothing can be written below it/],
    ]),
    // sample writes a FILE, which needs an existing directory (as schema --out, classroom --build);
    // analyze, calibrate and slurm write a DIRECTORY, created with its parents (as run and sweep).
    ['sample --out nodir/x.csv', [...WRITERS[0][1], 'nodir/x.csv'], /--out nodir\/x\.csv: the directory \S+\/nodir does not exist; create it first/],
    ['sample --out DIR', [...WRITERS[0][1], '.'], /--out \.: is a directory; name a file inside it, e\.g\. --out \.\/design\.csv/],
    ...WRITERS.slice(1).map(([name, args]): [string, string[], RegExp] => [`${name} --out afile`, [...args, 'afile'], /--out afile: is a file, not a directory/]),
  ];
  it.each(cases)('%s', async (_name, args, pattern) => {
    const listed = before();
    const started = Date.now();
    const r = await lrsim(args, dir);
    expectRefused(r, pattern);
    expect(before()).toEqual(listed);
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('mine\n');
    expect(existsSync('/proc/lrsim-newdir')).toBe(false);
    // --ticks 100000 would run for minutes: the refusal comes before the run.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('schema --out and classroom --build never overwrite a file lrsim did not write', { timeout: 120_000 }, () => {
  it('schema: refused without --force, replaced with it, and its own file replaced freely', async () => {
    const { dir } = tempDir({ 'notes.json': '{"mine": true}\n' });
    expectRefused(await lrsim(['schema', '--out', 'notes.json'], dir), /--out notes\.json: the file exists and was not written by lrsim schema; name a new file, or add --force/);
    expect(readFileSync(join(dir, 'notes.json'), 'utf8')).toBe('{"mine": true}\n');
    expect((await lrsim(['schema', '--out', 'schema.json'], dir)).code).toBe(0);
    expect((await lrsim(['schema', '--out', 'schema.json'], dir)).code).toBe(0); // lrsim's own: no --force needed
    expect((await lrsim(['schema', '--out', 'notes.json', '--force'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.json'), 'utf8')).toBe(readFileSync(join(dir, 'schema.json'), 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['notes.json', 'schema.json']); // no temporaries
  });

  it('schema: the other schema kind is named as such (README audit finding 10), and replaced only with --force', async () => {
    const { dir } = tempDir();
    expect((await lrsim(['schema', '--out', 'scenario.json'], dir)).code).toBe(0);
    expect((await lrsim(['schema', '--targets', '--out', 'targets.json'], dir)).code).toBe(0);
    const scenarioSchema = readFileSync(join(dir, 'scenario.json'), 'utf8');
    const targetsSchema = readFileSync(join(dir, 'targets.json'), 'utf8');
    expectRefused(
      await lrsim(['schema', '--targets', '--out', 'scenario.json'], dir),
      /^lrsim: error: --out scenario\.json: the file is the scenario schema \(written by lrsim schema\), not the targets schema; name another file, or add --force to replace it$/,
    );
    expectRefused(
      await lrsim(['schema', '--out', 'targets.json'], dir),
      /^lrsim: error: --out targets\.json: the file is the targets schema \(written by lrsim schema --targets\), not the scenario schema; name another file, or add --force to replace it$/,
    );
    expect(readFileSync(join(dir, 'scenario.json'), 'utf8')).toBe(scenarioSchema);
    expect(readFileSync(join(dir, 'targets.json'), 'utf8')).toBe(targetsSchema);
    expect((await lrsim(['schema', '--targets', '--out', 'targets.json'], dir)).code).toBe(0); // its own kind: replaced freely
    expect((await lrsim(['schema', '--targets', '--out', 'scenario.json', '--force'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'scenario.json'), 'utf8')).toBe(targetsSchema);
    expect(readdirSync(dir).sort()).toEqual(['scenario.json', 'targets.json']);
  });

  it('classroom: refused without --force before building; a page lrsim built carries the marker', async () => {
    const { dir } = tempDir({ 'page.html': '<p>my own page</p>\n' });
    mkdirSync(join(dir, 'sub'));
    expectRefused(await lrsim(['classroom', '--build', 'page.html'], dir), /--build page\.html: the file exists and was not written by lrsim classroom/);
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe('<p>my own page</p>\n');
    writeFileSync(join(dir, 'sub', 'old.html'), '<!doctype html>\n<html><head><meta charset="utf-8">\n<meta name="generator" content="lrsim classroom">\n');
    const rebuilt = await lrsim(['classroom', '--build', 'sub/old.html'], dir);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(readFileSync(join(dir, 'sub', 'old.html'), 'utf8').slice(0, 300)).toContain('<meta name="generator" content="lrsim classroom">');
  });
});
