import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COL, runScenario, Simulation, TIMESERIES_COLUMNS, OUTCOME_KEYS } from '../../src/model';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema';
import { TickCounters } from '../../src/model/counters';
import { standingPipelinesInPlace } from '../../src/model/encounters';
import { Meeting } from '../../src/model/exchange';
import { externalProximity, understandability } from '../../src/model/knowledge';
import { PHASES } from '../../src/model/step';

const SMALL: ScenarioInput = {
  ticks: 30,
  agents: { firms: 40, residents: 300, institutions: { university: 1, research_institute: 1, government: 1, intermediary: 1, cultural: 1 } },
};
const scenario = (over: ScenarioInput = {}) => ScenarioSchema.parse({ ...SMALL, ...over });

describe('a run', () => {
  it('gives the same bytes for the same scenario and seed, and different ones for another seed', () => {
    const a = runScenario(scenario(), { seed: 3 });
    const b = runScenario(scenario(), { seed: 3 });
    const c = runScenario(scenario(), { seed: 4 });
    expect(Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer))).toBe(true);
    expect(a.outcomes).toEqual(b.outcomes);
    expect(Buffer.from(a.series.buffer).equals(Buffer.from(c.series.buffer))).toBe(false);
  });

  it('reproduces exact values from a fixed seed (regression guard for the whole step)', () => {
    const r = runScenario(scenario(), { seed: 1 });
    expect(r.agents).toBe(40 + 5 + 300);
    expect(r.rows).toBe(30);
    expect(r.columns).toEqual(TIMESERIES_COLUMNS);
    expect(Object.keys(r.outcomes)).toEqual([...OUTCOME_KEYS]);
    expect({
      innovations: r.outcomes.innovations_total,
      value: Number(r.outcomes.innovation_value_total.toFixed(6)),
      meetings: r.series[29 * TIMESERIES_COLUMNS.length + COL.meetings],
    }).toMatchInlineSnapshot(`
      {
        "innovations": 20,
        "meetings": 70,
        "value": 9.223475,
      }
    `);
  });

  it('observes every `observe.every` ticks and keeps outcomes independent of it', () => {
    const every1 = runScenario(scenario(), { seed: 2 });
    const every5 = runScenario(scenario({ observe: { every: 5 } }), { seed: 2 });
    expect(every5.rows).toBe(6);
    expect(every5.outcomes.innovation_value_total).toBe(every1.outcomes.innovation_value_total);
    expect(every5.series[5 * TIMESERIES_COLUMNS.length - TIMESERIES_COLUMNS.length + COL.tick]).toBe(24);
  });

  it('a parameter change moves what it should: meeting farther away cuts tacit flow per meeting far more than explicit', () => {
    const perMeeting = (decay: number) => {
      let t = 0;
      let e = 0;
      for (const seed of [1, 2]) {
        const r = runScenario(scenario({ proximity: { geographic_decay_km: decay }, region: { intra_place_km: 3 } }), { seed });
        const C = TIMESERIES_COLUMNS.length;
        for (let row = 0; row < r.rows; row++) {
          const m = r.series[row * C + COL.meetings] - r.series[row * C + COL.pipeline_meetings];
          if (m <= 0) continue;
          t += r.series[row * C + COL.flow_tacit_collaboration] / m;
          e += r.series[row * C + COL.flow_explicit_collaboration] / m;
        }
      }
      return { t, e };
    };
    const near = perMeeting(5);
    const far = perMeeting(500);
    const tacitDrop = far.t / near.t;
    const explicitDrop = far.e / near.e;
    expect(tacitDrop).toBeLessThan(0.8);
    expect(tacitDrop).toBeLessThan(explicitDrop - 0.15);
  });
});

describe('stepTimed (the phase breakdown of the benchmark)', () => {
  it('runs the same tick as step() and books one clock interval per phase per tick', () => {
    const a = new Simulation(scenario(), 5, { ticks: 6 });
    const b = new Simulation(scenario(), 5, { ticks: 6 });
    // A clock that advances by 1 per reading: each phase is booked exactly 1 per tick.
    let now = 0;
    const spent = new Float64Array(PHASES.length);
    for (let t = 0; t < 6; t++) {
      a.step();
      b.stepTimed(spent, () => now++);
      expect(Array.from(b.observe())).toEqual(Array.from(a.observe()));
    }
    expect(Array.from(spent)).toEqual(new Array(PHASES.length).fill(6));
    expect(Buffer.from(b.state.knowledge.buffer, b.state.knowledge.byteOffset, b.state.knowledge.byteLength).equals(Buffer.from(a.state.knowledge.buffer, a.state.knowledge.byteOffset, a.state.knowledge.byteLength))).toBe(true);
  });
});

