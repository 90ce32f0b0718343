/**
 * The page's settings: the six sliders (dot paths live-parameters.ts's setParameter accepts) and
 * the policy and shock buttons, with what each one fires.
 */
import type { Scenario } from '../../scenario/schema';
import type { Action } from './protocol';

export interface SliderDef {
  path: string;
  label: string;
  min: number;
  max: number;
  step: number;
  hint: string;
}

export const SLIDERS: SliderDef[] = [
  { path: 'openness', label: 'Openness', min: 0, max: 1, step: 0.01, hint: 'chance of a pipeline meeting, outside entrants, in-migration' },
  { path: 'proximity.geographic_decay_km', label: 'Geographic decay (km)', min: 1, max: 100, step: 1, hint: 'how far new local meetings reach' },
  { path: 'proximity.social_closure', label: 'Social closure', min: 0, max: 1, step: 0.01, hint: 'chance a meeting repeats an existing tie' },
  { path: 'proximity.cognitive_homophily', label: 'Cognitive homophily', min: 0, max: 8, step: 0.1, hint: 'how strongly firms prefer partners who know the same' },
  { path: 'labour.mobility', label: 'Labour mobility', min: 0, max: 0.2, step: 0.005, hint: 'chance per quarter a resident changes job' },
  { path: 'learning.participation', label: 'Learning participation', min: 0, max: 0.3, step: 0.005, hint: 'chance per quarter a resident takes a course' },
];

export interface Bridge {
  from: string;
  to: string;
  km: number;
  /** Where the endpoints came from, shown next to the button. */
  source: string;
}

/**
 * The bridge the button builds: the scenario's own infrastructure policy if it has one
 * (scheduled or in one of its arms), else a fast link between its two largest places (a quarter of the straight-line distance,
 * at least the distance within a place).
 */
export function bridgeOf(scenario: Scenario): Bridge | undefined {
  const policies = [...scenario.policies, ...(scenario.arms ?? []).flatMap((a) => a.policies ?? [])];
  const own = policies.find((p) => p.kind === 'infrastructure');
  if (own && own.kind === 'infrastructure') return { from: own.from, to: own.to, km: own.km, source: 'as the scenario defines' };
  const places = [...scenario.region.places].sort((a, b) => b.population - a.population);
  if (places.length < 2) return undefined;
  const [a, b] = places;
  const straight = Math.hypot(a.x_km - b.x_km, a.y_km - b.y_km);
  const km = Math.round(Math.max(scenario.region.intra_place_km, straight / 4) * 10) / 10;
  return { from: a.name, to: b.name, km, source: 'the two largest places' };
}

export interface PolicyButton {
  id: string;
  label: string;
  describe: string;
  action: (scenario: Scenario) => Action | undefined;
  /** Name of the place where the policy sits, for the map marker. */
  seat?: (scenario: Scenario) => string;
}

const largestPlace = (s: Scenario) => [...s.region.places].sort((a, b) => b.population - a.population)[0].name;

export const POLICY_BUTTONS: PolicyButton[] = [
  {
    id: 'bridge', label: 'Build the bridge',
    describe: 'Infrastructure: a fast link between two places; tacit knowledge travels with shorter distance.',
    action: (s) => {
      const b = bridgeOf(s);
      return b && { kind: 'policy', button: 'bridge', label: `bridge ${b.from}–${b.to}`, policy: { kind: 'infrastructure', from: b.from, to: b.to, km: b.km, label: 'bridge' } };
    },
  },
  {
    id: 'cluster', label: 'Open a cluster organisation',
    describe: 'An intermediary brokers meetings among its member firms.',
    action: (s) => ({ kind: 'policy', button: 'cluster', label: 'cluster organisation', policy: { kind: 'cluster_organisation', members: Math.max(2, Math.min(40, s.agents.firms)), label: 'cluster organisation' } }),
    seat: largestPlace,
  },
  {
    id: 'space-top-down', label: 'Creative space (top-down)',
    describe: 'A hub for residents, firms and cultural institutions, full size at once, fit set by government.',
    action: () => ({ kind: 'policy', button: 'space-top-down', label: 'creative space, top-down', policy: { kind: 'creative_space', mode: 'top_down', label: 'creative space (top-down)' } }),
    seat: largestPlace,
  },
  {
    id: 'space-bottom-up', label: 'Creative space (bottom-up)',
    describe: 'A hub that grows with community activity and builds more trust.',
    action: () => ({ kind: 'policy', button: 'space-bottom-up', label: 'creative space, bottom-up', policy: { kind: 'creative_space', mode: 'bottom_up', label: 'creative space (bottom-up)' } }),
    seat: largestPlace,
  },
  {
    id: 'shock', label: 'Structural shock',
    describe: 'Core collapse: the relevance of the region’s three strongest domains falls to a fifth.',
    action: () => ({ kind: 'shock', button: 'shock', label: 'structural shock', shock: { kind: 'core_collapse', factor: 0.2, domains: 3 } }),
  },
];

/** The speed slider's stops, ticks per second; 0 is "as fast as possible". */
export const SPEEDS = [1, 2, 3, 5, 8, 10, 15, 20, 30, 45, 60, 0] as const;

/** The speed as the page shows it. */
export function speedLabel(ticksPerSecond: number): string {
  return ticksPerSecond <= 0 ? 'max' : `${ticksPerSecond} tick${ticksPerSecond === 1 ? '' : 's'}/s`;
}
