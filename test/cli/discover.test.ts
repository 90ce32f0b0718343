/**
 * `lrsim discover` and `lrsim robustness` as users run them (issue 17): outputs on a
 * good sweep, a warning under 50 runs, and every bad input of the issue exits 2 with
 * one line and writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSweep } from '../fixtures/sweep-dir';
import { writePlantedSweep } from '../analysis/planted-sweep';
import { buildOnce, freshDirs, lrsim, ROOT } from './helpers';

const { fresh, cleanup } = freshDirs();
beforeAll(() => buildOnce());
afterAll(cleanup);

function expectOneLineError(stderr: string, pattern: RegExp) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^lrsim: error: /);
  expect(lines[0]).toMatch(pattern);
}

describe('lrsim discover and robustness on a sweep', () => {
  it('write boxes, trajectory, tree, regret tables and charts', async () => {
    const dir = fresh(() => writePlantedSweep());
    const d = await lrsim(['discover', dir, '--arm', 'baseline', '--no-images']);
    expect(d.code, d.stderr).toBe(0);
    // An 8 x 8 grid: the levels inside the box, not limits between them (audit finding 7).
    // A grid's points are fixed: the runs are the unit (Bryant and Lempert's binomial test;
    // dropping openness leaves 48 runs with 24 cases: scipy binom.sf(23, 24, 0.5) = 6.0e-8).
    expect(d.stdout).toMatch(/openness in \{0, 0\.1, 0\.2, 0\.3\} \(quasi-p < 0\.0001\) and proximity\.social_closure in \{0\.7, 0\.8, 0\.9\} \(quasi-p < 0\.0001\)/);
    expect(d.stdout).toMatch(/100 % of its 24 runs \(12 design points\) are cases \(density\).*Quasi-p-values count runs: the design points are fixed/);
    expect(d.stdout).not.toMatch(/Warning: only/);
    const boxes = JSON.parse(readFileSync(join(dir, 'discovery', 'boxes.json'), 'utf8'));
    expect(boxes.boxes.filter((b: { reported_from: boolean }) => b.reported_from)).toHaveLength(1);
    expect(Object.keys(boxes.boxes[0])).toEqual(['index', 'coverage', 'density', 'mass', 'rows', 'points', 'cases', 'restricted', 'limits', 'reported_from']);
    expect(readFileSync(join(dir, 'discovery', 'trajectory.csv'), 'utf8').split('\n')[0]).toBe('box,coverage,density,mass,rows,points,cases,restricted_count,restricted,reported_from');
    for (const f of ['trajectory.csv', 'tree.json', 'charts/discovery-trajectory.vl.json', 'charts/discovery-box.vl.json']) expect(existsSync(join(dir, 'discovery', f)), f).toBe(true);
    // A second discovery does not overwrite the first without --force (audit finding 8).
    const again = await lrsim(['discover', dir, '--arm', 'baseline', '--box', '3', '--no-images']);
    expect(again.code).toBe(2);
    expectOneLineError(again.stderr, /discovery already holds the results of an earlier lrsim discover; add --force to replace them/);
    expect(JSON.parse(readFileSync(join(dir, 'discovery', 'boxes.json'), 'utf8'))).toEqual(boxes);
    // A typo is reported before --force is asked for (input audit finding 14: the other way round, as robustness does).
    for (const [option, expected] of [
      [['--where', 'innovation_valu_late < 1'], /--where: "innovation_valu_late" is not an outcome in runs\.csv; did you mean "innovation_value_late"\?/],
      [['--arm', 'basline'], /--arm basline/],
      [['--box', '999'], /--box 999/],
      [['--peel', '0.7'], /peel/],
    ] as const) {
      const typo = await lrsim(['discover', dir, ...option, '--no-images']);
      expect(typo.code).toBe(2);
      expectOneLineError(typo.stderr, expected);
      expect(typo.stderr).not.toMatch(/--force/);
    }
    const box3 = await lrsim(['discover', dir, '--arm', 'baseline', '--box', '3', '--force', '--stability', '20', '--no-images']);
    expect(box3.code, box3.stderr).toBe(0);
    expect(box3.stdout).toMatch(/reports box 3 of the/);
    expect(box3.stdout).toMatch(/Stability: rerun on 20 bootstrap resamples of the 128 runs \(seeded\), the default steps \(the box of largest coverage × density, pasted, weak restrictions dropped\) restrict /);
    expect(JSON.parse(readFileSync(join(dir, 'discovery', 'boxes.json'), 'utf8')).chosen.from).toBe(3);

    const r = await lrsim(['robustness', dir, '--target', 'innovation_value_late >= 1.5', '--budget', '300', '--no-images']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Left out by the budget 300: bold \(cost 400\)/);
    expect(readFileSync(join(dir, 'robustness', 'arms.csv'), 'utf8').split('\n')[0]).toMatch(/^arm,cost,mean_outcome,sd_outcome,mean_regret/);
    for (const f of ['robustness.json', 'regret.csv', 'charts/robustness.vl.json']) expect(existsSync(join(dir, 'robustness', f)), f).toBe(true);
  });

  it('on a sampled design warns under 50 futures, however many runs, and counts futures', async () => {
    // 4 LHS points x 2 arms x 8 seeds = 64 runs: the points are draws from the space of futures.
    const dir = fresh(() => writeFixtureSweep({ replicates: 8, continuous: { design: 'lhs', samples: 4, ranges: { openness: [0, 0.6] } } }));
    const d = await lrsim(['discover', dir, '--where', 'innovation_value_late < 2.0', '--no-images']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/8 of 64 runs \(4 futures\) are cases/);
    expect(d.stdout).toMatch(/Warning: only 4 futures \(design points; 64 runs\); scenario discovery is unreliable below 50 futures/);
  });
  it('on a grid counts runs: 64 runs of 4 fixed points are enough for no warning', async () => {
    const dir = fresh(() => writeFixtureSweep({ replicates: 8 })); // 4 grid points x 2 arms x 8 seeds = 64 runs
    const d = await lrsim(['discover', dir, '--where', 'innovation_value_late < 1.8', '--no-images']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/4 of 64 runs \(4 design points\) are cases/);
    expect(d.stdout).toMatch(/leaves of at least 5 runs\)/);
    expect(d.stdout).not.toMatch(/Warning: only/);
  });
});

describe('bad input: exit 2, one line, nothing written', () => {
  const planted = fresh(() => writePlantedSweep());
  const noParams = fresh(() => writeFixtureSweep({ parameters: {} }));
  const running = fresh(() => {
    const d = writePlantedSweep();
    const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
    writeFileSync(join(d, 'manifest.json'), JSON.stringify({ ...m, status: 'running' }));
    return d;
  });
  const empty = fresh(() => mkdtempSync(join(tmpdir(), 'lrsim-empty-')));
  const cases: [string, string, string[], RegExp][] = [
    ['an outcome not in runs.csv', planted, ['discover', planted, '--outcome', 'lockd_in'], /--outcome: "lockd_in" is not an outcome in runs\.csv; did you mean "locked_in"\? \(available: innovations_total, /],
    ['a non-binary outcome without --where', planted, ['discover', planted, '--outcome', 'innovation_value_late'], /not a 0\/1 outcome.*add a threshold, e\.g\. --where 'innovation_value_late < /],
    ['a malformed --where', planted, ['discover', planted, '--where', 'innovation_value_late < x1'], /--where "innovation_value_late < x1": expected a number at character 25 \(innovation_value_late < \^x1\)/],
    ['an unknown outcome in --where', planted, ['discover', planted, '--where', 'inovation_value_late < 1'], /did you mean "innovation_value_late"\?/],
    ['a malformed --target', planted, ['robustness', planted, '--target', 'innovation_value_late >> 2'], /--target "innovation_value_late >> 2": expected a number at character 24 \(innovation_value_late >\^> 2\)/],
    ['an unknown robustness outcome', planted, ['robustness', planted, '--outcome', 'innovation_valu_late'], /did you mean "innovation_value_late"\?/],
    ['a --box beyond the trajectory', planted, ['discover', planted, '--arm', 'baseline', '--box', '99'], /--box 99: choose a box of the trajectory, a whole number from 0 to 9/],
    ['a --peel that is not a number', planted, ['discover', planted, '--peel', 'abc'], /^lrsim: error: --peel abc: not a number; write e\.g\. --peel 0\.05/],
    ['a --stability that is not a whole number', planted, ['discover', planted, '--stability', '2.5'], /^lrsim: error: --stability 2\.5: write a whole number of bootstrap resamples from 0 \(off\) to 10000/],
    ['a --box that is not a number', planted, ['discover', planted, '--box', 'two'], /^lrsim: error: --box two: not a number; write e\.g\. --box 3/],
    ['an unknown arm', planted, ['discover', planted, '--arm', 'bolt'], /--arm bolt: no such arm in this sweep; did you mean "bold"\?/],
    ['a budget no arm meets', planted, ['robustness', planted, '--budget', '100'], /--budget 100: leaves only baseline within budget/],
    ['a sweep without swept parameters', noParams, ['discover', noParams], /has no swept parameters/],
    ['an unfinished sweep', running, ['robustness', running], /the sweep is not finished \(status "running"/],
    ['a directory that is not a sweep', empty, ['discover', empty], /no runs\.ndjson and manifest\.json here/],
  ];
  it.concurrent.each(cases)('%s', async (_, dir, args, pattern) => {
    const r = await lrsim([...args, '--no-images']);
    expect(r.code, r.stderr).toBe(2);
    expectOneLineError(r.stderr, pattern);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'discovery'))).toBe(false);
    expect(existsSync(join(dir, 'robustness'))).toBe(false);
  });
});

// The audit of bad input to the analysis commands (auditinput, item 4).
describe('lrsim discover on an unfinished sweep', () => {
  it('on an unfinished sweep gives the command that finishes it, and that command works', async () => {
    // A real sweep, from a scenario file whose name needs quoting, then cut back to one stored run.
    const cwd = fresh(() => mkdtempSync(join(tmpdir(), 'lrsim-unfinished-')));
    writeFileSync(join(cwd, 'my sweep.yaml'), 'name: small\nseed: 7\nticks: 10\nagents: {firms: 40, residents: 300}\nsweep:\n  parameters:\n    openness: [0.1, 0.2]\n  replicates: 1\n');
    const sweep = await lrsim(['sweep', 'my sweep.yaml', '--workers', '1', '--out', 'out dir', '--no-report'], cwd);
    expect(sweep.code, sweep.stderr).toBe(0);
    const out = join(cwd, 'out dir');
    const store = readFileSync(join(out, 'runs.ndjson'), 'utf8').split('\n');
    writeFileSync(join(out, 'runs.ndjson'), `${store[0]}\n`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, status: 'interrupted' }));
    const r = await lrsim(['discover', 'out dir', '--no-images'], cwd);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^lrsim: error: out dir: the sweep is not finished \(status "interrupted" in manifest\.json\); finish it with lrsim sweep 'my sweep\.yaml' --workers 1 --no-report --resume --out 'out dir', then run this again/);
    // Run the advice as a shell would, lrsim being this build.
    const advice = /finish it with lrsim (.*), then run this again/.exec(r.stderr)![1];
    execFileSync('bash', ['-c', `"${process.execPath}" "${join(ROOT, 'bin', 'lrsim.js')}" ${advice}`], { cwd, stdio: 'ignore' });
    const finished = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(finished.status).toBe('complete');
    expect(finished.runs).toMatchObject({ planned: 2, ok: 2 });
  });
});

// The audit of bad input to the analysis commands (auditinput, items 3, 5, 12).
describe('lrsim discover: a shard, runs without the outcome, --force', () => {
  it('on one shard\'s directory warns on stderr and in boxes.json that it covers that shard only, naming lrsim merge', async () => {
    const dir = fresh(() => writePlantedSweep());
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, shard: { index: 0, count: 3 } }));
    const r = await lrsim(['discover', dir, '--arm', 'baseline', '--no-images']);
    expect(r.code, r.stderr).toBe(0);
    const warning = `warning: ${dir} holds shard 0 of the shards 0 to 2 of the sweep (--shard 0/3), so these results cover that shard's runs only, not the sweep's; merge the 3 shards (lrsim merge SHARD_DIR... --out DIR) and run lrsim discover DIR on the merged directory for the whole sweep`;
    expect(r.stderr).toBe(`lrsim: ${warning}\n`);
    const boxes = JSON.parse(readFileSync(join(dir, 'discovery', 'boxes.json'), 'utf8'));
    expect(boxes.shard).toEqual({ index: 0, count: 3 });
    expect(boxes.shard_warning).toBe(warning.replace(dir, 'this directory'));
    // A whole sweep says nothing of shards.
    const whole = fresh(() => writePlantedSweep());
    const w = await lrsim(['discover', whole, '--arm', 'baseline', '--no-images']);
    expect(w.stderr).toBe('');
    expect(JSON.parse(readFileSync(join(whole, 'discovery', 'boxes.json'), 'utf8'))).toMatchObject({ shard: null, shard_warning: null });
  });

  it('--where says how many runs it leaves out because the outcome is undefined there, and why', async () => {
    // value_per_cost is empty in every run of the baseline arm (no policy cost): 128 of the 384 runs.
    const dir = fresh(() => writePlantedSweep());
    const r = await lrsim(['discover', dir, '--where', 'value_per_cost > 1', '--no-images']);
    expect(r.code, r.stderr).toBe(0);
    const note = 'the other 128 of the 384 runs are left out, as value_per_cost is undefined (empty) in every run of the baseline arm: value_per_cost is missing where an arm has no policy cost';
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'Scenario discovery: 224 of 256 runs (64 design points) are cases of interest (value_per_cost > 1).',
      `The other 128 of the 384 runs are left out, as value_per_cost is undefined (empty) in every run of the baseline arm: value_per_cost is missing where an arm has no policy cost.`,
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'discovery', 'boxes.json'), 'utf8'))).toMatchObject({ undefined_outcome: 128, undefined_outcome_arms: ['baseline'], undefined_outcome_note: note });
    // When every run left is a case, the refusal says the others were left out, and why.
    const all = await lrsim(['discover', dir, '--where', 'value_per_cost > 0', '--force', '--no-images']);
    expect(all.code).toBe(2);
    expectOneLineError(all.stderr, new RegExp(`^lrsim: error: value_per_cost > 0: 256 of 256 runs are cases of interest \\(${note.replace(/[()]/g, '\\$&')}\\); discovery needs both cases and other runs`));
  });

  it('--force replaces its own files only, and leaves no chart of an earlier discovery', async () => {
    const dir = fresh(() => writePlantedSweep());
    expect((await lrsim(['discover', dir, '--arm', 'baseline'])).code).toBe(0);
    expect(existsSync(join(dir, 'discovery', 'charts', 'discovery-box.svg'))).toBe(true);
    writeFileSync(join(dir, 'discovery', 'notes.txt'), 'mine');
    const again = await lrsim(['discover', dir, '--arm', 'bold', '--force', '--no-images']);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(dir, 'discovery', 'charts')).sort()).toEqual(['discovery-box.vl.json', 'discovery-trajectory.vl.json']);
    expect(readFileSync(join(dir, 'discovery', 'notes.txt'), 'utf8')).toBe('mine');
  });
});
