/**
 * The social network: each agent keeps up to `maxTies` local ties and (actors only) up
 * to `maxPipes` pipeline ties to external partners, stored on its own side. Pipelines
 * live in their own slots so that local buzz cannot evict them (MODEL-SPEC 3.9).
 */
import type { Params } from './params';
import type { Rng } from './rng';
import type { ModelState } from './state';

/** Strength of i's tie to j (0 if none). */
export function tieStrength(st: ModelState, i: number, j: number): number {
  const M = st.maxTies;
  const b = i * M;
  for (let s = 0; s < M; s++) if (st.tieTarget[b + s] === j) return st.tieStrength[b + s];
  return 0;
}

/** Creates or strengthens i's tie to j: s += up (1 - s); a full list evicts its weakest. */
export function strengthenTie(st: ModelState, i: number, j: number, up: number): void {
  const M = st.maxTies;
  const b = i * M;
  const tt = st.tieTarget;
  const ts = st.tieStrength;
  let free = -1;
  let weakest = -1;
  let weakestS = 2;
  for (let s = 0; s < M; s++) {
    const t = tt[b + s];
    if (t === j) {
      ts[b + s] += up * (1 - ts[b + s]);
      return;
    }
    if (t < 0) {
      if (free < 0) free = s;
    } else if (ts[b + s] < weakestS) {
      weakestS = ts[b + s];
      weakest = s;
    }
  }
  const slot = free >= 0 ? free : weakest;
  if (free < 0 && weakestS >= up) return; // every standing tie is stronger than a new one
  tt[b + slot] = j;
  ts[b + slot] = up;
}

/** Picks one of i's local ties with probability proportional to strength; -1 if none. */
export function pickTie(st: ModelState, i: number, rng: Rng): number {
  const M = st.maxTies;
  const b = i * M;
  let total = 0;
  for (let s = 0; s < M; s++) if (st.tieTarget[b + s] >= 0) total += st.tieStrength[b + s];
  if (!(total > 0)) return -1;
  let u = rng.random() * total;
  let last = -1;
  for (let s = 0; s < M; s++) {
    const t = st.tieTarget[b + s];
    if (t < 0) continue;
    last = t;
    u -= st.tieStrength[b + s];
    if (u <= 0) return t;
  }
  return last;
}

/** Slot of i's pipeline to external partner x, or -1. */
export function pipeSlot(st: ModelState, i: number, x: number): number {
  const M = st.maxPipes;
  const b = i * M;
  for (let s = 0; s < M; s++) if (st.pipeTarget[b + s] === x) return s;
  return -1;
}

/** Picks one of actor i's pipelines by strength; -1 if none. */
export function pickPipe(st: ModelState, i: number, rng: Rng): number {
  const M = st.maxPipes;
  const b = i * M;
  let total = 0;
  for (let s = 0; s < M; s++) if (st.pipeTarget[b + s] >= 0) total += st.pipeStrength[b + s];
  if (!(total > 0)) return -1;
  let u = rng.random() * total;
  let last = -1;
  for (let s = 0; s < M; s++) {
    const t = st.pipeTarget[b + s];
    if (t < 0) continue;
    last = t;
    u -= st.pipeStrength[b + s];
    if (u <= 0) return t;
  }
  return last;
}

/** Strengthens actor i's pipeline to x, or opens one at `initial` (evicting the weakest). */
export function strengthenPipe(st: ModelState, i: number, x: number, up: number, initial: number): void {
  const M = st.maxPipes;
  if (M === 0) return;
  const b = i * M;
  let free = -1;
  let weakest = -1;
  let weakestS = 2;
  for (let s = 0; s < M; s++) {
    const t = st.pipeTarget[b + s];
    if (t === x) {
      st.pipeStrength[b + s] += up * (1 - st.pipeStrength[b + s]);
      return;
    }
    if (t < 0) {
      if (free < 0) free = s;
    } else if (st.pipeStrength[b + s] < weakestS) {
      weakestS = st.pipeStrength[b + s];
      weakest = s;
    }
  }
  const slot = free >= 0 ? free : weakest;
  if (free < 0 && weakestS >= initial) return;
  st.pipeTarget[b + slot] = x;
  st.pipeStrength[b + slot] = initial;
}

/** Removes every local tie and pipeline of agent i (a renewed slot starts with none). */
export function clearTiesInPlace(st: ModelState, i: number): void {
  st.tieTarget.fill(-1, i * st.maxTies, (i + 1) * st.maxTies);
  st.tieStrength.fill(0, i * st.maxTies, (i + 1) * st.maxTies);
  if (i < st.A) {
    st.pipeTarget.fill(-1, i * st.maxPipes, (i + 1) * st.maxPipes);
    st.pipeStrength.fill(0, i * st.maxPipes, (i + 1) * st.maxPipes);
  }
}

/**
 * Phase 9: local ties decay at tau_decay, pipelines at pipeline.decay; ties under
 * min_strength, and ties to agents whose slot was renewed this tick, are dropped.
 */
export function decayTiesInPlace(st: ModelState, p: Params): void {
  const tt = st.tieTarget;
  const ts = st.tieStrength;
  const keep = 1 - p.tieDecay;
  const min = p.minStrength;
  const renewed = st.renewed;
  for (let s = 0, n = tt.length; s < n; s++) {
    const t = tt[s];
    if (t < 0) continue;
    const v = ts[s] * keep;
    if (v < min || renewed[t] === 1) {
      tt[s] = -1;
      ts[s] = 0;
    } else ts[s] = v;
  }
  const pt = st.pipeTarget;
  const ps = st.pipeStrength;
  const pkeep = 1 - p.pipeDecay;
  for (let s = 0, n = pt.length; s < n; s++) {
    if (pt[s] < 0) continue;
    const v = ps[s] * pkeep;
    if (v < min) {
      pt[s] = -1;
      ps[s] = 0;
    } else ps[s] = v;
  }
  renewed.fill(0);
}
