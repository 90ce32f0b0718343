/** The moving frontier and shocks (src/model/environment.ts): relevance, smoothing, external knowledge, shocks. */
import { describe, expect, it } from 'vitest';
import { applyShockInPlace, type FrontierSettings, updateRelevanceInPlace } from '../../src/model/environment';
import { Rng } from '../../src/model/rng';
import { bareWorld, f32, scripted, tinyScenario } from './world';
import { tacitAt } from './knowledge-flat';

const still: FrontierSettings = { speed: 0.5, width: 2, floor: 0.1, ar: 0, step: 0, smooth: 0 };

describe('relevance', () => {
  it('is a Gaussian bump of width w at mu over a floor; mu moves by the speed', () => {
    const { st } = bareWorld(tinyScenario({ external: { partners: 1 } }, 3, 2, 8));
    updateRelevanceInPlace(st, still, new Rng(1, 'environment'), true);
    expect(st.mu).toBe(0.5);
    // r_k = 0.1 + 0.9 exp(-d^2 / 8), d = ring distance from k to 0.5 on a ring of 8
    const expected = [0.5, 0.5, 1.5, 2.5, 3.5, 3.5, 2.5, 1.5].map((d) => 0.1 + 0.9 * Math.exp(-(d * d) / 8));
    Array.from(st.relevance).forEach((r, k) => expect(r).toBeCloseTo(expected[k], 14));
    expect(st.relevance[0]).toBeCloseTo(0.9723099, 6); // 0.1 + 0.9 exp(-0.25 / 8)
    // Not advancing leaves mu where it is.
    updateRelevanceInPlace(st, still, new Rng(1, 'environment'), false);
    expect(st.mu).toBe(0.5);
  });

  it('adds the noise smoothed along the ring, and clamps to [0.01, 1]', () => {
    const { st } = bareWorld(tinyScenario({}, 3, 2, 8));
    st.noiseZ[0] = 1; // one spike of noise at domain 0
    const f: FrontierSettings = { speed: 0, width: 2, floor: 0, ar: 1, step: 0, smooth: 1 };
    updateRelevanceInPlace(st, f, new Rng(1, 'environment'), false);
    // Gaussian smoothing of width 1 over reach ceil(2 x 1) = 2: weights exp(-d^2 / 2), d = -2..2
    const norm = 1 + 2 * Math.exp(-0.5) + 2 * Math.exp(-2);
    expect(st.noise[0]).toBeCloseTo(1 / norm, 14);
    expect(st.noise[1]).toBeCloseTo(Math.exp(-0.5) / norm, 14);
    expect(st.noise[6]).toBeCloseTo(Math.exp(-2) / norm, 14);
    expect(st.noise[3]).toBe(0);
    expect(st.relevance[0]).toBe(1); // exp(0) + 1/norm > 1: clamped
    expect(st.relevance[1]).toBe(1); // exp(-1/8) + 0.24 > 1
    expect(st.relevance[2]).toBeCloseTo(Math.exp(-4 / 8) + Math.exp(-2) / norm, 14);
    expect(st.relevance[4]).toBeCloseTo(Math.max(0.01, Math.exp(-16 / 8)), 14);
    st.noiseZ[4] = -5;
    updateRelevanceInPlace(st, f, new Rng(1, 'environment'), false);
    expect(st.relevance[4]).toBe(0.01);
  });

  it('external partners know min(1, pi_k r_k) in tacit and explicit form', () => {
    const { st } = bareWorld(tinyScenario({ external: { partners: 1 } }, 3, 2, 4));
    st.extProfile.set([0.5, 2, 0, 1]);
    updateRelevanceInPlace(st, { ...still, speed: 0, floor: 0.5, width: 1 }, new Rng(1, 'environment'), false);
    const r = Array.from(st.relevance);
    const v = r.map((rk, k) => Math.min(1, [0.5, 2, 0, 1][k] * rk));
    Array.from(st.extKnowledge).forEach((x, k) => expect(x).toBe(f32(v[k])));
    expect(st.extKnowledge[1]).toBe(1); // 2 x r_1 > 1
    expect(st.extNorm[0]).toBeCloseTo(v.reduce((s, x) => s + 4 * x * x, 0), 12); // |T + E|^2 = 4 v^2
  });
});

describe('shocks', () => {
  it('frontier_jump moves mu around the ring', () => {
    const { st, p } = bareWorld(tinyScenario({}, 3, 2, 8));
    st.mu = 7;
    applyShockInPlace(st, p, { kind: 'frontier_jump', tick: 0, domains: 3 }, scripted([]), 0.01);
    expect(st.mu).toBe(2);
  });

  // core_collapse: test/model/environment.test.ts (relevance recomputed from the frontier, moved every tick).

  it('plant gives a few live firms a capability `offset` domains from the strongest, towards the frontier', () => {
    const { st, p } = bareWorld(tinyScenario({}, 3, 2, 8));
    st.alive.set([1, 1, 1]);
    st.setTacitAt(0, 1, 0.5); // strongest domain: 1
    st.setTacitAt(1, 3, 0.4);
    // rng.int(3) with u = 0.5 -> firm 1
    applyShockInPlace(st, p, { kind: 'plant', tick: 0, firms: 1, offset: 2, level: 0.3 }, scripted([0.5]), 0.01);
    expect(st.plantDomain).toBe(3);
    expect(Array.from(st.planted)).toEqual([0, 1, 0]);
    expect(tacitAt(st, 1 * 8 + 3)).toBe(f32(0.4)); // max(existing 0.4, level 0.3)
    const back = bareWorld(tinyScenario({}, 3, 2, 8)).st;
    back.alive.set([1, 1, 1]);
    back.setTacitAt(0, 1, 0.5);
    // frontier moving down the ring: offset counts the other way; u = 0.1 -> firm 0
    applyShockInPlace(back, p, { kind: 'plant', tick: 0, firms: 1, offset: 2, level: 0.8 }, scripted([0.1]), -0.01);
    expect(back.plantDomain).toBe(7);
    expect(tacitAt(back, 0 * 8 + 7)).toBe(f32(0.8));
  });
});
