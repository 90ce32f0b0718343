import { describe, expect, it } from 'vitest';
import { coefInterval, fUpperP, linearInterval, olsFit, tTwoSidedP, waldTest } from '../../src/stats';

// Reference values from R 4.x with sandwich (Debian r-cran-sandwich), produced by:
//   library(sandwich); options(digits = 15)
//   i <- 1:24; seed <- i %% 6; x1 <- i %% 4; x2 <- sin(i)
//   y <- 1 + 0.5*x1 - 2*x2 + cos(2.3*i) + 0.3*sin(seed*1.7)
//   fit <- lm(y ~ x1 + x2); s <- summary(fit)
//   coef(fit); sqrt(diag(vcov(fit))); c(s$r.squared, s$adj.r.squared, sum(resid(fit)^2))
//   confint(fit); s$coefficients[, 4]
//   V <- vcovCL(fit, cluster = ~seed, type = "HC1"); sqrt(diag(V)); G <- 6; se <- sqrt(diag(V)); b <- coef(fit)
//   cbind(b - qt(0.975, G-1)*se, b + qt(0.975, G-1)*se, 2*pt(-abs(b/se), G-1))
//   W <- t(b[2:3]) %*% solve(V[2:3,2:3]) %*% b[2:3]; F <- W/2; c(F, pf(F, 2, G-1, lower=FALSE))
//   Wc <- t(b[2:3]) %*% solve(vcov(fit)[2:3,2:3]) %*% b[2:3] / 2; c(Wc, pf(Wc, 2, 21, lower=FALSE))
// The CR1 sandwich was also computed by hand in R (G/(G-1) (n-1)/(n-p) B M B, B = (X'X)^-1,
// M = sum over seeds of s_g s_g', s_g = X_g' e_g): it equals vcovCL to 8e-17.
const i = Array.from({ length: 24 }, (_, k) => k + 1);
const seed = i.map((k) => k % 6);
const X = i.map((k) => [1, k % 4, Math.sin(k)]);
const y = i.map((k, r) => 1 + 0.5 * (k % 4) - 2 * Math.sin(k) + Math.cos(2.3 * k) + 0.3 * Math.sin(seed[r] * 1.7));

// Fits are computed inside each test, not in the describe body: Stryker (ignoreStatic) runs a
// mutant reached only while a file is collected against no test at all.
const classical = () => olsFit(X, y, { names: ['(Intercept)', 'x1', 'x2'] });
const clustered = () => olsFit(X, y, { cluster: seed });

describe('olsFit, classical standard errors (R lm)', () => {
  it('matches coefficients, SEs, R^2 and RSS', () => {
    const fit = classical();
    expect(fit.names).toEqual(['(Intercept)', 'x1', 'x2']);
    [0.950602431721373, 0.553057749287879, -2.123391637777553].forEach((b, j) => expect(fit.coef[j]).toBeCloseTo(b, 12));
    [0.26542120580032, 0.141887799160406, 0.21952092388115].forEach((s, j) => expect(fit.se[j]).toBeCloseTo(s, 12));
    expect(fit.r2).toBeCloseTo(0.83640278182939, 12);
    expect(fit.adjR2).toBeCloseTo(0.82082209438457, 12);
    expect(fit.rss).toBeCloseTo(12.6786799949065, 11);
    expect(fit).toMatchObject({ n: 24, p: 3, dfResidual: 21, dfInference: 21, clusters: null, rankDeficient: false });
  });
  it('gives confint() intervals and summary() p-values', () => {
    const fit = classical();
    const c = coefInterval(fit, 2);
    expect(c.lo).toBeCloseTo(-2.579910390288205, 11);
    expect(c.hi).toBeCloseTo(-1.666872885266902, 11);
    expect(c.p).toBeCloseTo(3.45767498372126e-9, 18);
    expect(coefInterval(fit, 1).p).toBeCloseTo(8.2916633972396e-4, 15);
  });
  it('joint Wald F equals the classical F for dropping x1 and x2', () => {
    const fit = classical();
    const w = waldTest(fit, [1, 2]);
    expect(w.F).toBeCloseTo(53.6820204366183, 9);
    expect(w.p).toBeCloseTo(5.55452726961998e-9, 17);
    expect([w.df1, w.df2]).toEqual([2, 21]);
  });
});

