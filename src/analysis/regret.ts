/**
 * Robustness of policy arms across futures (robust decision making, Lempert, Popper and
 * Bankes 2003): a future is a design point (one combination of uncertain conditions).
 * Arms run on common seeds: in each future only the seeds on which every arm finished
 * count, so the arms' means in a future are over the same seeds (paired). An arm's regret
 * in a future is the best arm's mean in that future minus its own mean (or its own minus
 * the best, when lower is better), never below 0. The best arm is chosen on the future's
 * means, not seed by seed: a best-on-each-seed regret measures seed noise (it does not
 * fall with more seeds, audit D). Across futures each arm gets the mean, the 90th
 * percentile (type 7) and the largest regret (Savage's minimax criterion). Satisficing:
 * the share of futures in which the arm's mean meets a target (Simon 1956).
 *
 * Intervals over futures, only from MIN_FUTURES_FOR_INTERVAL futures on (resampling 2
 * futures can only return those two futures' values; below that there is no interval and
 * no SD across futures, and the per-future values (perFuture) are the honest summary):
 * - means (outcome, regret): percentile bootstrap over futures, seeded;
 * - the 90th-percentile regret: the distribution-free order-statistic interval (binomial;
 *   each tail at most 2.5 %, so coverage at least 95 % for any distribution of futures),
 *   with no upper bound when there are too few futures for one (fewer than 36);
 * - satisficing shares: Clopper-Pearson over futures (exact binomial);
 * - the leader against the runner-up (best on average: mean outcome; robust: 90th-percentile
 *   regret): a paired percentile bootstrap over futures of the difference (both arms'
 *   statistics from the same resampled futures).
 */
import seedrandom from 'seedrandom';
import { betaQuantile } from '../stats/beta-quantile';
import { binomialUpperTail } from '../stats/binomial';
import { quantile7 } from './quantile';

/** One run: its future (design point), seed, arm, outcome and (optional) target outcome. */
export interface ArmRun {
  future: number;
  seed: number;
  arm: string;
  value: number;
  /** The value the satisficing target is checked on (default: `value`). */
  targetValue?: number;
}

/**
 * Fewest futures for an interval (or an SD) over futures. A percentile bootstrap over n
 * futures drawn from a population of futures covers the population value far below its
 * nominal 95 % when n is small (bench/intervals/futures_coverage.py, seeded, 2,000
 * samples per cell, seven cases: means of normal, lognormal and half-zero regret futures,
 * 90th percentiles, shares): at n = 2 it can only return the two futures' values and
 * covers 16 to 51 %; at n = 10, 65 to 97 % (90th percentiles 65 %); at n = 15, 78 to 96 %;
 * at n = 20, 87 to 95 % in every case. Small-sample percentile intervals are too narrow
 * because the resamples' spread is the plug-in (divide by n) spread and a resample of a
 * few futures repeats them; quantiles suffer most. 20 is the fewest tried at which every
 * case covers 85 % or more (more futures add little: 84 to 96 % at n = 30). Table and
 * reasons: docs/data.md, "Intervals over futures".
 */
export const MIN_FUTURES_FOR_INTERVAL = 20;

/** Whether intervals over futures were computed and, if not, why (one sentence part). */
export interface FuturesInterval {
  /** `percentile_bootstrap` over futures, or `none`. */
  method: 'percentile_bootstrap' | 'none';
  futures: number;
  minFutures: number;
  /** Resamples drawn (0 when none). */
  resamples: number;
  /** Why there is no interval, e.g. "only 2 futures: an interval over futures needs at least 20"; null with intervals. */
  reason: string | null;
}

/** The decision: intervals over futures from `minFutures` futures on. */
export function futuresInterval(futures: number, resamples: number, minFutures = MIN_FUTURES_FOR_INTERVAL): FuturesInterval {
  if (futures >= minFutures) return { method: 'percentile_bootstrap', futures, minFutures, resamples, reason: null };
  const only = futures === 1 ? 'only 1 future' : `only ${futures} futures`;
  return { method: 'none', futures, minFutures, resamples: 0, reason: `${only}: an interval over futures needs at least ${minFutures}` };
}

export interface RobustnessOptions {
  /** Arms to compare, in report order (others are ignored). */
  arms: readonly string[];
  /** Is a higher outcome better (default) or a lower one? */
  better?: 'higher' | 'lower';
  /** Satisficing: does a future's mean target value meet the target? */
  target?: (value: number) => boolean;
  /** Bootstrap resamples (default 1000) and seed (default 1). */
  resamples?: number;
  seed?: number;
  /** Fewest futures for intervals and SD (default MIN_FUTURES_FOR_INTERVAL; tests lower it to check the intervals on small tables). */
  minFutures?: number;
}

