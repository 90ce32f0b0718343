/**
 * The exchange kernels (MODEL-SPEC 3.4): a two-way meeting between region agents and
 * one-way learning from an external partner (pipelines), both built from the rules in
 * knowledge.ts (relatednessWeight, learnTowards, the capacity rescale). The kernels apply
 * the rule and report the gains in the Meeting; the accounting (flow accounts, place flows,
 * the late-window partner distance of the microdata) is a separate step, recordExchange /
 * recordExternal. Plain reference twins live in exchange-reference.ts.
 */
import { CH_PIPELINE, FIRM, sourceSlot, SRC_OUTSIDE } from './kinds';
import { learnTowards, relatednessInto, relatednessWeight, scaleInPlace, understandability, type ProfileMaxima } from './knowledge';
import type { Params } from './params';
import type { ModelState } from './state';

/**
 * One meeting's inputs and the learning it produced: a context reused for every meeting of
 * a run (no allocation per meeting). For learning from outside, j is the external partner.
 */
export class Meeting implements ProfileMaxima {
  /** The initiator (a region agent). */
  i = 0;
  /** The partner: a region agent (exchange) or an external partner (learning from outside). */
  j = 0;
  /** Cognitive proximity of the pair. */
  kappa = 0;
  /** Profile maxima max_k (T + E) of i and j, as cognitiveProximity returned them. */
  maxI = 0;
  maxJ = 0;
  /** Trust for tacit knowledge, s0 + (1 - s0) s_ij. */
  trust = 1;
  /** Distance kernels of tacit and explicit knowledge. */
  gTacit = 1;
  gExplicit = 1;
  /** Scale of each side's learning (1 / size for a firm learning from one employee; 0: does not learn). */
  rateI = 1;
  rateJ = 1;
  /** Learning channel for the flow accounts (CH_*). */
  channel = 0;
  /** Gains of the last kernel call: tacit and explicit, of i and of j. */
  tacitI = 0;
  explicitI = 0;
  tacitJ = 0;
  explicitJ = 0;

  /**
   * Starts a meeting of i and j on a channel: trust, distance kernels and rates back to 1
   * (the caller sets those that differ). Keeps maxI/maxJ, which cognitiveProximity wrote.
   */
  pair(i: number, j: number, kappa: number, channel: number): this {
    this.i = i;
    this.j = j;
    this.kappa = kappa;
    this.channel = channel;
    this.trust = 1;
    this.gTacit = 1;
    this.gExplicit = 1;
    this.rateI = 1;
    this.rateJ = 1;
    return this;
  }

  /** Rate of tacit learning of a side with effective absorption `absorb` (= A e rate): rho_T absorb g_T trust. */
  tacitRate(p: Params, absorb: number): number {
    return p.rhoT * absorb * this.gTacit * this.trust;
  }

  /** Rate of explicit learning of a side with effective absorption `absorb`: rho_E absorb g_E (no trust needed). */
  explicitRate(p: Params, absorb: number): number {
    return p.rhoE * absorb * this.gExplicit;
  }

  /** Sets the gains of the last kernel call. */
  gains(tacitI: number, explicitI: number, tacitJ: number, explicitJ: number): void {
    this.tacitI = tacitI;
    this.explicitI = explicitI;
    this.tacitJ = tacitJ;
    this.explicitJ = explicitJ;
  }
}

/**
 * Two-way exchange between region agents m.i and m.j from the values held before the
 * meeting (MODEL-SPEC 3.4): each learns towards the other where the other is higher, at
 * rho A e(kappa) g rate w_k (times trust for tacit knowledge), then each side is rescaled
 * to its capacity. Firms' gains also go to st.gain (recent learning, for innovation).
 * Writes the gains into m; returns false (nothing learned) when the pair cannot understand
 * each other.
 */
