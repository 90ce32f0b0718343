import { describe, expect, it } from 'vitest';
import { contrastTest, contrastWaldTest, htzNu, htzPlan, olsFit, type LinearFit } from '../../src/stats/linear-model';
import { matMul, symmetricEigen, transpose } from '../../src/stats/matrix';

// The HTZ nu over pairs of kinds of cluster (clusters with the same rows of X) against the
// pairs-of-clusters route it groups, and against R 4.2.2 clubSandwich 0.5.8.
//
// Data by numpy (written here as the CSVs R read):
//   rng = np.random.default_rng(20261203)
//   one: 3 x 4 grid, one run per cluster, rng.integers(1, 5, (3, 4)) runs per cell with cells
//     (0, 3) and (2, 1) set to 1 (five cells of one run: leverage 1),
//     y = round(1 + 0.3 a - 0.2 b + rng.normal() * (1 + a + 0.5 b), 4)
//   cl: 2 x 3 points, 3 arms sharing a seed, rng.integers(1, 5, (2, 3)) seeds per point with
//     (1, 2) set to 1, u = rng.normal() per seed, each arm of a point with more than one seed
//     left out when rng.random() < 0.15, y = round(2 + 0.5 a + 0.3 b - 0.4 arm + u + rng.normal() * (0.5 + b + arm), 4)
// R:
//   d <- read.csv("one.csv"); d$a <- factor(d$a); d$b <- factor(d$b); d$id <- seq_len(nrow(d))
//   f <- lm(y ~ a * b, data = d); V <- vcovCR(f, cluster = d$id, type = "CR2")
//   Wald_test(f, constraints = constrain_zero(7:12), vcov = V, test = "HTZ")$df_denom  # 1.78139534883722
//   Wald_test(f, constraints = constrain_zero(c(2, 3)), vcov = V, test = "HTZ")$df_denom  # 2.6
//   coef_test(f, vcov = V, test = "Satterthwaite")$df_Satt
//   linear_contrast(f, vcov = V, contrasts = matrix(c(0, 1, 0, 0, 0, 0, 1/4, 0, 1/4, 0, 1/4, 0), 1), test = "Satterthwaite")$df  # 7.02247191011238
//   e <- read.csv("cl.csv"); e$a <- factor(e$a); e$b <- factor(e$b); e$arm <- factor(e$arm)
//   g <- lm(y ~ (a + b + arm)^2, data = e); W <- vcovCR(g, cluster = e$seed, type = "CR2")
//   for (k in list(7:8, 11:14, 7:14, 9:10)) Wald_test(g, constraints = constrain_zero(k), vcov = W, test = "HTZ")
//   coef_test(g, vcov = W, test = "Satterthwaite")$df_Satt
const oneA = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2];
const oneB = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 0, 0, 0, 1, 2, 2, 3, 3, 0, 1, 2, 2, 2, 3];
const oneY = [0.5909, 0.7706, 1.3943, 1.1937, 0.2086, 1.3255, 1.3707, 2.0872, 4.2073, -3.6861, 0.2313, 1.4009, 3.0074, 3.0949, 0.2609, 3.4245, 0.2296, -1.0038, 3.4734, -4.3928, 6.1394, -2.4304, 4.1371, 0.0284, 3.9723, 1.672, -3.2328];
const clA = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const clB = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2];
const clArm = [0, 1, 2, 0, 1, 2, 0, 2, 0, 2, 0, 2, 1, 2, 1, 0, 1, 2, 0, 2, 1, 2, 0, 1, 2, 0, 1, 0, 2, 0, 1, 2];
const clSeed = [1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12, 13, 13, 14, 14, 14];
const clY = [3.6849, 1.9561, -1.9561, 3.6893, 1.5129, 5.3365, 6.0176, 0.8864, 0.7298, -3.2418, 2.0652, -0.1769, 2.228, 6.2327, 6.1467, 1.2895, 0.0772, -10.0893, 2.7622, 4.9054, 0.2107, 1.7935, 2.6184, 3.3759, 4.9575, 3.7284, 1.1534, 2.9221, 5.1639, 1.5449, 1.9433, 3.4827];

