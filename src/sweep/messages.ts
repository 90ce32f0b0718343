/**
 * Every user-facing message of sweeps and merges, in one place (STYLE habit 9). Bad input
 * is thrown as the project's one-line ScenarioError (the CLI prints it and exits 2).
 */
import { ScenarioError } from '../scenario/errors';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const sweepMessages = {
  // --- the design -------------------------------------------------------------------
  emptyValues: (path: string) =>
    `sweep.parameters.${path}: the value list is empty; list at least one value, e.g. \`${path}: [0.1, 0.3]\``,
  rangeInGrid: (path: string) =>
    `sweep.parameters.${path}: a {min, max} range needs design lhs or sobol; for a grid list the values, e.g. \`${path}: [0.1, 0.3]\``,
  listInSampled: (path: string, design: string) =>
    `sweep.parameters.${path}: design ${design} samples ranges, not lists; write \`${path}: {min: 0.1, max: 0.5}\`, or use design: grid`,
  minAboveMax: (path: string, min: number, max: number) =>
    `sweep.parameters.${path}: min (${min}) is greater than max (${max}); swap them`,
  noRanges: (design: string) =>
    `sweep: design ${design} has no parameters to sample; add ranges under sweep.parameters, e.g. \`openness: {min: 0, max: 0.5}\``,
  noSamples: (design: string) =>
    `sweep.samples: design ${design} needs the number of points; add e.g. \`samples: 64\` (a power of two suits sobol)`,
  tooManySobolDimensions: (count: number, max: number) =>
    `sweep.parameters: sobol supports at most ${max} parameters (got ${count}); use design lhs, or sweep fewer parameters`,
  tooManyPoints: (points: number, max: number) =>
    `sweep: the design has ${points} points, more than ${max}; sweep fewer values or use lhs/sobol with samples`,
  badParameter: (path: string, value: unknown, reason: string) =>
    `sweep.parameters.${path} = ${JSON.stringify(value)}: ${reason}`,
  badArm: (arm: string, reason: string) => `arms: ${arm}: ${reason}`,

  // --- the command line ---------------------------------------------------------------
  badReplicates: (value: unknown) => `--replicates ${String(value)}: write a whole number from 1 to 100000, e.g. --replicates 8`,
  badWorkers: (value: unknown) => `--workers ${String(value)}: write a whole number of at least 1, e.g. --workers 2`,
  badSeed: (value: unknown) => `--seed ${String(value)}: write a whole number from 0 to 4294967295`,
  badShard: (value: string) =>
    `--shard ${value}: write i/n with whole numbers 0 <= i < n (shards count from 0, as SLURM array task ids), e.g. --shard 0/4`,
  shardEmpty: (shard: string, runs: number) =>
    `--shard ${shard}: this shard has no runs (the sweep has only ${plural(runs, 'run')} in ${runs} groups); use fewer shards`,

  // --- the output directory -----------------------------------------------------------
  outHoldsSweep: (dir: string) =>
    `--out ${dir}: already holds a sweep (runs.ndjson); add --resume to finish it, or name a new directory`,
  outHoldsOther: (dir: string, files: readonly string[]) =>
    `--out ${dir}: directory already holds other files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}); name a new or empty directory`,
  outNotDirectory: (dir: string) => `--out ${dir}: is a file, not a directory; name a new or empty directory`,
  differentSweep: (dir: string, stored: string, now: string) =>
    `--resume: ${dir} holds a different sweep (scenario hash ${stored.slice(0, 12)}, this one is ${now.slice(0, 12)}); nothing was changed: use a new --out, or resume with the scenario and --set values it was made with`,
  differentShard: (dir: string, stored: string, now: string) =>
    `--resume: ${dir} holds shard ${stored}, not ${now}; nothing was changed: resume with --shard ${stored}, or use a new --out`,
  noManifest: (dir: string) =>
    `--resume: ${dir} has runs.ndjson but no manifest.json, so its scenario cannot be checked; nothing was changed: use a new --out`,
  corruptStore: (file: string, line: number, problem: string) =>
    `${file}:${line}: not a whole run record (${problem}); the store is damaged in the middle, not just at its end; nothing was changed: move the file away and resume, or use a new --out`,

  // --- merge --------------------------------------------------------------------------
  mergeNothing: () => 'merge: name at least one sweep directory, e.g. `lrsim merge out/shards/* --out out`',
  mergeNoManifest: (dir: string) => `merge: ${dir} has no manifest.json; is it a sweep directory?`,
  mergeDifferent: (dir: string, first: string) =>
    `merge: ${dir} belongs to a different sweep than ${first} (scenario hash, replicates or shard count differ); merge only the shards of one sweep`,
  mergeIncomplete: (problems: string, finish: string) => `merge: the shard set is incomplete: ${problems}; finish it with: ${finish}`,
  mergeOutIsInput: (dir: string) => `merge: --out ${dir} is one of the inputs; name another directory`,

  // --- summaries (not errors) ---------------------------------------------------------
  interrupted: (done: number, total: number, resume: string) =>
    `interrupted: ${done} of ${total} runs are stored; finish with: ${resume}`,
  failedSummary: (failed: { key: string; error: string }[]) =>
    `${plural(failed.length, 'run')} failed: ` +
    failed.slice(0, 5).map((f) => `${f.key} (${f.error})`).join('; ') +
    (failed.length > 5 ? `; ... (all in manifest.json)` : ''),
} as const;

/**
 * Messages of the hardening of sweep input/output (issue 14 items 3, 4, 6, 7, 8, 14): kept
 * in their own block.
 */
export const sweepIoMessages = {
  tornTail: (file: string, line: number, bytes: number, cut: boolean) =>
    `note: ${file}:${line}: the last record is torn (${plural(bytes, 'byte')} left by an interrupted write); ${cut ? 'cut it off; its run is run again' : 'skipped it'}`,
  tooManyWorkers: (value: number, max: number, cores: number) =>
    `--workers ${value}: at most ${max} (4 per core, ${cores} here, and never above ${MAX_WORKERS_CEILING}); more threads than cores only add memory, e.g. --workers ${cores}`,
  workersCapped: (asked: number, runs: number) =>
    `note: --workers ${asked} capped at ${runs}, the number of runs to do`,
  mergeOutHoldsOther: (dir: string, files: readonly string[]) =>
    `merge: --out ${dir} already holds other files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}); name a new or empty directory, or add --force to write into it anyway`,
  resumeHint: (command: string) => `free some space, then run ${command}: it keeps the stored runs and rebuilds the outputs`,
  mergeRetryHint: () => 'free some space, then run the same merge again: it rebuilds the merged outputs from the shards',
  done: (dir: string, ranNow: number, stored: number, failed: number, seconds: number) =>
    `sweep done: ${stored ? `${plural(ranNow, 'new run')} (${stored} were already stored; ${ranNow + stored} in all)` : plural(ranNow, 'run')}, ${failed} failed, in ${seconds.toFixed(1)} s; outputs in ${dir}`,
} as const;

/** The most worker threads `--workers` accepts on any machine. */
export const MAX_WORKERS_CEILING = 256;

/** Throws bad input (exit 2) with one of the messages above. */
export function badInput(message: string): never {
  throw new ScenarioError(message);
}
