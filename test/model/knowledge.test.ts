/**
 * The knowledge rules of MODEL-SPEC 2-3.4, each with exact values derived by hand (the
 * derivation in the comment beside each expectation). A changed equation (an exponent, a
 * floor, the sign of a gap, phi) fails one of them.
 */
import { describe, expect, it } from 'vitest';
import { tinyWorld } from './tiny-world';
import { capability, capInPlace, cognitiveProximity, externalProximity, learnTowards, power, relatednessInto, relatednessWeight, understandability } from '../../src/model/knowledge';
import { explicitOf, setExplicit, setTacit, tacitOf } from './knowledge-flat';

/** A tiny world (K = 8) whose first agents' knowledge a test sets by hand. */
const tiny = (knowledge: Record<string, unknown> = {}) => tinyWorld(8, { knowledge });

describe('capability c = T + phi E', () => {
  it('adds explicit knowledge at weight phi', () => {
    expect(capability(0.5, 0.25, 0.5)).toBe(0.625); // 0.5 + 0.5 * 0.25
    expect(capability(0.5, 0.25, 1)).toBe(0.75);
    expect(capability(0, 0.8, 0)).toBe(0);
  });
});

describe('power x^e', () => {
  it('is x * x at the default exponent and Math.pow elsewhere', () => {
    expect(power(0.5, 2)).toBe(0.25);
    expect(power(0.5, 3)).toBe(0.125);
    expect(power(0.25, 0.5)).toBe(0.5);
    expect(power(0.5, 1)).toBe(0.5);
  });
});

describe('relatedness weight w = floor + (1 - floor) r^a', () => {
  it('has exact values for a in {0.5, 1, 2, 3}', () => {
    expect(relatednessWeight(0.5, 0.01, 2)).toBe(0.01 + (1 - 0.01) * 0.25);
    expect(relatednessWeight(0.5, 0.01, 3)).toBe(0.01 + (1 - 0.01) * 0.125);
    expect(relatednessWeight(0.25, 0.01, 0.5)).toBe(0.01 + (1 - 0.01) * 0.5);
    expect(relatednessWeight(0.25, 0.1, 1)).toBe(0.1 + (1 - 0.1) * 0.25);
    expect(relatednessWeight(1, 0.3, 3)).toBe(1);
    expect(relatednessWeight(0, 0.3, 3)).toBe(0.3);
  });

  it('relatednessInto takes the neighbourhood maximum over the profile maximum (a = 3, wrap-around)', () => {
    const sim = tiny({ relatedness_exponent: 3 });
    const st = sim.state;
    setTacit(st, [0.5, 0, 0, 0, 0.25, 0, 0, 0.125], 0);
    const w = new Float64Array(8);
    relatednessInto(st, sim.params, 0, w);
    // max = 0.5; r_k = max(x_{k-1}, x_k, x_{k+1}) / 0.5 on the ring (k = 7 sees k = 0).
    const r = [1, 1, 0, 0.5, 0.5, 0.5, 0.25, 1];
    expect(Array.from(w)).toEqual(r.map((x) => 0.01 + (1 - 0.01) * x ** 3));
  });

  it('relatednessInto with a = 0.5 and an empty profile', () => {
    const sim = tiny({ relatedness_exponent: 0.5, relatedness_floor: 0.2 });
    const st = sim.state;
    setExplicit(st, [0, 0, 0.64, 0, 0, 0, 0, 0], 0);
    const w = new Float64Array(8);
    relatednessInto(st, sim.params, 0, w);
    expect(Array.from(w)).toEqual([0.2, 1, 1, 1, 0.2, 0.2, 0.2, 0.2]);
    relatednessInto(st, sim.params, 1, w); // agent 1 knows nothing: the floor everywhere
    expect(Array.from(w)).toEqual(new Array(8).fill(0.2));
  });
});

describe('learnTowards: rate (source - own)+', () => {
  it('gains where the source is higher, nothing elsewhere', () => {
    expect(learnTowards(0.25, 0.75, 0.5)).toBe(0.25);
    expect(learnTowards(0.75, 0.25, 0.5)).toBe(0);
    expect(learnTowards(0.5, 0.5, 0.5)).toBe(0);
    expect(learnTowards(0, 1, 0)).toBe(0);
    // rate x gap in that grouping: (0.3 x 0.7) x 0.1
    expect(learnTowards(0.1, 0.2, 0.3 * 0.7)).toBe(0.3 * 0.7 * (0.2 - 0.1));
  });
});

