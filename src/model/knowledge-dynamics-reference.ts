/**
 * Plain reference twins of the knowledge-dynamics kernels (knowledge-dynamics.ts):
 * obsolescence with the attention update, and conversion, written as obvious passes with
 * Math.pow and an if per domain. A property test holds the fast kernels equal to them to
 * the last bit, the exponent gamma in {0.5, 1, 2, 3} included.
 */
import { capInPlace } from './knowledge';
import type { Params } from './params';
import type { ModelState } from './state';

/** obsolescenceInPlace written plainly. */
export function obsolescenceReference(st: ModelState, p: Params): void {
  const K = st.K;
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    const weights: number[] = [];
    for (let k = 0; k < K; k++) {
      const n = i * K + k;
      // delta = delta_idle - (delta_idle - delta_use) min(1, H / h_ref), H / h_ref as H x (1 / h_ref)
      const use = Math.min(1, st.attention[n] * (1 / p.hRef));
      const delta = p.deltaIdle - (p.deltaIdle - p.deltaUse) * use;
      st.setTacitAt(i, k, st.tacitAt(i, k) * (1 - delta));
      st.setExplicitAt(i, k, st.explicitAt(i, k) * (1 - delta));
      weights.push(Math.pow(st.tacitAt(i, k) + p.phi * st.explicitAt(i, k), p.gamma));
    }
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum > 0) for (let k = 0; k < K; k++) st.attention[i * K + k] = (1 - p.h) * st.attention[i * K + k] + (p.h * weights[k]) / sum;
  }
  for (let i = st.F; i < st.N; i++) {
    for (let k = 0; k < K; k++) {
      st.setTacitAt(i, k, st.tacitAt(i, k) * (1 - p.delta));
      st.setExplicitAt(i, k, st.explicitAt(i, k) * (1 - p.delta));
    }
  }
}

/** conversionInPlace written plainly. */
export function conversionReference(st: ModelState, p: Params): void {
  const K = st.K;
  for (let i = 0; i < st.N; i++) {
    if (i < st.firstResident && !st.alive[i]) continue;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      let t = st.tacitAt(i, k);
      let e = st.explicitAt(i, k);
      if (t > e) e = e + p.cExt * (t - e);
      else t = t + p.cInt * (e - t);
      st.setTacitAt(i, k, t);
      st.setExplicitAt(i, k, e);
      // The capacity check sums the new values before they are stored as float32.
      sum += t + e;
    }
    if (sum > p.capacity[st.kind[i]]) capInPlace(st, p, i);
  }
}

/** meanResidentSkill (metrics.ts) written plainly: one resident at a time, in order. */
export function meanResidentSkillReference(st: ModelState, p: Params): number {
  if (st.R === 0) return 0;
  let skill = 0;
  for (let i = st.firstResident; i < st.N; i++) {
    let sk = 0;
    for (let k = 0; k < st.K; k++) sk += (st.tacitAt(i, k) + p.phi * st.explicitAt(i, k)) * st.relevance[k];
    skill += sk;
  }
  return skill / st.R;
}
