/** Sentences of the findings that used to say more than the statistics behind them. */
import { describe, expect, it } from 'vitest';
import { findings } from '../../src/report/findings/index';
import { computeSweepStats } from '../../src/stats';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

describe('findings wording', () => {
  it('calls a one-factor model what it is and pools the correlation over points only (no arms)', async () => {
    // proximity-paradox's design: one swept parameter, one arm. Its model was called "an
    // additive linear model (some combinations have no runs)", and the correlation "pooled
    // over design points and arms".
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3, 0.6] }, arms: [], replicates: 4 }));
    const text = findings(stats).join('\n');
    expect(text).toMatch(/\(a linear model of the one factor of log late innovation value, fitted on all 12 runs, intervals heteroskedasticity-robust \(every run has its own seed, so no runs share a seed to cluster on\)\)/);
    expect(text).not.toMatch(/some combinations have no runs/);
    expect(text).toMatch(/\(Pearson, 12 runs, pooled over design points: part of the correlation may come from the design\)/);
  });

  it('says the upper end of a median recovery time is not estimable, not "not reached", when every run recovered', async () => {
    // structural-shock's open region: 8 of 8 recovered, "median 35.5 ticks (95 % CI 35 to not reached)".
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, arms: [], replicates: 8, recovery: { end: 100 } }));
    const [curve] = stats.recovery.curves;
    expect([curve.recovered, curve.censored]).toEqual([8, 0]);
    expect(Number.isNaN(curve.medianHi)).toBe(true);
    const text = findings(stats).join('\n');
    expect(text).toMatch(/8 of 8 recovered, median \d+(\.5)? ticks \(95 % CI \d+ to not estimable from 8 runs \(the band ends when the last run recovers\)\), 0 censored/);
    expect(text).not.toMatch(/not reached\)/);
  });
});

describe('locked-in shares', () => {
  it('no Wilson interval for a share pooled over design points: the count with the range of the points\' shares', async () => {
    // proximity-openness printed "30 of 72 (42 %, Wilson 95 % CI 31 % to 53 %)" over cells whose
    // shares were 0, 0.75 and 1: an interval of a mixture that describes no condition.
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3, 0.6] }, arms: [], replicates: 4 }));
    const text = findings(stats).join('\n');
    const line = text.split('\n').find((l) => l.includes('ended locked in'))!;
    expect(line).toMatch(/^Over all runs, \d+ of 12 \(\d+ %; (from \d+ of 4 at openness = [\d.]+ to \d+ of 4 at openness = [\d.]+|\d+ of 4 at every design point)\) ended locked in\. No interval for a share pooled over design points/);
    expect(line).not.toMatch(/Wilson/);
  });

  it('keeps the Wilson interval at a single design point', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.3] }, arms: [], replicates: 8 }));
    const line = findings(stats).find((l) => l.includes('ended locked in'))!;
    expect(line).toMatch(/^Over all runs, \d+ of 8 \(\d+ %, Wilson 95 % CI \d+ % to \d+ %\) ended locked in\.$/);
  });
});
