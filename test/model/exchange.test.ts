/**
 * The exchange kernels (src/model/exchange.ts): exact hand-derived values of one meeting,
 * the accounting kept apart from the rule, and the property "fast kernel == plain
 * reference" (exchange-reference.ts) to the last bit over random profiles and parameters,
 * the relatedness exponent a in {0.5, 1, 2, 3} included (a != 2 runs the kernels' other
 * path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyWorld } from './tiny-world';
import { exchangeInPlace, learnFromExternalInPlace, Meeting, recordExchange, recordExternal } from '../../src/model/exchange';
import { exchangeReference, learnFromExternalReference } from '../../src/model/exchange-reference';
import { cognitiveProximity, externalProximity } from '../../src/model/knowledge';
import { CH_COLLABORATION, CH_PIPELINE } from '../../src/model/kinds';
import { explicitOf, setExplicit, setTacit, tacitAt, tacitOf } from './knowledge-flat';

/** A tiny world with K domains and 12 external partners. */
const world = (K: number) => tinyWorld(K, { external: { partners: 12 } });

describe('exchange: one meeting by hand', () => {
  it('moves each side towards the other where the other is higher, rescales, and books the gains apart', () => {
    const sim = world(8);
    const st = sim.state;
    const p = sim.params;
    setTacit(st, [0.5, 0.25, 0, 0, 0, 0, 0, 0], 0);
    setTacit(st, [0.25, 0.5, 0, 0, 0, 0, 0, 0], 8);
    st.absorptive[0] = 1;
    st.absorptive[1] = 0.5;
    const m = new Meeting();
    const kappa = cognitiveProximity(st, 0, 1, m); // (0.125 + 0.125) / 0.3125 = 0.8
    expect(kappa).toBe(0.8);
    m.pair(0, 1, kappa, CH_COLLABORATION);
    m.trust = 0.5;
    expect(exchangeInPlace(st, p, m)).toBe(true);
    // e = 1 - 0.2 / 0.7; both profiles have max 0.5 and r = 1 in domains 0 and 1, so w = 1.
    // Firm 0 learns tacit in domain 1: rho_T A e g trust w gap = 0.3 x 1 x e x 1 x 0.5 x 1 x 0.25.
    const e = 1 - (1 - 0.8) / 0.7;
    const gain0 = 0.3 * (1 * e * 1) * 1 * 0.5 * 1 * 0.25;
    const gain1 = 0.3 * (0.5 * e * 1) * 1 * 0.5 * 1 * 0.25;
    expect(tacitAt(st, 1)).toBe(Math.fround(0.25 + gain0));
    expect(tacitAt(st, 0)).toBe(0.5);
    expect(tacitAt(st, 8)).toBe(Math.fround(0.25 + gain1));
    expect(tacitAt(st, 9)).toBe(0.5);
    expect(st.gain[1]).toBe(Math.fround(gain0));
    expect(st.gain[8]).toBe(Math.fround(gain1));
    expect([m.tacitI, m.explicitI, m.tacitJ, m.explicitJ]).toEqual([gain0, 0, gain1, 0]);
    // The kernel books nothing; recordExchange does.
    const flows = new Float64Array(12);
    expect(st.placeFlows.every((x) => x === 0)).toBe(true);
    recordExchange(st, flows, m);
    expect(flows[CH_COLLABORATION]).toBe(gain0 + gain1);
    expect(flows[8]).toBe(gain0 + gain1); // both sides are firms learning from a firm
    const P = st.space.P;
    expect(st.placeFlows[st.place[0] * P + st.place[1]] + (st.place[0] === st.place[1] ? 0 : st.placeFlows[st.place[1] * P + st.place[0]])).toBe(gain0 + gain1);
  });

  it('learns nothing and changes nothing beyond understanding (kappa <= 1 - c_max)', () => {
    const sim = world(8);
    const st = sim.state;
    setTacit(st, [1, 0, 0, 0, 0, 0, 0, 0], 0);
    setTacit(st, [0, 0, 0, 0, 1, 0, 0, 0], 8);
    const m = new Meeting();
    const before = tacitOf(st).slice();
    expect(exchangeInPlace(st, sim.params, m.pair(0, 1, cognitiveProximity(st, 0, 1, m), 0))).toBe(false);
    expect(tacitOf(st)).toEqual(before);
    expect([m.tacitI, m.tacitJ]).toEqual([0, 0]);
  });
});