describe('spin-off founders (firms.spinoff_score)', () => {
  it('defaults to relevance-weighted scores; capability scores pick other founders', () => {
    const off = runScenario(scenario({ ticks: 60 }), { seed: 6 });
    const relevance = runScenario(scenario({ ticks: 60, firms: { spinoff_score: 'relevance' } }), { seed: 6 });
    const capability = runScenario(scenario({ ticks: 60, firms: { spinoff_score: 'capability' } }), { seed: 6 });
    expect(relevance.outcomes).toEqual(off.outcomes);
    expect(off.outcomes.entries_total).toBeGreaterThan(0);
    expect(capability.outcomes.diversity_final).not.toBe(off.outcomes.diversity_final);
  });
});

describe('where firms learn from (firm_learning_from_<source>)', () => {
  it('counts outside partners only when the region is open, and every source is non-negative', () => {
    const col = (r: ReturnType<typeof runScenario>, name: (typeof TIMESERIES_COLUMNS)[number]) =>
      Array.from({ length: r.rows }, (_, t) => r.series[t * TIMESERIES_COLUMNS.length + COL[name]]);
    const closed = runScenario(scenario({ ticks: 30, openness: 0 }), { seed: 4 });
    const open = runScenario(scenario({ ticks: 30, openness: 0.3 }), { seed: 4 });
    expect(col(closed, 'firm_learning_from_outside').every((v) => v === 0)).toBe(true);
    expect(col(open, 'firm_learning_from_outside').some((v) => v > 0)).toBe(true);
    for (const source of ['firms', 'institutions', 'residents', 'outside'] as const) {
      const values = col(open, `firm_learning_from_${source}`);
      expect(values.every((v) => v >= 0), source).toBe(true);
      if (source !== 'outside') expect(values.some((v) => v > 0), source).toBe(true);
    }
    expect(open.outcomes.firm_learning_outside_share_late).toBeGreaterThan(0);
    expect(closed.outcomes.firm_learning_outside_share_late).toBe(0);
  });
});

describe('place flows per block of observe.window ticks', () => {
  it('split the run\'s tacit place flows into blocks that add up to them', () => {
    expect(runScenario(scenario({ ticks: 45 }), { seed: 5 }).placeFlowBlocks.length).toBe(0); // only when asked for
    const r = runScenario(scenario({ ticks: 45, observe: { window: 20 } }), { seed: 5, placeFlowBlocks: true });
    const P2 = r.placeFlows.length;
    expect(r.placeFlowWindow).toBe(20);
    expect(r.placeFlowBlocks.length).toBe(3 * P2); // ticks 0-19, 20-39, 40-44
    for (let i = 0; i < P2; i++) {
      const sum = r.placeFlowBlocks[i] + r.placeFlowBlocks[P2 + i] + r.placeFlowBlocks[2 * P2 + i];
      expect(sum).toBeCloseTo(r.placeFlows[i], 9);
    }
    expect(r.placeFlowBlocks.subarray(2 * P2).some((v) => v > 0)).toBe(true);
  });
});

describe('the cost of cognitive distance (fact 1 experiment)', () => {
  it('is off by default and, when on, takes R&D effort away (fewer innovations on the same seed)', () => {
    const off = runScenario(scenario({ ticks: 40 }), { seed: 9 });
    const zero = runScenario(scenario({ ticks: 40, exchange: { misunderstanding_cost: 0 } }), { seed: 9 });
    const on = runScenario(scenario({ ticks: 40, exchange: { misunderstanding_cost: 2 } }), { seed: 9 });
    expect(zero.outcomes).toEqual(off.outcomes);
    expect(on.outcomes.innovations_total).toBeLessThan(off.outcomes.innovations_total);
  });

  it('counts pipelines too: a standing pipeline of strength s costs its firm s (1 - e) each tick', () => {
    const sim = new Simulation(scenario({ exchange: { misunderstanding_cost: 0.5 } }), 3);
    const st = sim.state;
    const M = st.maxPipes;
    st.pipeTarget.fill(-1);
    st.pipeTarget[0 * M] = 7; // firm 0: one pipeline, to external partner 7
    st.pipeStrength[0 * M] = 0.4;
    st.misunderstanding.fill(0);
    const e = understandability(externalProximity(st, 0, 7), sim.params.cMax);
    standingPipelinesInPlace(st, sim.params, new TickCounters(), new Meeting());
    expect(e).toBeGreaterThan(0);
    expect(e).toBeLessThan(1);
    expect(st.misunderstanding[0]).toBeCloseTo(0.4 * (1 - e), 6);
    expect(st.misunderstanding[1]).toBe(0);
  });
});

