/**
 * Audit 8, findings wording: the verb follows the Holm-adjusted test that the sentence
 * quotes (the interval beside it is unadjusted and says so); the bootstrap share of being
 * best is named for what it is and set against the paired contrasts; an arm without extra
 * cost gets a sentence saying why it has no value for money; a contrast of one pair says
 * why it has no p. The statistics are the fixture's, with a contrast's numbers set to the
 * audit's (policy-under-uncertainty: −9 %, 95 % CI −16 % to −2 %, p 0.0171, Holm 0.051;
 * cluster-policy: lock-in contrast p = 0.14 on 8 seeds) where the wording is under test.
 */
import { describe, expect, it } from 'vitest';
import { findings } from '../../src/report/findings/index';
import { adjustedChangeClause } from '../../src/report/findings/format';
import { computeSweepStats, type SweepStats } from '../../src/stats';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

const setContrast = (stats: SweepStats, outcome: string, a: string, b: string, values: Partial<SweepStats['armComparison']['contrasts'][number]>) => {
  const c = stats.armComparison.contrasts.find((x) => x.outcome === outcome && x.point === null && x.armA === a && x.armB === b)!;
  Object.assign(c, values);
};

describe('the verb follows the adjusted p the sentence quotes', () => {
  it('adjustedChangeClause: raised/lowered only when the adjusted p is below 0.05; the interval is labelled unadjusted', () => {
    const adj = 'Holm adjustment over the 10 pairs of arms';
    expect(adjustedChangeClause('late innovation value', -0.09, -0.16, -0.02, 0.051, adj, true)).toBe('did not clearly change late innovation value after the Holm adjustment over the 10 pairs of arms: −9 % (unadjusted 95 % CI −16 % to −2 %)');
    expect(adjustedChangeClause('late innovation value', -0.09, -0.16, -0.02, 0.049, adj, true)).toBe('lowered late innovation value by 9 % (unadjusted 95 % CI −16 % to −2 %)');
    expect(adjustedChangeClause('late innovation value', 0.05, -0.01, 0.11, 0.6, adj, true)).toBe('did not clearly change late innovation value: +5 % (unadjusted 95 % CI −1 % to +11 %), an interval that includes no change');
    expect(adjustedChangeClause('late innovation value', 0.2, 0.1, 0.3, 0.001, adj, false)).toBe('raised late innovation value by 0.2 (unadjusted 95 % CI +0.1 to +0.3)');
  });

  it('in the arm sentence and between the other arms', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, arms: ['baseline', 'a', 'b'], replicates: 6 }));
    setContrast(stats, 'innovation_value_late', 'a', 'baseline', { rel: -0.09, relLo: -0.16, relHi: -0.02, p: 0.0171, pHolm: 0.051, method: 'paired_t' });
    setContrast(stats, 'innovation_value_late', 'b', 'a', { rel: -0.09, relLo: -0.16, relHi: -0.02, p: 0.0171, pHolm: 0.051, method: 'paired_t' });
    const text = findings(stats).join('\n');
    // b - baseline is the same on every seed (no p), so Holm counts 2 tests, not the 3 pairs (it said "the 3 pairs").
    expect(text).toMatch(/The a arm did not clearly change late innovation value after the Holm adjustment over the 2 pairs of arms with a test: −9 % \(unadjusted 95 % CI −16 % to −2 %\) over the baseline arm .*Holm-adjusted p = 0\.051\)/);
    expect(text).not.toMatch(/The a arm lowered/);
    expect(text).toMatch(/b − a: −9 % \(unadjusted 95 % CI −16 % to −2 %\), Holm-adjusted p = 0\.051 \(not clear after the adjustment\)/);
    setContrast(stats, 'innovation_value_late', 'a', 'baseline', { pHolm: 0.03 });
    expect(findings(stats).join('\n')).toMatch(/The a arm lowered late innovation value by 9 % \(unadjusted 95 % CI −16 % to −2 %\)/);
  });

  it('gives the right reason when a relative change has no interval (by method)', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, arms: ['baseline', 'a', 'b'], replicates: 6 }));
    const row = { rel: 0.2, relLo: NaN, relHi: NaN, lo: 0.01, hi: 0.4, estimate: 0.2, pHolm: 0.2 };
    setContrast(stats, 'innovation_value_late', 'b', 'a', { ...row, method: 'paired_share_clustered_by_point' });
    expect(findings(stats).join('\n')).toMatch(/b − a: \+0\.2 \(unadjusted 95 % CI \+0\.01 to \+0\.4; \+20 %, no interval for the relative change: none is computed for shares clustered by point\)/);
    setContrast(stats, 'innovation_value_late', 'b', 'a', { ...row, method: 'paired_t' });
    expect(findings(stats).join('\n')).toMatch(/b − a: \+0\.2 \(unadjusted 95 % CI \+0\.01 to \+0\.4; \+20 %, no interval for the relative change: the reference mean is not clearly away from 0\)/);
  });

  it('in the recovery sentence: the verdict follows the Holm p it quotes', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, arms: ['baseline', 'a', 'b'], replicates: 6, recovery: { end: 100 } }));
    const pooled = stats.recovery.armTests.filter((t) => t.point === null);
    expect(pooled.length).toBeGreaterThan(1);
    Object.assign(pooled[0], { p: 0.02, pHolm: 0.06 });
    const line = findings(stats).find((l) => l.startsWith(`Recovery of the ${pooled[0].armA} arm against the ${pooled[0].armB} arm`))!;
    expect(line).toMatch(/recovery does not differ clearly \(log-rank test stratified by seed, chi-square [^,]+, Holm-adjusted p = 0\.06\)/);
  });
});