export type Interval = [number, number];
/** An interval of a quantile: the upper bound is null when there are too few futures for one. */
export type QuantileInterval = [number, number | null];

export interface ArmRobustness {
  arm: string;
  /** Mean and SD across futures of the arm's per-future mean outcome (SD NaN below the fewest futures for an interval). */
  meanOutcome: number;
  sdOutcome: number;
  meanRegret: number;
  p90Regret: number;
  maxRegret: number;
  /** Share of futures meeting the target; null without a target. */
  satisficing: number | null;
  /** Share of futures in which the arm has the best / the worst mean outcome (best: regret 0; worst: the largest regret of the future). */
  bestShare: number;
  worstShare: number;
  /**
   * 95 % intervals over futures; null below the fewest futures for an interval (and satisficing without a target).
   * meanOutcome, meanRegret: percentile bootstrap; p90Regret: order statistics (see Robustness.quantileInterval); satisficing: Clopper-Pearson.
   */
  ci: { meanOutcome: Interval | null; meanRegret: Interval | null; p90Regret: QuantileInterval | null; satisficing: Interval | null };
}

/** Per future and arm: mean outcome over the future's paired seeds and the regret of that mean. */
export interface FutureArm {
  future: number;
  arm: string;
  seeds: number;
  outcome: number;
  regret: number;
  target: number;
  meets: boolean | null;
}

/** The distribution-free interval of the 90th percentile of n futures: order statistics `lower` and `upper` (1-based). */
export interface OrderStatisticInterval {
  p: number;
  futures: number;
  /** null when n futures are too few for an upper bound (the n-th value would leave more than 2.5 % above). */
  upper: number | null;
  /** 0 when n is too small for a lower order statistic (then the lower bound is the regret's own bound, 0). */
  lower: number;
  /** P(lower-th value <= quantile <= upper-th value) for continuous futures (at least this otherwise); one-sided when upper is null. */
  coverage: number;
  /** Fewest futures for an upper bound. */
  futuresForUpper: number;
}

/** The leader of a ranking against the runner-up, on the ranking's statistic, paired over futures. */
export interface RankingTest {
  /** `mean_outcome` (best on average) or `p90_regret` (the robust arm). */
  statistic: 'mean_outcome' | 'p90_regret';
  leader: string;
  runnerUp: string;
  leaderValue: number;
  runnerUpValue: number;
  /** leaderValue - runnerUpValue. */
  difference: number;
  /** 95 % paired percentile bootstrap over futures; null below the fewest futures for an interval. */
  ci: Interval | null;
  /** Does the interval exclude 0? null without an interval (the ranking is not tested). */
  distinguishable: boolean | null;
}

export interface Robustness {
  arms: ArmRobustness[];
  futures: number;
  /** Were intervals over futures computed, and if not why. */
  interval: FuturesInterval;
  /** The order statistics of the 90th-percentile regret's interval (null below the fewest futures for an interval). */
  quantileInterval: OrderStatisticInterval | null;
  /** (future, seed) cells in which every arm finished. */
  cells: number;
  /** Futures (design points) with runs of these arms but no seed on which every arm finished: left out. */
  droppedFutures: number[];
  /** (future, seed) cells with a run of some arm but not a finished run of every arm: left out. */
  droppedCells: number;
  perFuture: FutureArm[];
  bestOnAverage: string;
  /** The arm with the lowest 90th-percentile regret (ties: lower max, then mean regret). */
  robust: string;
  minimax: string;
  /** Arms never worst in any future. */
  neverWorst: string[];
  /** The best arm on average and the robust arm against their runners-up. */
  ranking: { bestOnAverage: RankingTest; robust: RankingTest };
}

