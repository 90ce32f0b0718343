import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, levenshtein } from '../../src/scenario/did-you-mean';

describe('did you mean', () => {
  it('measures edit distance exactly', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('openness', 'openness')).toBe(0);
  });
  it('is a metric (symmetric, zero only for equal strings, triangle inequality)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b, c) => {
        expect(levenshtein(a, b)).toBe(levenshtein(b, a));
        expect(levenshtein(a, b) === 0).toBe(a === b);
        expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
      }),
    );
  });
  it('suggests close names and prefixes, not unrelated ones', () => {
    const keys = ['openness', 'ticks', 'seed', 'geographic_decay_km', 'policies'];
    expect(didYouMean('opennes', keys)).toBe('openness');
    expect(didYouMean('Openness', keys)).toBe('openness');
    expect(didYouMean('geographic_decay', keys)).toBe('geographic_decay_km');
    expect(didYouMean('policy', keys)).toBe('policies');
    expect(didYouMean('zzzzzz', keys)).toBeUndefined();
  });
});
