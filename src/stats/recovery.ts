/**
 * Recovery after a shock as survival data: a run that had not regained 90 % of its
 * pre-shock value when it ended is censored at that time, never averaged as if it had
 * recovered then. Kaplan-Meier curves per condition (point x arm), the median time to
 * recovery with its interval (or "not reached"), log-rank tests between conditions whose
 * runs are independent (different design points of one arm), and paired comparisons of
 * arms on their common seeds: the log-rank test stratified by seed, with the count of
 * seeds on which each arm recovered first.
 */
import { holm } from './multiple-comparisons';
import { kaplanMeier, logRank, restrictedMeanSurvival, stratifiedLogRank } from './survival';
import { Z95 } from './wilson';
import type { RunRow } from './run-rows';

export interface RecoveryCurve {
  point: number;
  arm: string;
  /** The condition's label, e.g. "openness = 0.3 · shock". */
  condition: string;
  n: number;
  recovered: number;
  censored: number;
  /** Median ticks to recovery and its 95 % CI; NaN when not reached / not estimable. */
  median: number;
  medianLo: number;
  medianHi: number;
  /**
   * Restricted mean time to recovery: the area under the Kaplan-Meier curve from the shock
   * to `horizon` (R: print(survfit, rmean = horizon)), i.e. the mean of min(recovery time,
   * horizon) with censoring handled. `horizon` is the last time of any group (in a sweep
   * whose runs share their length and shock tick, the follow-up after the shock), or the
   * group's own last time when that is a censored run's and comes earlier. Its
   * 95 % interval is rmst -+ 1.96 SE (Greenwood), cut to [0, horizon]; NaN when the SE is
   * 0 (no run recovered before the horizon, or all at one tick): no interval is claimed.
   */
  horizon: number;
  rmst: number;
  rmstSe: number;
  rmstLo: number;
  rmstHi: number;
  steps: { time: number; atRisk: number; events: number; censored: number; survival: number; lo: number; hi: number }[];
}

export interface RecoveryTest {
  arm: string;
  conditions: string[];
  chisq: number;
  df: number;
  p: number;
}

/**
 * Recovery of two arms on their common seeds (armA the later arm in arm order), at a point
 * or pooled over points (null; strata are then point x seed).
 */
export interface RecoveryArmTest {
  point: number | null;
  armA: string;
  armB: string;
  /** Seeds on which both arms have a recovery time. */
  pairs: number;
  /**
   * Seeds on which A recovered strictly before B (B recovered later, or had not recovered
   * when its run ended at or after A's recovery), the same for B, both at the same tick, and
   * seeds whose order the censoring hides (both censored, or the earlier time is censored).
   */
  aFirst: number;
  bFirst: number;
  ties: number;
  undetermined: number;
  /** Log-rank test stratified by seed (R: survdiff(Surv(t, e) ~ arm + strata(seed))). */
  chisq: number;
  p: number;
  /** p adjusted by Holm over the pairs of arms of the same point (or of the pooled rows). */
  pHolm: number;
}

export interface RecoveryStats {
  curves: RecoveryCurve[];
  tests: RecoveryTest[];
  /** Paired comparisons of arms on common seeds (empty with fewer than two arms with recovery data). */
  armTests: RecoveryArmTest[];
}

/**
 * Kaplan-Meier curves of resilience_ticks (event: resilience_censored = 0) per group, tests
 * between the points of each arm, and paired tests between `arms` (in arm order).
 */
