/**
 * Knowledge kernels: cognitive proximity, relatedness weights, the exchange rule of
 * MODEL-SPEC 3.4 (Nooteboom's novelty x understandability) and the capacity rescale.
 * All functions work on the state's flat arrays and preallocated scratch buffers.
 */
import type { Params } from './params';
import type { ModelState } from './state';
import { FIRM, sourceSlot, SRC_OUTSIDE } from './kinds';

/**
 * Cosine similarity of the profiles x = T + E of region agents i and j. As a by-product
 * (same pass) it leaves max_k x_ik and max_k x_jk in st.maxI / st.maxJ for the
 * relatedness weights of a following exchange.
 */
export function cognitiveProximity(st: ModelState, i: number, j: number): number {
  const K = st.K;
  const T = st.tacit;
  const E = st.explicit;
  const bi = i * K;
  const bj = j * K;
  let dot = 0;
  let ni = 0;
  let nj = 0;
  let mi = 0;
  let mj = 0;
  // Unrolled by two (a speed trick only): the sums still accumulate in order k.
  let k = 0;
  for (; k + 1 < K; k += 2) {
    const xi0 = T[bi + k] + E[bi + k];
    const xj0 = T[bj + k] + E[bj + k];
    const xi1 = T[bi + k + 1] + E[bi + k + 1];
    const xj1 = T[bj + k + 1] + E[bj + k + 1];
    dot += xi0 * xj0;
    dot += xi1 * xj1;
    ni += xi0 * xi0;
    ni += xi1 * xi1;
    nj += xj0 * xj0;
    nj += xj1 * xj1;
    if (xi0 > mi) mi = xi0;
    if (xi1 > mi) mi = xi1;
    if (xj0 > mj) mj = xj0;
    if (xj1 > mj) mj = xj1;
  }
  if (k < K) {
    const xi = T[bi + k] + E[bi + k];
    const xj = T[bj + k] + E[bj + k];
    dot += xi * xj;
    ni += xi * xi;
    nj += xj * xj;
    if (xi > mi) mi = xi;
    if (xj > mj) mj = xj;
  }
  st.maxI = mi;
  st.maxJ = mj;
  return ni > 0 && nj > 0 ? dot / Math.sqrt(ni * nj) : 0;
}

/** Cosine similarity of region agent i and external partner e (this tick's knowledge). */
export function externalProximity(st: ModelState, i: number, e: number): number {
  const K = st.K;
  const T = st.tacit;
  const E = st.explicit;
  const X = st.extKnowledge;
  const bi = i * K;
  const be = e * K;
  let dot = 0;
  let ni = 0;
  for (let k = 0; k < K; k++) {
    const xi = T[bi + k] + E[bi + k];
    dot += xi * 2 * X[be + k];
    ni += xi * xi;
  }
  const ne = st.extNorm[e];
  return ni > 0 && ne > 0 ? dot / Math.sqrt(ni * ne) : 0;
}

/**
 * Relatedness weight of each domain for agent i (MODEL-SPEC 2):
 * w_k = floor + (1 - floor) (max(x_{k-1}, x_k, x_{k+1}) / max_j x_j)^a.
 */
export function relatednessInto(st: ModelState, p: Params, i: number, out: Float64Array): void {
  const K = st.K;
  const T = st.tacit;
  const E = st.explicit;
  const b = i * K;
  let mx = 0;
  for (let k = 0; k < K; k++) {
    const v = T[b + k] + E[b + k];
    if (v > mx) mx = v;
  }
  const floor = p.relFloor;
  if (!(mx > 0)) {
    out.fill(floor);
    return;
  }
  const inv = 1 / mx;
  const a = p.relA;
  let prev = T[b + K - 1] + E[b + K - 1];
  let cur = T[b] + E[b];
  const first = cur;
  for (let k = 0; k < K; k++) {
    const next = k + 1 < K ? T[b + k + 1] + E[b + k + 1] : first;
    let m = cur;
    if (prev > m) m = prev;
    if (next > m) m = next;
    const r = m * inv;
    out[k] = floor + (1 - floor) * (a === 2 ? r * r : Math.pow(r, a));
    prev = cur;
    cur = next;
  }
}

/** Rescales agent i's knowledge proportionally when sum_k (T + E) exceeds its capacity. */
export function capInPlace(st: ModelState, p: Params, i: number): void {
  const K = st.K;
  const T = st.tacit;
  const E = st.explicit;
  const b = i * K;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += T[b + k] + E[b + k];
  const cap = p.capacity[st.kind[i]];
  if (sum > cap) {
    const f = cap / sum;
    for (let k = 0; k < K; k++) {
      T[b + k] *= f;
      E[b + k] *= f;
    }
  }
}

