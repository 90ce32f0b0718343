/**
 * Phase 8: firm exit and entry (MODEL-SPEC 3.8). A firm whose performance stays below
 * `exit_threshold` times the regional mean for `exit_patience` ticks exits; its employees
 * become unemployed. The slot is refilled by an outside entrant (probability openness x
 * fdi_rate) or by a spin-off of the most capable of a few local residents. Entry and exit
 * are how regions renew themselves after shocks.
 */
import { FIRM, RESIDENT } from './kinds';
import { capability, capInPlace } from './knowledge';
import type { Params } from './params';
import type { Rng } from './rng';
import type { ModelState } from './state';
import { clearTiesInPlace, markRenewed } from './ties';
import type { TickCounters } from './counters';
import { drawOutsideKnowledgeInPlace } from './residents';
import type { FirmLog } from './firm-log';

export const ORIGIN_INITIAL = 0;
export const ORIGIN_SPINOFF = 1;
export const ORIGIN_OUTSIDE = 2;

export function demographyInPlace(st: ModelState, p: Params, rng: Rng, c: TickCounters, log: FirmLog | null): void {
  let mean = 0;
  let live = 0;
  for (let i = 0; i < st.F; i++)
    if (st.alive[i]) {
      mean += st.performance[i];
      live++;
    }
  mean = live > 0 ? mean / live : 0;
  const threshold = p.exitThreshold * mean;
  let anyExit = false;
  st.exitedThisTick.fill(0);
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    // A firm can exit once it is `exit_warmup` ticks old; initial firms have random ages,
    // so the initial misfits do not all leave in one synchronised wave.
    if (st.tick - st.birthTick[i] >= p.exitWarmup && st.performance[i] < threshold) st.lowTicks[i]++;
    else st.lowTicks[i] = 0;
    if (st.lowTicks[i] >= p.exitPatience) {
      if (log) log.record(st, i, st.tick);
      st.alive[i] = 0;
      st.exitedThisTick[i] = 1;
      markRenewed(st, i);
      clearTiesInPlace(st, i);
      c.exits++;
      anyExit = true;
    }
  }
  if (anyExit) {
    for (let r = 0; r < st.R; r++) {
      const f = st.employer[r];
      if (f >= 0 && f < st.F && st.exitedThisTick[f]) st.employer[r] = -1;
    }
    for (let i = 0; i < st.F; i++) if (st.exitedThisTick[i]) st.size[i] = 0;
  }
  // Refill exited slots; spin-offs also fill free slots at spinoff_rate.
  for (let i = 0; i < st.F; i++) {
    if (st.alive[i]) continue;
    if (st.exitedThisTick[i]) {
      if (rng.random() >= p.refill) continue;
      if (rng.random() < p.openness * p.fdiRate) {
        outsideEntrantInPlace(st, p, rng, i);
        c.entriesOutside++;
      } else if (spinOffInPlace(st, p, rng, i)) c.entriesSpinoff++;
    } else if (rng.random() < p.spinoffRate && spinOffInPlace(st, p, rng, i)) c.entriesSpinoff++;
  }
  // Performance reference for newcomers: the live firms' mean (no instant exit).
  for (let i = 0; i < st.F; i++) if (st.alive[i] && st.birthTick[i] === st.tick && st.tick > 0) st.performance[i] = mean;
}

function newFirmInPlace(st: ModelState, p: Params, rng: Rng, i: number, origin: number): void {
  st.alive[i] = 1;
  st.rd[i] = rng.uniform(p.rdMin, p.rdMax);
  st.absorptive[i] = rng.uniform(p.absorptiveMin, p.absorptiveMax);
  st.propensity[i] = Math.pow(rng.random(), p.propensityExponent);
  st.lowTicks[i] = 0;
  st.planted[i] = 0;
  st.birthTick[i] = st.tick;
  st.origin[i] = origin;
  st.firmSerial[i] = st.nextSerial++;
  st.innovationsCount[i] = 0;
  st.lateValue[i] = 0;
  st.partnerDistSum[i] = 0;
  st.partnerDistWeight[i] = 0;
  st.atypicalitySum[i] = 0;
  st.atypicalityTicks[i] = 0;
  st.size[i] = 0;
  const K = st.K;
  st.novelty.fill(0, i * K, (i + 1) * K);
  st.gain.fill(0, i * K, (i + 1) * K);
  resetAttentionInPlace(st, p, i);
  clearTiesInPlace(st, i);
}

