/**
 * Every bad input (issue 3, "Bad input") exits 2 with ONE line `lrsim: error: ...` that
 * names the file, line:col where known, the field and a fix; no stack trace; and
 * `lrsim run` writes nothing. (`validate` shares the loader: test/scenario/bad-input.test.ts
 * checks the same cases in-process.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS } from './bad-inputs';
import { buildOnce, lrsim, tempDir } from './helpers';

beforeAll(() => buildOnce());

function expectOneLineError(stderr: string, patterns: RegExp[]) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^lrsim: error: /);
  for (const p of patterns) expect(lines[0]).toMatch(p);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('lrsim run on bad input', () => {
  it.concurrent.each(BAD_INPUTS)('$name', async (c) => {
    const { dir, cleanup } = tempDir(c.files);
    try {
      const scenario = c.scenario ?? Object.keys(c.files)[0];
      const out = join(dir, 'out');
      const r = await lrsim(['run', scenario, '--out', out, ...(c.args ?? [])], dir);
      expect(r.code, r.stderr).toBe(2);
      expectOneLineError(r.stderr, c.expect);
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(dir, 'output'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});
