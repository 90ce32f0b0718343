/**
 * `lrsim sweep`: plans the runs, checks the design, keeps up to two runs per worker in
 * flight, stores each finished run durably as it arrives, and writes the tidy outputs and
 * the manifest when every run is stored. Ctrl-C (SIGINT) or SIGTERM stops at once: stored
 * runs stay, runs in flight are dropped and re-run by `--resume`.
 */
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { columnsToCsv, type CsvValue } from '../io/csv';
import { foreignFiles, pathKind } from '../io/output-dir';
import { packageVersion } from '../io/repo';
import { OUTCOME_KEYS, TIMESERIES_COLUMNS } from '../model';
import { loadScenario } from '../scenario/load';
import { buildDesign, type Design } from './design';
import { armInputs, checkDesign, runInput, type ArmInput } from './inputs';
import { machineInfo, readManifest, scenarioHash, writeManifest, type SweepManifest } from './manifest';
import { badInput, sweepMessages as msg } from './messages';
import { writeOutputs } from './outputs';
import { formatShard, plannedRunCount, plannedRuns, type PlannedRun, type Shard, type SweepPlan } from './plan';
import { RunPool } from './pool';
import { createProgress } from './progress';
import { errorText, failedRecord, okRecord, pointParams, type RunOutput } from './record';
import { SEED_RULE } from './seed';
import { StopSignal } from './stop-signal';
import { indexStore, readRecord, RunStore, type StoredRun } from './store';

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
  /** Sum of the runs' own wall time in this session. */
  runSeconds: number;
  /** 0 complete, 1 some run failed, 130 interrupted by SIGINT, 143 by SIGTERM. */
  exitCode: number;
}

/** Files a sweep directory may hold. */
export const SWEEP_FILES = [
  'runs.ndjson', 'manifest.json', 'manifest.json.tmp', 'runs.csv', 'timeseries.csv', 'runs.arrow', 'timeseries.arrow', 'columns.json', 'microdata',
  // written by the report (src/report)
  'report.html', 'stats.csv', 'charts',
];
const MAX_FAILED_LISTED = 1000;

/** Everything about a sweep that does not depend on running it. */
export interface PreparedSweep {
  source: string;
  manifest: SweepManifest;
  design: Design;
  arms: ArmInput[];
  plan: SweepPlan;
}

/** Loads the scenario, builds and checks the design and the plan (bad input throws). */
export function prepareSweep(options: SweepOptions): PreparedSweep {
  if (options.replicates !== undefined && !(Number.isInteger(options.replicates) && options.replicates >= 1 && options.replicates <= 100_000)) {
    badInput(msg.badReplicates(options.replicates));
  }
  if (options.seed !== undefined && !(Number.isInteger(options.seed) && options.seed >= 0 && options.seed < 2 ** 32)) badInput(msg.badSeed(options.seed));
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
    scenario_source: loaded.source,
    scenario_extends: loaded.extends,
    scenario_hash: scenarioHash(scenario),
    scenario,
    design: { kind: design.kind, parameters: design.parameters, samples: scenario.sweep?.samples ?? null, replicates, arms: plan.arms.slice() },
    points: design.points.map((values, point) => ({ point, params: pointParams(design.parameters, values) })),
    seed_rule: SEED_RULE,
    shard: plan.shard,
    runs: { planned: plannedRunCount(plan), finished: 0, ok: 0, failed: 0 },
    failed: [],
    command: options.command ?? [],
    machine: machineInfo(),
    workers: 0,
    timings: { started: new Date().toISOString(), ended: null, wall_seconds: 0, run_seconds: 0 },
  };
  return { source: loaded.source, manifest, design, arms, plan };
}

/** Checks (and creates) the output directory; returns the runs already stored. */
function openDirectory(dir: string, prepared: PreparedSweep, resume: boolean): Map<string, StoredRun> {
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
    const foreign = foreignFiles(dir, SWEEP_FILES);
    if (foreign.length) badInput(msg.outHoldsOther(dir, foreign));
    mkdirSync(dir, { recursive: true });
    return new Map();
  }
  if (!stored) badInput(msg.noManifest(dir));
  const was = stored.shard ? formatShard(stored.shard) : 'none';
  const now = prepared.plan.shard ? formatShard(prepared.plan.shard) : 'none';
  if (was !== now) badInput(msg.differentShard(dir, was, now));
  // Timings add up over the sessions of a resumed sweep.
  prepared.manifest.timings = { ...stored.timings, ended: null };
  return indexStore(store, true);
}

