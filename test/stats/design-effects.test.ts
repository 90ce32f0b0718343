/**
 * designEffects on hand-built runs: which analysis runs for which design, the notes when
 * none can, how levels are ordered, and how each estimator's output becomes a row. The
 * estimators themselves (factorialEffects, pairedShareContrast, standardizedRegression,
 * partialRankCorrelation, partialDependence) are checked against R and statsmodels in their
 * own tests; here each row is compared with the estimator called by hand on the cells or
 * columns the design implies, so wrong wiring (a cell, sign, coefficient or field) fails.
 */
import { describe, expect, it } from 'vitest';
import { BINARY_OUTCOMES, designEffects, effectScale, SHARE_INTERACTION_METHOD } from '../../src/stats/design-effects';
import { factorialEffects } from '../../src/stats/factorial';
import { partialDependence, partialRankCorrelation, standardizedRegression } from '../../src/stats/regression-sensitivity';
import { pairedShareContrast, shareContrast } from '../../src/stats/share-contrast';
import { outcomeRange } from '../../src/stats/outcome-range';
import type { RunRow } from '../../src/stats/run-rows';

function run(point: number, arm: string, seed: number, params: Record<string, unknown>, outcomes: Record<string, number>): RunRow {
  return { key: `${point}.${arm}.${seed}`, point, arm, armIndex: arm === 'baseline' ? 0 : 1, replicate: seed, seed, params, outcomes, degenerate: null };
}

describe('effectScale', () => {
  it('is probability for 0/1 outcomes, log for positive value outcomes, identity otherwise', () => {
    expect([...BINARY_OUTCOMES]).toEqual(['locked_in', 'resilience_censored', 'equilibrium_reached', 'frozen']);
    expect(effectScale('locked_in', [2, 3])).toBe('probability');
    expect(effectScale('frozen', [])).toBe('probability');
    for (const o of ['innovation_value_late', 'innovation_value_total', 'innovations_total']) expect(effectScale(o, [1, 2, NaN])).toBe('log');
    expect(effectScale('innovation_value_late', [1, 0])).toBe('identity');
    expect(effectScale('innovation_value_late', [1, -2])).toBe('identity');
    expect(effectScale('innovation_value_late', [NaN])).toBe('identity');
    expect(effectScale('innovation_value_late', [])).toBe('identity');
    expect(effectScale('diversity_final', [1, 2])).toBe('identity');
  });
});

describe('designEffects: when nothing can be estimated', () => {
  const runs = [run(0, 'baseline', 1, { a: 1 }, { diversity_final: 1 }), run(0, 'baseline', 2, { a: 1 }, { diversity_final: 2 }), run(0, 'baseline', 3, { a: 1 }, { diversity_final: 4 })];
  it('says so when no parameter is swept', () => {
    const e = designEffects(runs, [], ['baseline'], 'grid', ['diversity_final']);
    expect(e).toEqual({ kind: 'none', note: 'The sweep varies no parameter, so no parameter effect is estimated.', outcomes: ['diversity_final'], mainEffects: [], interactions: [], models: {}, regression: [], dependence: [] });
  });
  it('says so when every swept parameter of a grid has one level', () => {
    const e = designEffects(runs, ['a'], ['baseline'], 'grid', ['diversity_final']);
    expect(e.kind).toBe('factorial');
    expect(e.note).toBe('Every swept parameter has a single level, so no parameter effect is estimated.');
    expect(e.models).toEqual({});
  });
  it('says so when no parameter of a continuous design takes two numeric values', () => {
    const mixed = [run(0, 'baseline', 1, { a: 1, b: 'x' }, { diversity_final: 1 }), run(1, 'baseline', 2, { a: 1, b: 0.5 }, { diversity_final: 2 })];
    const e = designEffects(mixed, ['a', 'b'], ['baseline'], 'lhs', ['diversity_final']);
    expect(e.kind).toBe('regression');
    expect(e.note).toBe('No swept parameter takes two or more numeric values, so no regression is fitted.');
    expect(e.regression).toEqual([]);
  });
});

