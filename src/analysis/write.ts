/**
 * Writing the results of `lrsim discover` (DIR/discovery/) and `lrsim robustness`
 * (DIR/robustness/): JSON, tidy CSV and charts. Called only after the whole result is
 * computed, so bad input never leaves a half-written folder.
 */
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { writeFileWhole } from '../io/write-fully';
import { makeDirectory } from '../io/make-directory';
import { isAbsolute, join, relative } from 'node:path';
import { label } from '../charts/chart';
import { writeCharts } from '../charts/render';
import { csvLine } from '../io/csv';
import { boxLimitsChart, robustnessChart, trajectoryChart } from './charts';
import type { DiscoveryResult } from './discover';
import type { RobustnessReport } from './robust';

/** What each command writes into its folder of DIR: files, and charts as .vl.json, .svg and .png. */
const RESULTS = {
  discover: { folder: 'discovery', files: ['boxes.json', 'trajectory.csv', 'tree.json'], charts: ['discovery-trajectory', 'discovery-box'] },
  robustness: { folder: 'robustness', files: ['robustness.json', 'arms.csv', 'regret.csv'], charts: ['robustness'] },
} as const;
type ResultCommand = keyof typeof RESULTS;

/** The folder a command writes into: DIR/discovery or DIR/robustness. */
export const resultsFolder = (dir: string, command: ResultCommand) => join(dir, RESULTS[command].folder);

/** Every file the command writes (whether it exists or not). */
function resultFiles(dir: string, command: ResultCommand): string[] {
  const { files, charts } = RESULTS[command];
  const out = resultsFolder(dir, command);
  return [...files.map((f) => join(out, f)), ...charts.flatMap((c) => ['vl.json', 'svg', 'png'].map((ext) => join(out, 'charts', `${c}.${ext}`)))];
}

/** The command's own files that an earlier run left in its folder (empty: nothing to replace). */
export const earlierResults = (dir: string, command: ResultCommand): string[] => resultFiles(dir, command).filter((f) => existsSync(f));

/**
 * Removes the command's own files from its folder (an earlier result, --force), so no chart
 * of an earlier outcome stays beside the new results (--no-images writes no SVG or PNG);
 * anything else there is someone else's and stays. Folders left empty go too.
 */
export function removeResults(dir: string, command: ResultCommand): void {
  for (const f of resultFiles(dir, command)) rmSync(f, { force: true });
  const out = resultsFolder(dir, command);
  for (const folder of [join(out, 'charts'), out]) if (existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
}

const json = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1) + '\n';

/** DIR/discovery/: boxes.json, trajectory.csv, tree.json and the charts. Returns the files. */
export async function writeDiscovery(dir: string, d: DiscoveryResult, images: boolean): Promise<string[]> {
  const out = resultsFolder(dir, 'discover');
  makeDirectory(out);
  const { tree, trajectory, ...rest } = d;
  writeFileWhole(join(out, 'boxes.json'), json({ ...rest, boxes: trajectory }));
  // `reported_from`: the box the reported one was pasted from (its own numbers are in boxes.json `chosen`).
  const lines = [csvLine(['box', 'coverage', 'density', 'mass', 'rows', 'points', 'cases', 'restricted_count', 'restricted', 'reported_from'])];
  for (const b of trajectory) lines.push(csvLine([b.index, b.coverage, b.density, b.mass, b.rows, b.points, b.cases, b.restricted.length, b.restricted.join(';'), b.reported_from]));
  writeFileWhole(join(out, 'trajectory.csv'), lines.join(''));
  writeFileWhole(join(out, 'tree.json'), json({ cases_are: d.cases_are, arm: d.arm, max_depth: d.tree_max_depth, min_leaf_points: d.tree_min_leaf_points, tree }));
  const { files, charts: [trajectoryName, boxName] } = RESULTS.discover;
  return [...files.map((f) => join(out, f)), ...(await charts(out, [trajectoryChart(d, trajectoryName), boxLimitsChart(d, boxName)], images))];
}

/** DIR/robustness/: robustness.json, arms.csv (one row per arm), regret.csv (per future and arm), the chart. */
export async function writeRobustness(dir: string, r: RobustnessReport, images: boolean): Promise<string[]> {
  const out = resultsFolder(dir, 'robustness');
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
  const { files, charts: [chart] } = RESULTS.robustness;
  return [...files.map((f) => join(out, f)), ...(await charts(out, [robustnessChart(r, label(r.outcome).toLowerCase(), chart)], images))];
}

/** Vega-Lite specs always; SVG and PNG too with `images`. */
async function charts(out: string, list: ReturnType<typeof trajectoryChart>[], images: boolean): Promise<string[]> {
  return (await writeCharts(out, list, images)).flatMap((w) => [w.spec, w.svg, w.png].filter((f): f is string => f !== null));
}

/** A path as the user should read it: relative to the working directory when inside it. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
