/**
 * The scenario section `cowan_jonard_2004`: parameters of Cowan and Jonard's (2004)
 * knowledge barter on a Watts-Strogatz network. Symbols in the paper: N, n, K, p, alpha.
 */
import { z } from 'zod';

export const CJ_LIMITS = { agents: 100_000, neighbours: 1_000, categories: 1_000 } as const;

export const CowanJonardSectionSchema = z
  .strictObject({
    agents: z.number().int().min(3).max(CJ_LIMITS.agents).default(500).describe('N: agents on the ring.'),
    neighbours: z.number().int().min(2).max(CJ_LIMITS.neighbours).default(10).describe('n: ring-lattice neighbours of each agent (even; n/2 on each side) before rewiring.'),
    categories: z.number().int().min(1).max(CJ_LIMITS.categories).default(10).describe('K: knowledge categories of each agent.'),
    rewiring_probability: z.number().finite().min(0).max(1).default(0.1).describe('p: probability that a lattice edge is rewired to a random agent (0 = regular ring, 1 = random graph).'),
    absorptive_capacity: z.number().finite().min(0).max(1).default(0.5).describe('alpha: share of the partner\'s lead in a category that an agent absorbs in a trade.'),
    initial_knowledge_max: z.number().finite().positive().max(1e6).default(1).describe('Initial knowledge in each category is uniform on [0, this).'),
    trade_threshold: z.number().finite().min(0).max(1e6).default(0.001).describe('An agent has something to offer in a category when it leads by more than this (ends the asymptotic trading of vanishing gaps).'),
  })
  .describe('Cowan and Jonard (2004) knowledge barter on a small-world network (model: cowan-jonard-2004). `ticks` counts periods of N random meetings each; a run stops early once no neighbours can trade.');
export type CowanJonardParams = z.infer<typeof CowanJonardSectionSchema>;
