/**
 * Paired differences (paired.ts), the Welch difference at another confidence (welch.ts), the
 * one-sample summary and its t half-width (summary.ts) and the Wilson interval's guards
 * (wilson.ts), against R and scipy/statsmodels on the same numbers.
 *
 * Reference values: t quantiles from R 4.x (scipy 1.10's t.ppf is off by ~1e-9 relative:
 * t.ppf(0.95, 4) = 2.13184678133629 against R's qt(0.95, 4) = 2.131846786326649), the rest
 * from /usr/bin/python3 (Debian scipy 1.10.1, statsmodels 0.13.5).
 *   R: d <- c(3,5,4,9) - c(1,2,2,4); h <- qt(0.975, 3) * sd(d) / 2
 *      c(mean(d) - h, mean(d) + h, (mean(d) - h) / 2.25, (mean(d) + h) / 2.25)
 *        # 0.74967063677181667 5.25032936322818333 0.33318694967636298 2.33347971699030365
 *      qt(c(0.975, 0.95), 3)  # 3.1824463052837078 2.3533634348018246
 *      x <- 1:5; mean(x) - qt(0.95, 4) * sd(x) / sqrt(5)  # 1.4925566809376778
 *      a <- c(1,2,3,4,7); b <- c(-2,-1,-3); t.test(a, b, conf.level = 0.9)$conf.int
 *        # 3.0898066856222481 7.7101933143777517; divided by |mean(b)| = 2:
 *        # 1.5449033428111243 3.8550966571888763
 * Python:
 *   z = 1.959963984540054
 *   def am(a, b):  # Agresti-Min interval and exact McNemar p, as documented in paired.ts
 *       n = len(a); oA = sum(x == 1 and y == 0 for x, y in zip(a, b)); oB = sum(x == 0 and y == 1 for x, y in zip(a, b))
 *       pA = (oA + .5) / (n + 2); pB = (oB + .5) / (n + 2); c = pA - pB; h = z * np.sqrt((pA + pB - c * c) / (n + 2))
 *       d = oA + oB; p = 1 if d == 0 else min(1, 2 * stats.binomtest(max(oA, oB), d, 0.5, alternative='greater').pvalue)
 *       return (oA - oB) / n, max(-1, c - h), min(1, c + h), p
 *   am([1,1,0,1,1,0], [0,1,0,0,1,1])  # (0.16666666666666666, -0.3572741202202484, 0.6072741202202484, 1)
 *   am([1,1,1,1,1,0], [0]*6)          # (0.8333333333333334, 0.20958992193151005, 1, 0.0625)
 *   am([1], [0]); am([0], [1])        # (1.0, -0.5101008745877733, 1, 1) (-1.0, -1, 0.5101008745877733, 1)
 *   proportion_confint(3, 10, alpha=2 * stats.norm.sf(1), method='wilson')  # (0.1788208207567646, 0.45754281560687166)
 *   proportion_confint(3, 10, alpha=0.05, method='wilson')                 # (0.10779126740630104, 0.6032218525388546)
 */
import { describe, expect, it } from 'vitest';
import { pairedDifference, pairedShareDifference, summarize, tCritical, tHalfWidth, welchDifference, wilsonInterval } from '../../src/stats';
import { fiellerRatio } from '../../src/stats/paired';

