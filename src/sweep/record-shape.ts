/**
 * Checking that a line of runs.ndjson is a whole run record of the shape `RunRecord`
 * (src/sweep/record.ts) before anything uses it. A record damaged in the middle of a store
 * (a disk error, an edit, two writers) can still be valid JSON ending in `}`; reading it
 * as a record would fail much later, naming no file. Checked field by field, so the
 * message names the first wrong field. Cost: one pass over the series (no copies).
 */

const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
const isNumberOrNull = (v: unknown) => v === null || typeof v === 'number';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first problem of `value` as a run record ("field: what"), or null when it is one. */
export function recordProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not a JSON object';
  const r = value;
  if (typeof r.key !== 'string' || r.key === '') return 'key: missing or not text';
  if (!isInt(r.point) || (r.point as number) < 0) return 'point: not a whole number >= 0';
  if (typeof r.arm !== 'string') return 'arm: not text';
  if (!isInt(r.arm_index) || (r.arm_index as number) < 0) return 'arm_index: not a whole number >= 0';
  if (!isInt(r.replicate) || (r.replicate as number) < 0) return 'replicate: not a whole number >= 0';
  if (!isInt(r.seed) || (r.seed as number) < 0 || (r.seed as number) >= 2 ** 32) return 'seed: not a whole number from 0 to 4294967295';
  if (!isObject(r.params)) return 'params: not a mapping';
  for (const [k, v] of Object.entries(r.params)) {
    if (!['number', 'string', 'boolean'].includes(typeof v)) return `params.${k}: not a number, text or boolean`;
  }
  if (typeof r.wall_seconds !== 'number') return 'wall_seconds: not a number';
  if (r.status === 'failed') return typeof r.error === 'string' ? null : 'error: a failed run has no error text';
  if (r.status !== 'ok') return 'status: neither "ok" nor "failed"';
  if (!isObject(r.outcomes)) return 'outcomes: not a mapping';
  for (const [k, v] of Object.entries(r.outcomes)) if (!isNumberOrNull(v)) return `outcomes.${k}: not a number`;
  if (!Array.isArray(r.columns) || !r.columns.every((c) => typeof c === 'string')) return 'columns: not a list of names';
  const width = r.columns.length;
  if (!Array.isArray(r.series)) return 'series: not a list of rows';
  for (let i = 0; i < r.series.length; i++) {
    const row = r.series[i] as unknown;
    if (!Array.isArray(row) || row.length !== width) return `series.${i}: not a row of ${width} values`;
    for (const x of row) if (!isNumberOrNull(x)) return `series.${i}: holds a value that is not a number`;
  }
  if (r.place_flows !== undefined && !(Array.isArray(r.place_flows) && r.place_flows.every(isNumberOrNull))) return 'place_flows: not a list of numbers';
  if (r.place_flow_blocks !== undefined) {
    if (!Array.isArray(r.place_flow_blocks)) return 'place_flow_blocks: not a list';
    for (let b = 0; b < r.place_flow_blocks.length; b++) {
      const block = r.place_flow_blocks[b] as unknown;
      if (!Array.isArray(block) || !block.every(isNumberOrNull)) return `place_flow_blocks.${b}: not a list of numbers`;
    }
  }
  return null;
}

/** Parses one store line: the record, or the problem ("field: what" or a JSON error). */
export function parseRecordLine(text: string, problemOf: (value: unknown) => string | null = recordProblem): { record: Record<string, unknown> & { key: string; status: string } } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  const problem = problemOf(value);
  return problem ? { problem } : { record: value as Record<string, unknown> & { key: string; status: string } };
}
