import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/sweep/design';
import { gridPoints } from '../../src/sweep/designs/grid';
import { latinHypercube } from '../../src/sweep/designs/lhs';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../../src/sweep/designs/sobol';
import { uniformStream } from '../../src/sweep/seed';
import type { SweepSpec } from '../../src/scenario/schema';

const spec = (s: Partial<SweepSpec>): SweepSpec => ({ design: 'grid', parameters: {}, replicates: 2, ...s }) as SweepSpec;

describe('grid', () => {
  it('has the product of the list lengths as points, first parameter slowest', () => {
    const points = gridPoints([[1, 2, 3], ['a', 'b'], [true, false]]);
    expect(points).toHaveLength(12);
    expect(points.slice(0, 3)).toEqual([[1, 'a', true], [1, 'a', false], [1, 'b', true]]);
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(12);
  });
  it('with no parameters is one point', () => {
    expect(buildDesign(undefined, 42)).toEqual({ kind: 'grid', parameters: [], points: [[]] });
  });
  it('refuses an empty value list and ranges', () => {
    expect(() => buildDesign(spec({ parameters: { openness: [] } }), 1)).toThrow(/value list is empty/);
    expect(() => buildDesign(spec({ parameters: { openness: { min: 0, max: 1, integer: false } } }), 1)).toThrow(/needs design lhs or sobol/);
  });
});

