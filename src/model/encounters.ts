/**
 * Phases 3 and 4: encounters and exchange (MODEL-SPEC 3.3-3.4). Each actor has a budget
 * of `contacts.per_tick` meetings ("buzz"), each resident one with probability
 * `contacts.resident_rate`; the meetings of a tick run in an order shuffled by the run's
 * RNG. Per meeting the channel is a pipeline, a repeat meeting with a tie (or a tie's
 * tie), a brokered meeting inside a group, or a new local meeting drawn through the
 * per-place alias tables: never a scan of all agents.
 */
import { CH_COLLABORATION, CH_PIPELINE, EXTERNAL, MEET_BROKER, MEET_NEW, MEET_REPEAT, N_ETA } from './kinds';
import { exchangeInPlace, learnFromExternalInPlace, recordExchange, recordExternal, type Meeting } from './exchange';
import { cognitiveProximity, externalProximity, understandability as understandabilityOf } from './knowledge';
import type { Params } from './params';
import type { Rng } from './rng';
import type { ModelState } from './state';
import type { KindTables } from './kind-tables';
import { pickPipe, pickTie, pipeSlot, strengthenPipe, strengthenTie, tieStrength } from './ties';
import type { TickCounters } from './counters';

/** Builds this tick's meeting order (initiator per meeting) and shuffles it. Returns its length. */
export function scheduleMeetings(st: ModelState, p: Params, rng: Rng): number {
  const order = st.order;
  let n = 0;
  for (let i = 0; i < st.A; i++) {
    if (!st.alive[i]) continue;
    for (let m = 0; m < p.perTick; m++) order[n++] = i;
  }
  const rr = p.residentRate;
  for (let r = st.firstResident + rng.skip(rr); r < st.N; r += 1 + rng.skip(rr)) order[n++] = r;
  for (let a = n - 1; a > 0; a--) {
    const b = rng.int(a + 1);
    const t = order[a];
    order[a] = order[b];
    order[b] = t;
  }
  return n;
}

/** Runs every meeting of the tick. */
export function runEncountersInPlace(st: ModelState, p: Params, kt: KindTables, rng: Rng, c: TickCounters, m: Meeting): void {
  const n = scheduleMeetings(st, p, rng);
  for (let o = 0; o < n; o++) meet(st, p, kt, rng, c, m, st.order[o]);
}

function meet(st: ModelState, p: Params, kt: KindTables, rng: Rng, c: TickCounters, m: Meeting, i: number): void {
  const isActor = i < st.A;
  const isFirm = i < st.F;
  // Pipeline channel: openness x o_i x scale (actors only).
  if (isActor && st.maxPipes > 0 && rng.random() < p.openness * st.propensity[i] * p.pipelineScale) {
    pipelineMeeting(st, p, rng, c, m, i);
    return;
  }
  let j = -1;
  let how = MEET_NEW;
  let trustBonus = 0;
  let fit = 1;
  if (rng.random() < p.closure) {
    j = pickTie(st, i, rng);
    if (j >= 0 && rng.random() < p.tiesTie) {
      const jj = pickTie(st, j, rng);
      if (jj >= 0 && jj !== i) j = jj;
    }
    if (j >= 0) how = MEET_REPEAT;
  }
  const g = st.group[i];
  if (j < 0 && g >= 0 && rng.random() < st.groupBrokerRate[g]) {
    const members = st.groupMembers[g];
    if (members.length > 1) {
      j = members[rng.int(members.length)];
      if (j === i) j = -1;
      else {
        how = MEET_BROKER;
        trustBonus = st.groupTrust[g];
        fit = st.groupFit[g];
      }
    }
  }
  if (j < 0) {
    const q = st.space.meetPlace.sample(st.place[i], rng);
    if (q < 0) return;
    const k = kt.sample(st.kind[i], q, rng);
    if (k < 0) return;
    j = st.randomAt(q, k, rng);
  }
  if (j < 0 || j === i || !st.alive[j]) return;
  // Acceptance: eta[kind_i][kind_j] kappa^homophily (s0 + (1 - s0) s_ij), times a group's fit.
  // The uniform draw is compared with the bound eta * trust * fit first (kappa <= 1), so
  // most refusals skip the cosine: same draw, same outcome, less work.
  const sij = tieStrength(st, i, j);
  const s0 = p.trustFloor + (1 - p.trustFloor) * trustBonus;
  const trust = s0 + (1 - s0) * sij;
  const bound = p.eta[st.kind[i] * N_ETA + st.kind[j]] * trust * fit;
  if (isFirm) c.firmMeetings++;
  const u = rng.random();
  if (u >= bound) return;
  const kappa = cognitiveProximity(st, i, j, m);
  const h = p.homophily;
  const sim = h === 0 ? 1 : h === 1 ? kappa : Math.pow(kappa, h);
  if (u >= bound * sim) return;
  if (isFirm) {
    c.firmAccepted++;
    if (how === MEET_REPEAT) c.firmRepeat++;
  }
  if (p.misunderstandingCost > 0) {
    // A real cost of distance (Broekel and Boschma 2012): partners who do not understand
    // each other spend time on it, whatever they learn.
    const lost = 1 - understandabilityOf(kappa, p.cMax);
    if (i < st.F) st.misunderstanding[i] += lost;
    if (j < st.F) st.misunderstanding[j] += lost;
  }
  const P = st.space.P;
  const pq = st.place[i] * P + st.place[j];
  m.pair(i, j, kappa, CH_COLLABORATION);
  m.trust = trust;
  m.gTacit = st.space.gTacit[pq];
  m.gExplicit = st.space.gExplicit[pq];
  if (exchangeInPlace(st, p, m)) recordExchange(st, c.flows, m);
  c.meetings++;
  strengthenTie(st, i, j, p.tieUp);
  strengthenTie(st, j, i, p.tieUp);
}

