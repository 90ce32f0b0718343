/**
 * The exchange kernel (exchangeInPlace and recordExchange in src/model/exchange.ts, MODEL-SPEC 3.4) against
 * an independent plain implementation of the rule in python (below), on one firm and one
 * resident: gains in tacit and explicit knowledge on both sides, relatedness weights
 * (the exponent a = 2 fast path and a = 3), capacity rescaling, flow accounts by channel
 * and source, place flows, partner distance and the firm's gain record.
 *
 * Reference (python3 + numpy, values below printed with repr):
 *   def exchange(Ti,Ei,Tj,Ej,Ai,Aj,rateI,rateJ,trust,gT,gE,rhoT,rhoE,cmax,a,floor,capI,capJ):
 *     K=len(Ti); xi=[Ti[k]+Ei[k] ...]; xj=[Tj[k]+Ej[k] ...]
 *     kappa=sum(xi*xj)/sqrt(sum(xi^2) sum(xj^2)); e=max(0, 1-(1-kappa)/cmax)
 *     w(x)=[floor+(1-floor)*(max(x[k-1],x[k],x[k+1] on the ring)/max(x))**a]
 *     dTi=rhoT*Ai*e*rateI*gT*trust*wi*max(Tj-Ti,0); dEi=rhoE*Ai*e*rateI*gE*wi*max(Ej-Ei,0)
 *     dTj, dEj the same with i and j swapped; new values stored as float32, then each side
 *     multiplied by cap/sum(new T + new E) when that sum exceeds its capacity
 *   base: Ti=[0.5,0,0,0] Ei=[0,0.125,0,0] Tj=[0.25,0,0.5,0] Ej=[0,0,0.25,0.25] Ai=1 Aj=0.5
 *         rateI=1 rateJ=0.5 trust=0.75 gT=0.5 gE=0.875 rhoT=0.5 rhoE=0.25 cmax=1 floor=0.1
 * (the full script: test/model/exchange-reference.py)
 */
import { describe, expect, it } from 'vitest';
import { FIRM, RESIDENT, sourceSlot } from '../../src/model/kinds';
import { exchangeInPlace as exchangeKernel, Meeting, recordExchange } from '../../src/model/exchange';
import { cognitiveProximity } from '../../src/model/knowledge';
import type { Params } from '../../src/model/params';
import type { ModelState } from '../../src/model/state';
import { bareWorld, tinyScenario } from './world';
import { explicitOf, setExplicit, setTacit, tacitOf } from './knowledge-flat';

function meeting(a: number) {
  const { st, p } = bareWorld(tinyScenario({ knowledge: { relatedness_exponent: a, relatedness_floor: 0.1 }, exchange: { rho_tacit: 0.5, rho_explicit: 0.25, c_max: 1 } }, 2, 2, 4));
  const i = 0; // a firm
  const j = 2; // a resident
  st.kind[j] = RESIDENT;
  st.place[j] = 1;
  setTacit(st, [0.5, 0, 0, 0], i * 4);
  setExplicit(st, [0, 0.125, 0, 0], i * 4);
  setTacit(st, [0.25, 0, 0.5, 0], j * 4);
  setExplicit(st, [0, 0, 0.25, 0.25], j * 4);
  st.absorptive[i] = 1;
  st.absorptive[j] = 0.5;
  p.capacity[FIRM] = 10;
  p.capacity[RESIDENT] = 10;
  return { st, p, i, j };
}

/** One meeting through the kernel and its accounting, as the encounters phase runs them; returns the tacit gain. */
function exchangeInPlace(st: ModelState, p: Params, flows: Float64Array, i: number, j: number, kappa: number, trust: number, gT: number, gE: number, rateI: number, rateJ: number, channel: number): number {
  const m = new Meeting();
  cognitiveProximity(st, i, j, m);
  m.pair(i, j, kappa, channel);
  m.trust = trust;
  m.gTacit = gT;
  m.gExplicit = gE;
  m.rateI = rateI;
  m.rateJ = rateJ;
  if (!exchangeKernel(st, p, m)) return 0;
  recordExchange(st, flows, m);
  return m.tacitI + m.tacitJ;
}

const close = (actual: ArrayLike<number>, expected: number[], digits = 7) => expected.forEach((v, k) => expect(actual[k]).toBeCloseTo(v, digits));

