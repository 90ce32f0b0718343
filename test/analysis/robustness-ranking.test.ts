/**
 * Audit D, robustness: the intervals over futures and the test of the leader against the
 * runner-up, each checked against an independent implementation (R) on the same numbers.
 *
 * 1. The 90th-percentile regret's interval is distribution-free: order statistics l and u
 *    of the n futures' regrets, l = qbinom(0.025, n, 0.9), u = qbinom(0.975, n, 0.9) + 1
 *    (no upper bound when u > n). R:
 *      for (n in c(3,20,24,35,36,50,100)) { l <- qbinom(0.025,n,0.9); u <- qbinom(0.975,n,0.9)+1
 *        cov <- if (u<=n) pbinom(u-1,n,.9)-pbinom(l-1,n,.9) else 1-pbinom(l-1,n,.9); cat(n, l, u, cov, "\n") }
 *    3 1 4 0.999 | 20 15 21 0.988746865835491 | 24 18 25 0.992543853061737 | 35 28 36 0.980009766372836
 *    36 29 36 0.953962105202652 | 50 41 50 0.970308289088088 | 100 84 96 0.955690107191223
 *    50 futures, arms X = sin(g), Y = cos(g), g = 0..49 (one seed): R
 *      M <- cbind(sin(0:49), cos(0:49)); R <- apply(M,1,max) - M
 *      apply(R,2,function(x) sort(x)[41])  # 1.14228307398045 1.134858280432
 *      apply(R,2,function(x) sort(x)[50])  # 1.41130395501576 1.41205122213161
 *      apply(R,2,quantile,.9)              # 1.3198777397492 1.3262964662889
 * 2. Satisficing shares: Clopper-Pearson over futures, R binom.test(k, n)$conf.int:
 *    0/20: 0 0.168433470983085; 20/20: 0.831566529016915 1; 7/24: 0.126152088523691 0.510947813857833;
 *    50/50: 0.9288783 1 (the audit's open_region).
 * 3. The leader against the runner-up: a paired percentile bootstrap over futures of the
 *    difference in the ranking statistic (/tmp/rank_ref.R, reproduced here):
 *      f <- 0:23; A <- 1 + ((7*f) %% 5)/10 + 0.005; B <- 1 + ((3*f) %% 5)/10 + 0.005; C <- pmax(A, B) + 0.05
 *      (future means over seeds s = 0, 1 of value + 0.01 s); R <- apply(M,1,max) - M
 *      set.seed(1); b <- replicate(100000, { i <- sample(24, replace=TRUE); c(colMeans(M[i,]), apply(R[i,],2,p90)) })
 *    A, B: mean B - A 0.004166667, CI -0.075 to 0.0875 (covers 0: not distinguishable);
 *          p90 regret 0.3 and 0.3, difference 0, CI -0.2 to 0.2.
 *    A, B, C: mean C - B 0.1291667, CI 0.08333333 to 0.1791667; p90 regret A 0.35, B 0.35
 *          (B the runner-up: equal largest regret 0.35, lower mean regret 0.1291667 against
 *          0.1333333), C 0: C - B -0.35, CI -0.35 to -0.15. 18th smallest regret: A 0.15, B 0.15, C 0.
 *    lrsim draws 1,000 resamples, so its bounds are checked within 0.04 of R's 100,000.
 */
import { describe, expect, it } from 'vitest';
import { armRobustness, robustnessSentences, type AnalysisInput } from '../../src/analysis';
import { clopperPearson, orderStatisticInterval, robustness, type ArmRun } from '../../src/analysis/regret';

const table = (arms: Record<string, (f: number) => number>, futures: number, seeds = [0, 1]): ArmRun[] =>
  Array.from({ length: futures }, (_, f) => seeds.flatMap((s) => Object.entries(arms).map(([arm, v]) => ({ future: f, seed: 100 * f + s, arm, value: v(f) + 0.01 * s })))).flat();
const A = (f: number) => 1 + ((7 * f) % 5) / 10;
const B = (f: number) => 1 + ((3 * f) % 5) / 10;
const C = (f: number) => Math.max(A(f), B(f)) + 0.05;
const near = (x: number, ref: number) => expect(Math.abs(x - ref), `${x} against R's ${ref}`).toBeLessThan(0.04);

describe('the distribution-free interval of the 90th-percentile regret', () => {
  it('uses the order statistics R gives from qbinom, with their coverage', () => {
    const R: [number, number, number | null, number][] = [
      [3, 1, null, 0.999], [20, 15, null, 0.988746865835491], [24, 18, null, 0.992543853061737], [35, 28, null, 0.980009766372836],
      [36, 29, 36, 0.953962105202652], [50, 41, 50, 0.970308289088088], [100, 84, 96, 0.955690107191223],
    ];
    for (const [n, l, u, coverage] of R) {
      const o = orderStatisticInterval(n, 0.9);
      expect([o.lower, o.upper], `n = ${n}`).toEqual([l, u]);
      expect(o.coverage).toBeCloseTo(coverage, 10);
      expect(o.futuresForUpper).toBe(36);
    }
  });

  it('takes the 41st and 50th smallest of 50 futures\' regrets (R)', () => {
    const r = robustness(table({ X: Math.sin, Y: Math.cos }, 50, [0]), { arms: ['X', 'Y'] })!;
    const [x, y] = r.arms;
    expect(x.p90Regret).toBeCloseTo(1.3198777397492, 12);
    expect(y.p90Regret).toBeCloseTo(1.3262964662889, 12);
    expect(x.ci.p90Regret![0]).toBeCloseTo(1.14228307398045, 12);
    expect(x.ci.p90Regret![1]).toBeCloseTo(1.41130395501576, 12);
    expect(y.ci.p90Regret![0]).toBeCloseTo(1.134858280432, 12);
    expect(y.ci.p90Regret![1]).toBeCloseTo(1.41205122213161, 12);
    expect(r.quantileInterval).toMatchObject({ futures: 50, lower: 41, upper: 50 });
  });

  it('gives no upper bound from 24 futures, and says so', () => {
    const r = armRobustness(input({ A, B, C }), {});
    expect(r.arms.map((a) => a.ci.p90Regret)).toEqual([[expect.closeTo(0.15, 12), null], [expect.closeTo(0.15, 12), null], [0, null]]);
    expect(robustnessSentences(r, 'x')[2]).toBe(
      "It is also the robust choice: the lowest 90th-percentile regret, 0 (95 % distribution-free interval from 0, the 18th smallest of the 24 futures' regrets, with no upper bound: that needs at least 36 futures).",
    );
  });
});

