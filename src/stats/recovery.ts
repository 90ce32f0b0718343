/**
 * Recovery after a shock as survival data: a run that had not regained 90 % of its
 * pre-shock value when it ended is censored at that time, never averaged as if it had
 * recovered then. Kaplan-Meier curves per condition (point x arm), the median time to
 * recovery with its interval (or "not reached"), and log-rank tests between conditions
 * whose runs are independent (different design points of one arm; arms share seeds).
 */
import { kaplanMeier, logRank } from './survival';
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
  steps: { time: number; atRisk: number; events: number; censored: number; survival: number; lo: number; hi: number }[];
}

export interface RecoveryTest {
  arm: string;
  conditions: string[];
  chisq: number;
  df: number;
  p: number;
}

export interface RecoveryStats {
  curves: RecoveryCurve[];
  tests: RecoveryTest[];
}

/** Kaplan-Meier curves of resilience_ticks (event: resilience_censored = 0) per group. */
export function recoveryStats(runs: readonly RunRow[], labelOf: (point: number, arm: string) => string): RecoveryStats {
  const groups = new Map<string, RunRow[]>();
  for (const r of runs) {
    if (!Number.isFinite(r.outcomes.resilience_ticks) || !Number.isFinite(r.outcomes.resilience_censored)) continue;
    const key = `${r.point}\u0000${r.arm}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  const curves: RecoveryCurve[] = [];
  for (const rows of groups.values()) {
    const time = rows.map((r) => r.outcomes.resilience_ticks);
    const event = rows.map((r) => r.outcomes.resilience_censored < 0.5);
    const km = kaplanMeier(time, event);
    curves.push({
      point: rows[0].point, arm: rows[0].arm, condition: labelOf(rows[0].point, rows[0].arm),
      n: km.n, recovered: km.events, censored: km.censored, median: km.median, medianLo: km.medianLo, medianHi: km.medianHi, steps: km.steps,
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
  return { curves, tests };
}
