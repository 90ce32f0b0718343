/**
 * Intervals of bounded means (src/stats/bounded-interval.ts) against R on the same numbers.
 * References: R 4.2.2 with Debian's r-cran-survey 4.1-1 (survey::svyciprop, method "beta",
 * is Korn & Graubard's interval with degrees-of-freedom factor 1), produced by:
 *
 *   library(survey)
 *   kg <- function(x, a, b, adj = TRUE) {
 *     n <- length(x); y <- (x - a) / (b - a); p <- mean(y); ne <- p * (1 - p) / (var(y) / n)
 *     if (adj) ne <- ne * (qnorm(0.975) / qt(0.975, n - 1))^2
 *     a + (b - a) * c(qbeta(0.025, ne * p, ne * (1 - p) + 1), qbeta(0.975, ne * p + 1, ne * (1 - p)))
 *   }
 *   svy <- function(x, a, b) {
 *     d <- svydesign(ids = ~1, data = data.frame(y = (x - a) / (b - a)))
 *     a + (b - a) * as.numeric(attr(svyciprop(~y, d, method = "beta"), "ci"))
 *   }
 *   A <- c(rep(1, 98), 0.933333, 0.933333)        # on [-1, 1]
 *   B <- c(0.1, 0.2, 0.05, 0, 0, 0, 0.3, 0)        # on [0, 1]
 *   C <- c(1, 1, 1, 0.95, 1, 0.9, 1, 1, 0.98, 1, 1, 1, 0.85, 1, 1, 1, 0.99, 1, 1, 1)  # on [0, 1]
 *   D <- c(0, 0, 0, 1, 2, 0, 0, 5)                 # on [0, Inf)
 *   kg(A, -1, 1); kg(A, -1, 1, FALSE); svy(A, -1, 1)
 *   #  0.995146725509436 0.999842323319798 | 0.995213154875527 0.999836091025504 (both)
 *   kg(B, 0, 1); svy(B, 0, 1)
 *   #  0.0144650465251312 0.233635453027855 | 0.021523082818556 0.199397519947562
 *   kg(C, 0, 1); svy(C, 0, 1)
 *   #  0.952302170785859 0.99662342305665 | 0.955124529088401 0.996128297395548
 *   m <- mean(D); f <- exp(qt(0.975, 7) * sd(D) / sqrt(8) / m); c(m / f, m * f)
 *   #  0.227158632149311 4.40220999104582
 *   -1 + 2 * binom.test(100, 100)$conf.int[1]      # 0.927566614709647
 *   binom.test(3, 3)$conf.int[1]; binom.test(0, 20)$conf.int[2]   # 0.292401773821287 0.168433470983085
 *   binom.test(0, 8)$conf.int[2]                  # 0.369416647552819
 *   qbeta(0.025, 3, 8); qbeta(0.025, 2999.5, 1.5); qbeta(0.975, 1e5, 2); qbeta(0.975, 0.5, 40)
 *   #  0.0667395111777345 0.998443016215812 0.999997577922258 0.0612350915382757
 */
import { describe, expect, it } from 'vitest';
import { sampleStandardDeviation, mean } from 'simple-statistics';
import { betaQuantile } from '../../src/stats/beta-quantile';
import { kornGraubard, meanInterval, summarizeBounded } from '../../src/stats/bounded-interval';
import { outcomeRange } from '../../src/stats/outcome-range';
import { SeriesAccumulator } from '../../src/stats/series-band';
import { summarize } from '../../src/stats/summary';

const A = [...Array<number>(98).fill(1), 0.933333, 0.933333];
const B = [0.1, 0.2, 0.05, 0, 0, 0, 0.3, 0];
const C = [1, 1, 1, 0.95, 1, 0.9, 1, 1, 0.98, 1, 1, 1, 0.85, 1, 1, 1, 0.99, 1, 1, 1];
const D = [0, 0, 0, 1, 2, 0, 0, 5];

/** The share scale of a sample on [a, b]: p and its standard error. */
const share = (x: number[], a: number, b: number) => {
  const y = x.map((v) => (v - a) / (b - a));
  return [mean(y), sampleStandardDeviation(y) / Math.sqrt(y.length)] as const;
};

