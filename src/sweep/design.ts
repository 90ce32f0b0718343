/**
 * A sweep's design: the swept parameters (dot paths, in the order the scenario lists
 * them) and one row of values per point. Built once from the `sweep:` block; pure.
 */
import type { SweepSpec } from '../scenario/schema';
import { gridPoints, gridSize } from './designs/grid';
import { latinHypercube } from './designs/lhs';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './designs/sobol';
import { formatProblem } from '../scenario/errors';
import { badInput, sweepMessages as msg } from './messages';
import { uniformStream } from './seed';

export type ParameterValue = number | string | boolean;
export interface Range { min: number; max: number; integer: boolean }
export type DesignKind = 'grid' | 'lhs' | 'sobol';

export interface Design {
  kind: DesignKind;
  /** Swept dot paths, one column each in runs.csv. */
  parameters: string[];
  /** points[i][j]: value of parameters[j] at point i. */
  points: ParameterValue[][];
}

/** Largest design accepted (points x arms x replicates is bounded separately by time). */
export const MAX_POINTS = 1_000_000;
/** Stream tag of the LHS uniforms (distinct from anything else drawn from the seed). */
const LHS_STREAM = 0x4c48;

const isRange = (v: unknown): v is Range => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Maps u in [0, 1) onto a range; integer ranges give each whole number an equal share. */
export function scaleToRange(u: number, r: Range): number {
  if (!r.integer) return r.min + u * (r.max - r.min);
  const lo = Math.ceil(r.min);
  const hi = Math.floor(r.max);
  return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
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
  if (kind === 'grid') {
    for (const [path, v] of entries) {
      if (isRange(v)) problems.push({ path: at(path), ...msg.rangeInGrid(path) });
      else if (v.length === 0) problems.push({ path: at(path), ...msg.emptyValues(path) });
    }
    const size = gridSize(entries.map(([, v]) => (isRange(v) ? [v] : v)));
    if (size > MAX_POINTS) problems.push({ path: ['sweep', 'parameters'], ...msg.tooManyPoints(size, MAX_POINTS) });
    return problems;
  }
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
 * with problems (see designProblems) is refused with the first of them.
 */
export function buildDesign(spec: SweepSpec | undefined, scenarioSeed: number): Design {
  const kind: DesignKind = spec?.design ?? 'grid';
  const entries = Object.entries(spec?.parameters ?? {});
  const parameters = entries.map(([path]) => path);
  const problem = designProblems(spec)[0];
  if (problem) badInput(formatProblem(problem));

  if (kind === 'grid') return { kind, parameters, points: gridPoints(entries.map(([, v]) => v as ParameterValue[])) as ParameterValue[][] };
  const ranges = entries.map(([, v]) => v as Range);
  const samples = spec!.samples!;
  const unit =
    kind === 'lhs'
      ? latinHypercube(samples, ranges.length, uniformStream(scenarioSeed, LHS_STREAM))
      : sobolPoints(samples, ranges.length);
  return { kind, parameters, points: unit.map((u) => u.map((x, j) => scaleToRange(x, ranges[j]))) };
}
