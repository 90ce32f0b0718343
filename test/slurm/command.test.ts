/**
 * `lrsim slurm` from the command line, without a scheduler: bad input (one line, exit 2,
 * nothing written or changed), capping the shard count, and the resubmission plan after a
 * shard has really run (only the unfinished shards go into the new --array).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const LRSIM = join(ROOT, 'bin', 'lrsim.js');
const tmp = mkdtempSync(join(tmpdir(), 'lrsim-slurm-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const scenario = join(tmp, 'tiny.yaml');
writeFileSync(
  scenario,
  ['name: tiny', 'ticks: 8', 'agents:', '  firms: 20', '  residents: 100', 'external:', '  partners: 10', 'sweep:', '  parameters:', '    openness: [0.1, 0.4]', '  replicates: 6', ''].join('\n'),
);

function lrsim(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [LRSIM, ...args], { encoding: 'utf8', cwd: tmp, env, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file below `dir` with its content and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p] = `${statSync(p).mtimeMs} ${readFileSync(p, 'utf8')}`;
    }
  };
  walk(dir);
  return out;
}

function expectOneLineError(r: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('lrsim slurm: bad input', () => {
  it('refuses zero and negative shard counts, writing nothing', () => {
    for (const shards of ['0', '-2', 'many']) {
      const out = join(tmp, `bad-shards-${shards}`);
      expectOneLineError(lrsim(['slurm', scenario, '--shards', shards, '--out', out]), /--shards must be a whole number of at least 1/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses --submit when sbatch is not on the PATH, writing nothing', () => {
    const out = join(tmp, 'no-sbatch');
    const r = lrsim(['slurm', scenario, '--shards', '3', '--out', out, '--submit'], { ...process.env, PATH: '/nonexistent' });
    expectOneLineError(r, /--submit needs sbatch on the PATH/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses bad resource values', () => {
    expectOneLineError(lrsim(['slurm', scenario, '--shards', '3', '--out', join(tmp, 'bad-time'), '--time', '2h']), /--time "2h" is not a SLURM time limit/);
    expectOneLineError(lrsim(['slurm', scenario, '--shards', '3', '--out', join(tmp, 'bad mem'), '--mem', '4G']), /whitespace/);
  });

  it('refuses an output directory holding a different sweep, another shard count, or other files, changing nothing', () => {
    const out = join(tmp, 'taken');
    expect(lrsim(['slurm', scenario, '--shards', '3', '--out', out]).status).toBe(0);
    const before = snapshot(out);
    expectOneLineError(lrsim(['slurm', scenario, '--shards', '3', '--out', out, '--set', 'ticks=9']), /holds a different sweep \(scenario hash [0-9a-f]{12}, this one is [0-9a-f]{12}\); nothing was changed/);
    expectOneLineError(lrsim(['slurm', scenario, '--shards', '4', '--out', out]), /was planned with --shards 3, not 4/);
    expectOneLineError(lrsim(['slurm', scenario, '--shards', '3', '--out', out, '--set', 'sweep.replicates=7']), /was planned for 12 runs, this sweep has 14/);
    expect(snapshot(out)).toEqual(before);

    const foreign = join(tmp, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    expectOneLineError(lrsim(['slurm', scenario, '--shards', '3', '--out', foreign]), /is not empty and was not prepared by lrsim slurm/);
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
  });

  it('says so and caps when there are more shards than runs', () => {
    const out = join(tmp, 'capped');
    const r = lrsim(['slurm', scenario, '--shards', '50', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("lrsim: warning: --shards 50 is more than the sweep's 12 runs; using 12 shards (one run each)\n");
    expect(readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8')).toContain('\n#SBATCH --array=0-11\n');
    expect(JSON.parse(readFileSync(join(out, 'slurm', 'plan.json'), 'utf8')).shards).toBe(12);
  });
});

describe('lrsim slurm: re-running after some shards ran', () => {
  it('plans only the missing shards, from each shard store', () => {
    const out = join(tmp, 'partial');
    const first = lrsim(['slurm', scenario, '--shards', '3', '--out', out, '--array-limit', '2']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('3 shards to run');
    expect(readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8')).toContain('\n#SBATCH --array=0-2%2\n');

    // Shard 1 runs for real, exactly as its array task would.
    const shard = lrsim(['sweep', join(out, 'scenario.json'), '--shard', '1/3', '--out', join(out, 'shards', '1'), '--workers', '1', '--resume', '--no-report']);
    expect(shard.status, shard.stderr).toBe(0);

    // Editing the original file does not matter: the sweep runs its copy in DIR.
    const plan = JSON.parse(readFileSync(join(out, 'slurm', 'plan.json'), 'utf8'));
    const again = lrsim(plan.command.split(' ').slice(1).filter((w: string) => w !== '--submit'));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('2 of 3 shards missing or incomplete: 0, 2');
    expect(readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8')).toContain('\n#SBATCH --array=0,2%2\n');
  });
});

describe('slurmShardSetProblem (the check for merge)', () => {
  it('names the unfinished shards of a planned sweep and the lrsim slurm command that finishes them', async () => {
    const { slurmShardSetProblem, slurmSweepOf } = await import('../../src/slurm/shard-set');
    const out = join(tmp, 'partial'); // planned above with 3 shards; shard 1 has run
    const dirs = [0, 1, 2].map((i) => join(out, 'shards', String(i)));
    expect(slurmSweepOf(dirs)).toBe(out);
    expect(slurmSweepOf([join(tmp, 'elsewhere')])).toBeNull();
    expect(slurmShardSetProblem(dirs)).toBe(
      `merge: the shard set of ${out} is incomplete: shard 0 (no runs yet), shard 2 (no runs yet); finish it with: ` +
        `lrsim slurm ${out}/scenario.json --shards 3 --out ${out} --cpus-per-task 1 --array-limit 2 --submit`,
    );
  });
});

describe('lrsim merge of the shards of a SLURM sweep', () => {
  it('names the lrsim slurm command that resubmits the unfinished shards, not lrsim sweep --shard', () => {
    const out = join(tmp, 'merge-advice');
    expect(lrsim(['slurm', scenario, '--shards', '3', '--out', out]).status).toBe(0);
    const shard = (i: number) => join(out, 'shards', String(i));
    const runShard = (i: number) => {
      const r = lrsim(['sweep', join(out, 'scenario.json'), '--shard', `${i}/3`, '--out', shard(i), '--workers', '1', '--resume', '--no-report']);
      expect(r.status, r.stderr).toBe(0);
    };
    const merge = () => lrsim(['merge', shard(0), shard(1), shard(2), '--out', out, '--no-report']);
    const finish = `finish it with: lrsim slurm ${out}/scenario.json --shards 3 --out ${out} --cpus-per-task 1 --submit`;
    const incomplete = (what: string) => new RegExp(`merge: the shard set of ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is incomplete: ${what}; `);

    // Shards 0 and 2 never started: their directories do not exist (merge.sbatch names them all).
    runShard(1);
    let r = merge();
    expectOneLineError(r, incomplete('shard 0 \\(no runs yet\\), shard 2 \\(no runs yet\\)'));
    expect(r.stderr).toContain(finish);
    expect(r.stderr).not.toContain('lrsim sweep');

    // Every shard started, but shard 0 was stopped after 2 of its 4 runs.
    runShard(0);
    runShard(2);
    const store = join(shard(0), 'runs.ndjson');
    writeFileSync(store, readFileSync(store, 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    r = merge();
    expectOneLineError(r, incomplete('shard 0 \\(2 of 4 runs\\)'));
    expect(r.stderr).toContain(finish);
    expect(r.stderr).not.toContain('lrsim sweep');
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);

    // Finished, the set merges.
    runShard(0);
    r = merge();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`merged 12 runs (0 failed) into ${out}\n`);
  });
});
