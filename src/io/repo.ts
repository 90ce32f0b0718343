/**
 * Locating the repository root (where package.json and scenarios/ live) from this
 * module's URL. Works from the sources (`src/io/` under vitest or tsx) and from the
 * bundles (`dist/cli.js`, `dist/workers/*.js`): walk up until the package.json of lrsim.
 */
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
