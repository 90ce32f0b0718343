/**
 * Observation (src/model/metrics.ts): the lock-in index and each of its parts, competitiveness,
 * entropy and the tie measures, on a hand-built region of two live firms.
 */
import { describe, expect, it } from 'vitest';
import { TickCounters } from '../../src/model/counters';
import fc from 'fast-check';
import { meanResidentSkill, Observer } from '../../src/model/metrics';
import { meanResidentSkillReference } from '../../src/model/knowledge-dynamics-reference';
import { COL, TIMESERIES_COLUMNS } from '../../src/model/names';
import { Rng } from '../../src/model/rng';
import { bareWorld, tinyScenario } from './world';
import { setExplicit, setTacit } from './knowledge-flat';

/**
 * Firm 0: T = (0.5, 0, 0, 0), E = (0.25, 0, 0, 0); firm 1: T = (0, 0.25, 0, 0); firm 2 dead.
 * phi = 0.5, so capability per domain is (0.625, 0.25, 0, 0); relevance (0.8, 0.4, 0.16, 0.16).
 * Local ties: 0 -> 1 at 0.5, 1 -> 0 at 0.25; one pipeline of firm 0 at 0.25.
 * Counters: 4 accepted firm meetings, 3 of them repeats.
 */
function region() {
  const { st, p } = bareWorld(tinyScenario({ knowledge: { phi: 0.5 } }, 3, 2, 4));
  st.alive.set([1, 1, 0]);
  setTacit(st, [0.5, 0, 0, 0], 0);
  setExplicit(st, [0.25, 0, 0, 0], 0);
  setTacit(st, [0, 0.25, 0, 0], 4);
  st.relevance.set([0.8, 0.4, 0.16, 0.16]);
  st.tieTarget[0 * st.maxTies] = 1;
  st.tieStrength[0 * st.maxTies] = 0.5;
  st.tieEnd[0] = 1;
  st.tieTarget[1 * st.maxTies] = 0;
  st.tieStrength[1 * st.maxTies] = 0.25;
  st.tieEnd[1] = 1;
  st.pipeTarget[0] = 0;
  st.pipeStrength[0] = 0.25;
  const c = new TickCounters();
  c.firmAccepted = 4;
  c.firmRepeat = 3;
  return { st, p, c, observer: new Observer(st, 20) };
}

describe('lock-in index', () => {
  it('is the mean of cognitive, functional and exhaustion lock-in, each as MODEL-SPEC 5 defines it', () => {
    const { st, p, c, observer } = region();
    const row = new Float64Array(TIMESERIES_COLUMNS.length);
    observer.observeInto(row, p, c, 0.4, new Rng(1, 'observe'));
    // competitiveness = sum_k c_k r_k / (sum_k c_k x max r) = (0.5 + 0.1) / (0.875 x 0.8) = 6/7
    expect(row[COL.competitiveness]).toBeCloseTo(6 / 7, 15);
    // cognitive = 1 - competitiveness
    expect(row[COL.lock_in_cognitive]).toBeCloseTo(1 / 7, 15);
    // external tie share = pipelines / (pipelines + local) = 0.25 / 1; repeat share 3/4
    expect(row[COL.external_tie_share]).toBe(0.25);
    expect(row[COL.repeat_share]).toBe(0.75);
    // functional = repeat share x (1 - external tie share) = 0.75 x 0.75
    expect(row[COL.lock_in_functional]).toBe(0.5625);
    expect(row[COL.lock_in_exhaustion]).toBe(0.4);
    expect(row[COL.lock_in_index]).toBeCloseTo((1 / 7 + 0.5625 + 0.4) / 3, 15);
    expect(row[COL.lock_in_index]).toBeCloseTo(0.3684523809523810, 15);
  });

  it('carries exhaustion over a tick without innovations (NaN), and is missing when no live firm knows anything', () => {
    const { st, p, c, observer } = region();
    const row = new Float64Array(TIMESERIES_COLUMNS.length);
    observer.observeInto(row, p, c, 0.4, new Rng(1, 'observe'));
    observer.observeInto(row, p, c, NaN, new Rng(1, 'observe'));
    expect(row[COL.lock_in_exhaustion]).toBe(0.4);
    st.knowledge.fill(0);
    observer.observeInto(row, p, c, 0.3, new Rng(1, 'observe'));
    for (const col of ['competitiveness', 'lock_in_cognitive', 'lock_in_functional', 'lock_in_exhaustion', 'lock_in_index', 'entropy', 'frontier_lag', 'diversity'] as const) expect(row[COL[col]]).toBeNaN();
    expect(row[COL.firms_alive]).toBe(2);
    expect(row[COL.tacit_mean]).toBe(0);
  });
});

