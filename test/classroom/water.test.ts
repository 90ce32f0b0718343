/** The map's water: a band on the boundary between places a barrier separates, nowhere else. */
import { describe, expect, it } from 'vitest';
import { WATER_BAND, WATER_REACH, waterMask } from '../../src/classroom/page/water';

const at = (mask: Uint8Array, cols: number, col: number, row: number) => mask[row * cols + col];

describe('waterMask', () => {
  // Two places 60 px apart on a 100 x 100 grid of 1 px cells, at (20, 50) and (80, 50).
  const x = [20, 80], y = [50, 50];

  it('draws a band of width WATER_BAND x the gap on the bisector of a separated pair', () => {
    const mask = waterMask(x, y, [{ from: 0, to: 1 }], 100, 100, 1);
    // Cell centres (c + 0.5, 50.5): water where |d1 - d0| = |2c + 1 - 100| < 0.3 * 60 = 18, i.e. c = 41..58.
    const row = Array.from({ length: 100 }, (_, c) => at(mask, 100, c, 50));
    expect(row.indexOf(1)).toBe(41);
    expect(row.lastIndexOf(1)).toBe(58);
    expect(row.filter((v) => v === 1).length).toBe(18);
    // Along the bisector the band stops where the nearest place is WATER_REACH x the gap away:
    // at column 49 (centre x 49.5, place 0 at 29.5 px) sqrt(29.5^2 + dy^2) < 48 -> |dy| < 37.87,
    // dy = row + 0.5 - 50, so rows 12..87 hold water.
    const column = Array.from({ length: 100 }, (_, r) => at(mask, 100, 49, r));
    expect(column.indexOf(1)).toBe(12);
    expect(column.lastIndexOf(1)).toBe(87);
    expect(WATER_BAND).toBe(0.3);
    expect(WATER_REACH).toBe(0.8);
  });

  it('is symmetric in the pair and empty without a barrier or for a barrier to itself', () => {
    expect(waterMask(x, y, [{ from: 1, to: 0 }], 100, 100, 1)).toEqual(waterMask(x, y, [{ from: 0, to: 1 }], 100, 100, 1));
    expect(waterMask(x, y, [], 100, 100, 1).every((v) => v === 0)).toBe(true);
    expect(waterMask(x, y, [{ from: 0, to: 0 }, { from: 0, to: 5 }], 100, 100, 1).every((v) => v === 0)).toBe(true);
  });

  it('leaves the boundary of an unseparated pair dry when a third place is across the water', () => {
    // Places 0 and 1 on one shore (x = 20, y = 20 and 80), place 2 across at x = 80, y = 50.
    const mask = waterMask([20, 20, 80], [20, 80, 50], [{ from: 0, to: 2 }, { from: 1, to: 2 }], 100, 100, 1);
    expect(at(mask, 100, 10, 50)).toBe(0); // between 0 and 1, on their own shore
    expect(at(mask, 100, 50, 35)).toBe(1); // between 0 and 2
    expect(at(mask, 100, 50, 65)).toBe(1); // between 1 and 2
  });
});
