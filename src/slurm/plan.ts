/**
 * `lrsim slurm`: plans a sharded sweep in an output directory, writes the two batch
 * scripts for the shards still to run, and (with --submit) submits them.
 *
 * Re-running the same command is how a sweep is finished after failures: the scenario
 * copy and plan in DIR are kept, each shard's store says how far it got, and only the
 * missing or incomplete shards go into the new array (each resumes its own store).
 * Every check that can fail runs before anything is written or submitted.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { checkOutputDirectory } from '../io/output-path';
import { writeFileWhole } from '../io/write-fully';
import { makeDirectory } from '../io/make-directory';
import { resolve } from 'node:path';
import { slurmLayout, type SlurmLayout } from './layout';
import { slurmMessages as msg } from './messages';
import { checkOutDir, parseResources, parseShards, SlurmInputError, type SlurmRequest, type SlurmResources } from './options';
import { mergeScript, sweepScript, type SlurmScriptSpec } from './scripts';
import { shellCommand } from './shell';
import { pendingShards, shardStatus, type ShardStatus } from './shard-status';
import type { QueuedJob } from './scheduler';

/** What `lrsim slurm` needs to know about the sweep (from the scenario and the sweep module). */
export interface SweepFacts {
  /** Scenario name. */
  name: string;
  /** The scenario hash, as the sweep writes it into manifest.json. */
  hash: string;
  /** Total runs of the sweep (points x arms x replicates). */
  runs: number;
  /** (point, replicate) groups: the most shards a sweep splits into (a group's arms stay together). */
  groups: number;
  /** Keys of the runs shard `index` of `shards` does. */
  shardKeys(index: number, shards: number): string[];
  /** The resolved scenario, written to DIR/scenario.json for every task to run. */
  resolved: unknown;
  /** Whether `dir` holds the merged sweep, complete. */
  merged(dir: string): boolean;
}

/** The outside world of `lrsim slurm`, passed in so tests can pin it. */
export interface SlurmEnvironment {
  cwd: string;
  node: string;
  lrsim: string;
  /** Loads the scenario (with --set) and computes its facts; throws ScenarioError on bad input. */
  facts(ref: string | undefined, set: string[], cwd: string): SweepFacts;
  scheduler: {
    available(): boolean;
    sbatch(script: string, extra?: readonly string[]): string;
    squeue(id: string): QueuedJob[];
    scancel(id: string): void;
  };
}

/** The file DIR/slurm/plan.json. */
export interface SlurmPlanFile {
  version: 1;
  scenario: string;
  scenario_hash: string;
  shards: number;
  runs: number;
  /** The command that finishes this sweep (re-run after failures). */
  command: string;
}

/** One line of DIR/slurm/submissions.ndjson. */
export interface SubmissionRecord {
  time: string;
  shards: number[];
  array_job: string | null;
  /** null when the merge could not be submitted. */
  merge_job: string | null;
}

export interface SlurmOutcome {
  dir: string;
  shards: number;
  runs: number;
  statuses: ShardStatus[];
  pending: number[];
  /** Scripts written (absolute paths); empty when there was nothing to do. */
  written: string[];
  submitted?: { arrayJob: string | null; mergeJob: string };
  /** Lines for stdout. */
  notes: string[];
  /** Lines for stderr. */
  warnings: string[];
}

/** The command that (re)plans this sweep: it runs the resolved copy, so it stays valid. */
export function finishingCommand(layout: SlurmLayout, shards: number, r: SlurmResources): string {
  const words = ['lrsim', 'slurm', layout.scenario, '--shards', String(shards), '--out', layout.dir];
  if (r.partition !== undefined) words.push('--partition', r.partition);
  if (r.account !== undefined) words.push('--account', r.account);
  if (r.time !== undefined) words.push('--time', r.time);
  words.push('--cpus-per-task', String(r.cpusPerTask));
  if (r.mem !== undefined) words.push('--mem', r.mem);
  if (r.arrayLimit !== undefined) words.push('--array-limit', String(r.arrayLimit));
  words.push('--submit');
  return shellCommand(words);
}

