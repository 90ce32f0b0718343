/**
 * `mkdir -p` that always ends. Node's recursive mkdir (`mkdirSync` and `fs.promises.mkdir`
 * with the recursive option) reads ENOENT as "the parent is missing": it makes the parent
 * and, on EEXIST, tries the child again. Under /proc a new name fails with ENOENT although
 * its parent exists, so the walk alternates `mkdir("/proc/x") = ENOENT`, `mkdir("/proc") =
 * EEXIST` forever at 100 % CPU (seen with Node 20.20). Here the missing directories are
 * found first, walking up with lstat, and each is made once from the top down: an error on
 * a directory whose parent exists is final. Every lrsim writer makes its directories with
 * this function (test/io/make-directory.test.ts refuses recursive mkdir in the sources).
 */
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { asDiskFull } from './write-fully';

const present = (path: string): boolean => {
  try {
    lstatSync(path); // a dangling symlink is present: making a directory below it fails, as it must
    return true;
  } catch {
    return false;
  }
};

/**
 * Makes `path` and its missing ancestors. Throws as mkdir does (ENOENT, ENOTDIR, EACCES,
 * EPERM, EROFS; EEXIST when `path` is a file); a full disk as DiskFullError naming the
 * directory.
 */
export function makeDirectory(path: string): void {
  const missing: string[] = [];
  for (let at = resolve(path); !present(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break; // the root itself missing: let mkdir say why
  }
  if (missing.length === 0) {
    if (!statSync(path).isDirectory()) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${path}'`), { code: 'EEXIST', syscall: 'mkdir', path });
    return;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Made meanwhile by another process: fine when it is a directory.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      throw asDiskFull(error, dir);
    }
  }
}
