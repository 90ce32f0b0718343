/**
 * Innovation (src/model/innovation.ts), MODEL-SPEC 3.7, on one firm with a scripted random
 * stream: which domains it combines (k1 ~ c^gamma, k2 ~ N + epsilon c), whether it
 * succeeds (1 - exp(-beta sqrt(c1 c2) (nu0 + sum N))), the value sqrt(r1 r2)(1 - S) with S
 * from the lagged capability masks, and learning by doing.
 */
import { describe, expect, it } from 'vitest';
import { TickCounters } from '../../src/model/counters';
import { innovationPhaseInPlace, NoveltyWindow, recordCapabilitiesInPlace } from '../../src/model/innovation';
import { bareWorld, f32, scripted, tinyScenario } from './world';
import { explicitAt, setTacit, tacitAt } from './knowledge-flat';

/**
 * K = 4; firm 0 alive with rd 1, T = (0.5, 0.25, 0.125, 0), E = 0, and this tick's gain
 * 0.5 in domain 2 (so N = nu x 0.5 = 0.25 there after the EWMA); relevance (1, 0.25, 0.5, 0.5).
 * beta 2, nu0 0.25, epsilon 1, lbd 0.2, codify 0.5, nu 0.5, performance EWMA 0.5.
 */
function oneFirm(gamma: number, over: object = {}) {
  const scenario = tinyScenario({
    knowledge: { gamma, novelty_ewma: 0.5, attention_rate: 0.1, phi: 0.5 },
    innovation: { beta: 2, nu0: 0.25, epsilon: 1, learning_by_doing: 0.2, codify: 0.5, radical_below: 0.1, theta: 0.2, novelty_lag: 1 },
    firms: { performance_ewma: 0.5 },
    ...over,
  }, 3, 2, 4);
  const { st, p } = bareWorld(scenario);
  st.alive.set([1, 0, 0]);
  st.rd[0] = 1;
  setTacit(st, [0.5, 0.25, 0.125, 0], 0);
  st.gain[2] = 0.5;
  st.relevance.set([1, 0.25, 0.5, 0.5]);
  st.lateStart = 100;
  return { st, p, c: new TickCounters(), value: new Float64Array(3), window: new NoveltyWindow(4) };
}

