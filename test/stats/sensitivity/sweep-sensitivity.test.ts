/**
 * Sensitivity indices of a sweep directory: the layout rebuilt from the stored scenario,
 * which outcomes are analysed or skipped, per arm, and the indices of the series' window
 * means. The indices themselves (morrisIndices, sobolIndices) are checked against known
 * functions in indices.test.ts; here each row is compared with analyzeOutcome called by
 * hand on the row moments the sweep implies.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SweepSpec } from '../../../src/scenario/schema';
import { buildDesign } from '../../../src/sweep/design';
import { morrisDelta } from '../../../src/sweep/designs/morris';
import { analyzeOutcome } from '../../../src/stats/sensitivity/analyze';
import { morrisSteps } from '../../../src/stats/sensitivity/morris-indices';
import { rowMoments } from '../../../src/stats/sensitivity/replicates';
import { outcomeSensitivity, SENSITIVITY_OUTCOMES, SENSITIVITY_SERIES, sweepLayout, sweepSensitivity } from '../../../src/stats/sensitivity/sweep-sensitivity';
import type { SweepManifest } from '../../../src/stats/records';
import { STATS_MEANINGS } from '../../../src/dictionary/definitions';

/** Every method and index a row holds is a level columns.json defines (a `sobol` level once stood for `saltelli`). */
function expectDocumentedLevels(rows: readonly { method: string; index: string }[]): void {
  for (const r of rows) {
    expect(Object.keys(STATS_MEANINGS.method.levels!)).toContain(r.method);
    expect(Object.keys(STATS_MEANINGS.index.levels!)).toContain(r.index);
  }
}

const RANGES = { a: { min: 0, max: 1 }, b: { min: 0, max: 2 } };
const SALTELLI = { design: 'saltelli', parameters: RANGES, samples: 8 };
const MORRIS = { design: 'morris', parameters: RANGES, samples: 4, levels: 4 };

describe('sweepLayout', () => {
  it('is null for designs without sensitivity indices, and without a scenario', () => {
    expect(sweepLayout({})).toBeNull();
    expect(sweepLayout({ scenario: {} })).toBeNull();
    expect(sweepLayout({ scenario: { sweep: { design: 'grid', parameters: { a: [0, 1] } } } })).toBeNull();
    expect(sweepLayout({ scenario: { sweep: { design: 'lhs', parameters: RANGES, samples: 4 } } })).toBeNull();
  });

  it('rebuilds a saltelli layout (second order as stored)', () => {
    expect(sweepLayout({ scenario: { seed: 7, sweep: SALTELLI } })).toEqual({ method: 'saltelli', parameters: ['a', 'b'], secondOrder: false });
    expect(sweepLayout({ scenario: { seed: 7, sweep: { ...SALTELLI, second_order: true } as never } })).toEqual({ method: 'saltelli', parameters: ['a', 'b'], secondOrder: true });
  });

  it('rebuilds a replicated saltelli layout (sweep.scrambles): R blocks, each the design of its own scramble, indices over blocks', () => {
    const spec = { ...SALTELLI, scrambles: 4 };
    expect(sweepLayout({ scenario: { seed: 7, sweep: spec } })).toEqual({ method: 'saltelli', parameters: ['a', 'b'], secondOrder: false, blocks: 4 });
    const design = buildDesign(spec as unknown as SweepSpec, 7);
    expect(design.points).toHaveLength(8 * 4);
    expect(design.sensitivity).toMatchObject({ n: 8, scrambles: 4 });
    // One scramble (no sweep.scrambles): the layout and the design are those of before.
    expect(buildDesign(SALTELLI as unknown as SweepSpec, 7).sensitivity!.scrambles).toBe(1);
    // Indices: the mean over the 4 blocks with a t interval (given at N = 8, where the row bootstrap gives none).
    const layout = sweepLayout({ scenario: { seed: 7, sweep: spec } })!;
    const m = rowMoments(design.points.length, design.points.flatMap((x, row) => [0, 1].map((k) => ({ row, value: 2 * (x[0] as number) + (x[1] as number) ** 2 + 0.1 * k }))));
    const st = analyzeOutcome(layout, 'y', m).filter((r) => r.index === 'ST' && r.n === 8);
    expect(st.every((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi))).toBe(true);
    expect(analyzeOutcome({ ...layout, blocks: undefined }, 'y', m).filter((r) => r.index === 'ST' && r.n === 8).every((r) => Number.isNaN(r.lo))).toBe(true);
  });

  it('rebuilds a morris layout: the steps of the unit design from the scenario seed (42 when absent) and the unit step', () => {
    const steps = (seed: number) => morrisSteps(buildDesign(MORRIS as unknown as SweepSpec, seed).sensitivity!.unit, 2);
    const layout = sweepLayout({ scenario: { seed: 7, sweep: MORRIS } })!;
    expect(layout).toEqual({ method: 'morris', parameters: ['a', 'b'], steps: steps(7), delta: morrisDelta(4) });
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 12);
    expect(sweepLayout({ scenario: { sweep: MORRIS } })).toEqual({ ...layout, steps: steps(42) });
    expect(steps(42)).not.toEqual(steps(7));
  });
});

