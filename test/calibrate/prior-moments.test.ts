import { describe, expect, it } from 'vitest';
import { MAX_EXACT_INTEGERS, priorMoments } from '../../src/calibrate/posterior';
import type { Prior } from '../../src/calibrate/priors';

// Reference values from R 4.2 (options(digits = 17)); means and sds of the continuous priors
// by integrate() at rel.tol 1e-13, quantiles by qunif / qnorm:
//   m <- function(f, lo, hi) { z <- integrate(f, lo, hi, rel.tol=1e-13)$value
//     mu <- integrate(function(x) x*f(x), lo, hi, rel.tol=1e-13)$value/z
//     c(mu, sqrt(integrate(function(x) (x-mu)^2*f(x), lo, hi, rel.tol=1e-13)$value/z)) }
//   0.5/sqrt(12); qunif(c(.05,.5,.95), 0, 0.5)
//     -> 0.14433756729740646; 0.025 0.25 0.475
//   m(function(x) 1/x, 1, 10); exp(qunif(c(.05,.5,.95), 0, log(10)))
//     -> 3.908650337129266 2.4939986760762798; 1.1220184543019636 3.1622776601683795 8.9125093813374576
//   tn(mu,s,a,b): m(function(x) dnorm(x,mu,s), a, b); qnorm(pnorm(a,mu,s)+c(.05,.5,.95)*(pnorm(b,mu,s)-pnorm(a,mu,s)),mu,s)
//   tn(0.5,0.2,0,1) -> 0.5 0.19091949726891616; 0.18141533911978247 0.5 0.81858466088021731
//   tn(0,1,2,6)     -> 2.373215368670039 0.33805100645828923; 2.0215268981176489 2.2776048222653467 3.0517631886957401
// Whole-number settings: the distribution of the rounded value,
//   disc <- function(F, a, b) { k <- round(a):round(b); p <- F(pmin(k+.5,b)) - F(pmax(k-.5,a))
//     mu <- sum(k*p); c(mu, sqrt(sum((k-mu)^2*p)), sapply(c(.05,.5,.95), function(q) k[which(cumsum(p) >= q-1e-12)[1]])) }
//   disc(function(x) punif(x,20,60), 20, 60)        -> 40 11.554220008291344 22 40 58
//   disc(function(x) log(x)/log(10), 1, 10)         -> 3.8932083336147225 2.5343468008177648 1 3 9
//   disc(function(x) (pnorm(x,40,10)-pnorm(20,40,10))/(pnorm(60,40,10)-pnorm(20,40,10)), 20, 60)
//                                                   -> 40 8.8020633129500165 25 40 55

const cases: { name: string; prior: Prior; integer: boolean; r: [number, number, number, number, number] }[] = [
  { name: 'uniform(0, 0.5)', prior: { kind: 'uniform', min: 0, max: 0.5 }, integer: false, r: [0.25, 0.14433756729740646, 0.025, 0.25, 0.475] },
  { name: 'log-uniform(1, 10)', prior: { kind: 'log_uniform', min: 1, max: 10 }, integer: false, r: [3.908650337129266, 2.4939986760762798, 1.1220184543019636, 3.1622776601683795, 8.9125093813374576] },
  { name: 'normal(0.5, 0.2) in [0, 1]', prior: { kind: 'normal', mean: 0.5, sd: 0.2, min: 0, max: 1 }, integer: false, r: [0.5, 0.19091949726891616, 0.18141533911978247, 0.5, 0.81858466088021731] },
  { name: 'normal(0, 1) in [2, 6] (upper tail)', prior: { kind: 'normal', mean: 0, sd: 1, min: 2, max: 6 }, integer: false, r: [2.373215368670039, 0.33805100645828923, 2.0215268981176489, 2.2776048222653467, 3.0517631886957401] },
  { name: 'whole-number uniform(20, 60)', prior: { kind: 'uniform', min: 20, max: 60 }, integer: true, r: [40, 11.554220008291344, 22, 40, 58] },
  { name: 'whole-number log-uniform(1, 10)', prior: { kind: 'log_uniform', min: 1, max: 10 }, integer: true, r: [3.8932083336147225, 2.5343468008177648, 1, 3, 9] },
  { name: 'whole-number normal(40, 10) in [20, 60]', prior: { kind: 'normal', mean: 40, sd: 10, min: 20, max: 60 }, integer: true, r: [40, 8.8020633129500165, 25, 40, 55] },
];

describe('prior moments and quantiles are exact, against R', () => {
  for (const c of cases)
    it(c.name, () => {
      const m = priorMoments(c.prior, c.integer);
      const [mean, sd, q05, median, q95] = c.r;
      expect(m.mean).toBeCloseTo(mean, 12);
      expect(m.sd).toBeCloseTo(sd, 12);
      expect(m.q05).toBeCloseTo(q05, 12);
      expect(m.median).toBeCloseTo(median, 12);
      expect(m.q95).toBeCloseTo(q95, 12);
      // Relative agreement too (toBeCloseTo is absolute).
      for (const [got, want] of [[m.mean, mean], [m.sd, sd], [m.q05, q05], [m.q95, q95]]) expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-11 * Math.abs(want));
    });
});

describe('a whole-number prior over more integers than MAX_EXACT_INTEGERS', () => {
  it('is summarised by the continuous closed forms (rounding would move them by at most 1/2)', () => {
    const wide = priorMoments({ kind: 'uniform', min: 0, max: 2 * MAX_EXACT_INTEGERS + 0.3 }, true);
    const continuous = priorMoments({ kind: 'uniform', min: 0, max: 2 * MAX_EXACT_INTEGERS + 0.3 }, false);
    expect(wide).toEqual(continuous);
    expect(wide.q05).toBe(0.05 * (2 * MAX_EXACT_INTEGERS + 0.3));
    // Just inside the limit the rounded value's quantiles are whole numbers.
    const exact = priorMoments({ kind: 'uniform', min: 0, max: MAX_EXACT_INTEGERS - 1 }, true);
    expect(Number.isInteger(exact.q05) && Number.isInteger(exact.q95)).toBe(true);
  });
});