describe('olsFit, cluster-robust CR1 (R sandwich::vcovCL type HC1)', () => {
  it('matches the clustered vcov and uses G - 1 degrees of freedom', () => {
    const fit = clustered();
    expect(fit.clusters).toBe(6);
    expect(fit.dfInference).toBe(5);
    expect(fit.vcov[0][0]).toBeCloseTo(0.02597662437118675, 14);
    expect(fit.vcov[1][2]).toBeCloseTo(0.00318496877148548, 14);
    expect(fit.vcov[2][0]).toBeCloseTo(0.00333218824194949, 14);
    [0.161172653918668, 0.054375442474861, 0.232049760511881].forEach((s, j) => expect(fit.se[j]).toBeCloseTo(s, 12));
  });
  it('gives t(G-1) intervals and the clustered joint Wald test', () => {
    const fit = clustered();
    const c = coefInterval(fit, 1);
    expect(c.lo).toBeCloseTo(0.413281224557314, 11);
    expect(c.hi).toBeCloseTo(0.692834274018444, 11);
    expect(c.p).toBeCloseTo(0.000157581918147573, 14);
    const w = waldTest(fit, [1, 2]);
    expect(w.F).toBeCloseTo(125.052936497148, 8);
    expect(w.p).toBeCloseTo(5.37803802365588e-5, 13);
    expect([w.df1, w.df2]).toEqual([2, 5]);
  });
});

describe('olsFit, degenerate input', () => {
  it('drops and counts non-finite rows', () => {
    const fit = olsFit([...X, [1, NaN, 0], [1, 0, 0]], [...y, 1, Infinity]);
    expect(fit.n).toBe(24);
    expect(fit.dropped).toBe(2);
    expect(fit.coef[1]).toBeCloseTo(0.553057749287879, 12);
  });
  it('flags a singular design and returns NaN, never invented numbers', () => {
    const fit = olsFit(i.map((k) => [1, k, 2 * k]), y);
    expect(fit.rankDeficient).toBe(true);
    expect(fit.coef.every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(coefInterval(fit, 1).lo)).toBe(true);
    expect(Number.isNaN(waldTest(fit, [1]).F)).toBe(true);
  });
  it('has no interval with a single cluster', () => {
    const fit = olsFit(X, y, { cluster: i.map(() => 7) });
    expect(fit.clusters).toBe(1);
    expect(fit.coef[1]).toBeCloseTo(0.553057749287879, 12);
    const c = coefInterval(fit, 1);
    expect(Number.isNaN(c.lo) && Number.isNaN(c.hi) && Number.isNaN(c.p)).toBe(true);
  });
  it('has no interval with too few rows', () => {
    const fit = olsFit([[1, 0], [1, 1]], [1, 2]);
    expect(fit.coef[1]).toBeCloseTo(1, 12);
    expect(Number.isNaN(coefInterval(fit, 1).lo)).toBe(true);
  });
});

// R: 2*pt(-2.5, 10); pf(3, 2, 20, lower=FALSE); 2*pt(-8, 3); pf(40, 3, 7, lower=FALSE); 2*pt(-0.3, 1.5)
describe('t and F tails', () => {
  it('match R pt and pf', () => {
    expect(tTwoSidedP(2.5, 10)).toBeCloseTo(0.0314468442366088, 14);
    expect(tTwoSidedP(-8, 3)).toBeCloseTo(0.00407657758778547, 15);
    expect(tTwoSidedP(0.3, 1.5)).toBeCloseTo(0.800472196803585, 13);
    expect(fUpperP(3, 2, 20)).toBeCloseTo(0.0725381502864056, 14);
    expect(fUpperP(40, 3, 7)).toBeCloseTo(8.95430906886908e-5, 16);
    expect(fUpperP(0, 3, 7)).toBe(1);
  });
});

