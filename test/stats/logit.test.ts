/**
 * Logit with cluster-robust standard errors and the average marginal effect, against R
 * on the same numbers. Reference values from R 4 (stats::glm, sandwich::vcovCL):
 *
 *   library(sandwich)
 *   i <- 1:120
 *   x <- ((i * 37) %% 101) / 101
 *   z <- ((i * 53) %% 97) / 97
 *   y <- as.integer(((i * 71) %% 100) / 100 < plogis(-1 + 2 * x - z))
 *   g <- i %% 7
 *   fit <- glm(y ~ x + z, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
 *   V <- vcovCL(fit, cluster = ~g, type = "HC1")
 *   coef(fit); sqrt(diag(vcov(fit))); sqrt(diag(V)); deviance(fit)
 *   p <- fitted(fit); w <- p * (1 - p); b <- coef(fit); X <- model.matrix(fit)
 *   ame <- b[2] * mean(w)
 *   grad <- b[2] * colMeans(w * (1 - 2 * p) * X); grad[2] <- grad[2] + mean(w)
 *   sqrt(t(grad) %*% V %*% grad)
 *   coef(glm(c(0,1,0,1) ~ c(0,1,2,3), family = binomial))
 */
import { describe, expect, it } from 'vitest';
import { averageMarginalEffect, logitFit, logitInterval } from '../../src/stats/logit';

const rows = Array.from({ length: 120 }, (_, n) => n + 1);
const x = rows.map((i) => ((i * 37) % 101) / 101);
const z = rows.map((i) => ((i * 53) % 97) / 97);
const y = rows.map((i, n) => (((i * 71) % 100) / 100 < 1 / (1 + Math.exp(-(-1 + 2 * x[n] - z[n]))) ? 1 : 0));
const g = rows.map((i) => i % 7);
const X = rows.map((_, n) => [1, x[n], z[n]]);

describe('logitFit', () => {
  it('matches R glm: coefficients, deviance and classical standard errors', () => {
    expect(y.filter((v) => v === 1)).toHaveLength(49);
    const fit = logitFit(X, y);
    expect(fit.converged).toBe(true);
    [-0.791743217717099, 1.511026731990774, -0.711414049645575].forEach((v, j) => expect(fit.coef[j]).toBeCloseTo(v, 9));
    // (At glm's default epsilon 1e-8 R stops one IRLS step earlier: standard errors differ by 1e-7.)
    [0.486979252342096, 0.67498138077492, 0.668238620415892].forEach((v, j) => expect(fit.se[j]).toBeCloseTo(v, 9));
    expect(fit.deviance).toBeCloseTo(156.311494404718, 8);
  });

  it('matches sandwich::vcovCL(type = "HC1") by cluster, and the delta-method average marginal effect', () => {
    const fit = logitFit(X, y, { cluster: g });
    expect(fit.clusters).toBe(7);
    [0.38650044445992, 0.611612612835771, 0.38323380160524].forEach((v, j) => expect(fit.se[j]).toBeCloseTo(v, 9));
    const me = averageMarginalEffect(fit, X, 1);
    expect(me.ame).toBeCloseTo(0.347092834610448, 9);
    expect(me.se).toBeCloseTo(0.131590418965287, 9);
    const ci = logitInterval(fit, 1);
    expect(ci.lo).toBeLessThan(ci.estimate);
    expect(ci.hi - ci.estimate).toBeCloseTo(ci.estimate - ci.lo, 12);
  });

  it('the documented example (R glm)', () => {
    const fit = logitFit([[1, 0], [1, 1], [1, 2], [1, 3]], [0, 1, 0, 1]);
    expect(fit.coef[0]).toBeCloseTo(-1.362276393839393, 8);
    expect(fit.coef[1]).toBeCloseTo(0.908184262559595, 8);
  });

  it('gives NaN coefficients under complete separation instead of a diverging estimate', () => {
    const fit = logitFit([[1, 0], [1, 1], [1, 2], [1, 3]], [0, 0, 1, 1]);
    expect(fit.converged).toBe(false);
    expect(fit.coef.every(Number.isNaN)).toBe(true);
  });
});

