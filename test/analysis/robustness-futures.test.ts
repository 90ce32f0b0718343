/**
 * Intervals over futures only from MIN_FUTURES_FOR_INTERVAL (20) futures on: the audit of
 * learning-city (2 futures) found "95 % bootstrap CI 1.81 to 2.8" whose bounds were the
 * two futures' means, "0 % to 100 %" shares, an SD from 2 values and a warning about runs.
 *
 * Two futures (openness 0 and 0.3), arms A, B, C, two seeds each (by hand):
 *   openness 0    seed 1: A 5, B 3, C 4; seed 2: A 7, B 6, C 2 -> mean A 6, B 4.5, C 3; regret A 0, B 1.5, C 3
 *   openness 0.3  seed 3: A 1, B 4, C 2; seed 4: A 0, B 2, C 3 -> mean A 0.5, B 3, C 2.5; regret A 2.5, B 0, C 0.5
 * (regret on the future's means: the best mean minus the arm's). Over the 2 futures: mean outcome
 * A 3.25, B 3.75, C 2.75 (B best on average); 90th-percentile regret, R: quantile(c(0, 2.5), .9) = 2.25,
 * quantile(c(1.5, 0), .9) = 1.35, quantile(c(3, .5), .9) = 2.75
 * (B robust); worst: C at openness 0, A at openness 0.3 (B never worst). Target outcome >= 3:
 * A at openness 0, B at both, C at openness 0.
 *
 * 24 futures (f = 0..23, openness f / 10), arms A and B, seeds 0 and 1: A = f / 10 + 0.01 s,
 * B = 1 + 0.01 s. A's per-future mean is f / 10 + 0.005, its regret max(0, 1 - f / 10). R:
 *   x <- (0:23)/10 + 0.005; mean(x) = 1.155; sd(x) = 0.70710678118654757
 *   set.seed(1); b <- replicate(200000, mean(sample(x, replace = TRUE))); quantile(b, c(.025, .975))  # 0.875833 1.430000
 *   r <- pmax(0, 1 - (0:23)/10); mean(r) = 0.2291667
 *   b2 <- replicate(200000, mean(sample(r, replace = TRUE))); quantile(b2, c(.025, .975))             # 0.104167 0.366667
 * lrsim draws 1,000 resamples (Monte Carlo SD of a 2.5 % bound about 0.012 here), so its bounds
 * are checked against R's within 0.04.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { armRobustness, readAnalysisInput, robustnessSentences, writeRobustness, type AnalysisInput } from '../../src/analysis';
import { robustnessChart } from '../../src/analysis/charts';
import { futuresInterval, MIN_FUTURES_FOR_INTERVAL } from '../../src/analysis/regret';
import { writeReport } from '../../src/report';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

const input = (rows: [number, number, Record<string, number>][], openness: (point: number) => number): AnalysisInput => ({
  runs: rows.flatMap(([point, seed, values]) =>
    Object.entries(values).map(([arm, v]) => ({ point, arm, seed, params: { openness: openness(point) }, outcomes: { innovation_value_late: v } })),
  ),
  parameters: ['openness'],
  arms: [...new Set(rows.flatMap(([, , v]) => Object.keys(v)))],
  outcomes: ['innovation_value_late'],
});

const TWO = input(
  [
    [0, 1, { A: 5, B: 3, C: 4 }],
    [0, 2, { A: 7, B: 6, C: 2 }],
    [1, 3, { A: 1, B: 4, C: 2 }],
    [1, 4, { A: 0, B: 2, C: 3 }],
  ],
  (p) => 0.3 * p,
);
const MANY = input(
  Array.from({ length: 24 }, (_, f) => [0, 1].map((s): [number, number, Record<string, number>] => [f, 100 * f + s, { A: f / 10 + 0.01 * s, B: 1 + 0.01 * s }])).flat(),
  (p) => p / 10,
);

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lrsim-futures-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the decision: intervals over futures from 20 futures on', () => {
  it('computes none below 20 futures and says why', () => {
    expect(MIN_FUTURES_FOR_INTERVAL).toBe(20);
    expect(futuresInterval(2, 1000)).toEqual({ method: 'none', futures: 2, minFutures: 20, resamples: 0, reason: 'only 2 futures: an interval over futures needs at least 20' });
    expect(futuresInterval(1, 1000).reason).toBe('only 1 future: an interval over futures needs at least 20');
    expect(futuresInterval(19, 1000).method).toBe('none');
    expect(futuresInterval(20, 1000)).toEqual({ method: 'percentile_bootstrap', futures: 20, minFutures: 20, resamples: 1000, reason: null });
  });
});

describe('robustness over 2 futures', () => {
  const r = armRobustness(TWO, { target: 'innovation_value_late >= 3' });

  it('keeps the point values but computes no interval and no SD', () => {
    expect(r.futures).toBe(2);
    expect(r.interval.method).toBe('none');
    expect(r.best_on_average).toBe('B');
    expect(r.robust).toBe('B');
    const b = r.arms.find((a) => a.arm === 'B')!;
    expect(b.meanOutcome).toBe(3.75);
    expect(b.p90Regret).toBeCloseTo(1.35, 14);
    expect(b.sdOutcome).toBeNaN();
    for (const a of r.arms) expect(a.ci).toEqual({ meanOutcome: null, meanRegret: null, p90Regret: null, satisficing: null });
    expect(r.future_labels).toEqual([{ point: 0, label: 'openness 0' }, { point: 1, label: 'openness 0.3' }]);
  });

  it('gives the per-future values and says plainly why there is no interval', () => {
    const text = robustnessSentences(r, 'late innovation value');
    expect(text).toEqual([
      'Robustness over 2 futures (design points), paired on 4 (future, seed) pairs: B is best on average, mean late innovation value 3.75 (4.5 at openness 0; 3 at openness 0.3).',
      'There is no interval or SD across futures, and the ranking of the arms is not tested (only 2 futures: an interval over futures needs at least 20).',
      'It is also the robust choice: the lowest 90th-percentile regret, 1.35 (regret 1.5 at openness 0; 0 at openness 0.3).',
      'Never the worst arm in any future: B.',
      'Futures in which the arm meets the target innovation_value_late >= 3: A 1 of 2 (openness 0); B 2 of 2 (openness 0; openness 0.3); C 1 of 2 (openness 0).',
      'Warning: only 2 futures (design points); regret and satisficing are given per future, without intervals or SD across futures, which need at least 20 futures: sweep more points (sweep.samples of an lhs or sobol design, more levels of a grid) before reading them as holding beyond these futures.',
    ]);
    expect(text.join(' ')).not.toMatch(/CI|SD across the|%|runs;/);
  });

  it('names the worst arm\'s share as a count of futures when the robust arm differs', () => {
    // openness 0: A 20, B 0, C 16 (regret A 0, B 20, C 4); openness 0.3: A 0, B 10, C 3 (A 10, B 0, C 7).
    // Means A 10, B 5, C 9.5 (A best on average); 90th-percentile regret, R: quantile(c(0, 10), .9) = 9,
    // quantile(c(20, 0), .9) = 18, quantile(c(4, 7), .9) = 6.7, so C is robust; A is worst at openness 0.3.
    const r2 = armRobustness(input([[0, 1, { A: 20, B: 0, C: 16 }], [1, 2, { A: 0, B: 10, C: 3 }]], (p) => 0.3 * p), {});
    expect(robustnessSentences(r2, 'x')[2]).toBe(
      'The robust choice is C: the lowest 90th-percentile regret, 6.7 (regret 4 at openness 0; 7 at openness 0.3), against 9 for A, which is the worst arm in 1 of the 2 futures (largest regret 10, against 7 for C).',
    );
  });

  it('writes empty interval and SD columns with the method and reason, like the sentences', async () => {
    const dir = tmp();
    await writeRobustness(dir, r, false);
    const lines = readFileSync(join(dir, 'robustness', 'arms.csv'), 'utf8').trim().split('\n');
    const head = lines[0].split(',');
    expect(head.slice(-3)).toEqual(['futures', 'interval_method', 'interval_reason']);
    const b = Object.fromEntries(head.map((h, i) => [h, lines[2].split(',')[i]]));
    expect(b.arm).toBe('B');
    for (const k of ['sd_outcome', 'mean_regret_ci_low', 'mean_regret_ci_high', 'p90_regret_ci_low', 'p90_regret_ci_high', 'satisficing_ci_low', 'satisficing_ci_high']) expect(b[k], k).toBe('');
    expect([b.mean_outcome, b.p90_regret, b.satisficing, b.futures, b.interval_method, b.interval_reason]).toEqual(['3.75', '1.35', '1', '2', 'none', 'only 2 futures: an interval over futures needs at least 20']);
    const json = JSON.parse(readFileSync(join(dir, 'robustness', 'robustness.json'), 'utf8'));
    expect(json.interval).toEqual({ method: 'none', futures: 2, minFutures: 20, resamples: 0, reason: 'only 2 futures: an interval over futures needs at least 20' });
    expect(json.arms[1].ci).toEqual({ meanOutcome: null, meanRegret: null, p90Regret: null, satisficing: null });
  });

  it('draws no error bars, and the range of the per-future means instead of an SD', () => {
    const spec = robustnessChart(r, 'late innovation value').spec as { data: { values: Record<string, unknown>[] }; hconcat: { layer: { mark: { type: string } }[] }[] };
    expect(spec.hconcat[0].layer.map((l) => l.mark.type)).toEqual(['point']);
    expect(spec.data.values.filter((v) => v.panel === 'spread').map((v) => [v.arm, v.spread])).toEqual([['A', 5.5], ['B', 1.5], ['C', 0.5]]);
    expect(JSON.stringify(spec)).toMatch(/Range of late innovation value across the 2 futures/);
    expect(JSON.stringify(spec)).not.toMatch(/bootstrap|SD of/);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(armRobustness(TWO, { target: 'innovation_value_late >= 3' }))).toBe(JSON.stringify(r));
  });
});

describe('robustness over 24 futures', () => {
  const r = armRobustness(MANY, {});
  const a = r.arms.find((x) => x.arm === 'A')!;

  it('bootstraps over futures: intervals near R\'s percentile intervals, SD across the 24 futures', () => {
    expect(r.interval).toEqual({ method: 'percentile_bootstrap', futures: 24, minFutures: 20, resamples: 1000, reason: null });
    expect(a.meanOutcome).toBeCloseTo(1.155, 12);
    expect(a.sdOutcome).toBeCloseTo(0.70710678118654757, 12);
    expect(a.meanRegret).toBeCloseTo(0.2291667, 6);
    const [lo, hi] = a.ci.meanOutcome!;
    expect(Math.abs(lo - 0.875833)).toBeLessThan(0.04);
    expect(Math.abs(hi - 1.43)).toBeLessThan(0.04);
    const [rlo, rhi] = a.ci.meanRegret!;
    expect(Math.abs(rlo - 0.104167)).toBeLessThan(0.04);
    expect(Math.abs(rhi - 0.366667)).toBeLessThan(0.04);
    expect(r.warning).toBeNull();
  });

  it('prints the intervals and says over how many futures the SD is', () => {
    const text = robustnessSentences(r, 'late innovation value');
    expect(text[0]).toMatch(/^Robustness over 24 futures \(design points\), paired on 48 \(future, seed\) pairs: A is best on average, mean late innovation value 1\.16 \(95 % bootstrap CI 0\.\d+ to 1\.\d+; SD across the 24 futures 0\.707\)\.$/);
    expect(text.join(' ')).not.toMatch(/no interval or SD/);
  });

  it('writes the interval columns and draws error bars', async () => {
    const dir = tmp();
    await writeRobustness(dir, r, false);
    const lines = readFileSync(join(dir, 'robustness', 'arms.csv'), 'utf8').trim().split('\n');
    const head = lines[0].split(',');
    const row = Object.fromEntries(head.map((h, i) => [h, lines[1].split(',')[i]]));
    expect(Number(row.mean_regret_ci_low)).toBeCloseTo(a.ci.meanRegret![0], 5);
    expect(row.sd_outcome).toBe('0.707107');
    expect([row.futures, row.interval_method, row.interval_reason]).toEqual(['24', 'percentile_bootstrap', '']);
    const spec = robustnessChart(r, 'late innovation value').spec as { hconcat: { layer: { mark: { type: string } }[] }[] };
    expect(spec.hconcat[0].layer.map((l) => l.mark.type)).toEqual(['rule', 'point']);
  });
});

describe('the report of a sweep with 2 futures', () => {
  it('prints no interval over futures and warns about futures, not runs', async () => {
    const dir = writeFixtureSweep({
      parameters: { openness: [0, 0.3] },
      arms: ['baseline', 'bold', 'steady'],
      replicates: 4,
      ticks: 12,
      plant: ({ arm, seed, params }) => ({ innovation_value_late: (arm === 'bold' ? 3 : arm === 'steady' ? 2 : 1) + params.openness + ((seed * 7919) % 100) / 1000, locked_in: arm === 'baseline' && params.openness === 0 ? 1 : 0, policy_cost: 0 }),
    });
    dirs.push(dir);
    const report = await writeReport(dir, { images: false });
    const text = report.findings.join('\n');
    expect(text).toMatch(/Robustness over 2 futures \(design points\), paired on 8 \(future, seed\) pairs: bold is best on average, mean late innovation value 3\.\d+ \(3\.\d+ at openness 0; 3\.\d+ at openness 0\.3\)\./);
    expect(text).toMatch(/There is no interval or SD across futures, and the ranking of the arms is not tested \(only 2 futures: an interval over futures needs at least 20\)\./);
    expect(text).toMatch(/Futures in which the arm meets the target of staying out of lock-in \(fewer than half its runs locked in\): baseline 1 of 2 \(openness 0\.3\); bold 2 of 2 \(openness 0; openness 0\.3\); steady 2 of 2 \(openness 0; openness 0\.3\)\./);
    expect(text).toMatch(/Warning: only 2 futures \(design points\); regret and satisficing are given per future/);
    const robustnessPart = text.slice(text.indexOf('Robustness over'));
    expect(robustnessPart).not.toMatch(/bootstrap CI|SD across the|\d+ % \(\d+ % to \d+ %\)|only \d+ runs/);
    // lrsim robustness reads the same sweep the same way.
    const r = armRobustness(await readAnalysisInput(dir), {});
    expect(r.interval.reason).toBe('only 2 futures: an interval over futures needs at least 20');
  });
});
