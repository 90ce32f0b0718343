/**
 * Plain reference twins of the fast exchange kernels (as MASON keeps its plain diffuser
 * beside the fast one): the same rule written as separate, obvious passes (weights by
 * relatednessInto, the gains with an if per domain, then the capacity rescale). They
 * allocate and are slow; they exist so a property test can hold the fast kernels equal to
 * them over random profiles and parameters. Products keep the fast kernels' grouping
 * (rate x weight x gap) so the two agree to the last bit.
 */
import { FIRM } from './kinds';
import { capInPlace, relatednessInto, scaleInPlace, understandability } from './knowledge';
import type { Meeting } from './exchange';
import type { Params } from './params';
import type { ModelState } from './state';

/** exchangeInPlace written plainly. */
export function exchangeReference(st: ModelState, p: Params, m: Meeting): boolean {
  m.gains(0, 0, 0, 0);
  const e = understandability(m.kappa, p.cMax);
  if (e <= 0) return false;
  const { i, j } = m;
  const K = st.K;
  const wI = new Float64Array(K);
  const wJ = new Float64Array(K);
  relatednessInto(st, p, i, wI);
  relatednessInto(st, p, j, wJ);
  const domains = Array.from({ length: K }, (_, k) => k);
  const Ti = domains.map((k) => st.tacitAt(i, k));
  const Ei = domains.map((k) => st.explicitAt(i, k));
  const Tj = domains.map((k) => st.tacitAt(j, k));
  const Ej = domains.map((k) => st.explicitAt(j, k));
  const ai = st.absorptive[i] * e * m.rateI;
  const aj = st.absorptive[j] * e * m.rateJ;
  const tacitRateI = m.tacitRate(p, ai);
  const explicitRateI = m.explicitRate(p, ai);
  const tacitRateJ = m.tacitRate(p, aj);
  const explicitRateJ = m.explicitRate(p, aj);
  let sumI = 0;
  let sumJ = 0;
  for (let k = 0; k < K; k++) {
    const dTi = Tj[k] > Ti[k] ? tacitRateI * wI[k] * (Tj[k] - Ti[k]) : 0;
    const dEi = Ej[k] > Ei[k] ? explicitRateI * wI[k] * (Ej[k] - Ei[k]) : 0;
    const dTj = Ti[k] > Tj[k] ? tacitRateJ * wJ[k] * (Ti[k] - Tj[k]) : 0;
    const dEj = Ei[k] > Ej[k] ? explicitRateJ * wJ[k] * (Ei[k] - Ej[k]) : 0;
    st.setTacitAt(i, k, Ti[k] + dTi);
    st.setExplicitAt(i, k, Ei[k] + dEi);
    st.setTacitAt(j, k, Tj[k] + dTj);
    st.setExplicitAt(j, k, Ej[k] + dEj);
    if (i < st.F) st.gain[i * K + k] += dTi + dEi;
    if (j < st.F) st.gain[j * K + k] += dTj + dEj;
    // The capacity check sums the new values before they are stored as float32.
    sumI += Ti[k] + dTi + Ei[k] + dEi;
    sumJ += Tj[k] + dTj + Ej[k] + dEj;
    m.tacitI += dTi;
    m.explicitI += dEi;
    m.tacitJ += dTj;
    m.explicitJ += dEj;
  }
  const capI = p.capacity[st.kind[i]];
  const capJ = p.capacity[st.kind[j]];
  if (sumI > capI) scaleInPlace(st, i, capI / sumI);
  if (sumJ > capJ) scaleInPlace(st, j, capJ / sumJ);
  return true;
}

/** learnFromExternalInPlace written plainly. */
export function learnFromExternalReference(st: ModelState, p: Params, m: Meeting): boolean {
  m.gains(0, 0, 0, 0);
  const e = understandability(m.kappa, p.cMax);
  if (e <= 0) return false;
  const i = m.i;
  const K = st.K;
  const w = new Float64Array(K);
  relatednessInto(st, p, i, w);
  const ai = st.absorptive[i] * e * m.rateI;
  const tacitRate = m.tacitRate(p, ai);
  const explicitRate = m.explicitRate(p, ai);
  const firm = i < st.F && st.kind[i] === FIRM;
  for (let k = 0; k < K; k++) {
    const x = st.extKnowledge[m.j * K + k];
    const t = st.tacitAt(i, k);
    const ex = st.explicitAt(i, k);
    const dT = x > t ? tacitRate * w[k] * (x - t) : 0;
    const dE = x > ex ? explicitRate * w[k] * (x - ex) : 0;
    st.setTacitAt(i, k, t + dT);
    st.setExplicitAt(i, k, ex + dE);
    if (firm) st.gain[i * K + k] += dT + dE;
    m.tacitI += dT;
    m.explicitI += dE;
  }
  capInPlace(st, p, i);
  return true;
}
