import { describe, expect, it } from 'vitest';
import { armRoles, computeSweepStats, higherIsBetter, LOWER_IS_BETTER } from '../../src/stats';
import { LOWER_IS_BETTER as ROBUSTNESS_LOWER } from '../../src/analysis';
import { findings } from '../../src/report/findings/index';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

describe('armRoles: options (choices) and conditions (arms that change the shocks)', () => {
  it("takes structural-shock's shock arm as a condition and leaves one option", () => {
    const scenario = { arms: [{ name: 'no_shock' }, { name: 'shock', shocks: [{ tick: 100, kind: 'core_collapse', factor: 0.2, domains: 3 }] }] };
    expect(armRoles(scenario, ['no_shock', 'shock'])).toEqual({ options: ['no_shock'], conditions: ['shock'] });
  });
  it('takes policy arms as options, also when they restate the scenario\'s own shocks (in any key order)', () => {
    const shocks = [{ tick: 50, kind: 'core_collapse', factor: 0.5 }];
    const scenario = {
      shocks,
      arms: [{ name: 'none' }, { name: 'cluster', policies: [{ kind: 'cluster_organisation' }] }, { name: 'same', shocks: [{ factor: 0.5, kind: 'core_collapse', tick: 50 }] }, { name: 'calm', shocks: [] }],
    };
    expect(armRoles(scenario, ['none', 'cluster', 'same', 'calm', 'unknown'])).toEqual({ options: ['none', 'cluster', 'same', 'unknown'], conditions: ['calm'] });
  });
});

describe('one list of outcomes where lower is better', () => {
  it('is shared by the ranking and robustness, and drop_ratio (after over before) is higher-is-better', () => {
    expect(ROBUSTNESS_LOWER).toBe(LOWER_IS_BETTER);
    expect(higherIsBetter('drop_ratio')).toBe(true);
    expect(higherIsBetter('innovation_value_late')).toBe(true);
    for (const k of ['locked_in', 'lock_in_index_final', 'resilience_ticks', 'resilience_censored', 'policy_cost', 'exits_total']) expect(higherIsBetter(k)).toBe(false);
  });
});

describe('the ranking of arms in a sweep with a shock arm (structural-shock\'s design)', () => {
  it('ranks no arm when the shock arm leaves one option, and says why', async () => {
    // The fixture's second arm has the higher value (+0.3): as an option it would be "shock 100 %".
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3] }, arms: ['no_shock', 'shock'], shockArms: ['shock'], replicates: 4 }));
    expect(stats.armRoles).toEqual({ options: ['no_shock'], conditions: ['shock'] });
    expect(stats.armComparison.ranks).toEqual([]);
    expect(stats.armComparison.contrasts.length).toBeGreaterThan(0);
    const text = findings(stats).join('\n');
    expect(text).not.toMatch(/Probability of each arm/);
    expect(text).toMatch(/No arm is ranked best: the shock arm changes the shocks the region meets \(a condition to compare against, not an option to choose\), which leaves one option \(no_shock\)/);
  });
});
