import { describe, expect, it } from 'vitest';
import { wholePercentages } from '../../src/report/findings/format';

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
