/**
 * recoveryStats on hand-built runs: Kaplan-Meier curves per point x arm, log-rank tests
 * between the points of an arm, and paired tests of arms on their common seeds, with the
 * count of seeds on which each arm recovered first (every branch of the rule).
 *
 * R 4.x, survival 3.x (the runs below; arm pol = A, base = B; t = resilience_ticks, e = 1 - censored):
 *   library(survival); options(digits = 15)
 *   d <- data.frame(
 *     arm = c(rep("base", 4), rep("base", 7), rep("pol", 4), rep("pol", 6)),
 *     point = c(rep(0, 4), rep(1, 7), rep(0, 4), rep(1, 6)),
 *     seed = c(1:4, 1, 2, 3, 4, 5, 7, 8, 1:4, 1, 2, 3, 4, 7, 8),
 *     t = c(5, 8, 10, 6, 10, 10, 10, 9, 11, 5, 7, 3, 8, 7, 9, 10, 4, 10, 12, 7, 5),
 *     e = c(1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0))
 *   p <- d[paste(d$point, d$seed) %in% intersect(paste(d$point[d$arm == "base"], d$seed[d$arm == "base"]),
 *                                               paste(d$point[d$arm == "pol"], d$seed[d$arm == "pol"])), ]
 *   survdiff(Surv(t, e) ~ arm + strata(point, seed), data = p)$chisq          # 0.2, p 0.654720846018577
 *   survdiff(Surv(t, e) ~ arm + strata(seed), data = p[p$point == 0, ])$chisq # 0.333333333333333, p 0.563702861650773
 *   survdiff(Surv(t, e) ~ arm + strata(seed), data = p[p$point == 1, ])$chisq # 0, p 1
 *   survdiff(Surv(t, e) ~ point, data = d[d$arm == "base", ])$chisq           # 1.71472995644281, p 0.190372831096275
 *   summary(survfit(Surv(t, e) ~ 1, data = d[d$arm == "base" & d$point == 0, ]))$table  # n 4, events 3, median 7, LCL 5, UCL NA
 */
import { describe, expect, it } from 'vitest';
import { holm } from '../../src/stats/multiple-comparisons';
import { recoveryStats } from '../../src/stats/recovery';
import type { RunRow } from '../../src/stats/run-rows';
import { kaplanMeier } from '../../src/stats/survival';

const row = (point: number, arm: string, seed: number, t: number, e: number): RunRow => ({
  key: `${point}.${arm}.${seed}`, point, arm, armIndex: 0, replicate: seed, seed, params: {}, outcomes: { resilience_ticks: t, resilience_censored: e === 1 ? 0 : e === 0 ? 1 : NaN }, degenerate: null,
});
// [seed, t, e] per point x arm; point 1 first, so nothing relies on input order.
const DATA: [number, string, [number, number, number][]][] = [
  [1, 'base', [[1, 10, 0], [2, 10, 1], [3, 10, 0], [4, 9, 1], [5, 11, 1], [7, 5, 0], [8, 7, 1]]],
  [1, 'pol', [[1, 10, 1], [2, 4, 0], [3, 10, 0], [4, 12, 1], [7, 7, 1], [8, 5, 0]]],
  [0, 'pol', [[1, 3, 1], [2, 8, 1], [3, 7, 1], [4, 9, 0]]],
  [0, 'base', [[1, 5, 1], [2, 8, 1], [3, 10, 0], [4, 6, 1]]],
  [0, 'third', [[1, 4, 1], [2, 6, 0], [3, 2, 1]]],
  // No one recovers anywhere in this arm: no log-rank test between its points.
  [0, 'dead', [[1, 20, 0], [2, 20, 0]]],
  [1, 'dead', [[1, 20, 0], [2, 20, 0]]],
];
const runs: RunRow[] = DATA.flatMap(([point, arm, rs]) => rs.map(([s, t, e]) => row(point, arm, s, t, e)));
// Runs without recovery data are left out.
runs.push({ ...row(1, 'pol', 6, 3, 1), outcomes: { resilience_ticks: NaN, resilience_censored: 0 } });
runs.push({ ...row(1, 'base', 9, 3, 1), outcomes: { resilience_ticks: 4, resilience_censored: NaN } });
runs.push({ ...row(1, 'nodata', 1, 3, 1), outcomes: {} });
const labelOf = (point: number, arm: string) => `p${point} ${arm}`;