// A second, small design. R 4.x (sandwich), options(digits = 17):
//   x1 <- c(0,1,2,3,4,5); x2 <- c(1,0,2,1,3,2); y <- c(1.2, 1.9, 4.1, 4.8, 7.3, 7.9); cl <- c(1,1,2,2,3,3)
//   f0 <- lm(y ~ 0 + x1 + x2); s0 <- summary(f0)
//   c(coef(f0), sqrt(diag(vcov(f0))), s0$r.squared, s0$adj.r.squared, sum(resid(f0)^2))
//     # 1.30245098039215712 0.74362745098039207 0.11988952487093832 0.20397915264450869
//     # 0.99615626449832728 0.99423439674749092 0.61730392156862857
//   f1 <- lm(y ~ x1 + x2); s1 <- summary(f1); c(coef(f1), s1$r.squared, s1$adj.r.squared)
//     # 0.61111111111111305 1.23055555555555518 0.56388888888888899 0.99935198426885952 0.99891997378143249
//   confint(f1, level = 0.9)["x1", ]   # 1.16314603864944166 1.29796507246166848
//   W <- coef(f1)[2]^2 / vcov(f1)[2, 2]; c(W, pf(W, 1, 3, lower = FALSE))  # 1845.6018808777369 2.7759857395666553e-05
//   vcovCL(f1, cluster = cl, type = "HC1")[c(1, 2, 3), c(1, 2, 3)]
//     # [1,1] 0.00718878600823050738 [1,2] -5.7227366255150497e-04 [3,3] 1.8357767489711012e-03
//   f3 <- lm(y ~ x1); s3 <- summary(f3); c(s3$r.squared, s3$adj.r.squared)  # 0.97304254558455494 0.96630318198069365
//   b <- coef(f3)[2]; se <- sqrt(vcovCL(f3, cluster = cl, type = "HC1")[2, 2])
//   c(se, b - qt(0.95, 2) * se, b + qt(0.95, 2) * se, 2 * pt(-abs(b / se), 2))
//     # 0.038768456214800705 1.32679666688020692078 1.55320333311979252855 0.00072403600624042263
const x1 = [0, 1, 2, 3, 4, 5];
const x2 = [1, 0, 2, 1, 3, 2];
const ys = [1.2, 1.9, 4.1, 4.8, 7.3, 7.9];
const cl = [1, 1, 2, 2, 3, 3];

describe('olsFit, R^2 with and without an intercept, default names', () => {
  it('without a constant column R^2 is uncentred, as R summary.lm', () => {
    const fit = olsFit(x1.map((v, r) => [v, x2[r]]), ys);
    expect(fit.names).toEqual(['x1', 'x2']);
    expect(fit.coef[0]).toBeCloseTo(1.30245098039215712, 13);
    expect(fit.coef[1]).toBeCloseTo(0.74362745098039207, 13);
    expect(fit.se[0]).toBeCloseTo(0.11988952487093832, 13);
    expect(fit.se[1]).toBeCloseTo(0.20397915264450869, 13);
    expect(fit.r2).toBeCloseTo(0.99615626449832728, 13);
    expect(fit.adjR2).toBeCloseTo(0.99423439674749092, 13);
    expect(fit.rss).toBeCloseTo(0.61730392156862857, 13);
  });
  it('a constant column of any nonzero value is an intercept (centred R^2); one of zeros is not', () => {
    const twos = olsFit(x1.map((v) => [2, v]), ys);
    expect(twos.coef[1]).toBeCloseTo(1.44, 13);
    expect(twos.r2).toBeCloseTo(0.97304254558455494, 13);
    expect(twos.adjR2).toBeCloseTo(0.96630318198069365, 13);
    // the intercept column need not come first
    const last = olsFit(x1.map((v, r) => [v, x2[r], 1]), ys);
    expect(last.coef[2]).toBeCloseTo(0.61111111111111305, 13);
    expect(last.r2).toBeCloseTo(0.99935198426885952, 13);
    expect(last.adjR2).toBeCloseTo(0.99891997378143249, 13);
    // a first row with a nonzero value in a column that is not constant: still no intercept
    const noConst = olsFit(x1.map((v, r) => [v + 1, x2[r]]), ys);
    expect(noConst.r2).toBeGreaterThan(0.99);
    const tss = ys.reduce((s, v) => s + v * v, 0);
    expect(noConst.r2).toBeCloseTo(1 - noConst.rss / tss, 14);
  });
  it('R^2 is undefined for a constant y with an intercept; adjusted R^2 without residual df', () => {
    const flat = olsFit(x1.map((v) => [1, v]), [3, 3, 3, 3, 3, 3]);
    expect(flat.coef[0]).toBeCloseTo(3, 13);
    expect(flat.r2).toBeNaN();
    const exact = olsFit([[1, 0], [1, 1]], [1, 2]);
    expect(exact.dfResidual).toBe(0);
    expect(exact.adjR2).toBeNaN();
    expect(exact.se.every(Number.isNaN)).toBe(true);
  });
  it('takes p from the names when X is empty and says nothing', () => {
    const fit = olsFit([], [], { names: ['a', 'b'] });
    expect(fit).toMatchObject({ n: 0, dropped: 0, p: 2, names: ['a', 'b'], dfResidual: -2, dfInference: -2, clusters: null, rankDeficient: false });
    expect(fit.coef).toHaveLength(2);
    expect([...fit.coef, ...fit.se, fit.r2, fit.adjR2, fit.rss].every(Number.isNaN)).toBe(true);
    expect(fit.vcov.flat().every(Number.isNaN)).toBe(true);
    expect(olsFit([], []).p).toBe(0);
  });
});