export function exchangeInPlace(st: ModelState, p: Params, m: Meeting): boolean {
  m.gains(0, 0, 0, 0);
  const e = understandability(m.kappa, p.cMax);
  if (e <= 0) return false;
  // One fused pass: relatedness weights from the pre-meeting profiles (rolling window over
  // k-1, k, k+1; maxima from cognitiveProximity), both sides' gains, and their sums for the
  // capacity check. A speed trick only: exchangeReference does the same in plain passes
  // and a property test holds the two equal.
  const i = m.i;
  const j = m.j;
  const K = st.K;
  const X = st.knowledge; // T at even, E at odd positions, domain by domain
  const G = st.gain;
  const ai = st.absorptive[i] * e * m.rateI;
  const aj = st.absorptive[j] * e * m.rateJ;
  const tI = m.tacitRate(p, ai);
  const eI = m.explicitRate(p, ai);
  const tJ = m.tacitRate(p, aj);
  const eJ = m.explicitRate(p, aj);
  const gi = i * K; // gain rows
  const gj = j * K;
  const bi = 2 * gi; // knowledge rows
  const bj = 2 * gj;
  const firmI = i < st.F;
  const firmJ = j < st.F;
  const floor = p.relFloor;
  const a = p.relA;
  const invI = m.maxI > 0 ? 1 / m.maxI : 0;
  const invJ = m.maxJ > 0 ? 1 / m.maxJ : 0;
  const last = 2 * (K - 1);
  let iPrev = X[bi + last] + X[bi + last + 1];
  let iCur = X[bi] + X[bi + 1];
  const iFirst = iCur;
  let jPrev = X[bj + last] + X[bj + last + 1];
  let jCur = X[bj] + X[bj + 1];
  const jFirst = jCur;
  let gTi = 0;
  let gEi = 0;
  let gTj = 0;
  let gEj = 0;
  let sumI = 0;
  let sumJ = 0;
  for (let k = 0; k < K; k++) {
    const ni = bi + 2 * k;
    const nj = bj + 2 * k;
    const iNext = k + 1 < K ? X[ni + 2] + X[ni + 3] : iFirst;
    const jNext = k + 1 < K ? X[nj + 2] + X[nj + 3] : jFirst;
    let mI = iCur > iPrev ? iCur : iPrev;
    if (iNext > mI) mI = iNext;
    let mJ = jCur > jPrev ? jCur : jPrev;
    if (jNext > mJ) mJ = jNext;
    const wI = relatednessWeight(mI * invI, floor, a);
    const wJ = relatednessWeight(mJ * invJ, floor, a);
    const Ti = X[ni];
    const Tj = X[nj];
    const Ei = X[ni + 1];
    const Ej = X[nj + 1];
    const dTi = learnTowards(Ti, Tj, tI * wI);
    const dTj = learnTowards(Tj, Ti, tJ * wJ);
    const dEi = learnTowards(Ei, Ej, eI * wI);
    const dEj = learnTowards(Ej, Ei, eJ * wJ);
    X[ni] = Ti + dTi;
    X[ni + 1] = Ei + dEi;
    X[nj] = Tj + dTj;
    X[nj + 1] = Ej + dEj;
    sumI += Ti + dTi + Ei + dEi;
    sumJ += Tj + dTj + Ej + dEj;
    if (firmI) G[gi + k] += dTi + dEi;
    if (firmJ) G[gj + k] += dTj + dEj;
    gTi += dTi;
    gEi += dEi;
    gTj += dTj;
    gEj += dEj;
    iPrev = iCur;
    iCur = iNext;
    jPrev = jCur;
    jCur = jNext;
  }
  if (sumI > p.capacity[st.kind[i]]) scaleInPlace(st, i, p.capacity[st.kind[i]] / sumI);
  if (sumJ > p.capacity[st.kind[j]]) scaleInPlace(st, j, p.capacity[st.kind[j]] / sumJ);
  m.gains(gTi, gEi, gTj, gEj);
  return true;
}

/**
 * Books an exchange: tacit and explicit flows of m.channel, what firms learned by source,
 * tacit flows between places (row = the learner's place, column = the source's place), and
 * in the late window each firm's gain-weighted partner distance (microdata).
 */
export function recordExchange(st: ModelState, flows: Float64Array, m: Meeting): void {
  const i = m.i;
  const j = m.j;
  const gTi = m.tacitI;
  const gEi = m.explicitI;
  const gTj = m.tacitJ;
  const gEj = m.explicitJ;
  const firmI = i < st.F;
  const firmJ = j < st.F;
  flows[m.channel] += gTi + gTj;
  flows[4 + m.channel] += gEi + gEj;
  if (firmI) flows[sourceSlot(st.kind[j])] += gTi + gEi;
  if (firmJ) flows[sourceSlot(st.kind[i])] += gTj + gEj;
  const P = st.space.P;
  st.placeFlows[st.place[i] * P + st.place[j]] += gTi;
  st.placeFlows[st.place[j] * P + st.place[i]] += gTj;
  if (st.tick >= st.lateStart) {
    const c = 1 - m.kappa;
    if (firmI) {
      st.partnerDistSum[i] += (gTi + gEi) * c;
      st.partnerDistWeight[i] += gTi + gEi;
    }
    if (firmJ) {
      st.partnerDistSum[j] += (gTj + gEj) * c;
      st.partnerDistWeight[j] += gTj + gEj;
    }
  }
}