describe('betaQuantile', () => {
  it('matches R qbeta, with whole, fractional and large shape parameters', () => {
    expect(betaQuantile(0.025, 3, 8)).toBeCloseTo(0.0667395111777345, 13);
    expect(betaQuantile(0.025, 2999.5, 1.5)).toBeCloseTo(0.998443016215812, 13);
    expect(betaQuantile(0.975, 1e5, 2)).toBeCloseTo(0.999997577922258, 13);
    expect(betaQuantile(0.975, 0.5, 40)).toBeCloseTo(0.0612350915382757, 13);
  });
  it('is 0 and 1 at p = 0 and 1, NaN for shapes that are not positive or p outside [0, 1]', () => {
    expect(betaQuantile(0, 3, 8)).toBe(0);
    expect(betaQuantile(1, 3, 8)).toBe(1);
    // Beta(1, 1) is uniform: the quantile is p itself
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 15);
    for (const [p, a, b] of [[0.5, 0, 1], [0.5, 1, 0], [0.5, -1, 1], [0.5, NaN, 1], [0.5, 1, NaN], [-0.1, 1, 1], [1.1, 1, 1], [NaN, 1, 1]]) expect(betaQuantile(p, a, b)).toBeNaN();
  });
});

describe('kornGraubard', () => {
  it('with factor 1 is survey::svyciprop(method = "beta") on the same numbers', () => {
    const [pA, seA] = share(A, -1, 1);
    expect(kornGraubard(pA, seA, 1).map((v) => -1 + 2 * v)).toEqual([expect.closeTo(0.995213154875527, 11), expect.closeTo(0.999836091025504, 11)]);
    const [pB, seB] = share(B, 0, 1);
    expect(kornGraubard(pB, seB, 1)).toEqual([expect.closeTo(0.021523082818556, 11), expect.closeTo(0.199397519947562, 11)]);
    const [pC, seC] = share(C, 0, 1);
    expect(kornGraubard(pC, seC, 1)).toEqual([expect.closeTo(0.955124529088401, 11), expect.closeTo(0.996128297395548, 11)]);
  });
});

