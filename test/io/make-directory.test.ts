/**
 * makeDirectory: `mkdir -p` that ends. Node's mkdirSync(recursive) spins forever under
 * /proc (ENOENT on the child, EEXIST on /proc, again); the README audit saw `analyze`,
 * `calibrate` and `slurm --out /proc/xx` hang at 100 % CPU. The /proc cases run in a child
 * process with a timeout, so the old code fails the test instead of hanging it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/io/make-directory';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'lrsim-mkdir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** makeDirectory(path) in a child process, killed after 15 s: its error code, or 'ok', or 'timeout'. */
function inChild(path: string): string {
  const script = `import { makeDirectory } from ${JSON.stringify(join(ROOT, 'src', 'io', 'make-directory.ts'))};
try { makeDirectory(${JSON.stringify(path)}); console.log('ok'); } catch (e) { console.log(e.code); }`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return 'timeout';
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

const errorCode = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code;
  }
};

describe('makeDirectory', { timeout: 60_000 }, () => {
  it.skipIf(!existsSync('/proc/self'))('fails at once under /proc, where mkdirSync(recursive) spins forever', () => {
    expect(inChild('/proc/lrsim-never')).toBe('ENOENT');
    expect(inChild('/proc/lrsim-never/deeper/still')).toBe('ENOENT');
    expect(existsSync('/proc/lrsim-never')).toBe(false);
  });

  it('makes missing ancestors, top down, and accepts an existing directory', () => {
    makeDirectory(join(tmp, 'a', 'b', 'c'));
    expect(statSync(join(tmp, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeDirectory(join(tmp, 'a', 'b'));
    makeDirectory(join(tmp, 'a', 'b', 'c'));
    expect(readdirSync(join(tmp, 'a'))).toEqual(['b']);
  });

  it('fails as mkdir does below a file, on a file, and below a dangling symlink (which it does not follow or replace)', () => {
    writeFileSync(join(tmp, 'afile'), 'mine\n');
    expect(errorCode(() => makeDirectory(join(tmp, 'afile', 'sub')))).toBe('ENOTDIR');
    expect(errorCode(() => makeDirectory(join(tmp, 'afile')))).toBe('EEXIST');
    expect(readFileSync(join(tmp, 'afile'), 'utf8')).toBe('mine\n');
    symlinkSync(join(tmp, 'nowhere'), join(tmp, 'dangling'));
    expect(errorCode(() => makeDirectory(join(tmp, 'dangling', 'out')))).toBe('ENOENT');
    expect(existsSync(join(tmp, 'nowhere'))).toBe(false);
  });
});

describe('no recursive mkdir in the sources', () => {
  it('every directory lrsim makes goes through makeDirectory', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|mjs|js)$/.test(entry.name)) {
          const text = readFileSync(join(ROOT, path), 'utf8');
          // mkdirSync(x, { recursive: true }), fs.promises.mkdir(x, { recursive: true }), mkdir(x, {recursive:true}) ...
          for (const m of text.matchAll(/mkdir(?:Sync)?\s*\([^;]*?recursive\s*:\s*true/g)) offenders.push(`${path}: ${m[0].slice(0, 60)}`);
        }
      }
    };
    for (const dir of ['src', 'workers', 'bench']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
