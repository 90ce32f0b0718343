import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AbcResult } from '../../src/calibrate/abc-smc';
import type { CalibrationTarget } from '../../src/calibrate/load-targets';
import { calibrationTables, writeCalibrationOutputs, type CalibrationOutputInput } from '../../src/calibrate/outputs';
import { summariseParameters, weightedMoments } from '../../src/calibrate/posterior';
import { calibrationCharts } from '../../src/calibrate/charts';
import { distance, targetValue } from '../../src/calibrate/summaries';
import { defaultScenario } from '../../src/scenario/schema';
import { outcomeTarget, specWith } from './spec-fixture';

const column = (summary: 'mean' | 'last' | 'slope'): CalibrationTarget => ({ name: 'x', kind: 'column', key: 'diversity', summary, from: 4, to: 15, observed: 0, scale: 1, weight: 1 });

describe('target summaries and the distance, against numpy on the same numbers', () => {
  // Observed every 2nd tick (ticks 1, 3, ..., 19); the window [4, 15) holds ticks 5..13.
  //   t=np.arange(1,20,2.0); y=np.array([0.31,0.35,0.33,0.4,0.42,0.41,0.47,0.5,0.49,0.55]); m=(t>=4)&(t<15)
  //   y[m].mean() -> 0.406 ; y[m][-1] -> 0.47 ; np.polyfit(t[m],y[m],1)[0] -> 0.0145
  const y = [0.31, 0.35, 0.33, 0.4, 0.42, 0.41, 0.47, 0.5, 0.49, 0.55];
  const series = Float64Array.from(y.flatMap((v, i) => [1 + 2 * i, v]));
  const run = { outcomes: { exits_total: 130 }, columns: ['tick', 'diversity'], series, rows: 10 };
  it('mean, last and slope over the window; outcomes as they are', () => {
    expect(targetValue(column('mean'), run)).toBeCloseTo(0.406, 12);
    expect(targetValue(column('last'), run)).toBe(0.47);
    expect(targetValue(column('slope'), run)).toBeCloseTo(0.0145, 12);
    expect(targetValue({ ...column('mean'), kind: 'outcome', key: 'exits_total' }, run)).toBe(130);
    expect(targetValue({ ...column('mean'), from: 30, to: null }, run)).toBeNaN();
  });
  // np.sqrt(2*((0.2-0.15)/0.05)**2 + 1*((130-142)/12)**2) -> 1.7320508075688776
  it('weighted Euclidean distance in scale units', () => {
    const targets = [
      { ...column('mean'), observed: 0.15, scale: 0.05, weight: 2 },
      { ...column('mean'), observed: 142, scale: 12, weight: 1 },
    ];
    expect(distance(targets, [0.2, 130])).toBeCloseTo(1.7320508075688776, 12);
    expect(distance(targets, [NaN, 130])).toBeNaN();
  });
  //   v=[0.3,1.2,0.7,2.5,0.9,0.1]; w=[0.1,0.25,0.05,0.2,0.3,0.1]
  //   np.average(v,weights=w) -> 1.145 ; np.sqrt(np.average((v-mu)**2,weights=w)) -> 0.7592595076783695
  it('weighted posterior moments', () => {
    const m = weightedMoments([0.3, 1.2, 0.7, 2.5, 0.9, 0.1], [0.1, 0.25, 0.05, 0.2, 0.3, 0.1]);
    expect(m.mean).toBeCloseTo(1.145, 12);
    expect(m.sd).toBeCloseTo(0.7592595076783695, 12);
    expect(m.median).toBe(0.9);
  });
});