describe('meanInterval and summarizeBounded', () => {
  it('near a bound: Korn-Graubard with the (z / t_{n-1})^2 factor, as R computes it', () => {
    const a = summarizeBounded(A, [-1, 1]);
    expect(a.interval).toBe('korn_graubard');
    expect([a.ciLow, a.ciHigh]).toEqual([expect.closeTo(0.995146725509436, 11), expect.closeTo(0.999842323319798, 11)]);
    // The t interval this replaces leaves the range: 0.99681 to 1.00053.
    const t = summarize(A);
    expect(t.ciHigh).toBeGreaterThan(1);
    const b = summarizeBounded(B, [0, 1]);
    expect([b.interval, b.ciLow, b.ciHigh]).toEqual(['korn_graubard', expect.closeTo(0.0144650465251312, 11), expect.closeTo(0.233635453027855, 11)]);
    const c = summarizeBounded(C, [0, 1]);
    expect([c.interval, c.ciLow, c.ciHigh]).toEqual(['korn_graubard', expect.closeTo(0.952302170785859, 11), expect.closeTo(0.99662342305665, 11)]);
  });

  // R: kg at another level, z and t of that level in the factor (qnorm(1 - al/2) / qt(1 - al/2, n - 1))^2
  //   and qbeta(al/2, ...), qbeta(1 - al/2, ...):  kg(B, 0, 1, 0.9)  # 0.0215228024467792 0.2008176098495457
  //   kg(C, 0, 1, 0.99)  # 0.938030244913775 0.998387629185031
  // (Before the fix the normal quantile of a level other than 95 % was Student's t at df 1e12,
  // 1.64566 for 1.64485, and these failed at the 4th digit.)
  it('near a bound at 90 % and 99 %: the factor takes z and t of that level', () => {
    const b = summarizeBounded(B, [0, 1], 0.9);
    expect([b.interval, b.ciLow, b.ciHigh]).toEqual(['korn_graubard', expect.closeTo(0.0215228024467792, 11), expect.closeTo(0.2008176098495457, 11)]);
    const c = summarizeBounded(C, [0, 1], 0.99);
    expect([c.interval, c.ciLow, c.ciHigh]).toEqual(['korn_graubard', expect.closeTo(0.938030244913775, 11), expect.closeTo(0.998387629185031, 11)]);
  });

  it('every run at a bound: the exact one-sided Clopper-Pearson interval of n of n', () => {
    expect(meanInterval(100, 1, 0, [-1, 1])).toEqual({ ciLow: expect.closeTo(0.927566614709647, 12), ciHigh: 1, interval: 'clopper_pearson_at_bound' });
    expect(summarizeBounded([1, 1, 1], [0, 1])).toEqual({ n: 3, mean: 1, sd: 0, ciLow: expect.closeTo(0.292401773821287, 12), ciHigh: 1, interval: 'clopper_pearson_at_bound' });
    expect(summarizeBounded(Array<number>(20).fill(0), [0, 1])).toEqual({ n: 20, mean: 0, sd: 0, ciLow: 0, ciHigh: expect.closeTo(0.168433470983085, 12), interval: 'clopper_pearson_at_bound' });
    // A continuous share at 0 in all 8 runs (structural-shock's closed region, external_tie_share_final):
    // the same interval, by Markov's inequality, whatever the share's distribution.
    expect(summarizeBounded(Array<number>(8).fill(0), [0, 1])).toEqual({ n: 8, mean: 0, sd: 0, ciLow: 0, ciHigh: expect.closeTo(0.369416647552819, 12), interval: 'clopper_pearson_at_bound' });
  });

  it('every run the same inside the range, or at the bound of a half-open range: no interval', () => {
    // 100 copies of 0.866667 sum to a float that misses 86.6667 x 100: still all equal.
    const same = summarizeBounded(Array<number>(100).fill(0.866667), [-1, 1]);
    expect(same).toEqual({ n: 100, mean: 0.866667, sd: 0, ciLow: NaN, ciHigh: NaN, interval: 'all_equal' });
    // Three copies of 0.1: their mean by summation is 0.10000000000000002 with an sd of 1.7e-17,
    // which would print a t interval of zero width; the copies are recognised as equal.
    expect(summarize([0.1, 0.1, 0.1]).mean).not.toBe(0.1);
    expect(summarizeBounded([0.1, 0.1, 0.1], [0, 1])).toEqual({ n: 3, mean: 0.1, sd: 0, ciLow: NaN, ciHigh: NaN, interval: 'all_equal' });
    expect(summarizeBounded([0, 0, 0], [0, Infinity]).interval).toBe('all_equal');
    expect(summarizeBounded([4, 4], [-Infinity, Infinity]).interval).toBe('all_equal');
  });

  it('a range open on one side: t on the log of the distance to the bound (delta method)', () => {
    const d = summarizeBounded(D, [0, Infinity]);
    expect([d.interval, d.ciLow, d.ciHigh]).toEqual(['log_t', expect.closeTo(0.227158632149311, 12), expect.closeTo(4.40220999104582, 12)]);
    // Mirrored for a range open below.
    const m = summarizeBounded(D.map((v) => -v), [-Infinity, 0]);
    expect([m.interval, m.ciLow, m.ciHigh]).toEqual(['log_t', expect.closeTo(-4.40220999104582, 12), expect.closeTo(-0.227158632149311, 12)]);
    // A mean 2 from its bound (above, the distance was 1, where d and 1 / d agree). R 4.2.2:
    // x <- 2 * c(0,0,0,1,2,0,0,5); m <- mean(x); se <- sd(x) / sqrt(8); t <- qt(0.975, 7)
    // print(c(m * exp(-t * se / m), m * exp(t * se / m)), digits = 15) -> 0.454317264298622 8.804419982091648
    const two = summarizeBounded(D.map((v) => 2 * v), [0, Infinity]);
    expect([two.interval, two.ciLow, two.ciHigh]).toEqual(['log_t', expect.closeTo(0.454317264298622, 12), expect.closeTo(8.804419982091648, 12)]);
  });

  it('keeps the t interval when the bounds lie beyond two half-widths, and for unbounded outcomes', () => {
    const x = [0.4, 0.5, 0.45, 0.55, 0.6, 0.5];
    expect(summarizeBounded(x, [0, 1])).toEqual({ ...summarize(x), interval: 't' });
    expect(summarizeBounded(D, [-Infinity, Infinity])).toEqual({ ...summarize(D), interval: 't' });
    // Just inside the two-half-width margin the bounded interval takes over.
    const s = summarize(x);
    const half = s.ciHigh - s.mean;
    expect(meanInterval(6, s.mean, s.sd, [s.mean - 2.01 * half, s.mean + 10]).interval).toBe('t');
    expect(meanInterval(6, s.mean, s.sd, [s.mean - 1.99 * half, s.mean + 10]).interval).toBe('korn_graubard');
  });

  it('gives no interval for one run', () => {
    expect(summarizeBounded([0.5], [0, 1])).toEqual({ n: 1, mean: 0.5, sd: NaN, ciLow: NaN, ciHigh: NaN, interval: 't' });
  });
});

