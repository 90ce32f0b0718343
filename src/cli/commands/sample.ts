/** `lrsim sample morris|saltelli --params FILE --n N --out design.csv`: write a sensitivity design, as SALib's `sample`. */
import { basename, dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { csvLine } from '../../io/csv';
import { writeFilesAtomic } from '../../io/output-dir';
import { checkOutputFile } from '../../io/output-path';
import { checkMorris, checkSaltelli, checkScrambles, scaleToRange, sensitivityRows, sensitivityUnitDesign } from '../../sweep/design';
import { readParamsFile } from '../../sweep/designs/params-file';
import { BLOCK_COLUMN } from '../../sweep/designs/saltelli';
import { SWEEP_LIMITS } from '../../scenario/schema';
import { badInput, sensitivityMessages as msg } from '../../sweep/messages';
import { cliMessages } from '../messages';
import { wholeNumberOption } from '../options';

/** Most values (rows x columns) `lrsim sample` writes: about 230 MB of CSV, well inside V8's string cap. */
const MAX_DESIGN_VALUES = 10_000_000;

interface SampleArgs {
  method: 'morris' | 'saltelli';
  params: string;
  n: number;
  seed?: number;
  out: string;
  levels?: number;
  pool?: number;
  'second-order': boolean;
  scrambles?: number;
}

export const sampleCommand: CommandModule<object, SampleArgs> = {
  command: 'sample <method>',
  describe: 'Write a Morris or Saltelli sensitivity design (design.csv) for any model',
  builder: (y) =>
    y
      .positional('method', { choices: ['morris', 'saltelli'] as const, demandOption: true, describe: 'morris: elementary effects; saltelli: Sobol indices' })
      .option('params', { type: 'string', demandOption: true, describe: 'YAML or JSON: name: {min, max} (optional integer, log)' })
      .option('n', { ...wholeNumberOption('n', 2, SWEEP_LIMITS.samples, `morris: trajectories r; saltelli: base rows N (a power of two); at most ${SWEEP_LIMITS.samples}`), demandOption: true })
      .option('seed', wholeNumberOption('seed', 0, 2 ** 32 - 1, 'Seed of the design (scrambling, trajectories; default 42)'))
      .option('out', { type: 'string', demandOption: true, describe: 'The design CSV to write (must not exist; its directory must)' })
      .option('levels', wholeNumberOption('levels', 2, SWEEP_LIMITS.levels, 'morris: grid levels p (even; default 4)'))
      .option('pool', wholeNumberOption('pool', 2, SWEEP_LIMITS.pool, `morris: choose the n most spread of this many trajectories (Campolongo 2007); at most ${SWEEP_LIMITS.pool}`))
      .option('second-order', { type: 'boolean', default: false, describe: 'saltelli: add the BA rows for second-order indices' })
      .option('scrambles', { type: 'number', describe: `saltelli: R independent scrambles of N / R base rows each (a power of two), numbered in a last column \`block\`; analyze then gives t intervals over the R scrambles (e.g. 16; at most ${SWEEP_LIMITS.scrambles})` })
      .example('$0 sample saltelli --params params.yaml --n 1024 --out design.csv', 'N (D + 2) rows for S1 and ST')
      .example('$0 sample saltelli --params params.yaml --n 1024 --scrambles 16 --out design.csv', 'the same size in 16 independent scrambles of 64 base rows'),
  handler: (raw) => {
    const args = { ...raw, levels: raw.levels ?? 4, seed: raw.seed ?? 42 };
    // The file is checked before any work (a place it can be written; not there yet).
    if (checkOutputFile('--out', args.out, 'design.csv')) badInput(msg.outExists(args.out));
    const n = args.n;
    const { names, ranges } = readParamsFile(args.params);
    if (args.method === 'morris') {
      checkMorris({ n: '--n', levels: '--levels' }, n, args.levels);
      if (args.pool !== undefined && args.pool <= n) badInput(msg.poolTooSmall('--pool', args.pool, '--n', n));
      if (args.scrambles !== undefined) badInput(msg.scramblesNotSaltelli());
      if (args['second-order']) badInput(msg.secondOrderNotSaltelli());
    } else {
      checkSaltelli('--n', n, names.length, { at: args.params, screen: '`lrsim sample morris`' });
      if (args.scrambles !== undefined) {
        if (Number(args.scrambles) > SWEEP_LIMITS.scrambles) badInput(msg.tooManyScrambles('--scrambles', Number(args.scrambles), SWEEP_LIMITS.scrambles));
        checkScrambles({ scrambles: '--scrambles', n: '--n' }, n, Number(args.scrambles));
        if (names.includes(BLOCK_COLUMN)) badInput(msg.blockParameter(args.params));
      }
    }
    const scrambles = args.scrambles === undefined ? 1 : Number(args.scrambles);
    // The CSV is built in memory as one string (V8 caps a string at 2^29 characters, and a
    // value takes up to ~23): a design past the cap is refused before any is generated.
    const rows = sensitivityRows(args.method, n, names.length, args['second-order']);
    const columns = names.length + (scrambles > 1 ? 1 : 0);
    if (rows * columns > MAX_DESIGN_VALUES) {
      const perN = rows / n * columns;
      const fit = Math.floor(MAX_DESIGN_VALUES / perN);
      const largest = args.method === 'saltelli' ? 2 ** Math.floor(Math.log2(Math.max(1, fit))) : fit;
      badInput(msg.designTooLarge(rows, columns, MAX_DESIGN_VALUES, '--n', largest >= 2 * scrambles ? largest : undefined));
    }
    const unit = sensitivityUnitDesign(args.method, n, names.length, args.seed, { levels: args.levels, secondOrder: args['second-order'], pool: args.pool, scrambles });
    // Block k of a replicated design: its (N / R) (D + 2) rows, numbered in the last column.
    const perBlock = unit.length / scrambles;
    const block = (i: number) => (scrambles > 1 ? `,${Math.floor(i / perBlock) + 1}` : '');
    // Full precision (JavaScript's shortest round-trip form), not the 6 significant digits
    // of lrsim's other tables: the analysis reads the design back, and rounding can merge
    // grid levels or move a value off its level (a range of 100000 to 100001, say).
    const full = (x: number) => (x === 0 ? '0' : String(x));
    const lines = [csvLine(scrambles > 1 ? [...names, BLOCK_COLUMN] : names), ...unit.map((u, i) => `${u.map((x, j) => full(scaleToRange(Math.min(x, 1 - 1e-12), ranges[j]))).join(',')}${block(i)}\n`)];
    // Whole or not at all: a full disk names the file and leaves no temporary file.
    writeFilesAtomic(dirname(args.out), { [basename(args.out)]: lines.join('') });
    process.stdout.write(`${cliMessages.wroteDesign(args.method, unit.length, names.length, args.out, scrambles, n)}\n`);
  },
};
