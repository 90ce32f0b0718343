/**
 * The moving technological frontier (MODEL-SPEC 4): relevance is a bump of width w at
 * mu(t), over a floor, plus smooth AR(1) noise. Shocks move the frontier at once
 * (frontier_jump) or collapse the region's strongest domains (core_collapse), moving the
 * removed relevance to domains 3 to 6 ring steps away (or spreading it uniformly, or
 * dropping it). The move is recomputed every tick from what the collapsed domains would
 * have had then, so a collapse never adds relevance as the frontier drifts away from
 * them (issue 16: a fixed bonus did, and made shocks pay off).
 */
import type { Scenario, Shock } from '../scenario/schema';
import type { Params } from './params';
import { ringDistance, wrap } from './ring';
import type { Rng } from './rng';
import type { ModelState } from './state';
import { capability, capInPlace } from './knowledge';

export interface FrontierSettings {
  speed: number; // domains per tick
  width: number;
  floor: number;
  ar: number;
  step: number;
  smooth: number;
}

export function frontierSettings(s: Scenario): FrontierSettings {
  const e = s.environment;
  return { speed: e.frontier_speed / 100, width: e.frontier_width, floor: e.floor, ar: e.noise_ar, step: e.noise_step, smooth: e.noise_smooth };
}

/** Advances the AR(1) noise, smooths it along the ring, and recomputes r_k(t). */
export function updateRelevanceInPlace(st: ModelState, f: FrontierSettings, rng: Rng, advance: boolean): void {
  const K = st.K;
  if (advance) {
    st.mu = wrap(st.mu + f.speed, K);
    for (let k = 0; k < K; k++) st.noiseZ[k] = f.ar * st.noiseZ[k] + f.step * rng.normal();
  }
  smoothNoiseInPlace(st, f.smooth);
  const inv = 1 / (2 * f.width * f.width);
  // First pass: the frontier's relevance (into st.relevance) and what collapses move away.
  let moved = 0;
  let weights = 0;
  for (let k = 0; k < K; k++) {
    const d = ringDistance(k, st.mu, K);
    const base = f.floor + (1 - f.floor) * Math.exp(-d * d * inv);
    st.relevance[k] = base;
    moved += base * st.collapseMoved[k];
    weights += st.collapseWeight[k];
  }
  const perWeight = weights > 0 ? moved / weights : 0;
  for (let k = 0; k < K; k++) {
    let r = st.relevance[k] * st.collapseMult[k] + perWeight * st.collapseWeight[k] + st.noise[k];
    if (r < 0.01) r = 0.01;
    else if (r > 1) r = 1;
    st.relevance[k] = r;
  }
  updateExternalInPlace(st);
}

function smoothNoiseInPlace(st: ModelState, width: number): void {
  const K = st.K;
  if (width <= 0) {
    st.noise.set(st.noiseZ);
    return;
  }
  const reach = Math.min(Math.floor(K / 2), Math.ceil(2 * width));
  const inv = 1 / (2 * width * width);
  let norm = 0;
  for (let d = -reach; d <= reach; d++) norm += Math.exp(-d * d * inv);
  for (let k = 0; k < K; k++) {
    let v = 0;
    for (let d = -reach; d <= reach; d++) v += Math.exp(-d * d * inv) * st.noiseZ[(k + d + K) % K];
    st.noise[k] = v / norm;
  }
}

/** External partners' knowledge this tick: T = E = min(1, pi_k r_k), and its squared norm. */
export function updateExternalInPlace(st: ModelState): void {
  const K = st.K;
  for (let x = 0; x < st.X; x++) {
    let n = 0;
    for (let k = 0; k < K; k++) {
      const v = Math.min(1, st.extProfile[x * K + k] * st.relevance[k]);
      st.extKnowledge[x * K + k] = v;
      n += 4 * v * v; // profile x = T + E = 2v
    }
    st.extNorm[x] = n;
  }
}

/** Live firms' aggregate capability per domain, into st.scratchK. */
function aggregateCapability(st: ModelState, p: Params): Float64Array {
  const K = st.K;
  const agg = st.scratchK;
  agg.fill(0);
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    for (let k = 0; k < K; k++) agg[k] += capability(st.tacitAt(i, k), st.explicitAt(i, k), p.phi);
  }
  return agg;
}

/**
 * Applies a shock now (MODEL-SPEC 4). `rng` is the policy stream (used by `plant` only),
 * so a plant never shifts the environment's draws between arms.
 */
export function applyShockInPlace(st: ModelState, p: Params, shock: Shock, rng: Rng, speed: number): void {
  const K = st.K;
  if (shock.kind === 'frontier_jump') {
    st.mu = wrap(st.mu + shock.domains, K);
    return;
  }
  if (shock.kind === 'plant') {
    const agg = aggregateCapability(st, p);
    let core = 0;
    for (let k = 1; k < K; k++) if (agg[k] > agg[core]) core = k;
    st.plantDomain = wrap(core + (speed < 0 ? -shock.offset : shock.offset), K);
    let planted = 0;
    for (let tries = 0; planted < shock.firms && tries < 100 * (shock.firms + 1); tries++) {
      const i = rng.int(st.F);
      if (!st.alive[i] || st.planted[i]) continue;
      st.planted[i] = 1;
      st.setTacitAt(i, st.plantDomain, Math.max(st.tacitAt(i, st.plantDomain), shock.level));
      capInPlace(st, p, i);
      planted++;
    }
    return;
  }
  collapseInPlace(st, p, shock);
}

/**
 * core_collapse: the region's `domains` strongest domains (live firms' aggregate
 * capability) keep `factor` of their frontier relevance. The rest moves (MODEL-SPEC 4) to
 * the domains 3 to 6 ring steps from them (`related`), to every other domain
 * (`uniform`), or nowhere (`none`); each receiving domain's weight grows by the relevance
 * removed now over the number of receivers, so later collapses add in proportion.
 */
function collapseInPlace(st: ModelState, p: Params, shock: Extract<Shock, { kind: 'core_collapse' }>): void {
  const K = st.K;
  const agg = aggregateCapability(st, p);
  const n = Math.min(shock.domains, K);
  const chosen: number[] = [];
  for (let c = 0; c < n; c++) {
    let best = -1;
    for (let k = 0; k < K; k++) if (!chosen.includes(k) && (best < 0 || agg[k] > agg[best])) best = k;
    chosen.push(best);
  }
  const targets: number[] = [];
  if (shock.redistribute === 'related') {
    for (const k of chosen)
      for (let d = 3; d <= 6; d++)
        for (const t of [wrap(k + d, K), wrap(k - d, K)]) if (!chosen.includes(t) && !targets.includes(t)) targets.push(t);
  } else if (shock.redistribute === 'uniform') {
    for (let k = 0; k < K; k++) if (!chosen.includes(k)) targets.push(k);
  }
  let removed = 0;
  for (const k of chosen) {
    removed += st.relevance[k] * (1 - shock.factor);
    if (targets.length > 0) st.collapseMoved[k] += st.collapseMult[k] * (1 - shock.factor);
    st.collapseMult[k] *= shock.factor;
  }
  for (const t of targets) st.collapseWeight[t] += removed / targets.length;
}
