/**
 * A sweep's design: the swept parameters (dot paths, in the order the scenario lists
 * them) and one row of values per point. Built once from the `sweep:` block; pure.
 */
import type { SweepSpec } from '../scenario/schema';
import { gridPoints, gridSize } from './designs/grid';
import { resolve } from 'node:path';
import { latinHypercube } from './designs/lhs';
import { morrisDesign } from './designs/morris';
import { BLOCK_COLUMN, isPowerOfTwo, nearestPowerOfTwo, saltelliDesign, saltelliGroupSize } from './designs/saltelli';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './designs/sobol';
import { readNumericTable } from './designs/table-file';
import { formatProblem } from '../scenario/errors';
import { badInput, sensitivityMessages as sens, sweepMessages as msg } from './messages';
import { uniformStream } from './seed';

export type ParameterValue = number | string | boolean;
export interface Range { min: number; max: number; integer: boolean; log?: boolean }
export type DesignKind = 'grid' | 'lhs' | 'sobol' | 'morris' | 'saltelli' | 'file';

/** What a sensitivity design's analysis needs besides the points. */
export interface SensitivityLayout {
  method: 'morris' | 'saltelli';
  /** Unit-cube coordinates of every point (the analysis reads steps from these, not from rounded values). */
  unit: number[][];
  /** morris: trajectories r; saltelli: base rows N (over all scrambles). */
  n: number;
  levels: number;
  secondOrder: boolean;
  /** saltelli: independent scrambles R (1: one scramble). */
  scrambles: number;
}

export interface Design {
  kind: DesignKind;
  /** Swept dot paths, one column each in runs.csv. */
  parameters: string[];
  /** points[i][j]: value of parameters[j] at point i. */
  points: ParameterValue[][];
  /** morris and saltelli designs only. */
  sensitivity?: SensitivityLayout;
}

/** Largest design accepted (points x arms x replicates is bounded separately by time). */
export const MAX_POINTS = 1_000_000;
/** Stream tags of the design uniforms (distinct from anything else drawn from the seed). */
const LHS_STREAM = 0x4c48;
export const MORRIS_STREAM = 0x4d4f;
export const SALTELLI_STREAM = 0x5341;

const isRange = (v: unknown): v is Range => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Maps u in [0, 1) onto a range; integer ranges give each whole number an equal share
 * (log-uniform ones: each whole number the share of [n, n + 1) on the log scale).
 */
export function scaleToRange(u: number, r: Range): number {
  if (r.log) {
    if (!r.integer) return Math.exp(Math.log(r.min) + u * (Math.log(r.max) - Math.log(r.min)));
    const lo = Math.ceil(r.min);
    const hi = Math.floor(r.max);
    return Math.min(hi, Math.floor(Math.exp(Math.log(lo) + u * (Math.log(hi + 1) - Math.log(lo)))));
  }
  if (!r.integer) return r.min + u * (r.max - r.min);
  const lo = Math.ceil(r.min);
  const hi = Math.floor(r.max);
  return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
}

/** Checks the Morris options (bad input throws). */
export function checkMorris(where: { n: string; levels: string }, r: number, levels: number): void {
  if (!(Number.isInteger(r) && r >= 2)) badInput(sens.tooFewTrajectories(where.n, r));
  if (levels % 2 !== 0) badInput(sens.oddLevels(where.levels, levels));
}

/**
 * Checks the Saltelli base size (bad input throws, naming the nearest power of two) and the
 * number of parameters; `params` names where they are given and how to screen them.
 */
export function checkSaltelli(where: string, n: number, d: number, params = { at: 'sweep.parameters', screen: 'design morris' }): void {
  if (!isPowerOfTwo(n)) badInput(sens.notPowerOfTwo(where, n, nearestPowerOfTwo(n)));
  if (2 * d > SOBOL_MAX_DIMENSIONS) badInput(sens.tooManySaltelliDimensions(params.at, d, Math.floor(SOBOL_MAX_DIMENSIONS / 2), params.screen));
}