describe('latin hypercube', () => {
  it('puts exactly one point in every stratum of every dimension', () => {
    for (const [n, d] of [[10, 3], [37, 5], [1, 2]]) {
      const points = latinHypercube(n, d, uniformStream(7, 1));
      for (let j = 0; j < d; j++) {
        const strata = points.map((p) => Math.floor(p[j] * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });
  it('is the same for the same scenario seed and differs for another', () => {
    const s = spec({ design: 'lhs', samples: 8, parameters: { openness: { min: 0, max: 0.5, integer: false } } });
    expect(buildDesign(s, 3)).toEqual(buildDesign(s, 3));
    expect(buildDesign(s, 3)).not.toEqual(buildDesign(s, 4));
  });
  it('scales to ranges and keeps integer ranges whole', () => {
    const s = spec({ design: 'lhs', samples: 20, parameters: { a: { min: 2, max: 4, integer: false }, b: { min: 1, max: 5, integer: true } } });
    const d = buildDesign(s, 1);
    for (const [a, b] of d.points as number[][]) {
      expect(a).toBeGreaterThanOrEqual(2);
      expect(a).toBeLessThan(4);
      expect(Number.isInteger(b) && b >= 1 && b <= 5).toBe(true);
    }
    // 20 samples over 5 whole numbers: each gets exactly 4 (one stratum pair each).
    const counts = [1, 2, 3, 4, 5].map((v) => d.points.filter((p) => p[1] === v).length);
    expect(counts).toEqual([4, 4, 4, 4, 4]);
  });
  it('refuses min > max, missing samples, lists and no ranges', () => {
    expect(() => buildDesign(spec({ design: 'lhs', samples: 4, parameters: { a: { min: 2, max: 1, integer: false } } }), 1)).toThrow(/min \(2\) is greater than max \(1\)/);
    expect(() => buildDesign(spec({ design: 'lhs', parameters: { a: { min: 0, max: 1, integer: false } } }), 1)).toThrow(/needs the number of points/);
    expect(() => buildDesign(spec({ design: 'sobol', samples: 4, parameters: { a: [1, 2] } }), 1)).toThrow(/samples ranges, not lists/);
    expect(() => buildDesign(spec({ design: 'sobol', samples: 4 }), 1)).toThrow(/no parameters to sample/);
  });
});

describe('sobol (Joe-Kuo new-joe-kuo-6.21201)', () => {
  // The first eight points in two dimensions, as printed in the SciPy documentation of
  // qmc.Sobol(d=2, scramble=False) and by Joe & Kuo's sobol.cc (Gray code order).
  it('starts with the published two-dimensional points', () => {
    expect(sobolPoints(8, 2)).toEqual([
      [0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75],
      [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625],
    ]);
  });
  // Reference values from SciPy 1.17.1, qmc.Sobol(d=21, scramble=False, bits=32), which
  // embeds the same direction-number file: points 4, 8 and 1000..1002 in 21 dimensions.
  it('matches the reference points in 21 dimensions', () => {
    const p = sobolPoints(9, 21);
    expect(p[4]).toEqual([0.375, 0.375, 0.625, 0.875, 0.375, 0.125, 0.375, 0.875, 0.875, 0.625, 0.875, 0.375, 0.375, 0.625, 0.375, 0.875, 0.375, 0.875, 0.875, 0.125, 0.125]);
    expect(p[8]).toEqual([0.1875, 0.3125, 0.9375, 0.4375, 0.5625, 0.3125, 0.4375, 0.9375, 0.9375, 0.3125, 0.6875, 0.0625, 0.9375, 0.9375, 0.8125, 0.9375, 0.8125, 0.8125, 0.9375, 0.3125, 0.1875]);
    expect(sobolPoints(3, 21, 1000)).toEqual([
      [0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625, 0.0458984375, 0.8994140625, 0.5009765625, 0.0693359375, 0.0849609375, 0.2548828125, 0.1611328125, 0.3837890625, 0.1435546875, 0.3701171875, 0.7197265625, 0.3447265625, 0.9912109375, 0.7255859375, 0.5224609375],
      [0.7197265625, 0.5966796875, 0.0185546875, 0.1767578125, 0.7802734375, 0.4072265625, 0.5458984375, 0.3994140625, 0.0009765625, 0.5693359375, 0.5849609375, 0.7548828125, 0.6611328125, 0.8837890625, 0.6435546875, 0.8701171875, 0.2197265625, 0.8447265625, 0.4912109375, 0.2255859375, 0.0224609375],
      [0.9697265625, 0.3466796875, 0.7685546875, 0.9267578125, 0.5302734375, 0.1572265625, 0.2958984375, 0.1494140625, 0.2509765625, 0.8193359375, 0.8349609375, 0.5048828125, 0.4111328125, 0.1337890625, 0.8935546875, 0.1201171875, 0.4697265625, 0.0947265625, 0.2412109375, 0.9755859375, 0.7724609375],
    ]);
  });
  it('matches the reference in the last embedded dimensions', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(128);
    // SciPy: qmc.Sobol(d=128, scramble=False, bits=32), point 12345, dimensions 101..128.
    expect(sobolPoints(1, 128, 12345)[0].slice(100)).toEqual([
      0.53948974609375, 0.89862060546875, 0.06646728515625, 0.79168701171875, 0.36578369140625, 0.30377197265625, 0.37457275390625,
      0.37786865234375, 0.30303955078125, 0.18670654296875, 0.18878173828125, 0.56195068359375, 0.30426025390625, 0.73602294921875,
      0.74273681640625, 0.74688720703125, 0.47869873046875, 0.90826416015625, 0.55316162109375, 0.84136962890625, 0.78265380859375,
      0.43463134765625, 0.37713623046875, 0.66290283203125, 0.57684326171875, 0.12115478515625, 0.04681396484375, 0.64251708984375,
    ]);
  });
  it('puts one point in each of the 2^k equal cells of each dimension (first 2^k points)', () => {
    const points = sobolPoints(64, 21);
    for (let j = 0; j < 21; j++) {
      expect(new Set(points.map((p) => Math.floor(p[j] * 64))).size).toBe(64);
    }
  });
});

describe('a sensitivity design too large for a sweep', () => {
  it('is refused from its size before it is made (2^19 base rows of 32 parameters filled the heap first)', () => {
    const parameters = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`p${i}`, { min: 0, max: 1, integer: false }]));
    // N (D + 2) = 2^19 x 34 rows; made before the check, they took gigabytes.
    expect(() => buildDesign(spec({ design: 'saltelli', samples: 2 ** 19, parameters }), 1)).toThrow(/sweep\.samples: the design has 17825792 points, more than 1000000; /);
    expect(() => buildDesign(spec({ design: 'morris', samples: 1_000_000, parameters }), 1)).toThrow(/sweep\.samples: the design has 33000000 points, more than 1000000; /);
  });
});
