/**
 * A shallow classification tree (CART, Breiman et al. 1984) for a 0/1 label: each node
 * is split on the input and threshold (or set of levels) that lowers the Gini impurity
 * most, down to `maxDepth` (at most 4: a tree an analyst can read) and leaves of at least
 * `minLeaf` design points (futures): replicate runs of one future agree strongly, so a
 * leaf of 10 runs can be one single future, which says nothing about conditions. With one
 * run per point this is rpart's minbucket. Numeric thresholds lie halfway between
 * neighbouring values; the levels of a categorical input are ordered by their share of
 * cases, which makes the best subset split one of the ordered cuts (Breiman et al. 1984,
 * section 9.4). Ties go to the first input and the lowest threshold (deterministic), and
 * the other inputs whose best split is as good are named in `tied`.
 */
import type { Dataset } from './dataset';
import { sortedOrder } from './dataset';

export interface TreeNode {
  /** Rows reaching the node. */
  n: number;
  positives: number;
  density: number;
  /** Design points (futures) with runs reaching the node. */
  points: number;
  /**
   * The rule that sends a row to the left child; absent on leaves. `tied`: other inputs
   * whose best split lowers the impurity just as much (the first input was taken).
   */
  split?: ({ input: string; threshold: number } | { input: string; levels: string[] }) & { tied?: string[] };
  left?: TreeNode;
  right?: TreeNode;
}

export interface CartOptions {
  /** Largest depth (default and maximum 4). */
  maxDepth?: number;
  /** Fewest design points in a leaf (default: 5, or 2 % of the points when that is more). */
  minLeaf?: number;
}

/** The default fewest design points in a leaf for `points` points. */
export const defaultMinLeaf = (points: number) => Math.max(5, Math.ceil(0.02 * points));

export const CART_MAX_DEPTH = 4;

const gini = (n: number, p: number) => (n === 0 ? 0 : 2 * (p / n) * (1 - p / n));

interface Split {
  gain: number;
  input: number;
  threshold: number;
  /** Categorical: level codes going left. */
  levels: number[] | null;
  /** Other inputs with an equally good best split. */
  tied: number[];
}

/** Gains this close count as a tie (sums of a few hundred terms of size <= 1). */
const TIE = 1e-9;

const countPoints = (data: Dataset, rows: Int32Array) => new Set(Array.from(rows, (i) => data.points[i])).size;

/** Fit the tree on every row of `data`. */
export function fitTree(data: Dataset, options: CartOptions = {}): TreeNode {
  const maxDepth = Math.min(CART_MAX_DEPTH, options.maxDepth ?? CART_MAX_DEPTH);
  const minLeaf = options.minLeaf ?? defaultMinLeaf(data.pointCount);
  const orders = data.columns.map((c, j) => (data.levels[j] ? null : sortedOrder(c)));
  const node = new Int32Array(data.rows); // node id of each row
  const all = Int32Array.from({ length: data.rows }, (_, i) => i);
  let nextId = 1;

  const grow = (id: number, rows: Int32Array, depth: number): TreeNode => {
    let positives = 0;
    for (const i of rows) positives += data.y[i];
    const points = countPoints(data, rows);
    const out: TreeNode = { n: rows.length, points, positives, density: rows.length ? positives / rows.length : NaN };
    if (depth >= maxDepth || positives === 0 || positives === rows.length || points < 2 * minLeaf) return out;
    const split = bestSplit(data, orders, node, id, rows, positives, minLeaf);
    if (!split) return out;
    const goesLeft = (i: number) => {
      const v = data.columns[split.input][i];
      return split.levels ? split.levels.includes(v) : v <= split.threshold;
    };
    const left = rows.filter(goesLeft);
    const right = rows.filter((i) => !goesLeft(i));
    const leftId = nextId++;
    const rightId = nextId++;
    for (const i of left) node[i] = leftId;
    for (const i of right) node[i] = rightId;
    const name = data.names[split.input];
    const levels = data.levels[split.input];
    out.split = split.levels && levels ? { input: name, levels: split.levels.map((l) => levels[l]) } : { input: name, threshold: split.threshold };
    if (split.tied.length) out.split.tied = split.tied.map((j) => data.names[j]);
    out.left = grow(leftId, left, depth + 1);
    out.right = grow(rightId, right, depth + 1);
    return out;
  };
  return grow(0, all, 0);
}

