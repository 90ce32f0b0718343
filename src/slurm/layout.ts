/**
 * Where a SLURM sweep keeps its files, and where this checkout's `lrsim` lives.
 *
 *   DIR/scenario.json            the resolved scenario every task runs (written once)
 *   DIR/slurm/plan.json          scenario hash, shard and run counts, the finishing command
 *   DIR/slurm/sweep.sbatch       the job array
 *   DIR/slurm/merge.sbatch       the merge job
 *   DIR/slurm/submissions.ndjson one line per `--submit` (job ids), append-only
 *   DIR/slurm/logs/              task logs (sweep-<array job>_<task>.out/.err, merge-<job>.*)
 *   DIR/shards/<i>/              shard i's own sweep directory (runs.ndjson, manifest.json)
 *   DIR/ (runs.csv, ...)         the merged sweep
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slurmMessages } from './messages';

export interface SlurmLayout {
  dir: string;
  scenario: string;
  slurm: string;
  plan: string;
  sweepScript: string;
  mergeScript: string;
  submissions: string;
  logs: string;
  shards: string;
  shard(index: number): string;
}

/** The file layout of a SLURM sweep in `dir` (absolute). */
export function slurmLayout(dir: string): SlurmLayout {
  const slurm = join(dir, 'slurm');
  return {
    dir,
    scenario: join(dir, 'scenario.json'),
    slurm,
    plan: join(slurm, 'plan.json'),
    sweepScript: join(slurm, 'sweep.sbatch'),
    mergeScript: join(slurm, 'merge.sbatch'),
    submissions: join(slurm, 'submissions.ndjson'),
    logs: join(slurm, 'logs'),
    shards: join(dir, 'shards'),
    shard: (index) => join(dir, 'shards', String(index)),
  };
}

/**
 * The absolute path of this checkout's bin/lrsim.js: found by walking up from this module,
 * which is src/slurm/ under vitest and dist/ once bundled.
 */
export function lrsimBin(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const bin = join(dir, 'bin', 'lrsim.js');
    if (existsSync(bin) && existsSync(join(dir, 'package.json'))) return bin;
    if (dirname(dir) === dir) throw new Error(slurmMessages.noLauncher(from));
  }
}
