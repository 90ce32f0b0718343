/**
 * `lrsim analyze morris|saltelli --design design.csv --outputs outputs.csv --out DIR`:
 * sensitivity indices of any model's outputs (one row per design row, one column per
 * output), as SALib's `analyze`. Writes DIR/sensitivity.csv (indices at N) and
 * DIR/convergence.csv (the same at N/4, N/2 and N, with column n).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { csvLine } from '../../io/csv';
import { writeFilesAtomic } from '../../io/output-dir';
import { checkOutputDirectory } from '../../io/output-path';
import { analyzeOutcome, DEFAULT_RESAMPLES, MIN_BOOTSTRAP_GROUPS, morrisSteps, rowMoments, SENSITIVITY_COLUMNS, type AnalysisLayout, type SensitivityRow } from '../../stats/sensitivity';
import { morrisDelta } from '../../sweep/designs/morris';
import { readNumericTable } from '../../sweep/designs/table-file';
import { badInput, sensitivityMessages as msg } from '../../sweep/messages';
import { cliMessages } from '../messages';
import { wholeNumberOption } from '../options';
import { checkMorris } from '../../sweep/design';
import { BLOCK_COLUMN } from '../../sweep/designs/saltelli';

interface AnalyzeArgs {
  method: 'morris' | 'saltelli';
  design: string;
  outputs: string;
  out: string;
  levels?: number;
  'second-order': boolean;
  seed?: number;
  resamples?: number;
}

/**
 * The scrambles of a replicated Saltelli design (`lrsim sample saltelli --scrambles R`):
 * column `block` numbers them 1, 2, ..., R in order, each block the same whole number of
 * groups of `group` rows. Returns R (bad input throws, naming the first line that breaks this).
 */
export function readBlocks(file: string, block: readonly number[], group: number): number {
  const line = (row: number) => row + 2;
  if (block[0] !== 1) badInput(msg.badBlocks(file, 2, `the first row is in block ${block[0]}, not 1`));
  const starts = [0];
  for (let i = 1; i < block.length; i++) {
    if (block[i] === block[i - 1]) continue;
    if (block[i] !== block[i - 1] + 1) badInput(msg.badBlocks(file, line(i), `block ${block[i]} follows block ${block[i - 1]} (blocks run 1, 2, ..., R, each in one piece)`));
    starts.push(i);
  }
  const r = starts.length;
  if (r < 2) badInput(msg.badBlocks(file, 2, 'every row is in block 1, one scramble, which gives no spread between scrambles; sample with --scrambles 2 or more'));
  const size = starts[1];
  for (let k = 0; k < r; k++) {
    const rows = (k + 1 < r ? starts[k + 1] : block.length) - starts[k];
    if (rows % group !== 0) badInput(msg.badBlocks(file, line(starts[k]), `block ${k + 1} has ${rows} rows, not a whole number of groups of ${group} (a base row with its AB rows)`));
    if (rows !== size) badInput(msg.badBlocks(file, line(starts[k]), `block ${k + 1} has ${rows} rows but block 1 has ${size}; the scrambles must be of equal size`));
  }
  return r;
}

/** The layout of a design file for `method` (bad input throws). */
function layoutOf(args: AnalyzeArgs & { levels: number }, columns: string[], x: number[][], blockColumn?: number[]): AnalysisLayout {
  const d = columns.length;
  if (args.method === 'morris') {
    if (args['second-order']) badInput(msg.secondOrderNotSaltelli());
    checkMorris({ n: '--n', levels: '--levels' }, 2, args.levels);
    if (x.length % (d + 1) !== 0 || x.length < 2 * (d + 1)) badInput(msg.badLayout(args.design, x.length, 'morris', `a multiple of D + 1 = ${d + 1}, at least 2 trajectories`));
    const steps = morrisSteps(x, d);
    if ('badRow' in steps) return badInput(msg.badStep(args.design, steps.badRow + 2, d));
    return { method: 'morris', parameters: columns, steps, delta: morrisDelta(args.levels) };
  }
  const second = args['second-order'];
  const group = second ? 2 * d + 2 : d + 2;
  if (x.length % group !== 0) badInput(msg.badLayout(args.design, x.length, 'saltelli', `a multiple of ${second ? '2D + 2' : 'D + 2'} = ${group}${second ? '' : '; with second-order rows add --second-order'}`));
  const bad = saltelliMismatch(x, d, second);
  if (bad) badInput(msg.notSaltelli(args.design, bad.row + 2, bad.what, second, isSaltelli(x, d, !second)));
  if (!blockColumn) return { method: 'saltelli', parameters: columns, secondOrder: second };
  return { method: 'saltelli', parameters: columns, secondOrder: second, blocks: readBlocks(args.design, blockColumn, group) };
}

