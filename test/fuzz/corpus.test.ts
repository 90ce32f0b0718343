/**
 * The hostile-input corpus of issue 14 (test/fuzz/corpus/, written by make-corpus.py):
 * malformed YAML and JSON, alias bombs, deep nesting, huge and odd numbers, BOM, CRLF, NUL,
 * invalid UTF-8, control characters in names, unknown keys everywhere, sweeps that `sweep`
 * refuses, `extends` cycles and odd targets (devices, a FIFO, a directory), odd `--set`
 * paths. Each case must give exit 2, one line (`multi-*` files: at most 21 lines, 20
 * problems and a count), no stack trace, nothing created or changed, within a time bound.
 *
 * Every case runs in-process through the loader (what `lrsim validate` calls); one spawned
 * `lrsim validate` runs all the file cases at once under a 256 MB heap (the memory bound),
 * and another a sample of the --set cases.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors';
import { loadScenario } from '../../src/scenario/load';

const ROOT = resolve(__dirname, '../..');
const CORPUS = join(__dirname, 'corpus');
const work = mkdtempSync(join(tmpdir(), 'lrsim-corpus-'));
cpSync(CORPUS, work, { recursive: true });
spawnSync('mkfifo', [join(work, 'lib', 'fifo.yaml')]);
// Cases made at run time (git cannot hold a FIFO).
const EXTRA: Record<string, string> = { 'ext-fifo.yaml': 'extends: lib/fifo.yaml\n' };
for (const [name, text] of Object.entries(EXTRA)) writeFileSync(join(work, name), text);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fileCases = readdirSync(work)
  .filter((f) => statSync(join(work, f)).isFile() && !f.endsWith('.set'))
  .sort();
const setCases = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.set'))
  .flatMap((f) => readFileSync(join(CORPUS, f), 'utf8').split('\n').filter((l) => l !== ''));
const fifoCases = ['lib/fifo.yaml'];

/** Every file below `dir`: size, mtime and content, to see that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[p] = `${statSync(p).mtimeMs} ${readFileSync(p).toString('base64')}`;
      else out[p] = e.isFIFO() ? 'fifo' : 'other';
    }
  };
  walk(dir);
  return out;
}

interface Outcome { code: number; lines: string[]; cpuMs: number }

/** `lrsim validate` in-process: exit code and stderr lines. */
function validate(file: string, set: string[] = []): Outcome {
  const cpu = process.cpuUsage();
  let code = 0;
  let lines: string[] = [];
  try {
    loadScenario(file, { cwd: work, set });
  } catch (e) {
    if (e instanceof ScenarioError) {
      code = 2;
      lines = e.problems.map((l) => `lrsim: error: ${l}`);
    } else {
      code = 1;
      lines = [`unexpected: ${(e as Error).stack}`];
    }
  }
  const used = process.cpuUsage(cpu);
  return { code, lines, cpuMs: (used.user + used.system) / 1000 };
}

const tally = { tried: 0, clean: 0 };
afterAll(() => {
  console.info(`fuzz corpus: ${tally.tried} inputs tried, ${tally.clean} handled cleanly (exit 2, short message, no trace)`);
});

function expectClean(name: string, r: Outcome, multi: boolean): void {
  tally.tried++;
  expect(r.code, `${name}: ${r.lines.join(' | ')}`).toBe(2);
  if (multi) expect(r.lines.length).toBeGreaterThanOrEqual(1), expect(r.lines.length).toBeLessThanOrEqual(21);
  else expect(r.lines, name).toHaveLength(1);
  for (const line of r.lines) {
    expect(line).toMatch(/^lrsim: error: /);
    expect(line).not.toMatch(/\n|\r|[\x00-\x1f\x7f-\x9f\u2028\u2029]/);
    expect(line).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(line).not.toMatch(/unexpected failure/i);
  }
  // Generous for a 2-core machine shared by several test runs; typical cases take 5-50 ms.
  expect(r.cpuMs, name).toBeLessThan(5000);
  tally.clean++;
}

describe('the fuzz corpus', () => {
  const before = snapshot(work);

  it.each([...fileCases, ...fifoCases])('%s', (file) => {
    expectClean(file, validate(file), file.startsWith('multi-'));
  });

  it.each(setCases.map((s) => [s.length > 60 ? `${s.slice(0, 60)}...` : s, s]))('--set %s', (_label, assignment) => {
    const r = validate('baseline', [assignment]);
    // An assignment that creates a partial entry may break several fields of it: all blamed on it.
    expectClean(`--set ${assignment}`, r, true);
    for (const line of r.lines.slice(0, 20)) expect(line).toMatch(/^lrsim: error: --set /);
  });

  it('changed and created nothing', () => {
    expect(snapshot(work)).toEqual(before);
  });

  it('the CLI gives the same lines for every file case, in one process under a 256 MB heap', () => {
    const files = [...fileCases, ...fifoCases];
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'lrsim.js'), 'validate', ...files], {
      cwd: work,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' },
    });
    expect(r.signal).toBe(null);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const expected = files.flatMap((f) => validate(f).lines);
    const got = r.stderr.trim().split('\n');
    expect(got.filter((l, i) => l !== expected[i])).toEqual([]);
    expect(got).toEqual(expected);
    expect(snapshot(work)).toEqual(before);
  });

  it('the CLI gives the same line for a sample of --set cases', () => {
    for (const assignment of setCases.filter((_, i) => i % 8 === 0)) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'lrsim.js'), 'validate', 'baseline', '--set', assignment], { cwd: work, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(validate('baseline', [assignment]).lines);
    }
  });
});
