/**
 * Policies (MODEL-SPEC 6): each is active in [start, end) and costs `cost` per active
 * tick. Parameter policies override numbers in Params; structural ones change the state:
 * an infrastructure link shortens travel distances, a cluster organisation or a creative
 * space is a group whose members get the broker channel.
 */
import type { Policy, Scenario } from '../scenario/schema';
import type { TickCounters } from './counters';
import { addGroup } from './init';
import type { KindTables } from './kind-tables';
import { capability } from './knowledge';
import { CULTURAL, FIRM, RESIDENT } from './kinds';
import { applyParameterPolicy, baseParams, type Params } from './params';
import type { Rng } from './rng';
import type { Link } from './space';
import type { ModelState } from './state';

export interface PolicySlot {
  policy: Policy;
  active: boolean;
  group: number;
  link: Link | null;
}

export function isActive(policy: Policy, tick: number): boolean {
  return tick >= policy.start && (policy.end === undefined || tick < policy.end);
}

/** What the policy life cycle of a tick changed (bit flags). */
export const PARAMS_CHANGED = 1;
export const DISTANCES_CHANGED = 2;

/**
 * The policy life cycle of one tick (phase 1): policies whose window opens start (a
 * structural one changes the state), those whose window closes end, active ones grow (a
 * bottom-up creative space) and add their cost. Returns PARAMS_CHANGED, with
 * DISTANCES_CHANGED if a link came or went, when any policy started or ended.
 */
export function advancePoliciesInPlace(st: ModelState, slots: PolicySlot[], p: Params, brokerRate: number, rng: Rng, c: TickCounters): number {
  let changed = 0;
  for (const slot of slots) {
    const on = isActive(slot.policy, st.tick);
    if (on && !slot.active) {
      if (startStructural(st, slot, p.phi, rng, brokerRate)) changed |= DISTANCES_CHANGED;
      slot.active = true;
      changed |= PARAMS_CHANGED;
    } else if (!on && slot.active) {
      if (endStructural(st, slot)) changed |= DISTANCES_CHANGED;
      slot.active = false;
      changed |= PARAMS_CHANGED;
    }
    if (slot.active) {
      growStructural(st, slot, rng);
      c.policyCost += slot.policy.cost;
    }
  }
  return changed;
}

/** Params from the scenario with the active parameter policies applied, in the slots' order. */
export function activeParams(scenario: Scenario, slots: readonly PolicySlot[]): Params {
  const p = baseParams(scenario);
  for (const slot of slots) if (slot.active) applyParameterPolicy(p, slot.policy);
  return p;
}

/** Rebuilds the tables built from Params: distance kernels (distances too if links changed), teachers, kinds. */
export function rebuildForParamsInPlace(st: ModelState, kinds: KindTables, p: Params, distances: boolean): void {
  const sp = st.space;
  if (distances) sp.rebuild(st.links, p.lambdaT, p.lambdaE, p.geoDecayKm);
  else sp.rebuildKernels(p.lambdaT, p.lambdaE, p.geoDecayKm);
  st.rebuildTeacherTables(p.geoDecayKm);
  kinds.rebuild(st, p);
}

function placeIndex(st: ModelState, name: string | undefined): number {
  if (name !== undefined) {
    const q = st.placeNames.indexOf(name);
    if (q >= 0) return q;
  }
  let best = 0;
  for (let q = 1; q < st.space.P; q++) if (st.space.population[q] > st.space.population[best]) best = q;
  return best;
}

