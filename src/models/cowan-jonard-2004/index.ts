/**
 * Cowan and Jonard (2004), "Network structure and the diffusion of knowledge": agents on a
 * Watts-Strogatz network barter knowledge with a neighbour when each leads the other in
 * some category, absorbing a share alpha of every lead of the partner.
 */
import { Rng } from '../../model/rng';
import type { ModelDefinition, SteppedModel } from '../definition';
import { steppedRun } from '../definition';
import { CJ_COLUMNS, CJ_OUTCOMES } from '../names';
import { averagePathLength, clusteringCoefficient, wattsStrogatz, type Network } from './network';
import { CowanJonardSectionSchema, type CowanJonardParams } from './params';

export { CowanJonardSectionSchema, CJ_LIMITS, type CowanJonardParams } from './params';
export { wattsStrogatz, fromEdges, averagePathLength, clusteringCoefficient, type Network } from './network';


export interface CowanJonardState {
  net: Network;
  agents: number;
  categories: number;
  alpha: number;
  threshold: number;
  /** Knowledge, agent-major: knowledge[i * K + k]. */
  knowledge: Float64Array;
  tradesThisPeriod: number;
  period: number;
  /** Period after which no pair of neighbours can trade, or -1. */
  frozenPeriod: number;
  pathLength: number;
  clustering: number;
  rng: Rng;
}

export function initCowanJonard(p: CowanJonardParams, seed: number): CowanJonardState {
  const init = new Rng(seed, 'cj-init');
  const net = wattsStrogatz(p.agents, p.neighbours, p.rewiring_probability, init);
  const knowledge = new Float64Array(p.agents * p.categories);
  for (let i = 0; i < knowledge.length; i++) knowledge[i] = init.random() * p.initial_knowledge_max;
  return {
    net,
    agents: p.agents,
    categories: p.categories,
    alpha: p.absorptive_capacity,
    threshold: p.trade_threshold,
    knowledge,
    tradesThisPeriod: 0,
    period: 0,
    frozenPeriod: -1,
    pathLength: averagePathLength(net),
    clustering: clusteringCoefficient(net),
    rng: new Rng(seed, 'cj-dynamics'),
  };
}

/** Whether i and j can barter: each leads the other by more than the threshold in some category. */
export function canTrade(s: CowanJonardState, i: number, j: number): boolean {
  const K = s.categories;
  const v = s.knowledge;
  let iLeads = false;
  let jLeads = false;
  for (let k = 0; k < K; k++) {
    const gap = v[j * K + k] - v[i * K + k];
    if (gap > s.threshold) jLeads = true;
    else if (-gap > s.threshold) iLeads = true;
    if (iLeads && jLeads) return true;
  }
  return false;
}

/** The barter: in every category each absorbs alpha of the other's lead (gaps read before either moves). */
export function barterInPlace(s: CowanJonardState, i: number, j: number): void {
  const K = s.categories;
  const v = s.knowledge;
  for (let k = 0; k < K; k++) {
    const a = i * K + k;
    const b = j * K + k;
    const gap = v[b] - v[a];
    if (gap > 0) v[a] += s.alpha * gap;
    else v[b] -= s.alpha * gap;
  }
}

/** One period: N meetings, each of a random agent with a random neighbour of it. */
export function stepCowanJonard(s: CowanJonardState): void {
  const { offsets, adjacency } = s.net;
  let trades = 0;
  for (let t = 0; t < s.agents; t++) {
    const i = s.rng.int(s.agents);
    const degree = offsets[i + 1] - offsets[i];
    if (degree === 0) continue;
    const j = adjacency[offsets[i] + s.rng.int(degree)];
    if (!canTrade(s, i, j)) continue;
    barterInPlace(s, i, j);
    trades++;
  }
  s.tradesThisPeriod = trades;
  s.period++;
  if (trades === 0 && s.frozenPeriod < 0 && isFrozen(s)) s.frozenPeriod = s.period;
}

/** No pair of neighbours can trade any more: the steady state (checked only after a period without trades). */
export function isFrozen(s: CowanJonardState): boolean {
  const { offsets, adjacency } = s.net;
  for (let i = 0; i < s.agents; i++)
    for (let k = offsets[i]; k < offsets[i + 1]; k++) if (adjacency[k] > i && canTrade(s, i, adjacency[k])) return false;
  return true;
}

/** Writes at out[at..at+2] the mean, variance and coefficient of variation across agents of each agent's mean knowledge over categories. */
export function knowledgeMoments(s: CowanJonardState, out: Float64Array, at = 0): void {
  const K = s.categories;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < s.agents; i++) {
    let own = 0;
    for (let k = 0; k < K; k++) own += s.knowledge[i * K + k];
    own /= K;
    sum += own;
    sumSq += own * own;
  }
  const mean = sum / s.agents;
  const variance = Math.max(0, sumSq / s.agents - mean * mean);
  out[at] = mean;
  out[at + 1] = variance;
  out[at + 2] = mean > 0 ? Math.sqrt(variance) / mean : Number.NaN;
}

const stepped: SteppedModel<CowanJonardParams, CowanJonardState> = {
  params: (scenario) => scenario.cowan_jonard_2004 ?? CowanJonardSectionSchema.parse({}),
  init: initCowanJonard,
  step: stepCowanJonard,
  done: (s) => s.frozenPeriod >= 0,
  observe: (s, row) => {
    knowledgeMoments(s, row, 1);
    row[4] = s.tradesThisPeriod;
  },
  outcomes: (s) => {
    const m = new Float64Array(3);
    knowledgeMoments(s, m);
    return {
      mean_knowledge_final: m[0],
      knowledge_variance_final: m[1],
      knowledge_cv_final: m[2],
      average_path_length: s.pathLength,
      network_clustering: s.clustering,
      frozen: s.frozenPeriod >= 0 ? 1 : 0,
      frozen_period: s.frozenPeriod >= 0 ? s.frozenPeriod : Number.NaN,
    };
  },
  agents: (s) => s.agents,
};

export const cowanJonard2004: ModelDefinition = {
  name: 'cowan-jonard-2004',
  title: 'Cowan and Jonard (2004): network structure and the diffusion of knowledge',
  description:
    'N agents on a ring lattice of n neighbours, each edge rewired with probability p, hold knowledge in K categories. A random agent meets a random neighbour; they barter when each leads the other somewhere, and each absorbs a share alpha (absorptive capacity) of every lead of the other. Mean knowledge at the steady state is highest in the small world.',
  references: [
    'Cowan, R. and Jonard, N. (2004). Network structure and the diffusion of knowledge. Journal of Economic Dynamics and Control 28(8): 1557-1575.',
    'Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of small-world networks. Nature 393: 440-442.',
  ],
  section: 'cowan_jonard_2004',
  columns: CJ_COLUMNS,
  outcomes: CJ_OUTCOMES,
  regionLayers: false,
  run: steppedRun(stepped, CJ_COLUMNS),
};