describe('satisficing shares: Clopper-Pearson over futures', () => {
  it('matches R binom.test', () => {
    const R: [number, number, number, number][] = [[0, 20, 0, 0.168433470983085], [20, 20, 0.831566529016915, 1], [7, 24, 0.126152088523691, 0.510947813857833], [50, 50, 0.9288783, 1]];
    for (const [k, n, lo, hi] of R) {
      const [l, h] = clopperPearson(k, n);
      expect(l, `${k}/${n}`).toBeCloseTo(lo, 7);
      expect(h, `${k}/${n}`).toBeCloseTo(hi, 7);
    }
  });

  it('gives an interval for a share of 100 %', () => {
    const r = robustness(table({ A, B, C }, 24), { arms: ['A', 'B', 'C'], target: (v) => v >= 1 })!;
    expect(r.arms[2].satisficing).toBe(1);
    expect(r.arms[2].ci.satisficing![0]).toBeCloseTo(betaLow24, 7);
    expect(r.arms[2].ci.satisficing![1]).toBe(1);
  });
});
// R: binom.test(24, 24)$conf.int[1] = 0.857526402277474
const betaLow24 = 0.857526402277474;

const input = (arms: Record<string, (f: number) => number>, futures = 24): AnalysisInput => ({
  runs: table(arms, futures).map((r) => ({ point: r.future, arm: r.arm, seed: r.seed, params: { openness: r.future / 10 }, outcomes: { innovation_value_late: r.value } })),
  parameters: ['openness'],
  arms: Object.keys(arms),
  outcomes: ['innovation_value_late'],
});

describe('the leader against the runner-up, paired over futures', () => {
  it('says "not distinguishable" when the paired interval of the difference covers 0 (R)', () => {
    const r = armRobustness(input({ A, B }), {});
    const t = r.ranking.best_on_average;
    expect([t.leader, t.runnerUp]).toEqual(['B', 'A']);
    expect(t.difference).toBeCloseTo(0.004166667, 8);
    near(t.ci![0], -0.075);
    near(t.ci![1], 0.0875);
    expect(t.distinguishable).toBe(false);
    const q = r.ranking.robust;
    expect(q.difference).toBe(0);
    near(q.ci![0], -0.2);
    near(q.ci![1], 0.2);
    const text = robustnessSentences(r, 'late innovation value');
    expect(text[1]).toMatch(/^On the mean late innovation value, B is not distinguishable from the runner-up A \(1\.2\): difference B − A 0\.00417, 95 % paired bootstrap CI over the futures −0\.0\d+ to 0\.0\d+, which includes 0\.$/);
    expect(text.join(' ')).toMatch(/On 90th-percentile regret, \w is not distinguishable from the runner-up \w \(0\.3\)/);
  });

  it('says the leader is ahead when the interval excludes 0 (R)', () => {
    const r = armRobustness(input({ A, B, C }), {});
    const t = r.ranking.best_on_average;
    expect([t.leader, t.runnerUp]).toEqual(['C', 'B']);
    expect(t.difference).toBeCloseTo(0.1291667, 7);
    near(t.ci![0], 0.08333333);
    near(t.ci![1], 0.1791667);
    expect(t.distinguishable).toBe(true);
    const q = r.ranking.robust;
    expect([q.leader, q.runnerUp, q.leaderValue, q.runnerUpValue]).toEqual(['C', 'B', 0, expect.closeTo(0.35, 12)]);
    near(q.ci![0], -0.35);
    near(q.ci![1], -0.15);
    expect(q.distinguishable).toBe(true);
    expect(robustnessSentences(r, 'x')[3]).toMatch(/^On 90th-percentile regret, C is ahead of the runner-up B \(0\.35\): difference C − B −0\.35, 95 % paired bootstrap CI over the futures −0\.3\d* to −0\.1\d*\.$/);
  });

  it('computes no interval below 20 futures and says the ranking is not tested', () => {
    const r = armRobustness(input({ A, B, C }, 5), {});
    expect(r.ranking.best_on_average.ci).toBeNull();
    expect(r.ranking.best_on_average.distinguishable).toBeNull();
    expect(r.ranking.robust.ci).toBeNull();
    expect(robustnessSentences(r, 'x')[1]).toBe('There is no interval or SD across futures, and the ranking of the arms is not tested (only 5 futures: an interval over futures needs at least 20).');
  });
});
