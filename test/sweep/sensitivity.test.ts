/**
 * Sweeps with sensitivity designs (issue 15): morris and saltelli run as any sweep (arms,
 * replicates, workers, shards) and their indices land in stats.csv identically whatever the
 * worker count or sharding; `design: file` runs a design CSV; bad designs exit 2 with one
 * line and write nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv';
import { ScenarioError } from '../../src/scenario/errors';
import { computeSweepStats, writeStatsCsv } from '../../src/stats';
import { mergeSweeps } from '../../src/sweep/merge';
import { runSweep } from '../../src/sweep/run-sweep';
import { outputs, tempDir, writeScenario } from './helpers';

const SALTELLI = `sweep:
  design: saltelli
  samples: 4
  replicates: 2
  parameters:
    openness: {min: 0.02, max: 0.4}
    proximity.geographic_decay_km: {min: 5, max: 80, log: true}
`;
const MORRIS = `sweep:
  design: morris
  samples: 3
  pool: 6
  replicates: 2
  parameters:
    openness: {min: 0.02, max: 0.4}
    contacts.per_tick: {min: 2, max: 6, integer: true}
arms:
  - name: base
  - name: learning
    policies: [{kind: lifelong_learning, participation: 0.1}]
`;

const stats = async (dir: string) => readFileSync(writeStatsCsv(dir, await computeSweepStats(dir)), 'utf8');
/** The sensitivity rows of stats.csv as records (column -> text). */
function sensitivityRows(csv: string): Record<string, string>[] {
  const { columns, rows } = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]]))).filter((r) => r.section === 'sensitivity');
}
const has = (rows: Record<string, string>[], want: Record<string, string>) => rows.some((r) => Object.entries(want).every(([k, v]) => r[k] === v));

