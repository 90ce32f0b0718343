/**
 * Phase 5: residents (MODEL-SPEC 3.5). Workplace learning with the employer (both ways;
 * the firm's gain scaled by 1 / its size), job changes to the best skill match among a
 * few nearby firms (the new employer absorbs part of the mover's tacit knowledge: the
 * mobility channel), lifelong learning at a teaching institution near home (training),
 * and in-migration that replaces a resident by one with outside knowledge. Rare events
 * are drawn by geometric skips, so their cost is O(events), not O(residents).
 */
import { CH_MOBILITY, CH_TRAINING, FIRM, SRC_RESIDENTS } from './kinds';
import { exchangeInPlace, recordExchange, type Meeting } from './exchange';
import { capInPlace, cognitiveProximity, learnTowards, relatednessInto, relatednessWeight, understandability } from './knowledge';
import type { Params } from './params';
import { bumpInto } from './ring';
import type { Rng } from './rng';
import type { ModelState } from './state';
import { clearTiesInPlace, markRenewed } from './ties';
import type { TickCounters } from './counters';

/** Phase 5 in order: workplace learning, job moves and hiring, courses, in-migration. */
export function residentsPhaseInPlace(st: ModelState, p: Params, rng: Rng, c: TickCounters, m: Meeting): void {
  workplaceLearningInPlace(st, p, rng, c, m);
  jobMovesInPlace(st, p, rng, c);
  trainingInPlace(st, p, rng, c);
  migrationInPlace(st, p, rng, c);
}

/**
 * Colleagues learn from each other: an employed resident has a workplace-learning
 * episode with its employer with probability labour.workplace_rate per tick; both learn
 * by the meeting rule, the firm's gain scaled by 1 / its size.
 */
function workplaceLearningInPlace(st: ModelState, p: Params, rng: Rng, c: TickCounters, m: Meeting): void {
  const P = st.space.P;
  const R0 = st.firstResident;
  const rate = p.workplaceRate;
  for (let r = rng.skip(rate); r < st.R; r += 1 + rng.skip(rate)) {
    const f = st.employer[r];
    if (f < 0) continue;
    const i = R0 + r;
    const kappa = cognitiveProximity(st, i, f, m);
    const pf = st.place[f];
    const g = pf * P + pf;
    m.pair(i, f, kappa, CH_MOBILITY);
    m.gTacit = st.space.gTacit[g];
    m.gExplicit = st.space.gExplicit[g];
    m.rateJ = 1 / Math.max(1, st.size[f]);
    if (exchangeInPlace(st, p, m)) recordExchange(st, c.flows, m);
  }
}

/** The match of bestNearbyEmployer's last choice (module scratch: no allocation per call). */
const bestKappa = new Float64Array(1);

/**
 * Chooses the best skill match among `labour.candidates` firms near home; -1 if none.
 * Leaves the winner's cognitive proximity in bestKappa[0].
 *
 * The match is cognitiveProximity(i, f), computed with i's profile x_i = T + E and its
 * squared norm taken once for all candidates (a speed trick only: the same sums in the
 * same order k, so the same values; the profile maxima are not needed: no exchange
 * follows).
 */
function bestNearbyEmployer(st: ModelState, p: Params, rng: Rng, i: number): number {
  const K = st.K;
  const X = st.knowledge; // T_ik at 2 (iK + k), E_ik next to it
  const xi = st.scratchW2;
  const bi = 2 * i * K;
  let ni = 0;
  for (let k = 0; k < K; k++) {
    const x = X[bi + 2 * k] + X[bi + 2 * k + 1];
    xi[k] = x;
    ni += x * x;
  }
  let best = -1;
  let bestK = -1;
  for (let n = 0; n < p.jobCandidates; n++) {
    const q = st.space.meetPlace.sample(st.place[i], rng);
    if (q < 0) continue;
    // Institutions employ a share of residents (socio-cultural clusters): a candidate is an
    // institution of a random kind with probability agents.institutions_employ.
    const kind = p.institutionsEmploy > 0 && rng.random() < p.institutionsEmploy ? 1 + rng.int(5) : FIRM;
    const f = st.randomAt(q, kind, rng);
    if (f < 0 || !st.alive[f]) continue;
    const bf = 2 * f * K;
    let dot = 0;
    let nf = 0;
    let k = 0;
    for (; k + 1 < K; k += 2) {
      const x0 = X[bf + 2 * k] + X[bf + 2 * k + 1];
      const x1 = X[bf + 2 * k + 2] + X[bf + 2 * k + 3];
      dot += xi[k] * x0;
      dot += xi[k + 1] * x1;
      nf += x0 * x0;
      nf += x1 * x1;
    }
    if (k < K) {
      const x = X[bf + 2 * k] + X[bf + 2 * k + 1];
      dot += xi[k] * x;
      nf += x * x;
    }
    const kappa = ni > 0 && nf > 0 ? dot / Math.sqrt(ni * nf) : 0;
    if (kappa > bestK) {
      bestK = kappa;
      best = f;
    }
  }
  bestKappa[0] = bestK;
  return best;
}

