/**
 * `lrsim analyze morris|saltelli --design design.csv --outputs outputs.csv --out DIR`:
 * sensitivity indices of any model's outputs (one row per design row, one column per
 * output), as SALib's `analyze`. Writes DIR/sensitivity.csv (indices at N) and
 * DIR/convergence.csv (the same at N/4, N/2 and N, with column n).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { csvLine } from '../../io/csv';
import { analyzeOutcome, morrisSteps, rowMoments, SENSITIVITY_COLUMNS, type AnalysisLayout, type SensitivityRow } from '../../stats/sensitivity';
import { morrisDelta } from '../../sweep/designs/morris';
import { readNumericTable } from '../../sweep/designs/table-file';
import { badInput, sensitivityMessages as msg } from '../../sweep/messages';
import { cliMessages } from '../messages';
import { checkMorris } from '../../sweep/design';

interface AnalyzeArgs {
  method: 'morris' | 'saltelli';
  design: string;
  outputs: string;
  out: string;
  levels: number;
  'second-order': boolean;
  seed: number;
  resamples: number;
}

/** The layout of a design file for `method` (bad input throws). */
function layoutOf(args: AnalyzeArgs, columns: string[], x: number[][]): AnalysisLayout {
  const d = columns.length;
  if (args.method === 'morris') {
    checkMorris({ n: '--n', levels: '--levels' }, 2, args.levels);
    if (x.length % (d + 1) !== 0 || x.length < 2 * (d + 1)) badInput(msg.badLayout(args.design, x.length, 'morris', `a multiple of D + 1 = ${d + 1}, at least 2 trajectories`));
    const steps = morrisSteps(x, d);
    if ('badRow' in steps) return badInput(msg.badStep(args.design, steps.badRow + 2, d));
    return { method: 'morris', parameters: columns, steps, delta: morrisDelta(args.levels) };
  }
  const group = args['second-order'] ? 2 * d + 2 : d + 2;
  if (x.length % group !== 0) badInput(msg.badLayout(args.design, x.length, 'saltelli', `a multiple of ${args['second-order'] ? '2D + 2' : 'D + 2'} = ${group}${args['second-order'] ? '' : '; with second-order rows add --second-order'}`));
  return { method: 'saltelli', parameters: columns, secondOrder: args['second-order'] };
}

/** Rows of sensitivity.csv / convergence.csv. */
const line = (r: SensitivityRow, withN: boolean) => csvLine([r.method, r.outcome, r.parameter, r.index, ...(withN ? [r.n] : []), r.estimate, r.lo, r.hi]);

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: 'analyze <method>',
  describe: 'Sensitivity indices (Morris or Sobol) of a design and its outputs, with bootstrap intervals',
  builder: (y) =>
    y
      .positional('method', { choices: ['morris', 'saltelli'] as const, demandOption: true, describe: 'The method the design was made for' })
      .option('design', { type: 'string', demandOption: true, describe: 'design.csv (lrsim sample, SALib, ...)' })
      .option('outputs', { type: 'string', demandOption: true, describe: 'outputs.csv: a header of output names, one row per design row, in order' })
      .option('out', { type: 'string', demandOption: true, describe: 'Directory for sensitivity.csv and convergence.csv' })
      .option('levels', { type: 'number', default: 4, describe: 'morris: the grid levels p the design used' })
      .option('second-order', { type: 'boolean', default: false, describe: 'saltelli: the design has BA rows; also report S2' })
      .option('seed', { type: 'number', default: 42, describe: 'Seed of the bootstrap' })
      .option('resamples', { type: 'number', default: 1000, describe: 'Bootstrap resamples' })
      .example('$0 analyze saltelli --design design.csv --outputs y.csv --out sa', 'S1 and ST of every output column'),
  handler: (args) => {
    const design = readNumericTable(args.design, 'design');
    const outputs = readNumericTable(args.outputs, 'outputs');
    if (outputs.rows.length !== design.rows.length) badInput(msg.rowsDiffer(args.design, design.rows.length, args.outputs, outputs.rows.length));
    const layout = layoutOf(args, design.columns, design.rows);
    if (existsSync(join(args.out, 'sensitivity.csv'))) badInput(msg.outDirHolds(args.out));
    const rows = outputs.columns.flatMap((outcome, k) => {
      const moments = rowMoments(outputs.rows.length, outputs.rows.map((r, row) => ({ row, value: r[k] })));
      return analyzeOutcome(layout, outcome, moments, { seed: args.seed, resamples: args.resamples });
    });
    const full = Math.max(...rows.map((r) => r.n));
    mkdirSync(args.out, { recursive: true });
    const write = (name: string, text: string) => {
      writeFileSync(join(args.out, `${name}.tmp`), text);
      renameSync(join(args.out, `${name}.tmp`), join(args.out, name));
    };
    write('convergence.csv', [csvLine([...SENSITIVITY_COLUMNS.slice(0, 4), 'n', ...SENSITIVITY_COLUMNS.slice(4)]), ...rows.map((r) => line(r, true))].join(''));
    write('sensitivity.csv', [csvLine(SENSITIVITY_COLUMNS), ...rows.filter((r) => r.n === full).map((r) => line(r, false))].join(''));
    process.stdout.write(`${cliMessages.wroteIndices(args.method, outputs.columns.length, design.columns.length, join(args.out, 'sensitivity.csv'))}\n`);
  },
};