describe('innovation', () => {
  it('gamma = 2: u = 0.85 picks k1 = 1 (cumulative c^2 shares 0.762, 0.952; c^3 would pick 0), k2 = 0, and succeeds', () => {
    const { st, p, c, value, window } = oneFirm(2);
    // draws: R&D trial 0 < 1; k1: 0.85 x 0.328125; k2: 0.5 x 0.875 (weights 0.5, -, 0.375, 0); success: 0.2 < 0.29781
    const rng = scripted([0, 0.85, 0.5, 0.2]);
    innovationPhaseInPlace(st, p, rng, c, value, window);
    expect(rng.left()).toBe(0);
    expect(st.novelty[2]).toBe(0.25); // N = (1 - 0.5) 0 + 0.5 x 0.5
    expect(st.gain[2]).toBe(0);
    expect([c.innovations, c.radical]).toEqual([1, 1]); // S = 0 < 0.1: radical
    // value sqrt(r_1 r_0) (1 - S) = sqrt(0.25) = 0.5
    expect(c.value).toBe(0.5);
    expect(value[0]).toBe(0.5);
    expect(st.performance[0]).toBe(0.25); // EWMA 0.5 x 0.5
    // learning by doing in k1 = 1: dT = 0.2 x 0.25 x 0.75 = 0.0375; in k2 = 0: dT = 0.2 x 1 x 0.5 = 0.1
    expect(tacitAt(st, 1)).toBe(f32(f32(0.25) + 0.0375));
    expect(explicitAt(st, 1)).toBe(f32(0.5 * 0.0375));
    expect(tacitAt(st, 0)).toBe(f32(0.5 + 0.1));
    expect(explicitAt(st, 0)).toBe(f32(0.05));
    expect(tacitAt(st, 2)).toBe(0.125);
    expect([st.attention[0], st.attention[1], st.attention[2]]).toEqual([f32(0.1), f32(0.1), 0]);
    expect(st.innovationsCount[0]).toBe(1);
    expect(window.mean()).toBe(0);
  });

  it('fails when the success draw is at or above 1 - exp(-beta sqrt(c1 c2)(nu0 + sum N)) = 0.297811', () => {
    // 1 - exp(-2 x sqrt(0.125) x 0.5) = 0.2978115...
    const success = 1 - Math.exp(-2 * Math.sqrt(0.125) * 0.5);
    expect(success).toBeCloseTo(0.2978115, 7);
    const { st, p, c, value, window } = oneFirm(2);
    innovationPhaseInPlace(st, p, scripted([0, 0.85, 0.5, 0.2979]), c, value, window);
    expect(c.innovations).toBe(0);
    expect(tacitAt(st, 1)).toBe(0.25);
    expect(st.performance[0]).toBe(0);
    expect(st.novelty[2]).toBe(0.25); // the EWMA of learning runs regardless
  });

  it('gamma = 3 (the general power path): u = 0.85 picks k1 = 0 (gamma = 2 would pick 1), then k2 = 2', () => {
    const { st, p, c, value } = oneFirm(3);
    // c^3 = (0.125, 0.015625, 0.001953, 0), cumulative shares 0.877, 0.986: 0.85 falls in domain 0
    // (with c^2, shares 0.762, 0.952, it falls in domain 1).
    // k2 weights (k != 0): N + c = (-, 0.25, 0.375, 0): u = 0.5 x 0.625 falls in domain 2.
    // success 1 - exp(-2 x sqrt(0.5 x 0.125) x 0.5) = 0.2212; value sqrt(1 x 0.5) = 0.7071
    innovationPhaseInPlace(st, p, scripted([0, 0.85, 0.5, 0.2]), c, value, new NoveltyWindow(4));
    expect(c.innovations).toBe(1);
    expect(c.value).toBeCloseTo(Math.SQRT1_2, 15);
    expect(tacitAt(st, 2)).toBe(f32(0.125 + 0.2 * 0.5 * 0.875));
    expect(tacitAt(st, 1)).toBe(0.25);
  });

  it('gamma = 1: the same draw picks k1 = 2 (cumulative c shares 0.571, 0.857)', () => {
    const { st, p, c, value } = oneFirm(1);
    // k2 weights (k != 2): (0 + 0.5, 0 + 0.25, -, 0) total 0.75: u = 0.375 falls in domain 0
    innovationPhaseInPlace(st, p, scripted([0, 0.9, 0.5, 0.2]), c, value, new NoveltyWindow(4));
    // success 1 - exp(-2 sqrt(0.125 x 0.5) 0.5) = 0.2212 > 0.2: value sqrt(0.5 x 1)
    expect(c.value).toBeCloseTo(Math.SQRT1_2, 15);
    expect(tacitAt(st, 2)).toBe(f32(0.125 + 0.2 * 0.5 * 0.875));
    expect(tacitAt(st, 0)).toBe(f32(0.6));
  });

  it('a firm without R&D luck draws once and does nothing; misunderstandings cut the R&D effort', () => {
    const { st, p, c, value, window } = oneFirm(2, { exchange: { misunderstanding_cost: 0.5 } });
    st.misunderstanding[0] = 1; // effort 1 - 0.5 x 1 = 0.5
    const rng = scripted([0.5]);
    innovationPhaseInPlace(st, p, rng, c, value, window);
    expect(rng.left()).toBe(0);
    expect(c.innovations).toBe(0);
    expect(st.misunderstanding[0]).toBe(0);
  });
});

describe('novelty to the region', () => {
  it('S is the share of the other live firms capable in both domains novelty_lag ticks ago', () => {
    const { st, p, c, value, window } = oneFirm(2);
    // three live firms; at tick 0 (c >= theta = 0.2): firm 0 in 0 and 1, firm 1 in 0 and 1, firm 2 in 0 only
    st.alive.set([1, 1, 1]);
    setTacit(st, [0.5, 0.25, 0, 0], 4);
    setTacit(st, [0.5, 0, 0, 0], 8);
    recordCapabilitiesInPlace(st, p);
    expect(st.liveRing[0]).toBe(3);
    expect(st.pairRing[0 * 4 + 1]).toBe(2);
    expect(st.pairRing[0 * 4 + 0]).toBe(3);
    st.tick = 1; // lag 1: tick 1 reads tick 0's slot
    // firm 0 as before (k1 = 1, k2 = 0); firms 1 and 2 have rd 0 and draw once each
    innovationPhaseInPlace(st, p, scripted([0, 0.85, 0.5, 0.2, 0.5, 0.5]), c, value, window);
    // S = (2 - firm 0 itself) / (3 - 1) = 0.5: value 0.5 x (1 - 0.5), not radical
    expect(c.value).toBe(0.25);
    expect(c.noveltySum).toBe(0.5);
    expect(c.radical).toBe(0);
    expect(window.mean()).toBe(0.5);
  });
});
