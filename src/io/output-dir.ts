/**
 * Writing a run's output files into a directory safely: refuse a directory that holds
 * other files (unless forced), write each file to a temporary name, then rename, so a
 * crash never leaves a half-written file under the final name.
 */
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { makeDirectory } from './make-directory';
import { join } from 'node:path';
import { asDiskFull, DiskFullError, writeFileFully } from './write-fully';

/** Files in `dir` that are not among `ours` (empty when `dir` does not exist). */
export function foreignFiles(dir: string, ours: readonly string[]): string[] {
  try {
    return readdirSync(dir).filter((f) => !ours.includes(f)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** 'missing', 'dir' or 'other' (a file or something else stands at `path`). */
export function pathKind(path: string): 'missing' | 'dir' | 'other' {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * Writes `files` (name -> content) into `dir` (created if needed): every file first
 * under a temporary name, then all renamed. On failure the temporary files are removed;
 * a full disk is a DiskFullError naming the file (its final name) being written.
 */
export function writeFilesAtomic(dir: string, files: Record<string, string>): void {
  makeDirectory(dir);
  const tag = `.tmp-${process.pid}-${Date.now()}`;
  const written: string[] = [];
  let current = dir;
  try {
    for (const [name, content] of Object.entries(files)) {
      current = join(dir, name);
      const tmp = join(dir, `.${name}${tag}`);
      written.push(tmp);
      writeFileFully(tmp, content);
    }
    for (const name of Object.keys(files)) {
      current = join(dir, name);
      renameSync(join(dir, `.${name}${tag}`), current);
    }
  } catch (e) {
    for (const tmp of written) rmSync(tmp, { force: true });
    throw e instanceof DiskFullError ? new DiskFullError(current, e.code, e.retry) : asDiskFull(e, current);
  }
}
