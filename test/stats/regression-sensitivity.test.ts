import { describe, expect, it } from 'vitest';
import { averageRanks, partialDependence, partialRankCorrelation, standardizedRegression } from '../../src/stats';

// Reference values from R 4.x (stats only; r-cran-sensitivity is not packaged by Debian, so
// PRCC is computed by hand as sensitivity::pcc(rank = TRUE) defines it), produced by:
//   options(digits = 15)
//   i <- 1:40; x1 <- (i*0.618034) %% 1; x2 <- (i*0.414214 + 0.3) %% 1; x3 <- floor(10*((i*0.732051 + 0.1) %% 1))/10
//   y <- 3*x1 - 1*x2 + 0*x3 + 0.3*sin(1.7*i^2)
//   X <- cbind(x1, x2, x3); n <- 40; k <- 3
//   fit <- lm(y ~ x1 + x2 + x3); b <- coef(fit)[-1]; ci <- confint(fit)[-1,]; s <- apply(X, 2, sd)/sd(y)
//   cbind(src = b*s, lo = ci[,1]*s, hi = ci[,2]*s); summary(fit)$r.squared
//   R <- apply(X, 2, rank); ry <- rank(y)
//   prcc <- sapply(1:k, function(j) { o <- R[,-j]; cor(resid(lm(R[,j] ~ o)), resid(lm(ry ~ o))) })
//   z <- atanh(prcc); se <- 1/sqrt(n - 3 - (k-1)); df <- n - 2 - (k-1); tt <- prcc*sqrt(df/(1-prcc^2))
//   cbind(prcc, lo = tanh(z - qnorm(0.975)*se), hi = tanh(z + qnorm(0.975)*se), p = 2*pt(-abs(tt), df))
//   br <- unique(quantile(x1, 0:8/8)); cb <- cut(x1, br, include.lowest = TRUE, right = FALSE)
//   t(sapply(split(y, cb), function(v) c(n = length(v), mean = mean(v), t.test(v)$conf.int)))
//   br3 <- unique(quantile(x3, 0:8/8)); cb3 <- cut(x3, br3, include.lowest = TRUE, right = FALSE); table(cb3); tapply(y, cb3, mean)
const i = Array.from({ length: 40 }, (_, k) => k + 1);
const x1 = i.map((k) => (k * 0.618034) % 1);
const x2 = i.map((k) => (k * 0.414214 + 0.3) % 1);
const x3 = i.map((k) => Math.floor(10 * ((k * 0.732051 + 0.1) % 1)) / 10);
const y = i.map((k, r) => 3 * x1[r] - 1 * x2[r] + 0 * x3[r] + 0.3 * Math.sin(1.7 * k * k));
const X = i.map((_, r) => [x1[r], x2[r], x3[r]]);
const names = ['x1', 'x2', 'x3'];

describe('standardizedRegression (R lm, scaled by sd(x)/sd(y))', () => {
  it('matches SRCs, their intervals and R^2', () => {
    const s = standardizedRegression(X, y, names);
    expect(s.n).toBe(40);
    expect(s.r2).toBeCloseTo(0.950145709553624, 12);
    const expected = [
      [1.0057973187449119, 0.9278099565628601, 1.083784680926964],
      [-0.2679257002475773, -0.3457575850964198, -0.190093815398735],
      [0.0590356857783874, -0.0171483302783842, 0.135219701835159],
    ];
    s.coefficients.forEach((c, j) => {
      expect(c.parameter).toBe(names[j]);
      expect(c.src).toBeCloseTo(expected[j][0], 12);
      expect(c.lo).toBeCloseTo(expected[j][1], 11);
      expect(c.hi).toBeCloseTo(expected[j][2], 11);
    });
  });
  it('drops non-finite rows and counts them', () => {
    const s = standardizedRegression([...X, [NaN, 0, 0]], [...y, 1], names);
    expect([s.n, s.dropped]).toEqual([40, 1]);
    expect(s.coefficients[0].src).toBeCloseTo(1.0057973187449119, 12);
  });
});