describe('exchange kernel', () => {
  it('a = 2: matches the plain rule on both sides, and books every account', () => {
    const { st, p, i, j } = meeting(2);
    const kappa = cognitiveProximity(st, i, j);
    expect(kappa).toBeCloseTo(0.29250896965085227, 14);
    const flows = new Float64Array(12);
    const channel = 1;
    const tacitGain = exchangeInPlace(st, p, flows, i, j, kappa, 0.75, 0.5, 0.875, 1, 0.5, channel);
    close(tacitOf(st).subarray(0, 4), [0.5, 0, 0.004284799564629793, 0]);
    close(explicitOf(st).subarray(0, 4), [0, 0.125, 0.002499466296285391, 0.01599658466875553]);
    close(tacitOf(st).subarray(8, 12), [0.25068557262420654, 0, 0.5, 0]);
    close(explicitOf(st).subarray(8, 12), [0, 0.0019995730835944414, 0.25, 0.25]);
    const [gTi, gEi, gTj, gEj] = [0.004284799360119907, 0.018496050571184263, 0.000685567897619185, 0.001999573034722623];
    expect(tacitGain).toBeCloseTo(gTi + gTj, 9);
    expect(flows[channel]).toBeCloseTo(gTi + gTj, 9);
    expect(flows[4 + channel]).toBeCloseTo(gEi + gEj, 9);
    // the firm learned from a resident; the resident is no firm, so nothing is booked for it
    expect(flows[sourceSlot(RESIDENT)]).toBeCloseTo(gTi + gEi, 9);
    // nothing else: the channel's tacit and explicit accounts and the firm's source account
    expect(flows.reduce((s, v) => s + v, 0)).toBeCloseTo(gTi + gTj + (gEi + gEj) + (gTi + gEi), 9);
    close(st.gain.subarray(0, 4), [0, 0, 0.0067842656535231855, 0.015996584277780983], 9);
    // place flows: row = learner's place, column = source's place (places 0 and 1)
    const P = st.space.P;
    expect(st.placeFlows[0 * P + 1]).toBeCloseTo(gTi, 9);
    expect(st.placeFlows[1 * P + 0]).toBeCloseTo(gTj, 9);
    // late window (lateStart 0): learning-weighted cognitive distance 1 - kappa
    expect(st.partnerDistWeight[i]).toBeCloseTo(gTi + gEi, 9);
    expect(st.partnerDistSum[i]).toBeCloseTo((gTi + gEi) * (1 - kappa), 9);
  });

  it('a = 3: the general power path of the relatedness weight', () => {
    const { st, p, i, j } = meeting(3);
    const kappa = cognitiveProximity(st, i, j);
    exchangeInPlace(st, p, new Float64Array(12), i, j, kappa, 0.75, 0.5, 0.875, 1, 0.5, 0);
    close(tacitOf(st).subarray(0, 4), [0.5, 0, 0.0031279034446924925, 0]);
    close(explicitOf(st).subarray(0, 4), [0, 0.125, 0.0018246104009449482, 0.01599658466875553]);
    close(tacitOf(st).subarray(8, 12), [0.2504570484161377, 0, 0.5, 0]);
  });

  it('rescales a side whose knowledge would exceed its capacity', () => {
    const { st, p, i, j } = meeting(2);
    p.capacity[FIRM] = 0.5;
    const kappa = cognitiveProximity(st, i, j);
    exchangeInPlace(st, p, new Float64Array(12), i, j, kappa, 0.75, 0.5, 0.875, 1, 0.5, 0);
    close(tacitOf(st).subarray(0, 4), [0.385932981967926, 0, 0.0033072910737246275, 0]);
    close(explicitOf(st).subarray(0, 4), [0, 0.0964832454919815, 0.0019292529905214906, 0.01234721951186657]);
    close(tacitOf(st).subarray(8, 12), [0.25068557262420654, 0, 0.5, 0]); // the resident is under its capacity
  });

  it('beyond c_max nothing is understood: no change, no account', () => {
    const { st, p, i, j } = meeting(2);
    const before = tacitOf(st);
    const flows = new Float64Array(12);
    expect(exchangeInPlace(st, p, flows, i, j, 0, 1, 1, 1, 1, 1, 0)).toBe(0); // kappa 0: distance 1 = c_max
    expect(Array.from(tacitOf(st))).toEqual(Array.from(before));
    expect(flows.every((v) => v === 0)).toBe(true);
  });

  it('outside the late window partner distance is not recorded', () => {
    const { st, p, i, j } = meeting(2);
    st.lateStart = 10;
    exchangeInPlace(st, p, new Float64Array(12), i, j, cognitiveProximity(st, i, j), 0.75, 0.5, 0.875, 1, 0.5, 0);
    expect([st.partnerDistSum[i], st.partnerDistWeight[i]]).toEqual([0, 0]);
  });
});
