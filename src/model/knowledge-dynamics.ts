/**
 * Phases 2 and 6, and research: obsolescence ("use it or lose it" for firms, a flat
 * delta for institutions and residents, MODEL-SPEC 3.2), SECI conversion between tacit
 * and explicit knowledge (3.6), and research by universities and institutes in their
 * drifting fields (3.7).
 */
import { RESEARCH_INSTITUTE, UNIVERSITY } from './kinds';
import { capability, capInPlace, power, scaleRangeInPlace } from './knowledge';
import type { Params } from './params';
import type { ModelState } from './state';

/** Phase 2: obsolescence and the attention update. */
export function obsolescenceInPlace(st: ModelState, p: Params): void {
  const K = st.K;
  const X = st.knowledge; // T_ik at 2 (iK + k), E_ik next to it
  const H = st.attention;
  const span = p.deltaIdle - p.deltaUse;
  const invRef = 1 / p.hRef;
  const h = p.h;
  const gamma = p.gamma;
  const phi = p.phi;
  const w = st.scratchK;
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    const b = i * K;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const use = H[b + k] * invRef;
      const keep = 1 - (p.deltaIdle - span * (use < 1 ? use : 1));
      const n = 2 * (b + k);
      X[n] *= keep;
      X[n + 1] *= keep;
      const v = power(capability(X[n], X[n + 1], phi), gamma);
      w[k] = v;
      sum += v;
    }
    if (sum > 0) for (let k = 0; k < K; k++) H[b + k] = (1 - h) * H[b + k] + (h * w[k]) / sum;
  }
  // Everyone else decays at the flat rate: institutions and residents, one stream.
  const from = 2 * st.F * K;
  const to = 2 * st.N * K;
  if (st.simd) st.simd.scale(from, to, 1 - p.delta);
  else scaleRangeInPlace(X, from, to, 1 - p.delta);
}

/**
 * Phase 6: externalisation E += c_ext (T - E)+, internalisation T += c_int (E - T)+, for
 * live actors and residents, then the capacity rescale.
 */
export function conversionInPlace(st: ModelState, p: Params): void {
  const K = st.K;
  const X = st.knowledge;
  // Branch-free form of the (T - E)+ and (E - T)+ terms: the sign of T - E is
  // unpredictable, and a mispredicted branch per domain cost more than the arithmetic
  // (8.7 against 3.6 ns per domain in a micro-benchmark). Halved rates times |d| +- d
  // give bit-identical results.
  const he = 0.5 * p.cExt;
  const hi = 0.5 * p.cInt;
  if (st.simd) {
    // The same steps in WebAssembly SIMD (simd/index.ts): live actors one at a time, the
    // residents in one call; each agent's capacity check after (it touches only that agent).
    const sums = st.simd.sums;
    for (let i = 0; i < st.firstResident; i++) {
      if (!st.alive[i]) continue;
      st.simd.convert(i, 1, K, he, hi);
      if (sums[0] > p.capacity[st.kind[i]]) capInPlace(st, p, i);
    }
    if (st.R > 0) {
      st.simd.convert(st.firstResident, st.R, K, he, hi);
      for (let r = 0; r < st.R; r++) if (sums[r] > p.capacity[st.kind[st.firstResident + r]]) capInPlace(st, p, st.firstResident + r);
    }
    return;
  }
  for (let i = 0; i < st.N; i++) {
    if (i < st.firstResident && !st.alive[i]) continue;
    const b = 2 * i * K;
    let sum = 0;
    for (let n = b, end = b + 2 * K; n < end; n += 2) {
      const t0 = X[n];
      const e0 = X[n + 1];
      const d = t0 - e0;
      const a = Math.abs(d); // (a + d) / 2 = max(d, 0), (a - d) / 2 = max(-d, 0): no branch
      const t = t0 + hi * (a - d);
      const e = e0 + he * (a + d);
      X[n] = t;
      X[n + 1] = e;
      sum += t + e;
    }
    if (sum > p.capacity[st.kind[i]]) capInPlace(st, p, i);
  }
}

/**
 * Research: universities and institutes add explicit knowledge in their fields,
 * E_k += rate field_k (1 - E_k); fields drift towards relevant domains.
 */
export function researchInPlace(st: ModelState, p: Params): void {
  const K = st.K;
  for (let j = 0; j < st.I; j++) {
    const i = st.F + j;
    const kind = st.kind[i];
    if (kind !== UNIVERSITY && kind !== RESEARCH_INSTITUTE) continue;
    const fb = j * K;
    let mx = 0;
    for (let k = 0; k < K; k++) {
      const v = (1 - p.fieldDrift) * st.field[fb + k] + p.fieldDrift * st.relevance[k];
      st.field[fb + k] = v;
      if (v > mx) mx = v;
    }
    if (mx > 0) for (let k = 0; k < K; k++) st.field[fb + k] /= mx;
    const X = st.knowledge;
    for (let k = 0; k < K; k++) {
      const n = 2 * (i * K + k) + 1; // E_ik
      X[n] += p.researchRate * st.field[fb + k] * (1 - X[n]);
    }
    capInPlace(st, p, i);
  }
}