describe('cognitive proximity', () => {
  it('is the cosine of T + E and returns both profile maxima', () => {
    const sim = tiny();
    const st = sim.state;
    setTacit(st, [0.5, 0, 0, 0, 0, 0, 0, 0], 0);
    setExplicit(st, [0, 0.5, 0, 0, 0, 0, 0, 0], 0);
    setTacit(st, [0.75, 0, 0, 0, 0, 0, 0, 0.25], 8);
    const m = { maxI: -1, maxJ: -1 };
    // x_0 = (0.5, 0.5, 0...), x_1 = (0.75, 0, ..., 0.25): dot 0.375, norms 0.5 and 0.625
    expect(cognitiveProximity(st, 0, 1, m)).toBe(0.375 / Math.sqrt(0.5 * 0.625));
    expect(m).toEqual({ maxI: 0.5, maxJ: 0.75 });
    expect(cognitiveProximity(st, 0, 2)).toBe(0); // agent 2 knows nothing
  });

  it('with an odd number of domains the last domain is summed once, after the pairs (K = 5)', () => {
    const sim = tinyWorld(5);
    const st = sim.state;
    setTacit(st, [0, 0, 0, 0, 0.5], 0);
    setTacit(st, [0.75, 0, 0, 0, 0.5], 5);
    const m = { maxI: -1, maxJ: -1 };
    // Only domain 4 is shared: dot 0.25, |x_0|^2 = 0.25, |x_1|^2 = 0.5625 + 0.25 = 0.8125.
    // (Pairing domain 4 with a domain 5 would read agent 1's domain 0 as agent 0's.)
    expect(cognitiveProximity(st, 0, 1, m)).toBe(0.25 / Math.sqrt(0.25 * 0.8125));
    expect(m).toEqual({ maxI: 0.5, maxJ: 0.75 });
  });

  it('external proximity is the cosine of T + E and the partner\'s 2v, with the partner\'s squared norm given', () => {
    const sim = tinyWorld(8, { external: { partners: 2 } });
    const st = sim.state;
    setTacit(st, [0.5, 0, 0, 0, 0, 0, 0, 0], 0);
    setExplicit(st, [0, 0.5, 0, 0, 0, 0, 0, 0], 0);
    st.extKnowledge.fill(0);
    st.extKnowledge.set([0.25, 0, 0.25, 0, 0, 0, 0, 0], 0);
    st.extNorm[0] = 4 * (0.25 * 0.25 + 0.25 * 0.25); // |2v|^2 = 0.5
    st.extNorm[1] = 0; // partner 1 knows nothing
    // x = (0.5, 0.5, 0, ...), 2v = (0.5, 0, 0.5, 0, ...): dot 0.25, |x|^2 = 0.5: 0.25 / sqrt(0.25) = 0.5
    expect(externalProximity(st, 0, 0)).toBe(0.5);
    expect(externalProximity(st, 0, 1)).toBe(0);
    expect(externalProximity(st, 1, 0)).toBe(0); // agent 1 knows nothing
  });

  it('understandability e = max(0, 1 - (1 - kappa) / c_max)', () => {
    expect(understandability(0.65, 0.7)).toBe(1 - 0.35 / 0.7);
    expect(understandability(0.3, 0.7)).toBe(0);
    expect(understandability(0.2, 0.7)).toBe(0);
    expect(understandability(1, 0.5)).toBe(1);
  });
});

describe('capacity', () => {
  it('rescales T and E by capacity / sum when the sum exceeds the capacity, and leaves them otherwise', () => {
    const sim = tiny();
    const st = sim.state;
    setTacit(st, new Array(8).fill(1), 0);
    setExplicit(st, new Array(8).fill(0.5), 0); // sum 12 > firm capacity 6: factor 0.5
    setTacit(st, new Array(8).fill(0.25), 8); // sum 2 < 6
    capInPlace(st, sim.params, 0);
    capInPlace(st, sim.params, 1);
    expect(Array.from(tacitOf(st).subarray(0, 8))).toEqual(new Array(8).fill(0.5));
    expect(Array.from(explicitOf(st).subarray(0, 8))).toEqual(new Array(8).fill(0.25));
    expect(Array.from(tacitOf(st).subarray(8, 16))).toEqual(new Array(8).fill(0.25));
  });
});
