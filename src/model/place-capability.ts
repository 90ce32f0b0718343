/**
 * Places' capability by domain: the sum over a place's live firms of c_ik = T_ik + phi E_ik
 * (P x K, row-major), the "employment by industry" of the relatedness literature
 * (fact 9). Not used in the tick loop.
 */
import { capability } from './knowledge';
import type { ModelState } from './state';

/** Writes each place's summed live-firm capability per domain into `out` (P x K) and returns it. */
export function placeCapabilityInto(st: ModelState, phi: number, out: Float64Array): Float64Array {
  const K = st.K;
  out.fill(0);
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    const b = st.place[i] * K;
    for (let k = 0; k < K; k++) out[b + k] += capability(st.tacitAt(i, k), st.explicitAt(i, k), phi);
  }
  return out;
}
