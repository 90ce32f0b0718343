/**
 * Knowledge rules and kernels (MODEL-SPEC 2-3.4): capability, the relatedness weight,
 * Nooteboom's learning rule (`learnTowards`), cognitive proximity and the capacity
 * rescale. The two-way exchange and pipeline learning built from them live in
 * exchange.ts. All functions work on the state's flat arrays and preallocated scratch.
 */
import type { Params } from './params';
import type { ModelState } from './state';

/** Capability in a domain, c = T + phi E (MODEL-SPEC 2): tacit knowledge plus discounted explicit. */
export function capability(tacit: number, explicit: number, phi: number): number {
  return tacit + phi * explicit;
}

/** x^e with the default exponent 2 as a product (keeps Math.pow out of the hot loops; same value). */
export function power(x: number, e: number): number {
  return e === 2 ? x * x : Math.pow(x, e);
}

/**
 * Relatedness weight of a domain (MODEL-SPEC 2), w = floor + (1 - floor) r^a, where r is
 * the neighbourhood maximum max(x_{k-1}, x_k, x_{k+1}) over the profile's maximum.
 */
export function relatednessWeight(r: number, floor: number, a: number): number {
  return floor + (1 - floor) * power(r, a);
}

/**
 * Nooteboom's learning rule for one domain: a learner at `own` gains rate x (source - own)
 * where the source is higher, nothing elsewhere. `rate` already holds every factor (rho,
 * absorptive capacity, understandability, distance kernel, trust, relatedness weight).
 * Written as rate ((|g| + g) / 2) = rate max(g, 0) without a data-dependent branch: the
 * sign of the gap is unpredictable and a mispredicted branch per domain cost more than the
 * arithmetic; (|g| + g) / 2 is exactly g for g > 0 and exactly 0 otherwise.
 */
export function learnTowards(own: number, source: number, rate: number): number {
  const gap = source - own;
  return rate * ((Math.abs(gap) + gap) * 0.5);
}

/** The profile maxima max_k x_ik and max_k x_jk that cognitiveProximity finds on its way. */
export interface ProfileMaxima {
  maxI: number;
  maxJ: number;
}

/**
 * Cosine similarity of the profiles x = T + E of region agents i and j. If `maxima` is
 * given, the same pass writes max_k x_ik and max_k x_jk into it (the relatedness weights of
 * a following exchange need them).
 */
export function cognitiveProximity(st: ModelState, i: number, j: number, maxima?: ProfileMaxima): number {
  const K = st.K;
  const X = st.knowledge; // T_ik at 2 (iK + k), E_ik next to it
  const bi = 2 * i * K;
  const bj = 2 * j * K;
  const end = bi + 2 * K;
  let dot = 0;
  let ni = 0;
  let nj = 0;
  let mi = 0;
  let mj = 0;
  // Unrolled by two domains (a speed trick only): the sums still accumulate in order k.
  let n = bi;
  let m = bj;
  for (; n + 3 < end; n += 4, m += 4) {
    const xi0 = X[n] + X[n + 1];
    const xj0 = X[m] + X[m + 1];
    const xi1 = X[n + 2] + X[n + 3];
    const xj1 = X[m + 2] + X[m + 3];
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
  if (n < end) {
    const xi = X[n] + X[n + 1];
    const xj = X[m] + X[m + 1];
    dot += xi * xj;
    ni += xi * xi;
    nj += xj * xj;
    if (xi > mi) mi = xi;
    if (xj > mj) mj = xj;
  }
  if (maxima !== undefined) {
    maxima.maxI = mi;
    maxima.maxJ = mj;
  }
  return ni > 0 && nj > 0 ? dot / Math.sqrt(ni * nj) : 0;
}

/** Cosine similarity of region agent i and external partner e (this tick's knowledge). */
export function externalProximity(st: ModelState, i: number, e: number): number {
  const K = st.K;
  const X = st.knowledge;
  const XK = st.extKnowledge;
  const bi = 2 * i * K;
  const be = e * K;
  let dot = 0;
  let ni = 0;
  for (let k = 0; k < K; k++) {
    const xi = X[bi + 2 * k] + X[bi + 2 * k + 1];
    dot += xi * 2 * XK[be + k];
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
  const X = st.knowledge;
  const b = 2 * i * K;
  let mx = 0;
  for (let k = 0; k < K; k++) {
    const v = X[b + 2 * k] + X[b + 2 * k + 1];
    if (v > mx) mx = v;
  }
  const floor = p.relFloor;
  if (!(mx > 0)) {
    out.fill(floor);
    return;
  }
  const inv = 1 / mx;
  const a = p.relA;
  const last = b + 2 * (K - 1);
  let prev = X[last] + X[last + 1];
  let cur = X[b] + X[b + 1];
  const first = cur;
  for (let k = 0; k < K; k++) {
    const next = k + 1 < K ? X[b + 2 * k + 2] + X[b + 2 * k + 3] : first;
    let m = cur;
    if (prev > m) m = prev;
    if (next > m) m = next;
    out[k] = relatednessWeight(m * inv, floor, a);
    prev = cur;
    cur = next;
  }
}

/** Rescales agent i's knowledge proportionally when sum_k (T + E) exceeds its capacity. */
export function capInPlace(st: ModelState, p: Params, i: number): void {
  const K = st.K;
  const X = st.knowledge;
  const b = 2 * i * K;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += X[b + 2 * k] + X[b + 2 * k + 1];
  const cap = p.capacity[st.kind[i]];
  if (sum > cap) scaleInPlace(st, i, cap / sum);
}

/** Understandability e(c) = max(0, 1 - c / c_max) at cognitive distance c = 1 - kappa. */
export function understandability(kappa: number, cMax: number): number {
  const e = 1 - (1 - kappa) / cMax;
  return e > 0 ? e : 0;
}

/** Multiplies agent i's tacit and explicit knowledge by f (the capacity rescale). */
export function scaleInPlace(st: ModelState, i: number, f: number): void {
  scaleRangeInPlace(st.knowledge, 2 * i * st.K, 2 * (i + 1) * st.K, f);
}

/**
 * X[n] *= f for n in [from, to). Unrolled by four (a speed trick only: each element gets
 * the same one multiplication; about 20 % faster than the plain loop in V8).
 */
export function scaleRangeInPlace(X: Float32Array, from: number, to: number, f: number): void {
  let n = from;
  for (; n + 3 < to; n += 4) {
    X[n] *= f;
    X[n + 1] *= f;
    X[n + 2] *= f;
    X[n + 3] *= f;
  }
  for (; n < to; n++) X[n] *= f;
}