/** Whether x has the Saltelli structure (with or without second-order rows). */
function isSaltelli(x: readonly (readonly number[])[], d: number, second: boolean): boolean {
  return x.length % (second ? 2 * d + 2 : d + 2) === 0 && saltelliMismatch(x, d, second) === null;
}

/**
 * The first row that breaks the Saltelli structure: in each group, AB_i equals A except in
 * column i, where it equals B; BA_i (second order) equals B except in column i, where it
 * equals A. Null when every row fits.
 */
export function saltelliMismatch(x: readonly (readonly number[])[], d: number, second: boolean): { row: number; what: string } | null {
  const group = second ? 2 * d + 2 : d + 2;
  for (let g = 0; g * group < x.length; g++) {
    const a = x[g * group];
    const b = x[g * group + group - 1];
    const check = (row: number, base: readonly number[], other: readonly number[], i: number, what: string) => {
      const r = x[row];
      for (let k = 0; k < d; k++) if (r[k] !== (k === i ? other[k] : base[k])) return { row, what };
      return null;
    };
    for (let i = 0; i < d; i++) {
      const bad = check(g * group + 1 + i, a, b, i, `AB_${i + 1}: the A row (line ${g * group + 2}) with column ${i + 1} from the B row (line ${g * group + group + 1})`);
      if (bad) return bad;
    }
    if (second) {
      for (let i = 0; i < d; i++) {
        const bad = check(g * group + 1 + d + i, b, a, i, `BA_${i + 1}: the B row (line ${g * group + group + 1}) with column ${i + 1} from the A row (line ${g * group + 2})`);
        if (bad) return bad;
      }
    }
  }
  return null;
}

/**
 * Whether the base rows of a Saltelli design without a block column are stratified as the
 * first N = 2^m points of one scrambled Sobol sequence always are: its first two dimensions
 * (A's first column, and A's second or, with one parameter, B's first) form a (0, m, 2)-net,
 * so in each the rank of a point is its stratum of width 1/N (a monotone range, log
 * included, keeps ranks), and every box of 2^(m-k) x 2^k of those strata holds exactly one
 * point. R independent scrambles of N / R rows each (a --scrambles design whose block
 * column was removed) break this at almost any N and R (at N >= 16 in every design tried).
 * Returns null when it cannot tell (tied values, as integer ranges give, or N < 4).
 */
function oneSobolSequence(x: readonly (readonly number[])[], d: number, secondOrder: boolean): boolean | null {
  const group = secondOrder ? 2 * d + 2 : d + 2;
  const n = x.length / group;
  const m = Math.log2(n);
  if (!Number.isInteger(m) || m < 2) return null;
  const first = Array.from({ length: n }, (_, g) => x[g * group][0]);
  const second = Array.from({ length: n }, (_, g) => (d >= 2 ? x[g * group][1] : x[g * group + group - 1][0]));
  const ranks = (v: number[]): number[] | null => {
    const order = v.map((_, i) => i).sort((p, q) => v[p] - v[q]);
    const r = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      if (k > 0 && v[order[k]] === v[order[k - 1]]) return null;
      r[order[k]] = k;
    }
    return r;
  };
  const r1 = ranks(first);
  const r2 = ranks(second);
  if (!r1 || !r2) return null;
  for (let k = 1; k < m; k++) {
    const boxes = new Set(r1.map((a, i) => (a >> (m - k)) * n + (r2[i] >> k)));
    if (boxes.size < n) return false;
  }
  return true;
}

/**
 * The one size of every step of column `i` of a Morris design, or null when its steps
 * differ (a log or integer range spaces the grid unevenly, so only a column with one step
 * size, as a linear range gives, can be checked against the grid by value).
 */
