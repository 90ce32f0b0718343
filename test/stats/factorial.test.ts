import { describe, expect, it } from 'vitest';
import { factorialEffects, type FactorialRow } from '../../src/stats';

// Reference values from R 4.2.2 with clubSandwich 0.5.8 and emmeans (Debian r-cran-clubsandwich,
// r-cran-emmeans): CR2 sandwich, Satterthwaite df per contrast, HTZ test for joint terms.
//   suppressMessages({library(clubSandwich); library(emmeans)}); options(digits = 15)
//   show_main <- function(fit, V, spec) { L <- contrast(emmeans(fit, spec), "trt.vs.ctrl")@linfct
//     r <- as.data.frame(linear_contrast(fit, vcov = V, contrasts = L, test = "Satterthwaite"))
//     print(cbind(est = r$Est, lo = r$CI_L, hi = r$CI_U, df = r$df, p = 2 * pt(-abs(r$Est / r$SE), r$df))) }
//   w <- warpbreaks; w$rep <- ave(seq_len(nrow(w)), w$wool, w$tension, FUN = seq_along)
//   fit <- lm(log(breaks) ~ (wool + tension)^2, data = w)
//   V <- vcovCR(fit, cluster = w$rep, type = "CR2")
//   show_main(fit, V, ~wool); show_main(fit, V, ~tension)
//   Wald_test(fit, constraints = constrain_zero(5:6), vcov = V, test = "HTZ"); summary(fit)$r.squared
// (The CR1 version these replaced, vcovCL type HC1 with G - 1 = 8 df, gave the interaction
// p = 0.0821 and the wool interval -0.330 to 0.0259; CR2 narrows it here, and widens it
// where a few cells carry the variance: see the grid below.)
const warpBreaks = [26, 30, 54, 25, 70, 52, 51, 26, 67, 18, 21, 29, 17, 12, 18, 35, 30, 36, 36, 21, 24, 18, 10, 43, 28, 15, 26, 27, 14, 29, 19, 29, 31, 41, 20, 44, 42, 26, 19, 16, 39, 28, 21, 39, 29, 20, 21, 24, 17, 13, 15, 15, 16, 28];
const warpRows: FactorialRow[] = warpBreaks.map((y, i) => ({
  levels: { wool: i < 27 ? 'A' : 'B', tension: ['L', 'M', 'H'][Math.floor(i / 9) % 3] },
  y,
  cluster: (i % 9) + 1,
}));
const warpFactors = [
  { name: 'wool', levels: ['A', 'B'] },
  { name: 'tension', levels: ['L', 'M', 'H'] },
];

// Fits are computed inside each test: Stryker runs a mutant reached only in a describe body against no test.
const warpFit = () => factorialEffects(warpRows, warpFactors, { scale: 'log' });
const gridFit = () => factorialEffects(synthetic(), gridFactors, { scale: 'identity' });

describe('factorialEffects on warpbreaks, log scale (R lm + emmeans + clubSandwich CR2)', () => {
  it('fits the two-way model with 9 replicate clusters', () => {
    const fx = warpFit();
    expect(fx).toMatchObject({ model: 'two-way', reason: null, n: 54, dropped: 0, clusters: 9, factors: ['wool', 'tension'] });
    expect(fx.fit.names).toEqual(['(Intercept)', 'wool=B', 'tension=M', 'tension=H', 'wool=B:tension=M', 'wool=B:tension=H']);
    expect(fx.r2).toBeCloseTo(0.336294628520075, 12);
  });
  it('gives EMM contrasts against the reference level with Satterthwaite t intervals', () => {
    const fx = warpFit();
    const expected: [string, string, number, number, number, number][] = [
      ['wool', 'B', -0.152153566822566, -0.321580721739785, 0.017273588094653, 0.0721280967616501],
      ['tension', 'M', -0.28712374824971, -0.586111817809463, 0.0118643213100435, 0.05767494659964002],
      ['tension', 'H', -0.489274736396205, -0.824906605488421, -0.1536428673039885, 0.00990782390774259],
    ];
    expect(fx.mainEffects.map((e) => [e.factor, e.level, e.reference])).toEqual([
      ['wool', 'B', 'A'],
      ['tension', 'M', 'L'],
      ['tension', 'H', 'L'],
    ]);
    fx.mainEffects.forEach((e, i) => {
      const [, , est, lo, hi, p] = expected[i];
      expect(e.estimate).toBeCloseTo(est, 12);
      expect(e.lo).toBeCloseTo(lo, 11);
      expect(e.hi).toBeCloseTo(hi, 11);
      expect(e.p).toBeCloseTo(p, 11);
      expect(e.df).toBeCloseTo(8, 10);
      expect(e.ratio).toBeCloseTo(Math.expm1(est), 12);
      expect(e.ratioLo).toBeCloseTo(Math.expm1(lo), 11);
      expect(e.ratioHi).toBeCloseTo(Math.expm1(hi), 11);
    });
  });
  it('tests the wool:tension terms jointly with the CR2 vcov and the HTZ F', () => {
    const fx = warpFit();
    expect(fx.interactions).toHaveLength(1);
    const [ix] = fx.interactions;
    expect([ix.a, ix.b, ix.df1, ix.method]).toEqual(['wool', 'tension', 2, 'cr2-htz']);
    expect(ix.df2).toBeCloseTo(7, 10);
    expect(ix.F).toBeCloseTo(3.35464274849746, 10);
    expect(ix.p).toBeCloseTo(0.0951242547803216, 11);
    // terms woolB:tensionM 0.628143921929370, woolB:tensionH 0.222095887090596: largest 2 x 2 contrast is the first
    expect(ix.maxAbsDeviation).toBeCloseTo(0.62814392192937, 12);
  });
});

