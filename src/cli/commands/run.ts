/** `lrsim run [SCENARIO]`: one run; writes timeseries.csv, summary.json (and firms.csv) to --out. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { foreignFiles, pathKind, writeFilesAtomic } from '../../io/output-dir';
import { checkOutputDirectory } from '../../io/output-path';
import { packageVersion } from '../../io/repo';
import { modelOf } from '../../models';
import { didYouMean } from '../../scenario/did-you-mean';
import { loadScenario } from '../../scenario/load';
import { armAssignments } from '../../sweep/inputs';
import { LIMITS } from '../../scenario/schema';
import { defaultOutDir, humanSummary, RUN_FILES, runFiles } from '../run-output';
import { cliMessages } from '../messages';
import { wholeNumberOption } from '../options';
import { UsageError } from '../usage-error';

interface RunArgs {
  scenario?: string;
  arm?: string;
  seed?: number;
  ticks?: number;
  set: string[];
  out?: string;
  microdata: boolean;
  force: boolean;
}

const isTemp = (f: string) => /^\..*\.tmp-\d+-\d+$/.test(f); // left by a crashed earlier write

/**
 * Refuses an --out that cannot be written (empty, below a file, on /proc...), that is a
 * file, or a directory holding files that are not a run's.
 */
function checkOutDir(dir: string, force: boolean): void {
  checkOutputDirectory('--out', dir);
  const kind = pathKind(dir);
  if (kind === 'other') throw new UsageError(cliMessages.outIsFile(dir));
  const others = foreignFiles(dir, RUN_FILES).filter((f) => !isTemp(f));
  if (kind === 'dir' && others.length > 0 && !force) throw new UsageError(cliMessages.outNotEmpty(dir, others));
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run [scenario]',
  describe: 'Run one scenario and write its time series and summary',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'A scenario file (YAML/JSON) or built-in name (default: baseline)' })
      .option('arm', { type: 'string', describe: 'Run this arm of the scenario (its settings, policies and shocks, as a sweep runs it); default: the base scenario' })
      .option('seed', wholeNumberOption('seed', 0, 2 ** 32 - 1, 'Seed of the run (default: the scenario\'s seed)'))
      .option('ticks', wholeNumberOption('ticks', 1, LIMITS.ticks, 'Ticks to run (default: the scenario\'s ticks)'))
      .option('set', { type: 'string', array: true, default: [], describe: 'Override a setting: --set path.to.key=value (repeatable)' })
      .option('out', { type: 'string', describe: 'Output directory (default: output/run-<name>-seed<seed>)' })
      .option('microdata', { type: 'boolean', default: true, describe: 'Also write firms.csv (one row per firm); --no-microdata skips it' })
      .option('force', { type: 'boolean', default: false, describe: 'Write into an --out directory that holds other files' })
      .example('$0 run', 'the baseline region, seed 42')
      .example('$0 run baseline --seed 7 --set openness=0.3', 'a more open region')
      .example('$0 run my-region.yaml --out output/mine', 'your own scenario')
      .example('$0 run cluster-policy --arm cluster', 'one arm of a policy scenario'),
  handler: (args) => {
    // An --out given is checked before the scenario is even read; the default one after.
    if (args.out !== undefined) checkOutDir(args.out, args.force);
    const set = args.set.map(String);
    if (args.seed !== undefined) set.push(`seed=${args.seed}`);
    if (args.ticks !== undefined) set.push(`ticks=${args.ticks}`);
    let loaded = loadScenario(args.scenario, { set });
    const arms = (loaded.scenario.arms ?? []).map((a) => a.name);
    if (args.arm !== undefined) {
      const arm = loaded.scenario.arms?.find((a) => a.name === args.arm);
      if (!arm) throw new UsageError(cliMessages.unknownArm(args.arm, loaded.scenario.name, arms, didYouMean(args.arm, arms)));
      // The arm's settings first, then the user's --set (an explicit override wins), as a sweep
      // applies an arm before a point's values.
      loaded = loadScenario(args.scenario, { set: [...armAssignments(arm), ...set] });
    } else {
      const swept = Object.keys(loaded.scenario.sweep?.parameters ?? {});
      if (arms.length || swept.length) process.stderr.write(`lrsim: ${cliMessages.runIsBase(loaded.scenario.name, arms, swept)}\n`);
    }
    const { scenario } = loaded;
    for (const line of loaded.warnings) process.stderr.write(`lrsim: ${line}\n`);
    const out = args.out ?? defaultOutDir(args.arm === undefined ? scenario.name : `${scenario.name}-${args.arm}`, scenario.seed);
    checkOutDir(out, args.force);

    const result = modelOf(scenario).run(scenario, { seed: scenario.seed, ticks: scenario.ticks, microdata: args.microdata });

    checkOutDir(out, args.force); // again: the run took a while
    const files = runFiles(loaded, result, packageVersion());
    writeFilesAtomic(out, files);
    if (!files['firms.csv']) rmSync(join(out, 'firms.csv'), { force: true }); // stale from an earlier run
    process.stdout.write(humanSummary(loaded, result, out));
    if (result.degenerate) process.stderr.write(`lrsim: ${cliMessages.degenerateRun(result.degenerate)}\n`);
  },
};
