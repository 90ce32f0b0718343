/** An arm's explicit `role` overrides the shock rule of armRoles (src/stats/arm-roles.ts). */
import { describe, expect, it } from 'vitest';
import { armRoles } from '../../src/stats/arm-roles';
import { ScenarioSchema } from '../../src/scenario/schema';

describe('arm role', () => {
  const shock = [{ tick: 100, kind: 'core_collapse' }];
  it('makes an arm that changes the environment through `set` a condition, and a shock arm an option when it says so', () => {
    const scenario = ScenarioSchema.parse({
      arms: [
        { name: 'none' },
        { name: 'cluster', policies: [{ kind: 'cluster_organisation', start: 10 }] },
        { name: 'fast_frontier', set: { 'environment.frontier_speed': 4 }, role: 'condition' },
        { name: 'shock_insurance', shocks: shock, role: 'option' },
        { name: 'shocked', shocks: shock },
      ],
    });
    expect(armRoles(scenario, ['none', 'cluster', 'fast_frontier', 'shock_insurance', 'shocked', 'undeclared'])).toEqual({
      options: ['none', 'cluster', 'shock_insurance', 'undeclared'],
      conditions: ['fast_frontier', 'shocked'],
    });
  });

  it('accepts only option or condition', () => {
    const r = ScenarioSchema.safeParse({ arms: [{ name: 'a', role: 'lever' }] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues[0].path)).toBe('["arms",0,"role"]');
  });
});
