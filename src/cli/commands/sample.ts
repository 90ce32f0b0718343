/** `lrsim sample morris|saltelli --params FILE --n N --out design.csv`: write a sensitivity design, as SALib's `sample`. */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { csvLine } from '../../io/csv';
import { checkMorris, checkSaltelli, checkSensitivityRange, scaleToRange, sensitivityUnitDesign } from '../../sweep/design';
import { readParamsFile } from '../../sweep/designs/params-file';
import { badInput, sensitivityMessages as msg } from '../../sweep/messages';
import { cliMessages } from '../messages';
import { wholeNumberOption } from '../options';

interface SampleArgs {
  method: 'morris' | 'saltelli';
  params: string;
  n: number;
  seed?: number;
  out: string;
  levels?: number;
  pool?: number;
  'second-order': boolean;
}

export const sampleCommand: CommandModule<object, SampleArgs> = {
  command: 'sample <method>',
  describe: 'Write a Morris or Saltelli sensitivity design (design.csv) for any model',
  builder: (y) =>
    y
      .positional('method', { choices: ['morris', 'saltelli'] as const, demandOption: true, describe: 'morris: elementary effects; saltelli: Sobol indices' })
      .option('params', { type: 'string', demandOption: true, describe: 'YAML or JSON: name: {min, max} (optional integer, log)' })
      .option('n', { type: 'number', demandOption: true, describe: 'morris: trajectories r; saltelli: base rows N (a power of two)' })
      .option('seed', wholeNumberOption('seed', 0, 2 ** 32 - 1, 'Seed of the design (scrambling, trajectories; default 42)'))
      .option('out', { type: 'string', demandOption: true, describe: 'The design CSV to write (must not exist)' })
      .option('levels', wholeNumberOption('levels', 2, 1000, 'morris: grid levels p (even; default 4)'))
      .option('pool', { type: 'number', describe: 'morris: choose the n most spread of this many trajectories (Campolongo 2007)' })
      .option('second-order', { type: 'boolean', default: false, describe: 'saltelli: add the BA rows for second-order indices' })
      .example('$0 sample saltelli --params params.yaml --n 1024 --out design.csv', 'N (D + 2) rows for S1 and ST'),
  handler: (raw) => {
    const args = { ...raw, levels: raw.levels ?? 4, seed: raw.seed ?? 42 };
    const n = Number(args.n);
    if (!Number.isInteger(n) || n < 2) badInput(msg.badN(args.n));
    const { names, ranges } = readParamsFile(args.params);
    names.forEach((name, j) => checkSensitivityRange(`${args.params}: ${name}`, ranges[j]));
    if (args.method === 'morris') {
      checkMorris({ n: '--n', levels: '--levels' }, n, args.levels);
      if (args.pool !== undefined && !(Number.isInteger(args.pool) && args.pool > n)) badInput(msg.poolTooSmall(args.pool, n));
    } else checkSaltelli('--n', n, names.length);
    if (existsSync(args.out)) badInput(msg.outExists(args.out));
    const unit = sensitivityUnitDesign(args.method, n, names.length, args.seed, { levels: args.levels, secondOrder: args['second-order'], pool: args.pool });
    // Full precision (JavaScript's shortest round-trip form), not the 6 significant digits
    // of lrsim's other tables: the analysis reads the design back, and rounding can merge
    // grid levels or move a value off its level (a range of 100000 to 100001, say).
    const full = (x: number) => (x === 0 ? '0' : String(x));
    const lines = [csvLine(names), ...unit.map((u) => `${u.map((x, j) => full(scaleToRange(Math.min(x, 1 - 1e-12), ranges[j]))).join(',')}\n`)];
    writeFileSync(`${args.out}.tmp`, lines.join(''));
    renameSync(`${args.out}.tmp`, args.out);
    process.stdout.write(`${cliMessages.wroteDesign(args.method, unit.length, names.length, args.out)}\n`);
  },
};
