/**
 * A cluster organisation enrols the live firms most capable in its focus domain: the one the
 * scenario names, or else the region's strongest (live firms' capabilities summed). Exact
 * memberships on a tiny world with hand-set knowledge (tacit only, phi irrelevant).
 */
import { describe, expect, it } from 'vitest';
import { startStructural, type PolicySlot } from '../../src/model/policies';
import { Rng } from '../../src/model/rng';
import { PolicySchema } from '../../src/scenario/schema';
import { tinyWorld } from './tiny-world';

/** Firms 0..3 with tacit knowledge t[firm] = [domain, level] in a world of K = 4 domains. */
function world(t: [number, number][], dead: number[] = []) {
  const sim = tinyWorld(4);
  const st = sim.state;
  t.forEach(([k, v], i) => st.setTacitAt(i, k, v));
  for (const i of dead) st.alive[i] = 0;
  return st;
}
function members(st: ReturnType<typeof world>, policy: Record<string, unknown>): number[] {
  const slot: PolicySlot = { policy: PolicySchema.parse({ kind: 'cluster_organisation', start: 0, ...policy }), active: false, group: -1, link: null };
  expect(startStructural(st, slot, 0.5, new Rng(1, 'test'), 0.1)).toBe(false);
  return Array.from(st.groupMembers[slot.group]);
}

describe('cluster organisation: who is enrolled', () => {
  // Domain 2: firms 0 (3) and 3 (2), 5 in all; domain 0: firms 1 (1) and 2 (0.5), 1.5 in all.
  const knowledge: [number, number][] = [[2, 3], [0, 1], [0, 0.5], [2, 2]];

  it('the firms most capable in the named focus domain, also when it is domain 0', () => {
    expect(members(world(knowledge), { members: 2, focus_domain: 0 })).toEqual([1, 2]);
    expect(members(world(knowledge), { members: 2, focus_domain: 2 })).toEqual([0, 3]);
  });

  it('without a focus domain, those of the strongest domain (summed over live firms)', () => {
    expect(members(world(knowledge), { members: 2 })).toEqual([0, 3]);
    // Firm 0 has exited: domain 2 sums to 2 (firm 3), still above domain 0's 1.5.
    expect(members(world(knowledge, [0]), { members: 2 })).toEqual([3, 1]);
    // With firm 3 weaker (0.5), domain 0 (1.5) is the strongest once firm 0 is gone; a count
    // that kept the dead firm would pick domain 2 (3.5).
    expect(members(world([[2, 3], [0, 1], [0, 0.5], [2, 0.5]], [0]), { members: 2 })).toEqual([1, 2]);
  });

  it('never enrols an exited firm, and ties go to the lower index', () => {
    expect(members(world(knowledge, [0]), { members: 3, focus_domain: 2 })).toEqual([3, 1, 2]);
    expect(members(world(knowledge), { members: 4, focus_domain: 1 })).toEqual([0, 1, 2, 3]);
  });
});
