/**
 * Recovery of arms that run on common seeds: the log-rank test stratified by seed (R's
 * survdiff(Surv(t, e) ~ arm + strata(seed))) and the count of seeds on which each arm
 * recovered first. Arms used to be compared only through their separate Kaplan-Meier
 * curves, which ignores the pairing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings } from '../../src/report/findings/index';
import { computeSweepStats, stratifiedLogRank, writeStatsCsv } from '../../src/stats';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

/*
 * R 4.x, survival 3.x:
 *   library(survival); options(digits = 15)
 *   tA <- c(5, 7, 20, 9, 12, 6, 20, 8, 11, 10, 14, 7); eA <- c(1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1)
 *   tB <- c(9, 7, 20, 15, 20, 8, 18, 13, 10, 20, 16, 12); eB <- c(1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1)
 *   d <- data.frame(t = c(tA, tB), e = c(eA, eB), arm = rep(c("a", "b"), each = 12), seed = rep(1:12, 2))
 *   s <- survdiff(Surv(t, e) ~ arm + strata(seed), data = d)
 *   s$chisq                                  # 3.6
 *   rowSums(s$obs); rowSums(s$exp)           # 10 9; 7 12
 *   pchisq(s$chisq, 1, lower.tail = FALSE)   # 0.0577795711235975
 *   survdiff(Surv(t, e) ~ arm, data = d)$chisq   # 1.65024148887021 (unstratified: ignores the pairing)
 *   t3 <- c(4, 6, 9, 20, 5, 7, 8, 10); e3 <- c(1, 1, 1, 0, 1, 1, 1, 1)
 *   d3 <- rbind(d[d$seed <= 8, ], data.frame(t = t3, e = e3, arm = "c", seed = 1:8))
 *   s3 <- survdiff(Surv(t, e) ~ arm + strata(seed), data = d3)
 *   s3$chisq; pchisq(s3$chisq, 2, lower.tail = FALSE)   # 4.68706076891277 0.0959881642232323
 */
const tA = [5, 7, 20, 9, 12, 6, 20, 8, 11, 10, 14, 7];
const eA = [1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1];
const tB = [9, 7, 20, 15, 20, 8, 18, 13, 10, 20, 16, 12];
const eB = [1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1];
const t3 = [4, 6, 9, 20, 5, 7, 8, 10];
const e3 = [1, 1, 1, 0, 1, 1, 1, 1];
const one = (t: number, e: number) => ({ time: [t], event: [e === 1] });

describe('stratifiedLogRank (R survdiff with strata)', () => {
  it('matches survdiff(Surv(t, e) ~ arm + strata(seed)) for two arms on 12 seeds', () => {
    const r = stratifiedLogRank(tA.map((_, s) => [one(tA[s], eA[s]), one(tB[s], eB[s])]));
    expect(r.chisq).toBeCloseTo(3.6, 12);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.0577795711235975, 12);
    expect(r.observed).toEqual([10, 9]);
    expect(r.expected[0]).toBeCloseTo(7, 12);
    expect(r.expected[1]).toBeCloseTo(12, 12);
  });
  it('matches survdiff for three arms on 8 seeds', () => {
    const r = stratifiedLogRank(t3.map((_, s) => [one(tA[s], eA[s]), one(tB[s], eB[s]), one(t3[s], e3[s])]));
    expect(r.chisq).toBeCloseTo(4.68706076891277, 11);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(0.0959881642232323, 12);
  });
});

describe('recovery of arms on common seeds in the sweep statistics', () => {
  // Two arms with the shock, paired on seeds: arm `a` takes tA, arm `b` tB (censored at 20).
  const dir = writeFixtureSweep({
    parameters: { openness: [0.1] }, arms: ['b', 'a'], replicates: 12, outcomes: ['resilience_ticks', 'resilience_censored'],
    plant: ({ arm, replicate: s }) => (arm === 'a' ? { resilience_ticks: tA[s], resilience_censored: 1 - eA[s] } : { resilience_ticks: tB[s], resilience_censored: 1 - eB[s] }),
  });

  it('counts who recovered first, tests stratified by seed, writes rows and says so', async () => {
    const stats = await computeSweepStats(dir);
    expect(stats.recovery.armTests).toHaveLength(1);
    const t = stats.recovery.armTests[0];
    // Seeds: a first on 1, 4, 5 (b censored at 20 > 12), 6, 8, 10 (b censored), 11, 12; b first on 7 (a censored at 20 > 18), 9;
    // same tick on 2; hidden on 3 (both censored).
    expect(t).toMatchObject({ point: null, armA: 'a', armB: 'b', pairs: 12, aFirst: 8, bFirst: 2, ties: 1, undetermined: 1 });
    expect(t.chisq).toBeCloseTo(3.6, 12);
    expect(t.p).toBeCloseTo(0.0577795711235975, 12);
    writeStatsCsv(dir, stats);
    const csv = readFileSync(join(dir, 'stats.csv'), 'utf8');
    expect(csv).toMatch(/\nlogrank_paired,all,[^\n]*,resilience_ticks,[^\n]*log_rank_stratified_by_seed,,a,b,/);
    expect(csv.split('\n').filter((l) => l.startsWith('recovery_first,'))).toHaveLength(4);
    const text = findings(stats).join('\n');
    expect(text).toMatch(/Recovery of the a arm against the b arm, paired on the same 12 seeds: a recovered first on 8 seeds, b on 2, both at the same tick on 1, censoring hides the order on 1 \([^)]*\); recovery does not differ clearly \(log-rank test stratified by seed, chi-square 3\.6, p = 0\.058\)\./);
  });

  it('compares no arms when only one arm has recovery data (a shock arm beside an unshocked one)', async () => {
    const shock = writeFixtureSweep({
      parameters: { openness: [0, 0.3] }, arms: ['no_shock', 'shock'], shockArms: ['shock'], replicates: 4,
      plant: ({ arm, replicate }): Record<string, number> => (arm === 'shock' ? { resilience_ticks: 5 + replicate, resilience_censored: 0 } : {}),
    });
    const stats = await computeSweepStats(shock);
    expect(stats.recovery.curves.map((c) => c.arm)).toEqual(['shock', 'shock']);
    expect(stats.recovery.armTests).toEqual([]);
  });
});
