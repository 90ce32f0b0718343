/**
 * `lrsim slurm SCENARIO --shards N [--out DIR] [...]`: writes a SLURM job array (one
 * shard per task) and a merge job for a sweep, and with --submit submits both. Re-running
 * it resubmits only the shards that are missing or incomplete (see README "Running on a cluster").
 */
import type { CommandModule } from 'yargs';
import { lrsimBin, onPath, planSlurmSweep, sbatch, scancel, squeue, sweepFacts } from '../../slurm';

interface SlurmArgs {
  scenario?: string;
  shards: string;
  out?: string;
  partition?: string;
  time?: string;
  'cpus-per-task'?: string;
  mem?: string;
  'array-limit'?: string;
  account?: string;
  set: string[];
  submit: boolean;
}

export const slurmCommand: CommandModule<object, SlurmArgs> = {
  command: 'slurm [scenario]',
  describe: 'Write (and --submit) a SLURM job array for a sweep, one shard per task, and its merge job',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file or built-in name (default: baseline)' })
      .option('shards', { type: 'string', demandOption: true, describe: 'Number of shards = array tasks' })
      .option('out', { type: 'string', describe: 'Sweep directory on a shared filesystem (default: output/<scenario name>-slurm)' })
      .option('partition', { type: 'string', describe: '#SBATCH --partition' })
      .option('time', { type: 'string', describe: '#SBATCH --time per task, e.g. 02:00:00 or 1-00:00' })
      .option('cpus-per-task', { type: 'string', describe: '#SBATCH --cpus-per-task, also the workers per task (default 1)' })
      .option('mem', { type: 'string', describe: '#SBATCH --mem per task, e.g. 4G' })
      .option('array-limit', { type: 'string', describe: 'At most K tasks at once (#SBATCH --array=...%K)' })
      .option('account', { type: 'string', describe: '#SBATCH --account' })
      .option('set', { type: 'string', array: true, default: [], describe: 'Override a setting: --set path.to.key=value (repeatable)' })
      .option('submit', { type: 'boolean', default: false, describe: 'Submit with sbatch (the array, then the merge after it) and print the job ids' })
      .example('$0 slurm my-sweep.yaml --shards 50 --out /scratch/me/sweep --time 04:00:00 --cpus-per-task 8 --submit', 'run a sweep as 50 array tasks')
      .example('$0 slurm my-sweep.yaml --shards 50 --out /scratch/me/sweep --time 08:00:00 --cpus-per-task 8 --submit', 'after failures: resubmit only the unfinished shards') as never,
  handler: (args) => {
    const outcome = planSlurmSweep(
      {
        scenario: args.scenario,
        shards: args.shards,
        out: args.out,
        partition: args.partition,
        time: args.time,
        cpusPerTask: args['cpus-per-task'],
        mem: args.mem,
        arrayLimit: args['array-limit'],
        account: args.account,
        set: args.set.map(String),
        submit: args.submit,
      },
      {
        cwd: process.cwd(),
        node: process.execPath,
        lrsim: lrsimBin(),
        facts: sweepFacts,
        scheduler: { available: () => onPath('sbatch'), sbatch, squeue, scancel },
      },
    );
    for (const line of outcome.warnings) process.stderr.write(`lrsim: ${line}\n`);
    for (const line of outcome.notes) process.stdout.write(`${line}\n`);
  },
};
