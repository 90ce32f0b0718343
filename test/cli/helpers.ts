/** Spawning the real `lrsim` command (bin/lrsim.js, as users run it) for CLI tests. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// LRSIM_CLI lets a developer point the tests at another build of the CLI.
const CLI = process.env.LRSIM_CLI ? resolve(process.env.LRSIM_CLI) : join(ROOT, 'bin', 'lrsim.js');

/** Builds dist/ once before spawning (bin/lrsim.js would rebuild in every process otherwise). */
export function buildOnce(): void {
  if (!process.env.LRSIM_CLI) execFileSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lrsim ARGS` in `cwd`; never rejects. */
export function lrsim(args: string[], cwd = ROOT): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** A fresh temporary directory holding `files` (name -> text or bytes); `cleanup()` removes it. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Directories made by fixture writers, removed together: `fresh(make)` runs `make` and
 * remembers the directory it returns; call `cleanup` in afterAll.
 */
export function freshDirs(): { fresh: (make: () => string) => string; cleanup: () => void } {
  const dirs: string[] = [];
  return {
    fresh: (make) => {
      const d = make();
      dirs.push(d);
      return d;
    },
    cleanup: () => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}
