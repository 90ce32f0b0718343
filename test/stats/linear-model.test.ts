import { describe, expect, it } from 'vitest';
import { coefInterval, fUpperP, olsFit, tTwoSidedP, waldTest } from '../../src/stats';

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

describe('olsFit, classical standard errors (R lm)', () => {
  const fit = olsFit(X, y, { names: ['(Intercept)', 'x1', 'x2'] });
  it('matches coefficients, SEs, R^2 and RSS', () => {
    [0.950602431721373, 0.553057749287879, -2.123391637777553].forEach((b, j) => expect(fit.coef[j]).toBeCloseTo(b, 12));
    [0.26542120580032, 0.141887799160406, 0.21952092388115].forEach((s, j) => expect(fit.se[j]).toBeCloseTo(s, 12));
    expect(fit.r2).toBeCloseTo(0.83640278182939, 12);
    expect(fit.adjR2).toBeCloseTo(0.82082209438457, 12);
    expect(fit.rss).toBeCloseTo(12.6786799949065, 11);
    expect(fit).toMatchObject({ n: 24, p: 3, dfResidual: 21, dfInference: 21, clusters: null, rankDeficient: false });
  });
  it('gives confint() intervals and summary() p-values', () => {
    const c = coefInterval(fit, 2);
    expect(c.lo).toBeCloseTo(-2.579910390288205, 11);
    expect(c.hi).toBeCloseTo(-1.666872885266902, 11);
    expect(c.p).toBeCloseTo(3.45767498372126e-9, 18);
    expect(coefInterval(fit, 1).p).toBeCloseTo(8.2916633972396e-4, 15);
  });
  it('joint Wald F equals the classical F for dropping x1 and x2', () => {
    const w = waldTest(fit, [1, 2]);
    expect(w.F).toBeCloseTo(53.6820204366183, 9);
    expect(w.p).toBeCloseTo(5.55452726961998e-9, 17);
    expect([w.df1, w.df2]).toEqual([2, 21]);
  });
});

describe('olsFit, cluster-robust CR1 (R sandwich::vcovCL type HC1)', () => {
  const fit = olsFit(X, y, { cluster: seed });
  it('matches the clustered vcov and uses G - 1 degrees of freedom', () => {
    expect(fit.clusters).toBe(6);
    expect(fit.dfInference).toBe(5);
    expect(fit.vcov[0][0]).toBeCloseTo(0.02597662437118675, 14);
    expect(fit.vcov[1][2]).toBeCloseTo(0.00318496877148548, 14);
    expect(fit.vcov[2][0]).toBeCloseTo(0.00333218824194949, 14);
    [0.161172653918668, 0.054375442474861, 0.232049760511881].forEach((s, j) => expect(fit.se[j]).toBeCloseTo(s, 12));
  });
  it('gives t(G-1) intervals and the clustered joint Wald test', () => {
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