describe('the bootstrap share of being best', () => {
  it('is named for what it is, and says no contrast backs it when none is clear', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, replicates: 8 }));
    setContrast(stats, 'innovation_value_late', 'cluster', 'baseline', { p: 0.14, pHolm: 0.14 });
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Share of bootstrap resamples of the 8 common seeds in which each arm has the highest late innovation value: cluster 100 % \(mean rank 1\), baseline 0 % \(mean rank 2\)\. This is how often an arm ranks first when the seeds are resampled, not a test and not the probability that it is best\. No paired contrast shows cluster clearly ahead of baseline \(against baseline: p = 0\.14\), so this share is no verdict that cluster is best\./);
    expect(text).not.toMatch(/Probability of each arm/);
    setContrast(stats, 'innovation_value_late', 'cluster', 'baseline', { p: 0.001, pHolm: 0.001 });
    expect(findings(stats).join('\n')).toMatch(/In the paired contrasts cluster is clearly ahead of every other ranked arm \(against baseline: p = 0\.001\)\./);
  });
});

describe('an arm without extra cost, and one pair', () => {
  it('says why an arm that costs no more than the reference has no value for money', async () => {
    // Another arm has a cost, so value for money is a question the reader asks of this one too.
    const cost = ({ arm }: { arm: string }) => ({ policy_cost: arm === 'paid' ? 10 : 0, policy_cost_late: arm === 'paid' ? 2 : 0 });
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, arms: ['baseline', 'cluster', 'paid'], replicates: 4, plant: cost }));
    const text = findings(stats).join('\n');
    expect(text).toMatch(/No value for money is given for the cluster arm: it costs no more than the baseline arm \(extra policy cost 0 per run\), and a value per extra cost needs an extra cost above 0\./);
    expect(text).not.toMatch(/Value for money of the cluster arm/);
    // No arm has any cost (a shock, an openness contrast): no sentence about value for money at all.
    const free = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, replicates: 4, plant: () => ({ policy_cost: 0, policy_cost_late: 0 }) }));
    expect(findings(free).join('\n')).not.toMatch(/value for money/i);
  });

  it('gives one pair as the reason a contrast has no p', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, arms: ['baseline', 'a', 'b'], replicates: 1 }));
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Holm-adjusted p not computable \(one pair of runs: a paired test needs at least two\)/);
    expect(text).not.toMatch(/the differences do not vary/);
    expect(text).toMatch(/over the baseline arm on the same single seed \(/);
  });

  it('says an arm identical to the leader on every seed is identical, in the note on the share of ranking first', async () => {
    const stats = await computeSweepStats(writeFixtureSweep({ parameters: { openness: [0.1] }, arms: ['baseline', 'a', 'b'], replicates: 4, plant: (r) => ({ innovation_value_late: (r.arm === 'baseline' ? 1 : 5) + (r.seed % 7) + (r.arm === 'baseline' ? 0.1 * (r.seed % 3) : 0) }) }));
    const line = findings(stats).find((l) => l.startsWith('Share of bootstrap resamples') && l.includes('late innovation value'))!;
    expect(line).toMatch(/against (a|b): identical on every seed/);
  });
});
