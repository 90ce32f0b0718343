/**
 * Paired differences pooled over the sampled points of a continuous design (LHS, Sobol) with
 * several seeds per point: the design point is the unit (pairedDifference's `clusters`), and
 * the relative change of a 0/1 outcome (pairedShareRatio, the Bonett-Price interval of the
 * ratio of paired shares), against R 4.2.2 with sandwich and clubSandwich.
 *
 * R (/tmp/fix8arms/r/ref.R):
 *   library(clubSandwich)
 *   cl <- c(1,1,1, 2,2, 3,3,3,3, 4, 5,5)
 *   b <- c(10, 11, 9, 14, 15, 8, 9, 7, 8.5, 12, 11, 10.5)
 *   d <- c(1.2, 0.8, 1.5, -0.3, 0.2, 2.1, 1.7, 2.4, 1.9, 0.5, 0.9, 1.4)
 *   ct <- coef_test(lm(d ~ 1), vcov = "CR2", cluster = cl, test = "Satterthwaite")
 *     # est 1.1916666666666671, SE 0.41335960327076188, df 3.2868525896414336, p 0.056800351276683016
 *   ct$beta + c(-1, 1) * qt(.975, ct$df_Satt) * ct$SE  # -0.061205205312955924 2.4445385386462899
 *   mean(d) / sd(d)                                     # d_z 1.48231937789818
 *   g <- function(rho) { f <- coef_test(lm(I(d - rho * b) ~ 1), vcov = "CR2", cluster = cl, test = "Satterthwaite")
 *                        f$tstat^2 - qt(.975, f$df_Satt)^2 }
 *   r0 <- mean(d) / mean(b); uniroot(g, c(r0 - 1, r0), tol = 1e-15)$root; uniroot(g, c(r0, r0 + 1), tol = 1e-15)$root
 *     # Fieller with the CR2 t: -0.0043571579149439743 0.36138713717507298
 *   t.test(d)$conf.int  # the old route, pairs as independent: 0.68088006514768284 1.70245326818565035
 *   cl2 <- rep(1:4, each = 3); d2 <- c(1.2, 0.8, 1.5, -0.3, 0.2, 0.1, 2.1, 1.7, 2.4, 0.5, 0.9, 1.4)
 *   t.test(tapply(d2, cl2, mean))  # balanced: CI -0.30948561465786306 2.3928189479911963, p 0.091394509927651121, df 3
 *
 * R (/tmp/fix8arms/r/share.R), 0/1 outcomes clustered by point (Rao-Scott design effect on the
 * Agresti-Min interval, Durkalski's clustered McNemar p):
 *   am <- function(oA, oB, n, z) { nA <- n + 2; pA <- (oA + .5) / nA; pB <- (oB + .5) / nA; c0 <- pA - pB
 *     h <- z * sqrt((pA + pB - c0^2) / nA); c(max(-1, c0 - h), min(1, c0 + h)) }
 *   clustered <- function(A, B, cl) { d <- A - B; n <- length(d); oA <- sum(d == 1); oB <- sum(d == -1)
 *     vN <- sandwich::vcovHC(lm(d ~ 1), type = "HC0")[1, 1]
 *     vC <- as.matrix(clubSandwich::vcovCR(lm(d ~ 1), cluster = cl, type = "CR2"))[1, 1]
 *     deff <- if (vN > 0) max(1, vC / vN) else n / length(unique(cl))
 *     df <- coef_test(lm(d ~ 1), vcov = "CR2", cluster = cl, test = "Satterthwaite")$df_Satt
 *     Bg <- tapply(d, cl, sum); den <- sum(Bg^2); p <- if (den > 0) pf(sum(d)^2 / den, 1, df, lower.tail = FALSE) else 1
 *     # (Durkalski's statistic referred to F(1, df), the interval's df; the first version used
 *     #  pchisq(., 1): 0.43857802608099994 and 0.52708925686553809 below)
 *     c(mean(d), deff, df, am(oA / deff, oB / deff, n / deff, qt(.975, df)), p) }
 *   clustered(c(1,1,1,0, 0,0,1, 1,1,1,1,0, 0,0, 1,0,0), c(0,0,1,0, 0,1,1, 0,0,0,1,0, 0,1, 1,0,0),
 *             c(1,1,1,1, 2,2,2, 3,3,3,3,3, 4,4, 5,5,5))
 *     # 0.17647058823529413, deff 2.1324442224442217, df 3.6156659939455107,
 *     # -0.44598434393518482 0.72813959791406246, p 0.48609628786126163
 *   clb <- rep(1:4, each = 3); db <- c(1,1,0, 0,0,1, 1,1,1, 0,0,0) - c(0,0,0, 0,1,1, 0,0,1, 0,1,0)
 *   vcovCR(lm(db ~ 1), cluster = clb, type = "CR2"); vcovCL(lm(db ~ 1), cluster = clb, type = "HC0")  # both 0.0833333
 *   clustered(...)  # deff 2.1176470588235294, df 3, -0.6771066348775735 0.92348344647177638, p 0.57200338070064105
 *   clustered(c(1,0,0,1,1,0), c(1,0,0,1,1,0), c(1,1,2,2,3,3))  # no discordant pair: deff 2 (n_eff = 3 points), df 2,
 *     # -0.86053054594989242 0.86053054594989242, p 1
 *
 * Bonett & Price (2006) hybrid Wilson score interval of the ratio of paired shares, as in
 * Fagerland, Lydersen & Laake (2014) (cells n11 both 1, n12 only A, n21 only B):
 *   bp <- function(n11, n12, n21) { ns <- n11 + n12 + n21; n1 <- n11 + n12; n2 <- n11 + n21
 *     a <- sqrt((n12 + n21 + 2) / ((n1 + 1) * (n2 + 1))); b <- sqrt((1 - (n1 + 1) / (ns + 2)) / (n1 + 1))
 *     c <- sqrt((1 - (n2 + 1) / (ns + 2)) / (n2 + 1)); zz <- a / (b + c) * z
 *     w <- function(x) (2 * x + zz^2 + c(-1, 1) * zz * sqrt(zz^2 + 4 * x * (1 - x / ns))) / (2 * (ns + zz^2))
 *     l <- w(n1); u <- w(n2); c(n1 / n2, l[1] / u[2], l[2] / u[1]) }
 *   bp(59, 6, 16)  # 0.8667 0.75790284725872481 0.99103877736812995 (published for Cavo et al. 2012: 0.7579 to 0.9910)
 *   bp(0, 1, 2)    # 0.5 0.065520955706742795 3.8155731598138516; the old rel (Agresti-Min / share): -1.8218 to 1.0718
 *   bp(0, 0, 3)    # 0 0 1.280486273564708
 */
