/**
 * Sweep efficiency: runs per minute with 1 and 2 workers on baseline-sized runs (the
 * built-in `baseline` scenario), the parallel efficiency rate(2) / (2 rate(1)), and the
 * per-task dispatch + transfer overhead (a task's round trip minus the run's own time,
 * measured one task at a time so no queueing is counted).
 *
 *   node build.mjs && node dist/bench/sweep-efficiency.js [--runs-per-worker N] [--overhead-tasks N]
 *
 * Prints a JSON summary (and the machine's load average: the cores may be shared). On a
 * loaded machine compare `meanRunSeconds` of 1 and 2 workers: when it grows with 2 workers
 * the runs competed for cores with other programs, which no pool can help.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runInput } from '../src/sweep/inputs';
import { RunPool } from '../src/sweep/pool';
import { okRecord, pointParams } from '../src/sweep/record';
import { plannedRuns } from '../src/sweep/plan';
import { prepareSweep, runSweep } from '../src/sweep/run-sweep';

const { values } = parseArgs({
  options: {
    'runs-per-worker': { type: 'string', default: '4' },
    'overhead-tasks': { type: 'string', default: '4' },
    scenario: { type: 'string', default: 'baseline' },
  },
});
const perWorker = Number(values['runs-per-worker']);
const overheadTasks = Number(values['overhead-tasks']);
const scenario = values.scenario;
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

async function throughput(workers: number) {
  const dir = mkdtempSync(join(os.tmpdir(), `lrsim-bench-${workers}-`));
  try {
    const started = performance.now();
    const s = await runSweep({ scenario, replicates: perWorker * workers, workers, out: join(dir, 'out'), progress: false });
    const seconds = (performance.now() - started) / 1000;
    if (s.failedCount) throw new Error(`${s.failedCount} runs failed: ${s.failed[0].error}`);
    return {
      workers,
      runs: s.ok,
      seconds: round(seconds),
      runsPerMinute: round((60 * s.ok) / seconds),
      meanRunSeconds: round(s.runSeconds / s.ok),
      // Share of the sweep's wall time the workers spent inside runs: what the pool itself
      // loses (start-up, dispatch, outputs), apart from cores shared with other programs.
      workerUtilisation: round(s.runSeconds / (workers * seconds)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function overhead() {
  const prepared = prepareSweep({ scenario, replicates: overheadTasks });
  const pool = new RunPool({ workers: 1 });
  const rows: { roundTrip: number; run: number; record: number }[] = [];
  try {
    for (const run of plannedRuns(prepared.plan)) {
      const input = runInput(prepared.arms[run.armIndex], prepared.design.parameters, prepared.design.points[run.point]);
      const sent = performance.now();
      const out = await pool.run({ key: run.key, input, seed: run.seed, microdata: false });
      const back = performance.now();
      // Main-thread cost of storing the run (record + JSON), overlapped with running workers.
      JSON.stringify(okRecord(run, pointParams(prepared.design.parameters, prepared.design.points[run.point]), out));
      rows.push({ roundTrip: (back - sent) / 1000, run: out.wallSeconds, record: (performance.now() - back) / 1000 });
    }
  } finally {
    await pool.destroy();
  }
  // The first task also starts the worker and loads the engine: reported apart.
  const [first, ...rest] = rows;
  const mean = (f: (r: (typeof rows)[number]) => number) => rest.reduce((n, r) => n + f(r), 0) / Math.max(rest.length, 1);
  const perTask = mean((r) => r.roundTrip - r.run);
  return {
    tasks: rows.length,
    firstTaskOverheadSeconds: round(first.roundTrip - first.run),
    dispatchTransferSecondsPerTask: round(perTask, 4),
    meanRunSeconds: round(mean((r) => r.run)),
    overheadShareOfRunTime: round(perTask / mean((r) => r.run), 4),
    mainThreadRecordSecondsPerRun: round(mean((r) => r.record), 4),
  };
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

const loadBefore = load();
const one = await throughput(1);
const two = await throughput(2);
const oh = await overhead();
console.log(
  JSON.stringify(
    {
      scenario,
      cpus: os.availableParallelism(),
      loadAverageBefore: loadBefore,
      loadAverageAfter: load(),
      oneWorker: one,
      twoWorkers: two,
      parallelEfficiency: round(two.runsPerMinute / (2 * one.runsPerMinute)),
      overhead: oh,
    },
    null,
    2,
  ),
);
