/**
 * The network of Cowan and Jonard (2004): a ring lattice where each agent knows its n
 * nearest neighbours, each edge rewired with probability p (Watts and Strogatz 1998), in
 * compressed sparse rows. Built once per run; path length and clustering are measured once.
 */
import type { Rng } from '../../model/rng';

export interface Network {
  agents: number;
  /** neighbours of agent i: adjacency[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  adjacency: Int32Array;
}

/**
 * Watts-Strogatz: for each agent i and each lattice step j = 1..n/2 in turn, the edge
 * (i, i + j) keeps its far end with probability 1 - p, else the far end moves to an agent
 * drawn uniformly among those that are neither i nor already linked to i.
 */
export function wattsStrogatz(agents: number, neighbours: number, p: number, rng: Rng): Network {
  const half = neighbours >> 1;
  const E = agents * half;
  const from = new Int32Array(E);
  const to = new Int32Array(E);
  const linked = new Set<number>(); // init only: duplicate-edge checks while rewiring
  const key = (a: number, b: number) => (a < b ? a * agents + b : b * agents + a);
  let e = 0;
  for (let i = 0; i < agents; i++)
    for (let j = 1; j <= half; j++) {
      from[e] = i;
      to[e] = (i + j) % agents;
      linked.add(key(i, to[e]));
      e++;
    }
  const degree = new Int32Array(agents).fill(2 * half);
  for (let j = 1; j <= half; j++)
    for (let i = 0; i < agents; i++) {
      if (p <= 0 || rng.random() >= p) continue;
      const edge = i * half + (j - 1);
      if (degree[i] >= agents - 1) continue; // i is linked to everyone: nowhere to go
      let target: number;
      do target = rng.int(agents);
      while (target === i || linked.has(key(i, target)));
      linked.delete(key(i, to[edge]));
      degree[to[edge]]--;
      to[edge] = target;
      degree[target]++;
      linked.add(key(i, target));
    }
  return fromEdges(agents, from, to);
}

/** Compressed sparse rows of an undirected edge list. */
export function fromEdges(agents: number, from: Int32Array, to: Int32Array): Network {
  const offsets = new Int32Array(agents + 1);
  for (let e = 0; e < from.length; e++) {
    offsets[from[e] + 1]++;
    offsets[to[e] + 1]++;
  }
  for (let i = 0; i < agents; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, agents);
  const adjacency = new Int32Array(2 * from.length);
  for (let e = 0; e < from.length; e++) {
    adjacency[fill[from[e]]++] = to[e];
    adjacency[fill[to[e]]++] = from[e];
  }
  return { agents, offsets, adjacency };
}

/** Mean shortest path length over ordered pairs that are connected (breadth-first search from every agent). */
export function averagePathLength(net: Network): number {
  const { agents, offsets, adjacency } = net;
  const dist = new Int32Array(agents);
  const queue = new Int32Array(agents);
  let total = 0;
  let pairs = 0;
  for (let s = 0; s < agents; s++) {
    dist.fill(-1);
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = adjacency[k];
        if (dist[v] >= 0) continue;
        dist[v] = dist[u] + 1;
        total += dist[v];
        pairs++;
        queue[tail++] = v;
      }
    }
  }
  return pairs > 0 ? total / pairs : Number.NaN;
}

/** Mean local clustering coefficient (Watts and Strogatz 1998); agents with fewer than two neighbours count 0. */
export function clusteringCoefficient(net: Network): number {
  const { agents, offsets, adjacency } = net;
  const mark = new Int32Array(agents).fill(-1);
  let sum = 0;
  for (let i = 0; i < agents; i++) {
    const deg = offsets[i + 1] - offsets[i];
    if (deg < 2) continue;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) mark[adjacency[k]] = i;
    let closed = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const u = adjacency[k];
      for (let l = offsets[u]; l < offsets[u + 1]; l++) if (mark[adjacency[l]] === i) closed++;
    }
    sum += closed / (deg * (deg - 1)); // each triangle edge counted twice, as are the pairs
  }
  return sum / agents;
}
