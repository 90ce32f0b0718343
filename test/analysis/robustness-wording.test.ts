/**
 * Audit 8, robustness wording: the direction of a cost in the late window, an outcome with
 * no better direction, an outcome empty in one arm (was "no seed was run in every arm ...
 * resume the sweep"), an exact tie (was named as the winner), and one seed per future
 * (regret then still carries seed noise).
 */
import { describe, expect, it } from 'vitest';
import { armRobustness, robustnessSentences, type AnalysisInput } from '../../src/analysis';

/** 24 futures x `seeds` seeds; arms' outcomes from `value(arm, future, seed)`. */
const input = (arms: string[], value: (arm: string, f: number, s: number) => Record<string, number>, seeds = 2, futures = 24): AnalysisInput => {
  const runs = Array.from({ length: futures }, (_, f) => Array.from({ length: seeds }, (_, s) => arms.map((arm) => ({ point: f, arm, seed: 100 * f + s, params: { openness: f / 10 }, outcomes: value(arm, f, s) })))).flat(2);
  return { runs, parameters: ['openness'], arms, outcomes: Object.keys(runs[0].outcomes) };
};
const cost = { none: 0, cheap: 5, dear: 16 } as Record<string, number>;
const costed = input(['none', 'cheap', 'dear'], (arm, f, s) => ({
  innovation_value_late: 1 + 0.1 * cost[arm] + ((f * 7 + s) % 5) / 10,
  policy_cost: 4 * cost[arm],
  policy_cost_late: cost[arm] + 0.01 * ((f + s) % 3),
  value_per_cost: cost[arm] > 0 ? 2 / cost[arm] : NaN,
  peak_tick: 10 + f,
}));

describe('robustness on a cost', () => {
  it('ranks the arm without cost best on policy_cost_late (lower is better)', () => {
    const r = armRobustness(costed, { outcome: 'policy_cost_late' });
    expect(r.better).toBe('lower');
    expect(r.best_on_average).toBe('none');
    expect(robustnessSentences(r, 'policy cost in the late window')[0]).toMatch(/: none is best on average/);
  });
  it('names the arm whose outcome is empty, not an unfinished sweep', () => {
    expect(() => armRobustness(costed, { outcome: 'value_per_cost' })).toThrow(
      /^--outcome value_per_cost: undefined \(empty\) in every run of the none arm \(value_per_cost is missing where an arm has no policy cost\).*choose an outcome every arm has$/,
    );
  });
  it('asks for --better on an outcome with no better direction, and takes it when given', () => {
    expect(() => armRobustness(costed, { outcome: 'peak_tick' })).toThrow(/^--outcome peak_tick: neither a higher nor a lower value is better in itself.*--better higher or --better lower$/);
    expect(armRobustness(costed, { outcome: 'peak_tick', better: 'lower' }).better).toBe('lower');
  });
});

describe('robustness wording', () => {
  const v = (f: number, s: number) => 1 + ((f * 7 + s) % 5) / 10;
  it('says an exact tie is a tie, not a winner', () => {
    const tied = input(['low', 'same1', 'same2'], (arm, f, s) => ({ innovation_value_late: arm === 'low' ? v(f, s) - 0.2 * ((f % 3) + 1) : v(f, s) }));
    const r = armRobustness(tied, {});
    expect(r.tied).toEqual({ best_on_average: ['same2'], robust: ['same2'] });
    const text = robustnessSentences(r, 'late innovation value').join('\n');
    expect(text).toMatch(/same1 and same2 are tied as best on average \(exactly the same mean\)/);
    expect(text).toMatch(/On the mean late innovation value, same1 and same2 are exactly tied \(difference 0\), so neither is ranked above the other\./);
    expect(text).toMatch(/The robust choice is a tie between same1 and same2/);
    expect(text).not.toMatch(/same1 is best on average|also the robust choice|not distinguishable/);
  });
  it('says regret carries seed noise when each future has one seed, and not with two', () => {
    const arms = ['a', 'b'];
    const f = (arm: string, fu: number, s: number) => ({ innovation_value_late: v(fu, s) + (arm === 'b' ? 0.05 * ((fu % 4) - 1.5) : 0) });
    const one = robustnessSentences(armRobustness(input(arms, f, 1), {}), 'late innovation value').join('\n');
    const two = robustnessSentences(armRobustness(input(arms, f, 2), {}), 'late innovation value').join('\n');
    expect(one).toMatch(/Each future has one paired seed, so an arm's value in a future is a single run and its regret includes that run's seed noise/);
    expect(two).not.toMatch(/one paired seed/);
  });
});
