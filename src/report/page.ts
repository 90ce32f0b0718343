/**
 * The report page: one self-contained HTML file. Every scenario-derived string is
 * escaped; chart specs travel as JSON inside <script type="application/json">.
 */
import type { Chart } from '../charts';
import { FONT_FAMILY } from '../charts';
import { escapeHtml, jsonForScript } from './escape';
import type { ParameterRow } from './parameters';

/** A file written for each chart: charts/NAME.vl.json, .svg, .png. */
export type ChartFile = 'vl.json' | 'svg' | 'png';

const CHART_FILE_LABEL: Record<ChartFile, string> = { 'vl.json': 'Vega-Lite spec', svg: 'SVG', png: 'PNG' };

export interface PageInput {
  title: string;
  /** The line under the title (default: the sweep report's). */
  lede?: string;
  description: string;
  /** "This scenario extends baseline; ..." or null. */
  extendsLine: string | null;
  /** The teaching note, '' when none is shown. */
  teachingNote: string;
  /** Why the scenario's teaching note is left out, or null. */
  teachingNoteOmitted: string | null;
  references: string[];
  findings: string[];
  parameters: ParameterRow[];
  charts: Chart[];
  /**
   * The files written under charts/ for every chart, linked in its caption: only these, so
   * a report written with --no-images links no SVG or PNG (and none when nothing was written).
   */
  chartFiles: readonly ChartFile[];
  dataFiles: { file: string; what: string }[];
  failed: { key: string; error: string | null }[];
  /** Runs left out of effect estimates because they are degenerate, with the reason. */
  degenerate?: { key: string; reason: string }[];
  footer: string;
  libraries: { name: string; version: string; source: string }[];
  fontCss: string;
}

const CSS = `
:root{--ink:#222;--muted:#555;--rule:#ddd;--accent:#0072B2}
*{box-sizing:border-box}
body{font-family:'${FONT_FAMILY}',sans-serif;color:var(--ink);margin:0;background:#fafafa;line-height:1.5;font-size:15px}
main{max-width:1180px;margin:0 auto;padding:24px 32px 48px;background:#fff;min-height:100vh}
h1{font-size:26px;margin:8px 0 4px}h2{font-size:19px;margin:36px 0 8px;border-bottom:1px solid var(--rule);padding-bottom:4px}
.lede{color:var(--muted);margin:0 0 16px}
.description p{margin:0 0 10px;max-width:80ch}
.note{background:#f3f7fb;border-left:4px solid var(--accent);padding:8px 14px;max-width:80ch}
.note-omitted,.extends{color:var(--muted);max-width:80ch;margin:0 0 10px}
ol.findings li{margin:0 0 8px;max-width:95ch}
table{border-collapse:collapse;font-size:14px;margin:8px 0}
th,td{text-align:left;padding:4px 12px 4px 0;border-bottom:1px solid #eee;vertical-align:top}
th{color:var(--muted);font-weight:bold}
td.group{color:var(--muted);white-space:nowrap}
figure{margin:12px 0 28px}
.chart{overflow-x:auto;min-height:60px}
.chart.vega-embed{display:block;max-width:100%;overflow-x:auto}
figcaption{color:var(--muted);font-size:14px;max-width:95ch;margin-top:6px}
figcaption .files a{margin-right:10px}
nav.toc{display:flex;flex-wrap:wrap;column-gap:14px}nav.toc a{white-space:nowrap}
figcaption .files{display:inline-flex;flex-wrap:wrap}
.error{color:#b00020}
footer{color:var(--muted);font-size:13px;margin-top:40px;border-top:1px solid var(--rule);padding-top:8px}
code{font-size:13px}
@media print{body{background:#fff}main{padding:0}nav.toc{display:none}}
`;

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

/** "Files: spec SVG PNG" links under a chart, for the files that were written ('' for none). */
function fileLinks(name: string, files: readonly ChartFile[]): string {
  if (!files.length) return '';
  return `<br><span class="files">Files: ${files.map((f) => `<a href="charts/${escapeHtml(name)}.${f}">${CHART_FILE_LABEL[f]}</a>`).join('')}</span>`;
}