function moveTo(st: ModelState, r: number, f: number): void {
  const old = st.employer[r];
  if (old >= 0) st.size[old]--;
  st.employer[r] = f;
  if (f >= 0) st.size[f]++;
}

/** Job changes (labour.mobility) and hiring of the unemployed (labour.job_search). */
function jobMovesInPlace(st: ModelState, p: Params, rng: Rng, c: TickCounters): void {
  const R0 = st.firstResident;
  for (let r = rng.skip(p.mobility); r < st.R; r += 1 + rng.skip(p.mobility)) {
    if (st.employer[r] < 0) continue;
    const f = bestNearbyEmployer(st, p, rng, R0 + r);
    if (f < 0 || f === st.employer[r]) continue;
    moveTo(st, r, f);
    absorbMoverInPlace(st, p, c, f, R0 + r, bestKappa[0]);
    c.moves++;
  }
  for (let r = rng.skip(p.jobSearch); r < st.R; r += 1 + rng.skip(p.jobSearch)) {
    if (st.employer[r] >= 0) continue;
    const f = bestNearbyEmployer(st, p, rng, R0 + r);
    if (f < 0) continue;
    moveTo(st, r, f);
    absorbMoverInPlace(st, p, c, f, R0 + r, bestKappa[0]);
  }
}

/**
 * The new employer absorbs part of the mover's tacit knowledge at once (mobility channel).
 * kappa = cognitiveProximity(f, i), which is the match bestNearbyEmployer found (the
 * same products and sums, the norms multiplied the other way round: the same value).
 */
function absorbMoverInPlace(st: ModelState, p: Params, c: TickCounters, f: number, i: number, kappa: number): void {
  const e = understandability(kappa, p.cMax);
  if (e <= 0 || p.absorption <= 0) return;
  const K = st.K;
  const w = st.scratchW1;
  relatednessInto(st, p, f, w);
  const coef = p.absorption * st.absorptive[f] * e;
  const X = st.knowledge;
  const firm = f < st.F; // an institution employs too (agents.institutions_employ); it has no gain row
  let total = 0;
  for (let k = 0; k < K; k++) {
    const d = learnTowards(X[2 * (f * K + k)], X[2 * (i * K + k)], coef * w[k]);
    X[2 * (f * K + k)] += d;
    if (firm) st.gain[f * K + k] += d;
    total += d;
  }
  capInPlace(st, p, f);
  recordAbsorption(st, c.flows, f, i, total);
}

/**
 * Books a mover's absorbed tacit knowledge: mobility channel, place flows, and firms' learning
 * from residents when the employer is a firm (an institution's gain is not firms' learning, as
 * in recordExchange).
 */
function recordAbsorption(st: ModelState, flows: Float64Array, f: number, i: number, tacit: number): void {
  flows[CH_MOBILITY] += tacit;
  if (f < st.F) flows[8 + SRC_RESIDENTS] += tacit;
  const P = st.space.P;
  st.placeFlows[st.place[f] * P + st.place[i]] += tacit;
}

/** Lifelong learning: a course at a teaching institution near home (training channel). */
function trainingInPlace(st: ModelState, p: Params, rng: Rng, c: TickCounters): void {
  st.trainedThisTick.fill(0);
  if (st.teachers.length === 0) return;
  const R0 = st.firstResident;
  const P = st.space.P;
  for (let r = rng.skip(p.participation); r < st.R; r += 1 + rng.skip(p.participation)) {
    const i = R0 + r;
    // Teacher: by distance from home, exp(-d / geographic_decay_km), from the per-place
    // alias table (O(1); a scan over teachers grew with region size squared).
    const teacher = st.teachers[st.teacherOf!.sample(st.place[i], rng)];
    st.trainedThisTick[r] = 1;
    c.trained++;
    const g = st.place[i] * P + st.place[teacher];
    if (p.deepen) deepenInPlace(st, p, c.flows, i, teacher, st.space.gTacit[g]);
    else courseInPlace(st, p, c.flows, i, teacher, st.space.gTacit[g], st.space.gExplicit[g]);
  }
}

