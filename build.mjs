// Bundles the TypeScript sources into dist/ with esbuild (runs on `npm ci` via `prepare`,
// and lazily from bin/lrsim.js when dist/ is missing or older than the sources).
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

const entryPoints = {
  cli: 'src/cli/main.ts',
};
// Optional entry points: included when their source exists.
const optional = {
  'workers/run-worker': 'workers/run-worker.ts',
  bench: 'bench/bench.ts',
};
for (const [out, src] of Object.entries(optional)) if (existsSync(src)) entryPoints[out] = src;
if (existsSync('bench')) {
  for (const f of readdirSync('bench')) {
    if (f.endsWith('.ts') && f !== 'bench.ts') entryPoints[`bench/${f.slice(0, -3)}`] = `bench/${f}`;
  }
}

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Code splitting: each CLI command is its own chunk, loaded only when used.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
