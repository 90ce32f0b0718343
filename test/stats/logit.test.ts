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
