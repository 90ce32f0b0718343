/**
 * The step (src/model/step.ts) and the policy life cycle (src/model/policies.ts): the
 * phases run in MODEL-SPEC 3's order over one context, and policies start, end, cost and
 * change params and distances exactly when their windows say.
 */
import { describe, expect, it } from 'vitest';
import { TickCounters } from '../../src/model/counters';
import { activeParams, advancePoliciesInPlace, DISTANCES_CHANGED, PARAMS_CHANGED, type PolicySlot } from '../../src/model/policies';
import { Rng } from '../../src/model/rng';
import { Simulation } from '../../src/model/simulation';
import { PHASES } from '../../src/model/step';
import { PolicySchema, ScenarioSchema } from '../../src/scenario/schema';

const scenario = () =>
  ScenarioSchema.parse({ ticks: 10, agents: { firms: 20, residents: 100, institutions: { university: 1, research_institute: 0, government: 0, intermediary: 0, cultural: 0 } } });

describe('the step', () => {
  it('is the phases of MODEL-SPEC 3 in order, one signature each', () => {
    expect(PHASES.map((phase) => phase.name)).toEqual([
      'openTick', 'environment', 'obsolescence', 'encounters', 'standingPipelines', 'residents', 'conversion',
      'innovation', 'research', 'demography', 'ties', 'capabilities', 'observe', 'closeTick',
    ]);
    for (const phase of PHASES) expect(phase.length).toBe(1);
  });

  it('advances the tick by one and fills the row', () => {
    const sim = new Simulation(scenario(), 3);
    sim.step();
    sim.step();
    expect(sim.tick).toBe(2);
    expect(sim.observe().some((x) => x !== 0)).toBe(true);
  });
});

describe('the policy life cycle', () => {
  it('starts, grows, costs and ends policies at their ticks and says what changed', () => {
    const sim = new Simulation(scenario(), 3);
    const st = sim.state;
    const slots: PolicySlot[] = [
      { policy: PolicySchema.parse({ kind: 'infrastructure', start: 2, end: 4, from: 'Upland', to: 'Riverside', km: 5, cost: 1.5 }), active: false, group: -1, link: null },
      { policy: PolicySchema.parse({ kind: 'lifelong_learning', start: 3, participation: 0.25, cost: 0.5 }), active: false, group: -1, link: null },
    ];
    const rng = new Rng(1, 'policy');
    const flags: number[] = [];
    const costs: number[] = [];
    for (let t = 0; t < 6; t++) {
      st.tick = t;
      const c = new TickCounters();
      flags.push(advancePoliciesInPlace(st, slots, sim.params, 0, rng, c));
      costs.push(c.policyCost);
    }
    expect(flags).toEqual([0, 0, PARAMS_CHANGED | DISTANCES_CHANGED, PARAMS_CHANGED, PARAMS_CHANGED | DISTANCES_CHANGED, 0]);
    expect(costs).toEqual([0, 0, 1.5, 2, 0.5, 0.5]);
    expect(st.links.length).toBe(0);
    expect(activeParams(sim.scenario, slots).participation).toBe(0.25);
    expect(activeParams(sim.scenario, [slots[0]]).participation).toBe(sim.scenario.learning.participation);
  });
});
