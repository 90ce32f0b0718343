/**
 * The input of scenario discovery: one row per run, one column per uncertain input
 * (numeric, or categorical coded 0..L-1), and a 0/1 label per row (the case of interest).
 * Built once from plain records; PRIM and CART only read it.
 */

export interface Dataset {
  /** Input names (swept dot paths, and `arm` when arms are pooled). */
  names: string[];
  /** columns[j][i]: value of input j in row i (categorical: the level's index). */
  columns: Float64Array[];
  /** levels[j]: the level names of a categorical input, null for a numeric one. */
  levels: (string[] | null)[];
  /** 1 = case of interest. */
  y: Uint8Array;
  rows: number;
  /**
   * points[i]: the design point (future) of row i, numbered 0..pointCount-1. Replicate
   * runs of one future agree strongly, so tests and leaf sizes count futures, not runs.
   */
  points: Int32Array;
  pointCount: number;
}

/** A row as read from a sweep: input values by name, and its label. */
export interface LabelledRow {
  inputs: Record<string, unknown>;
  label: boolean;
  /** The design point the run belongs to (default: every row its own point). */
  point?: number;
}

/**
 * Columns from rows: an input whose values are all finite numbers is numeric, anything
 * else is categorical with its levels in sorted order (so the coding does not depend on
 * row order).
 */
export function buildDataset(names: readonly string[], rows: readonly LabelledRow[]): Dataset {
  const columns: Float64Array[] = [];
  const levels: (string[] | null)[] = [];
  for (const name of names) {
    const values = rows.map((r) => r.inputs[name]);
    if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      columns.push(Float64Array.from(values as number[]));
      levels.push(null);
      continue;
    }
    const text = values.map((v) => String(v));
    const names = [...new Set(text)].sort();
    const code = new Map(names.map((l, k) => [l, k]));
    columns.push(Float64Array.from(text, (t) => code.get(t)!));
    levels.push(names);
  }
  const ids = new Map<number, number>();
  const points = Int32Array.from(rows, (r, i) => {
    const key = r.point ?? -1 - i;
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
  return { names: [...names], columns, levels, y: Uint8Array.from(rows, (r) => (r.label ? 1 : 0)), rows: rows.length, points, pointCount: ids.size };
}

/** Each row its own design point (data that are not runs of a sweep: tests, benchmarks). */
export function onePointPerRow(rows: number): { points: Int32Array; pointCount: number } {
  return { points: Int32Array.from({ length: rows }, (_, i) => i), pointCount: rows };
}

/** The smallest and largest value of a column. */
export function columnRange(column: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * Row indices sorted by a column's value, ties by row index (deterministic). A stable LSD
 * radix sort on the IEEE-754 bits (4 passes of 16 bits): a comparison sort with a
 * callback took seconds for 100,000 rows x 20 inputs, this takes milliseconds.
 */
export function sortedOrder(column: Float64Array): Int32Array {
  const n = column.length;
  const bits = new Uint32Array(column.buffer.slice(column.byteOffset, column.byteOffset + 8 * n)); // little-endian: [lo, hi] per value
  // Map the bits so unsigned order is numeric order: flip all bits of negatives, the sign of positives.
  for (let i = 0; i < n; i++) {
    const hi = bits[2 * i + 1];
    if (hi & 0x80000000) {
      bits[2 * i] = ~bits[2 * i] >>> 0;
      bits[2 * i + 1] = ~hi >>> 0;
    } else bits[2 * i + 1] = (hi | 0x80000000) >>> 0;
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const count = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let t = 0; t < n; t++) count[((bits[2 * order[t] + word] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) count[d + 1] += count[d];
    for (let t = 0; t < n; t++) {
      const i = order[t];
      next[count[(bits[2 * i + word] >>> shift) & 0xffff]++] = i;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
