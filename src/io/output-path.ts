/**
 * Checking an output path before any work (issue 14 item 12): a run or sweep must not
 * compute for an hour and then fail on a path that could never be written. Each check
 * throws bad input (exit 2) naming the path, and creates nothing.
 *
 * The nearest existing ancestor of the path decides: it must be a directory (not a file),
 * writable, and on an ordinary filesystem. /proc, /sys and /dev are refused outright: on
 * /proc Node's recursive mkdir spins forever instead of failing.
 */
import { accessSync, constants, lstatSync, realpathSync, statfsSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { ScenarioError } from '../scenario/errors';
import { ioMessages as msg } from './messages';

const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];
// statfs magic numbers of kernel filesystems that hold no user files (linux/magic.h).
const SYSTEM_FILESYSTEMS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x1cd1, // devpts
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x73636673, // securityfs
  0xcafe4a11, // bpf
  0x62656570, // configfs
  0x6165676c, // pstore
]);

const bad = (message: string): never => {
  throw new ScenarioError(message);
};

const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

const under = (path: string, root: string) => path === root || path.startsWith(root + sep);

/** The nearest ancestor of `path` (itself included) that exists, with its stat. */
function nearestExisting(path: string, cwd: string): { at: string; stat: Stats } {
  let at = resolve(cwd, path);
  for (;;) {
    const stat = statOrNull(at);
    if (stat) return { at, stat };
    // A dangling symlink or an unreadable entry: lstat sees it, stat does not.
    try {
      lstatSync(at);
      return { at, stat: lstatSync(at) };
    } catch {
      // missing: go up
    }
    const parent = dirname(at);
    if (parent === at) return { at, stat: statSync(at) };
    at = parent;
  }
}

/** Whether the existing directory `dir` is on /proc, /sys, /dev or another kernel filesystem. */
function onSystemFilesystem(dir: string): boolean {
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // keep the path as given
  }
  try {
    if (SYSTEM_FILESYSTEMS.has(Number(statfsSync(real).type))) return true;
  } catch {
    // statfs unsupported: the path prefixes still apply
  }
  return SYSTEM_ROOTS.some((root) => under(real, root));
}

/** Refuses a directory under which files cannot be created. */
function checkWritableDirectory(flag: string, path: string, dir: string, stat: Stats): void {
  if (!stat.isDirectory()) bad(msg.ancestorNotDirectory(flag, path, dir));
  if (onSystemFilesystem(dir)) bad(msg.specialFilesystem(flag, path, dir));
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    bad(msg.notWritable(flag, path, dir));
  }
}

/**
 * Checks a directory lrsim will create or write into (`--out`). Existing or not, files
 * must be creatable in it; a file at the path or at an ancestor is refused. A relative
 * `path` is taken from `cwd`.
 */
export function checkOutputDirectory(flag: string, path: string, cwd = process.cwd()): void {
  if (path === '' || path.trim() === '') bad(msg.emptyPath(flag));
  const { at, stat } = nearestExisting(path, cwd);
  if (at === resolve(cwd, path) && !stat.isDirectory()) bad(msg.notADirectory(flag, path));
  checkWritableDirectory(flag, path, at, stat);
}

/**
 * Checks a file lrsim will write (`schema --out`, `classroom --build`, `sample --out`): the
 * path is not a directory or special file and its directory exists and is writable (it is
 * not created: a typo in a directory name should not make a new tree). `example` is a
 * file name the message for a directory suggests. Returns whether the file exists.
 */
export function checkOutputFile(flag: string, path: string, example: string): boolean {
  if (path === '' || path.trim() === '') bad(msg.emptyPath(flag));
  const full = resolve(path);
  const stat = statOrNull(full);
  if (stat?.isDirectory() || /[\\/]$/.test(path)) bad(msg.isADirectory(flag, path, example));
  if (stat && !stat.isFile()) bad(msg.notRegularFile(flag, path));
  const parent = dirname(full);
  const parentStat = statOrNull(parent);
  if (!parentStat) {
    const { at, stat: ancestor } = nearestExisting(parent, process.cwd());
    if (!ancestor.isDirectory()) bad(msg.ancestorNotDirectory(flag, path, at));
    if (onSystemFilesystem(at)) bad(msg.specialFilesystem(flag, path, at));
    bad(msg.parentMissing(flag, path, parent));
  }
  checkWritableDirectory(flag, path, parent, parentStat!);
  return stat !== null;
}
