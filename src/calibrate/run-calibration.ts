/**
 * `lrsim calibrate`: loads the scenario and the targets, runs ABC-SMC with every
 * simulation on the sweep's worker pool, stores each finished simulation durably as it
 * arrives, then draws the posterior predictive check and writes the outputs. A resumed
 * calibration replays the sampler from the start: stored simulations are read, not run
 * again, and as the sampler is deterministic given the simulations, it takes the same path
 * and writes the same bytes. Ctrl-C or SIGTERM stops at once (stored runs stay).
 */
import { makeDirectory } from '../io/make-directory';
import os from 'node:os';
import { join } from 'node:path';
import { foreignFiles, pathKind } from '../io/output-dir';
import { checkOutputDirectory } from '../io/output-path';
import { DiskFullError } from '../io/write-fully';
import { packageVersion, sourceState } from '../io/repo';
import { ScenarioError } from '../scenario/errors';
import { loadScenario } from '../scenario/load';
import { baseOnlyNote } from './report';
import { applySet } from '../scenario/set';
import { validateScenarioData } from '../scenario/validate';
import { armInputs } from '../sweep/inputs';
import { holdsSweep } from '../sweep/manifest';
import { RunPool } from '../sweep/pool';
import { StopSignal } from '../sweep/stop-signal';
import type { Notice } from '../sweep/store';
import { errorText } from '../sweep/record';
import { sweepIoMessages } from '../sweep/messages';
import { resumeCommand } from '../sweep/run-sweep';
import { runAbcSmc, type AbcResult, type AbcSettings, type Proposal } from './abc-smc';
import { loadTargets, type CalibrationSpec } from './load-targets';
import { inputsHash, machineInfo, ownCalibration, readCalibrationManifest, writeCalibrationManifest, type CalibrationManifest } from './manifest';
import { calibrationMessages as msg } from './messages';
import { writeCalibrationOutputs, type PredictiveDraw } from './outputs';
import { CALIBRATION_SEED_RULE, PREDICTIVE_GENERATION, ProposalStream, simulationSeed } from './seed';
import { CalibrationStore, readStore, recordKey, type CalibrationRecord } from './store';
import { distance, replicateMeans, targetValue } from './summaries';
import { valueRun } from './priors';

export interface CalibrateOptions {
  scenario?: string;
  targets: string;
  set?: string[];
  out?: string;
  workers?: number;
  resume?: boolean;
  cwd?: string;
  /** Print a line per generation on stderr (default true). */
  progress?: boolean;
  /** Charts as SVG and PNG besides the Vega-Lite specs (default true). */
  images?: boolean;
  command?: string[];
  workerFile?: string;
  /** Notes for the user (a torn last line cut off the store); default: a line on stderr. */
  notice?: Notice;
}

export interface CalibrationSummary {
  dir: string;
  status: 'complete' | 'interrupted';
  generations: number;
  /** Every simulation stored: the sampler's (samplerRuns, within abc.max_runs) and the predictive check's. */
  runs: number;
  /** The sampler's simulations (counted against abc.max_runs); null when interrupted before it ended. */
  samplerRuns: number | null;
  /** The budget of the sampler (abc.max_runs). */
  maxRuns: number;
  failed: number;
  stopReason: string | null;
  wallSeconds: number;
  /** 0 complete, 130 interrupted by SIGINT, 143 by SIGTERM. */
  exitCode: number;
}

/** Files a calibration directory may hold. */
export const CALIBRATION_FILES = [
  'runs.ndjson', 'calibration.json', 'calibration.json.tmp', 'posterior.csv', 'particles.csv', 'generations.csv',
  'posterior-summary.csv', 'predictive.csv', 'columns.json', 'report.html', 'charts',
];

class Interrupted extends Error {}

/** The scenario input of one proposal: the base input with each parameter set by its dot path. */
function proposalInput(base: Record<string, unknown>, spec: CalibrationSpec, params: Record<string, number>) {
  return applySet(base, spec.parameters.map((p) => `${p.path}=${JSON.stringify(params[p.path])}`), 'parameters') as Record<string, unknown>;
}