/** Attention proportional to c^gamma (a firm starts by using what it knows). */
export function resetAttentionInPlace(st: ModelState, p: Params, i: number): void {
  const K = st.K;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const cap = capability(st.tacitAt(i, k), st.explicitAt(i, k), p.phi);
    sum += Math.pow(cap, p.gamma);
  }
  for (let k = 0; k < K; k++) {
    const cap = capability(st.tacitAt(i, k), st.explicitAt(i, k), p.phi);
    st.attention[i * K + k] = sum > 0 ? Math.pow(cap, p.gamma) / sum : 1 / K;
  }
}

/**
 * An outside entrant (FDI): the best of `pipeline.candidates` outside profiles by
 * relevance-weighted capability, like the best of a few residents for a spin-off.
 */
function outsideEntrantInPlace(st: ModelState, p: Params, rng: Rng, i: number): void {
  const K = st.K;
  let best = -1;
  const buf = st.scratchW2;
  for (let n = 0; n < p.pipeCandidates; n++) {
    drawOutsideKnowledgeInPlace(st, p, rng, i, st.extWidth, st.extAmplitude);
    let score = 0;
    for (let k = 0; k < K; k++) score += capability(st.tacitAt(i, k), st.explicitAt(i, k), p.phi) * st.relevance[k];
    if (score > best) {
      best = score;
      for (let k = 0; k < K; k++) buf[k] = st.tacitAt(i, k);
    }
  }
  for (let k = 0; k < K; k++) {
    st.setTacitAt(i, k, buf[k]);
    st.setExplicitAt(i, k, buf[k]);
  }
  capInPlace(st, p, i);
  newFirmInPlace(st, p, rng, i, ORIGIN_OUTSIDE);
}

/**
 * A spin-off: the most capable (relevance-weighted unless firms.spinoff_score is
 * 'capability') of `spinoff_candidates` residents of
 * the slot's place founds the firm with a perturbed, scaled copy of their profile.
 */
function spinOffInPlace(st: ModelState, p: Params, rng: Rng, i: number): boolean {
  const K = st.K;
  let founder = -1;
  let best = -1;
  for (let n = 0; n < p.spinoffCandidates; n++) {
    let r = st.randomAt(st.place[i], RESIDENT, rng);
    if (r < 0) r = st.R > 0 ? st.firstResident + rng.int(st.R) : -1;
    if (r < 0) continue;
    let score = 0;
    if (p.spinoffByRelevance) for (let k = 0; k < K; k++) score += capability(st.tacitAt(r, k), st.explicitAt(r, k), p.phi) * st.relevance[k];
    else for (let k = 0; k < K; k++) score += capability(st.tacitAt(r, k), st.explicitAt(r, k), p.phi);
    if (score > best) {
      best = score;
      founder = r;
    }
  }
  if (founder < 0) return false;
  const scale = p.capacity[FIRM] / p.capacity[RESIDENT];
  for (let k = 0; k < K; k++) {
    const f = scale * rng.uniform(0.8, 1.2);
    st.setTacitAt(i, k, Math.min(1, st.tacitAt(founder, k) * f));
    st.setExplicitAt(i, k, Math.min(1, st.explicitAt(founder, k) * f));
  }
  capInPlace(st, p, i);
  newFirmInPlace(st, p, rng, i, ORIGIN_SPINOFF);
  const r = founder - st.firstResident;
  const old = st.employer[r];
  if (old >= 0) st.size[old]--;
  st.employer[r] = i;
  st.size[i] = 1;
  return true;
}
