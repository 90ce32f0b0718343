import { describe, expect, it } from 'vitest';
import { AliasTables } from '../../src/model/alias';
import { Rng } from '../../src/model/rng';
import { bumpInto, ringDistance, wrap } from '../../src/model/ring';
import { ScenarioSchema } from '../../src/scenario/schema';
import { Simulation } from '../../src/model/simulation';
import { accumulateAtypicalityInPlace } from '../../src/model/firm-log';
import { exchangeInPlace, Meeting, recordExchange } from '../../src/model/exchange';
import { capInPlace, cognitiveProximity, relatednessInto, understandability } from '../../src/model/knowledge';
import { explicitAt, setExplicit, setTacit, tacitAt } from './knowledge-flat';

/** A tiny world whose first agents' knowledge a test can set by hand. */
function tiny() {
  const s = ScenarioSchema.parse({ agents: { firms: 4, residents: 4, institutions: { university: 1, research_institute: 0, government: 0, intermediary: 0, cultural: 0 } }, knowledge: { domains: 8 } });
  const sim = new Simulation(s, 1);
  sim.state.knowledge.fill(0);
  return sim;
}

describe('ring', () => {
  it('measures ring distance and wraps positions', () => {
    expect(ringDistance(0, 23, 24)).toBe(1);
    expect(ringDistance(2.5, 20, 24)).toBe(6.5);
    expect(ringDistance(5, 5, 24)).toBe(0);
    expect(wrap(-1, 24)).toBe(23);
    expect(wrap(25.5, 24)).toBe(1.5);
  });
  it('writes a Gaussian bump', () => {
    const out = new Float64Array(8);
    bumpInto(out, 0, 8, 0, 1, 2);
    expect(out[0]).toBe(2);
    expect(out[1]).toBeCloseTo(2 * Math.exp(-0.5), 15);
    expect(out[7]).toBeCloseTo(out[1], 15);
  });
});

describe('rng', () => {
  it('is a deterministic stream per (seed, name)', () => {
    const a = new Rng(7, 'dynamics');
    const b = new Rng(7, 'dynamics');
    const c = new Rng(7, 'world');
    const xs = [a.random(), a.random(), a.random()];
    expect([b.random(), b.random(), b.random()]).toEqual(xs);
    expect(c.random()).not.toBe(xs[0]);
    expect(new Rng(7, 'dynamics').random()).toBe(0.6928148947190493);
  });
  it('draws geometric skips with the right mean', () => {
    const r = new Rng(3, 'skip');
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += r.skip(0.2);
    expect(sum / 20000).toBeGreaterThan(3.8); // mean (1 - p) / p = 4
    expect(sum / 20000).toBeLessThan(4.2);
    expect(r.skip(0)).toBe(Infinity);
    expect(r.skip(1)).toBe(0);
  });
});

describe('alias tables', () => {
  it('sample in proportion to the weights and never from an empty row', () => {
    const t = new AliasTables(2, 4);
    t.build(0, [1, 0, 3, 4]);
    t.build(1, [0, 0, 0, 0]);
    const rng = new Rng(1, 'alias');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 80000; i++) counts[t.sample(0, rng)]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 80000).toBeCloseTo(0.125, 2);
    expect(counts[2] / 80000).toBeCloseTo(0.375, 2);
    expect(counts[3] / 80000).toBeCloseTo(0.5, 2);
    expect(t.sample(1, rng)).toBe(-1);
  });
});