describe('outcomeRange', () => {
  it('reads the range from the unit in the data dictionary', () => {
    expect(outcomeRange('lock_in_index_final')).toEqual([0, 1]);
    expect(outcomeRange('external_tie_share')).toEqual([0, 1]);
    expect(outcomeRange('code_knowledge_final')).toEqual([-1, 1]);
    expect(outcomeRange('member_knowledge_mean')).toEqual([-1, 1]);
    expect(outcomeRange('exits_total')).toEqual([0, Infinity]);
    expect(outcomeRange('flow_tacit_pipeline')).toEqual([0, Infinity]);
    expect(outcomeRange('partner_distance')).toEqual([0, 1]);
    expect(outcomeRange('peak_tick')).toEqual([-Infinity, Infinity]);
    expect(outcomeRange('no_such_outcome')).toEqual([-Infinity, Infinity]);
  });
});

describe('SeriesAccumulator.band with a range', () => {
  it('gives each tick the interval summarizeBounded gives its values', () => {
    const acc = new SeriesAccumulator();
    const runs = A.map((v, i) => [1, v, B[i % B.length]]);
    for (const r of runs) acc.add([0, 1, 2], r);
    const band = acc.band([-1, 1]);
    for (let k = 0; k < 3; k++) {
      const s = summarizeBounded(runs.map((r) => r[k]), [-1, 1]);
      expect(band.interval[k]).toBe(s.interval);
      expect(band.ciLow[k]).toBeCloseTo(s.ciLow, 10);
      expect(band.ciHigh[k]).toBeCloseTo(s.ciHigh, 10);
    }
    expect(band.interval).toEqual(['clopper_pearson_at_bound', 'korn_graubard', 't']);
  });
});

describe('summarizeBounded on a large sample', () => {
  it('handles 300,000 runs (no spread of the values into Math.min)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => (i % 2 === 0 ? 1 : 0.5));
    const s = summarizeBounded(values, [0, 1]);
    expect(s.n).toBe(300_000);
    expect(s.mean).toBeCloseTo(0.75, 12);
    expect(s.interval).toBe('t');
  });
});

describe('SeriesAccumulator moments', () => {
  it("Welford's per-tick mean and sd equal numpy's, skipping a missing value", () => {
    // python3 -c "import numpy as np; a=np.array([[0.2,1.5,3.0],[0.4,2.5,2.0],[0.9,0.5,5.0],[0.3,4.5,1.0]]);
    //   print(a.mean(0).tolist(), a.std(0,ddof=1).tolist())"
    // -> [0.45, 2.25, 2.75] [0.3109126351029605, 1.707825127659933, 1.707825127659933]
    const acc = new SeriesAccumulator();
    for (const run of [[0.2, 1.5, 3.0], [0.4, 2.5, 2.0], [0.9, 0.5, 5.0], [0.3, 4.5, 1.0]]) acc.add([10, 20, 30], run);
    acc.add([10, 20, 30], [NaN, NaN, NaN]); // a run without values at these ticks counts for nothing
    const band = acc.band();
    expect(band.tick).toEqual([10, 20, 30]);
    expect(band.n).toEqual([4, 4, 4]);
    [0.45, 2.25, 2.75].forEach((m, k) => expect(band.mean[k]).toBeCloseTo(m, 12));
    [0.3109126351029605, 1.707825127659933, 1.707825127659933].forEach((s, k) => expect(band.sd[k]).toBeCloseTo(s, 12));
    expect(band.interval).toEqual(['t', 't', 't']);
  });
});

