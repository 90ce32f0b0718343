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

describe('bad output paths are refused before any work', { timeout: 120_000 }, () => {
  const { dir } = tempDir({ afile: 'mine\n' });
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