/** The design's points with a known response per arm, two replicates each. */
function runsOf(spec: object, seed: number, arms: string[], outcome: (x: number[], arm: string, rep: number) => Record<string, number>) {
  const design = buildDesign(spec as unknown as SweepSpec, seed);
  const runs = design.points.flatMap((x, point) => arms.flatMap((arm) => [0, 1].map((rep) => ({ point, arm, outcomes: outcome(x as number[], arm, rep) }))));
  return { design, runs };
}

describe('outcomeSensitivity', () => {
  const seed = 5;
  const manifest: SweepManifest = { scenario: { seed, sweep: { ...SALTELLI, outcomes: ['custom', 'resilience_ticks', 'resilience_censored', 'innovation_value_late'] } as never } };
  const response = (x: number[], arm: string, rep: number) => ({
    innovation_value_late: 2 * x[0] + x[1] * x[1] + 0.1 * rep + (arm === 'b' ? x[1] : 0),
    lock_in_index_final: x[0] + 0.01 * rep,
    custom: x[1] - x[0] + 0.05 * rep,
    resilience_ticks: 10, resilience_censored: 1,
    diversity_final: NaN,
  });
  const { design, runs } = runsOf(SALTELLI, seed, ['a', 'b'], response);
  manifest.points = design.points.map((p, i) => ({ point: i, params: p }));
  // Computed inside each test: Stryker does not rerun code a describe body runs.
  const analysed = () => {
    const layout = sweepLayout(manifest)!;
    return { layout, out: outcomeSensitivity(manifest, layout, runs, ['a', 'b']) };
  };

  it('analyses the key and listed outcomes per arm, resilience_ticks only as its recovery outcomes', () => {
    const { layout, out } = analysed();
    expect(SENSITIVITY_OUTCOMES).toEqual(['innovation_value_late', 'lock_in_index_final', 'diversity_final', 'recovered', 'recovery_rmst', 'drop_ratio']);
    const expected = ['a', 'b'].flatMap((arm) => ['innovation_value_late', 'lock_in_index_final', 'recovered', 'recovery_rmst', 'custom'].flatMap((outcome) => {
      const mine = runs.filter((r) => r.arm === arm);
      const value = (o: Record<string, number>) => (outcome === 'recovered' ? 0 : outcome === 'recovery_rmst' ? 10 : o[outcome]);
      const m = rowMoments(design.points.length, mine.map((r) => ({ row: r.point, value: value(r.outcomes) })));
      return analyzeOutcome(layout, outcome, m, { seed }).map((r) => ({ ...r, arm, tick: null }));
    }));
    expect(out.rows).toEqual(expected);
    expect(out.rows.length).toBeGreaterThan(50);
    expect(out.rows.every((r) => r.outcome !== 'resilience_ticks')).toBe(true);
  });

  it('skips an outcome that some design point lacks (NaN or absent), once however many arms lack it', () => {
    const { layout, out } = analysed();
    expect(out.skipped).toEqual(['diversity_final', 'drop_ratio']);
    const gap = runs.map((r) => (r.point === 3 && r.arm === 'b' ? { ...r, outcomes: { ...r.outcomes, custom: NaN } } : r));
    const partial = outcomeSensitivity(manifest, layout, gap, ['a', 'b']);
    expect(partial.skipped).toEqual(['diversity_final', 'drop_ratio', 'custom']);
    expect(partial.rows.filter((r) => r.outcome === 'custom').map((r) => r.arm)).toEqual(out.rows.filter((r) => r.outcome === 'custom' && r.arm === 'a').map(() => 'a'));
    // One replicate of a point suffices.
    const dropped = runs.findIndex((x) => x.point === 3 && x.arm === 'b');
    const one = runs.filter((_, i) => i !== dropped);
    expect(one).toHaveLength(runs.length - 1);
    expect(outcomeSensitivity(manifest, layout, one, ['a', 'b']).skipped).toEqual(['diversity_final', 'drop_ratio']);
  });

  it('uses seed 42 and no points when the manifest lacks them', () => {
    const { layout } = analysed();
    const bare: SweepManifest = { scenario: { sweep: SALTELLI as never } };
    // No points: no row is incomplete and there is no design to analyse.
    expect(outcomeSensitivity(bare, layout, runs, ['a'])).toEqual({ rows: [], skipped: [] });
    const seeded: SweepManifest = { scenario: { sweep: SALTELLI as never }, points: manifest.points };
    const m = rowMoments(design.points.length, runs.filter((r) => r.arm === 'a').map((r) => ({ row: r.point, value: r.outcomes.lock_in_index_final })));
    expect(outcomeSensitivity(seeded, layout, runs, ['a']).rows.filter((r) => r.outcome === 'lock_in_index_final')).toEqual(analyzeOutcome(layout, 'lock_in_index_final', m, { seed: 42 }).map((r) => ({ ...r, arm: 'a', tick: null })));
  });
});

