/**
 * Writing the results of `lrsim discover` (DIR/discovery/) and `lrsim robustness`
 * (DIR/robustness/): JSON, tidy CSV and charts. Called only after the whole result is
 * computed, so bad input never leaves a half-written folder.
 */
import { writeFileWhole } from '../io/write-fully';
import { makeDirectory } from '../io/make-directory';
import { isAbsolute, join, relative } from 'node:path';
import { label } from '../charts/chart';
import { writeCharts } from '../charts/render';
import { csvLine } from '../io/csv';
import { boxLimitsChart, robustnessChart, trajectoryChart } from './charts';
import type { DiscoveryResult } from './discover';
import type { RobustnessReport } from './robust';

const json = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1) + '\n';

/** DIR/discovery/: boxes.json, trajectory.csv, tree.json and the charts. Returns the files. */
export async function writeDiscovery(dir: string, d: DiscoveryResult, images: boolean): Promise<string[]> {
  const out = join(dir, 'discovery');
  makeDirectory(out);
  const { tree, trajectory, ...rest } = d;
  writeFileWhole(join(out, 'boxes.json'), json({ ...rest, boxes: trajectory }));
  // `reported_from`: the box the reported one was pasted from (its own numbers are in boxes.json `chosen`).
  const lines = [csvLine(['box', 'coverage', 'density', 'mass', 'rows', 'points', 'cases', 'restricted_count', 'restricted', 'reported_from'])];
  for (const b of trajectory) lines.push(csvLine([b.index, b.coverage, b.density, b.mass, b.rows, b.points, b.cases, b.restricted.length, b.restricted.join(';'), b.reported_from]));
  writeFileWhole(join(out, 'trajectory.csv'), lines.join(''));
  writeFileWhole(join(out, 'tree.json'), json({ cases_are: d.cases_are, arm: d.arm, max_depth: d.tree_max_depth, min_leaf_points: d.tree_min_leaf_points, tree }));
  const files = ['boxes.json', 'trajectory.csv', 'tree.json'];
  return [...files.map((f) => join(out, f)), ...(await charts(out, [trajectoryChart(d), boxLimitsChart(d)], images))];
}

/** DIR/robustness/: robustness.json, arms.csv (one row per arm), regret.csv (per future and arm), the chart. */
export async function writeRobustness(dir: string, r: RobustnessReport, images: boolean): Promise<string[]> {
  const out = join(dir, 'robustness');
  makeDirectory(out);
  const { per_future, ...rest } = r;
  writeFileWhole(join(out, 'robustness.json'), json(rest));
  const arms = [csvLine(['arm', 'cost', 'mean_outcome', 'sd_outcome', 'mean_regret', 'mean_regret_ci_low', 'mean_regret_ci_high', 'p90_regret', 'p90_regret_ci_low', 'p90_regret_ci_high', 'max_regret', 'satisficing', 'satisficing_ci_low', 'satisficing_ci_high', 'best_share', 'worst_share', 'futures', 'interval_method', 'interval_reason'])];
  // Empty interval (and SD) fields below the fewest futures for an interval, with the reason: the same as the sentences.
  const bounds = (i: [number, number | null] | null) => i ?? [null, null];
  for (const a of r.arms) {
    arms.push(csvLine([a.arm, a.cost, a.meanOutcome, a.sdOutcome, a.meanRegret, ...bounds(a.ci.meanRegret), a.p90Regret, ...bounds(a.ci.p90Regret), a.maxRegret, a.satisficing, ...bounds(a.ci.satisficing), a.bestShare, a.worstShare, r.futures, r.interval.method, r.interval.reason]));
  }
  writeFileWhole(join(out, 'arms.csv'), arms.join(''));
  const regret = [csvLine(['point', 'arm', 'seeds', 'outcome', 'regret', 'target_value', 'meets_target'])];
  for (const p of per_future) regret.push(csvLine([p.future, p.arm, p.seeds, p.outcome, p.regret, r.target ? p.target : null, p.meets]));
  writeFileWhole(join(out, 'regret.csv'), regret.join(''));
  const files = ['robustness.json', 'arms.csv', 'regret.csv'];
  return [...files.map((f) => join(out, f)), ...(await charts(out, [robustnessChart(r, label(r.outcome).toLowerCase())], images))];
}

/** Vega-Lite specs always; SVG and PNG too with `images`. */
async function charts(out: string, list: ReturnType<typeof trajectoryChart>[], images: boolean): Promise<string[]> {
  if (images) return (await writeCharts(out, list)).flatMap((w) => [w.spec, w.svg, w.png]);
  makeDirectory(join(out, 'charts'));
  return list.map((c) => {
    const path = join(out, 'charts', `${c.name}.vl.json`);
    writeFileWhole(path, JSON.stringify(c.spec, null, 1) + '\n');
    return path;
  });
}

/** A path as the user should read it: relative to the working directory when inside it. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