describe('designEffects on a grid of a continuous outcome', () => {
  // Two factors (x numeric, given out of order; m a string), two arms on common seeds.
  const runs: RunRow[] = [];
  let seed = 0;
  for (const x of [10, 2]) for (const m of ['b', 'a']) {
    for (let r = 0; r < 3; r++) {
      seed++;
      for (const arm of ['baseline', 'cluster']) {
        const value = 1 + 0.1 * x + (m === 'a' ? 0.5 : 0) + (arm === 'cluster' ? 0.3 : 0) + 0.05 * ((seed * 7) % 5) + (arm === 'cluster' ? 0.01 * r : 0);
        runs.push(run(x, arm, seed, { x, m }, { innovation_value_late: value, diversity_final: value - 3 }));
      }
    }
  }
  const gridOf = () => designEffects(runs, ['x', 'm'], ['baseline', 'cluster'], 'grid', ['innovation_value_late', 'diversity_final']);
  const factors = [{ name: 'x', levels: ['2', '10'] }, { name: 'm', levels: ['b', 'a'] }, { name: 'arm', levels: ['baseline', 'cluster'] }];
  const rowsOf = (outcome: string) => runs.map((r) => ({ levels: { x: String(r.params.x), m: String(r.params.m), arm: r.arm }, y: r.outcomes[outcome], cluster: r.seed }));

  it('orders numeric levels by value and string levels as first seen, the first the reference', () => {
    const e = gridOf();
    expect(e.kind).toBe('factorial');
    expect(e.note).toBe('');
    expect(e.mainEffects.map((m) => [m.outcome, m.parameter, m.level, m.reference])).toEqual([
      ['innovation_value_late', 'x', '10', '2'], ['innovation_value_late', 'm', 'a', 'b'],
      ['diversity_final', 'x', '10', '2'], ['diversity_final', 'm', 'a', 'b'],
    ]);
  });

  it('gives the fit of the two-way model with arms as a factor, on the log scale for a positive value outcome', () => {
    const e = gridOf();
    const fit = factorialEffects(rowsOf('innovation_value_late'), factors, { scale: 'log' });
    expect(e.models.innovation_value_late).toEqual({ model: fit.model, r2: fit.r2, n: 24, dropped: fit.dropped, clusters: fit.clusters });
    expect(fit.clusters).toBe(12); // two arms share each point and replicate's seed
    const mains = fit.mainEffects.filter((m) => m.factor !== 'arm');
    expect(mains).toHaveLength(2);
    expect(e.mainEffects.filter((m) => m.outcome === 'innovation_value_late')).toEqual(mains.map((m) => ({
      outcome: 'innovation_value_late', parameter: m.factor, level: m.level, reference: m.reference, scale: 'log',
      estimate: m.estimate, lo: m.lo, hi: m.hi, p: m.p, df: m.df, rel: Math.expm1(m.estimate), relLo: Math.expm1(m.lo), relHi: Math.expm1(m.hi), n: 24,
      averagedOver: m.factor === 'x' ? ['m', 'arm'] : ['x', 'arm'],
    })));
    // The level effect of x: 0.1 x 8 on the level scale, a log ratio of about 0.25 here.
    expect(e.mainEffects[0].estimate).toBeGreaterThan(0.2);
    expect(e.interactions.filter((i) => i.outcome === 'innovation_value_late')).toEqual(fit.interactions.map((i) => ({
      outcome: 'innovation_value_late', parameterA: i.a, parameterB: i.b, scale: 'log', F: i.F, df1: i.df1, df2: i.df2, p: i.p, size: i.maxAbsDeviation, n: 24, method: i.method,
    })));
    expect(e.interactions.filter((i) => i.outcome === 'innovation_value_late')).toHaveLength(3);
  });

  it('fits an outcome with values <= 0 on the identity scale, without relative changes', () => {
    const e = gridOf();
    const fit = factorialEffects(rowsOf('diversity_final'), factors, { scale: 'identity' });
    const mains = e.mainEffects.filter((m) => m.outcome === 'diversity_final');
    expect(mains.map((m) => [m.scale, m.estimate, m.lo, m.hi, m.p])).toEqual(fit.mainEffects.filter((m) => m.factor !== 'arm').map((m) => ['identity', m.estimate, m.lo, m.hi, m.p]));
    // Balanced grid: the EMM difference is the difference of raw means, 0.1 x (10 - 2) plus
    // the noise 0.05 ((7 s) mod 5): sum 12 over x = 10's seeds 1-6, 14 over x = 2's seeds 7-12.
    expect(mains[0].estimate).toBeCloseTo(0.8 + (0.05 * (12 - 14)) / 6, 10);
    for (const m of mains) expect([m.rel, m.relLo, m.relHi]).toEqual([NaN, NaN, NaN]);
  });

  it('needs three runs with a finite value, and leaves out runs without one', () => {
    const few = runs.slice(0, 8).map((r, i) => ({ ...r, outcomes: { diversity_final: i < 3 ? r.outcomes.diversity_final : NaN } }));
    const three = designEffects(few.map((r) => ({ ...r, params: { x: r.seed % 2 } })), ['x'], ['baseline'], 'grid', ['diversity_final']);
    expect(three.models.diversity_final?.n).toBe(3);
    const two = designEffects(few.map((r, i) => ({ ...r, params: { x: r.seed % 2 }, outcomes: { diversity_final: i < 2 ? 1 + i : NaN } })), ['x'], ['baseline'], 'grid', ['diversity_final']);
    expect(two.models).toEqual({});
    expect(two.mainEffects).toEqual([]);
  });
});

