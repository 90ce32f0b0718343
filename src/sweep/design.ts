/**
 * A sweep's design: the swept parameters (dot paths, in the order the scenario lists
 * them) and one row of values per point. Built once from the `sweep:` block; pure.
 */
import type { SweepSpec } from '../scenario/schema';
import { gridPoints, gridSize } from './designs/grid';
import { latinHypercube } from './designs/lhs';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './designs/sobol';
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

/** The design of a sweep block (none: a single point with no swept parameters). */
export function buildDesign(spec: SweepSpec | undefined, scenarioSeed: number): Design {
  const kind: DesignKind = spec?.design ?? 'grid';
  const entries = Object.entries(spec?.parameters ?? {});
  const parameters = entries.map(([path]) => path);

  if (kind === 'grid') {
    const lists = entries.map(([path, v]) => {
      if (isRange(v)) badInput(msg.rangeInGrid(path));
      if (v.length === 0) badInput(msg.emptyValues(path));
      return v as ParameterValue[];
    });
    const size = gridSize(lists);
    if (size > MAX_POINTS) badInput(msg.tooManyPoints(size, MAX_POINTS));
    return { kind, parameters, points: gridPoints(lists) as ParameterValue[][] };
  }

  if (entries.length === 0) badInput(msg.noRanges(kind));
  const ranges = entries.map(([path, v]) => {
    if (!isRange(v)) badInput(msg.listInSampled(path, kind));
    if (v.min > v.max) badInput(msg.minAboveMax(path, v.min, v.max));
    return v;
  });
  const samples = spec?.samples;
  if (samples === undefined || samples < 1) badInput(msg.noSamples(kind));
  if (kind === 'sobol' && ranges.length > SOBOL_MAX_DIMENSIONS) {
    badInput(msg.tooManySobolDimensions(ranges.length, SOBOL_MAX_DIMENSIONS));
  }
  const unit =
    kind === 'lhs'
      ? latinHypercube(samples, ranges.length, uniformStream(scenarioSeed, LHS_STREAM))
      : sobolPoints(samples, ranges.length);
  return { kind, parameters, points: unit.map((u) => u.map((x, j) => scaleToRange(x, ranges[j]))) };
}