describe('recoveryStats', () => {
  const stats = () => recoveryStats(runs, labelOf, ['base', 'pol', 'missing', 'third', 'nodata']);

  it('draws a Kaplan-Meier curve per point x arm, ordered by point then arm', () => {
    const r = stats();
    expect(r.curves.map((c) => [c.point, c.arm, c.condition])).toEqual([
      [0, 'base', 'p0 base'], [0, 'dead', 'p0 dead'], [0, 'pol', 'p0 pol'], [0, 'third', 'p0 third'],
      [1, 'base', 'p1 base'], [1, 'dead', 'p1 dead'], [1, 'pol', 'p1 pol'],
    ]);
    const base0 = r.curves[0];
    expect(base0).toMatchObject({ n: 4, recovered: 3, censored: 1, median: 7, medianLo: 5, medianHi: NaN });
    const km = kaplanMeier([10, 10, 10, 9, 11, 5, 7], [false, true, false, true, true, false, true]);
    // Every run recovered by 11 (S = 0): restricted mean to the common horizon 20, the last time
    // of any group (R: summary(survfit(Surv(t, e) ~ 1), rmean = 20)$table with t = c(10, 10,
    // 10, 9, 11, 5, 7), e = c(0, 1, 0, 1, 1, 0, 1): rmean 9.83333333333333, se 0.597060701672352;
    // -+ qnorm(0.975) se: 8.66311586147131, 11.0035508051954).
    expect(r.curves[4]).toEqual({
      point: 1, arm: 'base', condition: 'p1 base', n: 7, recovered: km.events, censored: km.censored, median: km.median, medianLo: km.medianLo, medianHi: km.medianHi, steps: km.steps,
      horizon: 20, rmst: expect.closeTo(9.83333333333333, 12), rmstSe: expect.closeTo(0.597060701672352, 12), rmstLo: expect.closeTo(8.66311586147131, 12), rmstHi: expect.closeTo(11.0035508051954, 12),
    });
    // A group whose last run is censored before the common horizon stops there: p0 base (10, censored).
    expect([r.curves[0].horizon, r.curves[1].horizon]).toEqual([10, 20]);
    expect(r.curves[4].n).toBe(7); // seed 9 (no censoring flag) left out
    expect(r.curves[6].n).toBe(6); // seed 6 (no time) left out
  });

  it('tests the points of an arm against each other when someone recovered and the arm has two points', () => {
    const r = stats();
    expect(r.tests).toHaveLength(2);
    const [base, pol] = r.tests;
    expect(base).toMatchObject({ arm: 'base', conditions: ['p0 base', 'p1 base'], df: 1 });
    expect(base.chisq).toBeCloseTo(1.71472995644281, 10);
    expect(base.p).toBeCloseTo(0.190372831096275, 10);
    expect(pol.arm).toBe('pol');
  });

  it('compares every pair of arms with data on common seeds, pooled and per point, counting who recovered first', () => {
    const r = stats();
    expect(r.armTests.map((t) => [t.point, t.armA, t.armB, t.pairs, t.aFirst, t.bFirst, t.ties, t.undetermined])).toEqual([
      // Pooled over points: the sum of the two points for pol vs base.
      [null, 'pol', 'base', 10, 3, 2, 1, 4],
      [null, 'third', 'base', 3, 2, 0, 0, 1],
      [null, 'third', 'pol', 3, 1, 1, 0, 1],
      // Point 0: seed 1 both recover, pol first; 2 the same tick; 3 base censored after pol's recovery; 4 the reverse.
      [0, 'pol', 'base', 4, 2, 1, 1, 0],
      [0, 'third', 'base', 3, 2, 0, 0, 1],
      [0, 'third', 'pol', 3, 1, 1, 0, 1],
      // Point 1: seed 1 base censored at pol's recovery tick (pol first); 2 pol censored before
      // base's recovery, 3 both censored, 7 base censored before pol's recovery, 8 pol censored
      // before base's recovery (all hidden); 4 base first.
      [1, 'pol', 'base', 6, 1, 1, 0, 4],
    ]);
    const [pooled, , , point0, , , point1] = r.armTests;
    expect(pooled.chisq).toBeCloseTo(0.2, 10);
    expect(pooled.p).toBeCloseTo(0.654720846018577, 10);
    expect(point0.chisq).toBeCloseTo(1 / 3, 10);
    expect(point0.p).toBeCloseTo(0.563702861650773, 10);
    expect(point1.chisq).toBeCloseTo(0, 10);
    expect(point1.p).toBeCloseTo(1, 10);
  });

  it('adjusts p by Holm within the pairs of one point (or of the pooled rows)', () => {
    const r = stats();
    const scopes = [r.armTests.slice(0, 3), r.armTests.slice(3, 6), r.armTests.slice(6)];
    for (const scope of scopes) expect(scope.map((t) => t.pHolm)).toEqual(holm(scope.map((t) => t.p)));
    expect(r.armTests[6].pHolm).toBe(r.armTests[6].p);
    expect(r.armTests[0].pHolm).toBeGreaterThan(r.armTests[0].p);
  });

  it('takes a censoring flag below 0.5 as a recovery, 0.5 and above as censored', () => {
    const rs = [row(0, 'a', 1, 4, 1), row(0, 'a', 2, 6, 1), row(0, 'a', 3, 8, 1)];
    rs[1].outcomes.resilience_censored = 0.5;
    rs[2].outcomes.resilience_censored = 0.4;
    const s = recoveryStats(rs, labelOf);
    expect([s.curves[0].recovered, s.curves[0].censored]).toEqual([2, 1]);
    // The same in the tests between points and between arms.
    const two = [...rs, ...rs.map((x) => ({ ...x, point: 1 })), ...rs.map((x) => ({ ...x, arm: 'b', outcomes: { resilience_ticks: 5, resilience_censored: 0 } }))];
    const t = recoveryStats(two, labelOf, ['a', 'b']);
    expect(t.tests).toHaveLength(1);
    expect(t.tests[0].chisq).toBeCloseTo(0, 12);
    // Point 0, a vs b (b recovers at 5): seed 1 a first (4), seed 2 b first (a censored at 6 >= 5), seed 3 b first (8).
    const p0 = t.armTests.find((x) => x.point === 0)!;
    expect([p0.armA, p0.aFirst, p0.bFirst, p0.ties, p0.undetermined]).toEqual(['b', 2, 1, 0, 0]);
  });

  it('counts B first when B recovers at the tick A\'s run is censored', () => {
    const rs = [row(0, 'a', 1, 10, 0), row(0, 'b', 1, 10, 1)];
    expect(recoveryStats(rs, labelOf, ['a', 'b']).armTests.map((t) => [t.armA, t.aFirst, t.bFirst, t.undetermined])).toEqual([['b', 1, 0, 0]]);
    const rev = [row(0, 'a', 1, 10, 1), row(0, 'b', 1, 10, 0)];
    expect(recoveryStats(rev, labelOf, ['a', 'b']).armTests.map((t) => [t.armA, t.aFirst, t.bFirst, t.undetermined])).toEqual([['b', 0, 1, 0]]);
  });

  it('tests the points of an arm when someone recovered at some point, not only at every point', () => {
    const rs = [row(0, 'a', 1, 20, 0), row(0, 'a', 2, 20, 0), row(1, 'a', 3, 5, 1), row(1, 'a', 4, 20, 0)];
    const t = recoveryStats(rs, labelOf).tests;
    expect(t.map((x) => x.conditions)).toEqual([['p0 a', 'p1 a']]);
    expect(t[0].chisq).toBeGreaterThan(0);
  });

  it('pools without per-point rows when there is one point, and compares no arms without a list', () => {
    const one = runs.filter((x) => x.point === 0 && (x.arm === 'base' || x.arm === 'pol'));
    const s = recoveryStats(one, labelOf, ['base', 'pol']);
    expect(s.armTests.map((t) => [t.point, t.pairs])).toEqual([[null, 4]]);
    expect(s.armTests[0].chisq).toBeCloseTo(1 / 3, 10);
    expect(s.tests).toEqual([]);
    expect(recoveryStats(one, labelOf).armTests).toEqual([]);
    expect(recoveryStats([], labelOf, ['base'])).toEqual({ curves: [], tests: [], armTests: [] });
  });
});
