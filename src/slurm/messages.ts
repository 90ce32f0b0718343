/**
 * Every user-facing message of `lrsim slurm` (errors, warnings, notes) in one place.
 * Errors are one line: what is wrong, and how to fix it.
 */
import { shellCommand } from './shell';

const list = (shards: readonly number[]): string => shards.join(', ');

export const slurmMessages = {
  shardsNotPositive: (value: unknown) =>
    `--shards must be a whole number of at least 1 (got ${String(value)}); e.g. --shards 8`,
  positiveInteger: (flag: string, value: unknown) =>
    `${flag} must be a whole number of at least 1 (got ${String(value)})`,
  badTime: (value: string) =>
    `--time "${value}" is not a SLURM time limit; use MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (e.g. --time 02:00:00)`,
  badMem: (value: string) =>
    `--mem "${value}" is not a SLURM memory size; use a number with an optional K, M, G or T suffix (e.g. --mem 4G)`,
  badDirectiveValue: (flag: string, value: string) =>
    `${flag} "${value}" cannot go into an #SBATCH line; use letters, digits and _ . - only`,
  badOutDir: (dir: string) =>
    `--out ${JSON.stringify(dir)} holds whitespace, a control character, '%', a backslash or a quote, which #SBATCH --output lines cannot carry; choose a plainer path`,
  shardsCapped: (requested: number, runs: number, groups: number) =>
    groups === runs
      ? `warning: --shards ${requested} is more than the sweep's ${runs} runs; using ${groups} shards (one run each)`
      : `warning: --shards ${requested} is more than the sweep's ${groups} (point, replicate) groups of ${runs} runs (the arms of a group stay in one shard); using ${groups} shards`,
  noSbatch: () =>
    `--submit needs sbatch on the PATH, and there is none here; run on a SLURM login node, or drop --submit and submit the scripts there yourself`,
  notADirectory: (dir: string) =>
    `--out ${dir} exists and is not a directory; choose another --out`,
  foreignDir: (dir: string) =>
    `--out ${dir} is not empty and was not prepared by lrsim slurm; nothing was changed: choose an empty or new --out`,
  differentSweep: (dir: string, planned: string, now: string) =>
    `--out ${dir} holds a different sweep (scenario hash ${planned.slice(0, 12)}, this one is ${now.slice(0, 12)}); nothing was changed: use a new --out, or re-run with the scenario and --set values it was made with`,
  differentRuns: (dir: string, planned: number, now: number) =>
    `--out ${dir} was planned for ${planned} runs, this sweep has ${now} (sweep.replicates differs); nothing was changed: use a new --out, or re-run with the replicates it was made with`,
  differentShards: (dir: string, planned: number, now: number) =>
    `--out ${dir} was planned with --shards ${planned}, not ${now}; nothing was changed: re-run with --shards ${planned}, or use a new --out`,
  stillQueued: (dir: string, jobs: readonly string[]) =>
    `jobs of ${dir} are still queued or running (${jobs.join(', ')}); nothing was submitted: wait for them (squeue), or scancel them and re-run`,
  mergeNotSubmitted: (why: string, arrayJob: string, command: readonly string[]) =>
    `${why}; the sweep array job ${arrayJob} was submitted and runs: add its merge with \`${shellCommand(command)}\``,
  sbatchFailed: (script: string, detail: string) =>
    `sbatch ${script} failed: ${detail.trim().split('\n')[0] || 'no message'}`,
  // --- notes printed on success ------------------------------------------------------------
  wrote: (paths: readonly string[]) => `wrote ${paths.join(' and ')}`,
  pending: (pending: readonly number[], shards: number) =>
    pending.length === shards
      ? `${shards} shard${shards === 1 ? '' : 's'} to run`
      : `${pending.length} of ${shards} shards missing or incomplete: ${list(pending)}`,
  allDone: (dir: string) => `all shards are complete and merged into ${dir}; nothing to do`,
  mergeOnly: () => 'all shards are complete; only the merge is left',
  submitHint: (sweepScript: string | null, mergeScript: string) =>
    sweepScript
      ? `submit with:\n  jid=$(${shellCommand(['sbatch', '--parsable', sweepScript])})\n  sbatch --dependency=afterok:"$jid" ${shellCommand([mergeScript])}`
      : `submit with:\n  ${shellCommand(['sbatch', mergeScript])}`,
  submitted: (arrayJob: string | null, mergeJob: string) =>
    arrayJob ? `submitted: sweep array job ${arrayJob}, merge job ${mergeJob} (after ${arrayJob})` : `submitted: merge job ${mergeJob}`,
  cancelledStaleMerge: (jobs: readonly string[]) =>
    `cancelled the earlier merge job${jobs.length === 1 ? '' : 's'} ${jobs.join(', ')}, whose array ended with shards unfinished (it could never start)`,
  // --- for merge ------------------------------------------------------------------------------
  incompleteShards: (dir: string, problems: string, finish: string) =>
    `merge: the shard set of ${dir} is incomplete: ${problems}; finish it with: ${finish}`,
  // --- the installation -----------------------------------------------------------------------
  noLauncher: (from: string) => `cannot find bin/lrsim.js above ${from}`,
} as const;