/** Natural values by dot path; whole-number settings rounded. */
function proposalParams(spec: CalibrationSpec, theta: readonly number[]): Record<string, number> {
  return Object.fromEntries(spec.parameters.map((p, k) => [p.path, valueRun(p, theta[k])]));
}

/** Checks the directory; returns the stored records (empty for a new calibration). */
function openDirectory(dir: string, hash: string, resume: boolean, notice: Notice): { records: Map<string, CalibrationRecord>; previous: CalibrationManifest | null } {
  checkOutputDirectory('--out', dir);
  const kind = pathKind(dir);
  if (kind === 'other') throw new ScenarioError(msg.outNotDirectory(dir));
  // A sweep's directory also has a runs.ndjson: say what it is, not "a calibration to resume".
  if (holdsSweep(dir)) throw new ScenarioError(msg.outHoldsSweep(dir));
  const storeFile = join(dir, 'runs.ndjson');
  const hasStore = pathKind(storeFile) !== 'missing';
  // A mistyped directory would start a new calibration where the user meant to finish one.
  if (resume && !hasStore && !ownCalibration(dir)) throw new ScenarioError(msg.nothingToResume(dir, kind === 'missing'));
  if (resume && !hasStore) {
    // A calibration's manifest without its store: only the same calibration starts again here.
    const previous = readCalibrationManifest(dir);
    if (previous && previous.inputs_hash !== hash) throw new ScenarioError(msg.differentCalibration(dir));
    notice(msg.noStoredRuns(dir));
  }
  if (!resume || !hasStore) {
    if (hasStore) throw new ScenarioError(msg.outHoldsCalibration(dir));
    // A calibration's file names are ours only beside its manifest: a user's own
    // posterior.csv or report.html in a directory that holds no calibration is kept.
    const foreign = foreignFiles(dir, ownCalibration(dir) ? CALIBRATION_FILES : []);
    if (foreign.length) throw new ScenarioError(msg.outHoldsOther(dir, foreign));
    makeDirectory(dir);
    return { records: new Map(), previous: null };
  }
  const previous = readCalibrationManifest(dir);
  if (!previous) throw new ScenarioError(msg.noManifest(dir));
  if (previous.inputs_hash !== hash) throw new ScenarioError(msg.differentCalibration(dir));
  return { records: readStore(storeFile, notice), previous };
}

/** `lrsim validate SCENARIO --set ... --set path=value`: the scenario as a proposal at `assignment` makes it. */
export function validateCommand(options: Pick<CalibrateOptions, 'scenario' | 'set'>, assignment: string): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['lrsim', 'validate', options.scenario ?? 'baseline', ...[...(options.set ?? []), assignment].flatMap((a) => ['--set', a])].map(quote).join(' ');
}

/** Loads and checks everything (bad input throws before anything is written). */
export function prepareCalibration(options: CalibrateOptions) {
  const loaded = loadScenario(options.scenario, { set: options.set, cwd: options.cwd });
  const spec = loadTargets(options.targets, loaded.scenario, options.cwd);
  const base = armInputs(loaded.raw as Record<string, unknown>, undefined)[0].input;
  // Each parameter at both ends of its prior must make a valid scenario (the rest is checked per run).
  for (const p of spec.parameters)
    for (const value of [p.prior.min, p.prior.max]) {
      const v = valueRun(p, value);
      try {
        validateScenarioData(applySet(base, [`${p.path}=${v}`], 'parameters') as Record<string, unknown>, () => ({ source: `${spec.source}: parameters ${p.path}=${v}` }));
      } catch (e) {
        // ScenarioError's advice `lrsim validate FILE` would name the targets file here: give the command that lists them.
        if (e instanceof ScenarioError && e.problems.length > 1) e.message = msg.boundProblems(e.problems[0], e.problems.length - 1, validateCommand(options, `${p.path}=${v}`));
        throw e;
      }
    }
  return { loaded, spec, base, hash: inputsHash(loaded.scenario, spec.file) };
}

/**
 * Runs a calibration to its stop condition (or to Ctrl-C) and writes its outputs. Bad
 * input throws ScenarioError before anything is written; a full disk throws DiskFullError
 * naming the file and the command that resumes.
 */