describe('calibration outputs', () => {
  const spec = specWith(
    [outcomeTarget('external_tie_share_final', 0.15, 0.03)],
    [
      { path: 'openness', prior: { kind: 'uniform', min: 0, max: 0.5 }, integer: false },
      { path: 'environment.frontier_width', prior: { kind: 'log_uniform', min: 1, max: 10 }, integer: false },
    ],
    'Fitted to <script>alert(1)</script> & friends',
  );
  const result: AbcResult = {
    stopReason: 'max_generations',
    runs: 9,
    populations: [
      { generation: 0, tolerance: Infinity, particles: [0, 1, 2], theta: [[0.1, 2], [0.3, 5], [0.2, 3]], weights: Float64Array.from([1 / 3, 1 / 3, 1 / 3]), distances: Float64Array.from([3, 1.5, 2]) },
      { generation: 1, tolerance: 2, particles: [0, 2, 5], theta: [[0.15, 2.5], [0.18, 3.2], [0.22, 2.8]], weights: Float64Array.from([0.5, 0.3, 0.2]), distances: Float64Array.from([1.2, 0.8, 1.9]) },
    ],
    generations: [
      { generation: 0, tolerance: Infinity, proposals: 3, withinTolerance: 3, accepted: 3, acceptanceRate: 1, ess: 3, runs: 3, totalRuns: 3 },
      { generation: 1, tolerance: 2, proposals: 6, withinTolerance: 4, accepted: 3, acceptanceRate: 4 / 6, ess: 2.631578947368421, runs: 6, totalRuns: 9 },
    ],
  };
  const input: CalibrationOutputInput = {
    spec,
    scenario: defaultScenario(),
    scenarioSource: 'builtin:baseline',
    result,
    predictive: [{ draw: 0, particle: 0, params: { openness: 0.15, 'environment.frontier_width': 2.5 }, values: [0.16] }, { draw: 1, particle: 5, params: { openness: 0.22, 'environment.frontier_width': 2.8 }, values: [0.12] }],
    images: false,
  };

  it('posterior.csv has the particle (joins particles.csv and predictive.csv), one column per dot path, then weight; generations.csv the schedule', () => {
    const tables = calibrationTables(input, []);
    expect(tables['posterior.csv']).toBe('particle,openness,environment.frontier_width,weight\n0,0.15,2.5,0.5\n2,0.18,3.2,0.3\n5,0.22,2.8,0.2\n');
    expect(tables['generations.csv']).toBe(
      'generation,tolerance,proposals,within_tolerance,accepted,acceptance_rate,ess,runs,total_runs\n0,,3,3,3,1,3,3,3\n1,2,6,4,3,0.666667,2.63158,6,9\n',
    );
    expect(tables['predictive.csv'].split('\n')[0]).toBe('draw,particle,openness,environment.frontier_width,external_tie_share_final');
  });

  it('a whole-number setting: posterior.csv, the summary and the pairs chart give the value that ran, particles.csv the sampler\'s', () => {
    const firms = { ...spec, parameters: [spec.parameters[0], { path: 'agents.firms', prior: { kind: 'uniform' as const, min: 20, max: 60 }, integer: true }] };
    const pops = result.populations.map((pop) => ({ ...pop, theta: pop.theta.map(([o], i) => [o, [35.4138, 41.5, 29.2][i]]) }));
    const withFirms = { ...input, spec: firms, result: { ...result, populations: pops } };
    const summary = summariseParameters(firms.parameters, pops[1]);
    const tables = calibrationTables(withFirms, summary);
    expect(tables['posterior.csv']).toBe('particle,openness,agents.firms,weight\n0,0.15,35,0.5\n2,0.18,42,0.3\n5,0.22,29,0.2\n');
    expect(tables['particles.csv'].split('\n')[4]).toBe('1,0,0.15,35.4138,0.5,1.2');
    // Weighted mean of 35, 42, 29 with 0.5, 0.3, 0.2: 35.9 (unrounded: 35.9969); the prior of the rounded value (R, test/calibrate/prior-moments.test.ts): mean 40, sd 11.5542, q05 22, q95 58.
    expect(summary[1].posterior.mean).toBeCloseTo(35.9, 12);
    expect(tables['posterior-summary.csv'].split('\n')[2]).toMatch(/^agents\.firms,"uniform\(20, 60\)",40,11\.5542,22,58,35\.9,/);
    const pairs = calibrationCharts(withFirms, summary).find((c) => c.name === 'pairs')!;
    expect((pairs.spec as { data: { values: { y: number }[] } }).data.values.map((v) => v.y)).toEqual([35, 42, 29]);
  });

  it('report.html escapes text from the targets file and loads nothing from the network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-calout-'));
    await writeCalibrationOutputs(dir, input);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Fitted to &lt;script&gt;alert(1)&lt;/script&gt; &amp; friends');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('openness: ABC posterior median 0.15, 90 % interval 0.15 to 0.22 at tolerance 2, against a uniform(0, 0.5) prior');
    expect(html).not.toContain('credible');
    expect(JSON.parse(readFileSync(join(dir, 'charts', 'predictive.vl.json'), 'utf8')).data.values).toHaveLength(3);
    // --no-images: the Vega-Lite specs are linked, no SVG or PNG (audit finding 6), and every link is a file that exists.
    const links = [...html.matchAll(/href="(charts\/[^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.endsWith('.vl.json'))).toBe(true);
    for (const l of links) expect(existsSync(join(dir, l)), l).toBe(true);
    // columns.json defines exactly the header of every CSV written.
    const dict = JSON.parse(readFileSync(join(dir, 'columns.json'), 'utf8')) as { tables: { table: string; files: string[] }[]; columns: { table: string; name: string }[] };
    expect(dict.tables.map((t) => t.files[0])).toEqual(['posterior.csv', 'particles.csv', 'generations.csv', 'posterior-summary.csv', 'predictive.csv']);
    for (const t of dict.tables) expect(dict.columns.filter((c) => c.table === t.table).map((c) => c.name).join(','), t.files[0]).toBe(readFileSync(join(dir, t.files[0]), 'utf8').split('\n')[0]);
    // Every data file the page lists is there.
    for (const m of html.matchAll(/<li><a href="([^"/]+)">/g)) if (!['runs.ndjson', 'calibration.json'].includes(m[1])) expect(existsSync(join(dir, m[1])), m[1]).toBe(true);
  });
});
