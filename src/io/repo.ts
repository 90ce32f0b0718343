/**
 * Locating the repository root (where package.json and scenarios/ live) from this
 * module's URL. Works from the sources (`src/io/` under vitest or tsx) and from the
 * bundles (`dist/cli.js`, `dist/workers/*.js`): walk up until the package.json of lrsim.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ioMessages } from './messages';

let cachedRoot: string | undefined;

/** The repository root directory (holding lrsim's package.json). */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'lrsim') return (cachedRoot = dir);
      } catch {
        // an unreadable package.json on the way up is not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(ioMessages.noPackageJson(fileURLToPath(import.meta.url)));
    dir = parent;
  }
}

/** lrsim's version, from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Which source produced a result: the git commit of the checkout and whether tracked files differ from it. */
export interface SourceState {
  /** Full commit hash of HEAD, or null when lrsim does not run from a git checkout (or git is missing). */
  commit: string | null;
  /** True when tracked files differ from the commit (results may not be reproducible from it); null when unknown. */
  dirty: boolean | null;
}

let cachedSource: SourceState | undefined;

/**
 * The git commit lrsim runs from, asked of git itself in the repository root (cached for
 * the process): see sourceStateOf.
 */
export function sourceState(): SourceState {
  return (cachedSource ??= sourceStateOf(repoRoot()));
}

/**
 * The git state of the checkout whose top level is `root`: `git rev-parse --show-toplevel`
 * and `HEAD`, `git status --porcelain --untracked-files=no` (run without a shell, fixed
 * arguments). Unknown (nulls) when git is missing, `root` is in no checkout, or the
 * checkout's top level is another folder: lrsim installed inside someone else's repository
 * (node_modules/lrsim, a vendored copy) must not report that repository's commit.
 * Untracked files (outputs) do not count as changes.
 */
export function sourceStateOf(root: string): SourceState {
  const unknown: SourceState = { commit: null, dirty: null };
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  try {
    if (realpathSync(git(['rev-parse', '--show-toplevel'])) !== realpathSync(root)) return unknown;
    const commit = git(['rev-parse', 'HEAD']);
    if (!/^[0-9a-f]{40}$/.test(commit)) return unknown;
    let dirty: boolean | null = null;
    try {
      dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
    } catch {
      dirty = null;
    }
    return { commit, dirty };
  } catch {
    return unknown;
  }
}
