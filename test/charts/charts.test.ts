import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCharts, compileSpec, renderSvg, writeCharts, FONT_FAMILY } from '../../src/charts';
import { computeSweepStats } from '../../src/stats';
import { writeFixtureSweep, type FixtureOptions } from '../fixtures/sweep-dir';

const designs: [string, FixtureOptions, string[]][] = [
  ['two parameters and arms', {}, ['innovation-value', 'lock-in', 'main-effects', 'heatmap-innovation', 'heatmap-locked-in', 'policy-comparison', 'knowledge-flows', 'firm-learning', 'diversity-external-ties', 'region-map', 'discovery-trajectory', 'discovery-box', 'robustness']],
  ['one parameter, no arms', { arms: [], parameters: { openness: [0, 0.15, 0.3] } }, ['innovation-value', 'lock-in', 'main-effects', 'sweep-innovation', 'sweep-locked-in', 'knowledge-flows', 'firm-learning', 'diversity-external-ties', 'region-map', 'discovery-trajectory', 'discovery-box']],
  ['no parameters, three arms', { parameters: {}, arms: ['baseline', 'cluster', 'transfer'] }, ['innovation-value', 'lock-in', 'policy-comparison', 'knowledge-flows', 'firm-learning', 'diversity-external-ties', 'region-map']],
  ['two arms, one builds a link', { parameters: {}, arms: ['no_link', 'link'], bridge: true }, ['innovation-value', 'lock-in', 'policy-comparison', 'knowledge-flows', 'firm-learning', 'link-flows', 'diversity-external-ties', 'region-map']],
  ['one parameter, firm microdata', { arms: [], parameters: { openness: [0, 0.3] }, microdata: true }, ['innovation-value', 'lock-in', 'main-effects', 'sweep-innovation', 'sweep-locked-in', 'knowledge-flows', 'firm-learning', 'diversity-external-ties', 'firm-proximity', 'region-map', 'discovery-trajectory', 'discovery-box']],
  ['LHS over three parameters, no arms', { arms: [], replicates: 2, ticks: 12, continuous: { design: 'lhs', samples: 20, ranges: { openness: [0, 0.3], 'contacts.per_tick': [1, 6], 'exchange.rho_tacit': [0.1, 0.3] } } }, ['innovation-value', 'lock-in', 'partial-dependence-innovation', 'partial-dependence-lock-in', 'knowledge-flows', 'firm-learning', 'diversity-external-ties', 'region-map', 'discovery-trajectory', 'discovery-box']],
  ['a shock with recovery data', { arms: [], replicates: 4, ticks: 25, parameters: { openness: [0, 0.3] }, recovery: { end: 20 } }, ['innovation-value', 'lock-in', 'main-effects', 'sweep-innovation', 'sweep-locked-in', 'recovery', 'knowledge-flows', 'firm-learning', 'diversity-external-ties', 'region-map', 'discovery-trajectory', 'discovery-box']],
  ['three parameters, no arms (small multiples)', { arms: [], replicates: 2, ticks: 12, parameters: { openness: [0, 0.3], 'contacts.per_tick': [1, 6], 'exchange.rho_tacit': [0.1, 0.3] } }, ['innovation-value', 'lock-in', 'main-effects', 'heatmap-innovation', 'heatmap-locked-in', 'knowledge-flows', 'firm-learning', 'diversity-external-ties', 'region-map', 'discovery-trajectory', 'discovery-box']],
];

describe('buildCharts', () => {
  for (const [name, options, expected] of designs) {
    it(`adapts to the design (${name}); every spec compiles and renders to SVG in the one font`, async () => {
      const stats = await computeSweepStats(writeFixtureSweep(options));
      const charts = buildCharts(stats);
      expect(charts.map((c) => c.name)).toEqual(expected);
      for (const chart of charts) {
        expect(() => compileSpec(chart.spec)).not.toThrow();
        const svg = await renderSvg(chart.spec);
        expect(svg.startsWith('<svg')).toBe(true);
        const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
        expect([...families]).toEqual([FONT_FAMILY]);
        expect(JSON.stringify(chart.spec)).not.toMatch(/"url"\s*:/); // data inline only
      }
    });
  }

  it('pools the per-tick bands of a continuous design per arm (one line per arm, not one per point)', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ arms: ['baseline', 'cluster'], replicates: 1, ticks: 12, continuous: { design: 'lhs', samples: 30, ranges: { openness: [0, 0.3] } } }));
    expect(stats.groups).toHaveLength(60);
    expect(stats.groups.every((g) => Object.keys(g.series).length === 0)).toBe(true);
    expect(stats.seriesGroups.map((g) => [g.point, g.arm, g.label, g.runs])).toEqual([[-1, 'baseline', 'baseline', 30], [-1, 'cluster', 'cluster', 30]]);
    const band = stats.seriesGroups[0].series.innovation_value;
    expect(band.n[0]).toBe(30);
    const spec = buildCharts(stats).find((c) => c.name === 'innovation-value')!.spec as { data: { values: { series: string }[] } };
    expect([...new Set(spec.data.values.map((r) => r.series))]).toEqual(['baseline', 'cluster']);
  });

  it('writes NAME.vl.json, NAME.svg and NAME.png', async () => {
    const dir = writeFixtureSweep({ parameters: { openness: [0, 0.3] }, replicates: 3, ticks: 10 });
    const written = await writeCharts(dir, buildCharts(await computeSweepStats(dir)));
    for (const w of written) {
      expect(JSON.parse(readFileSync(w.spec, 'utf8')).data.values.length).toBeGreaterThan(0);
      expect(readFileSync(w.png!).subarray(1, 4).toString()).toBe('PNG');
      expect(existsSync(w.svg!)).toBe(true);
    }
    expect(existsSync(join(dir, 'charts', 'region-map.png'))).toBe(true);
    // Without images: the specs only, and the earlier run's SVG and PNG removed (they would show another result).
    const specs = await writeCharts(dir, buildCharts(await computeSweepStats(dir)), false);
    expect(specs.every((w) => w.svg === null && w.png === null && existsSync(w.spec))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'region-map.png'))).toBe(false);
    expect(existsSync(join(dir, 'charts', 'region-map.svg'))).toBe(false);
    expect(existsSync(join(dir, 'charts', 'region-map.vl.json'))).toBe(true);
  });
});
