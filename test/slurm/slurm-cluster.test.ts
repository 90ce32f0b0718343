/**
 * Integration test on a real single-node SLURM (`.ci/slurm-setup.sh` sets one up; CI runs
 * it before the tests). A small sweep submitted as 3 shards runs under SLURM, merges, and
 * equals a single-machine sweep byte for byte; a shard killed with `scancel` part way is
 * finished by re-running the same `lrsim slurm` command. Skips, saying why, where there is
 * no SLURM.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onPath, squeue } from '../../src/slurm/scheduler';

const ROOT = resolve(__dirname, '../..');
const LRSIM = join(ROOT, 'bin', 'lrsim.js');

function slurmUnavailable(): string | null {
  if (!onPath('sbatch')) return 'sbatch is not on the PATH (set up a single-node SLURM with `.ci/slurm-setup.sh`, as root)';
  const sinfo = spawnSync('sinfo', ['-h', '-o', '%t'], { encoding: 'utf8' });
  if (sinfo.status !== 0) return `sinfo fails, so no SLURM controller answers: ${sinfo.stderr.trim()} (start it with \`.ci/slurm-setup.sh\`)`;
  return null;
}
const why = slurmUnavailable();
if (why) console.warn(`SLURM integration test skipped: ${why}`);

const tmp = mkdtempSync(join(tmpdir(), 'lrsim-slurm-it-'));
const submitted: string[] = [];
afterAll(() => {
  // A failed test must not leave its jobs in the queue (a merge waiting forever, say).
  for (const id of submitted) if (squeue(id).length > 0) spawnSync('scancel', [id]);
  rmSync(tmp, { recursive: true, force: true });
});

/** A tiny region: a few dozen firms, a few ticks; `replicates` x 2 grid points runs. */
function writeScenario(file: string, replicates: number, ticks: number, firms: number): void {
  writeFileSync(
    file,
    [
      'name: slurm-it',
      `ticks: ${ticks}`,
      'agents:',
      `  firms: ${firms}`,
      `  residents: ${firms * 10}`,
      'external:',
      '  partners: 20',
      'sweep:',
      '  design: grid',
      '  parameters:',
      '    openness: [0.1, 0.4]',
      `  replicates: ${replicates}`,
      '',
    ].join('\n'),
  );
}