/** Reads DIR/slurm/plan.json, or null when the directory is new; throws when it is someone else's. */
function existingPlan(layout: SlurmLayout): SlurmPlanFile | null {
  if (!existsSync(layout.dir)) return null;
  if (!statSync(layout.dir).isDirectory()) throw new SlurmInputError(msg.notADirectory(layout.dir));
  if (existsSync(layout.plan)) {
    try {
      return JSON.parse(readFileSync(layout.plan, 'utf8')) as SlurmPlanFile;
    } catch {
      throw new SlurmInputError(msg.foreignDir(layout.dir));
    }
  }
  if (readdirSync(layout.dir).length > 0) throw new SlurmInputError(msg.foreignDir(layout.dir));
  return null;
}

/** Writes a file whole or not at all (a rename is atomic on local and network filesystems). */
function writeWhole(file: string, text: string): void {
  writeFileWhole(file, text, `${file}.tmp-${process.pid}`);
}

function readSubmissions(layout: SlurmLayout): SubmissionRecord[] {
  if (!existsSync(layout.submissions)) return [];
  return readFileSync(layout.submissions, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as SubmissionRecord];
      } catch {
        return []; // a torn line from an interrupted append
      }
    });
}

/**
 * Earlier submissions still in the queue: a running or pending array, or a merge that can
 * still start, block a new submission (two tasks must never append to one shard's store).
 * A merge waiting on an array that has ended with shards unfinished can never start
 * (SLURM shows Dependency, then DependencyNeverSatisfied): it is returned as stale.
 */
function queueState(layout: SlurmLayout, env: SlurmEnvironment, unfinished: boolean): { busy: string[]; staleMerges: string[] } {
  const busy: string[] = [];
  const staleMerges: string[] = [];
  for (const sub of readSubmissions(layout)) {
    const arrayQueued = sub.array_job !== null && env.scheduler.squeue(sub.array_job).length > 0;
    if (arrayQueued) busy.push(sub.array_job!);
    const merge = sub.merge_job === null ? [] : env.scheduler.squeue(sub.merge_job);
    if (merge.length === 0) continue;
    const neverStarts = merge.every(
      (j) => j.state === 'PENDING' && (j.reason === 'DependencyNeverSatisfied' || (j.reason === 'Dependency' && !arrayQueued && unfinished)),
    );
    if (neverStarts) staleMerges.push(sub.merge_job!);
    else busy.push(sub.merge_job!);
  }
  return { busy, staleMerges };
}