/** A number spread evenly over [min, max] (fc.double favours extremes such as 5e-324). */
const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 1 << 30 }).map((n) => min + ((max - min) * n) / (1 << 30));
/** Random knowledge in [0, 1], often exactly 0 (sparse profiles) and sometimes extreme. */
const level = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: uniform(0, 1), weight: 4 }, { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 1 });
const Ks = [5, 8, 24];
const worlds = new Map(Ks.map((K) => [K, world(K)]));
const setting = fc.record({
  K: fc.constantFrom(...Ks),
  a: fc.constantFrom(0.5, 1, 2, 3),
  floor: uniform(0, 0.5),
  cMax: fc.oneof(uniform(0.05, 1), uniform(0.5, 1)),
  rhoT: uniform(0, 1),
  rhoE: uniform(0, 1),
  capacity: uniform(0.5, 12),
  trust: uniform(0, 1),
  gTacit: uniform(0, 1),
  gExplicit: uniform(0, 1),
  rateI: fc.oneof(fc.constant(1), fc.constant(0), uniform(0, 1)),
  rateJ: fc.oneof(fc.constant(1), fc.constant(0), uniform(0, 1)),
  absorbI: uniform(0, 1),
  absorbJ: uniform(0, 1),
  // firm-firm, firm-university, resident-firm, resident-resident
  pair: fc.constantFrom<[number, number]>([0, 1], [2, 4], [5, 3], [6, 7]),
  profiles: fc.array(level, { minLength: 4 * 24, maxLength: 4 * 24 }),
});

type Setting = typeof setting extends fc.Arbitrary<infer S> ? S : never;

/** Sets up a world for a setting; returns it with its params and a snapshot to restore. */
function prepare(s: Setting) {
  const sim = worlds.get(s.K)!;
  const st = sim.state;
  const K = s.K;
  const [i, j] = s.pair;
  st.knowledge.fill(0);
  st.gain.fill(0);
  for (let k = 0; k < K; k++) {
    st.setTacitAt(i, k, s.profiles[k]);
    st.setExplicitAt(i, k, s.profiles[24 + k]);
    st.setTacitAt(j, k, s.profiles[48 + k]);
    st.setExplicitAt(j, k, s.profiles[72 + k]);
    st.extKnowledge[3 * K + k] = s.profiles[48 + k];
  }
  st.absorptive[i] = s.absorbI;
  st.absorptive[j] = s.absorbJ;
  const p = { ...sim.params, relA: s.a, relFloor: s.floor, cMax: s.cMax, rhoT: s.rhoT, rhoE: s.rhoE, capacity: new Float64Array(7).fill(s.capacity) };
  const snapshot = { T: tacitOf(st).slice(), E: explicitOf(st).slice(), G: st.gain.slice() };
  const restore = () => {
    setTacit(st, snapshot.T);
    setExplicit(st, snapshot.E);
    st.gain.set(snapshot.G);
  };
  const result = (m: Meeting) => ({ T: tacitOf(st).slice(), E: explicitOf(st).slice(), G: st.gain.slice(), gains: [m.tacitI, m.explicitI, m.tacitJ, m.explicitJ] });
  return { sim, st, p, i, j, restore, result };
}

