/**
 * The offline HTML report of a sweep directory: statistics (stats.csv), charts
 * (charts/NAME.vl.json, .svg, .png) and one self-contained report.html.
 */
import { existsSync } from 'node:fs';
import { writeFileWhole } from '../io/write-fully';
import { join } from 'node:path';
import { buildCharts, FONT_FAMILY, writeCharts, type WrittenChart } from '../charts';
import { computeSweepStats, writeStatsCsv, type SweepStats } from '../stats';
import { fontFaceCss, librarySources } from './assets';
import { networkLoads } from './escape';
import { findings } from './findings/index';
import { clusterUnitName } from './findings/format';
import { decisionSections } from '../analysis/report-section';
import { parameterRows } from './parameters';
import { renderPage } from './page';
import { extendsLine, teachingNote } from './teaching-note';
import { sensitivitySentences } from './sensitivity-section';

export { escapeHtml, jsonForScript, networkLoads } from './escape';
export { findings, changeClause } from './findings/index';

export interface ReportOptions {
  /** Also write SVG and PNG of every chart (default true; the HTML itself never needs them). */
  images?: boolean;
}

export interface ReportResult {
  /** DIR/report.html */
  path: string;
  /** DIR/stats.csv */
  statsPath: string;
  charts: WrittenChart[];
  findings: string[];
  runs: number;
  failed: number;
}

const DATA_FILES = [
  { file: 'runs.csv', what: 'one row per run: key, point, arm, replicate, seed, parameters, outcomes and degenerate' },
  { file: 'timeseries.csv', what: 'the time series of every run' },
  { file: 'stats.csv', what: 'the statistics of the findings, tidy (section, point, parameters, arm, measure, n, mean, sd, 95 % CI, effect size); not in it: the correlation sentence, and the robustness and scenario-discovery sections, which are computed from runs.csv as they say' },
  { file: 'columns.json', what: 'the data dictionary: type, unit and definition of every column of these tables' },
  { file: 'runs.ndjson', what: 'the raw run records (series and place flows included)' },
  { file: 'manifest.json', what: 'the resolved scenario, design, seed rule, machine and timings' },
];

/** Compute the statistics of DIR, write stats.csv, the charts and report.html. */
export async function writeReport(dir: string, opts: ReportOptions = {}): Promise<ReportResult> {
  const stats = await computeSweepStats(dir);
  const statsPath = writeStatsCsv(dir, stats);
  const charts = buildCharts(stats);
  // Vega-Lite specs always (as calibrate and analyze write them); SVG and PNG unless --no-images.
  const images = opts.images !== false;
  const written = await writeCharts(dir, charts, images);
  const sentences = [...findings(stats), ...sensitivitySentences(stats), ...decisionSections(stats).findings];
  const html = reportHtml(stats, charts, written, sentences, dir);
  const loads = networkLoads(html);
  if (loads.length) throw new Error(`report.html would load from the network: ${loads.join(', ')}`);
  const path = join(dir, 'report.html');
  writeFileWhole(path, html);
  return { path, statsPath, charts: images ? written : [], findings: sentences, runs: stats.runs.length, failed: stats.failed.length };
}

function reportHtml(stats: SweepStats, charts: ReturnType<typeof buildCharts>, written: readonly WrittenChart[], sentences: string[], dir: string): string {
  const sc = stats.scenario;
  const version = typeof stats.manifest.version === 'string' ? stats.manifest.version : 'unknown';
  const source = typeof stats.manifest.scenario_source === 'string' ? ` from ${stats.manifest.scenario_source}` : '';
  const note = teachingNote(stats.manifest, stats.runs.length + stats.failed.length);
  // Pooled over sampled design points with several seeds per point the contrasts are clustered by point.
  const clustered = stats.armComparison.contrasts.some((c) => c.method === 'paired_t_clustered_by_point' || c.method === 'paired_share_clustered_by_point');
  const unit = clusterUnitName(stats.design);
  const clusteredText = clustered ? `; pooled over the sampled design points, clustered by ${unit} (CR2 t; shares: Agresti-Min at the design-effect-adjusted size, clustered McNemar p; ranking bootstrap over ${unit === 'point' ? 'points' : 'those groups'})` : '';
  return renderPage({
    title: `${sc.name ?? 'Sweep'}: lrsim report`,
    description: note.description ?? sc.description ?? '',
    extendsLine: extendsLine(stats.manifest),
    teachingNote: note.note,
    teachingNoteOmitted: note.omitted,
    references: sc.references ?? [],
    findings: sentences,
    parameters: parameterRows(stats),
    charts,
    chartFiles: !written.length ? [] : written[0].svg ? ['vl.json', 'svg', 'png'] : ['vl.json'],
    dataFiles: DATA_FILES.filter((d) => existsSync(join(dir, d.file))),
    failed: stats.failed,
    degenerate: stats.degenerateRuns.map((r) => ({ key: r.key, reason: r.degenerate ?? '' })),
    footer: `lrsim ${version}; scenario ${sc.name ?? ''}${source}; statistics: 95 % confidence intervals of means (t-based; near a bound of an outcome's range a bounded interval, named in stats.csv's method column), Wilson intervals for shares; parameter effects from a linear model with two-way interactions over the whole grid (estimated marginal means, standard errors clustered by seed where arms share seeds, else heteroskedasticity-robust; shares of 0/1 outcomes as differences of shares with an adjusted Wald interval, the arms of a point paired on their seeds) or, for continuous designs, standardised regression and partial rank correlation; arms compared pairwise on common seeds (paired t; shares of 0/1 outcomes with the Agresti-Min interval and exact McNemar p${clusteredText}; Holm-adjusted) with the share of bootstrap resamples in which each arm ranks first (not a test) among the arms that are options (an arm that changes the shocks is a condition); recovery times as Kaplan-Meier survival data with log-rank tests (arms on common seeds: stratified by seed). Charts: Vega-Lite, font ${FONT_FAMILY}.`,
    libraries: librarySources(),
    fontCss: fontFaceCss(FONT_FAMILY),
  });
}