// A small fit. Coefficients and deviance from R 4.x, options(digits = 17):
//   x <- c(0,1,2,3,1.5,2.5); y <- c(0,1,0,1,1,0)
//   f <- glm(y ~ x, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
//   coef(f); deviance(f)   # -0.58402767745722817 0.34973911580354966; 8.1446358297343888
// Standard errors from statsmodels 0.13.5 (/usr/bin/python3): R's vcov(glm) uses the IRLS
// weights of the step before the last, 4e-8 away here; statsmodels and this code use the
// final estimate.
//   X = sm.add_constant(x); r = sm.Logit(y, X).fit(method='newton', tol=1e-14, maxiter=100, disp=0)
//   b = r.params; V = r.cov_params(); se = np.sqrt(np.diag(V))
//     # se 1.6527218277646216 0.8531831357134441
//   z = stats.norm.ppf(0.975); b[1] - z*se[1], b[1] + z*se[1], 2*stats.norm.sf(abs(b[1]/se[1])), b[1] - stats.norm.ppf(0.95)*se[1]
//     # -1.3224691024117465 2.0219473340188525 0.6818626690378643 -1.0536222594285354
//   p = r.predict(X); w = p*(1-p); ame = b[1]*w.mean()
//   grad = (b[1]*(w*(1-2*p))[:, None]*X).mean(0); grad[1] += w.mean(); ame, np.sqrt(grad @ V @ grad)
//     # 0.08493647321004473 0.19548673896376725
//   p[0]   # 0.35800635265336794 (R fitted(f)[1])
//   CR1 by hand: g = [1,1,1,2,2,2]; bread = inv(X' diag(w) X); s_c = sum over cluster c of X_i (y_i - p_i)
//   V = bread (sum s_c s_c') bread * (G/(G-1)) ((n-1)/(n-k)), G = 2, n = 6, k = 2; sqrt(diag(V))
//     # 0.6441963348468843 0.08354916553011572 (statsmodels cov_type='cluster' agrees to 8 digits)
//   b[1] - stats.t.ppf(0.975, 1)*se_c[1], 2*stats.t.sf(abs(b[1]/se_c[1]), 1)
//     # -0.7118536869801525 0.14928424168612933
const xs = [0, 1, 2, 3, 1.5, 2.5];
const ys = [0, 1, 0, 1, 1, 0];
const small = () => logitFit(xs.map((v) => [1, v]), ys);