const unit = (p: number, j: number) => Array.from({ length: p }, (_, k) => (k === j ? 1 : 0));
const units = (p: number, js: number[]) => js.map((j) => unit(p, j));
// R's column order of y ~ a * b and of y ~ (a + b + arm)^2
const oneX = oneA.map((a, r) => {
  const b = oneB[r];
  return [1, +(a === 1), +(a === 2), +(b === 1), +(b === 2), +(b === 3), +(a === 1 && b === 1), +(a === 2 && b === 1), +(a === 1 && b === 2), +(a === 2 && b === 2), +(a === 1 && b === 3), +(a === 2 && b === 3)];
});
const clX = clA.map((a, r) => {
  const [b, arm] = [clB[r], clArm[r]];
  return [1, +(a === 1), +(b === 1), +(b === 2), +(arm === 1), +(arm === 2), +(a === 1 && b === 1), +(a === 1 && b === 2), +(a === 1 && arm === 1), +(a === 1 && arm === 2), +(b === 1 && arm === 1), +(b === 2 && arm === 1), +(b === 1 && arm === 2), +(b === 2 && arm === 2)];
});
const oneFit = () => olsFit(oneX, oneY, { cluster: oneY.map((_, r) => r), vcov: 'CR2' });
const clFit = () => olsFit(clX, clY, { cluster: clSeed, vcov: 'CR2' });

/** The smallest eigenvalue of I - H_gg per cluster (0: a block of leverage 1). */
function smallestResidualEigen(fit: LinearFit): number[] {
  return fit.cr2!.groups.map((g) => {
    const H = matMul(matMul(g.X, fit.cr2!.bread), transpose(g.X));
    return Math.min(...symmetricEigen(H.map((row, a) => row.map((h, b) => (a === b ? 1 : 0) - h))).values);
  });
}