// Synthetic 3 x 3 x 2 grid, 6 seeds shared by every cell, identity scale:
//   d <- expand.grid(seed = 1:6, A = c("a0","a1","a2"), B = c("b0","b1","b2"), C = c("c0","c1"), stringsAsFactors = TRUE)
//   ia <- as.integer(d$A) - 1; ib <- as.integer(d$B) - 1; ic <- as.integer(d$C) - 1
//   d$y <- 2 + 0.7*ia - 0.4*ib + 0.3*ic + 0.25*ia*ib - 0.2*ib*ic + 0.5*sin(3*d$seed) + 0.3*cos(0.7*seq_len(nrow(d))^2)
//   fit2 <- lm(y ~ (A + B + C)^2, data = d); V2 <- vcovCR(fit2, cluster = d$seed, type = "CR2")
//   show_main(fit2, V2, ~A); show_main(fit2, V2, ~B); show_main(fit2, V2, ~C); b2 <- coef(fit2)
//   for (pat in c("^A.*:B", "^A.*:C", "^B.*:C"))
//     print(Wald_test(fit2, constraints = constrain_zero(grep(pat, names(b2))), vcov = V2, test = "HTZ"))
//   max over 2 x 2 interaction contrasts of the A:B and B:C coefficient tables (gamma, 0 on reference rows/columns)
//   d3 <- d[!(d$A == "a2" & d$B == "b2"), ]; fit3 <- lm(y ~ A + B + C, data = d3)
//   V3 <- vcovCR(fit3, cluster = d3$seed, type = "CR2"); show_main(fit3, V3, ~A); show_main(fit3, V3, ~B)
// CR1 with G - 1 = 5 df gave A:B F(4, 5) = 54.5, p = 0.00026; HTZ: F(4, 2) = 24.8, p = 0.039 --
// four restrictions estimated from six clusters carry far less information than G - 1 says.
function synthetic(): FactorialRow[] {
  const rows: FactorialRow[] = [];
  let i = 0;
  for (let ic = 0; ic < 2; ic++) {
    for (let ib = 0; ib < 3; ib++) {
      for (let ia = 0; ia < 3; ia++) {
        for (let seed = 1; seed <= 6; seed++) {
          i++;
          const y = 2 + 0.7 * ia - 0.4 * ib + 0.3 * ic + 0.25 * ia * ib - 0.2 * ib * ic + 0.5 * Math.sin(3 * seed) + 0.3 * Math.cos(0.7 * i * i);
          rows.push({ levels: { A: `a${ia}`, B: `b${ib}`, C: `c${ic}`, D: 'd0' }, y, cluster: seed });
        }
      }
    }
  }
  return rows;
}
const gridFactors = [
  { name: 'A', levels: ['a0', 'a1', 'a2'] },
  { name: 'B', levels: ['b0', 'b1', 'b2'] },
  { name: 'C', levels: ['c0', 'c1'] },
  { name: 'D', levels: ['d0'] },
];

