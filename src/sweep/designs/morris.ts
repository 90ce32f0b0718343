/**
 * Morris's elementary-effects design (Morris 1991): r trajectories of D + 1 points on a
 * p-level grid of [0, 1]^D; each step moves one factor by delta = p / (2 (p - 1)), every
 * factor once, in random order and direction. With a pool size M > r, Campolongo,
 * Cariboni & Saltelli (2007) choose the r of M random trajectories that are most spread
 * out; here greedily (the farthest pair, then repeatedly the trajectory farthest in sum
 * from those chosen), a cheap stand-in for their exhaustive search, as SALib's `local`
 * optimiser is.
 */

/** The step of a p-level grid. */
export const morrisDelta = (levels: number) => levels / (2 * (levels - 1));

/** One random trajectory: D + 1 rows in [0, 1]^D. */
function trajectory(d: number, levels: number, uniform: () => number): number[][] {
  const delta = morrisDelta(levels);
  const low = new Array<number>(d);
  const up = new Array<boolean>(d);
  // The lower end of each factor's step is a grid level with room for delta above it.
  for (let i = 0; i < d; i++) {
    low[i] = Math.floor(uniform() * (levels / 2)) / (levels - 1);
    up[i] = uniform() < 0.5;
  }
  const order = Array.from({ length: d }, (_, i) => i);
  for (let i = d - 1; i > 0; i--) {
    const k = Math.floor(uniform() * (i + 1));
    [order[i], order[k]] = [order[k], order[i]];
  }
  const x = low.map((v, i) => (up[i] ? v : v + delta));
  const rows = [x.slice()];
  for (const i of order) {
    x[i] = up[i] ? low[i] + delta : low[i];
    rows.push(x.slice());
  }
  return rows;
}

/** Sum of the Euclidean distances between every point of one trajectory and every point of another. */
function spread(a: number[][], b: number[][]): number {
  let total = 0;
  for (const p of a) {
    for (const q of b) {
      let s = 0;
      for (let i = 0; i < p.length; i++) s += (p[i] - q[i]) ** 2;
      total += Math.sqrt(s);
    }
  }
  return total;
}

/** Greedy Campolongo selection of r of the pool's trajectories (indices, in pool order). */
function mostSpread(pool: number[][][], r: number): number[] {
  const m = pool.length;
  const dist = Array.from({ length: m }, () => new Float64Array(m));
  let best = [0, 1];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      dist[i][j] = dist[j][i] = spread(pool[i], pool[j]);
      if (dist[i][j] > dist[best[0]][best[1]]) best = [i, j];
    }
  }
  const chosen = r >= 2 ? best : [0];
  while (chosen.length < r) {
    let pick = -1;
    let far = -1;
    for (let i = 0; i < m; i++) {
      if (chosen.includes(i)) continue;
      const s = chosen.reduce((acc, c) => acc + dist[i][c], 0);
      if (s > far) [pick, far] = [i, s];
    }
    chosen.push(pick);
  }
  return chosen.sort((a, b) => a - b);
}

/** r trajectories (r (D + 1) rows, trajectory by trajectory), from a pool of `pool` when pool > r. */
export function morrisDesign(r: number, d: number, levels: number, uniform: () => number, pool = r): number[][] {
  const candidates = Array.from({ length: Math.max(pool, r) }, () => trajectory(d, levels, uniform));
  const picked = pool > r ? mostSpread(candidates, r).map((i) => candidates[i]) : candidates;
  return picked.flat();
}
