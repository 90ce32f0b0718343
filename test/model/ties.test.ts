/** Tie formation, eviction, choice by strength and decay (src/model/ties.ts), on hand-built states. */
import { describe, expect, it } from 'vitest';
import { clearTiesInPlace, decayTiesInPlace, markRenewed, pickPipe, pickTie, pipeSlot, strengthenPipe, strengthenTie, tieStrength } from '../../src/model/ties';
import { bareWorld, f32, scripted, tinyScenario } from './world';

const world = () => bareWorld(tinyScenario({ network: { max_ties: 2, tie_decay: 0.1, min_strength: 0.05 }, pipeline: { max_ties: 2, decay: 0.2 } }));

/** Sets agent i's local tie slots by hand: [target, strength] pairs, -1 for an empty slot. */
function setTies(st: ReturnType<typeof world>['st'], i: number, ties: [number, number][]) {
  ties.forEach(([t, s], slot) => {
    st.tieTarget[i * st.maxTies + slot] = t;
    st.tieStrength[i * st.maxTies + slot] = t < 0 ? 0 : s;
  });
  st.tieEnd[i] = ties.length;
}

describe('tie formation', () => {
  it('a new tie starts at `up`; meeting again adds up (1 - s)', () => {
    const { st } = world();
    strengthenTie(st, 0, 1, 0.2);
    expect(tieStrength(st, 0, 1)).toBe(f32(0.2));
    expect(st.tieEnd[0]).toBe(1);
    strengthenTie(st, 0, 1, 0.2);
    // 0.2 + 0.2 (1 - 0.2) = 0.36, each step rounded to float32
    expect(tieStrength(st, 0, 1)).toBe(f32(f32(0.2) + 0.2 * (1 - f32(0.2))));
    expect(tieStrength(st, 1, 0)).toBe(0); // ties are stored on the side that formed them
  });

  it('with every slot taken a new tie evicts the weakest only if that one is weaker than the new tie', () => {
    const { st } = world();
    setTies(st, 0, [[1, 0.1], [2, 0.6]]);
    strengthenTie(st, 0, 3, 0.3);
    expect([tieStrength(st, 0, 1), tieStrength(st, 0, 2), tieStrength(st, 0, 3)]).toEqual([0, f32(0.6), f32(0.3)]);
    setTies(st, 0, [[1, 0.4], [2, 0.6]]);
    strengthenTie(st, 0, 3, 0.3);
    expect([tieStrength(st, 0, 1), tieStrength(st, 0, 2), tieStrength(st, 0, 3)]).toEqual([f32(0.4), f32(0.6), 0]);
    // a standing tie as strong as the new one stays
    setTies(st, 0, [[1, 0.25], [2, 0.6]]);
    strengthenTie(st, 0, 3, 0.25);
    expect([tieStrength(st, 0, 1), tieStrength(st, 0, 3)]).toEqual([0.25, 0]);
  });

  it('a new tie takes the first free slot below tieEnd before growing it', () => {
    const { st } = world();
    setTies(st, 0, [[-1, 0], [2, 0.6]]);
    strengthenTie(st, 0, 4, 0.25);
    expect(st.tieTarget[0]).toBe(4);
    expect(st.tieEnd[0]).toBe(2);
  });
});

describe('choosing a tie', () => {
  it('picks in proportion to strength: the first tie whose cumulative strength reaches u x total', () => {
    const { st } = world();
    setTies(st, 0, [[1, 0.25], [2, 0.75]]);
    // total 1: u = 0.2 falls in tie 1's share [0, 0.25], u = 0.3 in tie 2's.
    expect(pickTie(st, 0, scripted([0.2]))).toBe(1);
    expect(pickTie(st, 0, scripted([0.3]))).toBe(2);
    expect(pickTie(st, 1, scripted([]))).toBe(-1); // no tie: no draw
  });
});

describe('pipelines', () => {
  it('open at `initial`, strengthen by up (1 - s), and evict the weakest weaker one', () => {
    const { st } = world();
    strengthenPipe(st, 0, 5, 0.5, 0.25);
    expect(pipeSlot(st, 0, 5)).toBe(0);
    expect(st.pipeStrength[0]).toBe(0.25);
    strengthenPipe(st, 0, 5, 0.5, 0.25);
    expect(st.pipeStrength[0]).toBe(0.625); // 0.25 + 0.5 x 0.75
    strengthenPipe(st, 0, 6, 0.5, 0.25);
    strengthenPipe(st, 0, 7, 0.5, 0.5); // evicts 6 (0.25 < 0.5)
    expect([pipeSlot(st, 0, 5), pipeSlot(st, 0, 6), pipeSlot(st, 0, 7)]).toEqual([0, -1, 1]);
    expect(pickPipe(st, 0, scripted([0.99]))).toBe(7);
  });
});

describe('tie decay (phase 9)', () => {
  it('multiplies strengths by 1 - tau, drops ties under min_strength or to renewed agents, shrinks tieEnd', () => {
    const { st, p } = world();
    setTies(st, 0, [[1, 0.5], [3, 0.4]]);
    setTies(st, 1, [[-1, 0], [0, 0.3]]);
    setTies(st, 2, [[1, 0.05]]); // 0.045 after decay < 0.05: dropped
    markRenewed(st, 3); // agent 3's slot was renewed this tick: ties to it drop
    st.pipeTarget[0] = 5;
    st.pipeStrength[0] = 0.5;
    st.pipeTarget[1] = 6;
    st.pipeStrength[1] = 0.06; // 0.048 after decay: dropped
    decayTiesInPlace(st, p);
    expect(tieStrength(st, 0, 1)).toBe(f32(f32(0.5) * 0.9));
    expect(tieStrength(st, 0, 3)).toBe(0);
    expect(st.tieEnd[0]).toBe(1);
    expect(tieStrength(st, 1, 0)).toBe(f32(f32(0.3) * 0.9));
    expect(st.tieEnd[1]).toBe(2);
    expect(st.tieEnd[2]).toBe(0);
    expect(Array.from(st.pipeTarget.subarray(0, 2))).toEqual([5, -1]);
    expect(st.pipeStrength[0]).toBe(f32(0.5 * 0.8));
    expect(st.renewed.every((v) => v === 0)).toBe(true);
  });

  it('clearTiesInPlace empties an agent\'s ties and pipelines', () => {
    const { st } = world();
    setTies(st, 0, [[1, 0.5], [2, 0.4]]);
    strengthenPipe(st, 0, 5, 0.5, 0.25);
    clearTiesInPlace(st, 0);
    expect([tieStrength(st, 0, 1), st.tieEnd[0], pipeSlot(st, 0, 5)]).toEqual([0, 0, -1]);
  });
});
