/**
 * Initialisation (src/model/init.ts): an intermediary enrols the firms nearest to it. The
 * place-by-place search (nearestFirms) must give exactly the firms, in the order, that
 * sorting every firm by (distance of its place, index) gives: it replaced that sort.
 */
import { describe, expect, it } from 'vitest';
import { nearestFirms } from '../../src/model/init';
import { Simulation } from '../../src/model/simulation';
import { ScenarioSchema } from '../../src/scenario/schema';
import type { ModelState } from '../../src/model/state';

/** The definition: every firm sorted by the distance from q to its place, then by index. */
function bySorting(st: ModelState, q: number, n: number): number[] {
  const P = st.space.P;
  const d = st.space.dist;
  return Array.from({ length: st.F }, (_, f) => f)
    .sort((a, b) => d[q * P + st.place[a]] - d[q * P + st.place[b]] || a - b)
    .slice(0, n);
}

function region(firms: number): ModelState {
  const s = ScenarioSchema.parse({ agents: { firms, residents: 200, institutions: { university: 1, research_institute: 0, government: 0, intermediary: 2, cultural: 0 } } });
  return new Simulation(s, 7).state;
}

describe('nearestFirms', () => {
  it('equals sorting every firm by (distance, index), for every place and several n', () => {
    const st = region(300);
    const P = st.space.P;
    expect(P).toBeGreaterThan(3);
    for (let q = 0; q < P; q++) for (const n of [1, 5, 40, 299, 300, 1000]) expect(nearestFirms(st, q, n)).toEqual(bySorting(st, q, Math.min(n, st.F)));
  });

  it('merges the firms of places at the same distance by index (ties between places)', () => {
    const st = region(300);
    const P = st.space.P;
    // Round every distance to 20 km: many places tie, so firms of several places interleave.
    for (let k = 0; k < st.space.dist.length; k++) st.space.dist[k] = Math.round(st.space.dist[k] / 20) * 20;
    let tiedPlaces = 0;
    for (let q = 0; q < P; q++) {
      const row = Array.from(st.space.dist.subarray(q * P, q * P + P));
      tiedPlaces += row.length - new Set(row).size;
      for (const n of [3, 17, 120]) expect(nearestFirms(st, q, n)).toEqual(bySorting(st, q, n));
    }
    expect(tiedPlaces).toBeGreaterThan(0);
  });

  it('gives the initial intermediaries the members the sort gave (first member after the intermediary)', () => {
    const st = region(300);
    const n = ScenarioSchema.parse({}).agents.intermediary_members;
    let groups = 0;
    for (let g = 0; g < st.groupMembers.length; g++) {
      const members = Array.from(st.groupMembers[g]);
      const j = members[0];
      if (j < st.F || j >= st.A) continue;
      groups++;
      expect(members.slice(1)).toEqual(bySorting(st, st.place[j], Math.min(n, st.F)));
    }
    expect(groups).toBe(2);
  });
});