describe('policies and shocks', () => {
  it('an infrastructure link shortens the travel distance between two places while active', () => {
    const s = scenario({ ticks: 10, policies: [{ kind: 'infrastructure', start: 3, end: 6, from: 'Upland', to: 'Riverside', km: 5 }] });
    const sim = new Simulation(s, 1);
    const P = sim.state.space.P;
    const [u, r] = [sim.state.placeNames.indexOf('Upland'), sim.state.placeNames.indexOf('Riverside')];
    const before = sim.state.space.dist[u * P + r];
    for (let t = 0; t < 4; t++) sim.step();
    expect(sim.state.space.dist[u * P + r]).toBe(5);
    for (let t = 0; t < 3; t++) sim.step();
    expect(sim.state.space.dist[u * P + r]).toBe(before);
  });

  it('a cluster organisation enrols its members and every policy charges its cost per active tick', () => {
    const s = scenario({ ticks: 12, policies: [{ kind: 'cluster_organisation', start: 2, end: 10, members: 10, cost: 1.5 }] });
    const r = runScenario(s, { seed: 1 });
    expect(r.outcomes.policy_cost).toBe(12);
    const sim = new Simulation(s, 1);
    for (let t = 0; t < 3; t++) sim.step();
    const g = sim.state.groupMembers.length - 1;
    expect(sim.state.groupMembers[g].length).toBe(10);
  });

  it('lifelong learning raises learning participation while active', () => {
    const s = scenario({ ticks: 20, policies: [{ kind: 'lifelong_learning', start: 10, participation: 0.3 }] });
    const r = runScenario(s, { seed: 1 });
    const C = TIMESERIES_COLUMNS.length;
    let before = 0;
    let after = 0;
    for (let t = 0; t < 10; t++) before += r.series[t * C + COL.learning_participation];
    for (let t = 10; t < 20; t++) after += r.series[t * C + COL.learning_participation];
    expect(before / 10).toBeLessThan(0.05);
    expect(after / 10).toBeGreaterThan(0.2);
  });

  it('a core collapse cuts the relevance of the strongest domains and a frontier jump moves the frontier', () => {
    const s = scenario({ ticks: 10, shocks: [{ tick: 5, kind: 'core_collapse', factor: 0.2, domains: 2 }, { tick: 8, kind: 'frontier_jump', domains: 6 }] });
    const sim = new Simulation(s, 1);
    for (let t = 0; t < 5; t++) sim.step();
    const mu = sim.state.mu;
    sim.step();
    let collapsed = 0;
    for (let k = 0; k < sim.state.K; k++) if (sim.state.collapseMult[k] === 0.2) collapsed++;
    expect(collapsed).toBe(2);
    for (let t = 0; t < 3; t++) sim.step();
    expect(sim.state.mu).toBeCloseTo(mu + 6 + 4 * (2.5 / 100), 9);
  });
});

describe('invariants over random valid scenarios (fast-check)', () => {
  it('knowledge stays in [0, 1], nothing is NaN, counts are consistent', () => {
    fc.assert(
      fc.property(
        fc.record({
          openness: fc.double({ min: 0, max: 1, noNaN: true }),
          perTick: fc.integer({ min: 0, max: 8 }),
          homophily: fc.double({ min: 0, max: 8, noNaN: true }),
          mobility: fc.double({ min: 0, max: 0.3, noNaN: true }),
          participation: fc.double({ min: 0, max: 0.5, noNaN: true }),
          domains: fc.integer({ min: 4, max: 40 }),
          firms: fc.integer({ min: 2, max: 30 }),
          residents: fc.integer({ min: 0, max: 120 }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        (v) => {
          const s = ScenarioSchema.parse({
            ticks: 15,
            openness: v.openness,
            knowledge: { domains: v.domains },
            agents: { firms: v.firms, residents: v.residents, institutions: { university: 1, research_institute: 0, government: 1, intermediary: 1, cultural: 1 } },
            contacts: { per_tick: v.perTick },
            proximity: { cognitive_homophily: v.homophily },
            labour: { mobility: v.mobility },
            learning: { participation: v.participation },
            shocks: [{ tick: 7, kind: 'core_collapse' }],
          });
          const sim = new Simulation(s, v.seed);
          for (let t = 0; t < s.ticks; t++) {
            sim.step();
            const row = sim.observe();
            for (let c = 0; c < row.length; c++) if (TIMESERIES_COLUMNS[c] !== 'plant_tacit' && !Number.isFinite(row[c])) return false;
            if (row[COL.firms_alive] > v.firms || row[COL.employment_rate] > 1 || row[COL.employment_rate] < 0) return false;
          }
          const st = sim.state;
          for (const v of st.knowledge) if (!(v >= 0 && v <= 1)) return false; // every T_ik and E_ik
          // Employees counted on the employer's side match the residents' employers.
          const size = new Int32Array(st.A);
          for (let r = 0; r < st.R; r++) if (st.employer[r] >= 0) size[st.employer[r]]++;
          for (let a = 0; a < st.A; a++) if (size[a] !== st.size[a]) return false;
          return true;
        },
      ),
      { numRuns: 40, seed: 42 },
    );
  });
});