/** Regret and satisficing of each arm; null when no (future, seed) has every arm. */
export function robustness(runs: readonly ArmRun[], options: RobustnessOptions): Robustness | null {
  const arms = [...options.arms];
  const sign = options.better === 'lower' ? -1 : 1;
  // future -> seed -> arm -> run (runs without a finite outcome are kept out of the cells
  // but their cell is counted, so a future or cell they leave incomplete can be named)
  const byFuture = new Map<number, Map<number, Map<string, ArmRun>>>();
  for (const r of runs) {
    if (!arms.includes(r.arm)) continue;
    let seeds = byFuture.get(r.future);
    if (!seeds) byFuture.set(r.future, (seeds = new Map()));
    let cell = seeds.get(r.seed);
    if (!cell) seeds.set(r.seed, (cell = new Map()));
    if (Number.isFinite(r.value)) cell.set(r.arm, r);
  }
  const perFuture: FutureArm[] = [];
  const droppedFutures: number[] = [];
  let cells = 0;
  let droppedCells = 0;
  for (const future of [...byFuture.keys()].sort((a, b) => a - b)) {
    const all = [...byFuture.get(future)!.entries()];
    const complete = all.filter(([, cell]) => cell.size === arms.length).sort((a, b) => a[0] - b[0]);
    droppedCells += all.length - complete.length;
    if (complete.length === 0) {
      droppedFutures.push(future);
      continue;
    }
    cells += complete.length;
    const n = complete.length;
    const means = arms.map((arm) => {
      let outcome = 0;
      let target = 0;
      for (const [, cell] of complete) {
        const own = cell.get(arm)!;
        outcome += own.value;
        target += own.targetValue ?? own.value;
      }
      return { outcome: outcome / n, target: target / n };
    });
    // Regret on the future's paired means: the best arm is the best on average over the same seeds.
    const best = Math.max(...means.map((m) => sign * m.outcome));
    arms.forEach((arm, a) => {
      const { outcome, target } = means[a];
      perFuture.push({ future, arm, seeds: n, outcome, regret: best - sign * outcome, target, meets: options.target ? options.target(target) : null });
    });
  }
  if (cells === 0) return null;
  const futures = [...new Set(perFuture.map((p) => p.future))];
  const table = arms.map((arm) => perFuture.filter((p) => p.arm === arm)); // same future order per arm
  const rank = rankShares(table);
  const point = (idx: readonly number[]) => table.map((rows) => armSummary(idx.map((i) => rows[i]), options.target !== undefined));
  const all = futures.map((_, i) => i);
  const estimates = point(all);
  const decision = futuresInterval(futures.length, options.resamples ?? 1000, options.minFutures);
  const withIntervals = decision.method !== 'none';
  const boot = withIntervals ? bootstrap(futures.length, decision.resamples, options.seed ?? 1, point) : [];
  const percentile = (xs: number[]): Interval => {
    const finite = xs.filter(Number.isFinite);
    return [quantile7(finite, 0.025), quantile7(finite, 0.975)];
  };
  const order = withIntervals ? orderStatisticInterval(futures.length, 0.9) : null;
  const result: ArmRobustness[] = arms.map((arm, a) => {
    const e = estimates[a];
    const interval = (key: 'meanOutcome' | 'meanRegret'): Interval | null => (withIntervals ? percentile(boot.map((b) => b[a][key])) : null);
    const sorted = table[a].map((r) => r.regret).sort((x, y) => x - y);
    const met = table[a].filter((r) => r.meets).length;
    return {
      arm,
      meanOutcome: e.meanOutcome,
      sdOutcome: withIntervals ? e.sdOutcome : NaN,
      meanRegret: e.meanRegret,
      p90Regret: e.p90Regret,
      maxRegret: e.maxRegret,
      satisficing: options.target ? e.satisficing : null,
      bestShare: rank.best[a],
      worstShare: rank.worst[a],
      ci: {
        meanOutcome: interval('meanOutcome'),
        meanRegret: interval('meanRegret'),
        p90Regret: order ? [order.lower === 0 ? 0 : sorted[order.lower - 1], order.upper === null ? null : sorted[order.upper - 1]] : null,
        satisficing: options.target && withIntervals ? clopperPearson(met, futures.length) : null,
      },
    };
  });
  const better = (x: ArmRobustness, y: ArmRobustness) => sign * x.meanOutcome > sign * y.meanOutcome;
  const robuster = (x: ArmRobustness, y: ArmRobustness) => x.p90Regret < y.p90Regret || (x.p90Regret === y.p90Regret && (x.maxRegret < y.maxRegret || (x.maxRegret === y.maxRegret && x.meanRegret < y.meanRegret)));
  /** Arm indices, first the leader, in the order `first` ranks them (stable: report order on ties). */
  const ranked = (first: (x: ArmRobustness, y: ArmRobustness) => boolean) => result.map((_, a) => a).sort((a, b) => (first(result[a], result[b]) ? -1 : first(result[b], result[a]) ? 1 : a - b));
  const test = (statistic: RankingTest['statistic'], order: number[]): RankingTest => {
    const [l, r] = order;
    const key = statistic === 'mean_outcome' ? 'meanOutcome' : 'p90Regret';
    const ci = withIntervals ? percentile(boot.map((b) => b[l][key] - b[r][key])) : null;
    return {
      statistic,
      leader: result[l].arm,
      runnerUp: result[r].arm,
      leaderValue: result[l][key],
      runnerUpValue: result[r][key],
      difference: result[l][key] - result[r][key],
      ci,
      distinguishable: ci === null ? null : ci[0] > 0 || ci[1] < 0,
    };
  };
  const byMean = ranked(better);
  const byRegret = ranked(robuster);
  const pick = (first: (x: ArmRobustness, y: ArmRobustness) => boolean) => result[ranked(first)[0]].arm;
  return {
    arms: result,
    futures: futures.length,
    interval: decision,
    quantileInterval: order,
    cells,
    droppedFutures,
    droppedCells,
    perFuture,
    bestOnAverage: result[byMean[0]].arm,
    robust: result[byRegret[0]].arm,
    minimax: pick((x, y) => x.maxRegret < y.maxRegret),
    neverWorst: result.filter((r) => r.worstShare === 0).map((r) => r.arm),
    ranking: { bestOnAverage: test('mean_outcome', byMean), robust: test('p90_regret', byRegret) },
  };
}