/** Plans (or re-plans) the SLURM sweep the request describes; see the module comment. */
export function planSlurmSweep(req: SlurmRequest, env: SlurmEnvironment): SlurmOutcome {
  const warnings: string[] = [];
  const notes: string[] = [];

  // 1. Everything that can be wrong with the request, before touching anything.
  if (req.out !== undefined) checkOutputDirectory('--out', req.out, env.cwd);
  let shards = parseShards(req.shards);
  const resources = parseResources(req);
  if (req.submit && !env.scheduler.available()) throw new SlurmInputError(msg.noSbatch());
  const facts = env.facts(req.scenario, req.set ?? [], env.cwd);
  if (shards > facts.groups) {
    warnings.push(msg.shardsCapped(shards, facts.runs, facts.groups));
    shards = facts.groups;
  }
  const dir = checkOutDir(resolve(env.cwd, req.out ?? `output/${facts.name.replace(/[^A-Za-z0-9_.-]/g, '_')}-slurm`));
  checkOutputDirectory('--out', dir);
  const layout = slurmLayout(dir);
  const plan = existingPlan(layout);
  if (plan && plan.scenario_hash !== facts.hash) throw new SlurmInputError(msg.differentSweep(dir, plan.scenario_hash, facts.hash));
  if (plan && plan.runs !== facts.runs) throw new SlurmInputError(msg.differentRuns(dir, plan.runs, facts.runs));
  if (plan && plan.shards !== shards) throw new SlurmInputError(msg.differentShards(dir, plan.shards, shards));
  // What is left to do: each shard's store against the runs the shard must do.
  const statuses = Array.from({ length: shards }, (_, i) => shardStatus(i, layout.shard(i), facts.shardKeys(i, shards)));
  const pending = pendingShards(statuses);
  const queue = req.submit && plan ? queueState(layout, env, pending.length > 0) : { busy: [], staleMerges: [] };
  if (queue.busy.length > 0) throw new SlurmInputError(msg.stillQueued(dir, queue.busy));

  // 2. The directory: the scenario copy is written once, so a resumed sweep runs what it started with.
  const command = finishingCommand(layout, shards, resources);
  makeDirectory(layout.logs);
  makeDirectory(layout.shards);
  if (!plan) writeWhole(layout.scenario, `${JSON.stringify(facts.resolved, null, 2)}\n`);
  const planFile: SlurmPlanFile = { version: 1, scenario: facts.name, scenario_hash: facts.hash, shards, runs: facts.runs, command };
  writeWhole(layout.plan, `${JSON.stringify(planFile, null, 2)}\n`);

  // 3. Nothing left, or the merge only?
  const outcome: SlurmOutcome = { dir, shards, runs: facts.runs, statuses, pending, written: [], notes, warnings };
  if (pending.length === 0 && facts.merged(dir)) {
    notes.push(msg.allDone(dir));
    return outcome;
  }
  notes.push(pending.length > 0 ? msg.pending(pending, shards) : msg.mergeOnly());

  // 4. The scripts.
  const spec: SlurmScriptSpec = {
    name: facts.name,
    dir,
    scenarioFile: layout.scenario,
    shards,
    array: pending,
    node: env.node,
    lrsim: env.lrsim,
    command,
    resources,
  };
  if (pending.length > 0) {
    writeWhole(layout.sweepScript, sweepScript(spec));
    outcome.written.push(layout.sweepScript);
  }
  writeWhole(layout.mergeScript, mergeScript(spec));
  outcome.written.push(layout.mergeScript);
  notes.push(msg.wrote(outcome.written));

  // 5. Submission: the array, then the merge after it.
  if (!req.submit) {
    notes.push(msg.submitHint(pending.length > 0 ? layout.sweepScript : null, layout.mergeScript));
    return outcome;
  }
  for (const id of queue.staleMerges) env.scheduler.scancel(id);
  if (queue.staleMerges.length > 0) notes.push(msg.cancelledStaleMerge(queue.staleMerges));
  const arrayJob = pending.length > 0 ? env.scheduler.sbatch(layout.sweepScript) : null;
  const dependency = arrayJob ? [`--dependency=afterok:${arrayJob}`] : [];
  const record = (mergeJob: string | null) =>
    appendFileSync(layout.submissions, `${JSON.stringify({ time: new Date().toISOString(), shards: pending, array_job: arrayJob, merge_job: mergeJob } satisfies SubmissionRecord)}\n`);
  let mergeJob: string;
  try {
    mergeJob = env.scheduler.sbatch(layout.mergeScript, dependency);
  } catch (e) {
    if (!arrayJob) throw e;
    // The array runs anyway: keep its id (a re-run must see it in the queue) and say how to add the merge.
    record(null);
    throw new SlurmInputError(msg.mergeNotSubmitted((e as Error).message, arrayJob, ['sbatch', ...dependency, layout.mergeScript]));
  }
  record(mergeJob);
  outcome.submitted = { arrayJob, mergeJob };
  notes.push(msg.submitted(arrayJob, mergeJob));
  return outcome;
}
