/**
 * firmCurves on hand-written firm tables: which firms are compared (alive at the end, born
 * before the late window, learning from someone in it), where the late window starts
 * (ticks - observe.window after point and arm overrides), the per-run quadratic term (at
 * least 10 firms on 3 distinct distances) and the bins of partner distance.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRM_BINS, firmCurves } from '../../src/stats/firm-curve';
import { summarizeBounded } from '../../src/stats/bounded-interval';
import { outcomeRange } from '../../src/stats/outcome-range';
import type { ScenarioLike } from '../../src/stats/records';
import type { GroupStats, RunRow } from '../../src/stats/run-rows';
import { summarize } from '../../src/stats/summary';
import { quadraticFit } from '../../src/stats/quadratic';

const value = (d: number) => 0.01 + 0.2 * d - 0.5 * d * d;
const HEADER = 'late_innovation_value,firm_id,partner_distance,exit_tick,birth_tick';
const firm = (d: number | '', birth: number, exit: number | '' = '', v: number | string = typeof d === 'number' ? value(d) : 0) => `${v},0,${d},${exit},${birth}`;

function runRow(key: string, point: number, arm: string, params: Record<string, unknown> = {}): RunRow {
  return { key, point, arm, armIndex: 0, replicate: 0, seed: 0, params, outcomes: {}, degenerate: null };
}
const group = (point: number, arm: string, label: string) => ({ point, arm, label }) as GroupStats;

describe('firmCurves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-firms-'));
  mkdirSync(join(dir, 'microdata'));
  const write = (key: string, lines: string[], header = HEADER) => writeFileSync(join(dir, 'microdata', `${key}.firms.csv`), [header, ...lines].join('\n') + '\n');
  // Scenario: 30 ticks, window 10: the late window starts at tick 20.
  const scenario = { ticks: 30, observe: { window: 10 }, arms: [{ name: 'long', set: { 'observe.window': 5 } }, { name: 'base' }] } as unknown as ScenarioLike;

  // Run a: 12 firms on 12 distances in [0, 0.33), plus firms that must be left out.
  const xsA = Array.from({ length: 12 }, (_, i) => 0.03 * i);
  write('a', [
    ...xsA.map((d, i) => firm(d, i - 5)),
    firm(0.1, 0, 25), // exited
    firm('', 0), // learned from nobody in the window
    firm(0.1, 20), // born when the window starts
    firm(0.1, 25), // born in the window
    firm(0.1, 0, '', 'n/a'), // no value
  ]);
  // Run b: 10 firms on 3 distinct distances (enough for a quadratic), one on 19.
  const xsB = [0.05, 0.05, 0.05, 0.15, 0.15, 0.15, 0.15, 0.35, 0.35, 0.35];
  write('b', [...xsB.map((d) => firm(d, 19))]);
  // Run c: 9 firms (too few for a quadratic) on 9 distances.
  const xsC = Array.from({ length: 9 }, (_, i) => 0.01 + 0.04 * i);
  write('c', xsC.map((d) => firm(d, 0)));
  // Run d: 12 firms on 2 distances (no quadratic).
  write('d', Array.from({ length: 12 }, (_, i) => firm(i % 2 ? 0.1 : 0.2, 0)));
  // Run e: a table without partner_distance (no table); run f: no file.
  write('e', ['1,0,0'], 'late_innovation_value,firm_id,birth_tick');

  const runs = [runRow('a', 0, 'base'), runRow('b', 0, 'base'), runRow('c', 0, 'base'), runRow('e', 0, 'base'), runRow('f', 0, 'base'), runRow('d', 1, 'base')];
  const curvesOf = () => firmCurves(dir, scenario, [group(0, 'base', 'zero'), group(1, 'base', 'one'), group(2, 'base', 'two')], runs);

  it('compares only firms alive at the end, born before the late window and learning in it; one term per run that allows a fit', () => {
    const curves = curvesOf();
    expect(curves.map((c) => [c.point, c.arm, c.label, c.runs, c.firms])).toEqual([[0, 'base', 'zero', 3, 12 + 10 + 9], [1, 'base', 'one', 1, 12]]);
    const [c0, c1] = curves;
    expect(c0.terms).toHaveLength(2);
    for (const t of c0.terms) expect(t).toBeCloseTo(-0.5, 9);
    expect(c0.quadratic).toEqual(summarize(c0.terms));
    expect(c1.terms).toEqual([]);
    expect(c1.quadratic.n).toBe(0);
  });

  it('bins partner distance on [low, high), the last bin open, empty bins left out', () => {
    const curves = curvesOf();
    expect(FIRM_BINS).toEqual([0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32, Infinity]);
    const pooled = [...xsA, ...xsB, ...xsC];
    const expected = [];
    for (let b = 0; b + 1 < FIRM_BINS.length; b++) {
      const xs = pooled.filter((x) => x >= FIRM_BINS[b] && x < FIRM_BINS[b + 1]);
      if (xs.length) expected.push({ low: FIRM_BINS[b], high: FIRM_BINS[b + 1], distance: summarizeBounded(xs, outcomeRange('partner_distance')), value: summarizeBounded(xs.map(value), outcomeRange('late_innovation_value')) });
    }
    expect(curves[0].bins).toEqual(expected);
    // By hand: [0, .04) 0, .03, .01; [.04, .08) .06, .05 x 4; [.08, .12) .09 x 2; [.12, .16) .12 (a bin's
    // low edge is in it), .15 x 5, .13; ... [.32, inf) .33 x 2, .35 x 3 (the open bin).
    expect(curves[0].bins.map((b) => [b.low, b.distance.n])).toEqual([[0, 3], [0.04, 5], [0.08, 2], [0.12, 7], [0.16, 2], [0.2, 2], [0.24, 3], [0.28, 2], [0.32, 5]]);
    expect(curves[1].bins.map((b) => [b.low, b.high, b.value.n])).toEqual([[0.08, 0.12, 6], [0.2, 0.24, 6]]);
    expect(curves[1].bins[0].value.mean).toBeCloseTo(value(0.1), 12);
  });

  it('takes ticks and observe.window from the run\'s parameters, then its arm, then the scenario', () => {
    // Born at 19: compared with the window [20, 30); not with [15, 20) (the arm's window of 5 on 20 ticks).
    write('g', xsB.map((d) => firm(d, 19)));
    write('h', xsB.map((d) => firm(d, 14)));
    const rows = [runRow('g', 0, 'long'), runRow('h', 1, 'long', { ticks: 20 }), runRow('g', 2, 'long', { ticks: 30, 'observe.window': 10 }), runRow('g', 3, 'base', { ticks: '30' })];
    const out = firmCurves(dir, scenario, [0, 1, 2, 3].map((p) => group(p, p === 3 ? 'base' : 'long', String(p))), rows);
    // 0: 30 - 5 = 25 > 19: compared; 1: 20 - 5 = 15 > 14: compared; 2: 30 - 10 = 20 > 19; 3: ticks '30' is text, not a number: none.
    expect(out.map((c) => [c.point, c.firms])).toEqual([[0, 10], [1, 10], [2, 10], [3, 0]]);
    write('i', xsB.map((d) => firm(d, 15)));
    const edge = firmCurves(dir, scenario, [group(1, 'long', '')], [runRow('i', 1, 'long', { ticks: 20 })]);
    expect(edge[0].firms).toBe(0);
    const noWindow = firmCurves(dir, { ticks: 30 } as ScenarioLike, [group(0, 'x', '')], [runRow('g', 0, 'x')]);
    expect(noWindow[0].firms).toBe(0);
  });

  it('keeps the arms of a point apart', () => {
    const out = firmCurves(dir, scenario, [group(0, 'base', 'b'), group(0, 'long', 'l')], [runRow('a', 0, 'base'), runRow('b', 0, 'long')]);
    expect(out.map((c) => [c.arm, c.runs, c.firms])).toEqual([['base', 1, 12], ['long', 1, 10]]);
  });

  it('leaves out a quadratic term that is not a number (values too large to fit)', () => {
    write('huge', xsA.map((d, i) => firm(d, i - 5, '', 1e308 * (1 - d))));
    const [c] = firmCurves(dir, scenario, [group(0, 'base', '')], [runRow('huge', 0, 'base')]);
    expect(c.firms).toBe(12);
    expect(c.terms).toEqual([]);
    expect(quadraticFit(xsA, xsA.map((d) => 1e308 * (1 - d)))[2]).toBeNaN();
  });

  it('is empty without a microdata folder', () => {
    expect(firmCurves(mkdtempSync(join(tmpdir(), 'lrsim-nofirms-')), scenario, [group(0, 'base', '')], runs)).toEqual([]);
  });
});