describe('partialRankCorrelation (PRCC by hand in R)', () => {
  it('matches PRCC, Fisher-z intervals and t p-values, with tied ranks in x3', () => {
    const p = partialRankCorrelation(X, y, names);
    const expected = [
      [0.978719356791557, 0.9591283583854798, 0.988972661159869, 2.33482959488335e-26],
      [-0.780359142311806, -0.8804088205070083, -0.613798854847067, 7.61000621436505e-9],
      [0.380465834005986, 0.0691990637554754, 0.624225516946087, 1.84535051636322e-2],
    ];
    p.coefficients.forEach((c, j) => {
      expect(c.prcc).toBeCloseTo(expected[j][0], 12);
      expect(c.lo).toBeCloseTo(expected[j][1], 10);
      expect(c.hi).toBeCloseTo(expected[j][2], 10);
      expect(c.p / expected[j][3]).toBeCloseTo(1, 8);
    });
  });
  it('is NaN with too few runs', () => {
    const p = partialRankCorrelation(X.slice(0, 4), y.slice(0, 4), names);
    expect(p.coefficients.every((c) => Number.isNaN(c.prcc) && Number.isNaN(c.lo) && Number.isNaN(c.p))).toBe(true);
  });
  it('ranks ties by their average (R rank)', () => {
    expect(averageRanks([10, 20, 10, 30, 20, 20])).toEqual([1.5, 4, 1.5, 6, 4, 4]);
  });
});

describe('partialDependence (R quantile type 7 + cut(right = FALSE) + t.test)', () => {
  it('bins x1 by octiles with t intervals of the mean of y', () => {
    const bins = partialDependence(x1, y);
    expect(bins).toHaveLength(8);
    const expected = [
      [0.0131559999999986, 0.121951249999999, -0.430234170996376, -0.8490304585558597, -0.0114378834368931],
      [0.1219512499999991, 0.245934999999999, 0.136931947176967, -0.4881038533139508, 0.7619677476678847],
      [0.8557464999999999, 0.978714, 2.253270863239883, 2.0278188850138661, 2.4787228414658991],
    ];
    [bins[0], bins[1], bins[7]].forEach((b, k) => {
      const [low, high, mean, lo, hi] = expected[k];
      expect(b.n).toBe(5);
      expect(b.xLow).toBeCloseTo(low, 13);
      expect(b.xHigh).toBeCloseTo(high, 13);
      expect(b.xMid).toBeCloseTo((low + high) / 2, 13);
      expect(b.mean).toBeCloseTo(mean, 12);
      expect(b.lo).toBeCloseTo(lo, 11);
      expect(b.hi).toBeCloseTo(hi, 11);
    });
  });
  it('merges duplicate edges when x has ties', () => {
    const bins = partialDependence(x3, y);
    expect(bins.map((b) => b.n)).toEqual([4, 3, 8, 5, 4, 4, 4, 8]);
    expect(bins[2].xHigh).toBeCloseTo(0.3625, 12);
    expect(bins[2].mean).toBeCloseTo(1.157792395137589, 12);
    expect(bins[7].mean).toBeCloseTo(1.159683351677719, 12);
  });
  it('gives a NaN interval for a bin of one run', () => {
    const bins = partialDependence([1, 2, 3, NaN], [5, 6, 7, 8], 3);
    expect(bins.map((b) => b.n)).toEqual([1, 1, 1]);
    expect(bins[0].mean).toBe(5);
    expect(Number.isNaN(bins[0].lo) && Number.isNaN(bins[0].hi)).toBe(true);
  });
});

