/**
 * Locating the repository root (where package.json and scenarios/ live) from this
 * module's URL. Works from the sources (`src/io/` under vitest or tsx) and from the
 * bundles (`dist/cli.js`, `dist/workers/*.js`): walk up until the package.json of lrsim.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
 * The git commit lrsim runs from, asked of git itself (`git rev-parse HEAD` and `git status
 * --porcelain --untracked-files=no` in the repository root; run without a shell, fixed
 * arguments). Cached for the process. Untracked files (outputs) do not count as changes.
 */
export function sourceState(): SourceState {
  if (cachedSource) return cachedSource;
  const git = (args: string[]) => execFileSync('git', args, { cwd: repoRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  try {
    const commit = git(['rev-parse', 'HEAD']).trim();
    if (!/^[0-9a-f]{40}$/.test(commit)) return (cachedSource = { commit: null, dirty: null });
    let dirty: boolean | null = null;
    try {
      dirty = git(['status', '--porcelain', '--untracked-files=no']).trim() !== '';
    } catch {
      dirty = null;
    }
    return (cachedSource = { commit, dirty });
  } catch {
    return (cachedSource = { commit: null, dirty: null });
  }
}
