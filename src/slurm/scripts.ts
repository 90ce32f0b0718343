/**
 * The two batch scripts of a SLURM sweep, as plain text a cluster user can read and edit:
 * `sweep.sbatch` (a job array, one shard per array task) and `merge.sbatch` (run after
 * the array, merges the shards into the output directory and writes the report).
 * Pure functions of their inputs, so the tests pin every line.
 */
import type { SlurmResources } from './options';
import { hasControlCharacter, shellQuote } from './shell';

export { shellQuote } from './shell';

/** Everything the scripts say; all paths absolute. */
export interface SlurmScriptSpec {
  /** Scenario name, used (reduced to `[A-Za-z0-9_.-]`) in job names only, never in comments. */
  name: string;
  /** The sweep's output directory. */
  dir: string;
  /** The resolved scenario copy inside `dir` that every task runs. */
  scenarioFile: string;
  /** Total shards of the sweep (the n of --shard i/n). */
  shards: number;
  /** Shard indices this submission runs (all of them the first time, the unfinished ones after). */
  array: readonly number[];
  /** The `node` binary and this checkout's bin/lrsim.js. */
  node: string;
  lrsim: string;
  /** The `lrsim slurm` command line that made the scripts (re-run it to resubmit), words quoted. */
  command: string;
  resources: SlurmResources;
}

/** SLURM array spec from shard indices: contiguous runs become ranges, e.g. [0,1,2,5] -> "0-2,5". */
export function arraySpec(indices: readonly number[], limit?: number): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',') + (limit === undefined ? '' : `%${limit}`);
}

/**
 * Text on a `#` line (an #SBATCH directive or a comment) is not quoted by anything: a line
 * break would end the comment and start a command. Callers validate this text (--out, the
 * options); this guard makes a slip a failure here rather than a script that runs it.
 */
function lineSafe(text: string): string {
  if (hasControlCharacter(text)) throw new Error(`internal: control character in a script line: ${JSON.stringify(text)}`);
  return text;
}

function jobName(name: string): string {
  return `lrsim-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/** The #SBATCH lines for the scheduler resources shared by both scripts. */
function resourceDirectives(r: SlurmResources, cpusPerTask: number): string[] {
  const lines: string[] = [];
  if (r.account !== undefined) lines.push(`#SBATCH --account=${r.account}`);
  if (r.partition !== undefined) lines.push(`#SBATCH --partition=${r.partition}`);
  if (r.time !== undefined) lines.push(`#SBATCH --time=${r.time}`);
  lines.push(`#SBATCH --cpus-per-task=${cpusPerTask}`);
  if (r.mem !== undefined) lines.push(`#SBATCH --mem=${r.mem}`);
  return lines.map(lineSafe);
}

function variables(spec: SlurmScriptSpec, withScenario: boolean): string[] {
  return [
    `NODE=${shellQuote(spec.node)}`,
    `LRSIM=${shellQuote(spec.lrsim)}`,
    `DIR=${shellQuote(spec.dir)}`,
    ...(withScenario ? [`SCENARIO=${shellQuote(spec.scenarioFile)}`] : []),
    `SHARDS=${spec.shards}`,
  ];
}

/** The job-array script: array task i runs shard i of n into DIR/shards/i. */
export function sweepScript(spec: SlurmScriptSpec): string {
  const r = spec.resources;
  return [
    '#!/bin/bash',
    `# lrsim sweep on SLURM: a job array, one shard of ${spec.shards} per array task.`,
    '# After failures (timeouts, pre-emption, scancel) finish the sweep by re-running',
    `#   ${lineSafe(spec.command)}`,
    '# which rewrites --array below with only the shards that are missing or incomplete;',
    '# each of them resumes its own store (--resume) and skips the runs it already has.',
    `#SBATCH --job-name=${jobName(spec.name)}`,
    `#SBATCH --array=${arraySpec(spec.array, r.arrayLimit)}`,
    ...resourceDirectives(r, r.cpusPerTask),
    `#SBATCH --output=${lineSafe(spec.dir)}/slurm/logs/sweep-%A_%a.out`,
    `#SBATCH --error=${lineSafe(spec.dir)}/slurm/logs/sweep-%A_%a.err`,
    '',
    'set -euo pipefail',
    '',
    '# Absolute paths, so the task runs the same lrsim wherever SLURM starts it.',
    ...variables(spec, true),
    '',
    '# The scenario is the resolved copy in $DIR, so editing the original file cannot change',
    '# a resumed sweep. Each shard writes only its own append-only store: safe on NFS/Lustre.',
    '"$NODE" "$LRSIM" sweep "$SCENARIO" \\',
    '  --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" \\',
    '  --out "$DIR/shards/$SLURM_ARRAY_TASK_ID" \\',
    '  --workers "$SLURM_CPUS_PER_TASK" \\',
    '  --resume --no-report',
    '',
  ].join('\n');
}

/** The merge script: run after the array (sbatch --dependency=afterok:<array job id>). */
export function mergeScript(spec: SlurmScriptSpec): string {
  return [
    '#!/bin/bash',
    `# Merges the ${spec.shards} shards of this lrsim sweep into $DIR and writes the report.`,
    '# Submitted after the array job with --dependency=afterok:<array job id>; merge refuses',
    '# an incomplete shard set and names the shards to finish. To finish them, re-run',
    `#   ${lineSafe(spec.command)}`,
    `#SBATCH --job-name=${jobName(spec.name)}-merge`,
    ...resourceDirectives(spec.resources, 1),
    `#SBATCH --output=${lineSafe(spec.dir)}/slurm/logs/merge-%j.out`,
    `#SBATCH --error=${lineSafe(spec.dir)}/slurm/logs/merge-%j.err`,
    '',
    'set -euo pipefail',
    '',
    ...variables(spec, false),
    '',
    'shard_dirs=()',
    'for ((i = 0; i < SHARDS; i++)); do shard_dirs+=("$DIR/shards/$i"); done',
    '',
    '"$NODE" "$LRSIM" merge "${shard_dirs[@]}" --out "$DIR"',
    '',
  ].join('\n');
}