/** Understandability e(c) = max(0, 1 - c / c_max) at cognitive distance c = 1 - kappa. */
export function understandability(kappa: number, cMax: number): number {
  const e = 1 - (1 - kappa) / cMax;
  return e > 0 ? e : 0;
}

/**
 * Two-way exchange between region agents i and j (MODEL-SPEC 3.4), from the values held
 * before the meeting. `trust` is s0 + (1 - s0) s_ij for tacit knowledge; gT, gE the
 * distance kernels; rateI/rateJ scale each side's learning (rho multipliers, 1/size for
 * a firm learning from one employee; 0 for a side that does not learn). Returns the
 * total tacit gain (both sides) for the place-flow accounts.
 */
export function exchangeInPlace(
  st: ModelState,
  p: Params,
  flows: Float64Array,
  i: number,
  j: number,
  kappa: number,
  trust: number,
  gT: number,
  gE: number,
  rateI: number,
  rateJ: number,
  channel: number,
): number {
  const e = understandability(kappa, p.cMax);
  if (e <= 0) return 0;
  // One fused pass: relatedness weights from the pre-meeting profiles (rolling window
  // over k-1, k, k+1; max from cognitiveProximity), both sides' gains, and their sums
  // for the capacity check. A speed trick only: the result equals relatednessInto + the
  // plain rule.
  const K = st.K;
  const T = st.tacit;
  const E = st.explicit;
  const G = st.gain;
  const ai = st.absorptive[i] * e * rateI;
  const aj = st.absorptive[j] * e * rateJ;
  const tI = p.rhoT * ai * gT * trust;
  const eI = p.rhoE * ai * gE;
  const tJ = p.rhoT * aj * gT * trust;
  const eJ = p.rhoE * aj * gE;
  const bi = i * K;
  const bj = j * K;
  const firmI = i < st.F;
  const firmJ = j < st.F;
  const floor = p.relFloor;
  const span = 1 - floor;
  const a = p.relA;
  const invI = st.maxI > 0 ? 1 / st.maxI : 0;
  const invJ = st.maxJ > 0 ? 1 / st.maxJ : 0;
  let iPrev = T[bi + K - 1] + E[bi + K - 1];
  let iCur = T[bi] + E[bi];
  const iFirst = iCur;
  let jPrev = T[bj + K - 1] + E[bj + K - 1];
  let jCur = T[bj] + E[bj];
  const jFirst = jCur;
  let gTi = 0;
  let gEi = 0;
  let gTj = 0;
  let gEj = 0;
  let sumI = 0;
  let sumJ = 0;
  for (let k = 0; k < K; k++) {
    const iNext = k + 1 < K ? T[bi + k + 1] + E[bi + k + 1] : iFirst;
    const jNext = k + 1 < K ? T[bj + k + 1] + E[bj + k + 1] : jFirst;
    let mI = iCur > iPrev ? iCur : iPrev;
    if (iNext > mI) mI = iNext;
    let mJ = jCur > jPrev ? jCur : jPrev;
    if (jNext > mJ) mJ = jNext;
    const rI = mI * invI;
    const rJ = mJ * invJ;
    const wI = floor + span * (a === 2 ? rI * rI : Math.pow(rI, a));
    const wJ = floor + span * (a === 2 ? rJ * rJ : Math.pow(rJ, a));
    const Ti = T[bi + k];
    const Tj = T[bj + k];
    const Ei = E[bi + k];
    const Ej = E[bj + k];
    // Each side learns only where the other is higher: (|g| + g) / 2 = max(g, 0) without a
    // data-dependent branch (same values as the branch, see conversionInPlace).
    const gapT = Tj - Ti;
    const aT = Math.abs(gapT);
    const gapE = Ej - Ei;
    const aE = Math.abs(gapE);
    const dTi = tI * wI * ((aT + gapT) * 0.5);
    const dTj = tJ * wJ * ((aT - gapT) * 0.5);
    const dEi = eI * wI * ((aE + gapE) * 0.5);
    const dEj = eJ * wJ * ((aE - gapE) * 0.5);
    T[bi + k] = Ti + dTi;
    E[bi + k] = Ei + dEi;
    T[bj + k] = Tj + dTj;
    E[bj + k] = Ej + dEj;
    sumI += Ti + dTi + Ei + dEi;
    sumJ += Tj + dTj + Ej + dEj;
    if (firmI) G[bi + k] += dTi + dEi;
    if (firmJ) G[bj + k] += dTj + dEj;
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
  flows[channel] += gTi + gTj;
  flows[4 + channel] += gEi + gEj;
  if (firmI) flows[sourceSlot(st.kind[j])] += gTi + gEi;
  if (firmJ) flows[sourceSlot(st.kind[i])] += gTj + gEj;
  // Tacit flows between places: row = the learner's place, column = the source's place.
  const P = st.space.P;
  st.placeFlows[st.place[i] * P + st.place[j]] += gTi;
  st.placeFlows[st.place[j] * P + st.place[i]] += gTj;
  if (st.tick >= st.lateStart) {
    const c = 1 - kappa;
    if (firmI) {
      st.partnerDistSum[i] += (gTi + gEi) * c;
      st.partnerDistWeight[i] += gTi + gEi;
    }
    if (firmJ) {
      st.partnerDistSum[j] += (gTj + gEj) * c;
      st.partnerDistWeight[j] += gTj + gEj;
    }
  }
  return gTi + gTj;
}

/** Multiplies agent i's tacit and explicit knowledge by f (the capacity rescale). */
export function scaleInPlace(st: ModelState, i: number, f: number): void {
  const K = st.K;
  const b = i * K;
  for (let k = 0; k < K; k++) {
    st.tacit[b + k] *= f;
    st.explicit[b + k] *= f;
  }
}

/**
 * One-way learning of region agent i from external partner x (pipelines): the same rule
 * with the external partner's knowledge T = E = min(1, pi r). Returns the tacit gain.
 */
export function learnFromExternalInPlace(
  st: ModelState,
  p: Params,
  flows: Float64Array,
  i: number,
  x: number,
  kappa: number,
  trust: number,
  gT: number,
  gE: number,
  scale: number,
): number {
  const e = understandability(kappa, p.cMax);
  if (e <= 0) return 0;
  // One fused pass as in exchangeInPlace: relatedness weights from the pre-meeting profile
  // (rolling window, equal to relatednessInto), the gains, and the capacity sum of the
  // stored (float32) values, in capInPlace's order: the same results without two more
  // passes over the agent's knowledge.
  const K = st.K;
  const T = st.tacit;
  const E = st.explicit;
  const G = st.gain;
  const XK = st.extKnowledge;
  const ai = st.absorptive[i] * e * scale;
  const tI = p.rhoT * ai * gT * trust;
  const eI = p.rhoE * ai * gE;
  const bi = i * K;
  const bx = x * K;
  const firm = i < st.F && st.kind[i] === FIRM;
  // The default exponent a = 2 computes the weights inside the pass; any other exponent
  // computes them first (relatednessInto), keeping Math.pow out of the learning loop.
  const W = st.scratchW1;
  const square = p.relA === 2;
  let mx = 0;
  if (square) {
    for (let k = 0; k < K; k++) {
      const v = T[bi + k] + E[bi + k];
      if (v > mx) mx = v;
    }
  } else relatednessInto(st, p, i, W);
  const floor = p.relFloor;
  const span = 1 - floor;
  const related = mx > 0;
  const inv = related ? 1 / mx : 0;
  let prev = T[bi + K - 1] + E[bi + K - 1];
  let cur = T[bi] + E[bi];
  const first = cur;
  let gTi = 0;
  let gEi = 0;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    let w = floor;
    if (!square) w = W[k];
    else if (related) {
      const next = k + 1 < K ? T[bi + k + 1] + E[bi + k + 1] : first;
      let m = cur > prev ? cur : prev;
      if (next > m) m = next;
      const r = m * inv;
      w = floor + span * (r * r);
      prev = cur;
      cur = next;
    }
    const xk = XK[bx + k];
    const Ti = T[bi + k];
    const Ei = E[bi + k];
    const dT = xk > Ti ? tI * w * (xk - Ti) : 0;
    const dE = xk > Ei ? eI * w * (xk - Ei) : 0;
    const nT = Math.fround(Ti + dT);
    const nE = Math.fround(Ei + dE);
    T[bi + k] = nT;
    E[bi + k] = nE;
    sum += nT + nE;
    if (firm) G[bi + k] += dT + dE;
    gTi += dT;
    gEi += dE;
  }
  const cap = p.capacity[st.kind[i]];
  if (sum > cap) scaleInPlace(st, i, cap / sum);
  flows[3] += gTi;
  flows[7] += gEi;
  if (firm) flows[8 + SRC_OUTSIDE] += gTi + gEi;
  if (firm && st.tick >= st.lateStart) {
    st.partnerDistSum[i] += (gTi + gEi) * (1 - kappa);
    st.partnerDistWeight[i] += gTi + gEi;
  }
  return gTi;
}
