/** `lrsim sweep [SCENARIO]`: run a scenario's sweep design in worker threads (see README "Sweeps"). */
import os from 'node:os';
import type { CommandModule } from 'yargs';
import { parseShard } from '../../sweep/plan';
import { sweepIoMessages, sweepMessages as msg } from '../../sweep/messages';
import { maxWorkers, resumeCommand, runSweep } from '../../sweep/run-sweep';
import { wholeNumberOption } from '../options';
import { writeSweepReport } from './sweep-report';

interface SweepArgs {
  scenario?: string;
  workers?: number;
  replicates?: number;
  seed?: number;
  set: string[];
  out?: string;
  resume: boolean;
  shard?: string;
  report: boolean;
  microdata?: boolean;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep [scenario]',
  describe: 'Run a sweep (design x arms x replicates) in worker threads; crash-safe and resumable',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file or built-in name (default: baseline)' })
      .option('workers', wholeNumberOption('workers', 1, Number.MAX_SAFE_INTEGER, `Worker threads (default: available parallelism, here ${os.availableParallelism()}; at most 4 per core and 256, here ${maxWorkers()}; never more than the runs to do)`))
      .option('replicates', wholeNumberOption('replicates', 1, 100_000, 'Seeds per point and arm (overrides sweep.replicates)'))
      .option('seed', wholeNumberOption('seed', 0, 2 ** 32 - 1, 'Scenario seed the run seeds are derived from (overrides seed)'))
      .option('set', { type: 'string', array: true, default: [], describe: 'Override a setting: --set path.to.key=value (repeatable)' })
      .option('out', { type: 'string', describe: 'Output directory (default: output/sweep-<scenario name>)' })
      .option('resume', { type: 'boolean', default: false, describe: 'Finish the sweep stored in --out (skips stored runs)' })
      .option('shard', { type: 'string', describe: 'Run only shard i of n (0 <= i < n), for clusters; merge with `lrsim merge`' })
      .option('report', { type: 'boolean', default: true, describe: 'Write the HTML report at the end (--no-report to skip)' })
      .option('microdata', { type: 'boolean', describe: 'Keep per-run firm tables in OUT/microdata/<key>.firms.csv (default: the scenario\'s sweep.microdata, else no); --no-microdata skips them' })
      .example('$0 sweep my-sweep.yaml --workers 2 --out out/sweep', 'run the design in my-sweep.yaml')
      .example('$0 sweep my-sweep.yaml --out out/sweep --resume', 'finish an interrupted sweep')
      .example('$0 sweep my-sweep.yaml --shard 0/4 --out out/shards/0', 'run one of four shards'),
  handler: async (args) => {
    const summary = await runSweep({
      scenario: args.scenario,
      set: args.set.map(String),
      seed: args.seed,
      replicates: args.replicates,
      workers: args.workers,
      out: args.out,
      resume: args.resume,
      shard: args.shard === undefined ? undefined : parseShard(String(args.shard)),
      microdata: args.microdata,
      command: process.argv.slice(2),
      notice: (line) => process.stderr.write(`lrsim: ${line}\n`),
    });
    if (summary.status === 'interrupted') {
      process.stderr.write(`${msg.interrupted(summary.ok + summary.failedCount, summary.planned, resumeCommand(process.argv.slice(2), summary.dir))}\n`);
    } else {
      process.stdout.write(`${sweepIoMessages.done(summary.dir, summary.ranNow, summary.alreadyStored, summary.failedCount, summary.wallSeconds)}\n`);
      if (summary.failedCount) process.stderr.write(`lrsim: ${msg.failedSummary(summary.failed)}\n`);
      if (args.report && !args.shard) await writeSweepReport(summary.dir);
    }
    process.exitCode = summary.exitCode;
  },
};