/** The complete HTML document. */
export function renderPage(input: PageInput): string {
  const charts = input.charts.map((c) => ({ name: c.name, spec: forPage(c.spec) }));
  const toc = input.charts.map((c) => `<a href="#fig-${escapeHtml(c.name)}">${escapeHtml(c.title)}</a>`).join('');
  const figures = input.charts
    .map(
      (c, i) => `<figure id="fig-${escapeHtml(c.name)}">
<h2>Figure ${i + 1}. ${escapeHtml(c.title)}</h2>
<div class="chart" id="chart-${escapeHtml(c.name)}" data-chart="${escapeHtml(c.name)}"></div>
<figcaption>${escapeHtml(c.caption)}${fileLinks(c.name, input.chartFiles)}</figcaption>
</figure>`,
    )
    .join('\n');
  const params = input.parameters
    .map((r) => `<tr><td class="group">${escapeHtml(r.group)}</td><td><code>${escapeHtml(r.name)}</code></td><td>${escapeHtml(r.value)}</td></tr>`)
    .join('\n');
  const data = input.dataFiles.map((d) => `<li><a href="${escapeHtml(d.file)}">${escapeHtml(d.file)}</a>: ${escapeHtml(d.what)}</li>`).join('\n');
  const failed = input.failed.length
    ? `<h2>Failed runs</h2><ul>${input.failed.slice(0, 50).map((f) => `<li><code>${escapeHtml(f.key)}</code>: ${escapeHtml(f.error ?? 'unknown error')}</li>`).join('')}${input.failed.length > 50 ? `<li>… and ${input.failed.length - 50} more (see manifest.json)</li>` : ''}</ul>`
    : '';
  const degenerate = input.degenerate?.length
    ? `<h2>Degenerate runs</h2><p>Left out of every effect estimate: their lock-in index and diversity are undefined.</p><ul>${input.degenerate.slice(0, 50).map((d) => `<li><code>${escapeHtml(d.key)}</code>: ${escapeHtml(d.reason.replace(/_/g, ' '))}</li>`).join('')}${input.degenerate.length > 50 ? `<li>… and ${input.degenerate.length - 50} more (see runs.csv, column degenerate)</li>` : ''}</ul>`
    : '';
  const refs = input.references.length ? `<h2>References</h2><ul>${input.references.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '';
  const libs = input.libraries.map((l) => `<script>/* ${escapeHtml(l.name)} ${escapeHtml(l.version)} (inlined from node_modules) */\n${l.source}\n</script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>
${input.fontCss}
${CSS}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(input.title)}</h1>
<p class="lede">${escapeHtml(input.lede ?? 'Sweep report written by lrsim. Every interval is a 95 % interval over replicate runs; hover a chart for exact values.')}</p>
<div class="description">${paragraphs(input.description) || '<p>(The scenario has no description.)</p>'}</div>
${input.extendsLine ? `<p class="extends">${escapeHtml(input.extendsLine)}</p>` : ''}
${input.teachingNote.trim() ? `<div class="note"><strong>What to look for.</strong> ${paragraphs(input.teachingNote)}</div>` : ''}
${input.teachingNoteOmitted ? `<p class="note-omitted">${escapeHtml(input.teachingNoteOmitted)}</p>` : ''}
<h2>Findings</h2>
<ol class="findings">
${input.findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('\n')}
</ol>
<h2>Parameters</h2>
<table><thead><tr><th></th><th>Parameter</th><th>Value</th></tr></thead><tbody>
${params}
</tbody></table>
<h2>Charts</h2>
<nav class="toc">${toc}</nav>
${figures}
<h2>Data files</h2>
<ul>
${data}
</ul>
${failed}
${degenerate}
${refs}
<footer>${escapeHtml(input.footer)}</footer>
</main>
<script type="application/json" id="lrsim-charts">${jsonForScript(charts)}</script>
${libs}
<script>
(function () {
  var charts = JSON.parse(document.getElementById('lrsim-charts').textContent);
  var options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false }, tooltip: { theme: 'light' } };
  function embedAll() {
    return Promise.all(charts.map(function (chart) {
      var el = document.getElementById('chart-' + chart.name);
      return vegaEmbed(el, chart.spec, options).then(function () { el.setAttribute('data-rendered', 'true'); }).catch(function (err) {
        el.textContent = 'This chart could not be drawn: ' + err.message;
        el.className += ' error';
        console.error(err);
      });
    }));
  }
  // Draw after the inlined font is ready so Vega measures labels in the font it draws them in.
  var ready = document.fonts && document.fonts.load ? Promise.all([document.fonts.load("11px '${FONT_FAMILY}'"), document.fonts.load("bold 11px '${FONT_FAMILY}'")]) : Promise.resolve();
  ready.catch(function () {}).then(embedAll).then(function () { document.body.setAttribute('data-charts-done', 'true'); });
})();
</script>
</body>
</html>
`;
}

/**
 * Specs in the page drop `$schema` (a URL the page never loads), and their title, which
 * the figure heading already shows: the subtitle stays as a small note over the chart.
 */
function forPage(spec: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, title, ...rest } = spec;
  const subtitle = title && typeof title === 'object' ? (title as { subtitle?: string }).subtitle : undefined;
  return subtitle ? { ...rest, title: { text: subtitle, fontSize: 12, fontWeight: 'normal', color: '#555' } } : rest;
}
