/**
 * Sweep statistics fitted to the design, on fixture sweeps with a KNOWN truth (synthetic
 * numbers, test/fixtures/sweep-dir.ts): a parameter without effect, one with a strong
 * effect, an arm effect that changes sign between points, recovery times with censoring.
 * The estimators themselves are checked against R in their own tests; this file checks
 * that the sweep statistics feed them the right runs and say what the numbers support.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings } from '../../src/report/findings/index';
import { computeSweepStats, writeStatsCsv } from '../../src/stats';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

describe('grid designs: main effects and interactions from one model of all runs', () => {
  it('finds the strong parameter, clears the inert one, and says so', async () => {
    // Fixture truth: level = 1 + 2 openness + 0.3 treated; geographic decay has no effect.
    const stats = await computeSweepStats(writeFixtureSweep({ replicates: 4 }));
    expect(stats.design).toBe('grid');
    const late = stats.effects.mainEffects.filter((m) => m.outcome === 'innovation_value_late');
    const open = late.find((m) => m.parameter === 'openness')!;
    const decay = late.find((m) => m.parameter === 'proximity.geographic_decay_km')!;
    expect(open.scale).toBe('log');
    expect(open.reference).toBe('0');
    expect(open.level).toBe('0.3');
    // Equal-weight mean over arms of log(1.6/1.0) and log(1.9/1.3) (the value ramp (1 + t/T) cancels).
    // Seed noise (0.2 U(-0.5, 0.5) a tick) moves it by up to about 0.01.
    expect(Math.abs(open.rel - Math.expm1((Math.log(1.6) + Math.log(1.9 / 1.3)) / 2))).toBeLessThan(0.015);
    expect(open.relLo).toBeGreaterThan(0.4);
    expect(decay.lo).toBeLessThan(0);
    expect(decay.hi).toBeGreaterThan(0);
    expect(open.averagedOver).toEqual(['proximity.geographic_decay_km', 'arm']);
    expect(stats.effects.models.innovation_value_late.model).toBe('two-way');
    // locked_in: every run at openness 0 locks in, none at 0.3 (cells agree completely).
    // Shares get a Price-Bonett interval, not the zero-width one of a linear probability model.
    const locked = stats.effects.mainEffects.find((m) => m.outcome === 'locked_in' && m.parameter === 'openness')!;
    expect(locked.scale).toBe('probability');
    expect(locked.estimate).toBe(-1);
    expect(locked.lo).toBeGreaterThanOrEqual(-1);
    expect(locked.hi).toBeLessThan(-0.5);
    expect(locked.hi - locked.lo).toBeGreaterThan(0.1);
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Raising openness from 0 to 0\.3 raised late innovation value by 5\d %/);
    expect(text).toMatch(/Raising proximity\.geographic_decay_km from 10 to 40 did not clearly change late innovation value/);
    expect(text).not.toMatch(/n\/a to n\/a/);
    expect(text).toContain('32 runs finished (4 design points × 2 arms × 4 replicates); none failed.');
  });

  it('one seed per point with arms: no interval for the parameters (not a zero-width one), and says why', async () => {
    // The seed is the point, the two-way model fits every point's mean: the clustered variance
    // of a difference between points is 0 up to rounding (linear-model.ts, unreplicated). It
    // printed "+17 % (95 % CI +17 % to +17 %)" and F in the millions before.
    const stats = await computeSweepStats(writeFixtureSweep({ replicates: 1 }));
    const open = stats.effects.mainEffects.find((m) => m.outcome === 'innovation_value_late' && m.parameter === 'openness')!;
    expect(Number.isFinite(open.rel)).toBe(true);
    expect([open.lo, open.hi, open.p, open.relLo, open.relHi].every(Number.isNaN)).toBe(true);
    const between = stats.effects.interactions.find((i) => i.outcome === 'innovation_value_late' && i.parameterA === 'openness' && i.parameterB === 'proximity.geographic_decay_km')!;
    expect(Number.isNaN(between.p)).toBe(true);
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Raising openness from 0 to 0\.3 changed late innovation value by \+\d+ % \(no interval: one seed per design point, so the differences between points have no replication to estimate their error; run more replicates\)/);
    expect(text).not.toMatch(/95 % CI ([+−-]?\d+ %) to \1\)/);
  });

  it('a shard\'s directory says its findings cover that shard only', async () => {
    const dir = writeFixtureSweep({ replicates: 2 });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, shard: { index: 1, count: 4 } }));
    const text = findings(await computeSweepStats(dir));
    expect(text[0]).toBe('This directory holds shard 1 of the shards 0 to 3 of the sweep (--shard 1/4): the findings below cover its runs only. Merge the shards (lrsim merge DIR... --out DIR) for the whole sweep\'s findings.');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, shard: null }));
    expect(findings(await computeSweepStats(dir))[0]).toMatch(/^\d+ runs finished/);
  });

  it('writes main_effect and interaction rows with estimate, lo, hi', async () => {
    const dir = writeFixtureSweep({ replicates: 3 });
    const stats = await computeSweepStats(dir);
    writeStatsCsv(dir, stats);
    const [header, ...lines] = readFileSync(join(dir, 'stats.csv'), 'utf8').trimEnd().split('\n');
    const cols = header.split(',');
    for (const c of ['outcome', 'parameter', 'level', 'reference', 'parameter_a', 'parameter_b', 'estimate', 'lo', 'hi', 'p_holm', 'p_best', 'r2', 'median', 'censored']) expect(cols).toContain(c);
    const rows = lines.map((l) => l.split(',')).map((cells) => Object.fromEntries(cols.map((c, i) => [c, cells[i]])));
    const main = rows.filter((r) => r.section === 'main_effect' && r.outcome === 'innovation_value_late');
    expect(main.map((r) => r.parameter).sort()).toEqual(['openness', 'proximity.geographic_decay_km']);
    expect(rows.some((r) => r.section === 'interaction' && r.parameter_a === 'openness' && r.parameter_b === 'proximity.geographic_decay_km')).toBe(true);
  });
});

describe('continuous designs: regression, rank correlation and partial dependence', () => {
  it('ranks the parameters by their known slopes and never compares two design points', async () => {
    const dir = writeFixtureSweep({
      arms: [],
      replicates: 2,
      continuous: { design: 'lhs', samples: 40, ranges: { openness: [0, 1], 'firms.rd_max': [0, 1], 'migration.rate': [0, 1] } },
      slopes: { 'firms.rd_max': 0.6 },
    });
    const stats = await computeSweepStats(dir);
    expect(stats.effects.kind).toBe('regression');
    const src = stats.effects.regression.filter((r) => r.outcome === 'innovation_value_late' && r.method === 'src');
    const by = (p: string) => src.find((r) => r.parameter === p)!;
    expect(by('openness').estimate).toBeGreaterThan(by('firms.rd_max').estimate);
    expect(by('firms.rd_max').lo).toBeGreaterThan(0);
    expect(by('migration.rate').lo).toBeLessThan(0);
    expect(by('migration.rate').hi).toBeGreaterThan(0);
    expect(src[0].r2).toBeGreaterThan(0.9);
    const prcc = stats.effects.regression.filter((r) => r.outcome === 'innovation_value_late' && r.method === 'prcc');
    expect(prcc).toHaveLength(3);
    expect(stats.effects.dependence.some((b) => b.parameter === 'openness')).toBe(true);
    const text = findings(stats).join('\n');
    expect(text).toMatch(/standardised regression coefficients/);
    expect(text).not.toMatch(/Raising openness from/);
    expect(text).not.toMatch(/averaged over the other swept parameters/);
  });
});

describe('policy arms: every pair, heterogeneity, ranking', () => {
  it('compares every pair with Holm-adjusted p and a probability of being best', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ arms: ['baseline', 'a', 'b'], parameters: { openness: [0.1] }, replicates: 6 }));
    const pooled = stats.armComparison.contrasts.filter((c) => c.outcome === 'innovation_value_late' && c.point === null);
    expect(pooled.map((c) => `${c.armA}-${c.armB}`)).toEqual(['a-baseline', 'b-baseline', 'b-a']);
    // Holm never lowers a p-value (the fixture's arms differ by an almost constant amount on
    // every seed, so p may be undefined: then both are NaN).
    for (const c of pooled) expect(c.pHolm >= c.p || (Number.isNaN(c.p) && Number.isNaN(c.pHolm))).toBe(true);
    // Arms a and b get the same +0.3 level in the fixture: their difference is exactly 0.
    const ba = pooled.find((c) => c.armA === 'b' && c.armB === 'a')!;
    expect(ba.estimate).toBeCloseTo(0, 10);
    const ranks = stats.armComparison.ranks.filter((r) => r.outcome === 'innovation_value_late' && r.point === null);
    expect(ranks.reduce((s, r) => s + r.pBest, 0)).toBeCloseTo(1, 10);
    expect(ranks.find((r) => r.arm === 'baseline')!.pBest).toBe(0);
    expect(findings(stats).join('\n')).toMatch(/Between the other arms .*b − a/);
  });

  it('does not let a pooled effect hide opposite effects at different points', async () => {
    // Treated level: +0.3 - 3 x openness: +0.3 at openness 0, -0.6 at openness 0.3.
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3] }, armSlopes: { openness: -3 }, replicates: 5 }));
    const h = stats.armComparison.heterogeneity.find((x) => x.outcome === 'innovation_value_late')!;
    expect(h.signsDiffer).toBe(true);
    expect(h.misleading).toBe(true);
    const text = findings(stats).join('\n');
    // The fixture's arms share their noise, so each point's difference is the same on every seed.
    expect(h.constantByPoint).toBe(true);
    expect(text).toMatch(/This pooled figure hides heterogeneity: every seed gives the same difference within each design point, and it differs between points, with opposite signs/);
  });
});

describe('recovery after a shock as survival data', () => {
  it('gives Kaplan-Meier medians and censored counts, and no mean of censored times', async () => {
    const dir = writeFixtureSweep({ parameters: { openness: [0, 0.3, 0.6] }, arms: [], replicates: 8, recovery: { end: 20 }, outcomes: ['resilience_ticks', 'resilience_censored'] });
    const stats = await computeSweepStats(dir);
    const curves = stats.recovery.curves;
    expect(curves).toHaveLength(3);
    // Point 2: 4 + 16 + U(0, 8) >= 20 always: all censored, median not reached.
    expect(curves[2].censored).toBe(8);
    expect(Number.isNaN(curves[2].median)).toBe(true);
    expect(curves[0].censored).toBe(0);
    expect(curves[0].median).toBeGreaterThanOrEqual(4);
    expect(curves[0].median).toBeLessThan(12);
    expect(stats.recovery.tests).toHaveLength(1);
    writeStatsCsv(dir, stats);
    const csv = readFileSync(join(dir, 'stats.csv'), 'utf8');
    expect(csv).toMatch(/\nsurvival,2,/);
    const text = findings(stats).join('\n');
    expect(text).toMatch(/median not reached/);
    expect(text).not.toMatch(/Recovery time \(ticks\):/);
    expect(text).toMatch(/openness = 0: 8 of 8 recovered, median \d+ ticks/);
    // The restricted mean, not a mean of censoring times: all 8 censored at 20 gives 20 over the
    // first 20 ticks with no interval (old stats.csv: mean 20, method all_equal, as if recovered).
    expect(text).toMatch(/openness = 0\.6: 0 of 8 recovered, median not reached \(fewer than half recovered\), 8 censored, restricted mean 20 ticks over the first 20 \(none recovered within them; no interval\)/);
    expect(text).toMatch(/openness = 0: 8 of 8 recovered, median [^;]*, 0 censored, restricted mean [\d.]+ ticks over the first 20 \(95 % CI [\d.]+ to [\d.]+\)/);
    expect(csv).toMatch(/\noutcome,2,0\.6,default,,resilience_ticks,,8,,,,,,*see_survival,,*8,,\n/);
    expect(csv).toMatch(/\nsurvival,2,0\.6,default,,,,8,20,,,,,,,,0,20,resilience_ticks,/);
    // The censored share is a share: a Wilson interval inside [0, 1] (0 of 8: 0 to 0.3244).
    const share = stats.groups[0].outcomes.resilience_censored;
    expect(share.mean).toBe(0);
    expect(share.ciLow).toBe(0);
    expect(share.ciHigh).toBeCloseTo(0.3244, 4);
  });
});
