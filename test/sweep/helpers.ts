/** Small sweeps for tests: a scenario file in a temp dir, the built CLI, file comparison. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/io/repo';

/** A fresh temp directory. */
export const tempDir = (tag: string) => mkdtempSync(join(tmpdir(), `lrsim-${tag}-`));

/** A small region (fast runs) with the given extra YAML appended. */
export function writeScenario(dir: string, extra: string, ticks = 20): string {
  const file = join(dir, 'sweep.yaml');
  writeFileSync(file, `name: small\nseed: 7\nticks: ${ticks}\nagents: {firms: 40, residents: 300}\n${extra}`);
  return file;
}

export const GRID_WITH_ARMS = `sweep:
  design: grid
  parameters:
    openness: [0.05, 0.3]
    proximity.geographic_decay_km: [10, 40]
  replicates: 2
arms:
  - name: base
  - name: learning
    policies: [{kind: lifelong_learning, participation: 0.1}]
`;

const cli = () => join(repoRoot(), 'dist', 'cli.js');

/** Runs the built CLI to the end. */
export function lrsim(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [cli(), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the built CLI in the background. */
export const lrsimSpawn = (args: string[]): ChildProcess => spawn(process.execPath, [cli(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

export const OUTPUTS = ['runs.csv', 'timeseries.csv', 'runs.arrow', 'timeseries.arrow', 'columns.json'];

/** The bytes of every tidy output of a sweep directory. */
export const outputs = (dir: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(dir, f))]));

/** Number of complete lines of a store. */
export function storedLines(dir: string): number {
  try {
    return readFileSync(join(dir, 'runs.ndjson'), 'utf8').split('\n').filter((l) => l.endsWith('}')).length;
  } catch {
    return 0;
  }
}
