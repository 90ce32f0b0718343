import { describe, expect, it } from 'vitest';
import { parseResources, parseShards, checkOutDir } from '../../src/slurm/options';
import { arraySpec, mergeScript, shellQuote, sweepScript, type SlurmScriptSpec } from '../../src/slurm/scripts';

const spec = (over: Partial<SlurmScriptSpec> = {}): SlurmScriptSpec => ({
  name: 'baseline',
  dir: '/scratch/me/out',
  scenarioFile: '/scratch/me/out/scenario.json',
  shards: 8,
  array: [0, 1, 2, 3, 4, 5, 6, 7],
  node: '/usr/bin/node',
  lrsim: '/home/me/lrsim/bin/lrsim.js',
  command: 'lrsim slurm /scratch/me/out/scenario.json --shards 8 --out /scratch/me/out --cpus-per-task 4 --submit',
  resources: { cpusPerTask: 4 },
  ...over,
});

const directives = (script: string) => script.split('\n').filter((l) => l.startsWith('#SBATCH'));

describe('arraySpec', () => {
  it('writes contiguous shards as ranges and the rest as a list', () => {
    expect(arraySpec([0, 1, 2])).toBe('0-2');
    expect(arraySpec([1, 4])).toBe('1,4');
    expect(arraySpec([7, 0, 1, 2, 5, 8])).toBe('0-2,5,7-8');
    expect(arraySpec([3])).toBe('3');
  });
  it('adds the concurrency limit', () => {
    expect(arraySpec([0, 1, 2, 3], 2)).toBe('0-3%2');
    expect(arraySpec([1, 4], 1)).toBe('1,4%1');
  });
});

describe('sweep.sbatch', () => {
  it('has exactly the directives asked for, in order', () => {
    const script = sweepScript(
      spec({ resources: { cpusPerTask: 4, partition: 'compute', time: '02:00:00', mem: '8G', account: 'proj42', arrayLimit: 3 } }),
    );
    expect(directives(script)).toEqual([
      '#SBATCH --job-name=lrsim-baseline',
      '#SBATCH --array=0-7%3',
      '#SBATCH --account=proj42',
      '#SBATCH --partition=compute',
      '#SBATCH --time=02:00:00',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --mem=8G',
      '#SBATCH --output=/scratch/me/out/slurm/logs/sweep-%A_%a.out',
      '#SBATCH --error=/scratch/me/out/slurm/logs/sweep-%A_%a.err',
    ]);
  });

  it('leaves out what was not asked for, but always sets --cpus-per-task (the workers)', () => {
    expect(directives(sweepScript(spec()))).toEqual([
      '#SBATCH --job-name=lrsim-baseline',
      '#SBATCH --array=0-7',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --output=/scratch/me/out/slurm/logs/sweep-%A_%a.out',
      '#SBATCH --error=/scratch/me/out/slurm/logs/sweep-%A_%a.err',
    ]);
  });

  it('runs only the shards given (a resubmission)', () => {
    expect(directives(sweepScript(spec({ array: [1, 4] })))[1]).toBe('#SBATCH --array=1,4');
  });

  it('runs shard $SLURM_ARRAY_TASK_ID of n with absolute paths, resuming, without a report', () => {
    const script = sweepScript(spec());
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(script).toContain('\nNODE=/usr/bin/node\nLRSIM=/home/me/lrsim/bin/lrsim.js\nDIR=/scratch/me/out\nSCENARIO=/scratch/me/out/scenario.json\nSHARDS=8\n');
    expect(script).toContain(
      [
        '"$NODE" "$LRSIM" sweep "$SCENARIO" \\',
        '  --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" \\',
        '  --out "$DIR/shards/$SLURM_ARRAY_TASK_ID" \\',
        '  --workers "$SLURM_CPUS_PER_TASK" \\',
        '  --resume --no-report',
      ].join('\n'),
    );
    expect(script).toContain(`# After failures (timeouts, pre-emption, scancel) finish the sweep by re-running\n#   ${spec().command}\n`);
    // Directives must come before the first command, or sbatch ignores them.
    const lines = script.split('\n');
    const lastDirective = lines.map((l) => l.startsWith('#SBATCH')).lastIndexOf(true);
    expect(lines.slice(1, lastDirective).every((l) => l.startsWith('#'))).toBe(true);
  });

  it('makes a job name SLURM accepts from any scenario name', () => {
    expect(directives(sweepScript(spec({ name: 'open region / v2' })))[0]).toBe('#SBATCH --job-name=lrsim-open_region___v2');
  });
});

