/**
 * `lrsim sweep`: plans the runs, checks the design, keeps up to two runs per worker in
 * flight, stores each finished run durably as it arrives, and writes the tidy outputs and
 * the manifest when every run is stored. Ctrl-C (SIGINT) or SIGTERM stops at once: stored
 * runs stay, runs in flight are dropped and re-run by `--resume`.
 */
import { closeSync, openSync } from 'node:fs';
import { makeDirectory } from '../io/make-directory';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { columnsToCsv, type CsvValue } from '../io/csv';
import { LOCK_FILE, lockDirectory, type DirLock } from '../io/dir-lock';
import { foreignFiles, pathKind } from '../io/output-dir';
import { checkOutputDirectory } from '../io/output-path';
import { DiskFullError, writeFileWhole } from '../io/write-fully';
import { packageVersion, sourceState, type SourceState } from '../io/repo';
import { modelOf } from '../models';
import { loadScenario } from '../scenario/load';
import { buildDesign, type Design } from './design';
import { armInputs, checkDesign, runInput, type ArmInput } from './inputs';
import { holdsSweep, machineInfo, readManifest, scenarioHash, writeManifest, type SweepManifest } from './manifest';
import { badInput, MAX_WORKERS_CEILING, sweepIoMessages as ioMsg, sweepMessages as msg } from './messages';
import { writeOutputs } from './outputs';
import { formatShard, plannedRunCount, plannedRuns, type PlannedRun, type Shard, type SweepPlan } from './plan';
import { RunPool } from './pool';
import { createProgress } from './progress';
import { errorText, failedRecord, okRecord, pointParams, type RunOutput } from './record';
import { SEED_RULE } from './seed';
import { indexStore, readRecord, RunStore, type Notice, type StoredRun } from './store';

export interface SweepOptions {
  scenario?: string;
  set?: string[];
  seed?: number;
  replicates?: number;
  workers?: number;
  out?: string;
  resume?: boolean;
  shard?: Shard;
  microdata?: boolean;
  /** Show progress on stderr (default true). */
  progress?: boolean;
  cwd?: string;
  /** The command line, stored in the manifest and used in "finish with" hints. */
  command?: string[];
  /** Worker entry (default dist/workers/run-worker.js). */
  workerFile?: string;
  /** One-line notes for the user (workers capped, a torn record cut, a stale lock taken over). */
  notice?: Notice;
}

export interface SweepSummary {
  dir: string;
  status: 'complete' | 'interrupted';
  planned: number;
  ok: number;
  failed: { key: string; error: string }[];
  failedCount: number;
  wallSeconds: number;
  /** Runs done in this session (not counting stored ones). */
  ranNow: number;
  /** Runs of this plan found in the store when the session began (resume). */
  alreadyStored: number;
  /** Sum of the runs' own wall time in this session. */
  runSeconds: number;
  /** 0 complete, 1 some run failed, 130 interrupted by SIGINT, 143 by SIGTERM. */
  exitCode: number;
}

/** Files a sweep directory may hold. */
export const SWEEP_FILES = [
  'runs.ndjson', 'manifest.json', 'manifest.json.tmp', LOCK_FILE, 'runs.csv', 'timeseries.csv', 'runs.arrow', 'timeseries.arrow', 'columns.json', 'microdata',
  // written by the report (src/report)
  'report.html', 'stats.csv', 'charts',
];
const MAX_FAILED_LISTED = 1000;

/**
 * Files in `dir` that a sweep or merge must not overwrite without --force: with a
 * manifest.json of lrsim's there, anything not in SWEEP_FILES (or `alsoAllowed`); without
 * one, every file, since a runs.csv or report.html there is someone else's.
 */
export function unownedFiles(dir: string, alsoAllowed: readonly string[] = []): string[] {
  return foreignFiles(dir, [...(holdsSweep(dir) ? SWEEP_FILES : [LOCK_FILE, 'manifest.json.tmp']), ...alsoAllowed]);
}