describe('logitFit on a small design', () => {
  it('matches glm: coefficients, SEs, deviance, fitted values; z inference without clusters', () => {
    const fit = small();
    expect(fit).toMatchObject({ n: 6, p: 2, names: ['x1', 'x2'], clusters: null, dfInference: Infinity, converged: true });
    expect(fit.coef[0]).toBeCloseTo(-0.58402767745722817, 10);
    expect(fit.coef[1]).toBeCloseTo(0.34973911580354966, 10);
    expect(fit.se[0]).toBeCloseTo(1.6527218277646216, 10);
    expect(fit.se[1]).toBeCloseTo(0.8531831357134441, 10);
    expect(fit.vcov[1][1]).toBeCloseTo(0.8531831357134441 ** 2, 10);
    expect(fit.deviance).toBeCloseTo(8.1446358297343888, 11);
    expect(fit.fitted).toHaveLength(6);
    expect(fit.fitted[0]).toBeCloseTo(0.35800635265336794, 10);
    expect(fit.iterations).toBeGreaterThan(2);
    expect(fit.iterations).toBeLessThan(50);
  });
  it('Wald interval and p (normal without clusters), at 95 % and 90 %', () => {
    const fit = small();
    const c = logitInterval(fit, 1);
    expect(c.estimate).toBeCloseTo(0.34973911580354966, 10);
    expect(c.lo).toBeCloseTo(-1.3224691024117465, 10);
    expect(c.hi).toBeCloseTo(2.0219473340188525, 10);
    expect(c.p).toBeCloseTo(0.6818626690378643, 10);
    expect(logitInterval(fit, 1, 0.9).lo).toBeCloseTo(-1.0536222594285354, 10);
  });
  it('average marginal effect and its delta-method SE (classical vcov)', () => {
    const fit = small();
    const me = averageMarginalEffect(fit, xs.map((v) => [1, v]), 1);
    expect(me.ame).toBeCloseTo(0.08493647321004473, 10);
    expect(me.se).toBeCloseTo(0.19548673896376725, 10);
    expect(me.lo).toBeCloseTo(0.08493647321004473 - 1.959963984540054 * 0.19548673896376725, 10);
    expect(me.hi).toBeCloseTo(0.08493647321004473 + 1.959963984540054 * 0.19548673896376725, 10);
    const me90 = averageMarginalEffect(fit, xs.map((v) => [1, v]), 1, 0.9);
    expect(me90.hi).toBeCloseTo(0.08493647321004473 + 1.6448536269514715 * 0.19548673896376725, 10);
    // The rows the fit left out (a non-finite covariate; an outcome that is not 0 or 1) are
    // left out of the average too. Filtering X alone kept the row with y = 0.5 and paired
    // each fitted value with the row above it (SE 0.2225 instead of 0.1955 here before the fix).
    const Xgap = [[1, NaN], [1, 7], ...xs.map((v) => [1, v])];
    const gapFit = logitFit(Xgap, [1, 0.5, ...ys]);
    expect(gapFit.rows).toEqual(xs.map((_, i) => i + 2));
    const withGap = averageMarginalEffect(gapFit, Xgap, 1);
    expect(withGap.ame).toBeCloseTo(0.08493647321004473, 10);
    expect(withGap.se).toBeCloseTo(0.19548673896376725, 10);
  });
  it('two clusters: CR1 SEs and t with G - 1 = 1 df', () => {
    const fit = logitFit(xs.map((v) => [1, v]), ys, { cluster: [1, 1, 1, 2, 2, 2], names: ['(Intercept)', 'x'] });
    expect(fit.names).toEqual(['(Intercept)', 'x']);
    expect([fit.clusters, fit.dfInference]).toEqual([2, 1]);
    expect(fit.se[0]).toBeCloseTo(0.6441963348468843, 10);
    expect(fit.se[1]).toBeCloseTo(0.08354916553011572, 10);
    const c = logitInterval(fit, 1);
    expect(c.lo).toBeCloseTo(-0.7118536869801525, 9);
    expect(c.p).toBeCloseTo(0.14928424168612933, 10);
  });
  it('one cluster: classical SEs, no df', () => {
    const fit = logitFit(xs.map((v) => [1, v]), ys, { cluster: xs.map(() => 'a') });
    expect([fit.clusters, fit.dfInference]).toEqual([1, 0]);
    expect(fit.se[1]).toBeCloseTo(0.8531831357134441, 10);
  });
  it('skips rows whose outcome is not 0 or 1 or whose covariate is not finite', () => {
    const fit = logitFit([...xs, 1, 2, NaN, Infinity].map((v) => [1, v]), [...ys, 0.5, NaN, 1, 0]);
    expect(fit.n).toBe(6);
    expect(fit.coef[1]).toBeCloseTo(0.34973911580354966, 10);
    expect(fit.deviance).toBeCloseTo(8.1446358297343888, 11);
  });
  it('NaN for a rank-deficient design, and for quasi-complete separation', () => {
    const dep = logitFit(xs.map((v) => [1, v, 2 * v]), ys);
    expect(dep.converged).toBe(false);
    expect([dep.coef.length, dep.se.length, dep.vcov.length, dep.vcov[0].length]).toEqual([3, 3, 3, 3]);
    expect(dep.coef.every(Number.isNaN)).toBe(true);
    expect(dep.se.every(Number.isNaN)).toBe(true);
    expect(dep.vcov.flat().every(Number.isNaN)).toBe(true);
    // quasi-separation: y = 1 exactly when x > 1, with ties at x = 1 on both sides
    const quasi = logitFit([0, 1, 1, 2, 3].map((v) => [1, v]), [0, 0, 1, 1, 1]);
    expect(quasi.converged).toBe(false);
    expect(quasi.coef.every(Number.isNaN)).toBe(true);
    // a constant outcome: fitted probabilities run to 0
    const none = logitFit(xs.map((v) => [1, v]), [0, 0, 0, 0, 0, 0]);
    expect(none.converged).toBe(false);
    expect(none.coef.every(Number.isNaN)).toBe(true);
    expect([none.coef.length, none.vcov[1].length]).toEqual([2, 2]);
    // every outcome 1: fitted probabilities run to 1 only
    const all = logitFit(xs.map((v) => [1, v]), [1, 1, 1, 1, 1, 1]);
    expect(all.converged).toBe(false);
    expect(all.coef.every(Number.isNaN)).toBe(true);
  });
});
