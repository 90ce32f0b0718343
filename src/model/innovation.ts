/**
 * Phase 7: innovation (MODEL-SPEC 3.7). A firm recombines a domain it masters (k1 ~
 * c^gamma, increasing returns) with one it learned lately (k2 ~ N + epsilon c); success
 * needs fresh learning; value is relevance times novelty to the region, 1 - S, where S is
 * the share of other live firms capable in both domains `novelty_lag` ticks ago (a first
 * mover's rent before neighbours catch up). The lagged capability masks and their pair
 * counts live in ring buffers, so S costs O(1) per innovation.
 */
import { capability, capInPlace, power } from './knowledge';
import type { Params } from './params';
import type { Rng } from './rng';
import type { ModelState } from './state';
import type { TickCounters } from './counters';

/** Value innovated by each firm this tick (for the performance EWMA). */
export function innovationPhaseInPlace(st: ModelState, p: Params, rng: Rng, c: TickCounters, valueThisTick: Float64Array, noveltyWindow: NoveltyWindow): void {
  const K = st.K;
  const X = st.knowledge; // T_ik at 2 (iK + k), E_ik next to it
  const N = st.novelty;
  const G = st.gain;
  const nu = p.noveltyEwma;
  // Recent learning N: an EWMA of this tick's gains.
  for (let n = 0, end = st.F * K; n < end; n++) {
    N[n] = (1 - nu) * N[n] + nu * G[n];
    G[n] = 0;
  }
  valueThisTick.fill(0);
  const slot = (st.tick + 1) % st.lagSlots; // written `lag` ticks ago
  const pairs = st.pairRing;
  const pairBase = slot * K * K;
  const liveLag = st.liveRing[slot];
  const W = st.words;
  const maskBase = slot * st.F * W;
  const w = st.scratchK;
  const late = st.tick >= st.lateStart;
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    // R&D effort left after this tick's misunderstandings (1 when the cost is off).
    const effort = p.misunderstandingCost > 0 ? Math.max(0, 1 - p.misunderstandingCost * st.misunderstanding[i]) : 1;
    if (rng.random() >= st.rd[i] * effort) continue;
    const b = i * K; // rows of novelty and attention
    const x = 2 * b; // row of knowledge
    // k1 ~ c^gamma
    let sum1 = 0;
    let sumN = 0;
    for (let k = 0; k < K; k++) {
      const v = power(capability(X[x + 2 * k], X[x + 2 * k + 1], p.phi), p.gamma);
      w[k] = v;
      sum1 += v;
      sumN += N[b + k];
    }
    if (!(sum1 > 0)) continue;
    let u = rng.random() * sum1;
    let k1 = K - 1;
    for (let k = 0; k < K; k++) {
      u -= w[k];
      if (u <= 0) {
        k1 = k;
        break;
      }
    }
    // k2 != k1 ~ N_k + epsilon c_k
    let sum2 = 0;
    for (let k = 0; k < K; k++) {
      const v = k === k1 ? 0 : N[b + k] + p.epsilon * capability(X[x + 2 * k], X[x + 2 * k + 1], p.phi);
      w[k] = v;
      sum2 += v;
    }
    if (!(sum2 > 0)) continue;
    u = rng.random() * sum2;
    let k2 = -1;
    for (let k = 0; k < K; k++) {
      u -= w[k];
      if (u <= 0 && w[k] > 0) {
        k2 = k;
        break;
      }
    }
    if (k2 < 0) for (let k = K - 1; k >= 0; k--) if (w[k] > 0) { k2 = k; break; }
    const c1 = capability(X[x + 2 * k1], X[x + 2 * k1 + 1], p.phi);
    const c2 = capability(X[x + 2 * k2], X[x + 2 * k2 + 1], p.phi);
    const success = 1 - Math.exp(-p.beta * Math.sqrt(c1 * c2) * (p.nu0 + sumN));
    if (rng.random() >= success) continue;
    // Novelty to the region from the lagged masks, excluding the firm itself.
    let count = pairs[pairBase + k1 * K + k2];
    let others = liveLag;
    const m = maskBase + i * W;
    const self1 = (st.maskRing[m + (k1 >>> 5)] >>> (k1 & 31)) & 1;
    const self2 = (st.maskRing[m + (k2 >>> 5)] >>> (k2 & 31)) & 1;
    if (self1 && self2) count--;
    if (st.aliveRing[slot * st.F + i]) others--;
    const S = others > 0 ? Math.max(0, count) / others : 0;
    const value = Math.sqrt(st.relevance[k1] * st.relevance[k2]) * (1 - S);
    c.innovations++;
    c.value += value;
    c.noveltySum += S;
    if (S < p.radicalBelow) c.radical++;
    noveltyWindow.add(st.tick, S);
    valueThisTick[i] += value;
    st.innovationsCount[i]++;
    if (late) st.lateValue[i] += value;
    // Demand-pull learning by doing in k1 and k2; attention follows use.
    for (let twice = 0; twice < 2; twice++) {
      const k = twice === 0 ? k1 : k2;
      const n = x + 2 * k; // T_ik; E_ik at n + 1
      const dT = p.lbd * st.relevance[k] * (1 - X[n]);
      X[n] += dT;
      X[n + 1] = Math.min(1, X[n + 1] + p.codify * dT);
      st.attention[b + k] += p.h;
    }
    capInPlace(st, p, i);
  }
  if (p.misunderstandingCost > 0) st.misunderstanding.fill(0);
  // Performance: EWMA of innovation value.
  const a = p.perfEwma;
  for (let i = 0; i < st.F; i++) if (st.alive[i]) st.performance[i] = (1 - a) * st.performance[i] + a * valueThisTick[i];
}

