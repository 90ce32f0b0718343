/**
 * A creative space (policies.ts): who it enrols, the trust and fit its group carries, how a
 * bottom-up space grows and where it stops, and how long it keeps looking for members when
 * none can be found. Exact values: counts follow from the rules by hand; the draws a search
 * makes are replayed here with a second stream of the same seed.
 */
import { describe, expect, it } from 'vitest';
import { growStructural, startStructural, type PolicySlot } from '../../src/model/policies';
import { Rng } from '../../src/model/rng';
import { Simulation } from '../../src/model/simulation';
import { CULTURAL, FIRM, RESIDENT } from '../../src/model/kinds';
import { PolicySchema, ScenarioSchema } from '../../src/scenario/schema';

function world() {
  const s = ScenarioSchema.parse({
    agents: { firms: 40, residents: 400, institutions: { university: 1, research_institute: 0, government: 0, intermediary: 0, cultural: 4 } },
    knowledge: { domains: 8 },
  });
  return new Simulation(s, 3).state;
}
type State = ReturnType<typeof world>;

function slotOf(policy: Record<string, unknown>): PolicySlot {
  return { policy: PolicySchema.parse({ kind: 'creative_space', start: 0, ...policy }), active: false, group: -1, link: null };
}
function start(st: State, slot: PolicySlot, rng = new Rng(7, 'policy')): void {
  expect(startStructural(st, slot, 0.5, rng, 0.1)).toBe(false);
}
const membersOf = (st: State, slot: PolicySlot) => Array.from(st.groupMembers[slot.group]);

describe('creative space: the group it founds', () => {
  it('top-down: full capacity at once, the government-set fit, the trust of strangers (0)', () => {
    const st = world();
    const slot = slotOf({ mode: 'top_down', capacity: 30, fit: 0.3, community_activity: 0.8 });
    start(st, slot);
    const m = membersOf(st, slot);
    expect(m).toHaveLength(30);
    expect(new Set(m).size).toBe(30);
    expect(st.groupTrust[slot.group]).toBe(0);
    expect(st.groupFit[slot.group]).toBe(0.3);
    expect(st.groupBrokerRate[slot.group]).toBe(0.1);
    for (const a of m) {
      expect(st.group[a]).toBe(slot.group);
      expect([RESIDENT, FIRM, CULTURAL]).toContain(st.kind[a]);
    }
  });

  it('bottom-up: a tenth of capacity (at least 2), full fit, members trusting each other at the community activity', () => {
    const st = world();
    const slot = slotOf({ mode: 'bottom_up', capacity: 30, fit: 0.3, community_activity: 0.4 });
    start(st, slot);
    expect(membersOf(st, slot)).toHaveLength(3); // round(0.1 x 30)
    expect(st.groupTrust[slot.group]).toBe(0.4);
    expect(st.groupFit[slot.group]).toBe(1);
    const small = slotOf({ mode: 'bottom_up', capacity: 12, community_activity: 0.4 });
    start(st, small);
    expect(membersOf(st, small)).toHaveLength(2); // max(2, round(1.2))
  });

  it('never enrols an agent that has exited', () => {
    const st = world();
    for (let i = 0; i < st.N; i += 2) st.alive[i] = 0;
    const slot = slotOf({ mode: 'top_down', capacity: 60 });
    start(st, slot);
    const m = membersOf(st, slot);
    expect(m).toHaveLength(60);
    for (const a of m) expect(st.alive[a]).toBe(1);
  });
});