/** Starts a structural policy. Returns true if distances changed. */
export function startStructural(st: ModelState, slot: PolicySlot, phi: number, rng: Rng, brokerRate: number): boolean {
  const pol = slot.policy;
  const K = st.K;
  if (pol.kind === 'infrastructure') {
    slot.link = { from: st.placeNames.indexOf(pol.from), to: st.placeNames.indexOf(pol.to), km: pol.km };
    st.links.push(slot.link);
    return true;
  }
  if (pol.kind === 'cluster_organisation') {
    let focus = pol.focus_domain ?? -1;
    if (focus < 0 || focus >= K) {
      const agg = new Float64Array(K);
      for (let i = 0; i < st.F; i++) if (st.alive[i]) for (let k = 0; k < K; k++) agg[k] += capability(st.tacitAt(i, k), st.explicitAt(i, k), phi);
      focus = 0;
      for (let k = 1; k < K; k++) if (agg[k] > agg[focus]) focus = k;
    }
    const firms: number[] = [];
    for (let i = 0; i < st.F; i++) if (st.alive[i]) firms.push(i);
    const score = (i: number) => capability(st.tacitAt(i, focus), st.explicitAt(i, focus), phi);
    firms.sort((a, b) => score(b) - score(a) || a - b);
    slot.group = addGroup(st, firms.slice(0, pol.members), pol.broker_rate ?? brokerRate, 0, 1);
    return false;
  }
  if (pol.kind === 'creative_space') {
    const q = placeIndex(st, pol.place);
    const initial = pol.mode === 'top_down' ? pol.capacity : Math.max(2, Math.round(0.1 * pol.capacity));
    const members = drawCreativeMembers(st, q, initial, rng, []);
    // Top-down: fit set by government, trust of strangers; bottom-up: fit grows from the
    // community itself (full), and members trust each other more.
    const trust = pol.mode === 'bottom_up' ? pol.community_activity : 0;
    const fit = pol.mode === 'top_down' ? pol.fit : 1;
    slot.group = addGroup(st, members, brokerRate, trust, fit);
    return false;
  }
  return false;
}

/** A bottom-up creative space grows with community activity (5 % of capacity a tick at activity 1). */
export function growStructural(st: ModelState, slot: PolicySlot, rng: Rng): void {
  const pol = slot.policy;
  if (pol.kind !== 'creative_space' || pol.mode !== 'bottom_up' || slot.group < 0) return;
  const current = st.groupMembers[slot.group];
  if (current.length >= pol.capacity) return;
  const grow = pol.capacity * 0.05 * pol.community_activity;
  const add = Math.floor(grow) + (rng.random() < grow - Math.floor(grow) ? 1 : 0);
  if (add <= 0) return;
  const more = drawCreativeMembers(st, placeIndex(st, pol.place), Math.min(add, pol.capacity - current.length), rng, Array.from(current));
  st.groupMembers[slot.group] = Int32Array.from(more);
  for (const m of more) st.group[m] = slot.group;
}

/** Members of a creative space: residents (70 %), firms (20 %) and cultural institutions near the place. */
function drawCreativeMembers(st: ModelState, q: number, n: number, rng: Rng, members: number[]): number[] {
  const seen = new Set(members);
  const target = members.length + n;
  for (let tries = 0; members.length < target && tries < n * 20; tries++) {
    const u = rng.random();
    const kind = u < 0.7 ? RESIDENT : u < 0.9 ? FIRM : CULTURAL;
    const place = rng.random() < 0.7 ? q : st.space.meetPlace.sample(q, rng);
    const a = st.randomAt(place, kind, rng);
    if (a < 0 || seen.has(a) || !st.alive[a]) continue;
    seen.add(a);
    members.push(a);
  }
  return members;
}

/** Ends a structural policy. Returns true if distances changed. */
export function endStructural(st: ModelState, slot: PolicySlot): boolean {
  const pol = slot.policy;
  if (pol.kind === 'infrastructure' && slot.link) {
    st.links.splice(st.links.indexOf(slot.link), 1);
    slot.link = null;
    return true;
  }
  if (slot.group >= 0) {
    for (const m of st.groupMembers[slot.group]) if (st.group[m] === slot.group) st.group[m] = -1;
    st.groupBrokerRate[slot.group] = 0;
    slot.group = -1;
  }
  return false;
}