import { describe, expect, it } from 'vitest';
import { clusteredShareDifference, pairedDifference, pairedShareRatio } from '../../src/stats/paired';

function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const CL = [1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 5, 5];
const B = [10, 11, 9, 14, 15, 8, 9, 7, 8.5, 12, 11, 10.5];
const D = [1.2, 0.8, 1.5, -0.3, 0.2, 2.1, 1.7, 2.4, 1.9, 0.5, 0.9, 1.4];
const T = B.map((b, i) => b + D[i]);

describe('pairedDifference clustered by sampled design point', () => {
  it('is the CR2 t with Satterthwaite df over the points (clubSandwich), not the t of independent pairs', () => {
    const d = pairedDifference(T, B, { clusters: CL });
    expect(d.method).toBe('paired_t_clustered_by_point');
    expect(d.n).toBe(12);
    expectRel(d.mean, 1.1916666666666671, 1e-13);
    expectRel(d.ciLow, -0.061205205312955924, 1e-9);
    expectRel(d.ciHigh, 2.4445385386462899, 1e-10);
    expectRel(d.p, 0.056800351276683016, 1e-9);
    expectRel(d.dz, 1.48231937789818, 1e-12);
    // Fieller's interval of mean(d) / mean(b) with the same CR2 t (R: uniroot over coef_test of d - rho b).
    expectRel(d.relCiLow, -0.0043571579149439743, 1e-7);
    expectRel(d.relCiHigh, 0.36138713717507298, 1e-9);
    // Without clusters the same pairs give the old, too narrow interval 0.681 to 1.702 (t.test(d)).
    const flat = pairedDifference(T, B);
    expect(flat.method).toBe('paired_t');
    expectRel(flat.ciLow, 0.68088006514768284, 1e-12);
  });

  it('equals the one-sample t over the points\' mean differences when every point has the same seeds', () => {
    const cl = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    const d2 = [1.2, 0.8, 1.5, -0.3, 0.2, 0.1, 2.1, 1.7, 2.4, 0.5, 0.9, 1.4];
    const b2 = [10, 11, 9, 14, 15, 13, 8, 9, 7, 12, 11, 10.5];
    const d = pairedDifference(b2.map((b, i) => b + d2[i]), b2, { clusters: cl });
    expect(d.method).toBe('paired_t_clustered_by_point');
    expectRel(d.ciLow, -0.30948561465786306, 1e-9);
    expectRel(d.ciHigh, 2.3928189479911963, 1e-10);
    expectRel(d.p, 0.091394509927651121, 1e-9);
  });

  it('changes nothing with one seed per point, or with every pair at one point', () => {
    const one = pairedDifference(T, B, { clusters: CL.map((_, i) => i) });
    expect(one).toEqual(pairedDifference(T, B));
    const single = pairedDifference(T, B, { clusters: CL.map(() => 7) });
    expect(single).toEqual(pairedDifference(T, B));
    // strata (a fixed design) take precedence: the stratified route is unchanged
    expect(pairedDifference(T, B, { strata: CL, clusters: CL })).toEqual(pairedDifference(T, B, { strata: CL }));
  });

  it('leaves out pairs with an undefined side before counting the points\' seeds', () => {
    // point 9 keeps one finite pair, point 8 one: one seed per point, so no clustering
    const d = pairedDifference([2, NaN, 3, 5], [1, 1, 1, NaN], { clusters: [9, 9, 8, 8] });
    expect(d.method).toBe('paired_t');
    expect(d.n).toBe(2);
  });
});

