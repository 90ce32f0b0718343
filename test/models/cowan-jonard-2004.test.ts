/**
 * Cowan and Jonard (2004): the barter rule on hand-made agents (exact values worked out by
 * hand), the Watts-Strogatz network, and path length and clustering against networkx.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/model/rng';
import { MODELS } from '../../src/models';
import {
  averagePathLength,
  barterInPlace,
  canTrade,
  clusteringCoefficient,
  CowanJonardSectionSchema,
  fromEdges,
  initCowanJonard,
  isFrozen,
  wattsStrogatz,
} from '../../src/models/cowan-jonard-2004';
import { fillModelSectionInPlace } from '../../src/scenario/model-rules';
import { ScenarioSchema } from '../../src/scenario/schema';

/** Two agents of three categories with the given knowledge, on one edge. */
function pair(a: number[], b: number[], alpha = 0.5, threshold = 0.001) {
  const s = initCowanJonard(CowanJonardSectionSchema.parse({ agents: 3, neighbours: 2, categories: a.length, absorptive_capacity: alpha, trade_threshold: threshold }), 1);
  s.knowledge.fill(0);
  s.knowledge.set(a, 0);
  s.knowledge.set(b, a.length);
  return s;
}

describe('Cowan and Jonard (2004) barter', () => {
  it('trades only when each leads the other somewhere (by more than the threshold)', () => {
    expect(canTrade(pair([1, 0, 0.5], [0, 1, 0.5]), 0, 1)).toBe(true);
    expect(canTrade(pair([1, 1, 1], [0, 1, 0.5]), 0, 1)).toBe(false); // 0 dominates 1
    expect(canTrade(pair([1, 0.5, 0], [0.9995, 0.6, 0]), 0, 1)).toBe(false); // 0's lead 0.0005 is below 0.001
  });

  it('each absorbs alpha of every lead of the other, gaps read before either moves', () => {
    // alpha 0.5: (1, 0, 0.5) and (0, 1, 0.5) -> (1, 0.5, 0.5) and (0.5, 1, 0.5).
    const s = pair([1, 0, 0.5], [0, 1, 0.5]);
    barterInPlace(s, 0, 1);
    expect(Array.from(s.knowledge.subarray(0, 6))).toEqual([1, 0.5, 0.5, 0.5, 1, 0.5]);
    // alpha 0.25: (0.8, 0.2) and (0.4, 0.6) -> (0.8, 0.2 + 0.25 x 0.4 = 0.3) and (0.4 + 0.25 x 0.4 = 0.5, 0.6).
    const t = pair([0.8, 0.2], [0.4, 0.6], 0.25);
    barterInPlace(t, 0, 1);
    expect(Array.from(t.knowledge.subarray(0, 4))).toEqual([0.8, 0.2 + 0.25 * (0.6 - 0.2), 0.4 + 0.25 * (0.8 - 0.4), 0.6]);
  });

  it('is frozen when no pair of neighbours can trade', () => {
    const s = pair([1, 1, 1], [0, 1, 0.5]); // agent 2 holds zeros: dominated by both
    expect(isFrozen(s)).toBe(true);
    s.knowledge.set([2, 0, 0], 6);
    expect(isFrozen(s)).toBe(false);
  });
});

describe('Cowan and Jonard (2004) network', () => {
  it('p = 0 is the ring lattice: clustering and path length as networkx gives them', () => {
    // python3 -c "import networkx as nx; R = nx.watts_strogatz_graph(20, 4, 0);
    //   print(nx.average_clustering(R), nx.average_shortest_path_length(R))"  ->  0.5 2.8947368421052633
    const net = wattsStrogatz(20, 4, 0, new Rng(1, 'test'));
    for (let i = 0; i < 20; i++) expect(net.offsets[i + 1] - net.offsets[i]).toBe(4);
    expect(clusteringCoefficient(net)).toBeCloseTo(0.5, 14);
    expect(averagePathLength(net)).toBeCloseTo(2.8947368421052633, 14);
  });

  it('rewiring keeps the number of edges and makes no self-loops or duplicates', () => {
    const net = wattsStrogatz(200, 10, 1, new Rng(9, 'test'));
    expect(net.adjacency.length).toBe(2 * 200 * 5);
    for (let i = 0; i < 200; i++) {
      const nb = Array.from(net.adjacency.subarray(net.offsets[i], net.offsets[i + 1]));
      expect(nb).not.toContain(i);
      expect(new Set(nb).size).toBe(nb.length);
    }
  });

  it('path length and clustering of the karate club graph match networkx', () => {
    // python3 -c "import networkx as nx; G = nx.karate_club_graph(); print(sorted(G.edges()));
    //   print(nx.average_clustering(G), nx.average_shortest_path_length(G))"  ->  0.5706384782076823 2.408199643493761
    const edges = [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [0, 10], [0, 11], [0, 12], [0, 13], [0, 17], [0, 19], [0, 21], [0, 31], [1, 2], [1, 3], [1, 7], [1, 13], [1, 17], [1, 19], [1, 21], [1, 30], [2, 3], [2, 7], [2, 8], [2, 9], [2, 13], [2, 27], [2, 28], [2, 32], [3, 7], [3, 12], [3, 13], [4, 6], [4, 10], [5, 6], [5, 10], [5, 16], [6, 16], [8, 30], [8, 32], [8, 33], [9, 33], [13, 33], [14, 32], [14, 33], [15, 32], [15, 33], [18, 32], [18, 33], [19, 33], [20, 32], [20, 33], [22, 32], [22, 33], [23, 25], [23, 27], [23, 29], [23, 32], [23, 33], [24, 25], [24, 27], [24, 31], [25, 31], [26, 29], [26, 33], [27, 33], [28, 31], [28, 33], [29, 32], [29, 33], [30, 32], [30, 33], [31, 32], [31, 33], [32, 33]];
    const net = fromEdges(34, Int32Array.from(edges.map((e) => e[0])), Int32Array.from(edges.map((e) => e[1])));
    expect(clusteringCoefficient(net)).toBeCloseTo(0.5706384782076823, 14);
    expect(averagePathLength(net)).toBeCloseTo(2.408199643493761, 14);
  });
});

describe('Cowan and Jonard (2004) runs', () => {
  it('a seeded run is repeatable, knowledge never falls, and it freezes', () => {
    const s = ScenarioSchema.parse({ model: 'cowan-jonard-2004', ticks: 200, cowan_jonard_2004: { agents: 60, neighbours: 4, categories: 5, rewiring_probability: 0.1 } });
    fillModelSectionInPlace(s);
    const model = MODELS['cowan-jonard-2004'];
    const a = model.run(s, { seed: 11 });
    const b = model.run(s, { seed: 11 });
    expect(Buffer.from(a.series.buffer)).toEqual(Buffer.from(b.series.buffer));
    const C = a.columns.length;
    for (let r = 1; r < a.rows; r++) expect(a.series[r * C + 1]).toBeGreaterThanOrEqual(a.series[(r - 1) * C + 1]);
    expect(a.outcomes.frozen).toBe(1);
    // Regression pins of this implementation (seed 11), not independent values.
    expect(a.outcomes).toEqual(SEED11);
  });
});

const SEED11 = {
  mean_knowledge_final: 0.8967358455342265,
  knowledge_variance_final: 0.025440122543585852,
  knowledge_cv_final: 0.17786687266258522,
  average_path_length: 3.766101694915254,
  network_clustering: 0.3488888888888889,
  frozen: 1,
  frozen_period: 48,
};