/**
 * A course copying the teacher's profile: resident i learns towards teacher t by the
 * meeting rule at training_rate A e(kappa) g w_k (no trust factor), then the capacity
 * rescale. Books the gains on the training channel.
 */
export function courseInPlace(st: ModelState, p: Params, flows: Float64Array, i: number, teacher: number, gT: number, gE: number): void {
  const K = st.K;
  const e = understandability(cognitiveProximity(st, i, teacher), p.cMax);
  if (e <= 0) return;
  const w = st.scratchW1;
  relatednessInto(st, p, i, w);
  const coefT = p.trainingRate * st.absorptive[i] * e * gT;
  const coefE = p.trainingRate * st.absorptive[i] * e * gE;
  let sT = 0;
  let sE = 0;
  const X = st.knowledge;
  for (let k = 0; k < K; k++) {
    const n = 2 * (i * K + k); // T_ik; E_ik at n + 1
    const t = 2 * (teacher * K + k);
    // The rule with the weight applied after rate x gap (training's grouping of the
    // product since it was written; kept so results stay bit-identical).
    const dT = learnTowards(X[n], X[t], coefT) * w[k];
    const dE = learnTowards(X[n + 1], X[t + 1], coefE) * w[k];
    X[n] += dT;
    X[n + 1] += dE;
    sT += dT;
    sE += dE;
  }
  capInPlace(st, p, i);
  recordTraining(flows, sT, sE);
}

/**
 * A course that deepens the learner's own specialisation: gains in proportion to the
 * learner's own profile (x_k / max x)^a towards the teacher's level, instead of copying
 * the teacher's profile (CALIBRATION-NOTES, fact 6).
 */
export function deepenInPlace(st: ModelState, p: Params, flows: Float64Array, i: number, teacher: number, gT: number): void {
  const K = st.K;
  const X = st.knowledge;
  let mx = 0;
  let level = 0;
  for (let k = 0; k < K; k++) {
    mx = Math.max(mx, X[2 * (i * K + k)] + X[2 * (i * K + k) + 1]);
    level = Math.max(level, X[2 * (teacher * K + k)]);
  }
  if (!(mx > 0)) return;
  const coef = p.trainingRate * st.absorptive[i];
  let sT = 0;
  let sE = 0;
  for (let k = 0; k < K; k++) {
    const n = 2 * (i * K + k); // T_ik; E_ik at n + 1
    // The relatedness weight of the learner's own domain, without a floor.
    const w = relatednessWeight((X[n] + X[n + 1]) / mx, 0, p.relA);
    const dT = learnTowards(X[n], level, coef * w * gT);
    const dE = learnTowards(X[n + 1], level, coef * w);
    X[n] += dT;
    X[n + 1] += dE;
    sT += dT;
    sE += dE;
  }
  capInPlace(st, p, i);
  recordTraining(flows, sT, sE);
}

/** Books a course's gains on the training channel. */
function recordTraining(flows: Float64Array, tacit: number, explicit: number): void {
  flows[CH_TRAINING] += tacit;
  flows[4 + CH_TRAINING] += explicit;
}

/** In-migration: a resident is replaced by one whose knowledge is drawn like an external partner's. */
function migrationInPlace(st: ModelState, p: Params, rng: Rng, c: TickCounters): void {
  const rate = p.openness * p.migration;
  const R0 = st.firstResident;
  for (let r = rng.skip(rate); r < st.R; r += 1 + rng.skip(rate)) {
    const i = R0 + r;
    drawOutsideKnowledgeInPlace(st, p, rng, i, st.extWidth, st.extAmplitude);
    clearTiesInPlace(st, i);
    markRenewed(st, i);
    c.migrants++;
  }
}

/** Knowledge drawn like an external partner's: T = E = min(1, pi_k r_k) at a random centre. */
export function drawOutsideKnowledgeInPlace(st: ModelState, p: Params, rng: Rng, i: number, width: number, amplitude: number): void {
  const K = st.K;
  const centre = rng.random() * K;
  const buf = st.scratchK;
  bumpInto(buf, 0, K, centre, width, amplitude);
  for (let k = 0; k < K; k++) {
    const v = Math.min(1, buf[k] * st.relevance[k]);
    st.setTacitAt(i, k, v);
    st.setExplicitAt(i, k, v);
  }
  capInPlace(st, p, i);
}
