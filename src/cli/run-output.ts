/**
 * What `lrsim run` writes and prints: the output files of one run (timeseries.csv,
 * summary.json, firms.csv, and their data dictionary columns.json) and a short human summary. Pure functions of the run result.
 */
import { dictionaryJson, runDictionary } from '../dictionary';
import { columnsToCsv, rowMajorToCsv } from '../io/csv';
import { modelOf, type ModelResult } from '../models';
import type { LoadedScenario } from '../scenario/load';

/** The files a run writes (other files in --out are never touched). */
export const RUN_FILES = ['timeseries.csv', 'summary.json', 'firms.csv', 'columns.json'] as const;

/** summary.json: the resolved scenario, provenance, size and timing, then every outcome. */
export function summaryJson(loaded: LoadedScenario, result: ModelResult, version: string): string {
  const summary = {
    scenario: loaded.scenario,
    source: loaded.source,
    seed: result.seed,
    version,
    agents: result.agents,
    ticks: result.ticks,
    wall_seconds: result.wallSeconds,
    degenerate: result.degenerate,
    ...result.outcomes,
  };
  // JSON has no NaN or infinities; an undefined outcome (e.g. no shock) is null.
  return `${JSON.stringify(summary, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** The output files of a run, name -> content. */
export function runFiles(loaded: LoadedScenario, result: ModelResult, version: string): Record<string, string> {
  const files: Record<string, string> = {
    'timeseries.csv': rowMajorToCsv(result.columns, result.series, result.rows),
    'summary.json': summaryJson(loaded, result, version),
    'columns.json': dictionaryJson(runDictionary(result.columns, Object.keys(result.outcomes), loaded.scenario)),
  };
  if (result.firms) files['firms.csv'] = columnsToCsv(result.firms);
  return files;
}

const human = (x: number | undefined, digits = 3): string => {
  if (x === undefined || !Number.isFinite(x)) return 'n/a';
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return String(Number(x.toPrecision(digits)));
};

/** A few aligned lines for the terminal. */
export function humanSummary(loaded: LoadedScenario, result: ModelResult, outDir: string): string {
  const o = result.outcomes as Record<string, number>;
  const rate = result.wallSeconds > 0 ? (result.agents * result.ticks) / result.wallSeconds : NaN;
  const outcomeLines: [string, string][] = modelOf(loaded.scenario).regionLayers
    ? regionLines(o)
    : Object.entries(o).map(([key, value]) => [key.replace(/_/g, ' '), human(value)]);
  const lines: [string, string][] = [
    ...outcomeLines,
    ['wall time', `${human(result.wallSeconds)} s (${Number.isFinite(rate) ? `${human(rate / 1e6)}M` : 'n/a'} agent-ticks/s)`],
    ['output', outDir],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  const head = `${loaded.scenario.name} (${loaded.source}), seed ${result.seed}: ${result.agents.toLocaleString('en-US')} agents x ${result.ticks} ticks`;
  return `${head}\n${lines.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}

/** The learning region's headline outcomes. */
function regionLines(o: Record<string, number>): [string, string][] {
  return [
    ['innovations', human(o.innovations_total)],
    ['late value', `${human(o.innovation_value_late)} per tick`],
    ['lock-in index', human(o.lock_in_index_final)],
    ['locked in', o.locked_in === 1 ? 'yes' : o.locked_in === 0 ? 'no' : 'n/a'],
    ['diversity', human(o.diversity_final)],
    ['external tie share', human(o.external_tie_share_final)],
  ];
}

/** The default output directory: output/run-<scenario name>-seed<seed> (name made file-safe). */
export function defaultOutDir(name: string, seed: number): string {
  const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'scenario';
  return `output/run-${safe}-seed${seed}`;
}