describe('designEffects on a grid of a 0/1 outcome (shares)', () => {
  it('without arms: the difference of the two cells\' shares, independent cells (Agresti-Caffo)', () => {
    // Level 0 on seeds 1-4: 1, 1, 0, 0; level 1 on seeds 5-8: 1, 0, 0, 0.
    const ys = [1, 1, 0, 0, 1, 0, 0, 0];
    const runs = ys.map((y, i) => run(i < 4 ? 0 : 1, 'default', i + 1, { p: i < 4 ? 0 : 1 }, { locked_in: y }));
    const e = designEffects(runs, ['p'], ['default'], 'grid', ['locked_in']);
    const c = shareContrast([{ successes: 1, n: 4, coef: 1 }, { successes: 2, n: 4, coef: -1 }]);
    expect(e.models.locked_in).toEqual({ model: 'shares', r2: NaN, n: 8, dropped: 0 });
    expect(e.mainEffects).toEqual([{ outcome: 'locked_in', parameter: 'p', level: '1', reference: '0', scale: 'probability', estimate: -0.25, lo: c.lo, hi: c.hi, p: c.p, df: NaN, rel: NaN, relLo: NaN, relHi: NaN, n: 8, averagedOver: [] }]);
    expect(e.interactions).toEqual([]);
  });

  // Two points (p = 0, 1) x two arms on the seeds of their point: arms paired within a point.
  const cells: Record<string, number[]> = {
    '0|baseline': [1, 1, 0, 0, 1], '0|cluster': [1, 0, 0, 0, 1],
    '1|baseline': [0, 0, 0, 1, 0], '1|cluster': [1, 1, 1, 1, 0],
  };
  const runs: RunRow[] = [];
  for (const [cell, ys] of Object.entries(cells)) {
    const [p, arm] = cell.split('|');
    ys.forEach((y, s) => runs.push(run(Number(p), arm, 10 * Number(p) + s, { p: Number(p) }, { locked_in: y === 1 ? 0.9 : 0.2 })));
  }
  const sharesOf = () => designEffects(runs, ['p'], ['baseline', 'cluster'], 'grid', ['locked_in']);

  it('with arms: the main effect averages over arms, each point\'s arms paired on its seeds', () => {
    const e = sharesOf();
    const c = pairedShareContrast([
      { coefs: [0.5, 0.5], rows: cells['1|baseline'].map((v, s) => [v, cells['1|cluster'][s]]) },
      { coefs: [-0.5, -0.5], rows: cells['0|baseline'].map((v, s) => [v, cells['0|cluster'][s]]) },
    ]);
    expect(e.mainEffects).toEqual([{ outcome: 'locked_in', parameter: 'p', level: '1', reference: '0', scale: 'probability', estimate: c.estimate, lo: c.lo, hi: c.hi, p: c.p, df: NaN, rel: NaN, relLo: NaN, relHi: NaN, n: 20, averagedOver: ['arm'] }]);
    // (0.2 + 0.8) / 2 - (0.6 + 0.4) / 2 = 0
    expect(c.estimate).toBeCloseTo(0, 12);
  });

  it('with arms: the interaction is the difference of the arms\' differences, signed', () => {
    const e = sharesOf();
    const c = pairedShareContrast([
      { coefs: [1, -1], rows: cells['0|baseline'].map((v, s) => [v, cells['0|cluster'][s]]) },
      { coefs: [-1, 1], rows: cells['1|baseline'].map((v, s) => [v, cells['1|cluster'][s]]) },
    ]);
    // (0.6 - 0.4) - (0.2 - 0.8) = 0.8
    expect(c.estimate).toBeCloseTo(0.8, 12);
    expect(e.interactions).toEqual([{ outcome: 'locked_in', parameterA: 'p', parameterB: 'arm', scale: 'probability', F: NaN, df1: NaN, df2: NaN, p: c.p, size: c.estimate, n: 20, lo: c.lo, hi: c.hi, method: 'adjusted-wald-largest' }]);
    expect(SHARE_INTERACTION_METHOD).toBe('adjusted-wald-largest');
  });

  it('keeps the largest interaction contrast of a factor with three levels, and its sign', () => {
    // Level shares by arm: q = 0: 0.5 / 0.5; q = 1: 0.5 / 0.5; q = 2: 0 / 1 (the largest, -1 signed as below).
    const levels: Record<number, [number[], number[]]> = { 0: [[1, 0], [0, 1]], 1: [[1, 0], [1, 0]], 2: [[0, 0], [1, 1]] };
    const rs: RunRow[] = [];
    for (const [q, [base, clus]] of Object.entries(levels)) {
      base.forEach((y, s) => rs.push(run(Number(q), 'baseline', 100 * Number(q) + s, { q: Number(q) }, { locked_in: y })));
      clus.forEach((y, s) => rs.push(run(Number(q), 'cluster', 100 * Number(q) + s, { q: Number(q) }, { locked_in: y })));
    }
    const fx = designEffects(rs, ['q'], ['baseline', 'cluster'], 'grid', ['locked_in']);
    expect(fx.mainEffects.map((m) => [m.level, m.reference])).toEqual([['1', '0'], ['2', '0']]);
    const pair = (a: number, b: number) => pairedShareContrast([
      { coefs: [1, -1], rows: levels[a][0].map((v, s) => [v, levels[a][1][s]]) },
      { coefs: [-1, 1], rows: levels[b][0].map((v, s) => [v, levels[b][1][s]]) },
    ]);
    // (q0, q2): (0.5 - 0.5) - (0 - 1) = 1; (q1, q2): (0.5 - 0.5) - (0 - 1) = 1 (not larger: the first is kept); (q0, q1): 0.
    expect(pair(0, 1).estimate).toBeCloseTo(0, 12);
    expect(pair(0, 2).estimate).toBeCloseTo(1, 12);
    const best = pair(0, 2);
    expect(fx.interactions).toHaveLength(1);
    expect(fx.interactions[0]).toMatchObject({ parameterA: 'q', parameterB: 'arm', size: best.estimate, lo: best.lo, hi: best.hi, p: best.p });
  });

  it('treats the arms of a point that share no seed as independent cells', () => {
    // Point 0's arms ran on different seeds (no pair): each cell is its own group.
    const rs = [
      ...[1, 0, 1].map((y, s) => run(0, 'baseline', s, { p: 0 }, { locked_in: y })),
      ...[0, 0, 1].map((y, s) => run(0, 'cluster', 50 + s, { p: 0 }, { locked_in: y })),
      ...[1, 1, 1].map((y, s) => run(1, 'baseline', 10 + s, { p: 1 }, { locked_in: y })),
      ...[1, 0, 1].map((y, s) => run(1, 'cluster', 10 + s, { p: 1 }, { locked_in: y })),
    ];
    const fx = designEffects(rs, ['p'], ['baseline', 'cluster'], 'grid', ['locked_in']);
    const c = pairedShareContrast([
      { coefs: [0.5, 0.5], rows: [[1, 1], [1, 0], [1, 1]] },
      { coefs: [-0.5], rows: [[1], [0], [1]] },
      { coefs: [-0.5], rows: [[0], [0], [1]] },
    ]);
    expect(fx.mainEffects[0]).toMatchObject({ estimate: c.estimate, lo: c.lo, hi: c.hi, p: c.p });
    // Not the same as pairing point 0's cells on rank order.
    const wrong = pairedShareContrast([
      { coefs: [0.5, 0.5], rows: [[1, 1], [1, 0], [1, 1]] },
      { coefs: [-0.5, -0.5], rows: [[1, 0], [0, 0], [1, 1]] },
    ]);
    expect(wrong.lo).not.toBeCloseTo(c.lo, 6);
  });

  it('leaves a seed out of a pair when one arm has no run on it, and an empty cell out of the contrast', () => {
    const rs = [
      ...[1, 0, 1, 1].map((y, s) => run(0, 'baseline', s, { p: 0 }, { locked_in: y })),
      ...[0, 0, 1].map((y, s) => run(0, 'cluster', s, { p: 0 }, { locked_in: y })), // seed 3 missing
      ...[1, 1, 0, 1].map((y, s) => run(1, 'baseline', 10 + s, { p: 1 }, { locked_in: y })),
    ];
    const fx = designEffects(rs, ['p'], ['baseline', 'cluster'], 'grid', ['locked_in']);
    const c = pairedShareContrast([
      { coefs: [0.5], rows: [[1], [1], [0], [1]] },
      { coefs: [-0.5, -0.5], rows: [[1, 0], [0, 0], [1, 1]] },
    ]);
    expect(fx.mainEffects[0]).toMatchObject({ estimate: c.estimate, lo: c.lo, hi: c.hi, p: c.p });
  });
});

