/**
 * Time-to-event statistics for recovery after a shock: a run that never recovers before it
 * ends is censored at its last tick, not averaged in as if it had recovered then.
 * Kaplan-Meier with Greenwood's variance and R survfit's default log-scale interval,
 * medians as R's print.survfit reports them, the log-rank test as R's survdiff (also
 * stratified), and the restricted mean survival time as print(survfit, rmean = horizon).
 */
import { Z95 } from './wilson';
import { invertSymmetric, quadraticForm } from './matrix';
import { chiSquareUpperP } from './p-value';

export interface SurvivalStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  /** 95 % interval of S(t) on the log scale (R's conf.type = "log"); NaN once S reaches 0. */
  lo: number;
  hi: number;
  /** Greenwood standard error of log S(t) (R's survfit std.err). */
  seLog: number;
}

export interface KaplanMeier {
  steps: SurvivalStep[];
  n: number;
  /** Rows dropped for a non-finite time. */
  dropped: number;
  events: number;
  censored: number;
  /** Median time and its interval; NaN when not reached (the caller says "not reached"). */
  median: number;
  medianLo: number;
  medianHi: number;
}

/**
 * Kaplan-Meier estimate over every distinct time (event or censoring), as R's
 * survfit(Surv(time, event) ~ 1) with conf.type = "log" (its default): the interval is
 * exp(log S -+ 1.96 SE), SE^2 = sum d / (n (n - d)), the upper end capped at 1.
 * @example kaplanMeier([1, 2, 2, 3], [true, true, false, true]).median // 2.5 (S = 0.5 from 2 until 3)
 */
export function kaplanMeier(time: readonly number[], event: readonly boolean[], z = Z95): KaplanMeier {
  const rows: { t: number; e: boolean }[] = [];
  for (let i = 0; i < time.length; i++) if (Number.isFinite(time[i])) rows.push({ t: time[i], e: Boolean(event[i]) });
  rows.sort((a, b) => a.t - b.t);
  const n = rows.length;
  const steps: SurvivalStep[] = [];
  let atRisk = n;
  let survival = 1;
  let greenwood = 0;
  for (let i = 0; i < n; ) {
    const t = rows[i].t;
    let events = 0;
    let censored = 0;
    for (; i < n && rows[i].t === t; i++) {
      if (rows[i].e) events++;
      else censored++;
    }
    survival *= 1 - events / atRisk;
    greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : Infinity;
    const seLog = Math.sqrt(greenwood);
    const defined = survival > 0 && Number.isFinite(seLog);
    steps.push({
      time: t,
      atRisk,
      events,
      censored,
      survival,
      lo: defined ? survival * Math.exp(-z * seLog) : NaN,
      hi: defined ? Math.min(1, survival * Math.exp(z * seLog)) : NaN,
      seLog: defined ? seLog : NaN,
    });
    atRisk -= events + censored;
  }
  const events = rows.filter((r) => r.e).length;
  const times = steps.map((s) => s.time);
  return {
    steps,
    n,
    dropped: time.length - n,
    events,
    censored: n - events,
    median: medianTime(steps.map((s) => s.survival), times),
    medianLo: medianTime(steps.map((s) => s.lo), times),
    medianHi: medianTime(steps.map((s) => s.hi), times),
  };
}

/**
 * The first time a curve is at or below 0.5, as R's print.survfit (survmean's minmin): when
 * the curve sits exactly at 0.5, the midpoint to the time it next drops.
 */
function medianTime(curve: readonly number[], times: readonly number[]): number {
  const tolerance = Math.sqrt(Number.EPSILON);
  const keep = curve.map((y, k) => k).filter((k) => !Number.isNaN(curve[k]) && curve[k] < 0.5 + tolerance);
  if (keep.length === 0) return NaN;
  const first = keep[0];
  if (Math.abs(curve[first] - 0.5) < tolerance) {
    const lower = keep.find((k) => curve[k] < curve[first]);
    if (lower !== undefined) return (times[first] + times[lower]) / 2;
  }
  return times[first];
}

export interface LogRank {
  chisq: number;
  df: number;
  p: number;
  observed: number[];
  expected: number[];
  /** Rows dropped for a non-finite time. */
  dropped: number;
}

/** Observed and expected events per group and their covariance, summed over event times. */
interface LogRankParts {
  observed: number[];
  expected: number[];
  V: number[][];
  rows: number;
}