export function recoveryStats(runs: readonly RunRow[], labelOf: (point: number, arm: string) => string, arms: readonly string[] = []): RecoveryStats {
  const groups = new Map<string, RunRow[]>();
  for (const r of runs) {
    if (!Number.isFinite(r.outcomes.resilience_ticks) || !Number.isFinite(r.outcomes.resilience_censored)) continue;
    const key = `${r.point}\u0000${r.arm}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  const curves: RecoveryCurve[] = [];
  let common = -Infinity; // the last time of any group (a loop: a sweep's runs can exceed the argument limit)
  for (const rows of groups.values()) for (const r of rows) common = Math.max(common, r.outcomes.resilience_ticks);
  for (const rows of groups.values()) {
    const time = rows.map((r) => r.outcomes.resilience_ticks);
    const event = rows.map((r) => r.outcomes.resilience_censored < 0.5);
    const km = kaplanMeier(time, event);
    // Every group to the common horizon when its curve gets there: it has reached 0 (every
    // run recovered; the area beyond is 0) or its last time is the common one. A group whose
    // last run is censored earlier stops at that time (no extrapolation past its follow-up).
    const last = km.steps[km.steps.length - 1];
    const horizon = last.survival === 0 ? common : last.time;
    const rm = restrictedMeanSurvival(km, horizon);
    const interval = rm.se > 0 && Number.isFinite(rm.se);
    curves.push({
      point: rows[0].point, arm: rows[0].arm, condition: labelOf(rows[0].point, rows[0].arm),
      n: km.n, recovered: km.events, censored: km.censored, median: km.median, medianLo: km.medianLo, medianHi: km.medianHi,
      horizon, rmst: rm.rmean, rmstSe: rm.se,
      rmstLo: interval ? Math.max(0, rm.rmean - Z95 * rm.se) : NaN,
      rmstHi: interval ? Math.min(horizon, rm.rmean + Z95 * rm.se) : NaN,
      steps: km.steps,
    });
  }
  curves.sort((a, b) => a.point - b.point || a.arm.localeCompare(b.arm));
  const tests: RecoveryTest[] = [];
  for (const arm of [...new Set(curves.map((c) => c.arm))]) {
    const own = curves.filter((c) => c.arm === arm);
    if (own.length < 2) continue;
    const data = own.map((c) => {
      const rows = groups.get(`${c.point}\u0000${arm}`)!;
      return { time: rows.map((r) => r.outcomes.resilience_ticks), event: rows.map((r) => r.outcomes.resilience_censored < 0.5) };
    });
    if (data.every((d) => d.event.every((e) => !e))) continue; // nobody recovered anywhere: nothing to compare
    const t = logRank(data);
    tests.push({ arm, conditions: own.map((c) => c.condition), chisq: t.chisq, df: t.df, p: t.p });
  }
  return { curves, tests, armTests: pairedArmTests(groups, arms) };
}

/** One recovery time: ticks, and whether the run recovered then (false: censored). */
interface Recovery {
  time: number;
  event: boolean;
}

/** Which arm of a seed recovered first: 1 = A, -1 = B, 0 = same tick, NaN = hidden by censoring. */
function firstToRecover(a: Recovery, b: Recovery): number {
  if (a.event && b.event) return Math.sign(b.time - a.time);
  if (a.event && a.time <= b.time) return 1; // B had not recovered by the end of its run, at or after A's recovery
  if (b.event && b.time <= a.time) return -1;
  return NaN;
}

/** Every pair of arms with recovery data on common seeds, per point (with several) and pooled. */
function pairedArmTests(groups: ReadonlyMap<string, RunRow[]>, arms: readonly string[]): RecoveryArmTest[] {
  // arm -> "point:seed" -> recovery
  const byArm = new Map<string, Map<string, Recovery & { point: number }>>();
  for (const rows of groups.values()) {
    for (const r of rows) {
      let m = byArm.get(r.arm);
      if (!m) byArm.set(r.arm, (m = new Map()));
      m.set(`${r.point}:${r.seed}`, { point: r.point, time: r.outcomes.resilience_ticks, event: r.outcomes.resilience_censored < 0.5 });
    }
  }
  const withData = arms.filter((a) => byArm.has(a));
  const points = [...new Set([...byArm.values()].flatMap((m) => [...m.values()].map((v) => v.point)))].sort((x, y) => x - y);
  const out: RecoveryArmTest[] = [];
  for (const point of points.length > 1 ? [null, ...points] : [null]) {
    const scope: RecoveryArmTest[] = [];
    for (let b = 0; b < withData.length; b++) {
      for (let a = b + 1; a < withData.length; a++) {
        const A = byArm.get(withData[a])!;
        const B = byArm.get(withData[b])!;
        const keys = [...A.keys()].filter((k) => B.has(k) && (point === null || A.get(k)!.point === point)).sort();
        if (keys.length === 0) continue;
        const order = keys.map((k) => firstToRecover(A.get(k)!, B.get(k)!));
        // Arm B first (survdiff's reference level), so chi-square is that of arm A's O - E.
        const t = stratifiedLogRank(keys.map((k) => [B.get(k)!, A.get(k)!].map((x) => ({ time: [x.time], event: [x.event] }))));
        scope.push({
          point, armA: withData[a], armB: withData[b], pairs: keys.length,
          aFirst: order.filter((o) => o === 1).length, bFirst: order.filter((o) => o === -1).length,
          ties: order.filter((o) => o === 0).length, undetermined: order.filter((o) => Number.isNaN(o)).length,
          chisq: t.chisq, p: t.p, pHolm: NaN,
        });
      }
    }
    const adjusted = holm(scope.map((x) => x.p));
    out.push(...scope.map((x, i) => ({ ...x, pHolm: adjusted[i] })));
  }
  return out;
}