interface ArmSummary { meanOutcome: number; sdOutcome: number; meanRegret: number; p90Regret: number; maxRegret: number; satisficing: number }

function armSummary(rows: readonly FutureArm[], withTarget: boolean): ArmSummary {
  const n = rows.length;
  const outcomes = rows.map((r) => r.outcome);
  const regrets = rows.map((r) => r.regret);
  const mean = outcomes.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(outcomes.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : NaN;
  return {
    meanOutcome: mean,
    sdOutcome: sd,
    meanRegret: regrets.reduce((a, b) => a + b, 0) / n,
    p90Regret: quantile7(regrets, 0.9),
    maxRegret: Math.max(...regrets),
    satisficing: withTarget ? rows.filter((r) => r.meets).length / n : NaN,
  };
}

/**
 * Shares of futures in which each arm is the best (regret 0) / the worst (the largest
 * regret of the future, when the arms differ): the same per-future means as the regret.
 */
function rankShares(table: FutureArm[][]): { best: number[]; worst: number[] } {
  const futures = table[0].length;
  const best = new Array<number>(table.length).fill(0);
  const worst = new Array<number>(table.length).fill(0);
  for (let f = 0; f < futures; f++) {
    const regrets = table.map((rows) => rows[f].regret);
    const hi = Math.max(...regrets);
    regrets.forEach((r, a) => {
      if (r === 0) best[a]++;
      if (r === hi && hi > 0) worst[a]++;
    });
  }
  return { best: best.map((b) => b / futures), worst: worst.map((w) => w / futures) };
}

/** P(B <= k) for B ~ Binomial(n, p). */
function binomialCdf(k: number, n: number, p: number): number {
  return k < 0 ? 0 : k >= n ? 1 : 1 - binomialUpperTail(k + 1, n, p);
}

/**
 * The distribution-free 95 % interval of the p-quantile from n values: order statistics
 * l and u with P(B < l) <= 2.5 % and P(B >= u) <= 2.5 %, B ~ Binomial(n, p) the number of
 * values at or below the quantile (l = qbinom(0.025, n, p), u = qbinom(0.975, n, p) + 1 in
 * R). When u > n no order statistic bounds the quantile from above: the upper bound is null.
 */
export function orderStatisticInterval(n: number, p: number): OrderStatisticInterval {
  const qbinom = (q: number) => {
    let k = 0;
    while (k < n && binomialCdf(k, n, p) < q) k++;
    return k;
  };
  const lower = qbinom(0.025);
  const u = qbinom(0.975) + 1;
  const upper = u <= n ? u : null;
  const coverage = (upper === null ? 1 : binomialCdf(upper - 1, n, p)) - binomialCdf(lower - 1, n, p);
  // Fewest futures with P(B = n) = p^n <= 2.5 %: from then on the n-th value bounds the quantile.
  const futuresForUpper = Math.ceil(Math.log(0.025) / Math.log(p));
  return { p, futures: n, lower, upper, coverage, futuresForUpper };
}

/** The Clopper-Pearson 95 % interval of k successes in n (R: binom.test(k, n)$conf.int). */
export function clopperPearson(k: number, n: number): Interval {
  return [k === 0 ? 0 : betaQuantile(0.025, k, n - k + 1), k === n ? 1 : betaQuantile(0.975, k + 1, n - k)];
}

/** Statistics of `resamples` resamples of the futures (with replacement). */
function bootstrap<T>(futures: number, resamples: number, seed: number, statistic: (idx: number[]) => T): T[] {
  const random = seedrandom.alea(`robustness-bootstrap:${seed}`);
  const out: T[] = [];
  for (let b = 0; b < resamples; b++) out.push(statistic(Array.from({ length: futures }, () => Math.floor(random() * futures))));
  return out;
}
