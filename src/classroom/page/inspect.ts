/**
 * What a click on the map shows, read from the live simulation's state in the worker
 * (the engine is not changed; this only reads its arrays): a place's firms, residents,
 * ties and flows, or one firm's or institution's knowledge profile, partners and pipelines.
 */
import type { Simulation } from '../../model';
import { regionView } from './live-parameters';
import type { InspectReport } from './protocol';

/** Agent kinds as the page names them (the engine's kind codes 0..6). */
export const KIND_NAMES = ['firm', 'university', 'research institute', 'government', 'intermediary', 'cultural institution', 'resident'] as const;

/** The report on agent `agent` or place `place` of a live simulation. */
export function inspect(sim: Simulation, region: number, agent?: number, place?: number): InspectReport {
  const st = sim.state;
  const names = regionView(sim).placeNames;
  if (agent !== undefined && agent >= 0 && agent < st.A) {
    const K = st.K;
    const ties: { agent: number; what: string; strength: number }[] = [];
    for (let s = agent * st.maxTies; s < (agent + 1) * st.maxTies; s++) {
      const t = st.tieTarget[s];
      if (t >= 0) ties.push({ agent: t, what: KIND_NAMES[st.kind[t]] ?? 'agent', strength: st.tieStrength[s] });
    }
    ties.sort((a, b) => b.strength - a.strength || a.agent - b.agent);
    let pipelines = 0;
    for (let s = agent * st.maxPipes; s < (agent + 1) * st.maxPipes; s++) if (st.pipeTarget[s] >= 0) pipelines++;
    return {
      kind: 'agent', region, agent, what: KIND_NAMES[st.kind[agent]] ?? 'agent', place: names[st.place[agent]] ?? '',
      alive: st.alive[agent] === 1,
      tacit: Array.from({ length: K }, (_, k) => st.tacitAt(agent, k)),
      explicit: Array.from({ length: K }, (_, k) => st.explicitAt(agent, k)),
      relevance: Array.from(st.relevance.subarray(0, K)),
      partners: ties.length, pipelines, strongestTies: ties.slice(0, 5),
      partnerDistance: agent < st.F && st.partnerDistWeight[agent] > 0 ? st.partnerDistSum[agent] / st.partnerDistWeight[agent] : NaN,
      lateValue: agent < st.F && sim.tick > st.lateStart ? st.lateValue[agent] : NaN,
    };
  }
  const p = place ?? 0, P = names.length;
  let firms = 0, institutions = 0, residents = 0, ties = 0, tiesOut = 0, pipelines = 0;
  for (let i = 0; i < st.N; i++) {
    if (st.place[i] !== p || !st.alive[i]) continue;
    if (i < st.F) firms++;
    else if (i < st.firstResident) institutions++;
    else residents++;
    if (i < st.A) {
      for (let s = i * st.maxPipes; s < (i + 1) * st.maxPipes; s++) if (st.pipeTarget[s] >= 0) pipelines++;
    }
    for (let s = i * st.maxTies; s < (i + 1) * st.maxTies; s++) {
      const t = st.tieTarget[s];
      if (t < 0) continue;
      if (st.place[t] === p) ties++;
      else tiesOut++;
    }
  }
  // placeFlows is cumulative, learner's place first: flowIn = learned here from elsewhere.
  let flowIn = 0, flowOut = 0;
  for (let q = 0; q < P; q++) {
    if (q === p) continue;
    flowIn += st.placeFlows[p * P + q];
    flowOut += st.placeFlows[q * P + p];
  }
  return {
    kind: 'place', region, place: p, name: names[p] ?? '', firms, institutions, residents,
    ties, tiesOut, flowIn, flowOut, pipelines,
  };
}
