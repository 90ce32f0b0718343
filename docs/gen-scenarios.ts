/**
 * Builds docs/scenarios.md: runs every built-in scenario's sweep (`lrsim sweep NAME`),
 * writes its report, copies its key charts to docs/img/scenarios/ and writes one section
 * per scenario with its description, teaching note, findings (computed from the
 * statistics by the report) and charts.
 *
 *   npx tsx docs/gen-scenarios.ts [NAME...]      (default: every built-in)
 *   npx tsx docs/gen-scenarios.ts --prose        (only descriptions, teaching notes,
 *                                                 references and the facts tail)
 *
 * Sweeps go to output/docs/NAME (not committed). Takes several minutes on 2 cores.
 * `--prose` runs nothing: it rewrites the hand-written parts of the committed doc from
 * the scenario files and docs/facts.md and keeps every section's computed findings and
 * charts (docs/scenarios-doc.ts).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listBuiltins, loadScenario } from '../src/scenario';
import { parseCsv } from '../src/io/csv';
import { DOC_HEAD, factsTail, intervalsNotInStats, proseLines, referencesLine, refreshProse } from './scenarios-doc';

const root = join(import.meta.dirname, '..');
const docFile = join(root, 'docs', 'scenarios.md');
const factsFile = join(root, 'docs', 'facts.md');
const facts = existsSync(factsFile) ? readFileSync(factsFile, 'utf8') : '';
/** A built-in's prose fields, headed by its built-in name. */
const prose = (name: string) => ({ ...loadScenario(name).scenario, name });

if (process.argv.includes('--prose')) {
  writeFileSync(docFile, refreshProse(readFileSync(docFile, 'utf8'), listBuiltins().map((b) => prose(b.name)), facts));
  console.log(`rewrote the descriptions, teaching notes, references and facts of ${docFile}`);
  process.exit(0);
}

// Imported here, not above, so --prose does not load the report's charting stack.
const { writeReport } = await import('../src/report');
const only = process.argv.slice(2);
const imgDir = join(root, 'docs', 'img', 'scenarios');
mkdirSync(imgDir, { recursive: true });

/** Charts worth showing per scenario, in order of preference (first two that exist). */
const PREFERRED = ['heatmap-innovation', 'policy-comparison', 'innovation-value', 'lock-in', 'region-map', 'knowledge-flows', 'heatmap-locked-in', 'diversity-external-ties'];
const FOCUS: Record<string, string[]> = {
  'oresund-bridge': ['link-flows', 'region-map', 'policy-comparison'],
  'closed-district': ['innovation-value', 'lock-in', 'diversity-external-ties'],
  'proximity-paradox': ['firm-proximity', 'innovation-value', 'diversity-external-ties'],
  'structural-shock': ['innovation-value', 'sweep-innovation', 'lock-in'],
  'learning-city': ['sweep-innovation', 'policy-comparison', 'innovation-value'],
  'proximity-openness': ['heatmap-innovation', 'heatmap-locked-in', 'lock-in'],
  'university-milieu': ['firm-learning', 'policy-comparison', 'innovation-value'],
  'sociocultural-cluster': ['firm-learning', 'policy-comparison', 'innovation-value'],
  'policy-under-uncertainty': ['robustness', 'discovery-box', 'policy-comparison'],
};

const sections: string[] = [];
/** Intervals a note quotes that the sweep's statistics do not give (reported at the end; exit 1). */
const stale: string[] = [];
const cache = join(root, 'output', 'docs');
const builtins = listBuiltins().filter((b) => only.length === 0 || only.includes(b.name));
for (const b of builtins) {
  const out = join(cache, b.name);
  const started = Date.now();
  if (!existsSync(join(out, 'manifest.json')) || !JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status?.startsWith('complete')) {
    execFileSync(process.execPath, [join(root, 'bin', 'lrsim.js'), 'sweep', b.name, '--out', out, '--no-report'], { stdio: 'inherit' });
  }
  const report = await writeReport(out);
  const scenario = prose(b.name);
  const table = parseCsv(readFileSync(join(out, 'stats.csv'), 'utf8'));
  const statsRows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? ''])));
  for (const quoted of intervalsNotInStats(`${scenario.description ?? ''} ${scenario.teaching_note ?? ''}`, statsRows)) {
    stale.push(`${b.name}: "${quoted}" is in its description or teaching note but in no row of ${join(out, 'stats.csv')}`);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const available = report.charts.map((c) => c.name);
  const wanted = (FOCUS[b.name] ?? PREFERRED).filter((c) => available.includes(c)).slice(0, 3);
  const images: string[] = [];
  for (const c of wanted) {
    const src = join(out, 'charts', `${c}.png`);
    if (!existsSync(src)) continue;
    const dest = `${b.name}-${c}.png`;
    copyFileSync(src, join(imgDir, dest));
    images.push(`![${c}](img/scenarios/${dest})`);
  }
  const runs = manifest.runs ?? {};
  sections.push(
    [
      ...proseLines(scenario),
      `**Design.** ${manifest.design?.kind ?? 'grid'}; swept: ${Object.keys(scenario.sweep?.parameters ?? {}).join(', ') || 'none'}; arms: ${(scenario.arms ?? []).map((a) => a.name).join(', ') || 'one'}; ${manifest.design?.replicates ?? scenario.sweep?.replicates ?? '?'} replicates; ${runs.finished ?? '?'} runs (${runs.failed ?? 0} failed); seed ${scenario.seed}. Reproduce: \`npx lrsim sweep ${b.name}\`.`,
      '',
      '**Findings (computed from the statistics of this sweep).**',
      '',
      ...report.findings.map((f: string) => `- ${f}`),
      '',
      ...images.flatMap((i) => [i, '']),
      referencesLine(scenario),
      '',
    ].join('\n'),
  );
  console.log(`${b.name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (only.length === 0) writeFileSync(docFile, DOC_HEAD + sections.join('\n') + factsTail(facts));
else console.log(sections.join('\n'));
if (stale.length) {
  console.error(`${stale.length} quoted interval(s) do not match the statistics; correct the scenario files:\n${stale.join('\n')}`);
  process.exitCode = 1;
}