/**
 * Checks the number of scrambles R of a replicated Saltelli design: R >= 2 (one scramble
 * gives no spread between scrambles) and N / R a whole power of two of at least 2 base rows
 * (each block is a balanced prefix of its own Sobol sequence). Bad input throws.
 */
export function checkScrambles(where: { scrambles: string; n: string }, n: number, r: number): void {
  if (!(Number.isInteger(r) && r >= 2)) badInput(sens.tooFewScrambles(where.scrambles, r));
  if (!(n % r === 0 && isPowerOfTwo(n / r) && n / r >= 2)) badInput(sens.scramblesNotDivisor(where.scrambles, r, where.n, n));
}

/** Checks a range of a sensitivity design (min < max, log ranges positive). */
export function checkSensitivityRange(where: string, r: Range): void {
  if (!(r.min < r.max)) badInput(sens.minNotBelowMax(where, r.min, r.max));
  if (r.log && !(r.min > 0)) badInput(sens.logNotPositive(where, r.min));
}

/** Rows of a sensitivity design: r (D + 1) for morris, N (D + 2) or N (2D + 2) for saltelli. */
export function sensitivityRows(method: 'morris' | 'saltelli', n: number, d: number, secondOrder: boolean): number {
  return n * (method === 'morris' ? d + 1 : saltelliGroupSize(d, secondOrder));
}

/** Unit-cube design of a sensitivity method (pure, from the seed). */
export function sensitivityUnitDesign(method: 'morris' | 'saltelli', n: number, d: number, seed: number, opts: { levels: number; secondOrder: boolean; pool?: number; scrambles?: number }): number[][] {
  return method === 'morris'
    ? morrisDesign(n, d, opts.levels, uniformStream(seed, MORRIS_STREAM), opts.pool)
    : saltelliDesign(n, d, opts.secondOrder, uniformStream(seed, SALTELLI_STREAM), opts.scrambles ?? 1);
}

/** The design of a design CSV (`design: file`). */
function fileDesign(spec: SweepSpec, baseDir: string): Design {
  if (!spec.file) badInput(sens.noFile());
  if (Object.keys(spec.parameters ?? {}).length) badInput(sens.fileWithParameters());
  const table = readNumericTable(resolve(baseDir, spec.file), 'design');
  if (table.columns.includes(BLOCK_COLUMN)) badInput(sens.blockInSweepFile(spec.file));
  if (table.rows.length > MAX_POINTS) badInput(formatProblem({ path: ['sweep', 'file'], ...msg.tooManyPoints(table.rows.length, MAX_POINTS) }));
  return { kind: 'file', parameters: table.columns, points: table.rows };
}

/** A problem of the `sweep:` block itself, at `path` (from the top of the scenario). */
export interface DesignProblem {
  path: (string | number)[];
  what: string;
  fix: string;
}

/**
 * Everything that keeps a sweep block from making a design: empty lists, ranges in a grid,
 * lists in lhs/sobol, min above max, no samples, too many points or sobol dimensions.
 * Checked by `lrsim validate` and `lrsim sweep` alike (scenario validation calls this).
 */
export function designProblems(spec: SweepSpec | undefined): DesignProblem[] {
  const kind: DesignKind = spec?.design ?? 'grid';
  const entries = Object.entries(spec?.parameters ?? {});
  const problems: DesignProblem[] = [];
  const at = (path: string) => ['sweep', 'parameters', path];
  if (spec?.scrambles !== undefined && kind !== 'saltelli') problems.push({ path: ['sweep', 'scrambles'], ...msg.scramblesNotSaltelli(kind) });
  if (kind === 'grid') {
    for (const [path, v] of entries) {
      if (isRange(v)) problems.push({ path: at(path), ...msg.rangeInGrid(path) });
      else if (v.length === 0) problems.push({ path: at(path), ...msg.emptyValues(path) });
    }
    const size = gridSize(entries.map(([, v]) => (isRange(v) ? [v] : v)));
    if (size > MAX_POINTS) problems.push({ path: ['sweep', 'parameters'], ...msg.tooManyPoints(size, MAX_POINTS) });
    return problems;
  }
  if (kind === 'file') return problems; // a design file names its own columns (checked when read)
  if (entries.length === 0) problems.push({ path: ['sweep', 'design'], ...msg.noRanges(kind) });
  for (const [path, v] of entries) {
    if (!isRange(v)) problems.push({ path: at(path), ...msg.listInSampled(path, kind) });
    else if (v.min > v.max) problems.push({ path: [...at(path), 'min'], ...msg.minAboveMax(v.min, v.max) });
  }
  if (spec?.samples === undefined || spec.samples < 1) problems.push({ path: ['sweep', 'design'], ...msg.noSamples(kind) });
  if (kind === 'sobol' && entries.length > SOBOL_MAX_DIMENSIONS) {
    problems.push({ path: ['sweep', 'parameters'], ...msg.tooManySobolDimensions(entries.length, SOBOL_MAX_DIMENSIONS) });
  }
  return problems;
}

