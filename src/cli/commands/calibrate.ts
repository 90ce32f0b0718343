/** `lrsim calibrate SCENARIO --targets T.yaml`: ABC-SMC of settings to observed patterns (docs/calibration.md). */
import os from 'node:os';
import type { CommandModule } from 'yargs';
import { calibrationMessages as msg } from '../../calibrate/messages';
import { runCalibration } from '../../calibrate/run-calibration';
import { resumeCommand } from '../../sweep/run-sweep';
import { UsageError } from '../usage-error';

interface CalibrateArgs {
  scenario?: string;
  targets: string;
  set: string[];
  out?: string;
  workers?: number;
  resume: boolean;
  images: boolean;
}

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate [scenario]',
  describe: 'Calibrate settings to observed patterns with ABC-SMC (targets file); crash-safe and resumable',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file or built-in name (default: baseline)' })
      .option('targets', { type: 'string', demandOption: true, describe: 'Targets file: observed patterns, parameters with priors, sampler settings' })
      .option('set', { type: 'string', array: true, default: [], describe: 'Override a setting: --set path.to.key=value (repeatable)' })
      .option('out', { type: 'string', describe: 'Output directory (default: output/calibrate-<scenario name>)' })
      .option('workers', { type: 'number', describe: `Worker threads (default: available parallelism, here ${os.availableParallelism()})` })
      .option('resume', { type: 'boolean', default: false, describe: 'Finish the calibration stored in --out (stored runs are not run again)' })
      .option('images', { type: 'boolean', default: true, describe: 'Render the charts as SVG and PNG too (--no-images: Vega-Lite specs only)' })
      .example('$0 calibrate my-region.yaml --targets targets.yaml --out out/cal', 'fit the parameters in targets.yaml')
      .example('$0 calibrate my-region.yaml --targets targets.yaml --out out/cal --resume', 'finish an interrupted calibration'),
  handler: async (args) => {
    if (args.workers !== undefined && !(Number.isInteger(args.workers) && args.workers >= 1)) throw new UsageError(msg.badWorkers(args.workers));
    const summary = await runCalibration({
      scenario: args.scenario,
      targets: String(args.targets),
      set: args.set.map(String),
      out: args.out,
      workers: args.workers,
      resume: args.resume,
      images: args.images,
      command: process.argv.slice(2),
    });
    if (summary.status === 'interrupted') {
      process.stderr.write(`${msg.interrupted(summary.runs, resumeCommand(process.argv.slice(2), summary.dir))}\n`);
    } else {
      process.stdout.write(`${msg.done(summary.dir, summary.generations, summary.runs, summary.samplerRuns, summary.maxRuns, summary.stopReason ?? '', summary.wallSeconds)}\n`);
      if (summary.failed) process.stderr.write(`lrsim: ${msg.failedRuns(summary.failed)}\n`);
    }
    process.exitCode = summary.exitCode;
  },
};
