/**
 * The scenario section `march_1991`: parameters of March's (1991) model of mutual learning
 * between an organisational code and its members. Symbols in the paper: m, n, p1 to p4.
 */
import { z } from 'zod';

const prob = (def: number, doc: string) => z.number().finite().min(0).max(1).default(def).describe(doc);

export const MARCH_LIMITS = { members: 10_000, dimensions: 10_000 } as const;

export const MarchSectionSchema = z
  .strictObject({
    dimensions: z.number().int().min(1).max(MARCH_LIMITS.dimensions).default(30).describe('m: dimensions of reality (each +1 or -1); March used 30.'),
    members: z.number().int().min(1).max(MARCH_LIMITS.members).default(50).describe('n: members of the organisation; March used 50.'),
    socialization_rate: prob(0.1, 'p1: probability per period and dimension that a member moves one step towards a non-zero code belief that differs from its own.'),
    codification_rate: prob(0.5, 'p2: code learning; the code adopts the superior group\'s majority view on a dimension with probability 1 - (1 - p2)^k, k = the majority\'s lead.'),
    turnover_rate: prob(0, 'p3: probability per period that a member leaves and is replaced by a newcomer with random beliefs (-1, 0, 1 equally likely).'),
    turbulence_rate: prob(0, 'p4: probability per period that a dimension of reality flips sign.'),
    slow_learners: z.number().int().min(0).max(MARCH_LIMITS.members).default(0).describe('Members (the first ones) who socialize at slow_socialization_rate instead of socialization_rate (March 1991, Figure 2).'),
    slow_socialization_rate: prob(0.1, 'p1 of the slow learners.'),
  })
  .describe('March (1991) exploration and exploitation: an organisational code and its members learn about reality from each other (model: march-1991). `ticks` is the most periods a run may take; without turnover and turbulence it stops at equilibrium.');
export type MarchParams = z.infer<typeof MarchSectionSchema>;