describe('merge.sbatch', () => {
  it('has one cpu, the same account, partition, time and memory, and its own logs', () => {
    const script = mergeScript(spec({ resources: { cpusPerTask: 4, partition: 'compute', time: '1-00:00', mem: '8G', account: 'proj42', arrayLimit: 3 } }));
    expect(directives(script)).toEqual([
      '#SBATCH --job-name=lrsim-baseline-merge',
      '#SBATCH --account=proj42',
      '#SBATCH --partition=compute',
      '#SBATCH --time=1-00:00',
      '#SBATCH --cpus-per-task=1',
      '#SBATCH --mem=8G',
      '#SBATCH --output=/scratch/me/out/slurm/logs/merge-%j.out',
      '#SBATCH --error=/scratch/me/out/slurm/logs/merge-%j.err',
    ]);
  });

  it('merges every shard directory, not only the resubmitted ones, into DIR', () => {
    const script = mergeScript(spec({ array: [1, 4] }));
    expect(script).toContain('for ((i = 0; i < SHARDS; i++)); do shard_dirs+=("$DIR/shards/$i"); done');
    expect(script).toContain('"$NODE" "$LRSIM" merge "${shard_dirs[@]}" --out "$DIR"');
  });
});

describe('options', () => {
  it('rejects zero, negative and fractional shard counts', () => {
    for (const bad of [0, -3, 1.5, 'x', '']) expect(() => parseShards(bad)).toThrow(/--shards must be a whole number of at least 1/);
    expect(parseShards('3')).toBe(3);
  });
  it('accepts SLURM time formats and rejects others', () => {
    for (const ok of ['30', '30:00', '02:00:00', '1-00', '1-12:00', '2-00:00:00']) expect(parseResources({ scenario: 'x', shards: 1, time: ok }).time).toBe(ok);
    for (const bad of ['2h', '1:2:3:4', 'soon']) expect(() => parseResources({ scenario: 'x', shards: 1, time: bad })).toThrow(/not a SLURM time limit/);
  });
  it('checks memory, names and counts', () => {
    expect(parseResources({ scenario: 'x', shards: 1, mem: '4G' }).mem).toBe('4G');
    expect(() => parseResources({ scenario: 'x', shards: 1, mem: '4 GB' })).toThrow(/not a SLURM memory size/);
    expect(() => parseResources({ scenario: 'x', shards: 1, partition: 'a b' })).toThrow(/cannot go into an #SBATCH line/);
    expect(() => parseResources({ scenario: 'x', shards: 1, arrayLimit: 0 })).toThrow(/--array-limit must be/);
    expect(() => parseResources({ scenario: 'x', shards: 1, cpusPerTask: -1 })).toThrow(/--cpus-per-task must be/);
    expect(parseResources({ scenario: 'x', shards: 1 }).cpusPerTask).toBe(1);
  });
  it('refuses output paths an #SBATCH line cannot carry', () => {
    expect(() => checkOutDir('/tmp/my runs')).toThrow(/whitespace/);
    expect(() => checkOutDir('/tmp/100%')).toThrow(/whitespace/);
    expect(checkOutDir('/tmp/runs')).toBe('/tmp/runs');
  });
  it('quotes shell words only when needed', () => {
    expect(shellQuote('/a/b.json')).toBe('/a/b.json');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
