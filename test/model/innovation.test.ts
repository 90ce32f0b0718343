/**
 * Innovation (src/model/innovation.ts), MODEL-SPEC 3.7, on one firm with a scripted random
 * stream: which domains it combines (k1 ~ c^gamma, k2 ~ N + epsilon c), whether it
 * succeeds (1 - exp(-beta sqrt(c1 c2) (nu0 + sum N))), the value sqrt(r1 r2)(1 - S) with S
 * from the lagged capability masks, and learning by doing.
 */
import { describe, expect, it } from 'vitest';
import { TickCounters } from '../../src/model/counters';
import { innovationPhaseInPlace, NoveltyWindow, recordCapabilitiesInPlace } from '../../src/model/innovation';
import { deepMerge } from '../../src/scenario/merge';
import { bareWorld, f32, scripted, tinyScenario } from './world';
import { explicitAt, setExplicit, setTacit, tacitAt, tacitOf } from './knowledge-flat';

/**
 * K = 4; firm 0 alive with rd 1, T = (0.5, 0.25, 0.125, 0), E = 0, and this tick's gain
 * 0.5 in domain 2 (so N = nu x 0.5 = 0.25 there after the EWMA); relevance (1, 0.25, 0.5, 0.5).
 * beta 2, nu0 0.25, epsilon 1, lbd 0.2, codify 0.5, nu 0.5, performance EWMA 0.5.
 */
