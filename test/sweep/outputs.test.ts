import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS, TIMESERIES_COLUMNS } from '../../src/model';
import { computeSweepStats } from '../../src/stats';
import { runSweep } from '../../src/sweep/run-sweep';
import { tempDir, writeScenario } from './helpers';

const SOBOL = `sweep:
  design: sobol
  samples: 4
  parameters:
    openness: {min: 0, max: 0.4}
    network.max_ties: {min: 4, max: 20, integer: true}
  replicates: 1
`;

describe('sweep outputs', { timeout: 120_000 }, () => {
  const dir = tempDir('outputs');
  const out = join(dir, 'out');

  it('tidy CSV, Arrow copies, manifest and microdata', async () => {
    const summary = await runSweep({ scenario: writeScenario(dir, SOBOL), out, workers: 2, microdata: true, progress: false });
    expect(summary).toMatchObject({ planned: 4, ok: 4, exitCode: 0 });

    const csv = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(['key', 'point', 'arm', 'replicate', 'seed', 'openness', 'network.max_ties', ...OUTCOME_KEYS, 'degenerate'].join(','));
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
      // Sobol points 0..3 of [0, 0.4] x {4..20}: (0, 4), (0.2, 12), (0.3, 8), (0.1, 16)
      expect.stringMatching(/^p0000\.a00\.r0000,0,default,0,\d+,0,4$/),
      expect.stringMatching(/^p0001\.a00\.r0000,1,default,0,\d+,0\.2,12$/),
      expect.stringMatching(/^p0002\.a00\.r0000,2,default,0,\d+,0\.3,8$/),
      expect.stringMatching(/^p0003\.a00\.r0000,3,default,0,\d+,0\.1,16$/),
    ]);

    const runs = tableFromIPC(readFileSync(join(out, 'runs.arrow')));
    expect(runs.numRows).toBe(4);
    expect(runs.schema.fields.map((f) => f.name)).toEqual(csv[0].split(','));
    expect(runs.getChild('key')!.toArray()).toEqual(csv.slice(1).map((l) => l.split(',')[0]));

    const series = tableFromIPC(readFileSync(join(out, 'timeseries.arrow')));
    const tidy = readFileSync(join(out, 'timeseries.csv'), 'utf8').trim().split('\n');
    expect(tidy[0]).toBe(['key', ...TIMESERIES_COLUMNS].join(','));
    expect(series.numRows).toBe(tidy.length - 1);
    expect(series.numRows).toBe(4 * 20);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      status: 'complete',
      design: { kind: 'sobol', parameters: ['openness', 'network.max_ties'], samples: 4, replicates: 1, arms: ['default'] },
      shard: null,
      runs: { planned: 4, finished: 4, ok: 4, failed: 0 },
      failed: [],
    });
    expect(manifest.scenario_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.seed_rule).toMatch(/splitmix64/);
    expect(manifest.points[1]).toEqual({ point: 1, params: { openness: 0.2, 'network.max_ties': 12 } });

    const micro = readdirSync(join(out, 'microdata')).sort();
    expect(micro).toEqual(['p0000.a00.r0000.firms.csv', 'p0001.a00.r0000.firms.csv', 'p0002.a00.r0000.firms.csv', 'p0003.a00.r0000.firms.csv']);
    expect(readFileSync(join(out, 'microdata', micro[0]), 'utf8').split('\n').length).toBeGreaterThan(2);
    // Each firm table starts with its run's key (so the tables stack and join runs.csv), as columns.json says.
    const dictionary = JSON.parse(readFileSync(join(out, 'columns.json'), 'utf8')) as { columns: { table: string; name: string }[] };
    const firmNames = dictionary.columns.filter((c) => c.table === 'firms').map((c) => c.name);
    for (const f of micro) {
      const [header, ...lines] = readFileSync(join(out, 'microdata', f), 'utf8').trim().split('\n');
      expect(header.split(',')).toEqual(firmNames);
      expect(firmNames[0]).toBe('key');
      expect(new Set(lines.map((l) => l.split(',')[0]))).toEqual(new Set([f.replace('.firms.csv', '')]));
    }
  });

  it('names degenerate runs in runs.csv and runs.arrow and leaves their lock-in and diversity missing', async () => {
    const wd = tempDir('degenerate');
    const dead = '{exit_threshold: 10, exit_patience: 1, exit_warmup: 0, refill: 0, spinoff_rate: 0}';
    const file = join(wd, 'dead.yaml');
    writeFileSync(file, `seed: 7\nticks: 20\nagents: {firms: 4, residents: 0}\nsweep: {replicates: 1}\narms:\n  - name: alive\n  - name: dead\n    set: {firms: ${dead}}\n`);
    await runSweep({ scenario: file, out: join(wd, 'out'), workers: 1, progress: false });
    const [header, ...lines] = readFileSync(join(wd, 'out', 'runs.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const at = (line: string[], name: string) => line[header.indexOf(name)];
    expect(header[header.length - 1]).toBe('degenerate');
    expect(lines.map((l) => [at(l, 'arm'), at(l, 'degenerate'), at(l, 'lock_in_index_final'), at(l, 'locked_in'), at(l, 'diversity_final')])).toEqual([
      ['alive', '', expect.stringMatching(/^0\.\d+$/), expect.stringMatching(/^[01]$/), expect.stringMatching(/^0\.\d+$/)],
      ['dead', 'no_firms_alive', '', '', ''],
    ]);
    const arrow = tableFromIPC(readFileSync(join(wd, 'out', 'runs.arrow')));
    expect(arrow.getChild('degenerate')!.toArray()).toEqual([null, 'no_firms_alive']);
    expect(arrow.getChild('lock_in_index_final')!.get(1)).toBeNull();
    const stats = await computeSweepStats(join(wd, 'out'));
    expect(stats.runs.map((r) => r.degenerate)).toEqual([null, 'no_firms_alive']);
    expect(stats.degenerateRuns.map((r) => [r.key, r.arm, r.degenerate])).toEqual([['p0000.a01.r0000', 'dead', 'no_firms_alive']]);
  });

  it('keeps firm tables when the scenario asks for them (sweep.microdata); the command line overrides', async () => {
    const wd = tempDir('micro');
    const file = writeScenario(wd, 'sweep:\n  parameters: {openness: [0, 0.3]}\n  replicates: 1\n  microdata: true\n', 12);
    const asked = join(wd, 'asked');
    await runSweep({ scenario: file, out: asked, workers: 1, progress: false });
    expect(readdirSync(join(asked, 'microdata')).sort()).toEqual(['p0000.a00.r0000.firms.csv', 'p0001.a00.r0000.firms.csv']);
    const refused = join(wd, 'refused');
    await runSweep({ scenario: file, out: refused, workers: 1, progress: false, microdata: false });
    expect(readdirSync(refused)).not.toContain('microdata');
  });

  it('passes the scenario warnings (a shock after the last tick) to the user, as `lrsim run` does', async () => {
    const wd = tempDir('warn');
    const file = writeScenario(wd, 'sweep:\n  parameters: {openness: [0, 0.3]}\n  replicates: 1\nshocks: [{tick: 50, kind: core_collapse, factor: 0.5, domains: 2}]\n', 8);
    const lines: string[] = [];
    await runSweep({ scenario: file, out: join(wd, 'out'), workers: 1, progress: false, notice: (l) => lines.push(l) });
    expect(lines.filter((l) => l.startsWith('warning: '))).toEqual([expect.stringMatching(/^warning: \S*sweep\.yaml:\d+:\d+: shocks\.0\.tick: the shock comes at tick 50/)]);
  });
});
