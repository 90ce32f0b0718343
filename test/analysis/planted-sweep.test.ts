/**
 * A sweep with planted truths (issue 17, "How to check it"): the report names the arm
 * best on average (bold), the robust arm and the arm never worst (steady), and scenario
 * discovery finds the lock-in corner in openness and social closure.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { armRobustness, discoverScenarios, readAnalysisInput } from '../../src/analysis';
import { writeReport } from '../../src/report';
import { buildCharts } from '../../src/charts';
import { computeSweepStats } from '../../src/stats';
import { writePlantedSweep } from './planted-sweep';

const dir = writePlantedSweep();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a sweep with planted truths', () => {
  it('names the arm best on average, the robust arm and the arm never worst in the report', async () => {
    const report = await writeReport(dir, { images: false });
    const text = report.findings.join('\n');
    expect(text).toMatch(/bold is best on average/);
    // 64 futures, enough for intervals over futures (20): the interval and the SD say over how many.
    expect(text).toMatch(/bold is best on average, mean late innovation value [\d.]+ \(95 % bootstrap CI [\d.]+ to [\d.]+; SD across the 64 futures [\d.]+\)\./);
    expect(text).not.toMatch(/no interval or SD across futures/);
    // steady's regret is 1 in the 55 futures outside the corner and 0 in its 9: the distribution-free
    // interval of the 90th percentile, order statistics 53 and 63 of 64 (R: qbinom(0.025, 64, 0.9) = 53,
    // qbinom(0.975, 64, 0.9) + 1 = 63), is 1 to 1.
    expect(text).toMatch(/The robust choice is steady: the lowest 90th-percentile regret, 1 \(95 % distribution-free interval 1 to 1, the 53rd and 63rd smallest of the 64 futures' regrets\), against 1\.8 for bold/);
    expect(text).toMatch(/On 90th-percentile regret, steady is (ahead of|not distinguishable from) the runner-up bold \(1\.8\): difference steady − bold −0\.8, 95 % paired bootstrap CI over the futures/);
    expect(text).toMatch(/Never the worst arm in any future: steady\./);
    // An 8 x 8 grid: fixed points, so the report's discovery counts runs, as `lrsim discover` does.
    expect(text).toMatch(/Scenario discovery in the baseline arm: 24 of 128 runs \(64 design points\) are cases of interest \(locked_in == 1\)/);
    expect(text).toMatch(/Quasi-p-values count runs: the design points are fixed/);
    const charts = buildCharts(await computeSweepStats(dir)).map((c) => c.name);
    expect(charts.slice(-3)).toEqual(['discovery-trajectory', 'discovery-box', 'robustness']);
  });

  it('leaves an arm that adds a shock (a condition, not an option) out of the robustness section', async () => {
    const shocked = writePlantedSweep(undefined, { shockArm: true });
    try {
      const report = await writeReport(shocked, { images: false });
      const text = report.findings.join('\n');
      // `shocked` has the highest value everywhere (9): were it an option it would be best.
      expect(text).toMatch(/bold is best on average/);
      expect(text).toMatch(/The robust choice is steady/);
      expect(text).not.toMatch(/shocked is best on average|robust choice is shocked/);
      // The ranking follows the same rule (it once read "shocked 100 %"): options only, and it says so.
      expect(text).toMatch(/Share of bootstrap resamples of the \d+ common seeds \(pooled over the design points, each point's seeds resampled within it\) in which each arm has the highest late innovation value \(among the options; shocked is a condition, not an option\)/);
      expect(text).not.toMatch(/shocked \d+ % \(mean rank/);
      const stats = await computeSweepStats(shocked);
      expect([...new Set(stats.armComparison.ranks.map((r) => r.arm))]).toEqual(['baseline', 'bold', 'steady']);
      expect(stats.armRoles).toEqual({ options: ['baseline', 'bold', 'steady'], conditions: ['shocked'] });
      // Contrasts still measure the shock's effect against every arm.
      expect(stats.armComparison.contrasts.some((c) => c.armA === 'shocked')).toBe(true);
      // `lrsim robustness` reads the same rule from the manifest.
      const r = armRobustness(await readAnalysisInput(shocked), {});
      expect(r.arms.map((a) => a.arm)).toEqual(['baseline', 'bold', 'steady']);
      expect(r.conditions).toEqual(['shocked']);
    } finally {
      rmSync(shocked, { recursive: true, force: true });
    }
  });

  it('finds the planted lock-in corner', async () => {
    const d = discoverScenarios(await readAnalysisInput(dir), { outcome: 'locked_in', arm: 'baseline' });
    expect(d.chosen.restricted).toEqual(['openness', 'proximity.social_closure']);
    expect(d.chosen.coverage).toBe(1);
    expect(d.chosen.density).toBe(1);
    const [lo, hi] = d.chosen.limits.openness as [number, number];
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0.3);
    expect(hi).toBeLessThan(0.4);
    expect((d.chosen.limits['proximity.social_closure'] as number[])[0]).toBeGreaterThan(0.6);
    expect((d.chosen.limits['proximity.social_closure'] as number[])[0]).toBeLessThan(0.7);
  });

  it('with every arm pooled, finds the arm as an input too', async () => {
    const d = discoverScenarios(await readAnalysisInput(dir), { outcome: 'locked_in' });
    expect(d.inputs.map((i) => i.name)).toEqual(['openness', 'proximity.social_closure', 'arm']);
    expect(d.chosen.limits.arm).toEqual(['baseline', 'bold']);
  });

  it('applies a budget and a target', async () => {
    const r = armRobustness(await readAnalysisInput(dir), { target: 'innovation_value_late >= 1.5', budget: 300 });
    expect(r.over_budget).toEqual([{ arm: 'bold', cost: 400 }]);
    expect(r.arms.map((a) => [a.arm, a.satisficing])).toEqual([['baseline', 0], ['steady', 1]]);
    expect(r.best_on_average).toBe('steady');
  });
});