function lrsim(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [LRSIM, ...args], { encoding: 'utf8', cwd: tmp, timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function submittedJobs(stdout: string): { arrayJob: string | null; mergeJob: string } {
  const both = /sweep array job (\d+), merge job (\d+)/.exec(stdout);
  if (both) {
    submitted.push(both[1], both[2]);
    return { arrayJob: both[1], mergeJob: both[2] };
  }
  const merge = /merge job (\d+)/.exec(stdout);
  if (!merge) throw new Error(`no job ids in: ${stdout}`);
  submitted.push(merge[1]);
  return { arrayJob: null, mergeJob: merge[1] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `until()` holds, polling every 250 ms; fails after `seconds`. */
async function waitFor(what: string, until: () => boolean, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!until()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await sleep(250);
  }
}

/** JobState of a job SLURM still remembers (MinJobAge keeps finished jobs for 300 s). */
function jobState(id: string): string {
  const out = execFileSync('scontrol', ['show', 'job', id], { encoding: 'utf8' });
  return /JobState=(\S+)/.exec(out)?.[1] ?? 'UNKNOWN';
}

function lineCount(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.endsWith('}')).length : 0;
}

function expectSameOutputs(clusterDir: string, singleDir: string): void {
  for (const file of ['runs.csv', 'timeseries.csv']) {
    const cluster = readFileSync(join(clusterDir, file));
    const single = readFileSync(join(singleDir, file));
    expect(cluster.length, file).toBeGreaterThan(0);
    expect(cluster.equals(single), `${file} differs between the SLURM sweep and the single-machine sweep`).toBe(true);
  }
}

describe.skipIf(why !== null)('lrsim slurm on a real single-node SLURM', () => {
  it('runs 12 runs as 3 array tasks, merges, and equals a single-machine sweep byte for byte', async () => {
    const scenario = join(tmp, 'small.yaml');
    writeScenario(scenario, 6, 12, 30);
    const out = join(tmp, 'small-cluster');
    const t0 = Date.now();
    const first = lrsim(['slurm', scenario, '--shards', '3', '--out', out, '--cpus-per-task', '1', '--time', '00:10:00', '--submit']);
    expect(first.status, first.stderr).toBe(0);
    const { arrayJob, mergeJob } = submittedJobs(first.stdout);
    expect(arrayJob).not.toBeNull();
    await waitFor(`merge job ${mergeJob}`, () => squeue(mergeJob).length === 0 && squeue(arrayJob!).length === 0, 240);
    const seconds = (Date.now() - t0) / 1000;
    expect(jobState(mergeJob), readLogs(out)).toBe('COMPLETED');
    console.log(`SLURM: 12 runs in 3 shards (array job ${arrayJob}, merge job ${mergeJob}) finished in ${seconds.toFixed(1)} s`);

    const single = join(tmp, 'small-single');
    const sweep = lrsim(['sweep', scenario, '--out', single, '--workers', '2', '--no-report']);
    expect(sweep.status, sweep.stderr).toBe(0);
    expectSameOutputs(out, single);

    // Nothing left: the same command submits nothing.
    const again = lrsim(['slurm', scenario, '--shards', '3', '--out', out, '--cpus-per-task', '1', '--time', '00:10:00', '--submit']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/nothing to do/);
    expect(again.stdout).not.toMatch(/submitted/);
  }, 420_000);

  it('finishes a shard killed with scancel part way when the command is re-run', async () => {
    const scenario = join(tmp, 'killed.yaml');
    writeScenario(scenario, 9, 60, 60);
    const out = join(tmp, 'killed-cluster');
    const args = ['slurm', scenario, '--shards', '3', '--out', out, '--cpus-per-task', '1', '--submit'];
    const t0 = Date.now();
    const first = lrsim(args);
    expect(first.status, first.stderr).toBe(0);
    const { arrayJob, mergeJob } = submittedJobs(first.stdout);

    // Kill shard 1 once it has stored at least one run, before it has stored all six.
    const store = join(out, 'shards', '1', 'runs.ndjson');
    await waitFor('shard 1 to store its first run', () => lineCount(store) >= 1, 240);
    execFileSync('scancel', [`${arrayJob}_1`]);
    const storedWhenKilled = lineCount(store);
    expect(storedWhenKilled).toBeLessThan(6);
    await waitFor('the array to end', () => squeue(arrayJob!).length === 0, 240);
    // The merge can never start now (afterok on an array with a cancelled task): it waits,
    // with reason Dependency until slurmctld re-evaluates it, then DependencyNeverSatisfied.
    const merge = squeue(mergeJob);
    expect(merge.map((j) => j.state)).toEqual(['PENDING']);
    expect(merge[0].reason).toMatch(/^Dependency(NeverSatisfied)?$/);

    const t1 = Date.now();
    const second = lrsim(args);
    expect(second.status, second.stderr).toBe(0);
    console.log(`re-run of lrsim slurm ${args.slice(1).join(' ')}:\n${second.stdout}`);
    expect(second.stdout).toContain('1 of 3 shards missing or incomplete: 1');
    expect(second.stdout).toContain(`cancelled the earlier merge job ${mergeJob}, whose array ended`);
    expect(readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8')).toContain('\n#SBATCH --array=1\n');
    const resubmitted = submittedJobs(second.stdout);
    await waitFor(`merge job ${resubmitted.mergeJob}`, () => squeue(resubmitted.mergeJob).length === 0, 300);
    expect(jobState(resubmitted.mergeJob), readLogs(out)).toBe('COMPLETED');
    const t2 = Date.now();
    console.log(
      `SLURM: 18 runs in 3 shards (array job ${arrayJob}); shard 1 cancelled with ${storedWhenKilled} of 6 runs stored ` +
        `after ${((t1 - t0) / 1000).toFixed(1)} s in all; the re-run resubmitted --array=1 (array job ${resubmitted.arrayJob}, ` +
        `merge job ${resubmitted.mergeJob}), which finished in ${((t2 - t1) / 1000).toFixed(1)} s`,
    );
    // The resumed shard kept its stored runs and wrote each run once.
    expect(lineCount(store)).toBe(6);

    const single = join(tmp, 'killed-single');
    const sweep = lrsim(['sweep', scenario, '--out', single, '--workers', '2', '--no-report']);
    expect(sweep.status, sweep.stderr).toBe(0);
    expectSameOutputs(out, single);
  }, 600_000);
});

/** The task logs, for a failure message. */
function readLogs(out: string): string {
  const logs = join(out, 'slurm', 'logs');
  if (!existsSync(logs)) return 'no logs';
  return execFileSync('sh', ['-c', `tail -n 20 ${logs}/*`], { encoding: 'utf8' });
}