describe('creative space: growth of a bottom-up space', () => {
  it('grows by capacity x 5 % x community activity a tick (2 here, no fraction) and stops at capacity', () => {
    const st = world();
    const slot = slotOf({ mode: 'bottom_up', capacity: 40, community_activity: 1 });
    const rng = new Rng(7, 'policy');
    start(st, slot, rng);
    const sizes = [membersOf(st, slot).length];
    for (let t = 0; t < 20; t++) {
      growStructural(st, slot, rng);
      sizes.push(membersOf(st, slot).length);
    }
    // 0.1 x 40 = 4 at the start, then 40 x 0.05 x 1 = 2 a tick up to 40, then no more.
    expect(sizes).toEqual([4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 40, 40]);
    const m = membersOf(st, slot);
    expect(new Set(m).size).toBe(40);
    for (const a of m) expect(st.group[a]).toBe(slot.group);
  });

  it('the last step takes only the places left, and a full space draws nothing', () => {
    const st = world();
    const slot = slotOf({ mode: 'bottom_up', capacity: 50, community_activity: 0.8 }); // step 2
    const rng = new Rng(7, 'policy');
    start(st, slot, rng);
    const sizes = [membersOf(st, slot).length];
    for (let t = 0; t < 25; t++) {
      growStructural(st, slot, rng);
      sizes.push(membersOf(st, slot).length);
    }
    // round(0.1 x 50) = 5, then +2 a tick to 49, then the one place left, then no more.
    const expected = [...Array.from({ length: 23 }, (_, t) => 5 + 2 * t), 50, 50, 50];
    expect(sizes).toEqual(expected);
    const full = new Rng(9, 'full');
    growStructural(st, slot, full);
    expect(full.random()).toBe(new Rng(9, 'full').random());
  });

  it('a fractional step adds its whole part and one more with probability the fraction', () => {
    const st = world();
    const slot = slotOf({ mode: 'bottom_up', capacity: 1000, community_activity: 0.05 }); // step 2.5
    const rng = new Rng(11, 'policy');
    start(st, slot, rng);
    const steps: number[] = [];
    for (let t = 0; t < 40; t++) {
      const before = membersOf(st, slot).length;
      growStructural(st, slot, rng);
      steps.push(membersOf(st, slot).length - before);
    }
    for (const s of steps) expect([2, 3]).toContain(s);
    const threes = steps.filter((s) => s === 3).length;
    // 12 is what stream 11/policy draws; a binomial(40, 0.5) count falls in 12-28 with
    // probability 0.994 (a step that always or never adds the third member fails here).
    expect(threes).toBe(12);
  });

  it('a top-down space does not grow, nor does a bottom-up one with no activity', () => {
    const st = world();
    const top = slotOf({ mode: 'top_down', capacity: 20 });
    const still = slotOf({ mode: 'bottom_up', capacity: 40, community_activity: 0 });
    start(st, top);
    start(st, still);
    const rng = new Rng(5, 'policy');
    const next = new Rng(5, 'policy');
    growStructural(st, top, rng);
    growStructural(st, still, rng);
    expect(membersOf(st, top)).toHaveLength(20);
    expect(membersOf(st, still)).toHaveLength(4);
    // The top-down space drew nothing; the idle bottom-up one drew once (for the fraction
    // of its step 0, which never adds).
    next.random();
    expect(rng.random()).toBe(next.random());
  });
});

describe('creative space: a search that finds no one', () => {
  it('gives up after 20 tries per member sought, having drawn exactly those tries', () => {
    const st = world();
    st.alive.fill(0);
    const slot = slotOf({ mode: 'top_down', capacity: 7 });
    const rng = new Rng(13, 'policy');
    start(st, slot, rng);
    expect(membersOf(st, slot)).toEqual([]);
    // Replay 7 x 20 tries of the search (policies.ts, drawCreativeMembers) on a stream of
    // the same seed: a kind, a place (the space's own with probability 0.7), an agent.
    const replay = new Rng(13, 'policy');
    const q = largestPlace(st);
    for (let t = 0; t < 7 * 20; t++) {
      const u = replay.random();
      const kind = u < 0.7 ? RESIDENT : u < 0.9 ? FIRM : CULTURAL;
      const place = replay.random() < 0.7 ? q : st.space.meetPlace.sample(q, replay);
      st.randomAt(place, kind, replay);
    }
    expect(rng.random()).toBe(replay.random());
  });
});

/** The default place of a space: the most populous (policies.ts, placeIndex). */
function largestPlace(st: State): number {
  let best = 0;
  for (let q = 1; q < st.space.P; q++) if (st.space.population[q] > st.space.population[best]) best = q;
  return best;
}