/**
 * The design of a sweep block (none: a single point with no swept parameters). A block
 * with problems (see designProblems) is refused with the first of them. `baseDir` is where
 * a design file's relative path starts (the scenario file's folder).
 */
export function buildDesign(spec: SweepSpec | undefined, scenarioSeed: number, baseDir = process.cwd()): Design {
  const kind: DesignKind = spec?.design ?? 'grid';
  const entries = Object.entries(spec?.parameters ?? {});
  const parameters = entries.map(([path]) => path);
  const problem = designProblems(spec)[0];
  if (problem) badInput(formatProblem(problem));

  if (kind === 'grid') return { kind, parameters, points: gridPoints(entries.map(([, v]) => v as ParameterValue[])) as ParameterValue[][] };
  if (kind === 'file') return fileDesign(spec!, baseDir);
  const ranges = entries.map(([, v]) => v as Range);
  const samples = spec!.samples!;
  if (kind === 'morris' || kind === 'saltelli') {
    entries.forEach(([path], j) => checkSensitivityRange(`sweep.parameters.${path}`, ranges[j]));
    const levels = spec?.levels ?? 4;
    const secondOrder = spec?.second_order ?? false;
    if (kind === 'morris') {
      checkMorris({ n: 'sweep.samples', levels: 'sweep.levels' }, samples, levels);
      if (spec?.pool !== undefined && spec.pool <= samples) badInput(sens.poolTooSmall('sweep.pool', spec.pool, 'sweep.samples', samples));
    } else {
      checkSaltelli('sweep.samples', samples, ranges.length);
      if (spec?.scrambles !== undefined) checkScrambles({ scrambles: 'sweep.scrambles', n: 'sweep.samples' }, samples, spec.scrambles);
    }
    const scrambles = kind === 'saltelli' ? (spec?.scrambles ?? 1) : 1;
    // Counted before the design is made: 2^19 base rows of 32 parameters would fill the heap first.
    const rows = sensitivityRows(kind, samples, ranges.length, secondOrder);
    if (rows > MAX_POINTS) badInput(formatProblem({ path: ['sweep', 'samples'], ...msg.tooManyPoints(rows, MAX_POINTS) }));
    const unit = sensitivityUnitDesign(kind, samples, ranges.length, scenarioSeed, { levels, secondOrder, pool: spec?.pool, scrambles });
    return {
      kind,
      parameters,
      points: unit.map((u) => u.map((x, j) => scaleToRange(Math.min(x, 1 - 1e-12), ranges[j]))),
      sensitivity: { method: kind, unit, n: samples, levels, secondOrder, scrambles },
    };
  }
  if (ranges.some((r) => r.log)) entries.forEach(([path], j) => ranges[j].log && checkSensitivityRange(`sweep.parameters.${path}`, ranges[j]));
  const unit =
    kind === 'lhs'
      ? latinHypercube(samples, ranges.length, uniformStream(scenarioSeed, LHS_STREAM))
      : sobolPoints(samples, ranges.length);
  return { kind, parameters, points: unit.map((u) => u.map((x, j) => scaleToRange(x, ranges[j]))) };
}
