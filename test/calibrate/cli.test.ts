/**
 * `lrsim calibrate` on bad input: exit 2, ONE line `lrsim: error: file:line:col: ...`, no
 * stack trace, nothing written (no output directory). The loader's messages themselves are
 * checked in test/calibrate/targets.test.ts; here the command as users run it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, lrsim, tempDir } from '../cli/helpers';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

beforeAll(() => buildOnce());

const SCENARIO = 'name: tiny\nseed: 3\nticks: 10\nagents: {firms: 20, residents: 100}\n';
const TARGETS = `targets:
  - {outcome: external_tie_share_final, observed: 0.15, scale: 0.03}
parameters:
  openness: {prior: uniform, min: 0, max: 0.5}
abc: {particles: 10, max_runs: 20}
`;

const CASES: { name: string; targets: string; expect: RegExp }[] = [
  { name: 'unknown outcome', targets: TARGETS.replace('external_tie_share_final', 'externl_tie_share_final'), expect: /^lrsim: error: t\.yaml:2:15: targets\.0\.outcome: unknown outcome "externl_tie_share_final"; did you mean "external_tie_share_final"\?/ },
  { name: 'unknown column', targets: TARGETS.replace('outcome: external_tie_share_final', 'column: lock_in_indx'), expect: /^lrsim: error: t\.yaml:2:14: targets\.0\.column: unknown time-series column "lock_in_indx"; did you mean "lock_in_index"\?/ },
  { name: 'prior outside the schema limits', targets: TARGETS.replace('min: 0,', 'min: -0.2,'), expect: /^lrsim: error: t\.yaml:4:35: parameters\.openness\.min: -0\.2 is below the lowest value of openness \(0\)/ },
  { name: 'scale <= 0', targets: TARGETS.replace('scale: 0.03', 'scale: -1'), expect: /^lrsim: error: t\.yaml:2:64: targets\.0\.scale: -1 is not allowed here; write a number > 0/ },
  { name: 'non-numeric parameter', targets: TARGETS.replace('openness:', 'firms.spinoff_score:'), expect: /^lrsim: error: t\.yaml:4:3: parameters: firms\.spinoff_score is not a numeric setting/ },
  { name: 'empty targets', targets: TARGETS.replace(/targets:\n.*\n/, 'targets: []\n'), expect: /^lrsim: error: t\.yaml:1:10: targets: the list of targets is empty/ },
  // Was exit 1 ("unexpected failure") from the sampler, after creating the output directory.
  { name: 'normal prior without mass in its bounds', targets: TARGETS.replace('{prior: uniform, min: 0, max: 0.5}', '{prior: normal, mean: 5, sd: 0.1}'), expect: /^lrsim: error: t\.yaml:4:35: parameters\.openness\.mean: a normal prior with mean 5 and sd 0\.1 puts none of its mass in \[0, 1\] \(the limits of openness\); .*; move the mean into \[0, 1\], widen sd, or write prior: uniform$/ },
  { name: 'missing targets file', targets: '', expect: /^lrsim: error: t\.yaml: the file is empty/ },
  // Audit auditinput 11: a target name is one line without control characters or bidirectional overrides, as scenario text.
  {
    name: 'a target name with a right-to-left override and a line break',
    targets: TARGETS.replace('{outcome:', '{name: "y\\u202eevil\\nline2", outcome:'),
    expect: /^lrsim: error: t\.yaml:2:12: targets\.0\.name: "y\\u202eevil\\nline2" has the wrong form; write it on one line without control characters \(line breaks, tabs, NUL, escape codes, bidirectional overrides\)$/,
  },
  // Audit auditinput 13: a list at the top level gets a targets file's advice, not a scenario's.
  { name: 'a list at the top level', targets: '- {outcome: external_tie_share_final, observed: 0.15, scale: 0.03}\n', expect: /^lrsim: error: t\.yaml:1:1: the top level is a list, not a mapping; write `key: value` lines, e\.g\. `targets:`, `parameters:` and optionally `abc:` \(see docs\/calibration\.md\)$/ },
];

describe('lrsim calibrate on bad input', () => {
  it.concurrent.each(CASES)('$name', async (c) => {
    const { dir, cleanup } = tempDir({ 's.yaml': SCENARIO, 't.yaml': c.targets });
    try {
      const r = await lrsim(['calibrate', 's.yaml', '--targets', 't.yaml', '--out', 'out'], dir);
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(c.expect);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir).sort()).toEqual(['s.yaml', 't.yaml']);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('a parameter at a prior bound that breaks the scenario twice: the advice names the validate command that lists both', async () => {
    const scenario = `${SCENARIO.replace('firms: 20', 'firms: 40')}policies:\n  - {kind: cluster_organisation, start: 2, members: 30, cost: 1}\n  - {kind: cluster_organisation, start: 4, members: 30, cost: 1}\n`;
    const targets = TARGETS.replace('openness: {prior: uniform, min: 0, max: 0.5}', 'agents.firms: {prior: uniform, min: 20, max: 60}');
    const { dir, cleanup } = tempDir({ 's.yaml': scenario, 't.yaml': targets });
    try {
      const r = await lrsim(['calibrate', 's.yaml', '--targets', 't.yaml', '--out', 'out'], dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(
        'lrsim: error: t.yaml: parameters agents.firms=20: policies.0.members: 30 members but only 20 firms (agents.firms); write at most 20 (and 1 more problem; `lrsim validate s.yaml --set agents.firms=20` lists them)\n',
      );
      // ... and it does.
      const v = await lrsim(['validate', 's.yaml', '--set', 'agents.firms=20'], dir);
      expect(v.stderr.trimEnd().split('\n')).toHaveLength(2);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('refuses a sweep\'s directory as --out, with or without --resume, saying it holds a sweep; changes nothing', async () => {
    // Audit auditinput 13: was "already holds a calibration (runs.ndjson); add --resume to finish it", and with --resume "has runs.ndjson but no calibration.json".
    const { dir, cleanup } = tempDir({ 's.yaml': SCENARIO, 't.yaml': TARGETS });
    const sweep = writeFixtureSweep();
    try {
      const manifest = join(sweep, 'manifest.json');
      writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), kind: 'lrsim-sweep' }));
      const before = Object.fromEntries(readdirSync(sweep).map((f) => [f, statSync(join(sweep, f)).mtimeMs]));
      for (const resume of [[], ['--resume']]) {
        const r = await lrsim(['calibrate', 's.yaml', '--targets', 't.yaml', '--out', sweep, ...resume], dir);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toBe(`lrsim: error: --out ${sweep}: holds a sweep (its manifest.json and runs.ndjson), not a calibration; nothing was changed: choose another directory for the calibration\n`);
      }
      expect(Object.fromEntries(readdirSync(sweep).map((f) => [f, statSync(join(sweep, f)).mtimeMs]))).toEqual(before);
    } finally {
      cleanup();
      rmSync(sweep, { recursive: true, force: true });
    }
  });

  it('refuses a directory holding files with a calibration\'s names (posterior.csv, report.html) but no calibration.json, and keeps them (input audit finding 8)', async () => {
    const { dir, cleanup } = tempDir({ 's.yaml': SCENARIO, 't.yaml': TARGETS });
    try {
      mkdirSync(join(dir, 'mine'));
      writeFileSync(join(dir, 'mine', 'posterior.csv'), 'my posterior\n');
      writeFileSync(join(dir, 'mine', 'report.html'), '<p>my report</p>\n');
      const r = await lrsim(['calibrate', 's.yaml', '--targets', 't.yaml', '--out', 'mine'], dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe('lrsim: error: --out mine: directory already holds other files (posterior.csv, report.html); name a new or empty directory\n');
      expect(readdirSync(join(dir, 'mine')).sort()).toEqual(['posterior.csv', 'report.html']);
      expect(readFileSync(join(dir, 'mine', 'posterior.csv'), 'utf8')).toBe('my posterior\n');
      expect(readFileSync(join(dir, 'mine', 'report.html'), 'utf8')).toBe('<p>my report</p>\n');
    } finally {
      cleanup();
    }
  });

  it('report, discover and robustness on a calibration\'s directory say it is a calibration and what to run; nothing changes (input audit finding 13)', async () => {
    // report said the store was damaged in the middle and advised moving runs.ndjson away (the calibration's store).
    const { dir, cleanup } = tempDir({ 's.yaml': SCENARIO, 't.yaml': TARGETS });
    try {
      const made = await lrsim(['calibrate', 's.yaml', '--targets', 't.yaml', '--out', 'cal', '--workers', '1', '--no-images'], dir);
      expect(made.code, made.stderr).toBe(0);
      const before = Object.fromEntries(readdirSync(join(dir, 'cal')).map((f) => [f, statSync(join(dir, 'cal', f)).mtimeMs]));
      const report = await lrsim(['report', 'cal', '--no-images'], dir);
      expect(report.code).toBe(2);
      expect(report.stderr).toBe(
        "lrsim: error: cal: holds a calibration (calibration.json), not a sweep; lrsim calibrate writes a calibration's report itself, cal/report.html; to write it again from the stored runs (none is run again), run lrsim calibrate s.yaml --targets t.yaml --out cal --workers 1 --no-images --resume (see `lrsim --help`)\n",
      );
      for (const command of ['discover', 'robustness']) {
        const r = await lrsim([command, 'cal'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`lrsim: error: cal: holds a calibration (calibration.json), not a sweep; lrsim ${command} reads a sweep's directory (lrsim sweep NAME --out DIR) (see \`lrsim --help\`)\n`);
      }
      expect(Object.fromEntries(readdirSync(join(dir, 'cal')).map((f) => [f, statSync(join(dir, 'cal', f)).mtimeMs]))).toEqual(before);
      // An unfinished one: the same command finishes it.
      const manifest = join(dir, 'cal', 'calibration.json');
      writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), status: 'interrupted' }));
      const unfinished = await lrsim(['report', 'cal'], dir);
      expect(unfinished.code).toBe(2);
      expect(unfinished.stderr).toMatch(/; this one is not finished \(status "interrupted"\): run lrsim calibrate s\.yaml --targets t\.yaml --out cal --workers 1 --no-images --resume to finish it and write its report /);
    } finally {
      cleanup();
    }
  });

  it('--resume with a directory that does not exist or holds no calibration is refused: nothing to resume (input audit finding 15)', async () => {
    // Was exit 0: a mistyped directory silently started a new calibration.
    const { dir, cleanup } = tempDir({ 's.yaml': SCENARIO, 't.yaml': TARGETS });
    try {
      const missing = await lrsim(['calibrate', 's.yaml', '--targets', 't.yaml', '--out', 'cal-typo', '--resume'], dir);
      expect(missing.code, missing.stderr).toBe(2);
      expect(missing.stderr).toBe("lrsim: error: --resume: cal-typo does not exist, so there is nothing to resume; nothing was changed: name the directory of the calibration to finish, or leave out --resume to start a new one\n");
      expect(existsSync(join(dir, 'cal-typo'))).toBe(false);
      mkdirSync(join(dir, 'empty'));
      const empty = await lrsim(['calibrate', 's.yaml', '--targets', 't.yaml', '--out', 'empty', '--resume'], dir);
      expect(empty.code, empty.stderr).toBe(2);
      expect(empty.stderr).toMatch(/^lrsim: error: --resume: empty holds no calibration \(neither runs\.ndjson nor a calibration\.json of lrsim's\), so there is nothing to resume; /);
      expect(readdirSync(join(dir, 'empty'))).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('--resume on a calibration whose store is gone: refused when its inputs differ, else starts again with a note', async () => {
    // Review of 2026-12-03: it started a new calibration over calibration.json without comparing inputs.
    const { dir, cleanup } = tempDir({ 's.yaml': SCENARIO, 't.yaml': TARGETS });
    try {
      const args = ['calibrate', 's.yaml', '--targets', 't.yaml', '--out', 'cal', '--workers', '1', '--no-images'];
      expect((await lrsim(args, dir)).code).toBe(0);
      rmSync(join(dir, 'cal', 'runs.ndjson'));
      const manifest = readFileSync(join(dir, 'cal', 'calibration.json'), 'utf8');
      const other = await lrsim([...args, '--set', 'seed=99', '--resume'], dir);
      expect(other.code, other.stderr).toBe(2);
      expect(other.stderr).toMatch(/^lrsim: error: --resume: cal holds a different calibration \(another scenario, targets file or seed\); nothing was changed/);
      expect(readFileSync(join(dir, 'cal', 'calibration.json'), 'utf8')).toBe(manifest);
      const same = await lrsim([...args, '--resume'], dir);
      expect(same.code, same.stderr).toBe(0);
      expect(same.stderr).toContain("--resume: cal holds this calibration's calibration.json but no runs.ndjson, so no run is stored: it starts from the first run");
    } finally {
      cleanup();
    }
  });

  it('--resume cuts a torn last line off the store with the one-line note a sweep prints, and runs that simulation again (input audit finding 15)', async () => {
    const { dir, cleanup } = tempDir({ 's.yaml': SCENARIO, 't.yaml': TARGETS });
    try {
      const args = ['calibrate', 's.yaml', '--targets', 't.yaml', '--out', 'cal', '--workers', '1', '--no-images'];
      expect((await lrsim(args, dir)).code).toBe(0);
      const read = (f: string) => readFileSync(join(dir, 'cal', f), 'utf8');
      const posterior = read('posterior.csv');
      const predictive = read('predictive.csv');
      const store = read('runs.ndjson');
      const lines = store.trimEnd().split('\n');
      const last = lines[lines.length - 1];
      // The last record half written, as a kill mid-write leaves it.
      const kept = Math.floor(last.length / 2);
      writeFileSync(join(dir, 'cal', 'runs.ndjson'), store.slice(0, store.length - last.length - 1) + last.slice(0, kept));
      const resumed = await lrsim([...args, '--resume'], dir);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain(`lrsim: note: ${join('cal', 'runs.ndjson')}:${lines.length}: the last record is torn (${kept} bytes left by an interrupted write); cut it off; its run is run again\n`);
      expect(read('runs.ndjson').trimEnd().split('\n')).toHaveLength(lines.length);
      expect(read('posterior.csv')).toBe(posterior);
      expect(read('predictive.csv')).toBe(predictive);
    } finally {
      cleanup();
    }
  });

  it('refuses an output directory that holds other files, and writes nothing into it', async () => {
    const { dir, cleanup } = tempDir({ 's.yaml': SCENARIO, 't.yaml': TARGETS });
    try {
      const first = await lrsim(['calibrate', 's.yaml', '--targets', 't.yaml', '--out', '.'], dir);
      expect(first.code).toBe(2);
      expect(first.stderr).toMatch(/^lrsim: error: --out \.: directory already holds other files \(s\.yaml, t\.yaml\); name a new or empty directory\n$/);
      expect(readdirSync(dir).sort()).toEqual(['s.yaml', 't.yaml']);
    } finally {
      cleanup();
    }
  });
});