function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('pairedShareDifference (Agresti-Min interval, exact McNemar p)', () => {
  it('counts the discordant pairs and adds half a count to each cell', () => {
    const s = pairedShareDifference([1, 1, 0, 1, 1, 0], [0, 1, 0, 0, 1, 1]);
    expect(s.estimate).toBe(1 / 6);
    expectRel(s.lo, -0.3572741202202484, 1e-14);
    expectRel(s.hi, 0.6072741202202484, 1e-14);
    expectRel(s.p, 1, 1e-14); // 2 P(X >= 2), X ~ Bin(3, 1/2) = 1
  });
  it('gives the exact two-sided binomial p of the discordant counts and clips at 1', () => {
    const s = pairedShareDifference([1, 1, 1, 1, 1, 0], [0, 0, 0, 0, 0, 0]);
    expect(s.estimate).toBe(5 / 6);
    expectRel(s.lo, 0.20958992193151005, 1e-14);
    expect(s.hi).toBe(1);
    expectRel(s.p, 0.0625, 1e-13);
    // the same counts the other way round: the same p, the interval mirrored
    const r = pairedShareDifference([0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 0]);
    expect(r.estimate).toBe(-5 / 6);
    expect(r.lo).toBe(-1);
    expectRel(r.hi, -0.20958992193151005, 1e-14);
    expectRel(r.p, 0.0625, 1e-13);
  });
  it('clips the interval to [-1, 1] for one pair, skips pairs with an undefined side, p = 1 with no discordant pair', () => {
    const a = pairedShareDifference([1, NaN], [0, 1]);
    expect([a.estimate, a.hi, a.p]).toEqual([1, 1, 1]);
    expectRel(a.lo, -0.5101008745877733, 1e-14);
    const b = pairedShareDifference([0, 1], [1, NaN, 1]);
    expect([b.estimate, b.lo, b.p]).toEqual([-1, -1, 1]);
    expectRel(b.hi, 0.5101008745877733, 1e-14);
    const none = pairedShareDifference([1, 0, 1], [1, 0, 1]);
    expect([none.estimate, none.p]).toEqual([0, 1]);
    expect(none.hi).toBeCloseTo(-none.lo, 15);
  });
  it('uses the z it is given', () => {
    const s = pairedShareDifference([1, 1, 0, 1, 1, 0], [0, 1, 0, 0, 1, 1], 1);
    // centre 0.125, half = sqrt((0.3125 + 0.1875 - 0.125^2) / 8) = sqrt(0.060546875)
    expect(s.lo).toBeCloseTo(0.125 - Math.sqrt(0.060546875), 15);
    expect(s.hi).toBeCloseTo(0.125 + Math.sqrt(0.060546875), 15);
  });
});

