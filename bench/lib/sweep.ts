/**
 * Section 4: sweep throughput and parallel efficiency. Engineer B's
 * bench/sweep-efficiency.ts measures them through the sweep code itself (runSweep with
 * 1 and 2 workers: runs per minute, efficiency rate(2) / (2 rate(1)); per-task dispatch
 * and transfer overhead, one task at a time so nothing waits in a queue). This section
 * reuses it as is: it runs its bundle (dist/bench/sweep-efficiency.js) `repeats` times in
 * a child process, takes medians, and adds the child's CPU time and the load average.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load1, sig, sigSummary, summarize, type Summary } from './stats';

export interface SweepOptions {
  runsPerWorker: number;
  overheadTasks: number;
  repeats: number;
  /** A scenario YAML body for the swept runs; empty: the built-in baseline. */
  scenarioYaml: string;
  script: string;
}

/** What bench/sweep-efficiency.ts prints (the fields used here). */
interface Efficiency {
  scenario: string;
  oneWorker: { runs: number; seconds: number; runsPerMinute: number; meanRunSeconds: number; workerUtilisation?: number };
  twoWorkers: { runs: number; seconds: number; runsPerMinute: number; meanRunSeconds: number; workerUtilisation?: number };
  parallelEfficiency: number;
  overhead: { tasks: number; firstTaskOverheadSeconds: number; dispatchTransferSecondsPerTask: number; meanRunSeconds: number; overheadShareOfRunTime: number; mainThreadRecordSecondsPerRun: number };
}

export interface SweepResult {
  scenario: string;
  repeats: number;
  runs_one_worker: number;
  runs_two_workers: number;
  runs_per_minute_one_worker: Summary;
  runs_per_minute_two_workers: Summary;
  mean_run_seconds_one_worker: number;
  mean_run_seconds_two_workers: number;
  /** Share of the sweep's wall time the workers spent inside runs (B's measure; NaN if absent). */
  worker_utilisation_one_worker: number;
  worker_utilisation_two_workers: number;
  /** rate(2) / (2 rate(1)), median over repeats. */
  parallel_efficiency: Summary;
  /** Round trip minus the run's own time, per task, seconds (first task, with worker start, apart). */
  dispatch_transfer_seconds_per_task: Summary;
  first_task_overhead_seconds: number;
  overhead_share_of_run_time: number;
  main_thread_record_seconds_per_run: number;
  /** CPU seconds of the whole child (main thread and workers) per repeat. */
  child_cpu_seconds: Summary;
  child_wall_seconds: Summary;
  load: [number, number];
}

/** CPU seconds of this process's waited-for children (Linux /proc; NaN elsewhere). */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): cutime is field 16, cstime field 17.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

export function measureSweep(o: SweepOptions, log: (s: string) => void): SweepResult {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-bench-sweep-'));
  try {
    let scenario = 'baseline';
    if (o.scenarioYaml) {
      scenario = join(dir, 'bench-sweep.yaml');
      writeFileSync(scenario, o.scenarioYaml);
    }
    const reps: Efficiency[] = [];
    const cpu: number[] = [];
    const wall: number[] = [];
    const loads: number[] = [];
    for (let r = 0; r < o.repeats; r++) {
      loads.push(load1());
      const c0 = childrenCpuSeconds();
      const t0 = performance.now();
      const child = spawnSync(process.execPath, [o.script, '--runs-per-worker', String(o.runsPerWorker), '--overhead-tasks', String(o.overheadTasks), '--scenario', scenario], { encoding: 'utf8', maxBuffer: 1 << 24 });
      wall.push((performance.now() - t0) / 1000);
      cpu.push(childrenCpuSeconds() - c0);
      loads.push(load1());
      if (child.status !== 0) throw new Error(`sweep-efficiency failed (${child.status}): ${child.stderr}`);
      const e = JSON.parse(child.stdout) as Efficiency;
      reps.push(e);
      log(`  repeat ${r + 1}/${o.repeats}: ${e.oneWorker.runsPerMinute} runs/min with 1 worker, ${e.twoWorkers.runsPerMinute} with 2; efficiency ${e.parallelEfficiency}; dispatch+transfer ${(e.overhead.dispatchTransferSecondsPerTask * 1000).toFixed(1)} ms/task; load ${loads[loads.length - 2].toFixed(1)}`);
    }
    const mean = (f: (e: Efficiency) => number) => sig(reps.reduce((s, e) => s + f(e), 0) / reps.length);
    return {
      scenario: o.scenarioYaml ? `${reps[0].scenario.replace(dir, '$TMP')}: ${o.scenarioYaml.trim().replace(/\n/g, '; ')}` : 'baseline',
      repeats: o.repeats,
      runs_one_worker: reps[0].oneWorker.runs,
      runs_two_workers: reps[0].twoWorkers.runs,
      runs_per_minute_one_worker: sigSummary(summarize(reps.map((e) => e.oneWorker.runsPerMinute))),
      runs_per_minute_two_workers: sigSummary(summarize(reps.map((e) => e.twoWorkers.runsPerMinute))),
      mean_run_seconds_one_worker: mean((e) => e.oneWorker.meanRunSeconds),
      mean_run_seconds_two_workers: mean((e) => e.twoWorkers.meanRunSeconds),
      worker_utilisation_one_worker: mean((e) => e.oneWorker.workerUtilisation ?? Number.NaN),
      worker_utilisation_two_workers: mean((e) => e.twoWorkers.workerUtilisation ?? Number.NaN),
      parallel_efficiency: sigSummary(summarize(reps.map((e) => e.parallelEfficiency)), 3),
      dispatch_transfer_seconds_per_task: sigSummary(summarize(reps.map((e) => e.overhead.dispatchTransferSecondsPerTask)), 3),
      first_task_overhead_seconds: mean((e) => e.overhead.firstTaskOverheadSeconds),
      overhead_share_of_run_time: mean((e) => e.overhead.overheadShareOfRunTime),
      main_thread_record_seconds_per_run: mean((e) => e.overhead.mainThreadRecordSecondsPerRun),
      child_cpu_seconds: sigSummary(summarize(cpu)),
      child_wall_seconds: sigSummary(summarize(wall)),
      load: [Math.round(Math.min(...loads) * 100) / 100, Math.round(Math.max(...loads) * 100) / 100],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