describe('designEffects on a continuous design', () => {
  // Two numeric parameters, one string parameter (left out), one constant (left out).
  const runs: RunRow[] = [];
  for (let i = 0; i < 12; i++) {
    const a = ((i * 5) % 12) / 11;
    const b = ((i * 7) % 12) / 11;
    for (const arm of ['baseline', 'cluster']) {
      const y = 2 + 3 * a - b + (arm === 'cluster' ? 0.5 * a : 0) + 0.1 * (((i * 3) % 7) - 3);
      runs.push(run(i, arm, 100 + i, { a, b, mode: 'x', c: 1 }, { diversity_final: y, flat: 1, innovation_value_late: y * 10 }));
    }
  }
  const effectsOf = () => designEffects(runs, ['a', 'mode', 'b', 'c'], ['baseline', 'cluster'], 'lhs', ['diversity_final', 'flat']);

  it('fits SRC, PRCC and partial dependence per arm on the numeric parameters that vary', () => {
    const e = effectsOf();
    expect(e.kind).toBe('regression');
    expect(e.note).toBe('');
    for (const arm of ['baseline', 'cluster']) {
      const mine = runs.filter((r) => r.arm === arm);
      const X = mine.map((r) => [r.params.a as number, r.params.b as number]);
      const y = mine.map((r) => r.outcomes.diversity_final);
      const src = standardizedRegression(X, y, ['a', 'b']);
      const prcc = partialRankCorrelation(X, y, ['a', 'b']);
      expect(e.regression.filter((r) => r.arm === arm)).toEqual([
        ...src.coefficients.map((c) => ({ outcome: 'diversity_final', arm, parameter: c.parameter, method: 'src', estimate: c.src, lo: c.lo, hi: c.hi, p: (c as { p?: number }).p ?? NaN, r2: src.r2, n: 12 })),
        ...prcc.coefficients.map((c) => ({ outcome: 'diversity_final', arm, parameter: c.parameter, method: 'prcc', estimate: c.prcc, lo: c.lo, hi: c.hi, p: c.p, r2: src.r2, n: 12 })),
      ]);
      expect(e.dependence.filter((d) => d.arm === arm)).toEqual(['a', 'b'].flatMap((p, j) => partialDependence(X.map((x) => x[j]), y, 8, outcomeRange('diversity_final')).map((b) => ({ outcome: 'diversity_final', arm, parameter: p, ...b }))));
    }
    expect(e.regression.map((r) => r.parameter)).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    // An outcome with one value has nothing to explain.
    expect(e.regression.some((r) => r.outcome === 'flat')).toBe(false);
  });

  it('pools every run under arm "" when there are no arms', () => {
    const only = runs.filter((r) => r.arm === 'baseline');
    const pooled = designEffects(only, ['a', 'b'], [], 'sobol', ['diversity_final']);
    expect(pooled.regression.map((r) => r.arm)).toEqual(['', '', '', '']);
    expect(pooled.regression[0].n).toBe(12);
    expect(pooled.dependence.every((d) => d.arm === '')).toBe(true);
  });

  it('needs at least (parameters + 3) runs with a finite value', () => {
    const five = runs.filter((r) => r.arm === 'baseline').slice(0, 5);
    expect(designEffects(five, ['a', 'b'], [], 'lhs', ['diversity_final']).regression).toHaveLength(4);
    const withNaN = five.map((r, i) => (i === 0 ? { ...r, outcomes: { diversity_final: NaN } } : r));
    const four = designEffects(withNaN, ['a', 'b'], [], 'lhs', ['diversity_final']);
    expect(four.regression).toEqual([]);
    expect(four.dependence).toEqual([]);
  });
});