function oneFirm(gamma: number, over: object = {}) {
  const base = {
    knowledge: { gamma, novelty_ewma: 0.5, attention_rate: 0.1, phi: 0.5 },
    innovation: { beta: 2, nu0: 0.25, epsilon: 1, learning_by_doing: 0.2, codify: 0.5, radical_below: 0.1, theta: 0.2, novelty_lag: 1 },
    firms: { performance_ewma: 0.5 },
  };
  const scenario = tinyScenario(deepMerge(base, over) as object, 3, 2, 4);
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

describe('innovation: the EWMAs, the R&D effort and the draws at their boundaries', () => {
  it('N = (1 - nu) N + nu G and performance = (1 - a) performance + a value, from nonzero priors; a dead firm keeps its performance', () => {
    const { st, p, c, value, window } = oneFirm(2);
    st.rd[0] = 0; // draws 0.5 >= 0: no innovation
    st.novelty.set([0.5, 0.25, 0, 0], 0);
    st.gain.set([0, 0.5, 0.25, 0], 0); // replaces oneFirm's gain in domain 2
    st.performance[0] = 0.5;
    st.performance[1] = 0.5; // firm 1 is dead
    const rng = scripted([0.5]);
    innovationPhaseInPlace(st, p, rng, c, value, window);
    expect(rng.left()).toBe(0);
    // nu = 0.5: (0.5 x 0.5 + 0.5 x 0, 0.5 x 0.25 + 0.5 x 0.5, 0.5 x 0 + 0.5 x 0.25, 0)
    expect(Array.from(st.novelty.subarray(0, 4))).toEqual([0.25, 0.375, 0.125, 0]);
    expect(Array.from(st.gain.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(st.performance[0]).toBe(0.25); // (1 - 0.5) 0.5 + 0.5 x 0
    expect(st.performance[1]).toBe(0.5);
  });

  it('misunderstandings scale the R&D chance by max(0, 1 - cost x lost): 0.5 x 0.5 leaves 0.75, so 0.7 innovates', () => {
    const { st, p, c, value, window } = oneFirm(2, { exchange: { misunderstanding_cost: 0.5 } });
    st.misunderstanding[0] = 0.5; // effort 1 - 0.5 x 0.5 = 0.75 (0.5 / 0.5 would give 0)
    const rng = scripted([0.7, 0.85, 0.5, 0.2]); // then the draws of the gamma = 2 case
    innovationPhaseInPlace(st, p, rng, c, value, window);
    expect(rng.left()).toBe(0);
    expect(c.innovations).toBe(1);
    expect(c.value).toBe(0.5);
    const again = oneFirm(2, { exchange: { misunderstanding_cost: 0.5 } });
    again.st.misunderstanding[0] = 0.5;
    const at = scripted([0.75]); // 0.75 >= 1 x 0.75: no R&D this tick
    innovationPhaseInPlace(again.st, again.p, at, again.c, again.value, again.window);
    expect(at.left()).toBe(0);
    expect(again.c.innovations).toBe(0);
  });

  it('a firm with no capability draws only its R&D trial; one with no second domain draws only k1', () => {
    const empty = oneFirm(2);
    empty.st.knowledge.fill(0);
    const r1 = scripted([0]);
    innovationPhaseInPlace(empty.st, empty.p, r1, empty.c, empty.value, empty.window);
    expect(r1.left()).toBe(0);
    expect(empty.c.innovations).toBe(0);
    // Only domain 0 is known and nothing was learned lately: k1 = 0, and no k2 has weight.
    const single = oneFirm(2);
    setTacit(single.st, [0.5, 0, 0, 0], 0);
    single.st.gain.fill(0);
    const r2 = scripted([0, 0.5]);
    innovationPhaseInPlace(single.st, single.p, r2, single.c, single.value, single.window);
    expect(r2.left()).toBe(0);
    expect(single.c.innovations).toBe(0);
    expect(tacitAt(single.st, 0)).toBe(0.5);
  });

  /**
   * gamma = 1, T = (0.5, 0.25, 0.25, 0), nothing learned: the k1 weights sum to exactly 1 and
   * the k2 weights (k != 0) to exactly 0.5, so a draw can land exactly on a boundary.
   */
  function boundaries() {
    const w = oneFirm(1);
    setTacit(w.st, [0.5, 0.25, 0.25, 0], 0);
    w.st.gain.fill(0);
    return w;
  }

  it('a draw on a cumulative boundary picks the lower domain (u <= 0): k1 = 0 at u = 0.5, k2 = 1 at u = 0.25, and a zero k2 draw skips k1', () => {
    // k1: 0.5 x 1 - 0.5 = 0 in domain 0 (u < 0 would pick 1, and then k2 = 0, not 2).
    // k2 weights (-, 0.25, 0.25, 0): 0.6 x 0.5 = 0.3 falls in domain 2.
    // success 1 - exp(-2 sqrt(0.5 x 0.25) 0.25) = 0.162 > 0.1; value sqrt(r_0 r_2) = sqrt(0.5)
    const a = boundaries();
    const rng = scripted([0, 0.5, 0.6, 0.1]);
    innovationPhaseInPlace(a.st, a.p, rng, a.c, a.value, a.window);
    expect(rng.left()).toBe(0);
    expect(a.c.value).toBe(Math.sqrt(0.5));
    // learning by doing in 0 and 2: 0.5 + 0.2 x 1 x 0.5, 0.25 + 0.2 x 0.5 x 0.75
    expect(Array.from(tacitOf(a.st).subarray(0, 4))).toEqual([f32(0.6), 0.25, f32(0.325), 0]);
    // k2: 0.5 x 0.5 - 0.25 = 0 in domain 1 (u < 0 would pick 2); value sqrt(r_0 r_1) = 0.5
    const b = boundaries();
    innovationPhaseInPlace(b.st, b.p, scripted([0, 0.5, 0.5, 0.1]), b.c, b.value, b.window);
    expect(b.c.value).toBe(0.5);
    expect(Array.from(tacitOf(b.st).subarray(0, 4))).toEqual([f32(0.6), f32(0.2875), 0.25, 0]);
    // A k2 draw of 0 passes the zero weight of k1 = 0 and takes domain 1, the first with weight.
    const zero = boundaries();
    innovationPhaseInPlace(zero.st, zero.p, scripted([0, 0.5, 0, 0.1]), zero.c, zero.value, zero.window);
    expect(zero.c.value).toBe(0.5);
    expect(Array.from(tacitOf(zero.st).subarray(0, 4))).toEqual([f32(0.6), f32(0.2875), 0.25, 0]);
  });

  it('a success draw equal to the success probability fails (success needs u < p)', () => {
    const { st, p, c, value, window } = boundaries();
    const success = 1 - Math.exp(-2 * Math.sqrt(0.5 * 0.25) * (0.25 + 0));
    innovationPhaseInPlace(st, p, scripted([0, 0.5, 0.5, success]), c, value, window);
    expect(c.innovations).toBe(0);
    const below = boundaries();
    innovationPhaseInPlace(below.st, below.p, scripted([0, 0.5, 0.5, success - 2 ** -40]), below.c, below.value, below.window);
    expect(below.c.innovations).toBe(1);
  });

  it('value counts in the late window from its first tick on (tick >= lateStart)', () => {
    const { st, p, c, value, window } = oneFirm(2);
    st.lateValue[0] = 0;
    st.lateStart = 0; // tick 0
    innovationPhaseInPlace(st, p, scripted([0, 0.85, 0.5, 0.2]), c, value, window);
    expect(st.lateValue[0]).toBe(0.5);
    const before = oneFirm(2); // lateStart 100
    innovationPhaseInPlace(before.st, before.p, scripted([0, 0.85, 0.5, 0.2]), before.c, before.value, before.window);
    expect(before.st.lateValue[0]).toBe(0);
  });
});

describe('novelty to the region: who counts', () => {
  /** Firms 1 and 2 capable at tick 0 as in the case above; firm 0's tick-0 profile and life given. */
  function lagged(firm0: number[], alive0: number, over: object = {}) {
    const w = oneFirm(2, over);
    const { st, p } = w;
    st.alive.set([alive0, 1, 1]);
    setTacit(st, firm0, 0);
    setTacit(st, [0.5, 0.25, 0, 0], 4);
    setTacit(st, [0.5, 0, 0, 0], 8);
    recordCapabilitiesInPlace(st, p);
    st.alive[0] = 1;
    setTacit(st, [0.5, 0.25, 0.125, 0], 0); // back to oneFirm's profile: k1 = 1, k2 = 0 as before
    st.tick = 1;
    return w;
  }
  const draws = [0, 0.85, 0.5, 0.2, 0.5, 0.5];

  it('a firm capable in only one of the two domains is not taken off the count: S = 1 / 2', () => {
    const { st, p, c, value, window } = lagged([0.5, 0.125, 0, 0], 1); // theta 0.2: capable in 0 only
    innovationPhaseInPlace(st, p, scripted(draws), c, value, window);
    expect(c.noveltySum).toBe(0.5); // count 1 (firm 1), others 3 - 1
    expect(c.value).toBe(0.25);
  });

  it('a firm not alive novelty_lag ticks ago is not among the others: S = 1 / 2 of firms 1 and 2', () => {
    const { st, p, c, value, window } = lagged([0.5, 0.25, 0, 0], 0);
    expect(st.liveRing[0]).toBe(2);
    innovationPhaseInPlace(st, p, scripted(draws), c, value, window);
    expect(c.noveltySum).toBe(0.5);
  });

  it('an innovation is radical only below radical_below (S = 0.5 is not radical at 0.5)', () => {
    const { st, p, c, value, window } = lagged([0.5, 0.25, 0, 0], 1, { innovation: { radical_below: 0.5 } });
    innovationPhaseInPlace(st, p, scripted(draws), c, value, window);
    expect(c.noveltySum).toBe(0.5);
    expect(c.radical).toBe(0);
  });
});

describe('recordCapabilitiesInPlace', () => {
  it('marks c = T + phi E >= theta (at theta included), counts pairs once per slot, and copies who is alive', () => {
    const { st, p } = oneFirm(2, { innovation: { theta: 0.25 } });
    st.alive.set([1, 1, 0]);
    setTacit(st, [0.25, 0.5, 0, 0], 0); // capable in 0 (exactly theta) and 1
    setTacit(st, [0, 0, 0, 0], 4);
    setExplicit(st, [0, 0, 0.5, 0.25], 4); // phi 0.5: c = (0, 0, 0.25, 0.125): capable in 2
    setTacit(st, [1, 1, 1, 1], 8); // dead: not counted
    recordCapabilitiesInPlace(st, p);
    recordCapabilitiesInPlace(st, p); // the same slot again: cleared first, not added to
    expect(st.liveRing[0]).toBe(2);
    expect(Array.from(st.pairRing.subarray(0, 16))).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect([st.maskRing[0], st.maskRing[1], st.maskRing[2]]).toEqual([3, 4, 0]);
    expect([st.aliveRing[0], st.aliveRing[1], st.aliveRing[2]]).toEqual([1, 1, 0]);
  });

  it('writes only its own slot of the ring (the next slot holds another tick)', () => {
    const { st, p } = oneFirm(2);
    st.alive.set([1, 1, 0, 1]); // agent 3, a resident, is alive too
    recordCapabilitiesInPlace(st, p); // tick 0: slot 0 of 2
    expect(Array.from(st.aliveRing)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(Array.from(st.liveRing)).toEqual([2, 0]);
  });
});

describe('more than 32 domains: two mask words per firm (K = 40)', () => {
  /**
   * Firms 0..2 at tick 1 (slot 1 of 2): firm 0 capable in domain 35 only, firms 1 and 2 in
   * 33 and 34 (so a read of firm 0's word in place of firm 1's finds neither); firm 1
   * innovates at tick 2.
   */
  function wide() {
    const scenario = tinyScenario({
      knowledge: { gamma: 2, novelty_ewma: 0.5, phi: 0.5 },
      innovation: { beta: 2, nu0: 0.25, epsilon: 1, learning_by_doing: 0.2, codify: 0.5, radical_below: 0.1, theta: 0.2, novelty_lag: 1 },
    }, 3, 2, 40);
    const { st, p } = bareWorld(scenario);
    st.alive.set([1, 1, 1]);
    st.relevance.fill(1);
    setTacit(st, [0.5], 0 * 40 + 35);
    setTacit(st, [0.5], 1 * 40 + 33);
    setTacit(st, [0.25], 1 * 40 + 34);
    setTacit(st, [0.5], 2 * 40 + 33);
    setTacit(st, [0.5], 2 * 40 + 34);
    setTacit(st, [0.5], 2 * 40 + 35);
    st.tick = 1;
    recordCapabilitiesInPlace(st, p);
    setTacit(st, [0], 2 * 40 + 35); // firm 2 forgets domain 35: recording the slot again clears its bit
    recordCapabilitiesInPlace(st, p);
    return { st, p };
  }

  it('keeps domain k in bit k mod 32 of word k / 32 of the firm\'s row in the slot', () => {
    const { st } = wide();
    // slot 1 starts at word 1 x 3 firms x 2 words = 6; domains 33, 34 and 35 are bits 1, 2 and 3 of word 1
    expect(Array.from(st.maskRing)).toEqual([0, 0, 0, 0, 0, 0, 0, 8, 0, 6, 0, 6]);
    expect(st.pairRing[40 * 40 + 33 * 40 + 34]).toBe(2);
    expect(st.pairRing[40 * 40 + 33 * 40 + 33]).toBe(2);
    expect(st.pairRing[40 * 40 + 35 * 40 + 35]).toBe(1);
  });

  it('takes the innovating firm itself off the count from its own mask words: S = (2 - 1) / (3 - 1)', () => {
    const { st, p } = wide();
    st.tick = 2; // reads slot (2 + 1) mod 2 = 1
    st.rd[1] = 1;
    st.gain[1 * 40 + 34] = 0.5; // N = 0.25 in domain 34
    const c = new TickCounters();
    // firm 0: one R&D draw (rd 0); firm 1: rd, k1 (c^2 = 0.25, 0.0625: 0.5 x 0.3125 falls in 33),
    // k2 (only 34 has weight), success 1 - exp(-2 sqrt(0.5 x 0.25) 0.5) = 0.298 > 0.2; firm 2: one draw
    const rng = scripted([0.5, 0, 0.5, 0.5, 0.2, 0.5]);
    innovationPhaseInPlace(st, p, rng, c, new Float64Array(3), new NoveltyWindow(4));
    expect(rng.left()).toBe(0);
    expect(c.innovations).toBe(1);
    expect(c.noveltySum).toBe(0.5);
    expect(c.value).toBe(0.5); // sqrt(1 x 1) (1 - 0.5)
  });
});

describe('NoveltyWindow', () => {
  it('averages S over the innovations of the last `window` ticks, NaN with none', () => {
    const w = new NoveltyWindow(2);
    expect(w.mean()).toBeNaN();
    w.begin(0);
    w.add(0, 0.5);
    w.add(0, 0.25);
    w.begin(1);
    w.add(1, 1);
    expect(w.mean()).toBe(1.75 / 3);
    w.begin(2); // tick 2 reuses tick 0's slot
    expect(w.mean()).toBe(1);
    w.add(2, 0);
    expect(w.mean()).toBe(0.5);
  });
});