function bestSplit(data: Dataset, orders: (Int32Array | null)[], node: Int32Array, id: number, rows: Int32Array, positives: number, minLeaf: number): Split | null {
  const n = rows.length;
  const parent = n * gini(n, positives);
  let best: Split | null = null;
  const bestOf = new Float64Array(data.names.length).fill(-Infinity);
  const consider = (gain: number, input: number, threshold: number, levels: number[] | null) => {
    if (gain > 1e-12) bestOf[input] = Math.max(bestOf[input], gain);
    if (gain > 1e-12 && (!best || gain > best.gain + 1e-12)) best = { gain, input, threshold, levels, tied: [] };
  };
  // Design points on each side: a point's runs may fall on both sides (the arm, when pooled).
  const inNode = new Map<number, number>();
  for (const i of rows) inNode.set(data.points[i], (inNode.get(data.points[i]) ?? 0) + 1);
  const leftRuns = new Map<number, number>();
  for (let j = 0; j < data.names.length; j++) {
    const column = data.columns[j];
    const order = orders[j];
    // The node's rows in the order of input j: presorted for numbers, by share for levels.
    let sequence: Int32Array;
    let key: (i: number) => number;
    let levelOrder: number[] | null = null;
    if (order) {
      sequence = order.filter((i) => node[i] === id);
      key = (i) => column[i];
    } else {
      const L = data.levels[j]!.length;
      const count = new Float64Array(L);
      const pos = new Float64Array(L);
      for (const i of rows) {
        count[column[i]]++;
        pos[column[i]] += data.y[i];
      }
      levelOrder = Array.from({ length: L }, (_, l) => l)
        .filter((l) => count[l] > 0)
        .sort((a, b) => pos[a] / count[a] - pos[b] / count[b] || a - b);
      const rank = new Float64Array(L);
      levelOrder.forEach((l, r) => (rank[l] = r));
      sequence = Int32Array.from(rows).sort((a, b) => rank[column[a]] - rank[column[b]] || a - b);
      key = (i) => rank[column[i]];
    }
    let leftN = 0;
    let leftP = 0;
    let leftPoints = 0;
    let rightPoints = inNode.size;
    leftRuns.clear();
    for (let t = 0; t < sequence.length - 1; t++) {
      const i = sequence[t];
      leftN++;
      leftP += data.y[i];
      const point = data.points[i];
      const before = leftRuns.get(point) ?? 0;
      leftRuns.set(point, before + 1);
      if (before === 0) leftPoints++;
      if (before + 1 === inNode.get(point)) rightPoints--;
      const here = key(i);
      const next = key(sequence[t + 1]);
      if (here === next || leftPoints < minLeaf || rightPoints < minLeaf) continue;
      const gain = parent - leftN * gini(leftN, leftP) - (n - leftN) * gini(n - leftN, positives - leftP);
      if (levelOrder) consider(gain, j, NaN, levelOrder.slice(0, here + 1));
      else consider(gain, j, (here + next) / 2, null);
    }
  }
  const chosen = best as Split | null;
  if (chosen) chosen.tied = Array.from(bestOf.keys()).filter((j) => j !== chosen.input && Math.abs(bestOf[j] - chosen.gain) <= TIE * Math.max(1, chosen.gain));
  return chosen;
}

/** The leaves as rules ("openness <= 0.1 and closure > 0.5"), with their rows and density. */
export function treeLeaves(tree: TreeNode): { rule: string[]; n: number; points: number; positives: number; density: number }[] {
  const out: { rule: string[]; n: number; points: number; positives: number; density: number }[] = [];
  const walk = (t: TreeNode, rule: string[]) => {
    if (!t.split || !t.left || !t.right) {
      out.push({ rule, n: t.n, points: t.points, positives: t.positives, density: t.density });
      return;
    }
    const s = t.split;
    if ('threshold' in s) {
      walk(t.left, [...rule, `${s.input} <= ${fmtNumber(s.threshold)}`]);
      walk(t.right, [...rule, `${s.input} > ${fmtNumber(s.threshold)}`]);
    } else {
      walk(t.left, [...rule, `${s.input} in {${s.levels.join(', ')}}`]);
      walk(t.right, [...rule, `${s.input} not in {${s.levels.join(', ')}}`]);
    }
  };
  walk(tree, []);
  return out;
}

const fmtNumber = (x: number) => String(Number(x.toPrecision(4)));
