/**
 * The cases of the seeded regression test (regression.test.ts): small runs that switch on
 * the paths the defaults leave idle, and the hashes of what a run returns.
 */
import { createHash } from 'node:crypto';
import { runScenario } from '../../src/model';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema';

const SMALL: ScenarioInput = {
  ticks: 40,
  observe: { window: 10 },
  agents: { firms: 40, residents: 400, institutions: { university: 1, research_institute: 1, government: 1, intermediary: 1, cultural: 1 } },
};

export const REGRESSION_CASES: Record<string, ScenarioInput> = {
  defaults: {},
  'a3-gamma1.5': { knowledge: { relatedness_exponent: 3, gamma: 1.5 } },
  'a0.5-gamma1': { knowledge: { relatedness_exponent: 0.5, gamma: 1 }, learning: { participation: 0.2 } },
  'a1-gamma3-deepen': { knowledge: { relatedness_exponent: 1, gamma: 3 }, learning: { participation: 0.2, deepen: true } },
  pipelines: { openness: 0.7 },
  'policies-shocks': {
    openness: 0.3,
    policies: [
      { kind: 'infrastructure', start: 5, end: 30, from: 'Upland', to: 'Riverside', km: 5, cost: 1 },
      { kind: 'cluster_organisation', start: 3, end: 25, members: 10, cost: 1 },
      { kind: 'creative_space', mode: 'bottom_up', start: 8, capacity: 60, community_activity: 0.6, cost: 1 },
      { kind: 'lifelong_learning', start: 10, participation: 0.2, deepen: true, cost: 1 },
    ],
    shocks: [
      { tick: 20, kind: 'core_collapse', factor: 0.2, domains: 3 },
      { tick: 28, kind: 'frontier_jump', domains: 4 },
    ],
  },
};

export type Hashes = { series: string; outcomes: string; placeFlows: string; firms: string };

/** SHA-256 (hex, first 16 characters) of a run's series bytes, outcomes, place flows and firm microdata. */
export function runHashes(over: ScenarioInput, seed: number): Hashes {
  const r = runScenario(ScenarioSchema.parse({ ...SMALL, ...over }), { seed, microdata: true });
  const hash = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex').slice(0, 16);
  const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return { series: hash(bytes(r.series)), outcomes: hash(JSON.stringify(r.outcomes)), placeFlows: hash(bytes(r.placeFlows)), firms: hash(JSON.stringify(r.firms)) };
}