describe('sweepSensitivity on a sweep directory', () => {
  /**
   * runs.ndjson of a sensitivity sweep: series diversity, tick, innovation_value over 7
   * ticks, rows written last tick first; a row without a tick (left out); arm z's runs at
   * point 0 stop before tick 6 (a window some point lacks: left out).
   */
  const ticksOf = (arm: string, point: number) => Array.from({ length: arm === 'z' && point === 0 ? 6 : 7 }, (_, t) => t);
  const valueOf = (column: string, [a, b]: number[], armIndex: number, rep: number, t: number) => (column === 'innovation_value' ? a * (t + 1) + 0.1 * rep + armIndex : t === 2 ? null : b + 0.01 * t * rep);
  function writeSweep(window: number | undefined, spec: object = MORRIS): { dir: string; manifest: SweepManifest; points: number[][] } {
    const seed = 9;
    const design = buildDesign(spec as unknown as SweepSpec, seed);
    const dir = mkdtempSync(join(tmpdir(), 'lrsim-sens-'));
    const lines: string[] = [];
    design.points.forEach((x, point) => {
      const [a, b] = x as number[];
      for (const [armIndex, arm] of ['z', 'y'].entries()) {
        for (let replicate = 0; replicate < 2; replicate++) {
          // Arm y's records put the tick column first.
          const row = (t: number | null, d: number | null, v: number) => (armIndex ? [t, v, d] : [d, t, v]);
          const series = ticksOf(arm, point).map((t) => row(t, valueOf('diversity', [a, b], armIndex, replicate, t), valueOf('innovation_value', [a, b], armIndex, replicate, t) as number)).reverse();
          series.push(row(null, 1000, 1000));
          lines.push(JSON.stringify({ key: `p${point}.${arm}.r${replicate}`, point, arm, arm_index: armIndex, replicate, seed: 100 + replicate, params: { a, b }, wall_seconds: 0, status: 'ok', error: null, outcomes: { innovation_value_late: 3 * a + b + 0.2 * replicate }, columns: armIndex ? ['tick', 'innovation_value', 'diversity'] : ['diversity', 'tick', 'innovation_value'], series }));
        }
      }
    });
    lines.push(JSON.stringify({ key: 'failed', point: 0, arm: 'z', arm_index: 0, replicate: 5, seed: 1, params: {}, wall_seconds: 0, status: 'failed', error: 'boom' }));
    lines.push(JSON.stringify({ key: 'no-tick', point: 0, arm: 'x', arm_index: 2, replicate: 0, seed: 1, params: {}, wall_seconds: 0, status: 'ok', error: null, outcomes: {}, columns: ['innovation_value'], series: [[1]] }));
    writeFileSync(join(dir, 'runs.ndjson'), lines.join('\n') + '\n');
    const manifest: SweepManifest = { scenario: { seed, sweep: spec as never, ...(window ? { observe: { window } } : {}) }, points: design.points.map((p, i) => ({ point: i, params: p })) };
    return { dir, manifest, points: design.points as number[][] };
  }

  /** The expected series rows: window means per run, mu* (S1 for saltelli) and the noise share at full size. */
  function expectedSeries(manifest: SweepManifest, points: number[][], window: number) {
    const layout = sweepLayout(manifest)!;
    const wanted = layout.method === 'saltelli' ? 'S1' : 'mu_star';
    const out: unknown[] = [];
    for (const [armIndex, arm] of [[1, 'y'], [0, 'z']] as const) {
      for (const column of SENSITIVITY_SERIES) {
        if (column === 'lock_in_index') continue;
        for (let start = 0; start < 7; start += window) {
          const values = points.flatMap((x, point) => [0, 1].flatMap((rep) => {
            // Summed in the order the rows are stored (last tick first).
            const v = ticksOf(arm, point).filter((t) => t >= start && t < start + window).reverse().map((t) => valueOf(column, x, armIndex, rep, t)).filter((y): y is number => y !== null);
            return v.length ? [{ row: point, value: v.reduce((s, y) => s + y, 0) / v.length }] : [];
          }));
          const m = rowMoments(points.length, values);
          if (!m.count.every((c) => c > 0)) continue;
          const all = analyzeOutcome(layout, column, m, { seed: 9, resamples: 200 });
          const full = Math.max(...all.map((r) => r.n));
          for (const r of all) if (r.n === full && (r.index === wanted || r.index === 'noise_share')) out.push({ ...r, arm, tick: start });
        }
      }
    }
    return out;
  }

  it('adds mu* and the noise share of each window\'s series mean, arms in name order, to the outcome indices', async () => {
    const { dir, manifest, points } = writeSweep(3);
    const runs = points.flatMap(([a, b], point) => ['z', 'y'].flatMap((arm) => [0, 1].map((rep) => ({ key: '', point, arm, armIndex: 0, replicate: rep, seed: 0, params: {}, outcomes: { innovation_value_late: 3 * a + b + 0.2 * rep }, degenerate: null }))));
    const s = (await sweepSensitivity(dir, manifest, runs, ['z', 'y']))!;
    const layout = sweepLayout(manifest)!;
    expect(s.method).toBe('morris');
    expect(s.parameters).toEqual(['a', 'b']);
    expect(s.skipped).toEqual(['lock_in_index_final', 'diversity_final', 'recovered', 'recovery_rmst', 'drop_ratio']);
    const outcomeRows = outcomeSensitivity(manifest, layout, runs, ['z', 'y']).rows;
    const series = expectedSeries(manifest, points, 3);
    // arms x columns x windows x (mu* of a, b and the noise share), less arm z's last window of each column.
    expect(series).toHaveLength((2 * 2 * 3 - 2) * 3);
    expect(s.rows).toEqual([...outcomeRows, ...series]);
    expect(new Set(outcomeRows.map((r) => r.index))).toEqual(new Set(['mu', 'mu_star', 'sigma', 'sigma_corrected', 'mu_star_noise', 'noise_share']));
    expectDocumentedLevels(s.rows);
  });

  it('uses windows of 20 ticks when the scenario gives none', async () => {
    const { dir, manifest, points } = writeSweep(undefined);
    const s = (await sweepSensitivity(dir, manifest, [], ['z']))!;
    expect(s.rows).toEqual(expectedSeries(manifest, points, 20));
    expect(new Set(s.rows.map((r) => r.tick))).toEqual(new Set([0]));
  });

  it('gives S1 and the noise share of each window for a saltelli design', async () => {
    const { dir, manifest, points } = writeSweep(4, SALTELLI);
    const s = (await sweepSensitivity(dir, manifest, [], ['z']))!;
    expect(s.method).toBe('saltelli');
    const expected = expectedSeries(manifest, points, 4);
    expect(expected.map((r) => (r as { index: string }).index).slice(0, 3)).toEqual(['S1', 'S1', 'noise_share']);
    expect(s.rows).toEqual(expected);
    expectDocumentedLevels(s.rows);
  });

  it('is null for a design without indices', async () => {
    expect(await sweepSensitivity('/nonexistent', { scenario: { sweep: { design: 'grid' } } }, [], [])).toBeNull();
  });
});
