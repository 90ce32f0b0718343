/** `lrsim merge DIR... --out DIR`: join the shards of a sweep into the outputs of one sweep. */
import type { CommandModule } from 'yargs';
import { slurmShardSetProblem } from '../../slurm/shard-set';
import { mergeSweeps } from '../../sweep/merge';
import { sweepMessages as msg } from '../../sweep/messages';
import { cliMessages } from '../messages';
import { writeSweepReport } from './sweep-report';

export const mergeCommand: CommandModule<object, { dirs: string[]; out: string; report: boolean; force: boolean }> = {
  command: 'merge <dirs..>',
  describe: 'Merge the shard directories of one sweep into the outputs of an unsharded sweep',
  builder: (y) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Shard directories (lrsim sweep --shard i/n --out DIR)' })
      .option('out', { type: 'string', demandOption: true, describe: 'Directory for the merged outputs' })
      .option('report', { type: 'boolean', default: true, describe: 'Write the HTML report (--no-report to skip)' })
      .option('force', { type: 'boolean', default: false, describe: 'Write into an --out directory that holds other files' })
      .example('$0 merge out/shards/* --out out', 'merge four shards into out/'),
  handler: async (args) => {
    // Shards of a sweep planned by `lrsim slurm` (DIR/shards/<i> beside DIR/slurm/plan.json)
    // are finished by re-running that command, which resubmits only the unfinished ones.
    const summary = await mergeSweeps(args.dirs.map(String), args.out, {
      incompleteShardSet: slurmShardSetProblem,
      force: args.force,
      notice: (line) => process.stderr.write(`lrsim: ${line}\n`),
    });
    process.stdout.write(`${cliMessages.merged(summary.planned, summary.failedCount, summary.dir)}\n`);
    if (summary.failedCount) process.stderr.write(`lrsim: ${msg.failedSummary(summary.failed)}\n`);
    if (args.report) await writeSweepReport(summary.dir);
    process.exitCode = summary.exitCode;
  },
};