describe('other measures of the firms', () => {
  it('entropy of capability shares over ln K, knowledge means, dispersion and tie strength', () => {
    const { p, c, observer } = region();
    const row = new Float64Array(TIMESERIES_COLUMNS.length);
    observer.observeInto(row, p, c, 0.4, new Rng(1, 'observe'));
    // shares 5/7 and 2/7
    const q = [5 / 7, 2 / 7];
    expect(row[COL.entropy]).toBeCloseTo(-(q[0] * Math.log(q[0]) + q[1] * Math.log(q[1])) / Math.log(4), 15);
    expect(row[COL.tacit_mean]).toBe(0.75 / 8);
    expect(row[COL.explicit_mean]).toBe(0.25 / 8);
    // tacit dispersion: mean over k of the population s.d. of T_k over live firms: (0.25 + 0.125) / 4
    expect(row[COL.tacit_dispersion]).toBeCloseTo(0.09375, 15);
    expect(row[COL.mean_tie_strength]).toBe(0.375);
    expect(row[COL.firms_alive]).toBe(2);
    // the capability's centre on the ring: atan2 of (0.25, 0.625) in domain units, lag from mu = 0
    expect(row[COL.frontier_lag]).toBeCloseTo((Math.atan2(0.25, 0.625) / (2 * Math.PI)) * 4, 14);
  });
});

describe('resident skill', () => {
  it('is the mean over residents of sum_k (T + phi E) r_k, by hand', () => {
    // Two firms, three residents (2, 3, 4), K = 4, phi = 0.5, relevance (1, 0.5, 0, 0):
    // resident 2: (0.5 + 0.5 * 0.25) * 1 + 0 = 0.625; resident 3: (0 + 0.5 * 0.5) * 0.5 = 0.125;
    // resident 4: 0. Mean 0.75 / 3 = 0.25.
    const { st, p } = bareWorld(tinyScenario({ knowledge: { phi: 0.5 } }, 2, 3, 4));
    st.knowledge.fill(0);
    st.relevance.set([1, 0.5, 0, 0]);
    st.setTacitAt(4, 2, 0.75); // relevance 0: adds nothing
    st.setTacitAt(2, 0, 0.5);
    st.setExplicitAt(2, 0, 0.25);
    st.setExplicitAt(3, 1, 0.5);
    st.setTacitAt(0, 0, 1); // a firm: not a resident, not counted
    expect(meanResidentSkill(st, p)).toBe(0.25);
  });

  it.each([['SIMD kernel', '1'], ['JavaScript loop', '0']])('the %s equals the plain reference to the last bit, for 0 to 9 residents', (_, simd) => {
    process.env.LRSIM_SIMD = simd;
    const u = fc.integer({ min: 0, max: 1 << 30 }).map((n) => n / (1 << 30));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 4, max: 7 }), u, fc.array(u, { minLength: 9 * 7 * 2 + 7, maxLength: 9 * 7 * 2 + 7 }), (R, K, phi, v) => {
        const { st, p } = bareWorld(tinyScenario({ knowledge: { phi } }, 1, R, K));
        expect(st.simd === null).toBe(simd === '0');
        for (let i = st.firstResident, n = 0; i < st.N; i++)
          for (let k = 0; k < K; k++) {
            st.setTacitAt(i, k, v[n++]);
            st.setExplicitAt(i, k, v[n++]);
          }
        for (let k = 0; k < K; k++) st.relevance[k] = v[v.length - 1 - k];
        expect(meanResidentSkill(st, p)).toBe(meanResidentSkillReference(st, p));
      }),
      { numRuns: 300, seed: 20 },
    );
    delete process.env.LRSIM_SIMD;
  });
});
