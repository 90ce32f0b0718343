/** `lrsim discover DIR`: scenario discovery (PRIM and CART) on a finished sweep. */
import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { earlierResults, removeResults, resultsFolder, shownPath } from '../../analysis/write';
import { analysisMessages, discoverScenarios, discoverySentences, readAnalysisInput, writeDiscovery } from '../../analysis';
import { UsageError } from '../usage-error';
import { cliMessages } from '../messages';

interface Args { dir: string; outcome?: string; where?: string; arm?: string; box?: string; peel: string; stability: string; 'keep-weak': boolean; force: boolean; images: boolean }

/** A number option read as text, so that `--peel abc` is refused by name rather than echoed as NaN. */
function numberOption(option: string, text: string | undefined, example: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (String(text).trim() === '' || Number.isNaN(value)) throw new UsageError(analysisMessages.notANumber(option, String(text), example));
  return value;
}

export const discoverCommand: CommandModule<object, Args> = {
  command: 'discover <dir>',
  describe: 'Scenario discovery: which swept conditions lead to the runs of interest (PRIM boxes, CART tree)',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'A finished sweep directory (runs.ndjson, manifest.json)' })
      .option('outcome', { type: 'string', describe: 'A 0/1 outcome naming the runs of interest (default locked_in)' })
      .option('where', { type: 'string', describe: "Or a condition on any outcome, e.g. 'innovation_value_late < 1'" })
      .option('arm', { type: 'string', describe: 'Only the runs of this arm (default: all, the arm as one more input)' })
      .option('box', { type: 'string', describe: 'Report box K of the peeling trajectory (see trajectory.csv; default: largest coverage x density)' })
      .option('peel', { type: 'string', default: '0.05', describe: 'Share of the box peeled (and pasted) per step' })
      .option('keep-weak', { type: 'boolean', default: false, describe: 'Keep restrictions with a quasi-p-value above 0.1 in the reported box' })
      .option('stability', { type: 'string', default: '0', describe: 'Rerun the box on B bootstrap resamples of the futures (seeded) and say how often each input is restricted (e.g. 200; default 0: off)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the results of an earlier lrsim discover in DIR/discovery (its own files; others there stay)' })
      .option('images', { type: 'boolean', default: true, describe: 'Also write SVG and PNG of the charts (--no-images to skip)' })
      .conflicts('outcome', 'where')
      .example('$0 discover output/sweep-policy-under-uncertainty', 'which conditions lead to lock-in')
      .example("$0 discover DIR --where 'innovation_value_late < 1' --arm no_policy", 'where late value stays low without policy'),
  handler: async (args) => {
    const input = await readAnalysisInput(args.dir);
    const peel = numberOption('--peel', args.peel, '0.05')!;
    const box = numberOption('--box', args.box, '3');
    const stability = numberOption('--stability', args.stability, '200')!;
    if (!(Number.isInteger(stability) && stability >= 0 && stability <= 10_000)) throw new UsageError(analysisMessages.badStability(args.stability));
    // An earlier discovery is kept unless --force: a second run with another --where would
    // silently replace it. Checked once the options are (a typo is reported first, as
    // robustness does) and before the long work (a --stability bootstrap can take minutes).
    const checked = () => {
      if (earlierResults(args.dir, 'discover').length && !args.force) throw new UsageError(analysisMessages.resultsExist(shownPath(resultsFolder(args.dir, 'discover')), 'discover'));
    };
    const result = discoverScenarios(input, { outcome: args.outcome, where: args.where, arm: args.arm, box, prim: { peelAlpha: peel, pasteAlpha: peel }, keepWeak: args['keep-weak'], stability, checked });
    if (result.shard) process.stderr.write(`lrsim: ${analysisMessages.shardOnly(args.dir, result.shard, 'discover')}\n`);
    // --force replaces discover's own files only (its charts too, so none of an earlier outcome stays).
    removeResults(args.dir, 'discover');
    const files = await writeDiscovery(args.dir, result, args.images);
    process.stdout.write(discoverySentences(result).map((s) => `${s}\n`).join(''));
    process.stdout.write(`${cliMessages.wroteDiscovery(shownPath(dirname(files[0])))}\n`);
  },
};