describe('fast kernels == plain references (property, exact to the last bit)', () => {
  it('exchangeInPlace == exchangeReference', () => {
    let learned = 0;
    fc.assert(
      fc.property(setting, (s) => {
        const { st, p, i, j, restore, result } = prepare(s);
        const fast = new Meeting();
        const kappa = cognitiveProximity(st, i, j, fast);
        const set = (m: Meeting) => {
          m.pair(i, j, kappa, CH_COLLABORATION);
          m.trust = s.trust;
          m.gTacit = s.gTacit;
          m.gExplicit = s.gExplicit;
          m.rateI = s.rateI;
          m.rateJ = s.rateJ;
          return m;
        };
        const okFast = exchangeInPlace(st, p, set(fast));
        const a = result(fast);
        restore();
        const plain = new Meeting();
        const okPlain = exchangeReference(st, p, set(plain));
        const b = result(plain);
        expect(okFast).toBe(okPlain);
        expect(a).toEqual(b);
        if (okFast && a.gains.some((g) => g > 0)) learned++;
      }),
      { numRuns: 400, seed: 20 },
    );
    expect(learned).toBeGreaterThan(100); // the property is not vacuous: most cases learn
  });

  it('learnFromExternalInPlace == learnFromExternalReference', () => {
    let learned = 0;
    fc.assert(
      fc.property(setting, (s) => {
        const { st, p, i, restore, result } = prepare(s);
        const kappa = externalProximity(st, i, 3);
        const set = (m: Meeting) => {
          m.pair(i, 3, kappa, CH_PIPELINE);
          m.trust = s.trust;
          m.gTacit = s.gTacit;
          m.gExplicit = s.gExplicit;
          m.rateI = s.rateI;
          return m;
        };
        const fast = set(new Meeting());
        const okFast = learnFromExternalInPlace(st, p, fast);
        const a = result(fast);
        restore();
        const plain = set(new Meeting());
        const okPlain = learnFromExternalReference(st, p, plain);
        const b = result(plain);
        expect(okFast).toBe(okPlain);
        expect(a).toEqual(b);
        if (okFast && a.gains.some((g) => g > 0)) learned++;
      }),
      { numRuns: 400, seed: 21 },
    );
    expect(learned).toBeGreaterThan(100);
  });

  it.each([
    ['recordExternal books pipeline flows and firms\' learning from outside', 0, 3, 0.75],
    ['a resident learning from outside books pipeline flows but no firm account', 5, 0, 0],
  ])('%s', (_name, i, j, firmAccount) => {
    const sim = world(8);
    const m = new Meeting().pair(i, j, 0.9, CH_PIPELINE);
    m.gains(0.25, 0.5, 0, 0);
    const flows = new Float64Array(12);
    recordExternal(sim.state, flows, m);
    expect(Array.from(flows)).toEqual([0, 0, 0, 0.25, 0, 0, 0, 0.5, 0, 0, 0, firmAccount]);
  });
});

describe('the kernels\' contract beyond what callers pass', () => {
  // Callers take kappa from cognitiveProximity, which is 0 for an empty profile, so an empty
  // profile is never understood (c_max <= 1). The kernels still follow their references for
  // any kappa: an empty profile's relatedness weights are the floor (relatednessInto), not 0 / 0.
  it('a partner who knows nothing learns at the floor weight, and teaches nothing', () => {
    const sim = world(8);
    const st = sim.state;
    const p = sim.params; // floor 0.01, rho_T 0.3, c_max 0.7
    setTacit(st, [0.5, 0, 0, 0, 0, 0, 0, 0], 0);
    st.absorptive[0] = 1;
    st.absorptive[1] = 1;
    const m = new Meeting();
    cognitiveProximity(st, 0, 1, m);
    expect([m.maxI, m.maxJ]).toEqual([0.5, 0]);
    expect(exchangeInPlace(st, p, m.pair(0, 1, 1, CH_COLLABORATION))).toBe(true);
    // e(kappa = 1) = 1: firm 1 gains rho_T x 1 x floor x 0.5 in domain 0
    const gain = 0.3 * 1 * 0.01 * 0.5;
    expect([m.tacitI, m.explicitI, m.tacitJ, m.explicitJ]).toEqual([0, 0, gain, 0]);
    expect(tacitAt(st, 8)).toBe(Math.fround(gain));
    expect(tacitAt(st, 0)).toBe(0.5);
    // The same with the roles swapped: the initiator knows nothing.
    st.knowledge.fill(0);
    setTacit(st, [0.5], 8);
    const n = new Meeting();
    cognitiveProximity(st, 0, 1, n);
    expect(exchangeInPlace(st, p, n.pair(0, 1, 1, CH_COLLABORATION))).toBe(true);
    expect([n.tacitI, n.explicitI, n.tacitJ, n.explicitJ]).toEqual([gain, 0, 0, 0]);
    expect(tacitAt(st, 0)).toBe(Math.fround(gain));
  });

  it('an agent who knows nothing learns from outside at the floor weight (a = 2 and a = 3)', () => {
    for (const a of [2, 3]) {
      const sim = tinyWorld(4, { external: { partners: 2 }, knowledge: { relatedness_exponent: a } });
      const st = sim.state;
      st.extKnowledge.set([0.5, 0, 0.25, 0], 0);
      st.absorptive[0] = 1;
      const m = new Meeting().pair(0, 0, 1, CH_PIPELINE);
      expect(learnFromExternalInPlace(st, sim.params, m)).toBe(true);
      // rho_T 0.3 (default) x floor 0.01 x gap, in domains 0 and 2
      expect(m.tacitI).toBe(0.3 * 0.01 * 0.5 + 0.3 * 0.01 * 0.25);
      expect(Array.from(tacitOf(st).subarray(0, 4))).toEqual([Math.fround(0.3 * 0.01 * 0.5), 0, Math.fround(0.3 * 0.01 * 0.25), 0]);
    }
  });
});

