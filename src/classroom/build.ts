/**
 * Builds the classroom page as ONE self-contained HTML string: the engine (bundled from
 * src/model by esbuild, never copied), the simulation and chart workers' code (turned into
 * Blob URLs by the page),
 * vega, vega-lite and vega-embed, the CSS and every built-in scenario, resolved with
 * defaults. Nothing is fetched from the network when the page runs.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from '../io/repo';
import { DEFAULT_MODEL } from '../models/names';
import { modelMessages } from '../models/messages';
import { builtinNames, loadScenario, ScenarioError } from '../scenario';
import { pageInfo } from './info-source';
import type { EmbeddedScenario, PageData } from './page/protocol';

/**
 * Marks a page as lrsim's, so `classroom --build FILE` may replace an earlier build but
 * refuses to overwrite anyone's own file (see src/io/owned-file.ts).
 */
export const CLASSROOM_MARKER = '<meta name="generator" content="lrsim classroom">';

export interface ClassroomPageOptions {
  /** Scenario selected when the page opens: a built-in name or a path (added to the list). */
  scenario?: string;
  /** Directory a path in `scenario` is relative to. */
  cwd?: string;
}

/** Every built-in scenario, resolved, plus `extra` (a path) at the front when given. */
export function embeddedScenarios(extra?: string, cwd?: string): PageData {
  const embed = (ref: string): EmbeddedScenario => {
    const { scenario } = loadScenario(ref, { cwd });
    return { name: scenario.name, description: scenario.description.trim(), teachingNote: scenario.teaching_note.trim(), scenario };
  };
  // The page is built around the learning region (its map, live Simulation, sliders and
  // policies): a reference model would need its own page, so its scenarios are not embedded.
  const all = builtinNames().map((name) => ({ name, entry: embed(name) }));
  const runnable = all.filter((b) => (b.entry.scenario.model ?? DEFAULT_MODEL) === DEFAULT_MODEL);
  const builtins = runnable.map((b) => b.name);
  const scenarios = runnable.map((b) => b.entry);
  const info = pageInfo();
  if (extra === undefined || builtins.includes(extra)) {
    return { scenarios, initial: extra ?? (builtins.includes('baseline') ? 'baseline' : builtins[0]), info };
  }
  if (all.some((b) => b.name === extra)) throw new ScenarioError(modelMessages.notOnClassPage(extra));
  const own = embed(extra);
  if ((own.scenario.model ?? DEFAULT_MODEL) !== DEFAULT_MODEL) throw new ScenarioError(modelMessages.notOnClassPage(extra));
  if (scenarios.some((s) => s.name === own.name)) own.name = `${own.name} (${basename(extra)})`;
  return { scenarios: [own, ...scenarios], initial: own.name, info };
}

/** Bundles one browser entry of the page into a single script (IIFE, minified). */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  // esbuild escapes "</script" inside string literals; check, since the code is inlined.
  if (/<\/script/i.test(code)) throw new Error(`the bundle of ${entry} contains "</script" and cannot be inlined`);
  return code;
}

/** The classroom page as one HTML file's text. */
export async function buildClassroomPage(options: ClassroomPageOptions = {}): Promise<string> {
  const pageDir = join(repoRoot(), 'src', 'classroom', 'page');
  const data = embeddedScenarios(options.scenario, options.cwd);
  if (data.scenarios.length === 0) throw new Error('no built-in scenarios found (scenarios/*.yaml)');
  const [worker, chartWorker, app] = await Promise.all(['worker.ts', 'chart-worker.ts', 'app.ts'].map((entry) => bundle(join(pageDir, entry))));
  // JSON inside a script element: escape "<" so no text can close the element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const parts: Record<string, string> = {
    '/*STYLE*/': readFileSync(join(pageDir, 'style.css'), 'utf8'),
    '/*DATA*/': json,
    '/*WORKER*/': worker,
    '/*CHARTWORKER*/': chartWorker,
    '/*APP*/': app,
  };
  // Replaced by a function, so "$" in the code is never read as a replacement pattern.
  const html = readFileSync(join(pageDir, 'index.html'), 'utf8').replace(/\/\*(STYLE|DATA|WORKER|CHARTWORKER|APP)\*\//g, (m) => parts[m]);
  const marked = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n${CLASSROOM_MARKER}`);
  if (!marked.includes(CLASSROOM_MARKER)) throw new Error('src/classroom/page/index.html lacks <meta charset="utf-8"> to put the generator mark after');
  return marked;
}
