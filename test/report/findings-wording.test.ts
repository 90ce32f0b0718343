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
    expect(text).toMatch(/\(a linear model of the one factor of log late innovation value, fitted on all 12 runs, intervals heteroskedasticity-robust \(HC2 with Satterthwaite degrees of freedom; every run has its own seed, so no runs share a seed to cluster on\)\)/);
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

describe('paired differences of the outcomes a scenario lists', () => {
  it('pooled over points stratified by point, with each point\'s difference beside it', async () => {
    // learning-city printed "courses +0.138 (95 % CI +0.0994 to +0.177)" for resident skill,
    // pooled unstratified, hiding +0.073 at one point and +0.203 at the other.
    // Resident skill planted: the cluster arm adds 0.07 at openness 0 and 0.2 at 0.3, plus seed noise.
    const plant = ({ point, arm, seed }: { point: number; arm: string; seed: number }) => ({ resident_skill_final: 0.5 + (arm === 'cluster' ? (point === 0 ? 0.07 : 0.2) + ((seed % 7) - 3) / 100 : 0) + (seed % 5) / 50 });
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3] }, replicates: 4, outcomes: ['resident_skill_final'], plant }));
    const line = findings(stats).find((l) => l.startsWith('Final resident skill'))!;
    expect(line).toMatch(/Paired difference to the baseline arm on the same seeds, pooled over the design points stratified by point: cluster [+−][\d.]+ \(95 % CI [^)]+\), per point [+−]?[\d.]+ \(95 % CI [^)]+\) at openness = 0, [+−]?[\d.]+ \(95 % CI [^)]+\) at openness = 0\.3\.$/);
    const pooled = stats.paired.find((p) => p.point === null && p.arm === 'cluster' && p.outcome === 'resident_skill_final')!;
    expect(pooled.difference.method).toBe('paired_t_by_point');
  });
});

describe('per-point arm effects', () => {
  it('give the relative change with its Fieller interval, not a bare percentage', async () => {
    const plant = ({ arm, seed }: { point: number; arm: string; seed: number }) => ({ innovation_value_late: 2 + (seed % 5) / 10 + (arm === 'cluster' ? 0.5 + ((seed % 3) - 1) / 10 : 0) });
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3] }, replicates: 5, plant }));
    const line = findings(stats).find((l) => l.startsWith('Per design point, the cluster arm'))!;
    const c = stats.armComparison.contrasts.find((x) => x.outcome === 'innovation_value_late' && x.point === 0 && x.armA === 'cluster')!;
    expect(Number.isFinite(c.relLo)).toBe(true);
    const pct = (x: number) => `${Math.round(100 * x) > 0 ? '+' : ''}${Math.round(100 * x)} %`.replace('-', '−');
    expect(line).toContain(`; ${pct(c.rel)}, 95 % CI ${pct(c.relLo)} to ${pct(c.relHi)}) at openness = 0.3`.replace(') at openness = 0.3', ')'));
  });
});

describe('an arm effect constant within each point but different between points', () => {
  it('is flagged as hiding heterogeneity, with no interval and no p, and the reasons say why', async () => {
    const plant = ({ point, arm, seed }: { point: number; arm: string; seed: number }) => ({ innovation_value_late: 2 + (seed % 5) / 10 + (arm === 'cluster' ? (point === 0 ? 0.5 : 1.5) : 0) });
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3] }, replicates: 4, plant }));
    const line = findings(stats).find((l) => l.startsWith('The cluster arm'))!;
    expect(line).toMatch(/^The cluster arm changed late innovation value by \+\d+ % \(no interval: within each design point every pair of seeds differed by the same amount\) over the baseline arm on the same 8 seeds pooled over all design points, stratified by point/);
    expect(line).toContain('This pooled figure hides heterogeneity: every seed gives the same difference within each design point, and it differs between points');
    expect(line).not.toMatch(/does not differ clearly/);
  });
});

describe('parameter names in the findings', () => {
  it('names a parameter by its full dot path in every sentence, as runs.csv does', async () => {
    // proximity-openness said "Raising proximity.social_closure ..." and, in the same
    // paragraph, "averaged ... over the levels of social_closure" and "The effect of social_closure".
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3], 'proximity.social_closure': [0.2, 0.8] }, arms: [], replicates: 4 }));
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Raising proximity\.social_closure from 0\.2 to 0\.8/);
    expect(text).toMatch(/averaged with equal weight over the levels of proximity\.social_closure/);
    expect(text).toMatch(/smallest p = [\d.]+, openness × proximity\.social_closure\)/);
    // Only a design point's label (shared with the charts' legends) keeps the short name.
    const sentences = text.split('\n').map((l) => l.replace(/at [^:;()]*social_closure = [\d.]+/g, 'at POINT'));
    expect(sentences.filter((l) => /(^|[^.\w])social_closure/.test(l))).toEqual([]);
  });
});

describe('an arm whose runs are all degenerate', () => {
  it('is named once and left out of the comparisons, not compared "on the same 0 seeds"', async () => {
    // An audit's sweep with a "dead" arm (every firm exits) printed "The dead arm left late
    // innovation value undetermined over the base arm on the same 0 seeds ... (one pair of
    // runs: a paired test needs at least two)" and dropped it from the locked-in sentence.
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3] }, arms: ['baseline', 'cluster', 'dead'], degenerateArms: ['dead'], replicates: 4 }));
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Every run of the dead arm is degenerate, so it is left out of every comparison of arms below\./);
    expect(text).not.toMatch(/same 0 seeds|the dead arm (changed|raised|lowered|left|did)|dead − |− dead|too few runs/i);
    expect(text).toMatch(/dead none \(lock-in undefined in all its runs\)/);
    expect(text).toMatch(/fitted on 16 of 24 runs \(the 8 degenerate runs left out\)/);
    expect(text).toMatch(/The cluster arm .* over the baseline arm on the same 8 seeds/);
  });
});

describe('a baseline arm whose runs are all degenerate', () => {
  it('says no arm can be compared with it and keeps the comparison of the other arms', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3] }, arms: ['baseline', 'cluster', 'other'], degenerateArms: ['baseline'], replicates: 4 }));
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Every run of the baseline arm is degenerate, so it is left out of every comparison of arms below; no arm can be compared with the baseline arm\./);
    expect(text).not.toMatch(/over the baseline arm/);
    expect(text).toMatch(/Between the other arms \(late innovation value[^)]*\): other − cluster/);
  });
});

describe('the verb of a main effect', () => {
  it('raises a numeric parameter and changes a text one', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0, 0.3], 'policies.0.mode': ['top_down', 'bottom_up'] as unknown as number[] }, arms: [], replicates: 4 }));
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Raising openness from 0 to 0\.3/);
    expect(text).toMatch(/Changing policies\.0\.mode from top_down to bottom_up/);
    expect(text).not.toMatch(/Raising policies/);
  });
});
