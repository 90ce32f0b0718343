/** The sensitivity sentences of a report: intervals only where they were computed. */
import { describe, expect, it } from 'vitest';
import type { SweepStats } from '../../src/stats';
import { sensitivitySentences } from '../../src/report/sensitivity-section';

const row = (parameter: string, index: string, n: number, estimate: number, lo: number, hi: number) => ({ method: 'morris', arm: 'base', tick: null, outcome: 'lock_in_index_final', parameter, index, n, estimate, lo, hi });
const stats = (rows: ReturnType<typeof row>[], method = 'morris', scrambles?: number) => ({ sensitivity: { method, parameters: ['a', 'b'], rows: rows.map((r) => ({ ...r, method })), skipped: [], ...(scrambles ? { scrambles } : {}) } }) as unknown as SweepStats;

describe('sensitivitySentences', () => {
  it('gives the 95 % intervals and the convergence check at r >= 10', () => {
    const out = sensitivitySentences(stats([row('a', 'mu_star', 5, 0.3, NaN, NaN), row('b', 'mu_star', 5, 0.1, NaN, NaN), row('a', 'mu_star', 10, 0.25, 0.2, 0.31), row('b', 'mu_star', 10, 0.12, 0.05, 0.2), row('seed', 'noise_share', 10, 0.1, 0.05, 0.2)]));
    expect(out[0]).toContain('a (mu* 0.25, 95 % CI 0.2 to 0.31), b (mu* 0.12, 95 % CI 0.05 to 0.2); seed noise makes up 0.10 of one run\'s variance (95 % CI 0.05 to 0.20)');
    // No longer "the ranking is stable": the order is compared, and wide intervals can hide change.
    expect(out[1]).toBe('Convergence: 0 of 2 mu* estimates at 5 lie outside the 95 % interval at 10; the order of the parameters by mu* is the same at 5 and 10 for the outcome (wide intervals can hide a change: read them too).');
  });
  it('says when the order of the parameters changes between half and full size, even inside the intervals', () => {
    // An audit's morris sweep: two parameters swapped places between r = 5 and r = 10 while each half-size estimate lay inside its wide interval.
    const out = sensitivitySentences(stats([row('a', 'mu_star', 5, 0.1, NaN, NaN), row('b', 'mu_star', 5, 0.2, NaN, NaN), row('a', 'mu_star', 10, 0.25, 0.05, 0.4), row('b', 'mu_star', 10, 0.15, 0.05, 0.3)]));
    expect(out[1]).toBe('Convergence: 0 of 2 mu* estimates at 5 lie outside the 95 % interval at 10; the order of the parameters by mu* differs between 5 and 10 for final lock-in index; a larger design may change the picture.');
  });
  it('flags an ST above 1 and intervals that reach 0, and does not say "depends most on" when none is clearly above 0', () => {
    const rows = [row('a', 'ST', 8, 1.1, 0.5, 1.6), row('b', 'ST', 8, 0.2, -0.1, 0.5), row('a', 'ST', 16, 1.27, 0.62, 1.95), row('b', 'ST', 16, 0.1, -0.2, 0.4)];
    const out = sensitivitySentences(stats(rows, 'saltelli'));
    expect(out[0]).toContain('depends most on a (ST 1.27, 95 % CI 0.62 to 1.95, above 1: an estimation error, ST is at most 1), b (ST 0.10, 95 % CI -0.20 to 0.40, not clearly above 0)');
    const vague = sensitivitySentences(stats([row('b', 'ST', 8, 0.2, -0.1, 0.5), row('b', 'ST', 16, 0.1, -0.2, 0.4)], 'saltelli'));
    expect(vague[0]).toContain('has the largest estimates for b (ST 0.10, 95 % CI -0.20 to 0.40, not clearly above 0)');
  });
  it('below 10 trajectories: no interval, and no convergence claim (was "n/a to n/a" and "stable")', () => {
    const out = sensitivitySentences(stats([row('a', 'mu_star', 2, 0.3, NaN, NaN), row('a', 'mu_star', 4, 0.25, NaN, NaN), row('seed', 'noise_share', 4, 0.1, NaN, NaN)]));
    expect(out[0]).toBe('Sensitivity (morris, r = 4, arm base): Final lock-in index has the largest estimates for a (mu* 0.25, no interval); seed noise makes up 0.10 of one run\'s variance.');
    expect(out[1]).toBe('No intervals: 4 trajectories are fewer than 10, too few for a percentile bootstrap; convergence is not assessed.');
    expect(out.join(' ')).not.toMatch(/n\/a|stable/);
  });
  it('saltelli: says which intervals it gives (the row bootstrap of one scramble, with its caveat; or t intervals over sweep.scrambles, at any N)', () => {
    const rows = [row('a', 'ST', 8, 0.5, 0.4, 0.6), row('a', 'ST', 16, 0.45, 0.4, 0.5)];
    const one = sensitivitySentences(stats(rows, 'saltelli'));
    expect(one[1]).toMatch(/^Intervals: 95 % percentile bootstrap over the base rows of one scrambled Sobol design, which treats the rows as independent; they are not, .*sweep\.scrambles \(e\.g\. 16\) gives t intervals over independent scrambles/);
    const blocks = sensitivitySentences(stats(rows, 'saltelli', 4));
    expect(blocks[1]).toBe('Intervals: each index is the mean of its values in 4 independent scrambles of 4 base rows, with a 95 % t interval on 3 degrees of freedom from their spread.');
    expect(blocks.join(' ')).not.toMatch(/bootstrap/);
    // N = 8 in 2 scrambles: t intervals are given (no 10-row minimum), so no "No intervals" sentence.
    const small = sensitivitySentences(stats([row('a', 'ST', 4, 0.5, 0.1, 0.9), row('a', 'ST', 8, 0.45, 0.2, 0.7)], 'saltelli', 2));
    expect(small.join(' ')).not.toMatch(/No intervals/);
    expect(small[1]).toMatch(/2 independent scrambles of 4 base rows, with a 95 % t interval on 1 degree of freedom/);
  });
});
