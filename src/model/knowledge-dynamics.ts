/**
 * Phases 2 and 6, and research: obsolescence ("use it or lose it" for firms, a flat
 * delta for everyone else, MODEL-SPEC 3.2), SECI conversion between tacit and explicit
 * knowledge (3.6), and research by universities and institutes in their drifting fields
 * (3.7).
 */
import { RESEARCH_INSTITUTE, RESIDENT, UNIVERSITY } from './kinds';
import { capability, capInPlace, power } from './knowledge';
import type { Params } from './params';
import type { ModelState } from './state';

/** Phase 2: obsolescence and the attention update. */
export function obsolescenceInPlace(st: ModelState, p: Params): void {
  const K = st.K;
  const T = st.tacit;
  const E = st.explicit;
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
      T[b + k] *= keep;
      E[b + k] *= keep;
      const v = power(capability(T[b + k], E[b + k], phi), gamma);
      w[k] = v;
      sum += v;
    }
    if (sum > 0) for (let k = 0; k < K; k++) H[b + k] = (1 - h) * H[b + k] + (h * w[k]) / sum;
  }
  // Institutions decay here; residents decay in the fused pass of conversionInPlace.
  const keep = 1 - p.delta;
  for (let n = st.F * K, end = st.firstResident * K; n < end; n++) {
    T[n] *= keep;
    E[n] *= keep;
  }
}

/**
 * Phase 6: externalisation E += c_ext (T - E)+, internalisation T += c_int (E - T)+.
 * For residents the same pass also applies their obsolescence (delta) for the next
 * tick and returns their mean relevance-weighted capability (resident skill): one pass
 * over the largest population instead of three. Nothing between this phase and the next
 * tick's phase 2 changes residents' knowledge, so the order of effects is unchanged.
 */
export function conversionInPlace(st: ModelState, p: Params): number {
  const K = st.K;
  const T = st.tacit;
  const E = st.explicit;
  // Branch-free form of the (T - E)+ and (E - T)+ terms: the sign of T - E is
  // unpredictable, and a mispredicted branch per domain cost more than the arithmetic
  // (8.7 against 3.6 ns per domain in a micro-benchmark). Halved rates times |d| +- d
  // give bit-identical results.
  const he = 0.5 * p.cExt;
  const hi = 0.5 * p.cInt;
  for (let i = 0; i < st.firstResident; i++) {
    if (!st.alive[i]) continue;
    const b = i * K;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const t0 = T[b + k];
      const e0 = E[b + k];
      const d = t0 - e0;
      const a = Math.abs(d); // (a + d) / 2 = max(d, 0), (a - d) / 2 = max(-d, 0): no branch
      const t = t0 + hi * (a - d);
      const e = e0 + he * (a + d);
      T[b + k] = t;
      E[b + k] = e;
      sum += t + e;
    }
    if (sum > p.capacity[st.kind[i]]) capInPlace(st, p, i);
  }
  const keep = 1 - p.delta;
  const cap = p.capacity[RESIDENT];
  const r = st.relevance;
  const phi = p.phi;
  let skill = 0;
  for (let i = st.firstResident; i < st.N; i++) {
    const b = i * K;
    let sum = 0;
    let sk = 0;
    // Unrolled by four (a speed trick only, 1.2x on this loop): the same operations on
    // each domain, and sk and sum still accumulate domain by domain in order k, so the
    // results are bit-identical to the plain loop below, which finishes the K mod 4 rest.
    let k = 0;
    for (; k + 3 < K; k += 4) {
      const t0 = T[b + k];
      const e0 = E[b + k];
      const t1 = T[b + k + 1];
      const e1 = E[b + k + 1];
      const t2 = T[b + k + 2];
      const e2 = E[b + k + 2];
      const t3 = T[b + k + 3];
      const e3 = E[b + k + 3];
      const d0 = t0 - e0;
      const a0 = Math.abs(d0);
      const tt0 = t0 + hi * (a0 - d0);
      const ee0 = e0 + he * (a0 + d0);
      const d1 = t1 - e1;
      const a1 = Math.abs(d1);
      const tt1 = t1 + hi * (a1 - d1);
      const ee1 = e1 + he * (a1 + d1);
      const d2 = t2 - e2;
      const a2 = Math.abs(d2);
      const tt2 = t2 + hi * (a2 - d2);
      const ee2 = e2 + he * (a2 + d2);
      const d3 = t3 - e3;
      const a3 = Math.abs(d3);
      const tt3 = t3 + hi * (a3 - d3);
      const ee3 = e3 + he * (a3 + d3);
      sk += capability(tt0, ee0, phi) * r[k];
      sk += capability(tt1, ee1, phi) * r[k + 1];
      sk += capability(tt2, ee2, phi) * r[k + 2];
      sk += capability(tt3, ee3, phi) * r[k + 3];
      const tk0 = tt0 * keep;
      const ek0 = ee0 * keep;
      T[b + k] = tk0;
      E[b + k] = ek0;
      const tk1 = tt1 * keep;
      const ek1 = ee1 * keep;
      T[b + k + 1] = tk1;
      E[b + k + 1] = ek1;
      const tk2 = tt2 * keep;
      const ek2 = ee2 * keep;
      T[b + k + 2] = tk2;
      E[b + k + 2] = ek2;
      const tk3 = tt3 * keep;
      const ek3 = ee3 * keep;
      T[b + k + 3] = tk3;
      E[b + k + 3] = ek3;
      sum += tk0 + ek0;
      sum += tk1 + ek1;
      sum += tk2 + ek2;
      sum += tk3 + ek3;
    }
    for (; k < K; k++) {
      const t0 = T[b + k];
      const e0 = E[b + k];
      const d = t0 - e0;
      const a = Math.abs(d);
      const t = t0 + hi * (a - d);
      const e = e0 + he * (a + d);
      sk += capability(t, e, phi) * r[k];
      const tk = t * keep;
      const ek = e * keep;
      T[b + k] = tk;
      E[b + k] = ek;
      sum += tk + ek;
    }
    skill += sk;
    if (sum > cap) capInPlace(st, p, i);
  }
  return st.R > 0 ? skill / st.R : 0;
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
    for (let k = 0; k < K; k++) st.explicit[i * K + k] += p.researchRate * st.field[fb + k] * (1 - st.explicit[i * K + k]);
    capInPlace(st, p, i);
  }
}