describe('sensitivity designs in sweeps', { timeout: 300_000 }, () => {
  it('saltelli: same outputs and indices with 1 and 2 workers and from 2 merged shards', async () => {
    const dir = tempDir('saltelli');
    const scenario = writeScenario(dir, SALTELLI, 8);
    const sweep = (out: string, workers: number, shard?: { index: number; count: number }) => runSweep({ scenario, out: join(dir, out), workers, shard, progress: false });
    expect(await sweep('w1', 1)).toMatchObject({ status: 'complete', planned: 32, ok: 32 });
    await sweep('w2', 2);
    for (let i = 0; i < 2; i++) await sweep(`s/${i}`, 1, { index: i, count: 2 });
    await mergeSweeps([0, 1].map((i) => join(dir, 's', String(i))), join(dir, 'merged'));
    const reference = outputs(join(dir, 'w1'));
    expect(outputs(join(dir, 'w2'))).toEqual(reference);
    expect(outputs(join(dir, 'merged'))).toEqual(reference);
    const one = await stats(join(dir, 'w1'));
    expect(await stats(join(dir, 'w2'))).toBe(one);
    expect(await stats(join(dir, 'merged'))).toBe(one);
    const rows = sensitivityRows(one);
    // S1 and ST of 2 parameters and the noise share, at n = 2 and 4 (N/4 = 1 is too small).
    expect(has(rows, { outcome: 'innovation_value_late', parameter: 'openness', method: 'saltelli', index: 'S1', n: '4', tick: '' })).toBe(true);
    expect(has(rows, { outcome: 'innovation_value_late', parameter: 'openness', method: 'saltelli', index: 'ST', n: '2' })).toBe(true);
    expect(has(rows, { outcome: 'lock_in_index_final', parameter: 'seed', method: 'saltelli', index: 'noise_share' })).toBe(true);
    expect(has(rows, { outcome: 'diversity', parameter: 'proximity.geographic_decay_km', index: 'S1', tick: '0' })).toBe(true); // over time
  });

  it('saltelli with scrambles: t intervals over the scrambles in stats.csv', async () => {
    const dir = tempDir('scrambles');
    const scenario = writeScenario(dir, SALTELLI.replace('samples: 4', 'samples: 4\n  scrambles: 2'), 8);
    expect(await runSweep({ scenario, out: join(dir, 'w1'), workers: 1, progress: false })).toMatchObject({ status: 'complete', planned: 32, ok: 32 });
    const rows = sensitivityRows(await stats(join(dir, 'w1')));
    // N = 4 in 2 scrambles of 2: the t interval is given (the row bootstrap gives none below 10 base rows).
    const st = rows.filter((r) => r.outcome === 'lock_in_index_final' && r.index === 'ST' && r.n === '4' && r.tick === '');
    expect(st).toHaveLength(2);
    expect(st.every((r) => r.lo !== '' && r.hi !== '')).toBe(true);
  });

  it('morris with arms: indices per arm, identical with 1 and 2 workers', async () => {
    const dir = tempDir('morris');
    const scenario = writeScenario(dir, MORRIS, 8);
    expect(await runSweep({ scenario, out: join(dir, 'w1'), workers: 1, progress: false })).toMatchObject({ planned: 36, ok: 36 });
    await runSweep({ scenario, out: join(dir, 'w2'), workers: 2, progress: false });
    const one = await stats(join(dir, 'w1'));
    expect(await stats(join(dir, 'w2'))).toBe(one);
    const rows = sensitivityRows(one);
    for (const arm of ['base', 'learning']) expect(has(rows, { arm, parameter: 'contacts.per_tick', method: 'morris', index: 'mu_star' })).toBe(true);
    // Integer parameter values stay whole.
    const runs = readFileSync(join(dir, 'w1', 'runs.csv'), 'utf8').trim().split('\n');
    const column = runs[0].split(',').indexOf('contacts.per_tick');
    expect(runs.slice(1).every((l) => Number.isInteger(Number(l.split(',')[column])))).toBe(true);
  });

  it('design: file runs the rows of a design CSV (relative to the scenario file)', async () => {
    const dir = tempDir('file');
    writeFileSync(join(dir, 'design.csv'), 'openness,contacts.per_tick\n0.05,2\n0.3,5\n0.2,3\n');
    const scenario = writeScenario(dir, 'sweep:\n  design: file\n  file: design.csv\n  replicates: 1\n', 8);
    expect(await runSweep({ scenario, out: join(dir, 'out'), workers: 1, progress: false, cwd: '/' })).toMatchObject({ planned: 3, ok: 3 });
    const runs = readFileSync(join(dir, 'out', 'runs.csv'), 'utf8');
    expect(runs).toMatch(/0\.3,5/);
  });

  const bad: [string, string, RegExp][] = [
    ['N not a power of two', SALTELLI.replace('samples: 4', 'samples: 10'), /:\d+:\d+: sweep: sweep\.samples 10: saltelli needs a power of two base rows .*; use 8$/],
    ['odd levels', MORRIS.replace('samples: 3', 'samples: 3\n  levels: 5'), /:\d+:\d+: sweep: sweep\.levels 5: morris needs an even number of grid levels/],
    ['min >= max', SALTELLI.replace('max: 0.4', 'max: 0.02'), /:\d+:\d+: sweep: sweep\.parameters\.openness: min \(0\.02\) must be below max \(0\.02\)/],
    ['log with min 0', SALTELLI.replace('min: 5, max: 80, log: true', 'min: 0, max: 80, log: true'), /log: true needs min > 0/],
    ['missing design file', 'sweep:\n  design: file\n  file: nowhere.csv\n', /nowhere\.csv: cannot read the design file/],
    ['bad design cell', 'sweep:\n  design: file\n  file: d.csv\n', /d\.csv:3: column openness: "x" is not a finite number/],
    ['a --scrambles design file (column block)', 'sweep:\n  design: file\n  file: b.csv\n', /b\.csv: column block numbers the scrambles of a `lrsim sample saltelli --scrambles` design and is no parameter; .*drop the column for the sweep/],
    ['scrambles leaving 1 base row a scramble', SALTELLI.replace('samples: 4', 'samples: 4\n  scrambles: 4'), /sweep\.scrambles 4: each scramble must hold N \/ R base rows, a power of two of at least 2, but sweep\.samples 4 \/ 4 is 1; use one of 2$/],
    ['scrambles for a grid design', 'sweep:\n  scrambles: 2\n  parameters:\n    openness: [0.1, 0.2]\n', /sweep\.scrambles: design grid has no scrambles to replicate; remove scrambles, or use design: saltelli/],
    ['scrambles for a morris design', MORRIS.replace('samples: 3', 'samples: 3\n  scrambles: 2'), /sweep\.scrambles: design morris has no scrambles to replicate; remove scrambles, or use design: saltelli/],
  ];
  it.each(bad)('bad input: %s -> one line, nothing written', async (_name, body, expected) => {
    const dir = tempDir('bad');
    writeFileSync(join(dir, 'd.csv'), 'openness\n0.1\nx\n');
    writeFileSync(join(dir, 'b.csv'), 'openness,block\n0.1,1\n0.3,1\n0.3,1\n0.2,2\n0.4,2\n0.4,2\n');
    const scenario = writeScenario(dir, body, 8);
    const error = await runSweep({ scenario, out: join(dir, 'out'), workers: 1, progress: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).not.toContain('\n');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
