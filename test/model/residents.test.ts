/**
 * Residents' learning kernels (src/model/residents.ts): a copying course and a deepening
 * course, with exact values derived by hand from MODEL-SPEC 3.5 and CALIBRATION-NOTES
 * fact 6 (derivations beside the expectations).
 */
import { describe, expect, it } from 'vitest';
import { tinyWorld } from './tiny-world';
import { CH_TRAINING } from '../../src/model/kinds';
import { courseInPlace, deepenInPlace } from '../../src/model/residents';
import { explicitOf, setExplicit, setTacit, tacitOf } from './knowledge-flat';
import { runScenario } from '../../src/model/run';
import { ScenarioSchema } from '../../src/scenario/schema';

/** Relatedness exponent a = 3, training rate 0.4. */
const world = () => tinyWorld(8, { knowledge: { relatedness_exponent: 3 }, learning: { rate: 0.4 } });

describe('a copying course (training channel)', () => {
  it('moves the resident towards the teacher at rate A e g w_k, explicit and tacit apart', () => {
    const sim = world();
    const st = sim.state;
    const p = sim.params;
    const i = st.firstResident;
    const teacher = 4;
    setTacit(st, [0.5, 0.25, 0, 0, 0, 0, 0, 0], i * 8);
    setTacit(st, [0.5, 0.5, 0, 0, 0, 0, 0, 0], teacher * 8);
    setExplicit(st, [0, 0.5, 0, 0, 0, 0, 0, 0], teacher * 8);
    st.absorptive[i] = 0.5;
    const flows = new Float64Array(12);
    courseInPlace(st, p, flows, i, teacher, 0.8, 0.9);
    // kappa = cos((0.5, 0.25), (0.5, 1)) = 0.5 / (sqrt(0.3125) sqrt(1.25)) = 0.8; e = 1 - 0.2 / 0.7.
    // The resident's max is 0.5; domain 1 sees max(0.5, 0.25, 0) = 0.5, so r = 1 and w = 1.
    const e = 1 - (1 - 0.8) / 0.7;
    const coefT = 0.4 * 0.5 * e * 0.8;
    const coefE = 0.4 * 0.5 * e * 0.9;
    const dT = coefT * 0.25 * 1; // gap 0.5 - 0.25 in domain 1 (grouping: rate x gap, then x w)
    const dE = coefE * 0.5 * 1; // gap 0.5 - 0 in domain 1; domain 0: the teacher has no explicit knowledge there
    expect(Array.from(tacitOf(st).subarray(i * 8, i * 8 + 8))).toEqual([0.5, Math.fround(0.25 + dT), 0, 0, 0, 0, 0, 0]);
    expect(Array.from(explicitOf(st).subarray(i * 8, i * 8 + 8))).toEqual([0, Math.fround(dE), 0, 0, 0, 0, 0, 0]);
    expect(flows[CH_TRAINING]).toBe(dT);
    expect(flows[4 + CH_TRAINING]).toBe(dE);
  });
});

describe('a deepening course (fact 6)', () => {
  it('gains (x_k / max x)^a towards the teacher\'s level, tacit at the distance kernel', () => {
    const sim = world();
    const st = sim.state;
    const p = sim.params;
    const i = st.firstResident + 1;
    const teacher = 4;
    setTacit(st, [0.5, 0.25, 0, 0, 0, 0, 0, 0], i * 8);
    setTacit(st, [0, 0, 0, 0.75, 0, 0, 0, 0], teacher * 8); // level = max_k T_teacher = 0.75
    st.absorptive[i] = 0.5;
    const flows = new Float64Array(12);
    deepenInPlace(st, p, flows, i, teacher, 0.8);
    // coef = rate A = 0.2; w_0 = (0.5 / 0.5)^3 = 1, w_1 = (0.25 / 0.5)^3 = 0.125, w_k = 0 elsewhere.
    const coef = 0.4 * 0.5;
    const dT0 = coef * 1 * 0.8 * 0.25;
    const dT1 = coef * 0.125 * 0.8 * 0.5;
    const dE0 = coef * 1 * 0.75;
    const dE1 = coef * 0.125 * 0.75;
    expect(Array.from(tacitOf(st).subarray(i * 8, i * 8 + 8))).toEqual([Math.fround(0.5 + dT0), Math.fround(0.25 + dT1), 0, 0, 0, 0, 0, 0]);
    expect(Array.from(explicitOf(st).subarray(i * 8, i * 8 + 8))).toEqual([Math.fround(dE0), Math.fround(dE1), 0, 0, 0, 0, 0, 0]);
    expect(flows[CH_TRAINING]).toBe(dT0 + dT1);
    expect(flows[4 + CH_TRAINING]).toBe(dE0 + dE1);
  });
});

describe('a mover absorbed by an institution', () => {
  // Only job moves run (no meetings, no workplace episodes, no courses, no migration), so
  // every tacit unit on the mobility channel is a new employer absorbing a mover.
  const only = (institutionsEmploy: number) =>
    ScenarioSchema.parse({
      ticks: 30,
      agents: { firms: 40, residents: 600, institutions_employ: institutionsEmploy, institutions: { university: 2, research_institute: 1, government: 1, intermediary: 0, cultural: 2 } },
      contacts: { per_tick: 0, resident_rate: 0 },
      labour: { mobility: 0.3, workplace_rate: 0 },
      learning: { participation: 0 },
      migration: { rate: 0 },
    });
  const totals = (institutionsEmploy: number) => {
    const r = runScenario(only(institutionsEmploy), { seed: 3 });
    const C = r.columns.length;
    const sumOf = (name: string) => {
      const c = r.columns.indexOf(name);
      let t = 0;
      for (let row = 0; row < r.rows; row++) t += r.series[row * C + c];
      return t;
    };
    return { mobility: sumOf('flow_tacit_mobility'), fromResidents: sumOf('firm_learning_from_residents') };
  };

  it('is not booked as firms\' learning from residents (every mover to an institution: 0)', () => {
    const t = totals(1);
    expect(t.mobility).toBeGreaterThan(0);
    expect(t.fromResidents).toBe(0);
  });

  it('a mover absorbed by a firm is (every mover to a firm: the whole mobility flow)', () => {
    const t = totals(0);
    expect(t.mobility).toBeGreaterThan(0);
    expect(t.fromResidents).toBeCloseTo(t.mobility, 9);
  });
});
