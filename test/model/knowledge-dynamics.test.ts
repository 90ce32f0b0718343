/**
 * Knowledge dynamics (src/model/knowledge-dynamics.ts): obsolescence with the attention
 * update and SECI conversion, by hand and as the property "fast kernel == plain
 * reference" (knowledge-dynamics-reference.ts) to the last bit over random profiles,
 * attention and parameters, gamma in {0.5, 1, 2, 3} included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyWorld } from './tiny-world';
import { conversionInPlace, obsolescenceInPlace } from '../../src/model/knowledge-dynamics';
import { conversionReference, obsolescenceReference } from '../../src/model/knowledge-dynamics-reference';
import { explicitAt, explicitOf, setExplicit, setTacit, tacitAt, tacitOf } from './knowledge-flat';

const world = () => tinyWorld(8);

describe('obsolescence (phase 2) by hand', () => {
  it('decays a firm by use, everyone else by delta, then moves attention towards c^gamma', () => {
    const sim = world();
    const st = sim.state;
    const p = { ...sim.params, gamma: 3 };
    st.alive.fill(1, 0, 4);
    st.setTacitAt(0, 0, 0.5); // firm 0, domain 0: attention 0.2 = h_ref, fully used: delta_use 0.005
    st.attention[0] = 0.2;
    st.setTacitAt(0, 1, 0.5); // domain 1: attention 0, idle: delta_idle 0.03
    st.setTacitAt(4, 0, 0.5); // the university
    st.setExplicitAt(5, 2, 0.5); // a resident
    obsolescenceInPlace(st, p);
    const t0 = Math.fround(0.5 * (1 - (0.03 - (0.03 - 0.005) * 1)));
    const t1 = Math.fround(0.5 * (1 - (0.03 - (0.03 - 0.005) * 0)));
    expect([tacitAt(st, 0), tacitAt(st, 1)]).toEqual([t0, t1]);
    expect(tacitAt(st, 4 * 8)).toBe(Math.fround(0.5 * (1 - 0.01)));
    expect(explicitAt(st, 5 * 8 + 2)).toBe(Math.fround(0.5 * (1 - 0.01)));
    // attention: H <- (1 - h) H + h c^3 / sum c^3 with h = 0.05
    const sum = t0 ** 3 + t1 ** 3;
    expect(st.attention[0]).toBe(Math.fround((1 - 0.05) * Math.fround(0.2) + (0.05 * t0 ** 3) / sum));
    expect(st.attention[1]).toBe(Math.fround((1 - 0.05) * 0 + (0.05 * t1 ** 3) / sum));
  });
});

describe('conversion (phase 6) by hand', () => {
  it('externalises where T > E and internalises where E > T, for actors and residents', () => {
    const sim = world();
    const st = sim.state;
    const p = { ...sim.params, cExt: 0.25, cInt: 0.5 };
    st.alive.fill(1, 0, 4);
    st.setTacitAt(0, 1, 0.5); // firm 0, domain 1: E += 0.25 * 0.5
    st.setExplicitAt(0, 2, 0.5); // domain 2: T += 0.5 * 0.5
    st.setTacitAt(6, 0, 0.75); // a resident: E += 0.25 * 0.75
    conversionInPlace(st, p);
    expect([tacitAt(st, 1), explicitAt(st, 1), tacitAt(st, 2), explicitAt(st, 2)]).toEqual([0.5, 0.125, 0.25, 0.5]);
    expect([tacitAt(st, 6 * 8), explicitAt(st, 6 * 8)]).toEqual([0.75, 0.1875]);
  });
});

const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 1 << 30 }).map((n) => min + ((max - min) * n) / (1 << 30));
const level = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: uniform(0, 1), weight: 4 });

describe.each([
  ['WebAssembly SIMD kernels', '1'],
  ['JavaScript loops', '0'],
])('fast kernels (%s) == plain references (property, exact to the last bit)', (_, simd) => {
  process.env.LRSIM_SIMD = simd; // read when the state is built
  const sim = world();
  delete process.env.LRSIM_SIMD;
  it('runs the kernels it names', () => expect(sim.state.simd === null).toBe(simd === '0'));
  const st = sim.state;
  const n = st.N * st.K;
  const setting = fc.record({
    gamma: fc.constantFrom(0.5, 1, 2, 3),
    phi: uniform(0, 1),
    h: uniform(0, 0.5),
    hRef: uniform(0.01, 1),
    deltaUse: uniform(0, 0.05),
    deltaIdle: uniform(0, 0.1),
    delta: uniform(0, 0.05),
    cExt: uniform(0, 0.5),
    cInt: uniform(0, 0.5),
    capacity: uniform(0.5, 8),
    alive: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    T: fc.array(level, { minLength: n, maxLength: n }),
    E: fc.array(level, { minLength: n, maxLength: n }),
    H: fc.array(uniform(0, 0.5), { minLength: 4 * st.K, maxLength: 4 * st.K }),
  });
  const check = (fast: typeof obsolescenceInPlace, plain: typeof obsolescenceInPlace) =>
    fc.assert(
      fc.property(setting, (s) => {
        const p = { ...sim.params, gamma: s.gamma, phi: s.phi, h: s.h, hRef: s.hRef, deltaUse: s.deltaUse, deltaIdle: s.deltaIdle, delta: s.delta, cExt: s.cExt, cInt: s.cInt, capacity: new Float64Array(7).fill(s.capacity) };
        const load = () => {
          setTacit(st, s.T);
          setExplicit(st, s.E);
          st.attention.set(s.H);
          s.alive.forEach((a, i) => (st.alive[i] = a ? 1 : 0));
        };
        const snap = () => [tacitOf(st).slice(), explicitOf(st).slice(), st.attention.slice()];
        load();
        fast(st, p);
        const a = snap();
        load();
        plain(st, p);
        expect(a).toEqual(snap());
      }),
      { numRuns: 300, seed: 22 },
    );
  it('obsolescenceInPlace == obsolescenceReference', () => check(obsolescenceInPlace, obsolescenceReference));
  it('conversionInPlace == conversionReference', () => check(conversionInPlace, conversionReference));
});
