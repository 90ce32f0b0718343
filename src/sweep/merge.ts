/**
 * `lrsim merge DIR... --out DIR`: joins the shard directories of one sweep into the same
 * outputs an unsharded sweep writes (runs.ndjson in key order, runs.csv, timeseries.csv,
 * the Arrow copies, manifest.json). Refuses shards of different sweeps and an incomplete
 * shard set, naming the shards to finish and the command that finishes them.
 */
import { closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { makeDirectory } from '../io/make-directory';
import { assertUnlocked, lockDirectory } from '../io/dir-lock';
import { pathKind } from '../io/output-dir';
import { checkOutputDirectory } from '../io/output-path';
import { DiskFullError, writeFully } from '../io/write-fully';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { modelOf } from '../models';
import type { ParameterValue } from './design';
import type { SourceState } from '../io/repo';
import { readManifest, writeManifest, type ShardSource, type SweepManifest } from './manifest';
import { badInput, sweepIoMessages, sweepMessages as msg } from './messages';
import { writeOutputs } from './outputs';
import { plannedRuns, type Shard, type SweepPlan } from './plan';
import { earlierSources, listFailed, unownedFiles } from './run-sweep';
import { indexStore, type Notice, type StoredRun } from './store';

export interface MergeSummary {
  dir: string;
  planned: number;
  ok: number;
  failed: { key: string; error: string }[];
  failedCount: number;
  /** 0 all runs ok, 1 some run failed. */
  exitCode: number;
}

const sameSweep = (a: SweepManifest, b: SweepManifest) =>
  a.scenario_hash === b.scenario_hash && a.design.replicates === b.design.replicates && (a.shard?.count ?? 0) === (b.shard?.count ?? 0) &&
  (a.microdata === undefined || b.microdata === undefined || a.microdata === b.microdata);

/** The command that finishes shard `index` in `dir`, from the command a shard was started with. */
function finishCommand(template: SweepManifest, shard: Shard, dir: string): string {
  const args = template.command.length ? [...template.command] : ['sweep', template.scenario_source];
  const put = (flag: string, value: string) => {
    const at = args.indexOf(flag);
    if (at >= 0) args[at + 1] = value;
    else args.push(flag, value);
  };
  put('--shard', `${shard.index}/${shard.count}`);
  put('--out', dir);
  if (!args.includes('--resume')) args.push('--resume');
  return `lrsim ${args.map((a) => (/^[\w./=:@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ')}`;
}

export interface MergeOptions {
  /**
   * How to finish an incomplete shard set, from whoever made the shards (`lrsim slurm`
   * passes `slurmShardSetProblem`, which names its own command): a one-line message, or
   * null when it does not know these shards. Asked only when the set is incomplete or an
   * input has no manifest (a shard that never started), so a complete merge reads each
   * store once; when it returns null or fails, merge gives its own message.
   */
  incompleteShardSet?: (dirs: readonly string[]) => string | null;
  /** Write into an --out directory that holds files other than a sweep's (like `run --force`). */
  force?: boolean;
  /** One-line notes for the user (a torn record skipped, a stale lock taken over). */
  notice?: Notice;
}

/** Merges shard (or whole-sweep) directories into `out`. */
export async function mergeSweeps(dirs: readonly string[], out: string, options: MergeOptions = {}): Promise<MergeSummary> {
  if (dirs.length === 0) badInput(msg.mergeNothing());
  checkOutputDirectory('--out', out);
  if (pathKind(out) === 'other') badInput(msg.outNotDirectory(out));
  if (dirs.some((d) => resolve(d) === resolve(out))) badInput(msg.mergeOutIsInput(out));
  // A directory planned by `lrsim slurm` (DIR/scenario.json, DIR/slurm/plan.json,
  // DIR/shards/<i>: src/slurm/layout.ts) is merged into itself; and any folder holding an
  // input belongs to the sweep.
  const slurmLayout = existsSync(join(out, 'slurm', 'plan.json')) ? ['slurm', 'shards', 'scenario.json'] : [];
  const holdsInput = (entry: string) => dirs.some((d) => resolve(d).startsWith(resolve(out, entry) + sep));
  const foreign = unownedFiles(out, slurmLayout).filter((f) => !holdsInput(f));
  if (foreign.length && !options.force) badInput(sweepIoMessages.mergeOutHoldsOther(out, foreign));
  const notice = options.notice ?? (() => {});
  function incomplete(own: () => string): never {
    let advice: string | null = null;
    try {
      advice = options.incompleteShardSet?.(dirs) ?? null;
    } catch {
      // The maker's own check could not run (say its plan is unreadable): merge's message still holds.
    }
    return badInput(advice ?? own());
  }
  const inputs = dirs.map((dir) => {
    const manifest = readManifest(dir);
    if (!manifest) incomplete(() => msg.mergeNoManifest(dir));
    return { dir, manifest };
  });
  const first = inputs[0];
  for (const input of inputs) if (!sameSweep(input.manifest, first.manifest)) badInput(msg.mergeDifferent(input.dir, first.dir));
  // Firm tables: every shard that records the choice must agree with the first that does
  // (an old manifest without the field cannot be checked).
  const withChoice = inputs.find((i) => i.manifest.microdata !== undefined);
  if (withChoice) for (const input of inputs) if (!sameSweep(input.manifest, withChoice.manifest)) badInput(msg.mergeDifferent(input.dir, withChoice.dir));
  const existing = readManifest(out);
  if (existing && existing.scenario_hash !== first.manifest.scenario_hash) badInput(msg.mergeDifferent(out, first.dir));

  // One shard named twice (the same directory, or two copies) is a slip in the command: the
  // shard set message would otherwise name only the shard it crowded out.
  const count = first.manifest.shard?.count ?? 0;
  if (count > 0) {
    const byShard = new Map<number, string[]>();
    for (const { dir, manifest } of inputs) byShard.set(manifest.shard!.index, [...(byShard.get(manifest.shard!.index) ?? []), dir]);
    const twice = [...byShard].filter(([, given]) => given.length > 1);
    const absent = Array.from({ length: count }, (_, i) => i).filter((i) => !byShard.has(i));
    if (twice.length) badInput(msg.mergeShardTwice(twice.map(([index, given]) => ({ index, dirs: given })), absent, count));
  }

  const m = first.manifest;
  const plan: SweepPlan = { points: m.points.length, arms: m.design.arms, replicates: m.design.replicates, scenarioSeed: m.scenario.seed, shard: null };
  const index = new Map<string, StoredRun>();
  const problems: string[] = [];
  const unfinished: { shard: Shard; dir: string }[] = [];
  // A shard whose sweep still runs would be merged half-done.
  for (const { dir } of inputs) assertUnlocked(dir);
  for (const { dir, manifest } of inputs) {
    const runs = indexStore(join(dir, 'runs.ndjson'), false, notice);
    for (const [key, run] of runs) if (!index.has(key)) index.set(key, run);
    const own: SweepPlan = { ...plan, shard: manifest.shard };
    let missing = 0;
    for (const run of plannedRuns(own)) if (!runs.has(run.key)) missing++;
    if (missing > 0 && manifest.shard) unfinished.push({ shard: manifest.shard, dir });
    if (missing > 0) problems.push(`${dir} lacks ${missing} run${missing === 1 ? '' : 's'}`);
  }
  const present = new Set(inputs.map((i) => i.manifest.shard?.index));
  for (let i = 0; i < count; i++) {
    if (present.has(i)) continue;
    // Shard directories named by their index (DIR/shards/<i>) let us name the missing one.
    const named = inputs.find((x) => basename(x.dir) === String(x.manifest.shard?.index));
    const dir = named ? join(dirname(named.dir), String(i)) : `DIR_OF_SHARD_${i}`;
    problems.push(`shard ${i}/${count} is missing`);
    unfinished.push({ shard: { index: i, count }, dir });
  }
  if (problems.length) {
    const finish = unfinished.length ? unfinished.map((u) => finishCommand(m, u.shard, u.dir)).join(' && ') : 'lrsim sweep ... --resume';
    incomplete(() => msg.mergeIncomplete(problems.join(', '), finish));
  }

  const shardSources = inputs.flatMap(({ manifest }) => manifest.shard_sources ?? [shardSource(manifest)]);
  const mixed = mixedCode(shardSources);
  if (mixed) notice(msg.mergeMixedCode(mixed));

  makeDirectory(out);
  const lock = lockDirectory(out, notice);
  try {
    return await writeMerged(out, dirs, inputs, plan, index, shardSources);
  } catch (error) {
    throw error instanceof DiskFullError ? error.withRetry(sweepIoMessages.mergeRetryHint()) : error;
  } finally {
    lock.release();
  }
}

/** Writes the merged store, outputs and manifest into `out` (checked and locked). */
async function writeMerged(
  out: string,
  dirs: readonly string[],
  inputs: { dir: string; manifest: SweepManifest }[],
  plan: SweepPlan,
  index: Map<string, StoredRun>,
  shardSources: ShardSource[],
): Promise<MergeSummary> {
  const m = inputs[0].manifest;
  const runs = [...plannedRuns(plan)].map((r) => index.get(r.key)!).sort((a, b) => (a.key < b.key ? -1 : 1));
  copyMicrodata(runs, out);
  const merged = copyStore(runs, join(out, 'runs.ndjson'));
  const okRuns = merged.filter((r) => !r.failed);
  const failedRuns = merged.filter((r) => r.failed);
  const parameters = m.design.parameters;
  await writeOutputs(out, okRuns, {
    parameters,
    parameterValues: parameters.map((p) => m.points.map((pt) => pt.params[p] as ParameterValue)),
    scenario: m.scenario,
    outcomeKeys: modelOf(m.scenario).outcomes,
    columns: modelOf(m.scenario).columns,
  });
  const failed = listFailed(failedRuns);
  const manifests = inputs.map((i) => i.manifest);
  // Every source the runs came from, as a resumed sweep keeps its sessions' (run-sweep.ts):
  // the first shard's as `source`, the others once each as `earlier_sources`.
  const others = earlierSources({ earlier_sources: shardSources.flatMap(sourcesOf) }, m.source);
  const { earlier_sources: _, ...first } = m;
  writeManifest(out, {
    ...first,
    ...(others.length ? { earlier_sources: others } : {}),
    status: 'complete',
    shard: null,
    merged_from: dirs.map((d) => resolve(d)),
    shard_sources: shardSources,
    runs: { planned: runs.length, finished: runs.length, ok: okRuns.length, failed: failedRuns.length },
    failed,
    workers: manifests.reduce((n, x) => n + x.workers, 0),
    timings: {
      started: manifests.map((x) => x.timings.started).sort()[0],
      ended: manifests.map((x) => x.timings.ended ?? '').sort().pop() || null,
      wall_seconds: Math.max(...manifests.map((x) => x.timings.wall_seconds)),
      run_seconds: manifests.reduce((n, x) => n + x.timings.run_seconds, 0),
    },
  });
  return { dir: out, planned: runs.length, ok: okRuns.length, failed, failedCount: failedRuns.length, exitCode: failedRuns.length ? 1 : 0 };
}

/** Copies each run's firm table (DIR/microdata/<key>.firms.csv of its shard), where it has one. */
function copyMicrodata(runs: readonly StoredRun[], out: string): void {
  for (const run of runs) {
    const source = join(dirname(run.file), 'microdata', `${run.key}.firms.csv`);
    if (!existsSync(source)) continue;
    makeDirectory(join(out, 'microdata'));
    copyFileSync(source, join(out, 'microdata', `${run.key}.firms.csv`));
  }
}

/** Copies the records of `runs` (in that order) into a new store file; returns their new places. */
function copyStore(runs: StoredRun[], file: string): StoredRun[] {
  const fd = openSync(`${file}.tmp`, 'w');
  const fds = new Map<string, number>();
  const copied: StoredRun[] = [];
  let offset = 0;
  let buffer = Buffer.alloc(1 << 16);
  try {
    for (const run of runs) {
      if (!fds.has(run.file)) fds.set(run.file, openSync(run.file, 'r'));
      if (buffer.length < run.bytes + 1) buffer = Buffer.alloc(run.bytes * 2);
      readSync(fds.get(run.file)!, buffer, 0, run.bytes, run.offset);
      buffer[run.bytes] = 0x0a;
      writeFully(fd, buffer.subarray(0, run.bytes + 1), file);
      copied.push({ ...run, file, offset });
      offset += run.bytes + 1;
    }
  } catch (error) {
    closeSync(fd);
    rmSync(`${file}.tmp`, { force: true });
    throw error;
  } finally {
    for (const f of fds.values()) closeSync(f);
  }
  closeSync(fd);
  renameSync(`${file}.tmp`, file);
  return copied;
}

/** One input's version and sources, as the merged manifest records them. */
function shardSource(m: SweepManifest): ShardSource {
  return { shard: m.shard ?? null, version: m.version, source: m.source ?? null, ...(m.earlier_sources?.length ? { earlier_sources: m.earlier_sources } : {}) };
}

/** Every source a shard's runs came from. */
const sourcesOf = (s: ShardSource): SourceState[] => [...(s.source ? [s.source] : []), ...(s.earlier_sources ?? [])];

/**
 * When the shards' runs came from more than one lrsim version or source (commit and
 * dirty flag; an unknown commit counts as one more), each shard described; else null.
 */
function mixedCode(shards: readonly ShardSource[]): string[] | null {
  const key = (s: SourceState | null) => `${s?.commit ?? null}:${s?.dirty ?? null}`;
  const versions = new Set(shards.map((s) => s.version));
  const sources = new Set(shards.flatMap((s) => (sourcesOf(s).length ? sourcesOf(s) : [null]).map(key)));
  if (versions.size <= 1 && sources.size <= 1) return null;
  const commit = msg.commitOf;
  return shards.map((s) => {
    const earlier = (s.earlier_sources ?? []).map(commit);
    return `${s.shard ? `shard ${s.shard.index}/${s.shard.count}` : 'a whole sweep'}: lrsim ${s.version}, ${commit(s.source)}${earlier.length ? `, earlier sessions ${earlier.join(', ')}` : ''}`;
  });
}