describe('partner distance in the late window (microdata)', () => {
  it('books (1 - kappa) x gain for every firm in the meeting from lateStart on, and nothing before', () => {
    const sim = world(8);
    const st = sim.state;
    st.lateStart = 3;
    st.tick = 3;
    const m = new Meeting().pair(0, 1, 0.75, CH_COLLABORATION);
    m.gains(0.25, 0.125, 0.5, 0.25);
    recordExchange(st, new Float64Array(12), m);
    expect([st.partnerDistSum[0], st.partnerDistWeight[0]]).toEqual([0.375 * 0.25, 0.375]);
    expect([st.partnerDistSum[1], st.partnerDistWeight[1]]).toEqual([0.75 * 0.25, 0.75]);
    // learning from outside: a firm at tick = lateStart books, a firm before it does not
    const x = new Meeting().pair(2, 0, 0.5, CH_PIPELINE);
    x.gains(0.25, 0.25, 0, 0);
    recordExternal(st, new Float64Array(12), x);
    expect([st.partnerDistSum[2], st.partnerDistWeight[2]]).toEqual([0.25, 0.5]);
    st.tick = 2;
    const y = new Meeting().pair(3, 0, 0.5, CH_PIPELINE);
    y.gains(0.25, 0.25, 0, 0);
    recordExternal(st, new Float64Array(12), y);
    expect([st.partnerDistSum[3], st.partnerDistWeight[3]]).toEqual([0, 0]);
  });

  it('a resident meeting a firm: the firm books learning from residents, the resident no firm account; place flows by learner and source', () => {
    const sim = world(8);
    const st = sim.state;
    const P = st.space.P;
    expect(P).toBeGreaterThanOrEqual(2);
    st.place[5] = 1; // the resident
    st.place[1] = 0; // the firm
    const m = new Meeting().pair(5, 1, 0.75, CH_COLLABORATION);
    m.gains(0.25, 0.125, 0.5, 0.25);
    const flows = new Float64Array(12);
    st.placeFlows.fill(0);
    recordExchange(st, flows, m);
    // channel: tacit 0.25 + 0.5, explicit 0.125 + 0.25; the firm learned 0.75 from a resident (slot 10)
    expect(Array.from(flows)).toEqual([0.75, 0, 0, 0, 0.375, 0, 0, 0, 0, 0, 0.75, 0]);
    expect(st.placeFlows[1 * P + 0]).toBe(0.25); // the resident (place 1) learned from place 0
    expect(st.placeFlows[0 * P + 1]).toBe(0.5);
    expect(st.placeFlows.reduce((a, b) => a + b, 0)).toBe(0.75);
  });

});