/** Writes this tick's capability masks (c >= theta) and pair counts into the ring slot. */
export function recordCapabilitiesInPlace(st: ModelState, p: Params): void {
  const K = st.K;
  const W = st.words;
  const slot = st.tick % st.lagSlots;
  const masks = st.maskRing;
  const maskBase = slot * st.F * W;
  const pairs = st.pairRing;
  const pairBase = slot * K * K;
  pairs.fill(0, pairBase, pairBase + K * K);
  masks.fill(0, maskBase, maskBase + st.F * W);
  const capable = st.capable;
  let live = 0;
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    live++;
    const x = 2 * i * K;
    let n = 0;
    for (let k = 0; k < K; k++) {
      if (capability(st.knowledge[x + 2 * k], st.knowledge[x + 2 * k + 1], p.phi) >= p.theta) {
        capable[n++] = k;
        masks[maskBase + i * W + (k >>> 5)] |= 1 << (k & 31);
      }
    }
    for (let x = 0; x < n; x++) {
      const row = pairBase + capable[x] * K;
      for (let y = 0; y < n; y++) pairs[row + capable[y]]++;
    }
  }
  st.liveRing[slot] = live;
  for (let i = 0; i < st.F; i++) st.aliveRing[slot * st.F + i] = st.alive[i];
}

/** Rolling mean of S over the innovations of the last `window` ticks (exhaustion). */
export class NoveltyWindow {
  private readonly sum: Float64Array;
  private readonly count: Float64Array;
  constructor(private readonly window: number) {
    this.sum = new Float64Array(window);
    this.count = new Float64Array(window);
  }
  /** Starts tick t (clears its slot). */
  begin(t: number): void {
    this.sum[t % this.window] = 0;
    this.count[t % this.window] = 0;
  }
  add(t: number, S: number): void {
    this.sum[t % this.window] += S;
    this.count[t % this.window]++;
  }
  /** Mean S over the window; NaN when there were no innovations. */
  mean(): number {
    let s = 0;
    let n = 0;
    for (let k = 0; k < this.window; k++) {
      s += this.sum[k];
      n += this.count[k];
    }
    return n > 0 ? s / n : Number.NaN;
  }
}
