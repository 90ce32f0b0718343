/**
 * Sensitivity indices of a sweep run with a morris or saltelli design: per arm, every
 * index of the key outcomes at N/4, N/2 and N (replicates give the conditional mean and
 * the noise share), and, for the main time series, first-order indices (saltelli) or mu*
 * (morris) of the series' mean in each observation window (indices over time).
 * The design's unit coordinates are rebuilt from the stored scenario (the design is a pure
 * function of it), so Morris steps are read before rounding to whole numbers.
 */
import type { SweepSpec } from '../../scenario/schema';
import { buildDesign } from '../../sweep/design';
import { morrisDelta } from '../../sweep/designs/morris';
import { readRunRecords, type SweepManifest } from '../records';
import type { RunRow } from '../run-rows';
import { analyzeOutcome, type AnalysisLayout, type SensitivityRow } from './analyze';
import { morrisSteps } from './morris-indices';
import { censoringHorizon, RECOVERY_OUTCOMES, sensitivityValue } from './recovery-outcomes';
import { rowMoments } from './replicates';

/**
 * Outcomes analysed in every sensitivity sweep (besides sweep.outcomes). The censored
 * resilience_ticks is analysed as `recovered` and `recovery_rmst` (recovery-outcomes.ts).
 */
export const SENSITIVITY_OUTCOMES = ['innovation_value_late', 'lock_in_index_final', 'diversity_final', ...RECOVERY_OUTCOMES, 'drop_ratio'];
/** Series whose indices are shown over time. */
export const SENSITIVITY_SERIES = ['innovation_value', 'lock_in_index', 'diversity'];
/** Bootstrap resamples of the over-time indices (many windows; their intervals are a guide). */
const SERIES_RESAMPLES = 200;

export interface SweepSensitivityRow extends SensitivityRow {
  arm: string;
  /** First tick of the window for a series index; null for an outcome. */
  tick: number | null;
}

export interface SweepSensitivity {
  method: 'morris' | 'saltelli';
  parameters: string[];
  /** saltelli: independent scrambles R of a replicated design (t intervals over them); 1 otherwise (bootstrap intervals). */
  scrambles?: number;
  rows: SweepSensitivityRow[];
  /** Outcomes left out because some design point has no finite value (failed runs, no shock). */
  skipped: string[];
}

/** The analysis layout of a sweep's design, or null when the design is not morris/saltelli. */
export function sweepLayout(manifest: SweepManifest): AnalysisLayout | null {
  const scenario = manifest.scenario as { sweep?: SweepSpec; seed?: number } | undefined;
  const kind = scenario?.sweep?.design;
  if (kind !== 'morris' && kind !== 'saltelli') return null;
  const design = buildDesign(scenario!.sweep, scenario!.seed ?? 42);
  const layout = design.sensitivity!;
  if (kind === 'saltelli') return { method: 'saltelli', parameters: design.parameters, secondOrder: layout.secondOrder, ...(layout.scrambles > 1 ? { blocks: layout.scrambles } : {}) };
  const steps = morrisSteps(layout.unit, design.parameters.length);
  if ('badRow' in steps) return null;
  return { method: 'morris', parameters: design.parameters, steps, delta: morrisDelta(layout.levels) };
}

/** Indices of every arm of the sweep in `dir` (null for other designs). */
export async function sweepSensitivity(dir: string, manifest: SweepManifest, runs: readonly RunRow[], arms: readonly string[]): Promise<SweepSensitivity | null> {
  const layout = sweepLayout(manifest);
  if (!layout) return null;
  const { rows, skipped } = outcomeSensitivity(manifest, layout, runs, arms);
  const points = ((manifest as { points?: unknown[] }).points ?? []).length;
  const seed = (manifest.scenario as { seed?: number }).seed ?? 42;
  rows.push(...(await seriesIndices(dir, manifest, layout, points, seed)));
  return { method: layout.method, parameters: layout.parameters.slice(), scrambles: layout.blocks ?? 1, rows, skipped };
}