function columnStep(x: readonly (readonly number[])[], steps: { factor: Int32Array }, i: number): number | null {
  const d = x[0].length;
  let size: number | null = null;
  for (let t = 0; t < x.length / (d + 1); t++) {
    for (let s = 0; s < d; s++) {
      if (steps.factor[t * d + s] !== i) continue;
      const row = t * (d + 1) + s;
      const step = Math.abs(x[row + 1][i] - x[row][i]);
      if (size === null) size = step;
      else if (Math.abs(step - size) > 1e-9 * size) return null;
    }
  }
  return size;
}

/**
 * Whether the sorted values of a column whose steps are all `step` long lie on the grid of
 * a p-level design: a step joins levels p/2 apart, so the levels are 2 step / p apart, and
 * the values must be whole numbers of levels from the lowest, at most p - 1 of them.
 */
function onGrid(values: readonly number[], step: number, levels: number): boolean {
  const spacing = (2 * step) / levels;
  return values.every((v) => {
    const k = (v - values[0]) / spacing;
    return Math.abs(k - Math.round(k)) <= 1e-6 && Math.round(k) <= levels - 1;
  });
}

/**
 * Checks --levels against a Morris design: a p-level step joins grid levels j and j + p/2,
 * so a column has at most p distinct values, and where it shows all p, each step joins
 * values p/2 apart in rank (rank, not value: log and integer ranges keep the order). A
 * column whose steps are all one size (a linear range) is also checked by value: its values
 * must lie on the p-level grid that step implies. Integer-valued columns are not (an
 * integer range rounds the grid). Returns whether some column confirmed p (false: the
 * design visits too few levels to tell) and the smallest even p whose grid holds the
 * values of every column checked by value (undefined: no such column).
 */
