import { describe, expect, it } from 'vitest';
import { pValue, wholePercentages } from '../../src/report/findings/format';

describe('wholePercentages (largest remainder)', () => {
  it('never lets bootstrap probabilities of being best add up to 101 %', () => {
    // Plain rounding: 34 + 34 + 33 = 101.
    expect([0.335, 0.335, 0.33].map((x) => Math.round(100 * x))).toEqual([34, 34, 33]);
    expect(wholePercentages([0.335, 0.335, 0.33])).toEqual({ percents: [34, 33, 33], adjusted: true });
    // Plain rounding: 0 + 0 + 99 = 99 (0.4 %, 0.4 %, 99.2 %); the missing point goes to the largest remainder (the first on a tie).
    expect(wholePercentages([0.004, 0.004, 0.992])).toEqual({ percents: [1, 0, 99], adjusted: true });
  });
  it('leaves shares alone when plain rounding already sums to 100', () => {
    expect(wholePercentages([0.96, 0.04])).toEqual({ percents: [96, 4], adjusted: false });
    expect(wholePercentages([0.7725, 0.1175, 0.11])).toEqual({ percents: [77, 12, 11], adjusted: false });
    expect(wholePercentages([1, 0, 0])).toEqual({ percents: [100, 0, 0], adjusted: false });
  });
});

describe('pValue', () => {
  it('gives two significant digits, so a p just under 0.05 does not read as 0.05', () => {
    expect(pValue(0.0469)).toBe('p = 0.047');
    expect(pValue(0.0501)).toBe('p = 0.05');
    // Never rounded up onto the 0.05 or 0.01 line.
    expect(pValue(0.0496)).toBe('p = 0.0496');
    expect(pValue(0.00999)).toBe('p = 0.00999');
    expect(pValue(0.0996)).toBe('p = 0.1');
    expect(pValue(0.0047)).toBe('p = 0.0047');
    expect(pValue(0.26152)).toBe('p = 0.26');
    expect(pValue(0.996)).toBe('p = 1');
    expect(pValue(0.00099)).toBe('p < 0.001');
    expect(pValue(NaN)).toMatch(/^p not computable/);
  });
});