describe('SeriesAccumulator with runs of different lengths', () => {
  it('a tick first seen in a later run, a tick with one value and one with none', () => {
    // R: t.test(c(1, 3, 5))$conf.int   # -1.9682754235006596 7.9682754235006596
    const acc = new SeriesAccumulator();
    acc.add([0, 1], [1, 2]);
    acc.add([0, 1], [3, NaN]);
    acc.add([0, 1, 2], [5, NaN, 7]);
    acc.add([0, 1, 2, 3], [NaN, NaN, NaN, Infinity]);
    const band = acc.band();
    expect(band.tick).toEqual([0, 1, 2, 3]);
    expect(band.n).toEqual([3, 1, 1, 0]);
    expect(band.mean.slice(0, 3)).toEqual([3, 2, 7]);
    expect(band.mean[3]).toBeNaN();
    expect(band.sd[0]).toBe(2);
    expect(band.sd.slice(1).every(Number.isNaN)).toBe(true);
    expect(band.ciLow[0]).toBeCloseTo(-1.9682754235006596, 12);
    expect(band.ciHigh[0]).toBeCloseTo(7.9682754235006596, 12);
    expect([...band.ciLow.slice(1), ...band.ciHigh.slice(1)].every(Number.isNaN)).toBe(true);
    expect(band.interval).toEqual(['t', 't', 't', 't']);
    // two values: the smallest n with an sd
    acc.add([0, 1], [NaN, 4]);
    const two = acc.band();
    expect([two.n[1], two.mean[1], two.sd[1]]).toEqual([2, 3, Math.SQRT2]);
    expect(new SeriesAccumulator().band()).toEqual({ tick: [], n: [], mean: [], sd: [], ciLow: [], ciHigh: [], interval: [] });
  });
});

describe('meanInterval guards', () => {
  it('keeps the t interval for a mean outside its range, and near the upper bound takes the bounded one', () => {
    const out = [1.2, 1.3, 1.1];
    expect(summarizeBounded(out, [0, 1])).toEqual({ ...summarize(out), interval: 't' });
    expect(summarizeBounded(out.map((v) => -v), [-1, 1]).interval).toBe('t');
    const x = [0.4, 0.5, 0.45, 0.55, 0.6, 0.5];
    const s = summarize(x);
    const half = s.ciHigh - s.mean;
    expect(meanInterval(6, s.mean, s.sd, [s.mean - 10, s.mean + 2.01 * half]).interval).toBe('t');
    expect(meanInterval(6, s.mean, s.sd, [s.mean - 10, s.mean + 1.99 * half]).interval).toBe('korn_graubard');
  });
  it('no interval for a non-finite mean or fewer than two runs; at the bound of a range open on the other side none either', () => {
    expect(meanInterval(5, NaN, 1, [0, 1])).toEqual({ ciLow: NaN, ciHigh: NaN, interval: 't' });
    expect(meanInterval(1, 0.5, 0, [0, 1])).toEqual({ ciLow: NaN, ciHigh: NaN, interval: 't' });
    expect(summarizeBounded([0, 0], [-Infinity, 0]).interval).toBe('all_equal');
  });
  it('the n-of-n Clopper-Pearson bound at another level: (alpha / 2)^(1/n) (R: binom.test(3, 3, conf.level = 0.9)$conf.int[1] = 0.3684031498640386)', () => {
    expect(meanInterval(3, 1, 0, [0, 1], 0.9).ciLow).toBeCloseTo(0.3684031498640386, 14);
    expect(meanInterval(3, 0, 0, [0, 1], 0.9).ciHigh).toBeCloseTo(1 - 0.3684031498640386, 14);
  });
});
