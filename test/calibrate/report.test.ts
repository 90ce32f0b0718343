/**
 * What the calibration report says: the posterior predictive p-values (against numpy and
 * R on the same numbers), and the sentences on the tolerance, the intervals and the
 * predictive check (audit findings 4 and 5).
 */
import { describe, expect, it } from 'vitest';
import type { AbcResult } from '../../src/calibrate/abc-smc';
import type { CalibrationSpec, CalibrationTarget } from '../../src/calibrate/load-targets';
import type { CalibrationOutputInput } from '../../src/calibrate/output-input';
import { predictiveChecks, predictiveP, type ParameterSummary } from '../../src/calibrate/posterior';
import { calibrationFindings, drawsToFlag, noiseLevel, tailParticles } from '../../src/calibrate/report';
import { defaultScenario } from '../../src/scenario/schema';

const target = (name: string, observed: number): CalibrationTarget => ({ name, kind: 'outcome', key: name, summary: 'mean', from: 0, to: null, observed, scale: 1, weight: 1 });

describe('posterior predictive p-values', () => {
  // python3 (numpy), ties counted on both sides:
  //   def chk(x, obs):
  //       x = np.asarray([v for v in x if np.isfinite(v)], float); n = len(x)
  //       lo = (np.sum(x <= obs) + 1) / (n + 1); hi = (np.sum(x >= obs) + 1) / (n + 1)
  //       return n, x.min(), np.median(x), x.max(), np.sum(x < obs), np.sum(x == obs), np.sum(x > obs), min(1.0, 2 * min(lo, hi))
  //   chk([0.5,0.2,0.9,0.2,0.1,0.7,0.3,0.8,0.4,0.6], 0.2) -> (10, 0.1, 0.45, 0.9, 1, 2, 7, 0.7272727272727273)
  //   chk([3,1,4,1,5,9,2,6,5,3], 10)                     -> (10, 1.0, 3.5, 9.0, 10, 0, 0, 0.18181818181818182)
  //   chk([nan,7,8,9,10,11,12,13,14,15], 7.5)            -> (9, 7.0, 11.0, 15.0, 1, 0, 8, 0.4)
  // R: p.adjust(c(8/11, 2/11, 0.4), "holm") -> 0.8 0.54545454545454541 0.8
  it('rank p-value, order statistics and Holm over the targets', () => {
    const columns = [
      [0.5, 0.2, 0.9, 0.2, 0.1, 0.7, 0.3, 0.8, 0.4, 0.6],
      [3, 1, 4, 1, 5, 9, 2, 6, 5, 3],
      [NaN, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    ];
    const draws = columns[0].map((_, i) => ({ values: columns.map((c) => c[i]) }));
    const checks = predictiveChecks([target('a', 0.2), target('b', 10), target('c', 7.5)], draws);
    expect(checks.map((c) => [c.draws, c.min, c.median, c.max, c.below, c.ties, c.above])).toEqual([
      [10, 0.1, 0.45, 0.9, 1, 2, 7],
      [10, 1, 3.5, 9, 10, 0, 0],
      [9, 7, 11, 15, 1, 0, 8],
    ]);
    expect(checks[0].p).toBeCloseTo(0.7272727272727273, 14);
    expect(checks[1].p).toBeCloseTo(0.18181818181818182, 14);
    expect(checks[2].p).toBeCloseTo(0.4, 14);
    expect(checks[0].pHolm).toBeCloseTo(0.8, 14);
    expect(checks[1].pHolm).toBeCloseTo(0.54545454545454541, 14);
    expect(checks[2].pHolm).toBeCloseTo(0.8, 14);
  });

  it('is valid: with the observed value exchangeable with n draws, P(p <= a) <= a for every a', () => {
    // Under a calibrated model the observed value's rank k among n + 1 values is uniform on 0..n.
    for (const n of [5, 19, 20, 99]) {
      const ps = Array.from({ length: n + 1 }, (_, k) => predictiveP(k, 0, n - k));
      for (const a of [0.01, 0.05, 0.1, 0.2, 0.5]) expect(ps.filter((p) => p <= a).length / (n + 1)).toBeLessThanOrEqual(a + 1e-12);
    }
    // The band of the old report (observed outside the 5 % to 95 % quantile of 20 draws) is not:
    // it misses 3 of 21 ranks (k = 0, 19, 20), 14 % for a nominal 10 %. The p-value at those ranks:
    expect([0, 19, 20].map((k) => predictiveP(k, 0, 20 - k))).toEqual([2 / 21, 4 / 21, 2 / 21]);
  });

  // python3: from fractions import Fraction as F; min(n for n in range(1, 10000) if F(2*m, n+1) <= F(5, 100)) -> 39 (m=1), 159 (m=4)
  it('says how many draws a flag needs: 2m / (n + 1) <= 0.05', () => {
    expect(drawsToFlag(1)).toBe(39);
    expect(drawsToFlag(4)).toBe(159);
  });
});

/** A finished calibration with 4 targets (weight 1 each: noise level 2) and 2 parameters. */
function calibration(o: { onlyPrior?: boolean; tolerance: number; stop: AbcResult['stopReason']; ess: number; particles: number; shrinkage: [number, number]; draws: number[][]; observed: number[] }) {
  const targets = o.observed.map((v, k) => target(`t${k}`, v));
  const spec: CalibrationSpec = {
    source: 't.yaml',
    description: '',
    targets,
    parameters: [
      { path: 'openness', prior: { kind: 'uniform', min: 0, max: 0.5 }, integer: false },
      { path: 'proximity.social_closure', prior: { kind: 'uniform', min: 0, max: 1 }, integer: false },
    ],
    abc: { particles: o.particles, replicates: 1, alpha: 0.5, final_tolerance: 1, min_acceptance: 0.02, max_generations: 10, max_runs: 500, seed: 1, predictive_draws: o.draws.length },
    file: {} as CalibrationSpec['file'],
  };
  const result: AbcResult = {
    stopReason: o.stop,
    runs: 5 * o.particles,
    populations: [],
    generations: [
      { generation: 0, tolerance: Infinity, proposals: o.particles, withinTolerance: o.particles, accepted: o.particles, acceptanceRate: 1, ess: o.particles, runs: o.particles, totalRuns: o.particles },
      { generation: 1, tolerance: o.tolerance, proposals: 4 * o.particles, withinTolerance: o.particles + 1, accepted: o.particles, acceptanceRate: (o.particles + 1) / (4 * o.particles), ess: o.ess, runs: 4 * o.particles, totalRuns: 5 * o.particles },
    ].slice(0, o.onlyPrior ? 1 : 2),
  };
  const moments = (median: number) => ({ mean: median, sd: 0.1, median, q05: median - 0.1, q95: median + 0.1 });
  const summary: ParameterSummary[] = o.shrinkage.map((s, k) => ({ path: spec.parameters[k].path, prior: moments(0.5), posterior: moments(0.3), shrinkage: s }));
  const input: CalibrationOutputInput = { spec, scenario: defaultScenario(), scenarioSource: 'builtin:baseline', result, predictive: [], images: false };
  const checks = predictiveChecks(targets, o.draws.map((values) => ({ values })));
  return calibrationFindings(input, summary, checks).join('\n');
}

describe('calibration findings', () => {
  // The audited run: stopped on the budget at tolerance 8.55, 30 particles with ESS 25,
  // shrinkage 0.57 and -0.11, 5 predictive draws.
  const five = [0.0237, 0.05, 0.1, 0.15, 0.223].map((v) => [v, v, v, v]);
  const audited = calibration({ tolerance: 8.55, stop: 'max_runs', ess: 25, particles: 30, shrinkage: [0.57, -0.11], draws: five, observed: [0.3, 0.1, 0.12, 0.01] });

  it('states the tolerance against the noise level sqrt(sum w) and calls no parameter (un)identified above it', () => {
    expect(noiseLevel([{ weight: 1 }, { weight: 1 }, { weight: 1 }, { weight: 1 }])).toBe(2);
    // python3: 8.55 / 2 -> 4.275 ; 0.05 * 25 -> 1.25
    // Generation 1: 31 of 120 proposals within the tolerance (25.8 %), the first 30 kept.
    expect(audited).toContain('the last generation was accepted at tolerance 8.55: 31 of its 120 proposals (25.8 %, the acceptance rate) came within it and the first 30 were kept, with an effective sample size of 25 of 30 particles.');
    expect(audited).toContain('lies at distance 2, the square root of the sum of the target weights (4)');
    expect(audited).toContain('The last tolerance, 8.55, is 4.3 times this noise level');
    expect(audited).toContain('approximate 90 % ABC posterior intervals at tolerance 8.55');
    expect(audited).toContain('(raise abc.max_runs and run again)');
    expect(audited).toContain('each 5 % tail of these intervals rests on about 1.3 effective particles');
    // An audit's calibration printed "about 0.878 effective particles" (ESS 17.6).
    expect([tailParticles(0.05 * 17.56), tailParticles(1), tailParticles(0.05 * 25)]).toEqual(['less than one effective particle', 'about 1.0 effective particles', 'about 1.3 effective particles']);
    expect(audited).toContain("openness: ABC posterior median 0.3, 90 % interval 0.2 to 0.4 at tolerance 8.55, against a uniform(0, 0.5) prior; shrinkage 0.57 (variance 43 % of the prior's at this tolerance): the targets already constrain it.");
    expect(audited).toContain("shrinkage -0.11 (variance 111 % of the prior's at this tolerance): it is about as wide as the prior, which may only mean that the sampler stopped early.");
    expect(audited).not.toMatch(/credible|well identified|partly identified|hardly identified/);
  });

  it('with 5 draws reports the range and p, and says the check cannot flag anything', () => {
    // 5 draws: the smallest p is 2/6 -> 0.333; 4 targets need 159 draws.
    expect(audited).toContain('t0: observed 0.3; the 5 simulated values range from 0.0237 to 0.223 (median 0.1), 5 below the observed value and 0 above; predictive p 0.333, Holm-adjusted 1.');
    expect(audited).toContain('With 5 draws the smallest possible p is 0.333, and 4 targets need at least 159 draws to reach 0.05 after the adjustment: this check cannot flag any target. Raise abc.predictive_draws to 159 or more');
    expect(audited).toContain('t1: observed 0.1; the 5 simulated values range from 0.0237 to 0.223 (median 0.1), 2 below the observed value, 1 equal to it and 2 above;');
    expect(audited).not.toMatch(/90 % of|does not reproduce|no misfit/);
  });

  it('flags a target only on its Holm-adjusted p, when the draws allow it', () => {
    // 200 draws 1..200. t0 observed 0.5 (all draws above): p = 2/201; t1, t2 observed 100.5: p = 1;
    // t3 observed 10.5 (10 below): p = 22/201.
    // R: p.adjust(c(2/201, 1, 1, 22/201), "holm") -> 0.039800995024875621 1 1 0.328358208955223885
    const many = Array.from({ length: 200 }, (_, i) => [i + 1, i + 1, i + 1, i + 1]);
    const text = calibration({ tolerance: 1.5, stop: 'final_tolerance', ess: 400, particles: 500, shrinkage: [0.57, -0.11], draws: many, observed: [0.5, 100.5, 100.5, 10.5] });
    expect(text).toContain('predictive p 0.00995, Holm-adjusted 0.0398: the calibrated model does not reproduce this pattern.');
    expect(text).toContain('t3: observed 10.5; the 200 simulated values range from 1 to 200 (median 101), 10 below the observed value and 190 above; predictive p 0.109, Holm-adjusted 0.328: no misfit detected at 0.05.');
    expect(text.match(/does not reproduce/g)).toHaveLength(1);
    expect(text).not.toMatch(/cannot flag/);
    // Tolerance 1.5 is within the noise level 2: identification may be named; ESS 400 is not small.
    expect(text).toContain('The last tolerance, 1.5, is within this noise level');
    expect(text).toContain('shrinkage 0.57, well identified by the targets.');
    expect(text).toContain('shrinkage -0.11, hardly identified');
    expect(text).not.toMatch(/effective particles/);
  });

  it('only generation 0: the intervals are called the prior\'s, and no tolerance is printed', () => {
    const text = calibration({ onlyPrior: true, tolerance: NaN, stop: 'max_generations', ess: 30, particles: 30, shrinkage: [0.02, -0.01], draws: five, observed: [0.3, 0.1, 0.12, 0.01] });
    expect(text).toContain('only generation 0 (drawn from the prior) was completed');
    expect(text).toContain('openness: prior median 0.3, 90 % interval 0.2 to 0.4, against a uniform(0, 0.5) prior.');
    expect(text).not.toMatch(/undefined|identified|noise level|ABC posterior/);
  });

  it('20 draws with the observed value outside their range: no flag', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => [i, i, i, i]);
    const text = calibration({ tolerance: 3, stop: 'max_generations', ess: 40, particles: 50, shrinkage: [0.3, 0.1], draws: twenty, observed: [25, 9.5, 9.5, 9.5] });
    // python3: 2 / 21 -> 0.09523809523809523
    expect(text).toContain('t0: observed 25; the 20 simulated values range from 0 to 19 (median 9.5), 20 below the observed value and 0 above; predictive p 0.0952, Holm-adjusted 0.381.');
    expect(text).not.toMatch(/does not reproduce/);
    expect(text).toContain('(raise abc.max_generations and run again)');
  });
});