/**
 * The most `--workers` accepted here: 4 per core, and never above MAX_WORKERS_CEILING.
 * A run is CPU-bound, so threads beyond the cores only add memory (each holds a region);
 * 100000 threads took 3.7 GB in 40 s and stored nothing (issue 14 item 4).
 */
export function maxWorkers(cores = os.availableParallelism()): number {
  return Math.min(MAX_WORKERS_CEILING, 4 * cores);
}

/** The sources of a stored manifest's sessions other than `now` (each once, oldest first). */
export function earlierSources(stored: Pick<SweepManifest, 'source' | 'earlier_sources'>, now: SourceState | undefined): SourceState[] {
  const key = (s: SourceState) => `${s.commit}:${s.dirty}`;
  const seen = new Set(now ? [key(now)] : []);
  const out: SourceState[] = [];
  for (const s of [...(stored.earlier_sources ?? []), ...(stored.source ? [stored.source] : [])]) {
    if (seen.has(key(s))) continue;
    seen.add(key(s));
    out.push(s);
  }
  return out;
}

import { resumeCommand } from './resume-command';
export { resumeCommand };

/** Everything about a sweep that does not depend on running it. */
export interface PreparedSweep {
  source: string;
  manifest: SweepManifest;
  design: Design;
  arms: ArmInput[];
  plan: SweepPlan;
  /** The scenario's warnings (a policy or shock after the last tick), positioned. */
  warnings: string[];
  /** Whether --microdata or --no-microdata was given (a resume otherwise keeps the stored choice). */
  microdataAsked: boolean;
}

/** Loads the scenario, builds and checks the design and the plan (bad input throws). */
export function prepareSweep(options: SweepOptions): PreparedSweep {
  if (options.replicates !== undefined && !(Number.isInteger(options.replicates) && options.replicates >= 1 && options.replicates <= 100_000)) {
    badInput(msg.badReplicates(options.replicates));
  }
  if (options.seed !== undefined && !(Number.isInteger(options.seed) && options.seed >= 0 && options.seed < 2 ** 32)) badInput(msg.badSeed(options.seed));
  if (options.workers !== undefined && !(Number.isInteger(options.workers) && options.workers >= 1)) badInput(msg.badWorkers(options.workers));
  if (options.workers !== undefined && options.workers > maxWorkers()) {
    badInput(ioMsg.tooManyWorkers(options.workers, maxWorkers(), os.availableParallelism()));
  }
  if (options.out !== undefined) checkOutputDirectory('--out', options.out);
  const set = [...(options.set ?? []), ...(options.seed !== undefined ? [`seed=${options.seed}`] : [])];
  const loaded = loadScenario(options.scenario, { set, cwd: options.cwd });
  const scenario = loaded.scenario;
  const replicates = options.replicates ?? scenario.sweep?.replicates ?? 8;
  const cwd = options.cwd ?? process.cwd();
  // A design file's path is relative to the scenario file (or the working directory for a built-in).
  const baseDir = loaded.source.startsWith('builtin:') ? cwd : dirname(resolve(cwd, loaded.source));
  const design = buildDesign(scenario.sweep, scenario.seed, baseDir);
  const arms = armInputs(loaded.raw as Record<string, unknown>, scenario.arms);
  checkDesign(design, arms);
  const plan: SweepPlan = { points: design.points.length, arms: arms.map((a) => a.name), replicates, scenarioSeed: scenario.seed, shard: options.shard ?? null };
  const manifest: SweepManifest = {
    kind: 'lrsim-sweep',
    status: 'running',
    version: packageVersion(),
    source: sourceState(),
    scenario_source: loaded.source,
    scenario_extends: loaded.extends,
    scenario_hash: scenarioHash(scenario),
    scenario,
    design: { kind: design.kind, parameters: design.parameters, samples: scenario.sweep?.samples ?? null, replicates, arms: plan.arms.slice() },
    points: design.points.map((values, point) => ({ point, params: pointParams(design.parameters, values) })),
    seed_rule: SEED_RULE,
    shard: plan.shard,
    microdata: options.microdata ?? scenario.sweep?.microdata ?? false,
    runs: { planned: plannedRunCount(plan), finished: 0, ok: 0, failed: 0 },
    failed: [],
    command: options.command ?? [],
    machine: machineInfo(),
    workers: 0,
    timings: { started: new Date().toISOString(), ended: null, wall_seconds: 0, run_seconds: 0 },
  };
  return { source: loaded.source, manifest, design, arms, plan, warnings: loaded.warnings, microdataAsked: options.microdata !== undefined };
}

