/** `lrsim discover DIR`: scenario discovery (PRIM and CART) on a finished sweep. */
import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { shownPath } from '../../analysis/write';
import { discoverScenarios, discoverySentences, readAnalysisInput, writeDiscovery } from '../../analysis';
import { cliMessages } from '../messages';

interface Args { dir: string; outcome?: string; where?: string; arm?: string; box?: number; peel: number; 'keep-weak': boolean; images: boolean }

export const discoverCommand: CommandModule<object, Args> = {
  command: 'discover <dir>',
  describe: 'Scenario discovery: which swept conditions lead to the runs of interest (PRIM boxes, CART tree)',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'A finished sweep directory (runs.ndjson, manifest.json)' })
      .option('outcome', { type: 'string', describe: 'A 0/1 outcome naming the runs of interest (default locked_in)' })
      .option('where', { type: 'string', describe: "Or a condition on any outcome, e.g. 'innovation_value_late < 1'" })
      .option('arm', { type: 'string', describe: 'Only the runs of this arm (default: all, the arm as one more input)' })
      .option('box', { type: 'number', describe: 'Report box K of the peeling trajectory (see trajectory.csv; default: largest coverage x density)' })
      .option('peel', { type: 'number', default: 0.05, describe: 'Share of the box peeled (and pasted) per step' })
      .option('keep-weak', { type: 'boolean', default: false, describe: 'Keep restrictions with a quasi-p-value above 0.1 in the reported box' })
      .option('images', { type: 'boolean', default: true, describe: 'Also write SVG and PNG of the charts (--no-images to skip)' })
      .conflicts('outcome', 'where')
      .example('$0 discover output/sweep-policy-under-uncertainty', 'which conditions lead to lock-in')
      .example("$0 discover DIR --where 'innovation_value_late < 1' --arm no_policy", 'where late value stays low without policy'),
  handler: async (args) => {
    const input = await readAnalysisInput(args.dir);
    const result = discoverScenarios(input, { outcome: args.outcome, where: args.where, arm: args.arm, box: args.box, prim: { peelAlpha: args.peel, pasteAlpha: args.peel }, keepWeak: args['keep-weak'] });
    const files = await writeDiscovery(args.dir, result, args.images);
    process.stdout.write(discoverySentences(result).map((s) => `${s}\n`).join(''));
    process.stdout.write(`${cliMessages.wroteDiscovery(shownPath(dirname(files[0])))}\n`);
  },
};