/** The log-rank sums of one stratum (survdiff's computation within a stratum). */
function logRankParts(groups: readonly { time: readonly number[]; event: readonly boolean[] }[], k: number): LogRankParts {
  const rows: { t: number; e: boolean; g: number }[] = [];
  groups.forEach((group, g) => {
    for (let i = 0; i < group.time.length; i++) if (Number.isFinite(group.time[i])) rows.push({ t: group.time[i], e: Boolean(group.event[i]), g });
  });
  rows.sort((a, b) => a.t - b.t);
  const atRisk = new Array<number>(k).fill(0);
  for (const r of rows) atRisk[r.g]++;
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const V = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const deaths = new Array<number>(k).fill(0);
  const leaving = new Array<number>(k).fill(0);
  for (let i = 0; i < rows.length; ) {
    const t = rows[i].t;
    deaths.fill(0);
    leaving.fill(0);
    for (; i < rows.length && rows[i].t === t; i++) {
      leaving[rows[i].g]++;
      if (rows[i].e) deaths[rows[i].g]++;
    }
    const d = deaths.reduce((s, v) => s + v, 0);
    const total = atRisk.reduce((s, v) => s + v, 0);
    if (d > 0) {
      for (let g = 0; g < k; g++) {
        observed[g] += deaths[g];
        expected[g] += (d * atRisk[g]) / total;
      }
      if (total > 1) {
        const f = (d * (total - d)) / (total * total * (total - 1));
        for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) V[a][b] += f * atRisk[a] * ((a === b ? total : 0) - atRisk[b]);
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] -= leaving[g];
  }
  return { observed, expected, V, rows: rows.length };
}

/** Chi-square (O - E)' V^-1 (O - E) over all groups but the first, from summed parts. */
function logRankTest(parts: LogRankParts, k: number, dropped: number): LogRank {
  const { observed, expected, V } = parts;
  // Only groups with expected events enter (an empty group, as R's survdiff drops an empty
  // level; its zero row would make V singular), the first of them as the reference.
  const used = expected.map((e, g) => (e > 0 ? g : -1)).filter((g) => g >= 0 && g < k);
  const df = used.length - 1;
  const rest = used.slice(1);
  const diff = rest.map((g) => observed[g] - expected[g]);
  const Vinv = df >= 1 ? invertSymmetric(rest.map((a) => rest.map((b) => V[a][b]))) : null;
  if (!Vinv || df < 1) return { chisq: NaN, df, p: NaN, observed, expected, dropped };
  const chisq = quadraticForm(Vinv, diff);
  return { chisq, df, p: chiSquareUpperP(chisq, df), observed, expected, dropped };
}

/**
 * Log-rank test that the groups share one survival curve (Mantel 1966), as R's survdiff
 * (rho = 0): chi-square = (O - E)' V^-1 (O - E) over all groups but the first.
 */
export function logRank(groups: readonly { time: readonly number[]; event: readonly boolean[] }[]): LogRank {
  const parts = logRankParts(groups, groups.length);
  return logRankTest(parts, groups.length, groups.reduce((s, g) => s + g.time.length, 0) - parts.rows);
}

/**
 * The stratified log-rank test, as R's survdiff(Surv(time, event) ~ group + strata(s)):
 * observed and expected events and their covariance are computed within each stratum and
 * summed, so groups are compared only within strata. With one run per group per stratum
 * (the arms of one seed) it is a test for paired, censored times.
 */
export function stratifiedLogRank(strata: readonly (readonly { time: readonly number[]; event: readonly boolean[] }[])[]): LogRank {
  const k = Math.max(0, ...strata.map((s) => s.length));
  const sum: LogRankParts = { observed: new Array<number>(k).fill(0), expected: new Array<number>(k).fill(0), V: Array.from({ length: k }, () => new Array<number>(k).fill(0)), rows: 0 };
  let dropped = 0;
  for (const stratum of strata) {
    const parts = logRankParts(stratum, k);
    for (let a = 0; a < k; a++) {
      sum.observed[a] += parts.observed[a];
      sum.expected[a] += parts.expected[a];
      for (let b = 0; b < k; b++) sum.V[a][b] += parts.V[a][b];
    }
    dropped += stratum.reduce((s, g) => s + g.time.length, 0) - parts.rows;
  }
  return logRankTest(sum, k, dropped);
}

export interface RestrictedMean {
  horizon: number;
  rmean: number;
  se: number;
}

/**
 * Restricted mean survival time: the area under the Kaplan-Meier curve up to `horizon`,
 * with its standard error, as R's print(survfit(...), rmean = horizon).
 * @example restrictedMeanSurvival(kaplanMeier([1, 2, 3], [true, true, true]), 3).rmean // 2
 */
export function restrictedMeanSurvival(km: KaplanMeier, horizon: number): RestrictedMean {
  const kept = km.steps.filter((s) => s.time <= horizon);
  const times = [...kept.map((s) => s.time), horizon];
  const surv = [...kept.map((s) => s.survival), kept.length ? kept[kept.length - 1].survival : 1];
  const hazard = [...kept.map((s) => (s.atRisk - s.events === 0 ? 0 : s.events / (s.atRisk * (s.atRisk - s.events)))), 0];
  const start = Math.min(0, ...km.steps.map((s) => s.time));
  const rectangles = times.map((t, j) => (t - (j === 0 ? start : times[j - 1])) * (j === 0 ? 1 : surv[j - 1]));
  const rmean = rectangles.reduce((s, v) => s + v, 0) + start;
  // Each event time contributes its Greenwood term times the squared area after it.
  let variance = 0;
  let areaAfter = 0;
  for (let j = times.length - 1; j >= 1; j--) {
    areaAfter += rectangles[j];
    variance += areaAfter * areaAfter * hazard[j - 1];
  }
  return { horizon, rmean, se: Math.sqrt(variance) };
}