describe('HTZ degrees of freedom over kinds of cluster, against clubSandwich', () => {
  it('one run per cluster, cells of one run (leverage 1): the kinds are the 12 cells', () => {
    const fit = oneFit();
    expect(smallestResidualEigen(fit).filter((v) => Math.abs(v) < 1e-9)).toHaveLength(5);
    const interaction = units(12, [6, 7, 8, 9, 10, 11]);
    expect(htzPlan(fit, interaction)).toEqual({ route: 'kinds', kinds: 12 });
    // df_denom = nu - q + 1
    expect(htzNu(fit, interaction, 'kinds') - 5).toBeCloseTo(1.78139534883722, 9);
    expect(contrastWaldTest(fit, interaction).df2).toBeCloseTo(1.78139534883722, 9);
    expect(htzNu(fit, units(12, [1, 2]), 'kinds') - 1).toBeCloseTo(2.6, 9);
    const satterthwaite = [3, 4.45454545454545, 3, 6, 5.99999999999999, 3, 7.14285714285714, 6, 5.12000000000001, 7.14285714285715, 3.59574468085107, 3];
    satterthwaite.forEach((df, j) => expect(htzNu(fit, [unit(12, j)], 'kinds')).toBeCloseTo(df, 9));
    expect(contrastTest(fit, [0, 1, 0, 0, 0, 0, 1 / 4, 0, 1 / 4, 0, 1 / 4, 0]).df).toBeCloseTo(7.02247191011238, 9);
  });
  it('clusters of one to three runs, a point of one seed (leverage 1): 12 kinds of 14 clusters', () => {
    const fit = clFit();
    expect(fit.clusters).toBe(14);
    // seed 14 is the only one at a = 1, b = 2: its a1:b2 direction has leverage 1
    expect(Math.abs(smallestResidualEigen(fit)[13])).toBeLessThan(1e-9);
    // seeds 3, 4 and 5 have arms 0 and 2 of the same point: one kind
    expect(fit.cr2!.sameAs).toEqual([0, 1, 2, 2, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const expected: [number[], number, number, number][] = [
      [[6, 7], 2.90793464557683, 0.00217721965722376, 0.997826773721439],
      [[10, 11, 12, 13], 1.48671574614746, 0.891269359899994, 0.614141899138534],
      [[8, 9], 2.91152298739735, 2.66769642916336, 0.219657671406621],
    ];
    for (const [js, df2, F, p] of expected) {
      const C = units(14, js);
      expect(htzPlan(fit, C)).toEqual({ route: 'kinds', kinds: 12 });
      expect(htzNu(fit, C, 'kinds') - js.length + 1).toBeCloseTo(df2, 9);
      const w = contrastWaldTest(fit, C);
      expect(w.df2).toBeCloseTo(df2, 9);
      expect(w.F).toBeCloseTo(F, 10);
      expect(w.p).toBeCloseTo(p, 10);
    }
    // all eight interaction terms: R's df_denom is -0.427747092357986 (no test), nu = df_denom + 7
    expect(htzNu(fit, units(14, [6, 7, 8, 9, 10, 11, 12, 13]), 'kinds')).toBeCloseTo(-0.427747092357986 + 7, 9);
    expect(contrastWaldTest(fit, units(14, [6, 7, 8, 9, 10, 11, 12, 13])).p).toBeNaN();
    const satterthwaite = [
      2.57291947767669, 4.79557166822843, 5.21583944120077, 1.79735645090926, 2.35768213934147, 2.6176083827502, 3.29063635922358, 3.1907884530157, 3.59972159371298, 3.9135959123991,
      3.1138084472088, 2.79037277770443, 3.7752367542389, 2.74918845048812,
    ];
    satterthwaite.forEach((df, j) => expect(contrastTest(fit, unit(14, j)).df).toBeCloseTo(df, 9));
  });
  it('a 5 x 5 grid of 1,000 runs, one per seed: 25 kinds, the test as clubSandwich', () => {
    // g <- expand.grid(r = 1:40, b = 0:4, a = 0:4); g$seed <- seq_len(nrow(g))
    // g$y <- 1 + g$a * 0.1 + g$b * 0.05 + sin(g$seed * 1.3) * (1 + g$a); g$A <- factor(g$a); g$B <- factor(g$b)
    // f <- lm(y ~ A * B, data = g); V <- vcovCR(f, cluster = g$seed, type = "CR2")  # three minutes in R
    // Wald_test(f, constraints = constrain_zero(10:25), vcov = V, test = "HTZ")  # df_denom 502.96875, F 0.0519992952752188, p 0.999999983022029
    // linear_contrast(f, vcov = V, contrasts = matrix(c(0, 1, 0, 0, 0, 0, 0, 0, 0, rep(c(0.2, 0, 0, 0), 4)), 1), test = "Satterthwaite")$df  # 390
    const X: number[][] = [];
    const y: number[] = [];
    let seed = 0;
    for (let a = 0; a < 5; a++) {
      for (let b = 0; b < 5; b++) {
        for (let r = 0; r < 40; r++) {
          seed++;
          const row = [1, ...[1, 2, 3, 4].map((i) => +(a === i)), ...[1, 2, 3, 4].map((j) => +(b === j))];
          for (let j = 1; j < 5; j++) for (let i = 1; i < 5; i++) row.push(+(a === i && b === j));
          X.push(row);
          y.push(1 + a * 0.1 + b * 0.05 + Math.sin(seed * 1.3) * (1 + a));
        }
      }
    }
    const fit = olsFit(X, y, { cluster: X.map((_, r) => r), vcov: 'CR2' });
    const interaction = units(25, Array.from({ length: 16 }, (_, k) => 9 + k));
    expect(htzPlan(fit, interaction)).toEqual({ route: 'kinds', kinds: 25 });
    const w = contrastWaldTest(fit, interaction);
    expect(w.df2).toBeCloseTo(502.96875, 9);
    expect(w.F).toBeCloseTo(0.0519992952752188, 10);
    expect(w.p).toBeCloseTo(0.999999983022029, 10);
    const emm = [0, 1, 0, 0, 0, 0, 0, 0, 0, ...[0, 1, 2, 3].flatMap(() => [0.2, 0, 0, 0])];
    expect(htzPlan(fit, [emm])).toEqual({ route: 'kinds', kinds: 25 });
    expect(contrastTest(fit, emm).df).toBeCloseTo(390, 9);
  });
});

/** mulberry32: a seeded uniform on [0, 1). */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random unbalanced grid: factors A, B (and C) with a model of main effects and two-way
 * interactions in treatment coding. One run per cluster (1 to 4 runs per cell, many cells of
 * one run), or seeds of 2 to 3 arms (arm a factor of the model, each arm of a seed kept with
 * probability 0.8, 1 to 4 seeds per point); rows shuffled half the time (arms then come in
 * different orders, so fewer clusters share a kind).
 */
function randomDesign(rand: () => number, perCluster: 'one' | 'several') {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const nFactors = perCluster === 'one' ? int(2, 3) : 2;
  const levels = Array.from({ length: nFactors }, () => int(2, nFactors === 3 ? 3 : 4));
  const arms = perCluster === 'one' ? 1 : int(2, 3);
  const sizes = arms > 1 ? [...levels, arms] : levels;
  const cells: number[][] = [[]];
  for (const L of levels) cells.splice(0, cells.length, ...cells.flatMap((c) => Array.from({ length: L }, (_, l) => [...c, l])));
  const rows: { l: number[]; cluster: number }[] = [];
  let seed = 0;
  for (const cell of cells) {
    const count = rand() < 0.3 ? 1 : int(1, 4);
    for (let r = 0; r < count; r++) {
      seed++;
      const kept = Array.from({ length: arms }, () => count === 1 || rand() < 0.8);
      if (!kept.some(Boolean)) kept[int(0, arms - 1)] = true;
      for (let m = 0; m < arms; m++) if (kept[m]) rows.push({ l: arms > 1 ? [...cell, m] : cell, cluster: seed });
    }
  }
  if (rand() < 0.5) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = int(0, i);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
  }
  const row = (l: number[]) => {
    const x = [1];
    sizes.forEach((L, f) => {
      for (let k = 1; k < L; k++) x.push(+(l[f] === k));
    });
    for (let f = 0; f < sizes.length; f++) {
      for (let g = f + 1; g < sizes.length; g++) for (let k = 1; k < sizes[f]; k++) for (let m = 1; m < sizes[g]; m++) x.push(+(l[f] === k && l[g] === m));
    }
    return x;
  };
  const X = rows.map((r) => row(r.l));
  const y = rows.map((r) => r.l.reduce((s, v) => s + 0.3 * v, 0) + (rand() - 0.5) * (1 + 2 * r.l[0]) + (r.cluster % 3) * 0.2);
  const interactionStart = 1 + sizes.reduce((s, L) => s + L - 1, 0);
  return { X, y, cluster: rows.map((r) => r.cluster), interactionStart };
}

describe('HTZ degrees of freedom: the kinds route equals the pairs route', () => {
  it('on 120 random unbalanced designs (one and several runs per cluster, leverage-1 blocks), for 1 to all interaction contrasts', () => {
    const rand = uniform(8);
    let compared = 0;
    let collapsed = 0;
    let withLeverage1 = 0;
    let undefinedNu = 0;
    for (let d = 0; d < 120; d++) {
      const { X, y, cluster, interactionStart } = randomDesign(rand, d % 2 === 0 ? 'one' : 'several');
      const fit = olsFit(X, y, { cluster, vcov: 'CR2' });
      if (!fit.cr2) continue;
      const p = fit.p;
      const G = fit.clusters!;
      if (htzPlan(fit, [unit(p, 1)])!.kinds < G) collapsed++;
      if (smallestResidualEigen(fit).some((v) => Math.abs(v) < 1e-9)) withLeverage1++;
      const random = (q: number) => Array.from({ length: q }, () => Array.from({ length: p }, () => (rand() < 0.5 ? 0 : rand() * 2 - 1)));
      const interactions = units(p, Array.from({ length: p - interactionStart }, (_, k) => interactionStart + k));
      for (const C of [[unit(p, 1)], random(1), random(2), interactions.slice(0, 3), interactions]) {
        if (C.length === 0) continue;
        const pairs = htzNu(fit, C, 'pairs');
        const kinds = htzNu(fit, C, 'kinds');
        if (!Number.isFinite(pairs)) {
          undefinedNu++;
          expect(kinds).toBeNaN();
          continue;
        }
        expect(Math.abs(kinds - pairs) / Math.abs(pairs)).toBeLessThan(1e-9);
        expect(Math.abs(htzNu(fit, C) - pairs) / Math.abs(pairs)).toBeLessThan(1e-9);
        compared++;
      }
    }
    // the designs exercise what they are meant to
    expect(compared).toBeGreaterThan(400);
    expect(collapsed).toBeGreaterThan(40);
    expect(withLeverage1).toBeGreaterThan(40);
    expect(undefinedNu).toBeLessThan(100);
  });
});