describe('olsFit, rank and clusters', () => {
  it('flags a design whose column is dependent within the rank tolerance, or all zero', () => {
    const near = olsFit(x1.map((v) => [1, v, 2 * v + 1e-12 * v * v]), ys);
    expect(near.rankDeficient).toBe(true);
    expect(near.coef.every(Number.isNaN)).toBe(true);
    expect(near.dfInference).toBe(3);
    const zeros = olsFit(x1.map(() => [0, 0]), ys);
    expect(zeros.rankDeficient).toBe(true);
    // a column dependent only up to 1e-6 of its size is kept
    const kept = olsFit(x1.map((v, r) => [1, v, v + 1e-6 * x2[r]]), ys);
    expect(kept.rankDeficient).toBe(false);
  });
  it('drops rows whose cluster label is missing (undefined, null, NaN) and counts string labels', () => {
    const labels: (number | string)[] = ['a', 'a', 'b', 'b', 'c', 'c'];
    const withGaps = [...labels, undefined, null, NaN] as unknown as (number | string)[];
    const fit = olsFit([...x1, 9, 9, 9].map((v, r) => [1, v, r < 6 ? x2[r] : 0]), [...ys, 50, 60, 70], { cluster: withGaps });
    expect([fit.n, fit.dropped, fit.clusters, fit.dfInference]).toEqual([6, 3, 3, 2]);
    expect(fit.vcov[0][0]).toBeCloseTo(0.00718878600823050738, 15);
    expect(fit.vcov[0][1]).toBeCloseTo(-5.7227366255150497e-4, 15);
    expect(fit.vcov[2][2]).toBeCloseTo(1.8357767489711012e-3, 15);
    expect(olsFit(x1.map((v, r) => [1, v, x2[r]]), ys, { cluster: cl }).vcov[0][0]).toBeCloseTo(0.00718878600823050738, 15);
  });
  it('CR1 interval at 90 % on G - 1 df (R vcovCL, qt)', () => {
    const fit = olsFit(x1.map((v) => [1, v]), ys, { cluster: cl });
    expect(fit.se[1]).toBeCloseTo(0.038768456214800705, 14);
    const c = coefInterval(fit, 1, 0.9);
    expect(c.lo).toBeCloseTo(1.32679666688020692, 12);
    expect(c.hi).toBeCloseTo(1.55320333311979253, 12);
    expect(c.p).toBeCloseTo(0.00072403600624042263, 14);
  });
  it('no clustered SEs without residual df, but the coefficients and fit measures', () => {
    const fit = olsFit([[1, 0, 1], [1, 1, 0], [1, 2, 2]], [1, 2, 4], { cluster: [1, 2, 3] });
    expect([fit.clusters, fit.dfInference, fit.rankDeficient]).toEqual([3, 2, false]);
    // a + c = 1, a + b = 2, a + 2b + 2c = 4: a = 2/3, b = 4/3, c = 1/3
    expect(fit.coef[0]).toBeCloseTo(2 / 3, 13);
    expect(fit.coef[1]).toBeCloseTo(4 / 3, 13);
    expect(fit.coef[2]).toBeCloseTo(1 / 3, 13);
    expect(fit.se.every(Number.isNaN)).toBe(true);
    expect(fit.rss).toBeCloseTo(0, 20);
    expect(fit.r2).toBeCloseTo(1, 13);
  });
});