/** Indices of the run outcomes (no series) of every arm, at N/4, N/2 and N. */
export function outcomeSensitivity(manifest: SweepManifest, layout: AnalysisLayout, runs: readonly Pick<RunRow, 'point' | 'arm' | 'outcomes'>[], arms: readonly string[]): { rows: SweepSensitivityRow[]; skipped: string[] } {
  const points = ((manifest as { points?: unknown[] }).points ?? []).length;
  const seed = (manifest.scenario as { seed?: number }).seed ?? 42;
  const extra = ((manifest.scenario as { sweep?: SweepSpec }).sweep?.outcomes ?? []) as string[];
  const outcomes = [...new Set([...SENSITIVITY_OUTCOMES, ...extra])].filter((o) => o !== 'resilience_ticks' && o !== 'resilience_censored');
  const rows: SweepSensitivityRow[] = [];
  const skipped = new Set<string>();
  const complete = (values: { row: number; value: number }[]) => {
    const m = rowMoments(points, values.filter((v) => Number.isFinite(v.value)));
    return m.count.every((c) => c > 0) ? m : null;
  };
  for (const arm of arms) {
    const mine = runs.filter((r) => r.arm === arm);
    const tau = censoringHorizon(mine.map((r) => r.outcomes));
    for (const outcome of outcomes) {
      const moments = complete(mine.map((r) => ({ row: r.point, value: sensitivityValue(outcome, r.outcomes, tau) })));
      if (!moments) {
        skipped.add(outcome);
        continue;
      }
      for (const r of analyzeOutcome(layout, outcome, moments, { seed })) rows.push({ ...r, arm, tick: null });
    }
  }
  return { rows, skipped: [...skipped] };
}

/** Window means of the main series per run, then one index per window (at full N). */
async function seriesIndices(dir: string, manifest: SweepManifest, layout: AnalysisLayout, points: number, seed: number): Promise<SweepSensitivityRow[]> {
  const window = (manifest.scenario as { observe?: { window?: number } }).observe?.window ?? 20;
  // values[arm][column][windowStart] -> { row, value }[]
  const values = new Map<string, Map<string, Map<number, { row: number; value: number }[]>>>();
  for await (const record of readRunRecords(dir)) {
    if (record.status !== 'ok') continue;
    const columns = record.columns ?? [];
    const tickAt = columns.indexOf('tick');
    if (tickAt < 0) continue;
    let byColumn = values.get(record.arm);
    if (!byColumn) values.set(record.arm, (byColumn = new Map()));
    for (const column of SENSITIVITY_SERIES) {
      const c = columns.indexOf(column);
      if (c < 0) continue;
      const sums = new Map<number, [number, number]>();
      for (const row of record.series ?? []) {
        const tick = row[tickAt];
        const v = row[c];
        if (typeof tick !== 'number' || typeof v !== 'number' || !Number.isFinite(v)) continue;
        const start = Math.floor(tick / window) * window;
        const s = sums.get(start) ?? [0, 0];
        sums.set(start, [s[0] + v, s[1] + 1]);
      }
      let byWindow = byColumn.get(column);
      if (!byWindow) byColumn.set(column, (byWindow = new Map()));
      for (const [start, [sum, n]] of sums) {
        const list = byWindow.get(start) ?? [];
        list.push({ row: record.point, value: sum / n });
        byWindow.set(start, list);
      }
    }
  }
  const out: SweepSensitivityRow[] = [];
  const wanted = layout.method === 'saltelli' ? 'S1' : 'mu_star';
  for (const [arm, byColumn] of [...values].sort()) {
    for (const column of SENSITIVITY_SERIES) {
      const byWindow = byColumn.get(column);
      if (!byWindow) continue;
      for (const start of [...byWindow.keys()].sort((a, b) => a - b)) {
        const m = rowMoments(points, byWindow.get(start)!);
        if (!m.count.every((c) => c > 0)) continue;
        const all = analyzeOutcome(layout, column, m, { seed, resamples: SERIES_RESAMPLES });
        const full = Math.max(...all.map((r) => r.n));
        for (const r of all) if (r.n === full && (r.index === wanted || r.index === 'noise_share')) out.push({ ...r, arm, tick: start });
      }
    }
  }
  return out;
}
