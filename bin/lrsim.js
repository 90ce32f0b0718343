#!/usr/bin/env node
// Entry point of the `lrsim` command: builds dist/ on first use (or when sources are
// newer), then hands over to the bundled CLI.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(cli) ||
  Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'workers'))) > statSync(cli).mtimeMs;
if (stale) execFileSync(process.execPath, [join(root, 'build.mjs')], { cwd: root, stdio: 'inherit' });
await import(pathToFileURL(cli).href);
