/**
 * The Info tab's texts, cut from the project's own documents when the page is built, so
 * nothing is written twice: README.md's opening (what lrsim is), docs/ODD.md section 1.1
 * (purpose) and section 3's schedule (one line per phase), and package.json for credits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../io/repo';
import type { PageInfo } from './page/protocol';

/** The text between the first line matching `start` and the next line matching `end`. */
export function between(text: string, start: RegExp, end: RegExp): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => start.test(l));
  if (from < 0) return '';
  const rest = lines.slice(from + 1);
  const to = rest.findIndex((l) => end.test(l));
  return (to < 0 ? rest : rest.slice(0, to)).join('\n').trim();
}

/** The schedule table of ODD section 3 as one line per phase: "call: what happens". */
export function phasesOf(section3: string): string[] {
  return section3.split('\n')
    .filter((l) => /^\| *[0-9–-]* *\| *`/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map(([, , , what]) => what.split('; ')[0].replace(/\*\*/g, ''))
    .filter((what) => what !== '')
    .map((what) => what.charAt(0).toUpperCase() + what.slice(1));
}

/** The Info texts from the repository's README.md, docs/ODD.md and package.json. */
export function pageInfo(root = repoRoot()): PageInfo {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const odd = readFileSync(join(root, 'docs', 'ODD.md'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; license: string };
  const about = between(readme, /^# /, /^## /);
  const purpose = between(odd, /^### 1\.1 /, /^### 1\.2 /);
  const phases = phasesOf(between(odd, /^## 3\. /, /^## 4\. /));
  if (!about || !purpose || phases.length === 0) {
    throw new Error('classroom Info tab: README.md (opening before the first "## "), docs/ODD.md section 1.1 or the schedule table of section 3 was not found; restore the headings or update src/classroom/info-source.ts');
  }
  const credits = `${pkg.name} ${pkg.version}, ${pkg.license} licence. The full model description is ` +
    'docs/ODD.md in the lrsim sources (the ODD protocol: Overview, Design concepts, Details); the page embeds it: ' +
    'see "Read the model description" below. Charts by Vega-Lite; colours Okabe–Ito, safe for colour-vision deficiencies.';
  return { about, purpose, phases, credits, modelDescription: odd };
}
