/**
 * PRIM, the Patient Rule Induction Method (Friedman and Fisher 1999), as used for
 * scenario discovery (Bryant and Lempert 2010): starting from the box holding every run,
 * peel off a slice of share `peelAlpha` from one side of one input (or one level of a
 * categorical input), each time the peel that leaves the highest share of cases of
 * interest, while that share rises and the box keeps at least `massMin` of the rows. The
 * boxes passed form the peeling trajectory (coverage falls, density rises). A box chosen
 * from it is then pasted: slices of share `pasteAlpha` are added back while that raises
 * the density. Ties go to the first input and the lower side, so the result is a pure
 * function of the data.
 *
 * Speed: each input is sorted once; a peel reads the sorted values from the box's edge
 * inwards, so a step costs O(rows x inputs) at worst.
 */
import { boxStats, copyBox, fullBox, membership, restrictedInputs, satisfies, type Box, type BoxStats } from './box';
import { sortedOrder, type Dataset } from './dataset';

export interface PrimOptions {
  /** Share of the box's rows removed per peel (default 0.05). */
  peelAlpha?: number;
  /** Share of the box's rows added back per paste (default 0.05). */
  pasteAlpha?: number;
  /** Smallest share of all rows a box may keep (default 0.05). */
  massMin?: number;
}

export const PRIM_DEFAULTS = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05 } as const;

export interface TrajectoryStep {
  box: Box;
  stats: BoxStats;
  /** Indices of the inputs the box restricts. */
  restricted: number[];
}

interface Move {
  input: number;
  /** 'lower' / 'upper': a new limit; 'level': a level removed (peel) or added (paste). */
  side: 'lower' | 'upper' | 'level';
  limit: number;
  rows: number;
  positives: number;
}

/** Index of the first element of a sorted array that is >= x (strict: > x). */
function search(sorted: Float64Array, x: number, strict: boolean): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (sorted[m] < x || (strict && sorted[m] === x)) a = m + 1;
    else b = m;
  }
  return a;
}
const firstAtLeast = (sorted: Float64Array, x: number) => search(sorted, x, false);
const firstAbove = (sorted: Float64Array, x: number) => search(sorted, x, true);

/** Precomputed sort orders of the numeric inputs. */
export class PrimData {
  readonly order: (Int32Array | null)[];
  readonly sorted: (Float64Array | null)[];
  constructor(readonly data: Dataset) {
    this.order = data.columns.map((c, j) => (data.levels[j] ? null : sortedOrder(c)));
    this.sorted = this.order.map((o, j) => {
      if (!o) return null;
      const column = data.columns[j];
      const sorted = new Float64Array(o.length);
      for (let t = 0; t < o.length; t++) sorted[t] = column[o[t]];
      return sorted;
    });
  }
}

/**
 * The peel of numeric input j from one side: the k in-box rows nearest that side (ties
 * with the k-th included), with the new limit halfway to the next row kept.
 */
function numericPeel(pd: PrimData, box: Box, inside: Uint8Array, j: number, k: number, side: 'lower' | 'upper'): Move | null {
  const order = pd.order[j]!;
  const sorted = pd.sorted[j]!;
  const { y } = pd.data;
  const up = side === 'lower';
  const start = up ? firstAtLeast(sorted, box.lo[j]) : firstAbove(sorted, box.hi[j]) - 1;
  let rows = 0;
  let positives = 0;
  let edge = NaN;
  for (let t = start; up ? t < sorted.length : t >= 0; t += up ? 1 : -1) {
    const i = order[t];
    if (!inside[i]) continue;
    const v = sorted[t];
    if (rows >= k && v !== edge) return { input: j, side, limit: (edge + v) / 2, rows, positives };
    rows++;
    positives += y[i];
    edge = v;
  }
  return null; // the peel would empty the box
}

/** Every admissible peel of the box, best first is chosen by the caller. */
function peels(pd: PrimData, box: Box, inside: Uint8Array, n: number, k: number): Move[] {
  const { data } = pd;
  const moves: Move[] = [];
  for (let j = 0; j < data.names.length; j++) {
    const allowed = box.allowed[j];
    if (!allowed) {
      for (const side of ['lower', 'upper'] as const) {
        const m = numericPeel(pd, box, inside, j, k, side);
        if (m) moves.push(m);
      }
      continue;
    }
    const count = new Float64Array(allowed.length);
    const pos = new Float64Array(allowed.length);
    const column = data.columns[j];
    for (let i = 0; i < data.rows; i++) {
      if (!inside[i]) continue;
      count[column[i]]++;
      pos[column[i]] += data.y[i];
    }
    let present = 0;
    for (const c of count) if (c > 0) present++;
    if (present < 2) continue;
    for (let l = 0; l < allowed.length; l++) if (count[l] > 0 && count[l] < n) moves.push({ input: j, side: 'level', limit: l, rows: count[l], positives: pos[l] });
  }
  return moves;
}

function applyPeel(data: Dataset, box: Box, inside: Uint8Array, m: Move): void {
  if (m.side === 'lower') box.lo[m.input] = m.limit;
  else if (m.side === 'upper') box.hi[m.input] = m.limit;
  else box.allowed[m.input]![m.limit] = 0;
  for (let i = 0; i < data.rows; i++) if (inside[i] && !satisfies(data, box, m.input, i)) inside[i] = 0;
}