describe('linearInterval, coefInterval level and waldTest guards', () => {
  it('takes the confidence level (R confint(level = 0.9)) and tests one coefficient like the t test', () => {
    const fit = olsFit(x1.map((v, r) => [1, v, x2[r]]), ys);
    const c = coefInterval(fit, 1, 0.9);
    expect(c.estimate).toBeCloseTo(1.23055555555555518, 13);
    expect(c.lo).toBeCloseTo(1.16314603864944166, 12);
    expect(c.hi).toBeCloseTo(1.29796507246166848, 12);
    const w = waldTest(fit, [1]);
    expect(w.F).toBeCloseTo(1845.6018808777369, 8);
    expect(w.p).toBeCloseTo(2.7759857395666553e-5, 16);
    expect([w.df1, w.df2]).toEqual([1, 3]);
  });
  it('a zero SE gives a zero-width interval and no p; a negative or NaN SE, df <= 0 or a non-finite estimate nothing', () => {
    expect(linearInterval(2, 0, 5)).toEqual({ estimate: 2, lo: 2, hi: 2, p: NaN });
    for (const [e, se, df] of [[2, -1, 5], [2, NaN, 5], [2, 1, 0], [2, 1, NaN], [Infinity, 1, 5], [NaN, 1, 5]]) {
      const c = linearInterval(e, se, df);
      expect([c.lo, c.hi, c.p].every(Number.isNaN)).toBe(true);
      expect(c.estimate).toBe(e);
    }
    // 2 +- qt(0.975, 4) * 0.5; p = 2 * pt(-4, 4) = 0.016130089900092539 (R)
    const c = linearInterval(2, 0.5, 4);
    expect(c.lo).toBeCloseTo(2 - 2.7764451051977934 * 0.5, 12);
    expect(c.hi).toBeCloseTo(2 + 2.7764451051977934 * 0.5, 12);
    expect(c.p).toBeCloseTo(0.016130089900092539, 15);
  });
  it('waldTest: nothing for no restriction, a non-finite coefficient or vcov entry, a singular block or df2 <= 0', () => {
    const fit = olsFit(x1.map((v, r) => [1, v, x2[r]]), ys);
    const none = waldTest(fit, []);
    expect([none.df1, none.df2]).toEqual([0, 3]);
    expect(none.F).toBeNaN();
    expect(none.p).toBeNaN();
    const base = { ...fit, coef: [1, 2, 3], vcov: [[1, 0, 0], [0, 4, 0], [0, 0, 1]] };
    const ok = waldTest(base, [1]);
    expect(ok.F).toBe(1);
    expect(ok.p).toBeCloseTo(fUpperP(1, 1, 3), 15);
    expect(waldTest({ ...base, coef: [1, NaN, 3] }, [1]).F).toBeNaN();
    expect(waldTest({ ...base, vcov: [[1, 0, 0], [0, 4, Infinity], [0, Infinity, 1]] }, [1, 2]).F).toBeNaN();
    expect(waldTest({ ...base, vcov: [[1, 0, 0], [0, 1, 1], [0, 1, 1]] }, [1, 2]).F).toBeNaN();
    const noDf = waldTest({ ...base, dfInference: 0 }, [1]);
    expect([noDf.df1, noDf.df2]).toEqual([1, 0]);
    expect(noDf.F).toBeNaN();
    expect(noDf.p).toBeNaN();
  });
});

describe('olsFit, the undefined fit and the clustered corner cases', () => {
  it('an undefined fit still counts rows and has p NaN coefficients, SEs and a p x p vcov', () => {
    const few = olsFit([[1, 0], [1, NaN]], [1, 2]);
    expect(few).toMatchObject({ n: 1, dropped: 1, p: 2, rankDeficient: false, dfResidual: -1, dfInference: -1 });
    expect(few.coef).toHaveLength(2);
    expect(few.se).toHaveLength(2);
    expect(few.vcov.map((r) => r.length)).toEqual([2, 2]);
    expect(olsFit([], [])).toMatchObject({ p: 0, rankDeficient: false });
    // a singular design with clusters: G - 1 degrees of freedom all the same
    const dep = olsFit(x1.map((v) => [1, v, 2 * v]), ys, { cluster: cl });
    expect(dep).toMatchObject({ rankDeficient: true, clusters: 3, dfInference: 2 });
  });
  it('the rank tolerance is relative to the largest pivot (a design in millions)', () => {
    const near = olsFit(x1.map((v) => [1e6, 1e6 * v, 1e6 * (2 * v + 1e-12 * v * v)]), ys);
    expect(near.rankDeficient).toBe(true);
  });
  it('two clusters: CR1 with G - 1 = 1 df (R vcovCL(lm(y ~ x1), cluster = c(1,1,1,2,2,2), type = "HC1"))', () => {
    const fit = olsFit(x1.map((v) => [1, v]), ys, { cluster: [1, 1, 1, 2, 2, 2] });
    expect([fit.clusters, fit.dfInference]).toEqual([2, 1]);
    expect(fit.se[0]).toBeCloseTo(0.061758067949994833, 13);
    expect(fit.se[1]).toBeCloseTo(0.01277753129999913, 13);
  });
  it('waldTest: an infinite coefficient gives no test', () => {
    const fit = olsFit(x1.map((v, r) => [1, v, x2[r]]), ys);
    // (with a positive off-diagonal inverse the quadratic form would be +Infinity, F = Infinity, p = 0)
    const w = waldTest({ ...fit, coef: [1, Infinity, 3], vcov: [[1, 0, 0], [0, 4, -1], [0, -1, 1]] }, [1, 2]);
    expect(w.F).toBeNaN();
    expect(w.p).toBeNaN();
  });
});
