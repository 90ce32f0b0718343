/**
 * Published results of the reference models (issue 21), on fixed seeds with 95 %
 * confidence intervals of the replicate means:
 * - March (1991) Figure 1: the code's equilibrium knowledge within +-0.02 of the published
 *   replication at p2 = 0.5 and 0.9 (the whole interval inside the band), nearly flat at
 *   0.80-0.86 (+-0.02) at p2 = 0.1, and falling in p1 for p2 >= 0.5.
 * - Cowan and Jonard (2004): mean knowledge peaks strictly between the regular ring and
 *   the random graph (the peak above both ends, with Welch intervals).
 */
import { describe, expect, it } from 'vitest';
import { COWAN_JONARD_FINDINGS, MARCH_FIGURE1 } from '../../src/models/published';
import { replicate } from '../../src/models/replicate';
import { welchDifference } from '../../src/stats';

/**
 * 2,000 seeds per March point: a standard deviation of about 0.08 per run gives intervals of
 * about +-0.0035. History, since the count was raised after looking: with 400 seeds (+-0.008)
 * the point p2 = 0.5, p1 = 0.5 gave 0.822 (0.813 to 0.831), its upper end 0.0003 above the
 * band around the quoted 0.811 (the replication's own code, run here, gives 0.8207 over 200
 * runs); the issue asks for enough replicates for +-0.01 on each mean, which 400 only just gave.
 */
const MARCH_SEEDS = Array.from({ length: 2000 }, (_, i) => 1 + i);
const march = (p1: number, p2: number) =>
  replicate({ model: 'march-1991', ticks: 1000, march_1991: { socialization_rate: p1, codification_rate: p2 } }, MARCH_SEEDS, ['code_knowledge_final', 'equilibrium_reached']);

describe('March (1991) Figure 1', () => {
  for (const point of MARCH_FIGURE1.points) {
    it(`p2 = ${point.codification}, p1 = ${point.socialization}: code knowledge ${point.value} +- ${MARCH_FIGURE1.tolerance}`, () => {
      const r = march(point.socialization, point.codification);
      expect(r.equilibrium_reached.mean).toBe(1);
      expect(r.code_knowledge_final.ciLow).toBeGreaterThanOrEqual(point.value - MARCH_FIGURE1.tolerance);
      expect(r.code_knowledge_final.ciHigh).toBeLessThanOrEqual(point.value + MARCH_FIGURE1.tolerance);
    });
  }

  it(`p2 = 0.1: nearly flat within ${MARCH_FIGURE1.slowCode.low}-${MARCH_FIGURE1.slowCode.high} (+-${MARCH_FIGURE1.tolerance})`, () => {
    const { low, high } = MARCH_FIGURE1.slowCode;
    for (const p1 of [0.1, 0.5, 0.9]) {
      const r = march(p1, MARCH_FIGURE1.slowCode.codification).code_knowledge_final;
      expect(r.ciLow, `p1 = ${p1}`).toBeGreaterThanOrEqual(low - MARCH_FIGURE1.tolerance);
      expect(r.ciHigh, `p1 = ${p1}`).toBeLessThanOrEqual(high + MARCH_FIGURE1.tolerance);
    }
  });

  for (const p2 of [0.5, 0.9]) {
    it(`p2 = ${p2}: knowledge falls as socialization speeds up (0.1 > 0.5 > 0.9, Welch intervals above 0)`, () => {
      const [slow, mid, fast] = [0.1, 0.5, 0.9].map((p1) => march(p1, p2).code_knowledge_final.values);
      expect(welchDifference(slow, mid).ciLow).toBeGreaterThan(0);
      expect(welchDifference(mid, fast).ciLow).toBeGreaterThan(0);
    });
  }
});

/** 20 seeds per Cowan-Jonard point, the regular ring (1e-4) to the random graph (1) on a log grid. */
const CJ_SEEDS = Array.from({ length: 20 }, (_, i) => 1 + i);
const CJ_P = [0.0001, 0.001, 0.01, 0.03, 0.1, 0.3, 1];

describe(`Cowan and Jonard (2004): ${COWAN_JONARD_FINDINGS[0]}`, () => {
  for (const alpha of [0.25, 0.5]) {
    it(`absorptive capacity ${alpha}: the peak of mean knowledge lies strictly inside (1e-4, 1) and beats both ends`, () => {
      const runs = CJ_P.map((p) =>
        replicate({ model: 'cowan-jonard-2004', ticks: 5000, cowan_jonard_2004: { rewiring_probability: p, absorptive_capacity: alpha } }, CJ_SEEDS, ['mean_knowledge_final', 'frozen']),
      );
      for (const r of runs) expect(r.frozen.mean).toBe(1);
      const means = runs.map((r) => r.mean_knowledge_final.mean);
      const peak = means.indexOf(Math.max(...means));
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThan(CJ_P.length - 1);
      const atPeak = runs[peak].mean_knowledge_final.values;
      expect(welchDifference(atPeak, runs[0].mean_knowledge_final.values).ciLow).toBeGreaterThan(0);
      expect(welchDifference(atPeak, runs[CJ_P.length - 1].mean_knowledge_final.values).ciLow).toBeGreaterThan(0);
    });
  }
});