/** The peeling trajectory: the full box first, then one box per accepted peel. */
export function peelingTrajectory(pd: PrimData, options: PrimOptions = {}): TrajectoryStep[] {
  const { peelAlpha, massMin } = { ...PRIM_DEFAULTS, ...options };
  const { data } = pd;
  const full = fullBox(data);
  const box = copyBox(full);
  const inside = new Uint8Array(data.rows).fill(1);
  const steps: TrajectoryStep[] = [{ box: copyBox(box), stats: boxStats(data, inside), restricted: [] }];
  for (;;) {
    const { n, positives } = steps[steps.length - 1].stats;
    const mean = positives / n;
    const k = Math.max(1, Math.ceil(peelAlpha * n));
    let best: Move | null = null;
    let bestMean = mean;
    for (const m of peels(pd, box, inside, n, k)) {
      const left = n - m.rows;
      if (left < massMin * data.rows) continue;
      const after = (positives - m.positives) / left;
      if (after > bestMean) {
        best = m;
        bestMean = after;
      }
    }
    if (!best) return steps;
    applyPeel(data, box, inside, best);
    steps.push({ box: copyBox(box), stats: boxStats(data, inside), restricted: restrictedInputs(box, full) });
  }
}

/**
 * Pasting: grows `start` by the slice (or level) that raises its density most, while
 * one does. Candidates are rows that fail only one restriction.
 */
export function paste(pd: PrimData, start: Box, options: PrimOptions = {}): Box {
  const { pasteAlpha } = { ...PRIM_DEFAULTS, ...options };
  const { data } = pd;
  const full = fullBox(data);
  const box = copyBox(start);
  const d = data.names.length;
  const failing = new Uint8Array(data.rows);
  const failedInput = new Int32Array(data.rows);
  for (let round = 0; round < 10_000; round++) {
    failing.fill(0);
    for (let j = 0; j < d; j++) {
      for (let i = 0; i < data.rows; i++) {
        if (failing[i] > 1 || satisfies(data, box, j, i)) continue;
        failing[i]++;
        failedInput[i] = j;
      }
    }
    let n = 0;
    let positives = 0;
    const near: number[][] = Array.from({ length: d }, () => []);
    for (let i = 0; i < data.rows; i++) {
      if (failing[i] === 0) {
        n++;
        positives += data.y[i];
      } else if (failing[i] === 1) near[failedInput[i]].push(i);
    }
    const k = Math.max(1, Math.ceil(pasteAlpha * n));
    let best: Move | null = null;
    let bestMean = positives / n;
    for (let j = 0; j < d; j++) {
      for (const m of pastes(data, box, full, j, near[j], k)) {
        const after = (positives + m.positives) / (n + m.rows);
        if (after > bestMean) {
          best = m;
          bestMean = after;
        }
      }
    }
    if (!best) return box;
    if (best.side === 'lower') box.lo[best.input] = best.limit;
    else if (best.side === 'upper') box.hi[best.input] = best.limit;
    else box.allowed[best.input]![best.limit] = 1;
  }
  return box;
}

/** The pastes of input j: the k nearest outside rows below, above, or one excluded level. */
function pastes(data: Dataset, box: Box, full: Box, j: number, rows: number[], k: number): Move[] {
  const column = data.columns[j];
  const allowed = box.allowed[j];
  if (allowed) {
    const count = new Map<number, [number, number]>();
    for (const i of rows) {
      const c = count.get(column[i]) ?? [0, 0];
      c[0]++;
      c[1] += data.y[i];
      count.set(column[i], c);
    }
    return [...count.entries()].sort((a, b) => a[0] - b[0]).map(([l, [n, p]]) => ({ input: j, side: 'level', limit: l, rows: n, positives: p }));
  }
  const out: Move[] = [];
  const below = rows.filter((i) => column[i] < box.lo[j]).sort((a, b) => column[b] - column[a] || a - b);
  const above = rows.filter((i) => column[i] > box.hi[j]).sort((a, b) => column[a] - column[b] || a - b);
  for (const [side, list] of [['lower', below], ['upper', above]] as const) {
    if (list.length === 0) continue;
    let taken = Math.min(k, list.length);
    while (taken < list.length && column[list[taken]] === column[list[taken - 1]]) taken++;
    let positives = 0;
    for (let t = 0; t < taken; t++) positives += data.y[list[t]];
    const edge = column[list[taken - 1]];
    const limit = taken < list.length ? (edge + column[list[taken]]) / 2 : side === 'lower' ? full.lo[j] : full.hi[j];
    out.push({ input: j, side, limit, rows: taken, positives });
  }
  return out;
}

/** The default choice from a trajectory: the box with the largest coverage x density. */
export function defaultChoice(steps: readonly { stats: BoxStats }[]): number {
  let best = 0;
  let bestScore = -Infinity;
  steps.forEach((s, k) => {
    const score = s.stats.coverage * s.stats.density;
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  });
  return best;
}

export { membership };