/**
 * Checks the output directory (read-only), creates it, locks it and returns the runs
 * already stored. The lock comes before the store is touched (a torn tail cut), so a
 * second process on the same directory changes nothing.
 */
function openDirectory(dir: string, prepared: PreparedSweep, resume: boolean, notice: Notice): { stored: Map<string, StoredRun>; lock: DirLock } {
  checkOutputDirectory('--out', dir);
  const kind = pathKind(dir);
  if (kind === 'other') badInput(msg.outNotDirectory(dir));
  const store = join(dir, 'runs.ndjson');
  const hasStore = pathKind(store) !== 'missing';
  const stored = kind === 'dir' ? readManifest(dir) : null;
  if (resume && stored && stored.scenario_hash !== prepared.manifest.scenario_hash) {
    badInput(msg.differentSweep(dir, stored.scenario_hash, prepared.manifest.scenario_hash));
  }
  if (!resume || !hasStore) {
    if (hasStore) badInput(msg.outHoldsSweep(dir));
    const foreign = unownedFiles(dir);
    if (foreign.length) badInput(msg.outHoldsOther(dir, foreign));
    makeDirectory(dir);
    const lock = lockDirectory(dir, notice);
    // Another process may have started a sweep here between the checks and the lock.
    if (pathKind(store) !== 'missing') {
      lock.release();
      badInput(msg.outHoldsSweep(dir));
    }
    return { stored: new Map(), lock };
  }
  if (!stored) badInput(msg.noManifest(dir));
  const was = stored.shard ? formatShard(stored.shard) : 'none';
  const now = prepared.plan.shard ? formatShard(prepared.plan.shard) : 'none';
  if (was !== now) badInput(msg.differentShard(dir, was, now));
  // Firm tables for every run or for none: a resume keeps the choice the sweep was started
  // with, and refuses a flag that contradicts it.
  if (stored.microdata !== undefined) {
    if (prepared.microdataAsked && stored.microdata !== prepared.manifest.microdata) badInput(msg.differentMicrodata(dir, stored.microdata));
    prepared.manifest.microdata = stored.microdata;
  }
  const lock = lockDirectory(dir, notice);
  try {
    // Timings add up over the sessions of a resumed sweep; a session from other source is remembered.
    prepared.manifest.timings = { ...stored.timings, ended: null };
    const earlier = earlierSources(stored, prepared.manifest.source);
    if (earlier.length > 0) prepared.manifest.earlier_sources = earlier;
    const runs = indexStore(store, true, notice);
    // Stored runs from other code: recorded, and said (as merge says it of shards).
    if (runs.size > 0 && (earlier.length > 0 || stored.version !== prepared.manifest.version)) {
      const before = `lrsim ${stored.version}, ${(earlier.length ? earlier : [stored.source ?? null]).map(msg.commitOf).join(', ')}`;
      notice(msg.resumeMixedCode(dir, before, `lrsim ${prepared.manifest.version}, ${msg.commitOf(prepared.manifest.source ?? null)}`, earlier.length > 0));
    }
    return { stored: runs, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * `dir/microdata/<key>.firms.csv`, written whole before the run's record is stored. Its
 * first column is the run's key, so the tables of all runs stack into one and join runs.csv.
 */
function writeMicrodata(dir: string, key: string, firms: NonNullable<RunOutput['firms']>): void {
  const folder = join(dir, 'microdata');
  makeDirectory(folder);
  const rows = Object.values(firms)[0]?.length ?? 0;
  const table = { key: new Array<string>(rows).fill(key), ...(firms as Record<string, ArrayLike<CsvValue>>) };
  writeFileWhole(join(folder, `${key}.firms.csv`), columnsToCsv(table));
}

/**
 * Runs a sweep to the end (or to Ctrl-C). Bad input throws ScenarioError before any run;
 * a full disk throws DiskFullError naming the file and the command that resumes.
 */
export async function runSweep(options: SweepOptions): Promise<SweepSummary> {
  // Ctrl-C, and SIGTERM from a scheduler (scancel, pre-emption): stop at once, keep what is
  // stored. Listening from the very start: a signal while the pool starts its threads is
  // then held until the event loop turns, instead of killing the process without a word.
  const signals = { stopping: false, signal: null as NodeJS.Signals | null, onStop: () => {} };
  const onSignal = (signal: NodeJS.Signals) => {
    signals.stopping = true;
    signals.signal = signal;
    signals.onStop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let lock: DirLock | null = null;
  let dir = options.out ?? '';
  try {
    const prepared = prepareSweep(options);
    for (const line of prepared.warnings) options.notice?.(line);
    dir = options.out ?? join(options.cwd ?? process.cwd(), 'output', `sweep-${prepared.manifest.scenario.name}`);
    const opened = openDirectory(dir, prepared, options.resume ?? false, options.notice ?? (() => {}));
    lock = opened.lock;
    return await runOpened(options, prepared, dir, opened.stored, signals);
  } catch (error) {
    if (error instanceof DiskFullError) throw error.withRetry(ioMsg.resumeHint(resumeCommand(options.command ?? ['sweep'], dir)));
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    lock?.release();
  }
}

interface SignalState { stopping: boolean; signal: NodeJS.Signals | null; onStop: () => void }

/** The sweep once its directory is open and locked. */
async function runOpened(options: SweepOptions, prepared: PreparedSweep, dir: string, stored: Map<string, StoredRun>, signals: SignalState): Promise<SweepSummary> {
  const { manifest, design, arms, plan } = prepared;
  const planned = manifest.runs.planned;
  let already = 0;
  for (const run of plannedRuns(plan)) if (stored.has(run.key)) already++;
  const asked = options.workers ?? os.availableParallelism();
  // Never more threads than runs left to do.
  const workers = Math.max(1, Math.min(asked, planned - already));
  if (options.workers !== undefined && workers < options.workers && planned > already) options.notice?.(ioMsg.workersCapped(options.workers, planned - already));
  manifest.workers = workers;
  writeManifest(dir, manifest);

  // Firm tables: the command line decides, else the scenario's sweep.microdata (prepareSweep).
  const microdata = manifest.microdata ?? false;
  // Place flows over time are kept only when some arm builds a link (they follow it).
  const isLink = (p: { kind: string }) => p.kind === 'infrastructure';
  const placeFlowBlocks = manifest.scenario.policies.some(isLink) || (manifest.scenario.arms ?? []).some((a) => (a.policies ?? []).some(isLink));
  const todo = (function* () {
    for (const run of plannedRuns(plan)) if (!stored.has(run.key)) yield run;
  })();
  let done = already;
  let failedNow = 0;
  let ranNow = 0;
  let runSeconds = 0;
  // A failure to store (a full disk) ends the sweep; runs still in flight are dropped.
  let halted = false;
  const started = performance.now();

  const store = new RunStore(join(dir, 'runs.ndjson'));
  const progress = options.progress === false ? null : createProgress(planned, already);
  const pool = done < planned && !signals.stopping ? new RunPool({ workers, workerFile: options.workerFile }) : null;
  signals.onStop = () => void pool?.destroy();
  const quiet = () => signals.stopping || halted;

  const execute = async (run: PlannedRun): Promise<void> => {
    const values = design.points[run.point];
    const params = pointParams(design.parameters, values);
    const sent = performance.now();
    let out: RunOutput | null = null;
    let failure: unknown = null;
    try {
      const input = runInput(arms[run.armIndex], design.parameters, values);
      out = await pool!.run({ key: run.key, input, seed: run.seed, microdata, placeFlowBlocks });
    } catch (error) {
      failure = error;
    }
    if (quiet()) return;
    // Storing is outside the try: a full disk is not a failed run, it stops the sweep.
    try {
      if (out) {
        runSeconds += out.wallSeconds;
        if (out.firms) writeMicrodata(dir, run.key, out.firms);
        store.append(okRecord(run, params, out));
      } else {
        store.append(failedRecord(run, params, failure, (performance.now() - sent) / 1000));
        failedNow++;
      }
    } catch (error) {
      halted = true;
      throw error;
    }
    ranNow++;
    done++;
    progress?.update(done, failedNow);
  };

  try {
    if (pool) {
      const limit = workers * 2; // one running and one waiting per worker: no idle gaps
      await new Promise<void>((resolve, reject) => {
        let active = 0;
        const next = () => {
          while (!quiet() && active < limit) {
            const item = todo.next();
            if (item.done) break;
            active++;
            execute(item.value).then(() => {
              active--;
              next();
            }, reject);
          }
          if (active === 0) resolve();
        };
        next();
      });
    }
  } finally {
    signals.onStop = () => {};
    progress?.stop();
    store.close();
    if (pool && signals.stopping) void pool.destroy(); // in-flight runs are abandoned; resume re-runs them
    else if (pool) await pool.destroy();
  }
  const stopping = signals.stopping;

  // What the store holds now, restricted to this plan (a resume with fewer replicates leaves extra keys).
  const index = indexStore(join(dir, 'runs.ndjson'), false);
  const plannedRunsNow = [...plannedRuns(plan)].map((r) => index.get(r.key)).filter((r): r is StoredRun => r !== undefined);
  const okRuns = plannedRunsNow.filter((r) => !r.failed);
  const failedRuns = plannedRunsNow.filter((r) => r.failed);
  manifest.failed = listFailed(failedRuns);
  manifest.runs = { planned, finished: plannedRunsNow.length, ok: okRuns.length, failed: failedRuns.length };
  manifest.status = stopping ? 'interrupted' : 'complete';
  manifest.timings.ended = new Date().toISOString();
  const sessionSeconds = (performance.now() - started) / 1000;
  manifest.timings.wall_seconds = round(manifest.timings.wall_seconds + sessionSeconds);
  manifest.timings.run_seconds = round(manifest.timings.run_seconds + runSeconds);
  if (!stopping) {
    await writeOutputs(dir, okRuns, {
      parameters: design.parameters,
      parameterValues: design.parameters.map((_, j) => design.points.map((p) => p[j])),
      scenario: manifest.scenario,
      outcomeKeys: modelOf(manifest.scenario).outcomes,
      columns: modelOf(manifest.scenario).columns,
    });
  }
  writeManifest(dir, manifest);
  return {
    dir,
    status: manifest.status === 'complete' ? 'complete' : 'interrupted',
    planned,
    ok: okRuns.length,
    failed: manifest.failed,
    failedCount: failedRuns.length,
    wallSeconds: sessionSeconds,
    ranNow,
    alreadyStored: already,
    runSeconds,
    exitCode: stopping ? (signals.signal === 'SIGTERM' ? 143 : 130) : failedRuns.length > 0 ? 1 : 0,
  };
}

/** Keys and errors of failed runs (the first MAX_FAILED_LISTED, in key order). */
export function listFailed(failed: StoredRun[]): { key: string; error: string }[] {
  const sorted = [...failed].sort((a, b) => (a.key < b.key ? -1 : 1)).slice(0, MAX_FAILED_LISTED);
  const fds = new Map<string, number>();
  const buffer = { data: Buffer.alloc(1 << 12) };
  try {
    return sorted.map((run) => {
      if (!fds.has(run.file)) fds.set(run.file, openSync(run.file, 'r'));
      const record = readRecord(run, fds.get(run.file)!, buffer);
      return { key: run.key, error: record.error ?? errorText(undefined) };
    });
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
