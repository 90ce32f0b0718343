/**
 * Robustness of policy arms across futures (robust decision making, Lempert, Popper and
 * Bankes 2003): a future is a design point (one combination of uncertain conditions).
 * Arms run on common seeds, so regret is paired: in future f on seed s, arm a's regret is
 * the best arm's outcome on that seed minus a's (or a's minus the best, when lower is
 * better), never below 0. An arm's regret in a future is its mean over the future's
 * seeds; across futures each arm gets the mean, the 90th percentile (type 7) and the
 * largest regret (Savage's minimax criterion). Satisficing: the share of futures in which
 * the arm's mean meets a target (Simon 1956). Intervals: percentile bootstrap over
 * futures (seeded, so the same data give the same bytes), and only from
 * MIN_FUTURES_FOR_INTERVAL futures on: resampling 2 futures can only return those two
 * futures' values. Below that there is no interval and no SD across futures; the
 * per-future values (perFuture) are the honest summary.
 */
import seedrandom from 'seedrandom';
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
  /** Fewest futures for intervals and SD (default MIN_FUTURES_FOR_INTERVAL; tests lower it to check the bootstrap on small tables). */
  minFutures?: number;
}

export type Interval = [number, number];

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
  /** Share of futures in which the arm has the highest (best) / the worst mean outcome. */
  bestShare: number;
  worstShare: number;
  /** 95 % percentile-bootstrap intervals over futures; null below the fewest futures for an interval (and satisficing without a target). */
  ci: { meanOutcome: Interval | null; meanRegret: Interval | null; p90Regret: Interval | null; satisficing: Interval | null };
}

/** Per future and arm: mean outcome and mean paired regret over the future's seeds. */
export interface FutureArm {
  future: number;
  arm: string;
  seeds: number;
  outcome: number;
  regret: number;
  target: number;
  meets: boolean | null;
}

export interface Robustness {
  arms: ArmRobustness[];
  futures: number;
  /** Were intervals over futures computed, and if not why. */
  interval: FuturesInterval;
  /** (future, seed) cells in which every arm finished. */
  cells: number;
  perFuture: FutureArm[];
  bestOnAverage: string;
  /** The arm with the lowest 90th-percentile regret (ties: lower max, then mean regret). */
  robust: string;
  minimax: string;
  /** Arms never worst in any future. */
  neverWorst: string[];
}

/** Regret and satisficing of each arm; null when no (future, seed) has every arm. */
export function robustness(runs: readonly ArmRun[], options: RobustnessOptions): Robustness | null {
  const arms = [...options.arms];
  const sign = options.better === 'lower' ? -1 : 1;
  // future -> seed -> arm -> run
  const byFuture = new Map<number, Map<number, Map<string, ArmRun>>>();
  for (const r of runs) {
    if (!arms.includes(r.arm) || !Number.isFinite(r.value)) continue;
    let seeds = byFuture.get(r.future);
    if (!seeds) byFuture.set(r.future, (seeds = new Map()));
    let cell = seeds.get(r.seed);
    if (!cell) seeds.set(r.seed, (cell = new Map()));
    cell.set(r.arm, r);
  }
  const perFuture: FutureArm[] = [];
  let cells = 0;
  for (const future of [...byFuture.keys()].sort((a, b) => a - b)) {
    const complete = [...byFuture.get(future)!.entries()].filter(([, cell]) => cell.size === arms.length).sort((a, b) => a[0] - b[0]);
    if (complete.length === 0) continue;
    cells += complete.length;
    for (const arm of arms) {
      let outcome = 0;
      let regret = 0;
      let target = 0;
      for (const [, cell] of complete) {
        let best = -Infinity;
        for (const r of cell.values()) best = Math.max(best, sign * r.value);
        const own = cell.get(arm)!;
        outcome += own.value;
        regret += best - sign * own.value;
        target += own.targetValue ?? own.value;
      }
      const n = complete.length;
      const meanTarget = target / n;
      perFuture.push({ future, arm, seeds: n, outcome: outcome / n, regret: regret / n, target: meanTarget, meets: options.target ? options.target(meanTarget) : null });
    }
  }
  if (cells === 0) return null;
  const futures = [...new Set(perFuture.map((p) => p.future))];
  const table = arms.map((arm) => perFuture.filter((p) => p.arm === arm)); // same future order per arm
  const rank = rankShares(table, sign);
  const point = (idx: readonly number[]) => table.map((rows) => armSummary(idx.map((i) => rows[i]), options.target !== undefined));
  const all = futures.map((_, i) => i);
  const estimates = point(all);
  const decision = futuresInterval(futures.length, options.resamples ?? 1000, options.minFutures);
  const withIntervals = decision.method !== 'none';
  const boot = withIntervals ? bootstrap(futures.length, decision.resamples, options.seed ?? 1, point) : [];
  const result: ArmRobustness[] = arms.map((arm, a) => {
    const e = estimates[a];
    const interval = (key: keyof ArmSummary): Interval | null => {
      if (!withIntervals) return null;
      const xs = boot.map((b) => b[a][key] as number).filter(Number.isFinite);
      return [quantile7(xs, 0.025), quantile7(xs, 0.975)];
    };
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
      ci: { meanOutcome: interval('meanOutcome'), meanRegret: interval('meanRegret'), p90Regret: interval('p90Regret'), satisficing: options.target ? interval('satisficing') : null },
    };
  });
  const pick = (better: (x: ArmRobustness, y: ArmRobustness) => boolean) => result.reduce((a, b) => (better(b, a) ? b : a)).arm;
  return {
    arms: result,
    futures: futures.length,
    interval: decision,
    cells,
    perFuture,
    bestOnAverage: pick((x, y) => sign * x.meanOutcome > sign * y.meanOutcome),
    robust: pick((x, y) => x.p90Regret < y.p90Regret || (x.p90Regret === y.p90Regret && (x.maxRegret < y.maxRegret || (x.maxRegret === y.maxRegret && x.meanRegret < y.meanRegret)))),
    minimax: pick((x, y) => x.maxRegret < y.maxRegret),
    neverWorst: result.filter((r) => r.worstShare === 0).map((r) => r.arm),
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

/** Shares of futures in which each arm's mean outcome is the best / the worst (ties count for all tied arms). */
function rankShares(table: FutureArm[][], sign: number): { best: number[]; worst: number[] } {
  const futures = table[0].length;
  const best = new Array<number>(table.length).fill(0);
  const worst = new Array<number>(table.length).fill(0);
  for (let f = 0; f < futures; f++) {
    const values = table.map((rows) => sign * rows[f].outcome);
    const hi = Math.max(...values);
    const lo = Math.min(...values);
    values.forEach((v, a) => {
      if (v === hi) best[a]++;
      if (v === lo && hi !== lo) worst[a]++;
    });
  }
  return { best: best.map((b) => b / futures), worst: worst.map((w) => w / futures) };
}

/** Statistics of `resamples` resamples of the futures (with replacement). */
function bootstrap<T>(futures: number, resamples: number, seed: number, statistic: (idx: number[]) => T): T[] {
  const random = seedrandom.alea(`robustness-bootstrap:${seed}`);
  const out: T[] = [];
  for (let b = 0; b < resamples; b++) out.push(statistic(Array.from({ length: futures }, () => Math.floor(random() * futures))));
  return out;
}
