/**
 * docs/scenarios.md embeds each built-in's description, teaching note and references and
 * a copy of docs/facts.md around findings computed from sweeps (docs/gen-scenarios.ts).
 * The findings need the 13-minute generation; the prose does not, so this test checks the
 * prose against the scenario files and facts.md and fails when a note was edited without
 * `npx tsx docs/gen-scenarios.ts --prose`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_HEAD, proseLines, referencesLine, refreshProse, StaleDocError, intervalsNotInStats } from '../../docs/scenarios-doc';
import { builtinNames, loadScenario } from '../../src/scenario';

const prose = (name: string, note: string, references: string[] = []) => ({ name, description: `About ${name}.`, teaching_note: note, references });

/** A doc as the generator writes it: head, one section per scenario, facts tail. */
const section = (name: string, note: string, finding: string, refs: string) =>
  [`## ${name}`, '', `About ${name}.`, '', `**What to look for.** ${note}`, '', `**Design.** grid; seed 1.`, '', '**Findings (computed from the statistics of this sweep).**', '', `- ${finding}`, '', `![chart](img/scenarios/${name}-chart.png)`, '', refs, ''].join('\n');

describe('refreshProse', () => {
  const old = DOC_HEAD + [section('a', 'Old note a.', 'Finding a.', 'References: R1'), section('b', 'Old note b.', 'Finding b.', '')].join('\n') + '\n## Stylized facts\n\nOld facts.\n';

  it('rewrites the head, notes, descriptions, references and the facts tail and keeps the findings and charts', () => {
    const stale = old.replace(DOC_HEAD, '# Built-in scenarios\n\nAn older intro.\n\n');
    const fresh = refreshProse(stale, [prose('a', 'New note a.', ['R1', 'R2']), prose('b', 'New note b.')], '## Stylized facts\n\nNew facts.\n');
    expect(fresh).toBe(DOC_HEAD + [section('a', 'New note a.', 'Finding a.', 'References: R1; R2'), section('b', 'New note b.', 'Finding b.', '')].join('\n') + '\n## Stylized facts\n\nNew facts.\n');
  });

  it('gives back the same text when nothing changed', () => {
    expect(refreshProse(old, [prose('a', 'Old note a.', ['R1']), prose('b', 'Old note b.')], '## Stylized facts\n\nOld facts.\n')).toBe(old);
  });

  it('refuses a doc whose sections are not the built-ins (the findings would be stale too)', () => {
    expect(() => refreshProse(old, [prose('a', 'x'), prose('c', 'y')], '')).toThrow(StaleDocError);
    expect(() => refreshProse(old, [prose('a', 'x'), prose('b', 'y'), prose('c', 'z')], '')).toThrow(/not the built-ins/);
    expect(() => refreshProse(old, [prose('z', 'x')], '')).toThrow(/no section "## z"/);
  });

  it('renders a section head and references line as the generator does', () => {
    expect(proseLines(prose('a', ' Note. '))).toEqual(['## a', '', 'About a.', '', '**What to look for.** Note.', '']);
    expect(referencesLine(prose('a', '', ['X', 'Y']))).toBe('References: X; Y');
    expect(referencesLine(prose('a', ''))).toBe('');
  });
});

describe('docs/scenarios.md', () => {
  it("holds every built-in's description, teaching note and references and docs/facts.md as they are now (else: npx tsx docs/gen-scenarios.ts --prose)", () => {
    const onDisk = readFileSync('docs/scenarios.md', 'utf8');
    const scenarios = builtinNames().map((name) => ({ ...loadScenario(name).scenario, name }));
    const fresh = refreshProse(onDisk, scenarios, readFileSync('docs/facts.md', 'utf8'));
    if (onDisk !== fresh) {
      const a = onDisk.split('\n');
      const b = fresh.split('\n');
      const n = a.findIndex((line, i) => line !== b[i]);
      const at = n < 0 ? Math.min(a.length, b.length) : n;
      const [x, y] = [a[at] ?? '<end>', b[at] ?? '<end>'];
      // Show where the line starts to differ: notes are one long line each.
      let col = 0;
      while (col < x.length && x[col] === y[col]) col++;
      const near = (line: string) => `${col > 40 ? '...' : ''}${line.slice(Math.max(0, col - 40), col + 80)}`;
      expect.fail(`docs/scenarios.md is stale at line ${at + 1}, column ${col + 1}:\n  doc:     ${near(x)}\n  sources: ${near(y)}\nRun \`npx tsx docs/gen-scenarios.ts --prose\` and commit docs/scenarios.md.`);
    }
  });
});

describe('intervals quoted in a note must be ones the statistics give', () => {
  const rows: Record<string, string>[] = [
    { section: 'contrast', rel_ci_low: '-0.130205', rel_ci_high: '0.267289', lo: '-0.210202', hi: '0.400946', ci_low: '', ci_high: '' },
    { section: 'outcome', ci_low: '0.0877153', ci_high: '0.424872', rel_ci_low: '', rel_ci_high: '', lo: '', hi: '' },
    { section: 'series', ci_low: '1', ci_high: '2' },
  ];
  it('accepts an interval at the printed precision, percentages from rel_* x 100', () => {
    expect(intervalsNotInStats('value +6 % (CI -13 % to +27 %), per cost 0.26 (CI 0.09 to 0.42), raw +0.095 (CI -0.210 to +0.401)', rows)).toEqual([]);
    expect(intervalsNotInStats('(CI −13 % to +27 %)', rows)).toEqual([]); // a typographic minus
  });
  it('names an interval no row gives (an older method, a wrong rounding) and ignores series rows', () => {
    expect(intervalsNotInStats('value +6 % (CI -13 % to +26 %) and 0.26 (CI 0.09 to 0.43) and (CI 1 to 2)', rows)).toEqual(['CI -13 % to +26 %', 'CI 0.09 to 0.43', 'CI 1 to 2']);
  });
});
