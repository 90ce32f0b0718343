/**
 * PRIM on planted data (issue 17, "How to check it"): y = 1 inside a box in 2 of 6
 * inputs, 10 % of labels flipped. The chosen box must recover each limit within 0.05 of
 * the range, have coverage and density of at least 0.85 and leave the 4 inert inputs
 * unrestricted; the same data give the same trajectory.
 */
import { describe, expect, it } from 'vitest';
import { boxStats, fullBox, membership, restrictedInputs } from '../../src/analysis/box';
import seedrandom from 'seedrandom';
import { buildDataset, sortedOrder } from '../../src/analysis/dataset';
import { defaultChoice, paste, peelingTrajectory, PrimData } from '../../src/analysis/prim';
import { quasiPValues } from '../../src/analysis/quasi-p';
import { binomialUpperTail } from '../../src/stats/binomial';
import { PLANTED, plantedData } from './planted';

describe('PRIM on a planted box', () => {
  const data = plantedData(2000);
  const pd = new PrimData(data);
  const trajectory = peelingTrajectory(pd);
  const chosen = defaultChoice(trajectory);
  const box = paste(pd, trajectory[chosen].box);
  const stats = boxStats(data, membership(data, box));

  it('recovers the planted limits within 0.05 of the range', () => {
    expect(Math.abs(box.lo[1] - PLANTED.x1[0])).toBeLessThan(0.05);
    expect(Math.abs(box.hi[1] - PLANTED.x1[1])).toBeLessThan(0.05);
    expect(Math.abs(box.lo[3] - PLANTED.x3[0])).toBeLessThan(0.05);
    expect(Math.abs(box.hi[3] - PLANTED.x3[1])).toBeLessThan(0.05);
  });

  it('has coverage and density of at least 0.85', () => {
    expect(stats.coverage).toBeGreaterThanOrEqual(0.85);
    expect(stats.density).toBeGreaterThanOrEqual(0.85);
  });

  it('leaves the four inert inputs unrestricted', () => {
    expect(restrictedInputs(box, fullBox(data))).toEqual([1, 3]);
  });

  it('traces coverage down and density up along the trajectory', () => {
    expect(trajectory[0].stats.coverage).toBe(1);
    for (let k = 1; k < trajectory.length; k++) {
      expect(trajectory[k].stats.density).toBeGreaterThan(trajectory[k - 1].stats.density);
      expect(trajectory[k].stats.coverage).toBeLessThanOrEqual(trajectory[k - 1].stats.coverage);
      expect(trajectory[k].stats.mass).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('is deterministic', () => {
    const again = peelingTrajectory(new PrimData(plantedData(2000)));
    expect(JSON.stringify(again.map((s) => [Array.from(s.box.lo), Array.from(s.box.hi), s.stats]))).toBe(
      JSON.stringify(trajectory.map((s) => [Array.from(s.box.lo), Array.from(s.box.hi), s.stats])),
    );
  });

  it('gives the planted restrictions tiny quasi-p-values', () => {
    for (const p of quasiPValues(data, box, [1, 3])) expect(p).toBeLessThan(1e-10);
  });
});

describe('pasting', () => {
  it('adds back a slice that raises the density', () => {
    // 1-D, 100 rows: density 0.8 on [0.5, 1], 1 on [0.3, 0.5), 0 below 0.3. A box
    // starting at [0.5, 1] is pasted down to 0.3, where the slices turn empty of cases.
    const xs = Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    const data = buildDataset(['x'], xs.map((x, i) => ({ inputs: { x }, label: x >= 0.5 ? i % 5 !== 0 : x >= 0.3 })));
    const pd = new PrimData(data);
    const start = fullBox(data);
    start.lo[0] = 0.5;
    const pasted = paste(pd, start, { pasteAlpha: 0.05 });
    expect(pasted.lo[0]).toBeCloseTo(0.3, 10); // halfway between 0.295 and 0.305
    expect(pasted.hi[0]).toBe(start.hi[0]);
  });

  it('pastes and peels levels of a categorical input', () => {
    // Cases: arm "a" or "b" with x > 0.5; arm "c" never.
    const rows = [];
    for (const arm of ['a', 'b', 'c']) for (let i = 0; i < 60; i++) rows.push({ inputs: { arm, x: (i + 0.5) / 60 }, label: arm !== 'c' && (i + 0.5) / 60 > 0.5 });
    const data = buildDataset(['arm', 'x'], rows);
    const pd = new PrimData(data);
    const t = peelingTrajectory(pd);
    const box = paste(pd, t[defaultChoice(t)].box);
    expect(Array.from(box.allowed[0]!)).toEqual([1, 1, 0]);
    expect(Math.abs(box.lo[1] - 0.5)).toBeLessThan(0.05);
  });
});

describe('binomial upper tail (quasi-p-values)', () => {
  // Reference values from R 4 (stats):
  //   binom.test(k, n, p, alternative = "greater")$p.value   (equal to pbinom(k - 1, n, p, lower.tail = FALSE))
  //   7, 10, 0.3      -> 0.010592078399999996
  //   40, 100, 0.3    -> 0.020988576003924654
  //   3, 50, 0.01     -> 0.013817270830600397
  //   520, 1000, 0.49 -> 0.031022108853554792
  //   859, 971, 0.75  -> 6.9219472590780705e-26
  it.each([
    [7, 10, 0.3, 0.010592078399999996],
    [40, 100, 0.3, 0.020988576003924654],
    [3, 50, 0.01, 0.013817270830600397],
    [520, 1000, 0.49, 0.031022108853554792],
    [859, 971, 0.75, 6.9219472590780705e-26],
  ])('P(X >= %i), n = %i, p = %f', (k, n, p, expected) => {
    expect(binomialUpperTail(k, n, p) / expected).toBeCloseTo(1, 9);
  });

  it('handles the edges', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
  });
});

describe('sortedOrder', () => {
  it('equals a comparison sort (ties by row index), negatives and zeros included', () => {
    const random = seedrandom.alea('sort');
    const values = Float64Array.from({ length: 5000 }, () => (random() < 0.2 ? Math.round(random() * 4) - 2 : (random() - 0.5) * 10 ** (6 * random())));
    values[0] = -0;
    values[1] = 0;
    const reference = Int32Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    expect(Array.from(sortedOrder(values))).toEqual(Array.from(reference));
  });
});