describe('designEffects on 0/1 outcomes: cells, points and contrasts by hand', () => {
  it('keeps cells and points apart when level names run together ("1" + "11" and "11" + "1")', () => {
    // Four points on the same seeds 1-4, x and y in {1, 11}; y = 1 at (11, 1) on all seeds, else on seed 1 only.
    const rs: RunRow[] = [];
    let point = 0;
    for (const x of [1, 11]) for (const y of [1, 11]) {
      for (let s = 1; s <= 4; s++) rs.push(run(point, 'default', s, { x: String(x), y: String(y) }, { locked_in: (x === 11 && y === 1) || s === 1 ? 1 : 0 }));
      point++;
    }
    const fx = designEffects(rs, ['x', 'y'], ['default'], 'grid', ['locked_in']);
    // Main effect of x: ((1 - 0.25) + (0.25 - 0.25)) / 2 = 0.375, each cell its own (independent) group.
    const c = pairedShareContrast([
      { coefs: [0.5], rows: [[1], [1], [1], [1]] },
      { coefs: [-0.5], rows: [[1], [0], [0], [0]] },
      { coefs: [0.5], rows: [[1], [0], [0], [0]] },
      { coefs: [-0.5], rows: [[1], [0], [0], [0]] },
    ]);
    expect(c.estimate).toBeCloseTo(0.375, 12);
    expect(fx.mainEffects[0]).toMatchObject({ parameter: 'x', level: '11', reference: '1', estimate: c.estimate, lo: c.lo, hi: c.hi, p: c.p });
    // Interaction x:y: (0.25 - 1) - (0.25 - 0.25) = -0.75 (signed).
    expect(fx.interactions).toHaveLength(1);
    expect(fx.interactions[0].size).toBeCloseTo(-0.75, 12);
  });

  it('counts a value of exactly 0.5 as 1', () => {
    const rs = [0.5, 0.49, 0.5, 0.49, 0, 0, 0, 0].map((y, i) => run(i < 4 ? 0 : 1, 'default', i, { p: i < 4 ? 0 : 1 }, { locked_in: y }));
    expect(designEffects(rs, ['p'], ['default'], 'grid', ['locked_in']).mainEffects[0].estimate).toBe(-0.5);
  });

  it('gives an interaction of 0 when the arms differ equally at every level (not a plain difference of two cells)', () => {
    // p(x, arm): baseline 1 at both levels, cluster 0 at both: interaction (1 - 0) - (1 - 0) = 0.
    const rs: RunRow[] = [];
    for (const x of [0, 1]) for (const arm of ['baseline', 'cluster']) for (let s = 0; s < 3; s++) rs.push(run(x, arm, 10 * x + s, { x }, { locked_in: arm === 'baseline' ? 1 : 0 }));
    const fx = designEffects(rs, ['x'], ['baseline', 'cluster'], 'grid', ['locked_in']);
    expect(fx.interactions.map((i) => [i.parameterA, i.parameterB, i.size])).toEqual([['x', 'arm', 0]]);
  });

  it('averages each interaction over the levels of the third factor', () => {
    // x, y in {0, 1} (points), arms a, b on each point's seeds 1-2. Shares p(x, y, arm) below.
    const share: Record<string, [number, number]> = { '0,0': [1, 0.5], '1,0': [0, 0.5], '0,1': [0.5, 1], '1,1': [1, 0] };
    const rs: RunRow[] = [];
    let point = 0;
    for (const [cell, [pa, pb]] of Object.entries(share)) {
      const [x, y] = cell.split(',').map(Number);
      for (let s = 1; s <= 2; s++) {
        rs.push(run(point, 'a', 10 * point + s, { x, y }, { locked_in: s <= 2 * pa ? 1 : 0 }));
        rs.push(run(point, 'b', 10 * point + s, { x, y }, { locked_in: s <= 2 * pb ? 1 : 0 }));
      }
      point++;
    }
    const fx = designEffects(rs, ['x', 'y'], ['a', 'b'], 'grid', ['locked_in']);
    const p = (x: number, y: number, arm: number) => share[`${x},${y}`][arm];
    const inter = (f: (l1: number, l2: number, l3: number) => number) => ((f(0, 0, 0) - f(1, 0, 0) - f(0, 1, 0) + f(1, 1, 0)) + (f(0, 0, 1) - f(1, 0, 1) - f(0, 1, 1) + f(1, 1, 1))) / 2;
    // x:y over arms: ((1 - 0 - 0.5 + 1) + (0.5 - 0.5 - 1 + 0)) / 2 = 0.25;
    // x:arm over y: ((1 - 0 - 0.5 + 0.5) + (0.5 - 1 - 1 + 0)) / 2 = -0.25;
    // y:arm over x: ((1 - 0.5 - 0.5 + 1) + (0 - 1 - 0.5 + 0)) / 2 = -0.25.
    const expected = [
      ['x', 'y', inter((i, j, k) => p(i, j, k))],
      ['x', 'arm', inter((i, j, k) => p(i, k, j))],
      ['y', 'arm', inter((i, j, k) => p(k, i, j))],
    ];
    expect(expected.map((e) => e[2])).toEqual([0.25, -0.25, -0.25]);
    expect(fx.interactions.map((i) => [i.parameterA, i.parameterB, i.size])).toEqual(expected);
    expect(fx.mainEffects.map((m) => [m.parameter, m.estimate, m.averagedOver])).toEqual([
      ['x', ((0 + 0.5 + 1 + 0) - (1 + 0.5 + 0.5 + 1)) / 4, ['y', 'arm']],
      ['y', ((0.5 + 1 + 1 + 0) - (1 + 0.5 + 0 + 0.5)) / 4, ['x', 'arm']],
    ]);
  });
});