function checkLevels(file: string, columns: readonly string[], x: readonly (readonly number[])[], steps: { factor: Int32Array }, levels: number): { confirmed: boolean; fits?: number } {
  const d = columns.length;
  let confirmed = false;
  const byValue: { values: number[]; step: number; column: string }[] = [];
  for (let i = 0; i < d; i++) {
    const values = [...new Set(x.map((r) => r[i]))].sort((p, q) => p - q);
    if (values.length > levels) badInput(msg.levelsMismatch(file, columns[i], values.length, levels));
    const step = columnStep(x, steps, i);
    if (step !== null && step > 0 && !values.every(Number.isInteger)) byValue.push({ values, step, column: columns[i] });
  }
  let fits: number | undefined;
  for (let p = 2; byValue.length && fits === undefined && p <= 1000; p += 2) if (byValue.every((c) => onGrid(c.values, c.step, p))) fits = p;
  const off = byValue.find((c) => !onGrid(c.values, c.step, levels));
  if (off) badInput(msg.levelsOffGrid(file, off.column, levels, fits));
  for (let i = 0; i < d; i++) {
    const values = [...new Set(x.map((r) => r[i]))].sort((p, q) => p - q);
    if (values.length < levels) continue;
    const rank = new Map(values.map((v, k) => [v, k]));
    for (let t = 0; t < x.length / (d + 1); t++) {
      for (let s = 0; s < d; s++) {
        if (steps.factor[t * d + s] !== i) continue;
        const row = t * (d + 1) + s;
        if (Math.abs(rank.get(x[row + 1][i])! - rank.get(x[row][i])!) !== levels / 2) badInput(msg.levelsStep(file, row + 3, columns[i], levels));
      }
    }
    confirmed = true;
  }
  return { confirmed, fits };
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
      .option('levels', wholeNumberOption('levels', 2, 1000, 'morris: the grid levels p the design was sampled with (default 4)'))
      .option('second-order', { type: 'boolean', default: false, describe: 'saltelli: the design has BA rows; also report S2' })
      .option('seed', wholeNumberOption('seed', 0, 2 ** 32 - 1, 'Seed of the bootstrap (default 42)'))
      .option('resamples', wholeNumberOption('resamples', 100, 1_000_000, 'Bootstrap resamples (default 1000)'))
      .example('$0 analyze saltelli --design design.csv --outputs y.csv --out sa', 'S1 and ST of every output column'),
  handler: (raw) => {
    const args = { ...raw, levels: raw.levels ?? 4, seed: raw.seed ?? 42, resamples: raw.resamples ?? DEFAULT_RESAMPLES };
    // The directory is checked before any work (a place files can be written; no earlier indices).
    checkOutputDirectory('--out', args.out);
    // Neither file is replaced: the directory has no manifest to tell earlier indices from a user's file.
    for (const file of ['sensitivity.csv', 'convergence.csv']) if (existsSync(join(args.out, file))) badInput(msg.outDirHolds(args.out, file));
    const design = readNumericTable(args.design, 'design');
    const outputs = readNumericTable(args.outputs, 'outputs');
    if (outputs.rows.length !== design.rows.length) badInput(msg.rowsDiffer(args.design, design.rows.length, args.outputs, outputs.rows.length));
    // A replicated design (sample saltelli --scrambles) numbers its scrambles in column block: not a parameter.
    const blockAt = args.method === 'saltelli' ? design.columns.indexOf(BLOCK_COLUMN) : -1;
    const parameters = blockAt < 0 ? design.columns : design.columns.filter((_, j) => j !== blockAt);
    const x = blockAt < 0 ? design.rows : design.rows.map((r) => r.filter((_, j) => j !== blockAt));
    const layout = layoutOf(args, parameters, x, blockAt < 0 ? undefined : design.rows.map((r) => r[blockAt]));
    const blocks = layout.blocks ?? 1;
    const levelsChecked = layout.method === 'morris' ? checkLevels(args.design, parameters, x, layout.steps!, args.levels) : { confirmed: true };
    const rows = outputs.columns.flatMap((outcome, k) => {
      const moments = rowMoments(outputs.rows.length, outputs.rows.map((r, row) => ({ row, value: r[k] })));
      return analyzeOutcome(layout, outcome, moments, { seed: args.seed, resamples: args.resamples });
    });
    const full = Math.max(...rows.map((r) => r.n));
    // Both files whole or neither: a full disk names the file and leaves no temporary file.
    writeFilesAtomic(args.out, {
      'convergence.csv': [csvLine([...SENSITIVITY_COLUMNS.slice(0, 4), 'n', ...SENSITIVITY_COLUMNS.slice(4)]), ...rows.map((r) => line(r, true))].join(''),
      'sensitivity.csv': [csvLine(SENSITIVITY_COLUMNS), ...rows.filter((r) => r.n === full).map((r) => line(r, false))].join(''),
    });
    const notes: string[] = [];
    if (!levelsChecked.confirmed) notes.push(cliMessages.levelsUnchecked(args.design, args.levels, levelsChecked.fits));
    const constant = new Set(outputs.columns.filter((_, k) => outputs.rows.every((r) => r[k] === outputs.rows[0][k])));
    for (const outcome of constant) notes.push(cliMessages.constantOutput(outcome, args.method));
    if (blocks > 1) {
      // t intervals over the scrambles: given for any R >= 2 (no bootstrap, no minimum N).
      for (const r of rows) if (r.undefinedBlocks && r.n === full && !constant.has(r.outcome)) notes.push(cliMessages.undefinedInBlocks(r.outcome, r.parameter, r.index, r.undefinedBlocks, blocks));
    } else {
      if (full < MIN_BOOTSTRAP_GROUPS) notes.push(cliMessages.tooFewForIntervals(args.method, full, MIN_BOOTSTRAP_GROUPS));
      else if (Math.min(...rows.map((r) => r.n)) < MIN_BOOTSTRAP_GROUPS) notes.push(cliMessages.smallSizesNoIntervals(args.method, MIN_BOOTSTRAP_GROUPS));
      // A --scrambles design whose block column was removed reads as one scramble: say so when the rows show it.
      if (args.method === 'saltelli' && oneSobolSequence(x, parameters.length, args['second-order']) === false) notes.push(cliMessages.blockColumnMissing(args.design, full));
      if (args.method === 'saltelli' && full >= MIN_BOOTSTRAP_GROUPS) notes.push(cliMessages.sobolIntervalsApproximate());
      for (const r of rows) if (r.dropped && r.n === full) notes.push(cliMessages.droppedResamples(r.outcome, r.parameter, r.index, r.dropped, args.resamples));
    }
    process.stdout.write(`${cliMessages.wroteIndices(args.method, outputs.columns.length, parameters.length, join(args.out, 'sensitivity.csv'), full, args.resamples, blocks)}\n`);
    for (const note of notes) process.stderr.write(`${note}\n`);
  },
};
