/**
 * The firm-level proximity paradox (MODEL-SPEC fact 1b) from a sweep's microdata
 * (`DIR/microdata/<key>.firms.csv`, written with `--microdata` or `sweep.microdata`):
 * per point x arm, firms' late innovation value against the learning-weighted mean
 * cognitive distance of the partners they learned from, binned, and the quadratic term
 * of that relation fitted per run (the run is the unit of independence: a run's firms
 * share its history). Compared firms: those that lived through the whole late window
 * (born before it starts, alive at the end, learning from someone in it), the window
 * over which both quantities are measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../io/csv';
import { quadraticFit } from './quadratic';
import type { ScenarioLike } from './records';
import { summarize, type Summary } from './summary';
import { summarizeBounded } from './bounded-interval';
import { outcomeRange } from './outcome-range';
import type { GroupStats, RunRow } from './run-rows';

/** Bin edges of partner distance (1 - cognitive proximity); the last bin is open. */
export const FIRM_BINS = [0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32, Infinity] as const;
/** A run's quadratic term needs at least this many firms. */
const MIN_FIRMS_FOR_FIT = 10;

export interface FirmBin {
  /** Bin edges [low, high) of partner distance; high is Infinity for the last bin. */
  low: number;
  high: number;
  /** Partner distance of the firms in the bin (mean, CI). */
  distance: Summary;
  /** Late innovation value of the firms in the bin (mean, CI across firms). */
  value: Summary;
}

export interface FirmCurve {
  point: number;
  arm: string;
  label: string;
  /** The group's label with short parameter names (charts). */
  chartLabel: string;
  /** Runs with a firm table, and firms compared over them. */
  runs: number;
  firms: number;
  /** Quadratic term of late value on partner distance, one fit per run, over runs. */
  quadratic: Summary;
  /** The per-run quadratic terms behind `quadratic`, in run order. */
  terms: number[];
  bins: FirmBin[];
}

/** The late window's first tick for a run: ticks - observe.window, after arm and point overrides. */
function lateStartOf(scenario: ScenarioLike, row: RunRow): number {
  const arm = (scenario.arms ?? []).find((a) => a.name === row.arm) as { set?: Record<string, unknown> } | undefined;
  const pick = (path: string, fallback: number | undefined): number => {
    const v = row.params[path] ?? arm?.set?.[path] ?? fallback;
    return typeof v === 'number' ? v : NaN;
  };
  return pick('ticks', scenario.ticks) - pick('observe.window', scenario.observe?.window);
}

/** One run's compared firms as [partner distance, late value] pairs, or null without a table. */
function runFirms(dir: string, scenario: ScenarioLike, row: RunRow): [number, number][] | null {
  const file = join(dir, 'microdata', `${row.key}.firms.csv`);
  if (!existsSync(file)) return null;
  const { columns, rows } = parseCsv(readFileSync(file, 'utf8'));
  const col = (name: string) => columns.indexOf(name);
  const [birth, exit, value, distance] = ['birth_tick', 'exit_tick', 'late_innovation_value', 'partner_distance'].map(col);
  if ([birth, exit, value, distance].some((c) => c < 0)) return null;
  const lateStart = lateStartOf(scenario, row);
  const out: [number, number][] = [];
  for (const r of rows) {
    // An empty exit_tick is a firm alive at the end; an empty partner_distance one that
    // learned from nobody in the late window.
    if (r[exit] !== '' || r[distance] === '') continue;
    const b = Number(r[birth]);
    const x = Number(r[distance]);
    const y = Number(r[value]);
    if (!(b < lateStart) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    out.push([x, y]);
  }
  return out;
}

/** Firm curves of every group that has microdata; empty when the sweep kept none. */
export function firmCurves(dir: string, scenario: ScenarioLike, groups: readonly GroupStats[], runs: readonly RunRow[]): FirmCurve[] {
  if (!existsSync(join(dir, 'microdata'))) return [];
  const curves: FirmCurve[] = [];
  for (const g of groups) {
    const pooled: [number, number][] = [];
    const quad: number[] = [];
    let withTable = 0;
    for (const row of runs) {
      if (row.point !== g.point || row.arm !== g.arm) continue;
      const firms = runFirms(dir, scenario, row);
      if (!firms) continue;
      withTable++;
      for (const f of firms) pooled.push(f); // a loop: spreading 10^5 values overflows the stack
      const xs = firms.map((f) => f[0]);
      if (firms.length >= MIN_FIRMS_FOR_FIT && distinctAtLeast(xs, 3)) {
        const c = quadraticFit(xs, firms.map((f) => f[1]))[2];
        if (Number.isFinite(c)) quad.push(c);
      }
    }
    if (withTable === 0) continue;
    const bins: FirmBin[] = [];
    for (let b = 0; b + 1 < FIRM_BINS.length; b++) {
      const inBin = pooled.filter(([x]) => x >= FIRM_BINS[b] && x < FIRM_BINS[b + 1]);
      if (inBin.length === 0) continue;
      bins.push({ low: FIRM_BINS[b], high: FIRM_BINS[b + 1], distance: summarizeBounded(inBin.map((f) => f[0]), outcomeRange('partner_distance')), value: summarizeBounded(inBin.map((f) => f[1]), outcomeRange('late_innovation_value')) });
    }
    curves.push({ point: g.point, arm: g.arm, label: g.label, chartLabel: g.chartLabel, runs: withTable, firms: pooled.length, quadratic: summarize(quad), terms: quad, bins });
  }
  return curves;
}

/** Whether xs holds at least n distinct values (a quadratic needs 3). */
function distinctAtLeast(xs: readonly number[], n: number): boolean {
  const seen = new Set<number>();
  for (const x of xs) {
    seen.add(x);
    if (seen.size >= n) return true;
  }
  return false;
}

/** One arm's per-run quadratic terms pooled over its design points (the report's firm-level sentence). */
export interface PooledQuadratic {
  arm: string;
  /** Design points pooled (1: the arm's only point). */
  points: number;
  firms: number;
  runs: number;
  quadratic: Summary;
}

/**
 * Per arm, the t summary of the per-run quadratic terms over all its design points. Arms
 * share seeds, so arms are never pooled with each other; the runs of different points
 * have different seeds, so within an arm they are independent.
 */
export function pooledQuadratics(curves: readonly FirmCurve[]): PooledQuadratic[] {
  const arms = [...new Set(curves.map((c) => c.arm))];
  return arms.map((arm) => {
    const mine = curves.filter((c) => c.arm === arm);
    return {
      arm,
      points: mine.length,
      firms: mine.reduce((a, c) => a + c.firms, 0),
      runs: mine.reduce((a, c) => a + c.runs, 0),
      quadratic: summarize(mine.flatMap((c) => c.terms)),
    };
  });
}