describe('0/1 outcomes clustered by sampled design point', () => {
  const cl = [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5, 5, 5];
  const A = [1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0];
  const Bs = [0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0];

  it('takes the Agresti-Min interval at the Rao-Scott effective counts (t on the CR2 df) and Durkalski\'s clustered McNemar p', () => {
    const s = clusteredShareDifference(A.map((a, i) => a - Bs[i]), cl);
    expectRel(s.estimate, 0.17647058823529413, 1e-14);
    expectRel(s.designEffect, 2.1324442224442217, 1e-12);
    expectRel(s.df, 3.6156659939455107, 1e-10);
    expectRel(s.lo, -0.44598434393518482, 1e-9);
    expectRel(s.hi, 0.72813959791406246, 1e-9);
    expectRel(s.p, 0.48609628786126163, 1e-10); // Durkalski's X = 0.6 against F(1, df); chi-square(1) gave 0.4386
    const d = pairedDifference(A, Bs, { binary: true, clusters: cl });
    expect(d.method).toBe('paired_share_clustered_by_point');
    expect([d.ciLow, d.ciHigh, d.p]).toEqual([s.lo, s.hi, s.p]);
    // no interval of the ratio is computed for clustered pairs
    expect([d.relCiLow, d.relCiHigh].every(Number.isNaN)).toBe(true);
  });

  it('with equal seeds per point the design effect uses vcovCL(type = "HC0") (CR2 of an intercept, balanced)', () => {
    const clb = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    const db = [1, 1, 0, 0, -1, 0, 1, 1, 0, 0, -1, 0];
    const s = clusteredShareDifference(db, clb);
    expectRel(s.designEffect, 0.083333333333333356 / 0.03935185185185186, 1e-12);
    expectRel(s.designEffect, 2.1176470588235294, 1e-12);
    expectRel(s.df, 3, 1e-10);
    expectRel(s.lo, -0.6771066348775735, 1e-9);
    expectRel(s.hi, 0.92348344647177638, 1e-9);
    expectRel(s.p, 0.57200338070064105, 1e-10); // X = 0.4 against F(1, 3); chi-square(1) gave 0.5271
  });

  it('takes the number of points as the effective size when no pair is discordant', () => {
    const s = clusteredShareDifference([0, 0, 0, 0, 0, 0], [1, 1, 2, 2, 3, 3]);
    expect([s.estimate, s.designEffect, s.p]).toEqual([0, 2, 1]);
    expectRel(s.hi, 0.86053054594989242, 1e-9);
    expectRel(s.lo, -0.86053054594989242, 1e-9);
  });
});

describe('relative change of a 0/1 outcome (ratio of paired shares, Bonett-Price)', () => {
  it('matches the published interval (Fagerland et al.: Cavo 2012, 0.7579 to 0.9910)', () => {
    const a: number[] = [];
    const b: number[] = [];
    const cells: [number, number, number][] = [[1, 1, 59], [1, 0, 6], [0, 1, 16], [0, 0, 80]];
    for (const [x, y, k] of cells) for (let i = 0; i < k; i++) a.push(x), b.push(y);
    const r = pairedShareRatio(a, b);
    expectRel(r.estimate, 65 / 75, 1e-15);
    expectRel(r.lo, 0.75790284725872481, 1e-12);
    expectRel(r.hi, 0.99103877736812995, 1e-12);
    const d = pairedDifference(a, b, { binary: true });
    expectRel(d.relCiLow, 0.75790284725872481 - 1, 1e-11);
    expectRel(d.relCiHigh, 0.99103877736812995 - 1, 1e-11);
  });

  it('never goes below -100 % (the old interval, Agresti-Min over the share, was -182 % to +107 %)', () => {
    const d = pairedDifference([0, 0, 0, 0, 0, 1], [1, 1, 0, 0, 0, 0], { binary: true });
    expect(d.method).toBe('paired_share');
    expectRel(d.relMean, -0.5, 1e-15);
    expectRel(d.relCiLow, 0.065520955706742795 - 1, 1e-12);
    expectRel(d.relCiHigh, 3.8155731598138516 - 1, 1e-12);
    // every treated run 0: the ratio's interval starts at 0, the relative change at -100 %
    const zero = pairedDifference([0, 0, 0, 0], [1, 1, 1, 0], { binary: true });
    expect(zero.relCiLow).toBe(-1);
    expectRel(zero.relCiHigh, 1.280486273564708 - 1, 1e-12);
  });

  it('has no relative interval when the reference share is 0 (the ratio is undefined)', () => {
    const d = pairedDifference([1, 0, 1, 0], [0, 0, 0, 0], { binary: true });
    expect([d.relMean, d.relCiLow, d.relCiHigh].every(Number.isNaN)).toBe(true);
    expect(pairedShareRatio([1, 0], [0, 0]).lo).toBeNaN();
  });
});
