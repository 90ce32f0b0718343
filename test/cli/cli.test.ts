/** The commands end to end, spawned as users run them (bin/lrsim.js). */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_KEYS, TIMESERIES_COLUMNS } from '../../src/model';
import { buildOnce, lrsim, ROOT, tempDir } from './helpers';

const TINY = 'extends: baseline\nname: tiny\nticks: 6\nagents: {firms: 30, residents: 300}\n';
let work: ReturnType<typeof tempDir>;
beforeAll(() => {
  buildOnce();
  work = tempDir({ 'tiny.yaml': TINY });
});
afterAll(() => work.cleanup());

const oneErrorLine = (stderr: string) => {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^lrsim: error: /);
  return lines[0];
};

describe('help, version, usage errors', () => {
  it.concurrent.each([[[]], [['run']], [['validate']], [['scenarios']], [['schema']]])('--help %j', async (cmd) => {
    const r = await lrsim([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lrsim/);
    expect(r.stdout).toMatch(/--help/);
  });
  it('--version prints the package version', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const r = await lrsim(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
  it.concurrent.each([[['bogus']], [[]], [['run', '--bogus']], [['validate']], [['run', '--seed', 'abc']], [['run', '--seed', '-1']], [['run', '--ticks', '0']]])(
    'usage error %j exits 2 with one line',
    async (args) => {
      const r = await lrsim(args, work.dir);
      expect(r.code).toBe(2);
      oneErrorLine(r.stderr);
      expect(existsSync(join(work.dir, 'output'))).toBe(false);
    },
  );
});

describe('unexpected failures', () => {
  it('exit 1 with the message; the stack trace only with --debug', async () => {
    // A failure lrsim does not foresee (a bad --out and a manifest.json that is not JSON
    // are bad input now, exit 2): a sweep directory whose manifest.json is a directory.
    const sweepDir = join(work.dir, 'odd-sweep');
    mkdirSync(join(sweepDir, 'manifest.json'), { recursive: true });
    writeFileSync(join(sweepDir, 'runs.ndjson'), '');
    const plain = await lrsim(['report', sweepDir]);
    expect(plain.code).toBe(1);
    expect(oneErrorLine(plain.stderr)).toMatch(/unexpected failure: EISDIR.*--debug/);
    const debug = await lrsim(['report', sweepDir, '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('scenarios, schema, validate', () => {
  it('lists the built-ins with a description', async () => {
    const r = await lrsim(['scenarios']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^baseline\s+The reference region/m);
  });
  it('prints and writes the JSON Schema (equal to scenario.schema.json)', async () => {
    const committed = readFileSync(join(ROOT, 'scenario.schema.json'), 'utf8');
    expect((await lrsim(['schema'])).stdout).toBe(committed);
    const out = join(work.dir, 'schema.json');
    expect((await lrsim(['schema', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(committed);
  });
  it('validates several files: ok lines, error lines, exit 2 if any is bad', async () => {
    writeFileSync(join(work.dir, 'bad.yaml'), 'openness: 2\n');
    const r = await lrsim(['validate', 'tiny.yaml', 'baseline', 'bad.yaml'], work.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('ok tiny.yaml\nok baseline\n');
    expect(oneErrorLine(r.stderr)).toMatch(/bad\.yaml:1:11: openness: 2 is out of range/);
  });
  it('validates the README example scenario', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n(name: closed-district[\s\S]*?)```/.exec(readme)![1];
    expect(example.trim().split('\n')).toHaveLength(5);
    writeFileSync(join(work.dir, 'readme.yaml'), example);
    expect((await lrsim(['validate', 'readme.yaml'], work.dir)).stdout).toBe('ok readme.yaml\n');
  });
  it('validates the README example sweep (my-sweep.yaml; its arm once set a swept parameter)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n(extends: baseline\nname: openness-and-distance[\s\S]*?)```/.exec(readme)![1];
    expect(example).toMatch(/^arms:/m);
    writeFileSync(join(work.dir, 'my-sweep.yaml'), example);
    const r = await lrsim(['validate', 'my-sweep.yaml'], work.dir);
    expect(r.stdout, r.stderr).toBe('ok my-sweep.yaml\n');
  });
});

describe('run', () => {
  it('writes timeseries.csv, summary.json, firms.csv to the default directory and prints a summary', async () => {
    const r = await lrsim(['run', 'tiny.yaml'], work.dir);
    expect(r.code, r.stderr).toBe(0);
    const dir = join(work.dir, 'output', 'run-tiny-seed42');
    const csv = readFileSync(join(dir, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(TIMESERIES_COLUMNS.join(','));
    expect(csv).toHaveLength(1 + 6);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(Object.keys(summary)).toEqual(['scenario', 'source', 'seed', 'version', 'agents', 'ticks', 'wall_seconds', 'degenerate', ...OUTCOME_KEYS]);
    expect(summary).toMatchObject({ source: 'tiny.yaml', seed: 42, ticks: 6, scenario: { name: 'tiny', ticks: 6 }, degenerate: null });
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'firms.csv'), 'utf8')).toMatch(/^firm_id,/);
    for (const label of ['innovations', 'late value', 'lock-in index', 'locked in', 'diversity', 'external tie share', 'wall time', 'output'])
      expect(r.stdout).toMatch(new RegExp(`^  ${label} +\\S`, 'm'));
    expect(r.stdout).toMatch(/agent-ticks\/s/);
  });

  it('gives identical bytes for the same scenario and seed, and --seed/--ticks/--set apply', async () => {
    const a = join(work.dir, 'a');
    const b = join(work.dir, 'b');
    const args = ['run', 'tiny.yaml', '--seed', '7', '--ticks', '4', '--set', 'openness=0.3'];
    const [ra, rb] = await Promise.all([lrsim([...args, '--out', a], work.dir), lrsim([...args, '--out', b], work.dir)]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    for (const f of ['timeseries.csv', 'firms.csv']) expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ seed: 7, ticks: 4, scenario: { seed: 7, ticks: 4, openness: 0.3 } });
  });

  it('--arm runs one arm (its settings and policies, then --set); without it a scenario with arms says the run is its base', async () => {
    const armed = [
      'extends: baseline', 'name: armed', 'ticks: 6', 'agents: {firms: 30, residents: 300}',
      'sweep: {parameters: {proximity.geographic_decay_km: [10, 40]}}',
      'arms:', '  - name: none', '  - name: open', '    set: {openness: 0.4}',
      '    policies: [{kind: lifelong_learning, participation: 0.1, start: 1}]', '',
    ].join('\n');
    writeFileSync(join(work.dir, 'armed.yaml'), armed);
    const base = await lrsim(['run', 'armed.yaml', '--out', join(work.dir, 'armed-base')], work.dir);
    expect(base.code, base.stderr).toBe(0);
    expect(base.stderr).toContain('lrsim: note: armed defines 2 arms (none, open) and a sweep over proximity.geographic_decay_km; this run is its base scenario, without any arm\'s settings, policies or shocks, with the swept settings at their base values. `--arm NAME` runs one arm; `lrsim sweep armed` runs the whole design');
    expect(JSON.parse(readFileSync(join(work.dir, 'armed-base', 'summary.json'), 'utf8')).scenario).toMatchObject({ openness: 0.1, policies: [] });
    const arm = await lrsim(['run', 'armed.yaml', '--arm', 'open', '--set', 'openness=0.3'], work.dir);
    expect(arm.code, arm.stderr).toBe(0);
    expect(arm.stderr).not.toContain('note:');
    const summary = JSON.parse(readFileSync(join(work.dir, 'output', 'run-armed-open-seed42', 'summary.json'), 'utf8'));
    // The arm's policy runs; the user's --set wins over the arm's setting.
    expect(summary.scenario.policies).toHaveLength(1);
    expect(summary.scenario.policies[0]).toMatchObject({ kind: 'lifelong_learning', participation: 0.1 });
    expect(summary.scenario.openness).toBe(0.3);
    const wrong = await lrsim(['run', 'armed.yaml', '--arm', 'opn'], work.dir);
    expect(wrong.code).toBe(2);
    expect(oneErrorLine(wrong.stderr)).toMatch(/--arm opn: armed has no arm of that name \(did you mean "open"\?\); its arms are none, open/);
    const none = await lrsim(['run', 'tiny.yaml', '--arm', 'x'], work.dir);
    expect(none.code).toBe(2);
    expect(oneErrorLine(none.stderr)).toMatch(/--arm x: tiny defines no arms; leave out --arm/);
  });

  it('replaces its own files, drops firms.csv with --no-microdata, refuses other files unless --force', async () => {
    const out = join(work.dir, 'reuse');
    expect((await lrsim(['run', 'tiny.yaml', '--out', out], work.dir)).code).toBe(0);
    expect((await lrsim(['run', 'tiny.yaml', '--out', out, '--no-microdata'], work.dir)).code).toBe(0);
    expect(existsSync(join(out, 'firms.csv'))).toBe(false);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const refused = await lrsim(['run', 'tiny.yaml', '--out', out, '--seed', '3'], work.dir);
    expect(refused.code).toBe(2);
    expect(oneErrorLine(refused.stderr)).toMatch(/already holds other files \(notes\.txt\).*--force/);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
    const forced = await lrsim(['run', 'tiny.yaml', '--out', out, '--seed', '3', '--force'], work.dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).seed).toBe(3);
  });

  it('warns in one line about a degenerate run and writes its lock-in and diversity as null', async () => {
    const dead = 'firms: {exit_threshold: 10, exit_patience: 1, exit_warmup: 0, refill: 0, spinoff_rate: 0}';
    writeFileSync(join(work.dir, 'dead.yaml'), `name: dead\nticks: 10\nagents: {firms: 4, residents: 0}\n${dead}\n`);
    const r = await lrsim(['run', 'dead.yaml', '--out', 'dead-out', '--seed', '1'], work.dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lrsim: warning: degenerate run \(no_firms_alive: no firm is alive at the end of the run\); its lock-in index/);
    const summary = JSON.parse(readFileSync(join(work.dir, 'dead-out', 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ degenerate: 'no_firms_alive', firms_alive_final: 0, lock_in_index_final: null, locked_in: null, diversity_final: null });
    expect(r.stdout).toMatch(/^  lock-in index +n\/a$/m);
    expect(r.stdout).toMatch(/^  locked in +n\/a$/m);
  });

  it('refuses an --out that is a file', async () => {
    writeFileSync(join(work.dir, 'afile'), 'x');
    const r = await lrsim(['run', 'tiny.yaml', '--out', 'afile'], work.dir);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r.stderr)).toMatch(/--out afile: is a file/);
  });

  it('writes nothing into an existing empty directory on bad input', async () => {
    const out = join(work.dir, 'empty');
    mkdirSync(out);
    const r = await lrsim(['run', 'tiny.yaml', '--out', out, '--set', 'ticks=-1'], work.dir);
    expect(r.code).toBe(2);
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
  });
});