describe('pairedDifference', () => {
  it('is the t interval of the differences, Cohen d_z and the interval relative to the baseline mean', () => {
    const d = pairedDifference([3, 5, 4, 9], [1, 2, 2, 4]);
    expect([d.n, d.mean, d.baselineMean, d.method]).toEqual([4, 3, 2.25, 'paired_t']);
    expectRel(d.sd, 1.4142135623730951, 1e-15);
    expectRel(d.ciLow, 0.74967063677181667, 1e-13);
    expectRel(d.ciHigh, 5.25032936322818333, 1e-13);
    expectRel(d.dz, 2.1213203435596424, 1e-14);
    expect(d.relMean).toBe(3 / 2.25);
    // Fieller's interval of mean(d) / mean(b), the baseline mean's error included: the rho at
    // which a paired t test of d - rho b reaches its critical value (R 4.2.2, /tmp/fl/ref.R):
    //   d <- c(3,5,4,9) - c(1,2,2,4); b <- c(1,2,2,4); tc <- qt(.975, 3)
    //   g <- function(rho) unname(t.test(d - rho*b)$statistic)^2 - tc^2
    //   uniroot(g, c(est - 10, est), tol = 1e-14)$root; uniroot(g, c(est, est + 10), ...)$root
    // (est = 3 / 2.25). The old interval, the difference's CI over 2.25, was 0.333 to 2.333.
    expectRel(d.relCiLow, 0.97632667512736759, 1e-12);
    expectRel(d.relCiHigh, 3.8266748210481989, 1e-12);
  });
  it('divides by |baseline mean| and pairs only as far as the shorter side', () => {
    const d = pairedDifference([-3, -5, -4, -9, 100], [-1, -2, -2, -4]);
    expect([d.n, d.mean, d.baselineMean]).toEqual([4, -3, -2.25]);
    expect(d.relMean).toBe(-3 / 2.25);
    // The ratio is the same as above (both signs flipped); relative to |mean b| it is negated.
    expectRel(d.relCiLow, -3.8266748210481989, 1e-12);
    expectRel(d.relCiHigh, -0.97632667512736759, 1e-12);
  });
  it('gives no relative interval when the baseline mean is not clearly away from 0 (Fieller set unbounded)', () => {
    const d = pairedDifference([2, 3, 1, 4], [1, -1, 2, -1.5]);
    expect(d.method).toBe('paired_t');
    expect(Number.isFinite(d.ciLow)).toBe(true);
    expect(d.relCiLow).toBeNaN();
    expect(d.relCiHigh).toBeNaN();
    expect(fiellerRatio(1, 0.1, 0.04, 0.04, 0, 10)).toEqual([NaN, NaN]);
  });
  it('pooled over design points: stratified by point, each point with its own variance (Welch-Satterthwaite df)', () => {
    // R 4.2.2 (/tmp/fl/ref.R): w_p = n_p / N; mean = sum w_p mean_p; var = sum w_p^2 s_p^2 / n_p;
    // df = var^2 / sum (w_p^2 s_p^2 / n_p)^2 / (n_p - 1); CI mean -/+ qt(.975, df) sqrt(var);
    // p = 2 pt(-|mean| / sqrt(var), df); d_z = mean / summary(lm(D ~ factor(st)))$sigma;
    // Fieller: uniroot of the same stratified t of D - rho b against qt(.975, df).
    const tr = [3, 5, 4, 9, 10, 14, 11, 13, 12];
    const ba = [1, 2, 2, 4, 9, 10, 10, 12, 11];
    const st = [1, 1, 1, 1, 2, 2, 2, 2, 2];
    const d = pairedDifference(tr, ba, { strata: st });
    expect(d.method).toBe('paired_t_by_point');
    expectRel(d.mean, 2.2222222222222223, 1e-15);
    expectRel(d.ciLow, 1.1373487554434223, 1e-12);
    expectRel(d.ciHigh, 3.3070956890010224, 1e-12);
    expectRel(d.p, 0.0018926522414369727, 1e-9);
    expectRel(d.dz, 1.6182646250098205, 1e-12);
    expectRel(d.relCiLow, 0.17460180647231383, 1e-12);
    expectRel(d.relCiHigh, 0.47818827151754889, 1e-12);
    // Unstratified, the same pairs give the paired t interval 1.0835 to 3.3609 (t.test(D)).
    const flat = pairedDifference(tr, ba);
    expect(flat.method).toBe('paired_t');
    expectRel(flat.ciLow, 1.0835437177317597, 1e-12);
  });
  it('a point with one pair: every point takes the pooled within-point variance (lm(D ~ point)), df N - P', () => {
    const d = pairedDifference([3, 5, 4, 9, 10], [1, 2, 2, 4, 9], { strata: [1, 1, 1, 1, 2] });
    // R 4.2.2: D <- c(2,3,2,5,1); st <- c(1,1,1,1,2); s2 <- summary(lm(D ~ factor(st)))$sigma^2
    //    (2, df 3); mean(D) -/+ qt(.975, 3) * sqrt(s2 / 5): 0.58724422882318672 4.61275577117681301
    expect(d.method).toBe('paired_t_by_point');
    expectRel(d.ciLow, 0.58724422882318672, 1e-12);
    expectRel(d.ciHigh, 4.61275577117681301, 1e-12);
  });
  it('a 0/1 outcome by its unit gets the paired-share interval; another outcome whose values happen to be 0 or 1 keeps t', () => {
    expect(pairedDifference([0, 1, 0, 1], [0, 0, 0, 1]).method).toBe('paired_share');
    expect(pairedDifference([0, 1, 0, 1], [0, 0, 0, 1], { binary: true }).method).toBe('paired_share');
    expect(pairedDifference([0, 1, 0, 1], [0, 0, 0, 1], { binary: false }).method).toBe('paired_t');
    // Differences identically 0 of a continuous outcome (a policy cost of 0 in both arms): no interval.
    expect(pairedDifference([0, 0, 0], [0, 0, 0], { binary: false }).method).toBe('paired_all_equal');
  });
  it('switches to the paired-share interval when every value is 0 or 1', () => {
    const d = pairedDifference([1, 1, 0, 1, 1, 0], [0, 1, 0, 0, 1, 1]);
    expect(d.method).toBe('paired_share');
    expect(d.mean).toBeCloseTo(1 / 6, 15);
    expectRel(d.ciLow, -0.3572741202202484, 1e-14);
    expectRel(d.ciHigh, 0.6072741202202484, 1e-14);
    expect(d.baselineMean).toBe(0.5);
    // rel_*: the Bonett-Price interval of the ratio of paired shares, minus 1 (cells both 2,
    // only A 2, only B 1; R formula in paired-clustered.test.ts: bp(2, 2, 1) = 1.3333
    // 0.48375735109860418 3.6749369776820484), not the Agresti-Min interval over the share
    expectRel(d.relCiLow, 0.48375735109860418 - 1, 1e-12);
    expectRel(d.relCiHigh, 3.6749369776820484 - 1, 1e-12);
    // one value outside {0, 1} on either side: the t interval
    expect(pairedDifference([1, 1, 0, 1, 1, 2], [0, 1, 0, 0, 1, 1]).method).toBe('paired_t');
    expect(pairedDifference([1, 1, 0, 1, 1, 0], [0, 1, 0, 0.5, 1, 1]).method).toBe('paired_t');
    // an undefined value does not stop the share interval
    expect(pairedDifference([1, NaN, 0, 1], [0, 1, 0, 0]).method).toBe('paired_share');
  });
  it('has no d_z for one pair or no spread, no relative values against a zero or undefined baseline, no share interval for no pairs', () => {
    const one = pairedDifference([3], [1]);
    expect([one.n, one.mean]).toEqual([1, 2]);
    expect(one.dz).toBeNaN();
    const flat = pairedDifference([2, 3, 4], [1, 2, 3]);
    expect([flat.mean, flat.sd, flat.method]).toEqual([1, 0, 'paired_all_equal']);
    expect([flat.ciLow, flat.ciHigh].every(Number.isNaN)).toBe(true);
    expect(flat.dz).toBeNaN();
    const zero = pairedDifference([1, 2, 4], [-1, 0, 1]);
    expect(zero.baselineMean).toBe(0);
    expect([zero.relMean, zero.relCiLow, zero.relCiHigh].every(Number.isNaN)).toBe(true);
    const empty = pairedDifference([NaN, 1], [0, NaN]);
    expect([empty.n, empty.method]).toEqual([0, 'paired_t']);
    expect([empty.mean, empty.baselineMean, empty.relMean, empty.ciLow].every(Number.isNaN)).toBe(true);
  });
});