describe('factorialEffects on a synthetic 3 x 3 x 2 grid with seeds as clusters', () => {
  it('omits the single-level factor and averages EMMs over the other factors with equal weights', () => {
    const fx = gridFit();
    expect(fx.factors).toEqual(['A', 'B', 'C']);
    expect(fx.model).toBe('two-way');
    expect(fx.r2).toBeCloseTo(0.883742525549811, 12);
    const expected = [
      [0.968599876636525, 0.867347240075533, 1.06985251319752, 2.07391993173703e-6],
      [1.905656983649795, 1.761221993798811, 2.05009197350078, 4.19033167902439e-7],
      [-0.294214678859701, -0.395175686207826, -0.193253671511576, 0.000669966132075082],
      [-0.57395641012388, -0.712432320356191, -0.435480499891569, 0.000126032643414921],
      [0.0887965029355161, -0.0689426502457473, 0.24653565611678, 0.207527245852974],
    ];
    fx.mainEffects.forEach((e, i) => {
      const [est, lo, hi, p] = expected[i];
      expect(e.estimate).toBeCloseTo(est, 12);
      expect(e.lo).toBeCloseTo(lo, 11);
      expect(e.hi).toBeCloseTo(hi, 11);
      expect(e.p).toBeCloseTo(p, 12);
      expect(e.ratio).toBeUndefined();
    });
  });
  it('tests each pair of factors jointly and reports the largest interaction contrast', () => {
    const fx = gridFit();
    expect(fx.interactions.map((t) => `${t.a}:${t.b}`)).toEqual(['A:B', 'A:C', 'B:C']);
    const [ab, ac, bc] = fx.interactions;
    expect(ab.F).toBeCloseTo(24.8106978423018, 8);
    expect(ab.p).toBeCloseTo(0.0391187457467651, 11);
    expect(ab.df1).toBe(4);
    expect(ab.df2).toBeCloseTo(2, 10);
    expect(ac.F).toBeCloseTo(1.20257103981412, 10);
    expect(ac.p).toBeCloseTo(0.389998060405888, 11);
    expect(ac.df2).toBeCloseTo(4, 10);
    expect(bc.F).toBeCloseTo(4.21414464025161, 10);
    expect(bc.p).toBeCloseTo(0.103585096746188, 11);
    expect(fx.interactions.every((t) => t.method === 'cr2-htz')).toBe(true);
    expect(ab.maxAbsDeviation).toBeCloseTo(1.20587762681291, 11);
    expect(bc.maxAbsDeviation).toBeCloseTo(0.277921200360284, 11);
  });
  it('fits the additive model and says why when a two-way cell is empty', () => {
    const rows = synthetic().filter((r) => !(r.levels.A === 'a2' && r.levels.B === 'b2'));
    const add = factorialEffects(rows, gridFactors, { scale: 'identity' });
    expect(add.model).toBe('additive');
    expect(add.reason).toBe('no run has A = a2 and B = b2');
    expect(add.interactions).toEqual([]);
    expect(add.r2).toBeCloseTo(0.842076594241219, 12);
    const expected = [
      [0.968599876636524, 0.86734724007553, 1.06985251319752],
      [1.704547049285472, 1.46352763923468, 1.94556645933626],
      [-0.294214678859702, -0.395175686207827, -0.193253671511577],
      [-0.775066344488201, -1.001040277727686, -0.549092411248716],
    ];
    expected.forEach(([est, lo, hi], i) => {
      expect(add.mainEffects[i].estimate).toBeCloseTo(est, 12);
      expect(add.mainEffects[i].lo).toBeCloseTo(lo, 11);
      expect(add.mainEffects[i].hi).toBeCloseTo(hi, 11);
    });
  });
  // When the a:b terms outnumber seeds - 1 the clustered Wald test does not exist (its
  // block of the sandwich has rank <= G - 1; clubSandwich: "the leading minor of order 3 is
  // not positive definite"); the randomised-block F test replaces it:
  //   d3 <- d[d$seed <= 3, ]; fb <- lm(y ~ factor(seed) + (A + B + C)^2, data = d3); b <- coef(fb); V <- vcov(fb)
  //   ix <- grep("^A.*:B", names(b)); F <- c(t(b[ix]) %*% solve(V[ix,ix]) %*% b[ix]) / length(ix)
  //   c(F, length(ix), df.residual(fb), pf(F, length(ix), df.residual(fb), lower = FALSE))
  //   # 8.33367739909347 4 38 6.27871942623988e-05, the same F as anova(fb) gives for A:B
  it('falls back to the seed-block F test, and says so, when interaction terms outnumber seeds - 1', () => {
    const fewSeeds = synthetic().filter((r) => r.cluster <= 3);
    const fx = factorialEffects(fewSeeds, gridFactors, { scale: 'identity' });
    const [ab, ac] = fx.interactions;
    expect(ab.method).toBe('seed-block');
    expect([ab.df1, ab.df2]).toEqual([4, 38]);
    expect(ab.F).toBeCloseTo(8.33367739909347, 10);
    expect(ab.p).toBeCloseTo(6.27871942623988e-5, 14);
    // A:C has 2 terms and 3 seeds: the HTZ test exists, with 1 denominator df:
    //   d4 <- d[d$seed <= 3, ]; fit4 <- lm(y ~ (A + B + C)^2, data = d4); V4 <- vcovCR(fit4, cluster = d4$seed, type = "CR2")
    //   Wald_test(fit4, constraints = constrain_zero(grep("^A.*:C", names(coef(fit4)))), vcov = V4, test = "HTZ")
    expect(ac.method).toBe('cr2-htz');
    expect(ac.df1).toBe(2);
    expect(ac.df2).toBeCloseTo(1, 10);
    expect(ac.F).toBeCloseTo(0.576957917651112, 10);
    expect(ac.p).toBeCloseTo(0.681374122014956, 10);
  });
  it('drops non-finite y and non-positive y on the log scale, and counts them', () => {
    const rows = warpRows.map((r, i) => (i === 0 ? { ...r, y: NaN } : i === 1 ? { ...r, y: 0 } : r));
    expect(factorialEffects(rows, warpFactors, { scale: 'log' }).dropped).toBe(2);
    expect(factorialEffects(rows, warpFactors, { scale: 'identity' }).dropped).toBe(1);
  });
  it('leaves out a level without runs (the next level becomes the reference)', () => {
    const rows = synthetic().filter((r) => r.levels.A !== 'a0');
    const fx = factorialEffects(rows, gridFactors, { scale: 'identity' });
    expect(fx.model).toBe('two-way');
    expect(fx.mainEffects.filter((e) => e.factor === 'A').map((e) => [e.level, e.reference])).toEqual([['a2', 'a1']]);
    expect(fx.mainEffects.every((e) => Number.isFinite(e.lo))).toBe(true);
    const onlyOne = factorialEffects(rows.filter((r) => r.levels.C === 'c1'), gridFactors, { scale: 'identity' });
    expect(onlyOne.factors).toEqual(['A', 'B']);
  });
  it('has NaN intervals with a single seed', () => {
    const one = factorialEffects(synthetic().filter((r) => r.cluster === 1), gridFactors, { scale: 'identity' });
    expect(Number.isFinite(one.mainEffects[0].estimate)).toBe(true);
    expect(Number.isNaN(one.mainEffects[0].lo)).toBe(true);
  });
});