describe('designEffects on a continuous design: the smallest cases', () => {
  it('fits a parameter with two values and an outcome with two values', () => {
    const rs = [0, 1, 2, 3, 4, 5].map((i) => run(i, 'default', i, { a: i % 2, b: i }, { diversity_final: i < 3 ? 1 : 2 }));
    const fx = designEffects(rs, ['a', 'b'], [], 'lhs', ['diversity_final']);
    expect(fx.regression.filter((r) => r.method === 'src').map((r) => r.parameter)).toEqual(['a', 'b']);
    const X = rs.map((r) => [r.params.a as number, r.params.b as number]);
    const src = standardizedRegression(X, rs.map((r) => r.outcomes.diversity_final), ['a', 'b']);
    expect(fx.regression[0].estimate).toBe(src.coefficients[0].src);
  });
});

describe('designEffects: level order', () => {
  it('keeps levels of mixed numbers and text in first-seen order (sorts only all-number levels)', () => {
    const rs = [10, 10, 2, 2, 'x', 'x'].map((v, i) => run(i >> 1, 'default', i, { v }, { locked_in: i % 2 }));
    expect(designEffects(rs, ['v'], ['default'], 'grid', ['locked_in']).mainEffects.map((m) => [m.reference, m.level])).toEqual([['10', '2'], ['10', 'x']]);
    const numbers = rs.slice(0, 4);
    expect(designEffects(numbers, ['v'], ['default'], 'grid', ['locked_in']).mainEffects.map((m) => [m.reference, m.level])).toEqual([['2', '10']]);
  });
});