describe('summarize, tCritical, tHalfWidth', () => {
  it('takes the confidence level it is given', () => {
    expectRel(tCritical(3), 3.1824463052837078, 1e-13);
    expectRel(tCritical(3, 0.9), 2.3533634348018246, 1e-13);
    expectRel(tHalfWidth(2, 4, 0.9), 2.3533634348018246, 1e-13);
    expectRel(tHalfWidth(2, 4), 3.1824463052837078, 1e-13);
    expectRel(summarize([1, 2, 3, 4, 5], 0.9).ciLow, 1.4925566809376778, 1e-13);
  });
  it('has no half-width below two values and nothing for an empty sample', () => {
    expect(tHalfWidth(1, 1)).toBeNaN();
    expect(tHalfWidth(1, 0)).toBeNaN();
    const s = summarize([NaN, Infinity, -Infinity]);
    expect(s.n).toBe(0);
    expect([s.mean, s.sd, s.ciLow, s.ciHigh].every(Number.isNaN)).toBe(true);
    const one = summarize([4]);
    expect([one.n, one.mean]).toEqual([1, 4]);
    expect([one.sd, one.ciLow, one.ciHigh].every(Number.isNaN)).toBe(true);
  });
});

describe('wilsonInterval guards', () => {
  it('is undefined for n <= 0 and takes the z it is given', () => {
    for (const n of [0, -1]) {
      const w = wilsonInterval(0, n);
      expect([w.n, w.successes]).toEqual([n, 0]);
      expect([w.share, w.ciLow, w.ciHigh].every(Number.isNaN)).toBe(true);
    }
    const w1 = wilsonInterval(3, 10, 1);
    expectRel(w1.ciLow, 0.1788208207567646, 1e-14);
    expectRel(w1.ciHigh, 0.45754281560687166, 1e-14);
    const w = wilsonInterval(3, 10);
    expect([w.n, w.successes, w.share]).toEqual([10, 3, 0.3]);
    expectRel(w.ciLow, 0.10779126740630104, 1e-13);
    expectRel(w.ciHigh, 0.6032218525388546, 1e-13);
  });
});

