/**
 * The knowledge rules of MODEL-SPEC 2-3.4, each with exact values derived by hand (the
 * derivation in the comment beside each expectation). A changed equation (an exponent, a
 * floor, the sign of a gap, phi) fails one of them.
 */
import { describe, expect, it } from 'vitest';
import { tinyWorld } from './tiny-world';
import { capability, capInPlace, cognitiveProximity, learnTowards, power, relatednessInto, relatednessWeight, understandability } from '../../src/model/knowledge';
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