export async function runCalibration(options: CalibrateOptions): Promise<CalibrationSummary> {
  // A given --out is checked before any work; the default one once the scenario names it.
  if (options.out !== undefined) checkOutputDirectory('--out', options.out);
  const prepared = prepareCalibration(options);
  const baseOnly = baseOnlyNote(prepared.loaded.scenario);
  if (baseOnly && options.progress !== false) process.stderr.write(`lrsim: note:${baseOnly}\n`);
  const dir = options.out ?? join(options.cwd ?? process.cwd(), 'output', `calibrate-${prepared.loaded.scenario.name}`);
  try {
    return await calibrateIn(dir, options, prepared);
  } catch (error) {
    if (error instanceof DiskFullError) throw error.withRetry(sweepIoMessages.resumeHint(resumeCommand(options.command ?? ['calibrate'], dir)));
    throw error;
  }
}

/** The calibration once its inputs are checked: `dir` is opened (or resumed), filled and finished. */
async function calibrateIn(dir: string, options: CalibrateOptions, { loaded, spec, base, hash }: ReturnType<typeof prepareCalibration>): Promise<CalibrationSummary> {
  const { records, previous } = openDirectory(dir, hash, options.resume ?? false, options.notice ?? ((line) => process.stderr.write(`lrsim: ${line}\n`)));
  const workers = Math.max(1, options.workers ?? os.availableParallelism());
  const started = performance.now();
  const priorSeconds = previous?.timings.wall_seconds ?? 0;
  const manifest: CalibrationManifest = {
    kind: 'lrsim-calibration',
    status: 'running',
    version: packageVersion(),
    source: sourceState(),
    scenario_source: loaded.source,
    targets_source: spec.source,
    inputs_hash: hash,
    scenario: loaded.scenario,
    targets: spec.file,
    seed_rule: CALIBRATION_SEED_RULE,
    command: options.command ?? [],
    machine: machineInfo(),
    workers,
    stop_reason: null,
    runs: { total: records.size, failed: [...records.values()].filter((r) => r.status === 'failed').length },
    generations: previous?.generations ?? [],
    timings: previous ? { ...previous.timings, ended: null } : { started: new Date().toISOString(), ended: null, wall_seconds: 0 },
  };
  const elapsed = () => Math.round((priorSeconds + (performance.now() - started) / 1000) * 1000) / 1000;
  writeCalibrationManifest(dir, manifest);

  const store = new CalibrationStore(join(dir, 'runs.ndjson'));
  let pool: RunPool | null = null;
  const signal = new StopSignal(() => void pool?.destroy());

  /** The target values of one simulation: stored, or run now and stored. */
  const simulateOne = async (generation: number, particle: number, replicate: number, params: Record<string, number>): Promise<number[]> => {
    const key = recordKey(generation === PREDICTIVE_GENERATION ? 'ppc' : generation, particle, replicate);
    const stored = records.get(key);
    if (stored) {
      if (spec.parameters.some((p) => stored.params[p.path] !== params[p.path])) throw new ScenarioError(msg.storedMismatch(key));
      return stored.values.map((v) => (v === null ? Number.NaN : v));
    }
    if (signal.stopping) throw new Interrupted();
    pool ??= new RunPool({ workers, workerFile: options.workerFile });
    const seed = simulationSeed(spec.abc.seed, generation, particle, replicate);
    const sent = performance.now();
    let record: CalibrationRecord;
    try {
      const out = await pool.run({ key, input: proposalInput(base, spec, params), seed, microdata: false });
      if (signal.stopping) throw new Interrupted();
      const values = spec.targets.map((t) => targetValue(t, out));
      record = { key, generation, particle, replicate, seed, params, status: 'ok', error: null, values: values.map((v) => (Number.isFinite(v) ? v : null)), wall_seconds: round3(out.wallSeconds) };
    } catch (error) {
      if (signal.stopping || error instanceof Interrupted) throw new Interrupted();
      record = { key, generation, particle, replicate, seed, params, status: 'failed', error: errorText(error), values: spec.targets.map(() => null), wall_seconds: round3((performance.now() - sent) / 1000) };
      manifest.runs.failed++;
    }
    store.append(record);
    records.set(key, record);
    manifest.runs.total++;
    return record.values.map((v) => (v === null ? Number.NaN : v));
  };

  /** Replicate means of the target values of each proposal. */
  const simulateMeans = (batch: readonly Proposal[]) =>
    Promise.all(
      batch.map(async (p) => {
        const params = proposalParams(spec, p.theta);
        const reps = await Promise.all(Array.from({ length: spec.abc.replicates }, (_, r) => simulateOne(p.generation, p.particle, r, params)));
        return replicateMeans(reps, spec.targets.length);
      }),
    );

  const settings: AbcSettings = {
    particles: spec.abc.particles,
    alpha: spec.abc.alpha,
    finalTolerance: spec.abc.final_tolerance,
    minAcceptance: spec.abc.min_acceptance,
    maxGenerations: spec.abc.max_generations,
    maxRuns: spec.abc.max_runs,
    replicates: spec.abc.replicates,
    seed: spec.abc.seed,
  };
  let result: AbcResult | null = null;
  let predictive: PredictiveDraw[] = [];
  try {
    result = await runAbcSmc(
      spec.parameters.map((p) => p.prior),
      settings,
      async (batch) => (await simulateMeans(batch)).map((values) => distance(spec.targets, values)),
      (stats) => {
        if (!manifest.generations.some((g) => g.generation === stats.generation))
          manifest.generations.push({ generation: stats.generation, tolerance: Number.isFinite(stats.tolerance) ? stats.tolerance : null, runs: stats.totalRuns, seconds: elapsed() });
        writeCalibrationManifest(dir, { ...manifest, timings: { ...manifest.timings, wall_seconds: elapsed() } });
        if (options.progress !== false) process.stderr.write(`${msg.generation(stats.generation, stats.tolerance, stats.acceptanceRate, stats.ess, stats.totalRuns)}\n`);
      },
    );
    predictive = await predictiveCheck(result, spec, simulateOne);
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
  } finally {
    signal.dispose();
    store.close();
    if (pool && !signal.stopping) await (pool as RunPool).destroy();
  }

  const interrupted = signal.stopping || result === null;
  manifest.status = interrupted ? 'interrupted' : 'complete';
  manifest.stop_reason = result?.stopReason ?? null;
  manifest.timings.ended = new Date().toISOString();
  manifest.timings.wall_seconds = elapsed();
  if (!interrupted) await writeCalibrationOutputs(dir, { spec, scenario: loaded.scenario, scenarioSource: loaded.source, result: result!, predictive, images: options.images ?? true });
  writeCalibrationManifest(dir, manifest);
  return {
    dir,
    status: interrupted ? 'interrupted' : 'complete',
    generations: result?.generations.length ?? 0,
    runs: manifest.runs.total,
    samplerRuns: result?.runs ?? null,
    maxRuns: spec.abc.max_runs,
    failed: manifest.runs.failed,
    stopReason: manifest.stop_reason,
    wallSeconds: (performance.now() - started) / 1000,
    exitCode: interrupted ? signal.exitCode : 0,
  };
}

/**
 * The posterior predictive check: `predictive_draws` particles drawn from the final
 * generation by weight (stream (seed, PREDICTIVE_GENERATION, draw)), one simulation each.
 */
async function predictiveCheck(
  result: AbcResult,
  spec: CalibrationSpec,
  simulateOne: (generation: number, particle: number, replicate: number, params: Record<string, number>) => Promise<number[]>,
): Promise<PredictiveDraw[]> {
  const last = result.populations[result.populations.length - 1];
  const draws = Array.from({ length: spec.abc.predictive_draws }, (_, draw) => {
    const u = new ProposalStream(spec.abc.seed, PREDICTIVE_GENERATION, draw).uniform();
    let cumulative = 0;
    let index = last.weights.length - 1;
    for (let j = 0; j < last.weights.length; j++) {
      cumulative += last.weights[j];
      if (u < cumulative) {
        index = j;
        break;
      }
    }
    return { draw, particle: last.particles[index], params: proposalParams(spec, last.theta[index]) };
  });
  const values = await Promise.all(draws.map((d) => simulateOne(PREDICTIVE_GENERATION, d.draw, 0, d.params)));
  return draws.map((d, i) => ({ ...d, values: values[i] }));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
