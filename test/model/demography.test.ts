/** Firm exit and entry (src/model/demography.ts), MODEL-SPEC 3.8, on hand-built states with scripted draws. */
import { describe, expect, it } from 'vitest';
import { TickCounters } from '../../src/model/counters';
import { demographyInPlace } from '../../src/model/demography';
import { RESIDENT } from '../../src/model/kinds';
import { Rng } from '../../src/model/rng';
import { strengthenTie, tieStrength } from '../../src/model/ties';
import { bareWorld, f32, scripted, tinyScenario } from './world';
import { setTacit, tacitOf } from './knowledge-flat';

/** F firms and 2 residents (agents F, F + 1) at one place, K = 4, tick 5. */
function world(firms: number, over: object) {
  const { st, p } = bareWorld(tinyScenario(over, firms, 2, 4));
  st.kind[firms] = RESIDENT;
  st.kind[firms + 1] = RESIDENT;
  st.buildLists();
  st.tick = 5;
  return { st, p, c: new TickCounters() };
}

describe('exit', () => {
  it('a firm below exit_threshold x the mean performance for exit_patience ticks exits and frees its workers', () => {
    const { st, p, c } = world(3, { firms: { exit_threshold: 0.5, exit_patience: 2, exit_warmup: 0, refill: 0 } });
    st.alive.set([1, 1, 1]);
    st.performance.set([1, 1, 0.1]); // mean 0.7, threshold 0.35
    st.lowTicks.set([1, 1, 1]);
    st.employer[0] = 2;
    st.size[2] = 1;
    strengthenTie(st, 2, 0, 0.5);
    // one draw: the refill trial of the exited slot (refill 0: never)
    const rng = scripted([0.5]);
    demographyInPlace(st, p, rng, c, null);
    expect(rng.left()).toBe(0);
    expect(Array.from(st.alive.subarray(0, 3))).toEqual([1, 1, 0]);
    expect(Array.from(st.lowTicks)).toEqual([0, 0, 2]);
    expect(c.exits).toBe(1);
    expect(st.employer[0]).toBe(-1);
    expect(st.size[2]).toBe(0);
    expect(tieStrength(st, 2, 0)).toBe(0);
    expect(st.renewed[3]).toBe(1); // ties to slot 2 drop in phase 9
  });

  it('counts a low tick only from exit_warmup ticks of age on, and only below the threshold', () => {
    const { st, p, c } = world(3, { firms: { exit_threshold: 0.5, exit_patience: 2, exit_warmup: 10, refill: 0 } });
    st.alive.set([1, 1, 1]);
    st.performance.set([1, 1, 0.1]);
    st.lowTicks.set([0, 0, 1]);
    st.birthTick[2] = 0; // 5 ticks old < 10
    demographyInPlace(st, p, scripted([]), c, null);
    expect(Array.from(st.alive.subarray(0, 3))).toEqual([1, 1, 1]);
    expect(st.lowTicks[2]).toBe(0);
    // at threshold 0.1 / 0.7 the firm sits exactly at it: not below
    const at = world(3, { firms: { exit_threshold: 1 / 7, exit_patience: 1, exit_warmup: 0 } });
    at.st.alive.set([1, 1, 1]);
    at.st.performance.set([1, 1, 0.1]);
    demographyInPlace(at.st, at.p, scripted([]), at.c, null);
    expect(at.c.exits).toBe(0);
  });
});

describe('entry', () => {
  it('a spin-off: the best of spinoff_candidates residents by relevance-weighted capability founds a scaled copy', () => {
    const over = { firms: { spinoff_rate: 1, spinoff_candidates: 2 }, knowledge: { capacity: { firm: 2, resident: 1 } } };
    const { st, p, c } = world(2, over);
    st.alive.set([1, 0]);
    st.performance[0] = 1;
    st.relevance.set([1, 0.25, 0.25, 0.25]);
    setTacit(st, [0.25, 0, 0, 0], 2 * 4); // resident agent 2: score 0.25
    setTacit(st, [0, 0.5, 0, 0], 3 * 4); // resident agent 3: score 0.125
    // draws: spin-off trial 0 < 1; candidates int(2): 0 -> agent 2, 0.5 -> agent 3;
    // perturbations U(0.8, 1.2) for k = 0..3; rd, absorptive, propensity
    const rng = scripted([0, 0, 0.5, 0.25, 0.5, 0.25, 0.75, 0.5, 0.5, 0.25]);
    demographyInPlace(st, p, rng, c, null);
    expect(rng.left()).toBe(0);
    expect(c.entriesSpinoff).toBe(1);
    expect(st.alive[1]).toBe(1);
    // T = min(1, T_founder x capacity ratio 2 x U(0.8, 1.2)): 0.25 x 2 x 0.9
    expect(Array.from(tacitOf(st).subarray(4, 8))).toEqual([f32(0.45), 0, 0, 0]);
    expect(st.employer[0]).toBe(1); // the founder works at the new firm
    expect(st.size[1]).toBe(1);
    expect(st.origin[1]).toBe(1); // spin_off
    expect(st.birthTick[1]).toBe(5);
    expect(st.rd[1]).toBe(f32(p.rdMin + (p.rdMax - p.rdMin) * 0.5));
    expect(st.propensity[1]).toBe(f32(Math.pow(0.25, p.propensityExponent)));
    expect(st.performance[1]).toBe(1); // newcomers start at the live firms' mean
    expect(Array.from(st.attention.subarray(4, 8))).toEqual([1, 0, 0, 0]); // c^gamma shares
  });

  it("with spinoff_score 'capability' the unweighted capability decides", () => {
    const over = { firms: { spinoff_rate: 1, spinoff_candidates: 2, spinoff_score: 'capability' }, knowledge: { capacity: { firm: 2, resident: 1 } } };
    const { st, p, c } = world(2, over);
    st.alive.set([1, 0]);
    st.relevance.set([1, 0.25, 0.25, 0.25]);
    setTacit(st, [0.25, 0, 0, 0], 2 * 4);
    setTacit(st, [0, 0.5, 0, 0], 3 * 4);
    demographyInPlace(st, p, scripted([0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25]), c, null);
    expect(Array.from(tacitOf(st).subarray(4, 8))).toEqual([0, 1, 0, 0]); // min(1, 0.5 x 2 x 1)
    expect(st.employer[1]).toBe(1);
  });

  it('an exited slot is refilled from outside with probability openness x fdi_rate', () => {
    const { st, p, c } = world(2, { openness: 0.5, firms: { fdi_rate: 1, refill: 1, exit_threshold: 0.5, exit_patience: 1, exit_warmup: 0 } });
    st.alive.set([1, 1]);
    st.performance.set([1, 0]);
    const rng = new Rng(3, 'dynamics');
    // the refill trial and the outside trial: replay the stream's first two uniforms
    const probe = new Rng(3, 'dynamics');
    const refill = probe.random();
    const outside = probe.random();
    expect(refill < 1).toBe(true);
    demographyInPlace(st, p, rng, c, null);
    expect(c.exits).toBe(1);
    expect(c.entriesOutside).toBe(outside < 0.5 ? 1 : 0);
    expect(c.entriesSpinoff).toBe(outside < 0.5 ? 0 : 1);
    expect(st.origin[1]).toBe(outside < 0.5 ? 2 : 1);
  });
});
