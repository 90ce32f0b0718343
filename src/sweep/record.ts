/**
 * The run record: one line of runs.ndjson (format in docs/ARCHITECTURE.md). `key` is
 * written first so tools can read it without parsing the long series. Non-finite numbers
 * (NaN: undefined outcome) are written as null by JSON and read back as NaN.
 */
import type { PlannedRun } from './plan';
import type { ModelResult } from '../models';
import type { ParameterValue } from './design';

/** What a worker returns for a run: the model's result, typed arrays transferred. */
export type RunOutput = ModelResult;

export interface RunRecord {
  key: string;
  point: number;
  arm: string;
  arm_index: number;
  replicate: number;
  seed: number;
  params: Record<string, ParameterValue>;
  status: 'ok' | 'failed';
  error: string | null;
  wall_seconds: number;
  agents?: number;
  ticks?: number;
  outcomes?: Record<string, number | null>;
  /** Why the run is degenerate (model/outcomes.ts DEGENERATE_REASONS), else null; absent in records of lrsim before it. */
  degenerate?: string | null;
  columns?: string[];
  series?: (number | null)[][];
  place_names?: string[];
  place_flows?: (number | null)[];
  /** Tacit place flows per block of `place_flow_window` ticks: one P x P array per block. */
  place_flow_window?: number;
  place_flow_blocks?: (number | null)[][];
}

/** The swept values of a point, by dot path. */
export function pointParams(parameters: readonly string[], values: readonly ParameterValue[]): Record<string, ParameterValue> {
  return Object.fromEntries(parameters.map((p, j) => [p, values[j]]));
}

/** The identity of a run, first in every record (the key leads). */
function recordHead(run: PlannedRun, params: Record<string, ParameterValue>) {
  return { key: run.key, point: run.point, arm: run.arm, arm_index: run.armIndex, replicate: run.replicate, seed: run.seed, params };
}

/** The record of a finished run. */
export function okRecord(run: PlannedRun, params: Record<string, ParameterValue>, out: RunOutput): RunRecord {
  const width = out.columns.length;
  const series: number[][] = [];
  for (let r = 0; r < out.rows; r++) series.push(Array.from(out.series.subarray(r * width, (r + 1) * width)));
  return {
    ...recordHead(run, params),
    status: 'ok',
    error: null,
    wall_seconds: round3(out.wallSeconds),
    agents: out.agents,
    ticks: out.ticks,
    outcomes: out.outcomes,
    degenerate: out.degenerate,
    columns: [...out.columns],
    series,
    place_names: out.placeNames,
    place_flows: Array.from(out.placeFlows),
    ...(out.placeFlowBlocks.length > 0 ? { place_flow_window: out.placeFlowWindow, place_flow_blocks: blocksOf(out.placeFlowBlocks, out.placeFlows.length) } : {}),
  };
}

/** The record of a run that threw (or whose worker died). */
export function failedRecord(run: PlannedRun, params: Record<string, ParameterValue>, error: unknown, wallSeconds: number): RunRecord {
  return {
    ...recordHead(run, params),
    status: 'failed',
    error: errorText(error),
    wall_seconds: round3(wallSeconds),
  };
}

/** One line of text for an error, whatever was thrown. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A flat array of equal blocks as an array of blocks. */
function blocksOf(flat: Float64Array, size: number): number[][] {
  const out: number[][] = [];
  for (let b = 0; size > 0 && b + size <= flat.length; b += size) out.push(Array.from(flat.subarray(b, b + size)));
  return out;
}
