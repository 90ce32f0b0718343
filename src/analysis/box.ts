/**
 * A box in input space: an interval per numeric input, a set of allowed levels per
 * categorical one. Rows are in the box when every input satisfies its restriction
 * (lo <= x <= hi; level allowed).
 */
import { columnRange, type Dataset } from './dataset';

export interface Box {
  lo: Float64Array;
  hi: Float64Array;
  /** Per categorical input: 1 = level allowed; null for numeric inputs. */
  allowed: (Uint8Array | null)[];
}

/** How a box fares on the data. */
export interface BoxStats {
  /** Rows in the box. */
  n: number;
  /** Cases of interest in the box. */
  positives: number;
  /** Share of all cases of interest that lie in the box. */
  coverage: number;
  /** Share of the rows in the box that are cases of interest. */
  density: number;
  /** Share of all rows in the box. */
  mass: number;
}

/** The box holding every row: each input's full range, every level. */
export function fullBox(data: Dataset): Box {
  const d = data.names.length;
  const lo = new Float64Array(d);
  const hi = new Float64Array(d);
  const allowed: (Uint8Array | null)[] = [];
  for (let j = 0; j < d; j++) {
    const levels = data.levels[j];
    if (levels) {
      allowed.push(new Uint8Array(levels.length).fill(1));
      continue;
    }
    [lo[j], hi[j]] = columnRange(data.columns[j]);
    allowed.push(null);
  }
  return { lo, hi, allowed };
}

export function copyBox(box: Box): Box {
  return { lo: box.lo.slice(), hi: box.hi.slice(), allowed: box.allowed.map((a) => (a ? a.slice() : null)) };
}

/** Does row i satisfy the restriction of input j? */
export function satisfies(data: Dataset, box: Box, j: number, i: number): boolean {
  const v = data.columns[j][i];
  const allowed = box.allowed[j];
  return allowed ? allowed[v] === 1 : v >= box.lo[j] && v <= box.hi[j];
}

/** Row membership of a box, optionally ignoring one input's restriction. */
export function membership(data: Dataset, box: Box, ignore = -1): Uint8Array {
  const inside = new Uint8Array(data.rows).fill(1);
  for (let j = 0; j < data.names.length; j++) {
    if (j === ignore) continue;
    for (let i = 0; i < data.rows; i++) if (inside[i] && !satisfies(data, box, j, i)) inside[i] = 0;
  }
  return inside;
}

/** Coverage, density and mass of the rows flagged in `inside`. */
export function boxStats(data: Dataset, inside: Uint8Array): BoxStats {
  let n = 0;
  let positives = 0;
  let total = 0;
  for (let i = 0; i < data.rows; i++) {
    total += data.y[i];
    if (inside[i]) {
      n++;
      positives += data.y[i];
    }
  }
  return { n, positives, coverage: total ? positives / total : NaN, density: n ? positives / n : NaN, mass: data.rows ? n / data.rows : NaN };
}

/** Is input j restricted by `box` compared with the full box? */
export function isRestricted(box: Box, full: Box, j: number): boolean {
  const a = box.allowed[j];
  const f = full.allowed[j];
  if (a && f) return a.some((v, k) => v !== f[k]);
  return box.lo[j] > full.lo[j] || box.hi[j] < full.hi[j];
}

/** The inputs a box restricts, in input order. */
export function restrictedInputs(box: Box, full: Box): number[] {
  const out: number[] = [];
  for (let j = 0; j < box.lo.length; j++) if (isRestricted(box, full, j)) out.push(j);
  return out;
}

/** A box's limits as plain data: [lo, hi] per numeric input, allowed levels per categorical. */
export function boxLimits(data: Dataset, box: Box): Record<string, [number, number] | string[]> {
  const out: Record<string, [number, number] | string[]> = {};
  data.names.forEach((name, j) => {
    const levels = data.levels[j];
    const allowed = box.allowed[j];
    out[name] = levels && allowed ? levels.filter((_, k) => allowed[k] === 1) : [box.lo[j], box.hi[j]];
  });
  return out;
}
