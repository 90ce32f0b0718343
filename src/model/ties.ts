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
  const b = i * st.maxTies;
  const end = st.tieEnd[i]; // slots from end on are empty
  const tt = st.tieTarget;
  for (let s = 0; s < end; s++) if (tt[b + s] === j) return st.tieStrength[b + s];
  return 0;
}

/**
 * Creates or strengthens the tie to `target` in the slots [base, base + M) of a
 * (targets, strengths) pair, scanning only [base, base + end) (slots from `end` on are
 * empty, so the first free slot is `end` when none below it is free): s += up (1 - s); a
 * new tie starts at `initial` and takes a free slot, else evicts the weakest tie if that
 * one is weaker than `initial`. Returns the slot written, or -1 if none.
 */
function strengthenSlot(targets: Int32Array, strengths: Float32Array, base: number, end: number, M: number, target: number, up: number, initial: number): number {
  let free = -1;
  let weakest = -1;
  let weakestS = 2;
  for (let s = 0; s < end; s++) {
    const t = targets[base + s];
    if (t === target) {
      strengths[base + s] += up * (1 - strengths[base + s]);
      return s;
    }
    if (t < 0) {
      if (free < 0) free = s;
    } else if (strengths[base + s] < weakestS) {
      weakestS = strengths[base + s];
      weakest = s;
    }
  }
  if (free < 0 && end < M) free = end;
  if (free < 0 && (weakest < 0 || weakestS >= initial)) return -1; // every standing tie is stronger
  const slot = free >= 0 ? free : weakest;
  targets[base + slot] = target;
  strengths[base + slot] = initial;
  return slot;
}

/** Picks a target among the slots [base, base + M) with probability proportional to strength; -1 if none. */
function pickSlot(targets: Int32Array, strengths: Float32Array, base: number, M: number, rng: Rng): number {
  let total = 0;
  for (let s = 0; s < M; s++) if (targets[base + s] >= 0) total += strengths[base + s];
  if (!(total > 0)) return -1;
  let u = rng.random() * total;
  let last = -1;
  for (let s = 0; s < M; s++) {
    const t = targets[base + s];
    if (t < 0) continue;
    last = t;
    u -= strengths[base + s];
    if (u <= 0) return t;
  }
  return last;
}

/** Creates or strengthens i's local tie to j (a new tie starts at `up`), keeping tieEnd[i]. */
export function strengthenTie(st: ModelState, i: number, j: number, up: number): void {
  const end = st.tieEnd[i];
  const slot = strengthenSlot(st.tieTarget, st.tieStrength, i * st.maxTies, end, st.maxTies, j, up, up);
  if (slot >= end) st.tieEnd[i] = slot + 1;
}

/** Picks one of i's local ties with probability proportional to strength; -1 if none. */
export function pickTie(st: ModelState, i: number, rng: Rng): number {
  return pickSlot(st.tieTarget, st.tieStrength, i * st.maxTies, st.tieEnd[i], rng);
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
  return pickSlot(st.pipeTarget, st.pipeStrength, i * st.maxPipes, st.maxPipes, rng);
}

/** Strengthens actor i's pipeline to x, or opens one at `initial` (evicting the weakest). */
export function strengthenPipe(st: ModelState, i: number, x: number, up: number, initial: number): void {
  if (st.maxPipes > 0) strengthenSlot(st.pipeTarget, st.pipeStrength, i * st.maxPipes, st.maxPipes, st.maxPipes, x, up, initial);
}

/** Removes every local tie and pipeline of agent i (a renewed slot starts with none). */
export function clearTiesInPlace(st: ModelState, i: number): void {
  st.tieTarget.fill(-1, i * st.maxTies, (i + 1) * st.maxTies);
  st.tieStrength.fill(0, i * st.maxTies, (i + 1) * st.maxTies);
  st.tieEnd[i] = 0;
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
  const tieEnd = st.tieEnd;
  const M = st.maxTies;
  // Only the slots below each agent's tieEnd can hold a tie; tieEnd shrinks to one past
  // the last tie that stays.
  for (let i = 0, N = tieEnd.length; i < N; i++) {
    const end = tieEnd[i];
    if (end === 0) continue;
    const b = i * M;
    let last = 0;
    for (let s = b, e = b + end; s < e; s++) {
      const t = tt[s];
      if (t < 0) continue;
      const v = ts[s] * keep;
      if (v < min || renewed[t + 1] === 1) {
        tt[s] = -1;
        ts[s] = 0;
      } else {
        ts[s] = v;
        last = s - b + 1;
      }
    }
    tieEnd[i] = last;
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

/** Marks agent i's slot as renewed this tick (exit, migration): ties to it drop in phase 9. */
export function markRenewed(st: ModelState, i: number): void {
  st.renewed[i + 1] = 1;
}
