/**
 * Issue 14 item 7: a record damaged in the middle of runs.ndjson, even one that is valid
 * JSON ending in `}`, is found when the store is read (file:line and the field) by
 * `sweep --resume`, `merge` and `report`, which then change nothing and leave no
 * temporaries. A torn last line is cut (resume) or skipped (report) with a one-line note.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexStore } from '../../src/sweep/store';
import { lrsim, outputs, tempDir, writeScenario } from './helpers';

const DESIGN = `sweep:
  design: grid
  parameters:
    openness: [0.1, 0.3]
  replicates: 2
`;

const dir = tempDir('damage');
const whole = join(dir, 'whole');
const lines = () => readFileSync(join(whole, 'runs.ndjson'), 'utf8').split('\n').filter(Boolean);
const snapshot = (d: string) => Object.fromEntries(readdirSync(d).sort().map((f) => [f, readFileSync(join(d, f))]));

/** A copy of the whole sweep whose store line `n` (1-based) is replaced by `text`. */
function damaged(name: string, n: number, text: string): string {
  const copy = join(dir, name);
  cpSync(whole, copy, { recursive: true });
  const store = lines();
  store[n - 1] = text;
  writeFileSync(join(copy, 'runs.ndjson'), store.join('\n') + '\n');
  return copy;
}

function refusedOneLine(r: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  const errors = r.stderr.trim().split('\n');
  expect(errors, r.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
}

let scenario = '';
beforeAll(() => {
  scenario = writeScenario(dir, DESIGN, 10);
  expect(lrsim(['sweep', scenario, '--workers', '2', '--out', whole, '--no-report']).code).toBe(0);
}, 180_000);

describe('a damaged store', { timeout: 180_000 }, () => {
  it('a record of the wrong shape in the middle (valid JSON ending in "}"): resume, merge and report refuse it, naming file:line and field', () => {
    const record = JSON.parse(lines()[1]) as { series: unknown[][] };
    record.series[3][2] = 'oops';
    const bad = damaged('shape', 2, JSON.stringify(record));
    const before = snapshot(bad);
    const where = /runs\.ndjson:2: not a whole run record \(series\.3: holds a value that is not a number\)/;
    refusedOneLine(lrsim(['sweep', scenario, '--out', bad, '--resume', '--no-report']), where);
    refusedOneLine(lrsim(['merge', bad, '--out', join(dir, 'merged'), '--no-report']), where);
    refusedOneLine(lrsim(['report', bad, '--no-images']), where);
    expect(snapshot(bad)).toEqual(before); // nothing changed, no .tmp left
    expect(readdirSync(dir)).not.toContain('merged');
  });

  it('a damaged manifest.json: resume, merge and report refuse it in one line, naming the file, and change nothing', () => {
    for (const [name, text] of [['manifest-cut', '{"kind": "lrsim-sweep", "scen'], ['manifest-list', '[1, 2]']] as const) {
      const bad = join(dir, name);
      cpSync(whole, bad, { recursive: true });
      writeFileSync(join(bad, 'manifest.json'), text);
      const before = snapshot(bad);
      const where = new RegExp(`^lrsim: error: \\S*${name}/manifest\\.json: damaged \\(.+\\); nothing was changed: restore it from a copy, or run the sweep again with a new --out`);
      refusedOneLine(lrsim(['sweep', scenario, '--out', bad, '--resume', '--no-report']), where);
      refusedOneLine(lrsim(['merge', bad, '--out', join(dir, `${name}-merged`), '--no-report']), where);
      refusedOneLine(lrsim(['report', bad, '--no-images']), where);
      expect(snapshot(bad)).toEqual(before);
    }
  });

  it('a short record that is JSON and ends in "}"', () => {
    const bad = damaged('short', 2, '{"key":"p0000.a00.r0001","status":"ok"}');
    refusedOneLine(lrsim(['sweep', scenario, '--out', bad, '--resume', '--no-report']), /runs\.ndjson:2: not a whole run record \(point: /);
    expect(readdirSync(bad).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a torn last line: resume cuts it with a note and re-runs that run; the outputs equal the whole sweep', () => {
    const last = lines()[3];
    const torn = damaged('torn', 4, last.slice(0, 200));
    const store = join(torn, 'runs.ndjson');
    writeFileSync(store, readFileSync(store, 'utf8').slice(0, -1)); // and no newline
    const report = lrsim(['report', torn, '--no-images']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(/^lrsim: note: \S+runs\.ndjson:4: the last record is torn \(200 bytes left by an interrupted write\); skipped it$/m);

    const r = lrsim(['sweep', scenario, '--workers', '2', '--out', torn, '--resume', '--no-report']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^lrsim: note: \S+runs\.ndjson:4: the last record is torn \(200 bytes left by an interrupted write\); cut it off; its run is run again$/m);
    // Item 14: the summary tells this session's runs from those found in the store.
    expect(r.stdout).toMatch(/^sweep done: 1 new run \(3 were already stored; 4 in all\), 0 failed, in [\d.]+ s; outputs in /m);
    expect(outputs(torn)).toEqual(outputs(whole));
  });

  it('indexStore names the line and field (in-process)', () => {
    const bad = damaged('unit', 3, lines()[2].replace('"status":"ok"', '"status":"maybe"'));
    expect(() => indexStore(join(bad, 'runs.ndjson'), false)).toThrow(/runs\.ndjson:3: not a whole run record \(status: neither "ok" nor "failed"\)/);
    expect(indexStore(join(whole, 'runs.ndjson'), false).size).toBe(4);
  });
});