/**
 * One-way learning of region agent m.i from external partner m.j (pipelines): the same
 * rule with the partner's knowledge T = E = min(1, pi r), scaled by m.rateI. Writes i's
 * gains into m; returns false when i cannot understand the partner.
 */
export function learnFromExternalInPlace(st: ModelState, p: Params, m: Meeting): boolean {
  m.gains(0, 0, 0, 0);
  const e = understandability(m.kappa, p.cMax);
  if (e <= 0) return false;
  // One fused pass as in exchangeInPlace: relatedness weights from the pre-meeting profile
  // (rolling window, equal to relatednessInto), the gains, and the capacity sum of the
  // stored (float32) values, in capInPlace's order: the same results without two more
  // passes over the agent's knowledge.
  const i = m.i;
  const K = st.K;
  const X = st.knowledge;
  const G = st.gain;
  const XK = st.extKnowledge;
  const ai = st.absorptive[i] * e * m.rateI;
  const tI = m.tacitRate(p, ai);
  const eI = m.explicitRate(p, ai);
  const gi = i * K; // gain row
  const bi = 2 * gi; // knowledge row
  const bx = m.j * K;
  const firm = i < st.F && st.kind[i] === FIRM;
  // The default exponent a = 2 computes the weights inside the pass; any other exponent
  // computes them first (relatednessInto), keeping Math.pow out of the learning loop.
  const W = st.scratchW1;
  const square = p.relA === 2;
  let mx = 0;
  if (square) {
    for (let k = 0; k < K; k++) {
      const v = X[bi + 2 * k] + X[bi + 2 * k + 1];
      if (v > mx) mx = v;
    }
  } else relatednessInto(st, p, i, W);
  const floor = p.relFloor;
  const related = mx > 0;
  const inv = related ? 1 / mx : 0;
  const last = bi + 2 * (K - 1);
  let prev = X[last] + X[last + 1];
  let cur = X[bi] + X[bi + 1];
  const first = cur;
  let gTi = 0;
  let gEi = 0;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const n = bi + 2 * k;
    let w = floor;
    if (!square) w = W[k];
    else if (related) {
      const next = k + 1 < K ? X[n + 2] + X[n + 3] : first;
      let mk = cur > prev ? cur : prev;
      if (next > mk) mk = next;
      w = relatednessWeight(mk * inv, floor, 2);
      prev = cur;
      cur = next;
    }
    const xk = XK[bx + k];
    const Ti = X[n];
    const Ei = X[n + 1];
    const dT = learnTowards(Ti, xk, tI * w);
    const dE = learnTowards(Ei, xk, eI * w);
    const nT = Math.fround(Ti + dT);
    const nE = Math.fround(Ei + dE);
    X[n] = nT;
    X[n + 1] = nE;
    sum += nT + nE;
    if (firm) G[gi + k] += dT + dE;
    gTi += dT;
    gEi += dE;
  }
  const cap = p.capacity[st.kind[i]];
  if (sum > cap) scaleInPlace(st, i, cap / sum);
  m.gains(gTi, gEi, 0, 0);
  return true;
}

/** Books learning from outside: pipeline flows, firms' learning from outside, the late-window partner distance. */
export function recordExternal(st: ModelState, flows: Float64Array, m: Meeting): void {
  const i = m.i;
  const gTi = m.tacitI;
  const gEi = m.explicitI;
  const firm = i < st.F && st.kind[i] === FIRM;
  flows[CH_PIPELINE] += gTi;
  flows[4 + CH_PIPELINE] += gEi;
  if (firm) flows[8 + SRC_OUTSIDE] += gTi + gEi;
  if (firm && st.tick >= st.lateStart) {
    st.partnerDistSum[i] += (gTi + gEi) * (1 - m.kappa);
    st.partnerDistWeight[i] += gTi + gEi;
  }
}
