/**
 * Random streams (src/model/rng.ts): the Alea step kept in the Rng equals seedrandom's
 * Alea to the last bit, and the derived draws (int, uniform, skip, normal) by hand.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/model/rng';

describe('Rng', () => {
  it('draws the same sequence as seedrandom.alea(`seed:stream`) for many seeds and streams', () => {
    for (const seed of [0, 1, 42, 2 ** 31 + 7, 4294967295]) {
      for (const stream of ['dynamics', 'environment', 'observe', 'policy', 'init']) {
        const ours = new Rng(seed, stream);
        const theirs = seedrandom.alea(`${seed >>> 0}:${stream}`);
        for (let n = 0; n < 2000; n++) expect(ours.random()).toBe(theirs());
      }
    }
  });

  it('streams differ by name and by seed', () => {
    expect(new Rng(1, 'a').random()).not.toBe(new Rng(1, 'b').random());
    expect(new Rng(1, 'a').random()).not.toBe(new Rng(2, 'a').random());
  });

  it('int, uniform and skip are built from the same uniform draw', () => {
    const u = seedrandom.alea('7:x');
    const r = new Rng(7, 'x');
    const u1 = u();
    expect(r.int(10)).toBe(Math.floor(u1 * 10));
    const u2 = u();
    expect(r.uniform(2, 5)).toBe(2 + 3 * u2);
    const u3 = u();
    expect(r.skip(0.25)).toBe(Math.floor(Math.log(1 - u3) / Math.log1p(-0.25)));
    expect(r.skip(0)).toBe(Number.POSITIVE_INFINITY);
    expect(r.skip(1)).toBe(0);
  });

  it('normal: Marsaglia polar pairs, the spare returned second', () => {
    const u = seedrandom.alea('3:n');
    let a = 0;
    let b = 0;
    let s = 0;
    do {
      a = 2 * u() - 1;
      b = 2 * u() - 1;
      s = a * a + b * b;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    const r = new Rng(3, 'n');
    expect(r.normal()).toBe(a * m);
    expect(r.normal()).toBe(b * m);
  });
});
