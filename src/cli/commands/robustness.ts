/** `lrsim robustness DIR`: regret and satisficing of a sweep's policy arms across its futures. */
import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { earlierResults, removeResults, resultsFolder, shownPath } from '../../analysis/write';
import { analysisMessages, armRobustness, readAnalysisInput, robustnessSentences, writeRobustness } from '../../analysis';
import { parseBudget } from '../../analysis/robust';
import { label } from '../../charts/chart';
import { cliMessages } from '../messages';
import { UsageError } from '../usage-error';

interface Args { dir: string; outcome?: string; target?: string; budget?: number; better?: 'higher' | 'lower'; force: boolean; images: boolean }

export const robustnessCommand: CommandModule<object, Args> = {
  command: 'robustness <dir>',
  describe: 'Robustness of policy arms across futures: paired regret, satisficing, budget',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'A finished sweep directory with arms' })
      .option('outcome', { type: 'string', describe: 'Outcome regret is measured on (default innovation_value_late)' })
      .option('target', { type: 'string', describe: "Satisficing target on any outcome, e.g. 'innovation_value_late >= 2'" })
      // Text until checked: yargs' type 'number' would turn --budget abc into NaN before any check could show what was typed.
      .option('budget', { type: 'string', describe: 'Leave out arms whose mean total policy cost per run exceeds this', coerce: parseBudget })
      .option('better', { choices: ['higher', 'lower'] as const, describe: "Is a higher or lower outcome better (default: lower for lock-in, exits, recovery time, not recovering, policy cost; higher for value, diversity, drop_ratio (a higher ratio is a smaller drop) and the like; required for an outcome where neither is better, e.g. peak_tick, radical_share)" })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the results of an earlier lrsim robustness in DIR/robustness (its own files; others there stay)' })
      .option('images', { type: 'boolean', default: true, describe: 'Also write SVG and PNG of the chart (--no-images to skip)' })
      .example("$0 robustness DIR --target 'locked_in < 0.5' --budget 300", 'regret, share of futures out of lock-in, arms within budget'),
  handler: async (args) => {
    const input = await readAnalysisInput(args.dir, 'robustness');
    const report = armRobustness(input, { outcome: args.outcome, target: args.target, budget: args.budget, better: args.better });
    // An earlier result is kept unless --force (as lrsim discover); checked after the options
    // and the sweep, so a typo is reported first.
    if (earlierResults(args.dir, 'robustness').length && !args.force) throw new UsageError(analysisMessages.resultsExist(shownPath(resultsFolder(args.dir, 'robustness')), 'robustness'));
    if (report.shard) process.stderr.write(`lrsim: ${analysisMessages.shardOnly(args.dir, report.shard, 'robustness')}\n`);
    // --force replaces robustness's own files only, its chart too (none of an earlier outcome stays).
    removeResults(args.dir, 'robustness');
    const files = await writeRobustness(args.dir, report, args.images);
    process.stdout.write(robustnessSentences(report, label(report.outcome).toLowerCase()).map((s) => `${s}\n`).join(''));
    process.stdout.write(`${cliMessages.wroteRobustness(shownPath(dirname(files[0])))}\n`);
  },
};