/**
 * A pipeline meeting: reuse a pipeline with probability social_closure, else pick among
 * `pipeline.candidates` random external partners the one whose cognitive proximity is
 * closest to kappa* = 1 - c_max / 2 (pipelines are chosen on purpose).
 */
function pipelineMeeting(st: ModelState, p: Params, rng: Rng, c: TickCounters, m: Meeting, i: number): void {
  if (st.X === 0) return;
  let x = -1;
  if (rng.random() < p.closure) x = pickPipe(st, i, rng);
  let kappa = 0;
  if (x < 0) {
    const target = 1 - p.cMax / 2;
    let bestGap = Infinity;
    for (let n = 0; n < p.pipeCandidates; n++) {
      const cand = rng.int(st.X);
      const k = externalProximity(st, i, cand);
      const gap = Math.abs(k - target);
      if (gap < bestGap) {
        bestGap = gap;
        x = cand;
        kappa = k;
      }
    }
  } else kappa = externalProximity(st, i, x);
  if (i < st.F) c.firmMeetings++;
  if (rng.random() >= p.eta[st.kind[i] * N_ETA + EXTERNAL]) return;
  if (i < st.F) c.firmAccepted++;
  const slot = pipeSlot(st, i, x);
  const s = slot >= 0 ? st.pipeStrength[i * st.maxPipes + slot] : p.pipeInitial;
  const trust = p.trustFloor + (1 - p.trustFloor) * s;
  const d = p.externalKm;
  if (p.misunderstandingCost > 0 && i < st.F) st.misunderstanding[i] += 1 - understandabilityOf(kappa, p.cMax);
  m.pair(i, x, kappa, CH_PIPELINE);
  m.trust = trust;
  m.gTacit = Math.exp(-d / p.lambdaT);
  m.gExplicit = Math.exp(-d / p.lambdaE);
  if (learnFromExternalInPlace(st, p, m)) recordExternal(st, c.flows, m);
  c.meetings++;
  c.pipelineMeetings++;
  strengthenPipe(st, i, x, p.tieUp, p.pipeInitial);
}

/**
 * Standing pipeline flow: every actor learns each tick from each of its pipelines by the
 * same rule times the tie's strength, with tacit distance external.distance_km (1 - s):
 * a pipeline is a lasting project, not a chance meeting.
 */
export function standingPipelinesInPlace(st: ModelState, p: Params, c: TickCounters, m: Meeting): void {
  const M = st.maxPipes;
  const d = p.externalKm;
  const gE = Math.exp(-d / p.lambdaE);
  for (let i = 0; i < st.A; i++) {
    if (!st.alive[i]) continue;
    for (let s = 0; s < M; s++) {
      const x = st.pipeTarget[i * M + s];
      if (x < 0) continue;
      const str = st.pipeStrength[i * M + s];
      const kappa = externalProximity(st, i, x);
      const trust = p.trustFloor + (1 - p.trustFloor) * str;
      // A lasting project is a meeting of strength s every tick: it costs s (1 - e) too.
      if (p.misunderstandingCost > 0 && i < st.F) st.misunderstanding[i] += str * (1 - understandabilityOf(kappa, p.cMax));
      m.pair(i, x, kappa, CH_PIPELINE);
      m.trust = trust;
      m.gTacit = Math.exp((-d * (1 - str)) / p.lambdaT);
      m.gExplicit = gE;
      m.rateI = str;
      if (learnFromExternalInPlace(st, p, m)) recordExternal(st, c.flows, m);
    }
  }
}