/** `dir/microdata/<key>.firms.csv`, written whole before the run's record is stored. */
function writeMicrodata(dir: string, key: string, firms: NonNullable<RunOutput['firms']>): void {
  const folder = join(dir, 'microdata');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${key}.firms.csv`);
  writeFileSync(`${file}.tmp`, columnsToCsv(firms as Record<string, ArrayLike<CsvValue>>));
  renameSync(`${file}.tmp`, file);
}

/** Runs a sweep to the end (or to Ctrl-C). Bad input throws ScenarioError before any run. */
export async function runSweep(options: SweepOptions): Promise<SweepSummary> {
  const prepared = prepareSweep(options);
  const { manifest, design, arms, plan } = prepared;
  const dir = options.out ?? join(options.cwd ?? process.cwd(), 'output', `sweep-${manifest.scenario.name}`);
  const stored = openDirectory(dir, prepared, options.resume ?? false);
  const workers = Math.max(1, options.workers ?? os.availableParallelism());
  manifest.workers = workers;
  writeManifest(dir, manifest);

  // Firm tables: the command line decides, else the scenario's sweep.microdata.
  const microdata = options.microdata ?? manifest.scenario.sweep?.microdata ?? false;
  // Place flows over time are kept only when some arm builds a link (they follow it).
  const isLink = (p: { kind: string }) => p.kind === 'infrastructure';
  const placeFlowBlocks = manifest.scenario.policies.some(isLink) || (manifest.scenario.arms ?? []).some((a) => (a.policies ?? []).some(isLink));
  const planned = manifest.runs.planned;
  const todo = (function* () {
    for (const run of plannedRuns(plan)) if (!stored.has(run.key)) yield run;
  })();
  let already = 0;
  for (const run of plannedRuns(plan)) if (stored.has(run.key)) already++;
  let done = already;
  let failedNow = 0;
  let ranNow = 0;
  let runSeconds = 0;
  const started = performance.now();

  const store = new RunStore(join(dir, 'runs.ndjson'));
  const progress = options.progress === false ? null : createProgress(planned, already);
  const pool = done < planned ? new RunPool({ workers, workerFile: options.workerFile }) : null;
  const signal = new StopSignal(() => void pool?.destroy());

  const execute = async (run: PlannedRun): Promise<void> => {
    const values = design.points[run.point];
    const params = pointParams(design.parameters, values);
    const sent = performance.now();
    try {
      const input = runInput(arms[run.armIndex], design.parameters, values);
      const out = await pool!.run({ key: run.key, input, seed: run.seed, microdata, placeFlowBlocks });
      if (signal.stopping) return;
      runSeconds += out.wallSeconds;
      if (out.firms) writeMicrodata(dir, run.key, out.firms);
      store.append(okRecord(run, params, out));
    } catch (error) {
      if (signal.stopping) return;
      store.append(failedRecord(run, params, error, (performance.now() - sent) / 1000));
      failedNow++;
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
          while (!signal.stopping && active < limit) {
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
    signal.dispose();
    progress?.stop();
    store.close();
    if (pool && !signal.stopping) await pool.destroy();
  }

  // What the store holds now, restricted to this plan (a resume with fewer replicates leaves extra keys).
  const index = indexStore(join(dir, 'runs.ndjson'), false);
  const plannedRunsNow = [...plannedRuns(plan)].map((r) => index.get(r.key)).filter((r): r is StoredRun => r !== undefined);
  const okRuns = plannedRunsNow.filter((r) => !r.failed);
  const failedRuns = plannedRunsNow.filter((r) => r.failed);
  manifest.failed = listFailed(failedRuns);
  manifest.runs = { planned, finished: plannedRunsNow.length, ok: okRuns.length, failed: failedRuns.length };
  manifest.status = signal.stopping ? 'interrupted' : 'complete';
  manifest.timings.ended = new Date().toISOString();
  const sessionSeconds = (performance.now() - started) / 1000;
  manifest.timings.wall_seconds = round(manifest.timings.wall_seconds + sessionSeconds);
  manifest.timings.run_seconds = round(manifest.timings.run_seconds + runSeconds);
  if (!signal.stopping) {
    await writeOutputs(dir, okRuns, {
      parameters: design.parameters,
      parameterValues: design.parameters.map((_, j) => design.points.map((p) => p[j])),
      scenario: manifest.scenario,
      outcomeKeys: OUTCOME_KEYS,
      columns: TIMESERIES_COLUMNS,
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
    runSeconds,
    exitCode: signal.stopping ? signal.exitCode : failedRuns.length > 0 ? 1 : 0,
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