describe('knowledge kernels', () => {
  it('cognitive proximity is the cosine of the profiles T + E', () => {
    const sim = tiny();
    const st = sim.state;
    setTacit(st, [1, 0, 0, 0, 0, 0, 0, 0], 0);
    setTacit(st, [1, 1, 0, 0, 0, 0, 0, 0], 8);
    const maxima = { maxI: 0, maxJ: 0 };
    expect(cognitiveProximity(st, 0, 1, maxima)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(maxima).toEqual({ maxI: 1, maxJ: 1 });
    expect(understandability(1, 0.7)).toBe(1);
    expect(understandability(0.3, 0.7)).toBe(0);
    expect(understandability(0.65, 0.7)).toBeCloseTo(0.5, 12);
  });

  it('relatedness weights follow the neighbourhood maximum', () => {
    const sim = tiny();
    const st = sim.state;
    setTacit(st, [0.5, 0, 0, 0, 0, 0, 0, 0.25], 0);
    const w = new Float64Array(8);
    relatednessInto(st, sim.params, 0, w);
    // floor 0.01, a = 2: w_k = 0.01 + 0.99 (max(x_{k-1}, x_k, x_{k+1}) / 0.5)^2
    expect(w[0]).toBeCloseTo(1, 12);
    expect(w[1]).toBeCloseTo(1, 12);
    expect(w[2]).toBeCloseTo(0.01, 12);
    expect(w[6]).toBeCloseTo(0.01 + 0.99 * 0.25, 12);
  });

  it('the exchange rule moves each partner towards the other where the other is higher (exact values)', () => {
    const sim = tiny();
    const st = sim.state;
    const p = sim.params;
    setTacit(st, [0.4, 0.2, 0, 0, 0, 0, 0, 0], 0);
    setTacit(st, [0.2, 0.4, 0, 0, 0, 0, 0, 0], 8);
    st.absorptive[0] = 1;
    st.absorptive[1] = 0.5;
    const m = new Meeting();
    const kappa = cognitiveProximity(st, 0, 1, m); // 0.8
    const flows = new Float64Array(12);
    if (exchangeInPlace(st, p, m.pair(0, 1, kappa, 0))) recordExchange(st, flows, m);
    const e = 1 - (1 - 0.8) / 0.7;
    // i gains in domain 1: rho 0.3 * A 1 * e * w 1 * gap 0.2
    expect(tacitAt(st, 1)).toBeCloseTo(0.2 + 0.3 * e * 0.2, 6);
    expect(tacitAt(st, 0)).toBeCloseTo(0.4, 6);
    // j gains in domain 0 at half the absorptive capacity
    expect(tacitAt(st, 8)).toBeCloseTo(0.2 + 0.3 * 0.5 * e * 0.2, 6);
    expect(flows[0]).toBeCloseTo(0.3 * e * 0.2 * 1.5, 6);
  });

  it('rescales proportionally when knowledge exceeds capacity', () => {
    const sim = tiny();
    const st = sim.state;
    setTacit(st, new Array(8).fill(1), 0);
    setExplicit(st, new Array(8).fill(0.5), 0); // sum 12 > firm capacity 6
    capInPlace(st, sim.params, 0);
    let sum = 0;
    for (let k = 0; k < 8; k++) sum += tacitAt(st, k) + explicitAt(st, k);
    expect(sum).toBeCloseTo(6, 5);
    expect(tacitAt(st, 0) / explicitAt(st, 0)).toBeCloseTo(2, 6);
  });
});

describe('firm atypicality (firms.csv, fact 1b)', () => {
  it('adds 1 - cos(x_i, sum of the other live firms\' x) per live firm, with x = T + E (the profile of cognitive proximity)', () => {
    const sim = tiny();
    const st = sim.state;
    const K = st.K;
    // Firms 0 and 1 in domain 0, firm 2 in domain 1 (explicit only), firm 3 not alive.
    st.setTacitAt(0, 0, 1);
    st.setTacitAt(1, 0, 0.5);
    st.setExplicitAt(2, 1, 1);
    st.alive[3] = 0;
    st.atypicalitySum.fill(0);
    st.atypicalityTicks.fill(0);
    accumulateAtypicalityInPlace(st, new Float64Array(K));
    // Firm 0 against the others' sum (0.5, 1): cos = 0.5 / sqrt(1.25).
    expect(st.atypicalitySum[0]).toBeCloseTo(1 - 0.5 / Math.sqrt(1.25), 12);
    // Firm 1 against (1, 1): cos = 1 / sqrt(2).
    expect(st.atypicalitySum[1]).toBeCloseTo(1 - 1 / Math.sqrt(2), 12);
    expect(st.atypicalitySum[2]).toBeCloseTo(1, 12); // nothing in common with the others
    expect(st.atypicalitySum[3]).toBe(0);
    expect([...st.atypicalityTicks]).toEqual([1, 1, 1, 0]);
  });
});