describe('welchDifference at another confidence, against a negative reference mean', () => {
  it('uses the Welch-Satterthwaite df and divides by |mean(b)|', () => {
    const d = welchDifference([1, 2, 3, 4, 7], [-2, -1, -3], 0.9);
    expect([d.difference, d.reference]).toEqual([5.4, -2]);
    expectRel(d.ciLow, 3.0898066856222486, 1e-13);
    expectRel(d.ciHigh, 7.7101933143777526, 1e-13);
    expectRel(d.relMean, 2.7, 1e-15);
    expectRel(d.relCiLow, 1.5449033428111243, 1e-13);
    expectRel(d.relCiHigh, 3.8550966571888763, 1e-13);
  });
});

describe('two values: the smallest sample with a spread', () => {
  it('summarize, tHalfWidth and pairedDifference use n = 2 (R: t.test(c(1, 3))$conf.int = -10.706204736174694 14.706204736174694)', () => {
    const s = summarize([1, 3]);
    expect([s.n, s.mean]).toEqual([2, 2]);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 15);
    expectRel(s.ciLow, -10.706204736174694, 1e-13);
    expectRel(s.ciHigh, 14.706204736174694, 1e-13);
    expectRel(tHalfWidth(Math.SQRT2, 2), 12.706204736174694, 1e-13);
    const d = pairedDifference([2, 5], [1, 2]);
    expect(d.dz).toBeCloseTo(2 / Math.SQRT2, 15);
  });
  it('welchDifference leaves out non-finite values on each side; too few gives every field NaN', () => {
    const d = welchDifference([1, 2, 3, 4, NaN, Infinity], [0, 1, 2, -Infinity]);
    const ref = welchDifference([1, 2, 3, 4], [0, 1, 2]);
    expect(d).toEqual(ref);
    const none = welchDifference([1], [0, 1, 2]);
    expect(Object.keys(none).sort()).toEqual(['ciHigh', 'ciLow', 'difference', 'reference', 'relCiHigh', 'relCiLow', 'relMean']);
    expect(Object.values(none).every(Number.isNaN)).toBe(true);
  });
});

describe('pairedDifference with strata of one pair each', () => {
  it('pools them as one sample (a continuous design with one replicate per point): the plain paired t', () => {
    const tr = [3, 5, 4, 9];
    const ba = [1, 2, 2, 4];
    const one = pairedDifference(tr, ba, { strata: [0, 1, 2, 3] });
    const plain = pairedDifference(tr, ba);
    expect(one.method).toBe('paired_t');
    expect([one.ciLow, one.ciHigh, one.p, one.relCiLow]).toEqual([plain.ciLow, plain.ciHigh, plain.p, plain.relCiLow]);
  });
});