// R 4.x, options(digits = 17):
//   pr <- function(x, y, k = 1) { n <- length(x); r <- cor(rank(x), rank(y)); z <- atanh(r)
//     se <- 1/sqrt(n - 3 - (k-1)); df <- n - 2 - (k-1); tt <- r*sqrt(df/(1 - r^2))
//     c(r, tanh(z - qnorm(0.975)*se), tanh(z + qnorm(0.975)*se), 2*pt(-abs(tt), df)) }
//   pr(c(0.3,0.1,0.5,0.2,0.9,0.7), c(1,0,3,2,4,6))
//     # 0.885714285714285787 0.263712725126109160 0.987470496380364771 0.018845481049562674
//   pr(c(1,2,3), c(1,3,2))   # 0.5 -1 1 0.66666666666666674 (se = 1/sqrt(0) = Inf: no interval here)
describe('partialRankCorrelation and standardizedRegression, one input and small n', () => {
  it('with one input PRCC is Spearman correlation, its Fisher-z interval and t p', () => {
    const p = partialRankCorrelation([0.3, 0.1, 0.5, 0.2, 0.9, 0.7].map((v) => [v]), [1, 0, 3, 2, 4, 6], ['a']);
    expect([p.n, p.dropped]).toEqual([6, 0]);
    const [c] = p.coefficients;
    expect(c.parameter).toBe('a');
    expect(c.prcc).toBeCloseTo(0.885714285714285787, 14);
    expect(c.lo).toBeCloseTo(0.26371272512610916, 14);
    expect(c.hi).toBeCloseTo(0.987470496380364771, 14);
    expect(c.p).toBeCloseTo(0.018845481049562674, 14);
  });
  it('no Fisher interval when n - 3 - (k - 1) = 0, but a p on the one df left', () => {
    const [c] = partialRankCorrelation([[1], [2], [3]], [1, 3, 2], ['a']).coefficients;
    expect(c.prcc).toBeCloseTo(0.5, 15);
    expect(c.lo).toBeNaN();
    expect(c.hi).toBeNaN();
    expect(c.p).toBeCloseTo(0.66666666666666674, 14);
  });
  it('a perfectly monotone input: PRCC 1 (to rounding), p about 0', () => {
    const [c] = partialRankCorrelation([[1], [2], [3], [4], [5]], [1, 4, 9, 16, 25], ['a']).coefficients;
    expect(c.prcc).toBeCloseTo(1, 14);
    expect(c.p).toBeLessThan(1e-6);
  });
  it('standardizedRegression with two runs: the SRC but no interval (no residual df); with one run nothing', () => {
    const two = standardizedRegression([[1], [3]], [2, 8], ['a']);
    expect(two.coefficients[0].src).toBeCloseTo(1, 14);
    expect(two.coefficients[0].lo).toBeNaN();
    expect(two.coefficients[0].hi).toBeNaN();
    const one = standardizedRegression([[1], [NaN]], [2, 8], ['a']);
    expect([one.n, one.dropped]).toEqual([1, 1]);
    expect(one.coefficients[0].src).toBeNaN();
    // a negative slope: SRC -1 on an exact line y = 10 - 2x, interval of zero width
    const neg = standardizedRegression([[0], [1], [2], [3]], [10, 8, 6, 4], ['a']);
    expect(neg.coefficients[0].src).toBeCloseTo(-1, 14);
    expect(neg.coefficients[0].lo).toBeCloseTo(-1, 12);
    expect(neg.r2).toBeCloseTo(1, 14);
  });
});

describe('partialDependence, more cases', () => {
  it('the documented example, and every x equal: one bin from x to x', () => {
    expect(partialDependence([1, 2, 3, 4], [2, 4, 6, 8], 2).map((b) => [b.xLow, b.xHigh, b.xMid, b.n, b.mean])).toEqual([[1, 2.5, 1.75, 2, 3], [2.5, 4, 3.25, 2, 7]]);
    const flat = partialDependence([5, 5, 5], [1, 2, 3]);
    expect(flat.map((b) => [b.xLow, b.xHigh, b.n, b.mean])).toEqual([[5, 5, 3, 2]]);
    expect(partialDependence([NaN], [1])).toEqual([]);
    expect(partialDependence([], [])).toEqual([]);
  });
  it('the last bin is closed: the largest x falls in it; a y pair with a non-finite side is left out', () => {
    const bins = partialDependence([0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4, 5, NaN], 2);
    // x = 6 goes with its NaN y, so the edges are the quantiles of 0..5: 0, 2.5, 5; [0, 2.5) and [2.5, 5]
    expect(bins.map((b) => [b.xLow, b.xHigh, b.n, b.mean])).toEqual([[0, 2.5, 3, 1], [2.5, 5, 3, 4]]);
  });
  it('takes the outcome range: a bin near a bound gets the bounded interval, others the t interval', () => {
    // R: t.test(c(0.9, 1, 1, 0.95))$conf.int   # 0.88632599095855957 1.03867400904144058 (leaves [0, 1])
    const bins = partialDependence([1, 2, 3, 4, 5, 6, 7, 8], [0.4, 0.5, 0.45, 0.5, 0.9, 1, 1, 0.95], 2, [0, 1]);
    expect(bins[1].interval).toBe('korn_graubard');
    expect(bins[1].hi).toBeLessThanOrEqual(1);
    expect(bins[0].interval).toBe('t');
    const unbounded = partialDependence([1, 2, 3, 4, 5, 6, 7, 8], [0.4, 0.5, 0.45, 0.5, 0.9, 1, 1, 0.95], 2);
    expect(unbounded[1].interval).toBe('t');
    expect(unbounded[1].lo).toBeCloseTo(0.88632599095855957, 12);
    expect(unbounded[1].hi).toBeCloseTo(1.03867400904144058, 12);
  });
});
