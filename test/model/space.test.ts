/** Space (src/model/space.ts): travel distances over roads, links and barriers, decay kernels, meeting places. */
import { describe, expect, it } from 'vitest';
import { Space } from '../../src/model/space';

/** Three places on a line of 3-4-5 triangles: A (0, 0), B (3, 4), C (6, 8); intra-place distance 2 km. */
const line = () => new Space(Float64Array.from([0, 3, 6]), Float64Array.from([0, 4, 8]), Float64Array.from([4, 1, 0]), 2);

/** The probability the alias row `r` gives outcome q (from its prob/alias arrays). */
function aliasProbability(space: Space, r: number, q: number): number {
  const t = space.meetPlace;
  const n = space.P;
  let p = t.prob[r * n + q];
  for (let i = 0; i < n; i++) if (i !== q && t.alias[r * n + i] === q) p += 1 - t.prob[r * n + i];
  return p / n;
}

describe('distances', () => {
  it('are straight lines between places, the intra-place distance on the diagonal', () => {
    const s = line();
    s.rebuild([], 10, 20, 5);
    expect(Array.from(s.dist)).toEqual([2, 5, 10, 5, 2, 5, 10, 5, 2]);
  });

  it('a link shortens a route and every route through it; a barrier lengthens the direct one', () => {
    const s = line();
    s.barriers = [{ from: 0, to: 1, km: 20 }];
    s.rebuild([{ from: 0, to: 2, km: 4 }], 10, 20, 5);
    // A-C by the link: 4; A-B: the barrier's 20, or 4 + 5 by C: 9
    expect(s.dist[0 * 3 + 2]).toBe(4);
    expect(s.dist[0 * 3 + 1]).toBe(9);
    expect(s.dist[1 * 3 + 0]).toBe(9);
    expect(s.dist[1 * 3 + 2]).toBe(5);
  });

  it('a barrier lengthens its road both ways, whichever end it names first', () => {
    const s = line();
    s.barriers = [{ from: 1, to: 2, km: 20 }];
    s.rebuild([], 10, 20, 5);
    // B-C: the barrier's 20, or B-A-C: 5 + 10 = 15, in both directions; A-C stays 10.
    expect(s.dist[1 * 3 + 2]).toBe(15);
    expect(s.dist[2 * 3 + 1]).toBe(15);
    expect(s.dist[0 * 3 + 2]).toBe(10);
    expect(s.dist[2 * 3 + 0]).toBe(10);
  });
});

describe('kernels', () => {
  it('decay as exp(-d / lambda), tacit and explicit with their own lambdas', () => {
    const s = line();
    s.rebuild([], 10, 20, 5);
    expect(s.gTacit[0 * 3 + 1]).toBe(Math.exp(-5 / 10));
    expect(s.gExplicit[0 * 3 + 1]).toBe(Math.exp(-5 / 20));
    expect(s.gTacit[0]).toBe(Math.exp(-2 / 10));
    s.rebuildKernels(5, 5, 5);
    expect(s.gTacit[0 * 3 + 2]).toBe(Math.exp(-10 / 5));
  });

  it('a new meeting happens at q with probability proportional to population_q exp(-d(p, q) / decay)', () => {
    const s = line();
    s.rebuild([], 10, 20, 5);
    // From A: weights 4 e^(-2/5), 1 e^(-5/5), 0 e^(-10/5)
    const w = [4 * Math.exp(-2 / 5), Math.exp(-1), 0];
    const total = w[0] + w[1];
    expect(aliasProbability(s, 0, 0)).toBeCloseTo(w[0] / total, 12);
    expect(aliasProbability(s, 0, 1)).toBeCloseTo(w[1] / total, 12);
    expect(aliasProbability(s, 0, 2)).toBe(0); // nobody lives at C
  });
});
