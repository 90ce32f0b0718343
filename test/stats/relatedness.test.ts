/** RCA and relatedness density (src/stats/relatedness.ts), exact values worked by hand. */
import { describe, expect, it } from 'vitest';
import { relatednessDensity, revealedComparativeAdvantage, ringProximity } from '../../src/stats';

describe('revealed comparative advantage', () => {
  it('is Balassa\'s index: (x_pk / x_p.) / (x_.k / x_..)', () => {
    // Place 0 holds 2 and 1, place 1 holds 1 and 2 (total 6, each domain 3):
    // RCA_00 = (2/3) / (3/6) = 4/3, RCA_01 = (1/3) / (1/2) = 2/3.
    const r = revealedComparativeAdvantage(Float64Array.from([2, 1, 1, 2]), 2, 2);
    expect(Array.from(r)).toEqual([4 / 3, 2 / 3, 2 / 3, 4 / 3]);
    const empty = revealedComparativeAdvantage(Float64Array.from([0, 0, 1, 2]), 2, 2);
    expect(empty[0]).toBeNaN();
    expect(empty[2]).toBeCloseTo(1, 15);
  });
});

describe('relatedness density', () => {
  it('on the ring: weights by ring distance, none on the diagonal', () => {
    const phi = ringProximity(6, [1, 0.5]);
    expect(Array.from(phi.slice(0, 6))).toEqual([0, 1, 0.5, 0, 0.5, 1]);
    // A place specialised in domains 0 and 1 of 6: density of domain 2 = (phi_20 + phi_21) /
    // sum_l phi_2l = (0.5 + 1) / 3 = 0.5; of domain 3 = 0.5 / 3; of domain 0 = 1 / 3.
    const d = relatednessDensity(Float64Array.from([1, 1, 0, 0, 0, 0]), 1, 6, phi);
    expect(d[2]).toBeCloseTo(0.5, 15);
    expect(d[3]).toBeCloseTo(0.5 / 3, 15);
    expect(d[0]).toBeCloseTo(1 / 3, 15);
    expect(Array.from(relatednessDensity(Float64Array.from([1, 0, 1, 0]), 1, 4, ringProximity(4, [1])))).toEqual([0, 1, 0, 1]);
  });
});

describe('revealed comparative advantage guards', () => {
  it('is NaN for a place whose total is not positive and for a domain whose total is not positive', () => {
    // Place 0 totals -1 (net values): no RCA although its domain totals are positive.
    // Without the guard it would be (-1 / -1) / (1 / 2) = 2.
    const r = revealedComparativeAdvantage(Float64Array.from([-1, 0, 2, 1]), 2, 2);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeNaN();
    // place 1: (2/3) / (1/2) = 4/3 and (1/3) / (1/2) = 2/3
    expect(r[2]).toBeCloseTo(4 / 3, 15);
    expect(r[3]).toBeCloseTo(2 / 3, 15);
    // Place 1 totals exactly 0 with values in it: NaN, not 1 / 0.
    const z = revealedComparativeAdvantage(Float64Array.from([1, 1, 1, -1]), 2, 2);
    expect(z[2]).toBeNaN();
    // Domain 1 totals 0 with values in it: NaN, not +-Infinity.
    const c = revealedComparativeAdvantage(Float64Array.from([1, 1, 1, -1]), 2, 2);
    expect(c[1]).toBeNaN();
    expect(c[3]).toBeNaN();
    expect(c[0]).toBeCloseTo((1 / 2) / (2 / 2), 15);
  });
  it('relatedness density is 0 for a domain with no related domain', () => {
    const d = relatednessDensity(Float64Array.from([1, 1, 1]), 1, 3, ringProximity(3, []));
    expect(Array.from(d)).toEqual([0, 0, 0]);
    // two places, weights beyond the first ring distance
    const two = relatednessDensity(Float64Array.from([1, 0, 0, 0, 0, 0, 0, 1]), 2, 4, ringProximity(4, [1, 0.5]));
    // domain 2 of place 0: (phi_20 M_00) / (1 + 0.5 + 1) = 0.5 / 2.5; domain 0 of place 1: phi_03 / 2.5 = 1 / 2.5
    expect(two[2]).toBeCloseTo(0.2, 15);
    expect(two[4]).toBeCloseTo(0.4, 15);
    expect(two[0]).toBe(0);
  });
});