describe('factorialEffects, more cases', () => {
  // A replicated half fraction of a 2^3 design (C = A xor B): every two-way cell has runs,
  // but A:B is aliased with C, so the two-way model is singular. y = 1 + 2a + 3b + 0.5c plus
  // noise d_k (seed - 2) that averages to 0 within each combination k: the additive fit
  // recovers 2, 3 and 0.5 exactly (each combination's mean is noise-free).
  const half = (): FactorialRow[] => {
    const rows: FactorialRow[] = [];
    [[0, 0, 0.3], [1, 0, -0.2], [0, 1, 0.1], [1, 1, 0.4]].forEach(([a, b, d]) => {
      const c = a ^ b;
      for (let seed = 1; seed <= 3; seed++) rows.push({ levels: { A: `a${a}`, B: `b${b}`, C: `c${c}` }, y: 1 + 2 * a + 3 * b + 0.5 * c + d * (seed - 2), cluster: seed });
    });
    return rows;
  };
  const halfFactors = [{ name: 'A', levels: ['a0', 'a1'] }, { name: 'B', levels: ['b0', 'b1'] }, { name: 'C', levels: ['c0', 'c1'] }];
  it('falls back to the additive model when the two-way design is singular, and says so', () => {
    const fx = factorialEffects(half(), halfFactors, { scale: 'identity' });
    expect(fx.model).toBe('additive');
    expect(fx.reason).toBe('the two-way design is singular');
    expect(fx.interactions).toEqual([]);
    expect(fx.fit.rankDeficient).toBe(false);
    expect(fx.mainEffects.map((e) => [e.factor, e.level, e.reference])).toEqual([['A', 'a1', 'a0'], ['B', 'b1', 'b0'], ['C', 'c1', 'c0']]);
    [2, 3, 0.5].forEach((v, k) => expect(fx.mainEffects[k].estimate).toBeCloseTo(v, 13));
    expect(fx.mainEffects.every((e) => e.lo < e.estimate && e.hi > e.estimate)).toBe(true);
    expect([fx.n, fx.clusters, fx.dropped]).toEqual([12, 3, 0]);
  });
  it('counts rows at a level the factor does not list as dropped', () => {
    const rows = [...half(), { levels: { A: 'a9', B: 'b0', C: 'c0' }, y: 5, cluster: 1 }, { levels: { A: 'a0', B: 'b0' }, y: 5, cluster: 2 }];
    const fx = factorialEffects(rows, halfFactors, { scale: 'identity' });
    expect([fx.n, fx.dropped]).toEqual([12, 2]);
    expect(fx.mainEffects[0].estimate).toBeCloseTo(2, 13);
  });
  it('no factor with two levels: the intercept alone, no effects', () => {
    const rows = half().filter((r) => r.levels.A === 'a0' && r.levels.B === 'b0');
    const fx = factorialEffects(rows, halfFactors, { scale: 'identity' });
    expect(fx).toMatchObject({ model: 'additive', reason: null, factors: [], mainEffects: [], interactions: [], n: 3 });
    expect(fx.fit.coef[0]).toBeCloseTo(1, 13);
  });
  it('on the identity scale a y <= 0 is kept; on the log scale each effect carries its ratio', () => {
    const rows = half().map((r, i) => (i === 0 ? { ...r, y: -1 } : r));
    expect(factorialEffects(rows, halfFactors, { scale: 'identity' }).n).toBe(12);
    const logFx = factorialEffects(rows, halfFactors, { scale: 'log' });
    expect([logFx.n, logFx.dropped]).toEqual([11, 1]);
    const e = logFx.mainEffects[0];
    expect(e.ratio).toBe(Math.expm1(e.estimate));
    expect(e.ratioLo).toBe(Math.expm1(e.lo));
    expect(e.ratioHi).toBe(Math.expm1(e.hi));
  });
  it('a level whose every run has a non-finite y (or y <= 0 on the log scale) is left out like a level without runs', () => {
    const nanC1 = half().map((r) => (r.levels.C === 'c1' ? { ...r, y: NaN } : r));
    const fx = factorialEffects(nanC1, halfFactors, { scale: 'identity' });
    expect(fx.factors).toEqual(['A', 'B']);
    expect([fx.n, fx.dropped]).toEqual([6, 6]);
    const zeroC1 = half().map((r) => (r.levels.C === 'c1' ? { ...r, y: 0 } : r));
    expect(factorialEffects(zeroC1, halfFactors, { scale: 'log' }).factors).toEqual(['A', 'B']);
  });
  it('two seeds: interaction terms outnumber G - 1 = 1, so the seed-block test is given', () => {
    const fx = factorialEffects(synthetic().filter((r) => r.cluster <= 2), gridFactors, { scale: 'identity' });
    expect(fx.clusters).toBe(2);
    expect(fx.interactions.map((t) => t.method)).toEqual(['seed-block', 'seed-block', 'seed-block']);
    expect(fx.interactions.every((t) => Number.isFinite(t.F) && t.df2 > 0)).toBe(true);
  });
  it('a 2 x 2 design with one seed: the interaction has no test and no seed-block fallback', () => {
    const rows: FactorialRow[] = [];
    for (const [a, b, y] of [[0, 0, 1], [1, 0, 3], [0, 1, 4], [1, 1, 9]]) for (const e of [-0.1, 0.1]) rows.push({ levels: { A: `a${a}`, B: `b${b}` }, y: y + e, cluster: 1 });
    const fx = factorialEffects(rows, halfFactors.slice(0, 2), { scale: 'identity' });
    expect(fx.model).toBe('two-way');
    expect(fx.clusters).toBe(1);
    const [ix] = fx.interactions;
    expect([ix.method, ix.df1]).toEqual(['cr2-htz', 1]);
    expect(ix.df2).toBeNaN();
    expect(ix.F).toBeNaN();
    // the single interaction term: 9 - 4 - 3 + 1 = 3
    expect(ix.maxAbsDeviation).toBeCloseTo(3, 13);
    // EMM(a1) - EMM(a0) = ((3 - 1) + (9 - 4)) / 2 = 3.5; EMM(b1) - EMM(b0) = ((4 - 1) + (9 - 3)) / 2 = 4.5
    expect(fx.mainEffects[0].estimate).toBeCloseTo(3.5, 13);
    expect(fx.mainEffects[1].estimate).toBeCloseTo(4.5, 13);
    expect(fx.mainEffects[0].lo).toBeNaN();
  });
});
