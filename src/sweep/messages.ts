/**
 * Every user-facing message of sweeps and merges, in one place (STYLE habit 9). Bad input
 * is thrown as the project's one-line ScenarioError (the CLI prints it and exits 2).
 */
import { ScenarioError } from '../scenario/errors';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const sweepMessages = {
  // --- the design (what and fix; the field and file:line:col are added where they are reported) ---
  emptyValues: (path: string) => ({ what: 'the value list is empty', fix: `list at least one value, e.g. \`${path}: [0.1, 0.3]\`` }),
  rangeInGrid: (path: string) => ({
    what: 'a {min, max} range needs design lhs or sobol',
    fix: `for a grid list the values, e.g. \`${path}: [0.1, 0.3]\``,
  }),
  listInSampled: (path: string, design: string) => ({
    what: `design ${design} samples ranges, not lists`,
    fix: `write \`${path}: {min: 0.1, max: 0.5}\`, or use design: grid`,
  }),
  minAboveMax: (min: number, max: number) => ({ what: `min (${min}) is greater than max (${max})`, fix: 'swap them' }),
  noRanges: (design: string) => ({
    what: `design ${design} has no parameters to sample`,
    fix: 'add ranges under sweep.parameters, e.g. `openness: {min: 0, max: 0.5}`',
  }),
  noSamples: (design: string) => ({
    what: `design ${design} needs the number of points`,
    fix: 'add e.g. `samples: 64` under sweep (a power of two suits sobol)',
  }),
  tooManySobolDimensions: (count: number, max: number) => ({
    what: `sobol supports at most ${max} parameters (got ${count})`,
    fix: 'use design lhs, or sweep fewer parameters',
  }),
  tooManyPoints: (points: number, max: number) => ({
    what: `the design has ${points} points, more than ${max}`,
    fix: 'sweep fewer values or use lhs/sobol with samples',
  }),
  /** A value of a swept parameter that breaks the schema (checked in every arm). */
  badValue: (path: string, value: unknown, arm: string | undefined, problem: string) => ({
    what: `${path} = ${JSON.stringify(value)}${arm === undefined ? '' : ` (arm ${arm})`} is not allowed: ${problem}`,
    fix: 'remove the value or change it',
  }),
  /** An arm whose overrides break the schema. */
  badArm: (arm: string, problem: string) => ({ what: `arm ${arm}: ${problem}`, fix: 'change the override' }),
  /** Design points where values that are each allowed break a rule together (say rd_min above rd_max). */
  badPoints: (failing: number, points: number, first: string, arm: string | undefined, problem: string) => ({
    what: `${failing} of ${plural(points, 'design point')}${arm === undefined ? '' : ` of arm ${arm}`} ${failing === 1 ? 'breaks' : 'break'} a rule, first ${first}: ${problem}`,
    fix: 'change the values so that every combination is allowed (a sweep is refused before any run starts)',
  }),

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
  corruptStore: (file: string, line: number) =>
    `${file}:${line}: not a run record (the store is damaged in the middle, not just at its end); move the file away and resume, or use a new --out`,

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
  done: (dir: string, finished: number, failed: number, seconds: number) =>
    `sweep done: ${plural(finished, 'run')} finished, ${failed} failed, in ${seconds.toFixed(1)} s; outputs in ${dir}`,
} as const;

/** Throws bad input (exit 2) with one of the messages above. */
export function badInput(message: string): never {
  throw new ScenarioError(message);
}
