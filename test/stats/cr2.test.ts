import { describe, expect, it } from 'vitest';
import { contrastTest, contrastWaldTest, htzNu, olsFit, unreplicated } from '../../src/stats/linear-model';
import { symmetricEigen, symmetricPower } from '../../src/stats/matrix';

// CR2 (Bell & McCaffrey 2002) with Satterthwaite df and the HTZ Wald test (Pustejovsky &
// Tipton 2018), against R 4.2.2 clubSandwich 0.5.8 (Debian r-cran-clubsandwich). Data made
// by numpy (default_rng(7)) and written here with 4 decimals; R read the same numbers:
// grid: a 3 x 3 design, 4 runs per cell, spread growing with b and a (every run its own cluster);
//   d <- read.csv("grid.csv"); d$a <- factor(d$a); d$b <- factor(d$b); d$id <- seq_len(nrow(d))
//   f <- lm(y ~ a * b, data = d); V <- vcovCR(f, cluster = d$id, type = "CR2")
//   coef_test(f, vcov = V, test = "Satterthwaite")
//   Wald_test(f, constraints = constrain_zero(6:9), vcov = V, test = "HTZ")
//   linear_contrast(f, vcov = V, contrasts = matrix(c(0,1,0,0,0,1/3,0,1/3,0), 1), test = "Satterthwaite")
//   max(abs(as.matrix(V) - sandwich::vcovHC(f, type = "HC2")))  # 1.4e-14: one run per cluster is HC2
// clustered: a 2 x 3 design x 2 arms, 3 seeds per point shared by its two arms (cluster = seed);
//   e <- read.csv("cl.csv"); e$a <- factor(e$a); e$b <- factor(e$b); e$arm <- factor(e$arm)
//   g <- lm(y ~ (a + b + arm)^2, data = e); W <- vcovCR(g, cluster = e$seed, type = "CR2")
//   coef_test(g, vcov = W, test = "Satterthwaite")
//   Wald_test(g, constraints = constrain_zero(c("a1:b1", "a1:b2")), vcov = W, test = "HTZ")
const gridY = [1.0002, 1.0597, 0.9452, 0.8219, 0.8453, 0.3084, 1.3601, 2.6402, 0.1234, -0.2614, 3.0695, 2.6707, 1.5316, 1.2209, 1.4912, 1.7086, -0.2163, 1.1136, -1.0518, -0.1343, -6.1878, 1.0421, -3.6035, 3.3207, 2.0627, 1.9252, 0.9933, 1.7845, 2.203, 2.5266, -0.7603, 1.3445, -2.4711, -1.453, 9.7654, -1.4452];
const gridX = gridY.map((_, r) => {
  const a = Math.floor(r / 12);
  const b = Math.floor(r / 4) % 3;
  return [1, +(a === 1), +(a === 2), +(b === 1), +(b === 2), +(a === 1 && b === 1), +(a === 2 && b === 1), +(a === 1 && b === 2), +(a === 2 && b === 2)];
});
const clY = [2.2491, 2.5087, 1.9773, 2.6633, 1.4103, 2.4951, 1.4685, 1.7245, 3.0588, 3.0159, 1.3454, 2.3467, 3.2371, 3.2626, 5.6292, 4.4264, 2.9893, 4.2208, 2.2326, 3.4475, 3.7929, 4.1523, 2.7967, 3.105, 2.9785, 4.891, 3.9931, 5.0683, 4.1639, 4.093, 3.71, 4.3839, 2.6028, 4.6951, 4.1624, 4.8006];
const clRows = clY.map((_, r) => ({ a: Math.floor(r / 18), b: Math.floor(r / 6) % 3, seed: Math.floor(r / 2) + 1, arm: r % 2 }));
const clX = clRows.map(({ a, b, arm }) => [1, +(a === 1), +(b === 1), +(b === 2), +(arm === 1), +(a === 1 && b === 1), +(a === 1 && b === 2), +(a === 1 && arm === 1), +(b === 1 && arm === 1), +(b === 2 && arm === 1)]);
const unit = (p: number, j: number) => Array.from({ length: p }, (_, k) => (k === j ? 1 : 0));
const gridFit = () => olsFit(gridX, gridY, { cluster: gridY.map((_, r) => r), vcov: 'CR2' });
const clFit = () => olsFit(clX, clY, { cluster: clRows.map((r) => r.seed), vcov: 'CR2' });

describe('CR2 sandwich, one run per cluster (= HC2)', () => {
  it('matches clubSandwich: SEs, Satterthwaite df and p of every coefficient', () => {
    const fit = gridFit();
    expect(fit.vcovType).toBe('CR2');
    // vcovHC(f, type = "HC2"): diagonal entries of the intercept and a1:b1
    expect(fit.vcov[0][0]).toBeCloseTo(0.00256704416666922, 14);
    expect(fit.vcov[5][5]).toBeCloseTo(0.46102693312500115, 12);
    const expected: [number, number, number][] = [
      [0.0506660060264037, 3, 0.000324233667428495],
      [0.1128134439018865, 6, 0.003292681703654938],
      [0.2448369997740143, 6, 0.023987452369227048],
      [0.5016677378172399, 6, 0.532980133993763427],
      [0.8574511443808369, 6, 0.623272267504525912],
      [0.6789896413974282, 12, 0.016450040132746872],
      [0.9252080337010687, 12, 0.467191699905984859],
      [2.3267383547038558, 12, 0.182902416490272141],
      [3.0324490588604029, 12, 0.738483071421355497],
    ];
    expected.forEach(([se, df, p], j) => {
      const t = contrastTest(fit, unit(9, j));
      expect(t.se).toBeCloseTo(se, 12);
      expect(t.df).toBeCloseTo(df, 9);
      expect(t.p).toBeCloseTo(p, 12);
    });
  });
  it('gives the HTZ test of the four interaction terms', () => {
    const w = contrastWaldTest(gridFit(), [5, 6, 7, 8].map((j) => unit(9, j)));
    expect(w.test).toBe('HTZ');
    expect(w.df1).toBe(4);
    expect(w.df2).toBeCloseTo(13.875, 9);
    expect(w.F).toBeCloseTo(2.03461892654614, 11);
    expect(w.p).toBeCloseTo(0.145003035901465, 11);
    // F = delta Q / q with delta = (nu - q + 1) / nu = 0.822222222222222
    expect(w.F / (w.Q / 4)).toBeCloseTo(0.822222222222222, 12);
  });
  it('gives a linear contrast with its Satterthwaite interval', () => {
    const t = contrastTest(gridFit(), [0, 1, 0, 0, 0, 1 / 3, 0, 1 / 3, 0]);
    expect(t.estimate).toBeCloseTo(-1.19568333333333, 12);
    expect(t.se).toBeCloseTo(0.807053036344094, 12);
    expect(t.df).toBeCloseTo(18, 9);
    expect(t.lo).toBeCloseTo(-2.89123884503209, 10);
    expect(t.hi).toBeCloseTo(0.499872178365426, 10);
  });
  it('a cell with one run (leverage 1): its adjustment is the generalised inverse, as clubSandwich', () => {
    // d1 <- d[!(d$a == 2 & d$b == 2 & d$rep > 0), ]; f1 <- lm(y ~ a * b, data = d1)
    // V1 <- vcovCR(f1, cluster = seq_len(nrow(d1)), type = "CR2"); coef_test(...); Wald_test(f1, constrain_zero(6:9), V1, "HTZ")
    const keep = gridY.map((_, r) => r < 32 || r === 32);
    const X1 = gridX.filter((_, r) => keep[r]);
    const y1 = gridY.filter((_, r) => keep[r]);
    const fit = olsFit(X1, y1, { cluster: y1.map((_, r) => r), vcov: 'CR2' });
    const a2b2 = contrastTest(fit, unit(9, 8));
    expect(a2b2.se).toBeCloseTo(0.890281178780987, 12);
    expect(a2b2.df).toBeCloseTo(9, 9);
    expect(a2b2.p).toBeCloseTo(0.000584015740733469, 12);
    const w = contrastWaldTest(fit, [5, 6, 7, 8].map((j) => unit(9, j)));
    expect(w.df2).toBeCloseTo(11.9336283185841, 9);
    expect(w.F).toBeCloseTo(7.05287169141658, 10);
    expect(w.p).toBeCloseTo(0.00373035562170127, 12);
  });
});

describe('CR2 sandwich, clusters of two runs (arms sharing a seed)', () => {
  it('matches clubSandwich: SEs, Satterthwaite df and p', () => {
    const fit = clFit();
    expect(fit.clusters).toBe(18);
    const expected: [number, number, number][] = [
      [0.236189087005902, 2.87474332648871, 0.00390470629741257],
      [0.457145512676532, 5.81818181818183, 0.14694157157655732],
      [0.549952690585807, 5.87021630615641, 0.89537028759134041],
      [0.718376965405214, 5.87021630615642, 0.04869280918755963],
      [0.2832139893222, 5.2093023255814, 0.23554177538177742],
      [0.613330169149447, 8, 0.14137748237082043],
      [0.707538666984199, 8, 0.22110347679091991],
      [0.373322105226091, 14, 0.1664172723570069],
      [0.375645989698705, 9.5609756097561, 0.92487565215345358],
      [0.471255676204008, 9.5609756097561, 0.87567004765987499],
    ];
    expected.forEach(([se, df, p], j) => {
      const t = contrastTest(fit, unit(10, j));
      expect(t.se).toBeCloseTo(se, 12);
      expect(t.df).toBeCloseTo(df, 9);
      expect(t.p).toBeCloseTo(p, 12);
    });
  });
  it('gives the HTZ test of the a:b terms', () => {
    const w = contrastWaldTest(clFit(), [5, 6].map((j) => unit(10, j)));
    expect(w.df2).toBeCloseTo(8, 9);
    expect(w.F).toBeCloseTo(2.96500527523282, 11);
    expect(w.p).toBeCloseTo(0.108781280454128, 11);
  });
  it('a CR1 fit keeps G - 1 df and the plain Wald F', () => {
    const fit = olsFit(clX, clY, { cluster: clRows.map((r) => r.seed) });
    expect(fit.vcovType).toBe('CR1');
    expect(contrastTest(fit, unit(10, 1)).df).toBe(17);
    const w = contrastWaldTest(fit, [5, 6].map((j) => unit(10, j)));
    expect([w.test, w.df1, w.df2]).toEqual(['F', 2, 17]);
    expect(w.F).toBeCloseTo(w.Q / 2, 14);
  });
});

describe('HTZ degrees of freedom: the two exact routes agree', () => {
  it('over pairs of clusters and through p x p sums, for one contrast and for four', () => {
    for (const fit of [gridFit(), clFit()]) {
      const p = fit.p;
      const sets = [[unit(p, 1)], [5, 6, 7, 8].filter((j) => j < p).map((j) => unit(p, j)), [[0, 1, 0.5, ...new Array<number>(p - 3).fill(0.25)]]];
      for (const C of sets) {
        const a = htzNu(fit, C, 'pairs');
        const b = htzNu(fit, C, 'sums');
        expect(Number.isFinite(a)).toBe(true);
        expect(Math.abs(a - b) / b).toBeLessThan(1e-10);
        expect(Math.abs(htzNu(fit, C) - a) / a).toBeLessThan(1e-10);
      }
    }
    // 13.875 is clubSandwich's df for the grid's interaction test (q = 4, nu - q + 1)
    expect(htzNu(gridFit(), [5, 6, 7, 8].map((j) => unit(9, j)), 'pairs') - 3).toBeCloseTo(13.875, 9);
    expect(htzNu(gridFit(), [5, 6, 7, 8].map((j) => unit(9, j)), 'sums') - 3).toBeCloseTo(13.875, 9);
  });
});

describe('symmetric eigen-decomposition and powers', () => {
  it('reconstructs the matrix and gives its eigenvalues (numpy.linalg.eigh)', () => {
    // numpy.linalg.eigh([[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 2]])[0].tolist() = [1.8800869029150529, 2.3983430193369966, 4.72157007774795]
    const S = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 2]];
    const { values, vectors } = symmetricEigen(S);
    const sorted = [...values].sort((a, b) => a - b);
    [1.8800869029150529, 2.3983430193369966, 4.72157007774795].forEach((v, k) => expect(sorted[k]).toBeCloseTo(v, 13));
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      const back = values.reduce((s, v, k) => s + vectors[i][k] * v * vectors[j][k], 0);
      expect(back).toBeCloseTo(S[i][j], 13);
    }
  });
  it('S^(-1/2) squared times S is the identity; a zero eigenvalue maps to 0 (generalised inverse)', () => {
    const S = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 2]];
    const R = symmetricPower(S, -0.5);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let v = 0;
      for (let k = 0; k < 3; k++) for (let l = 0; l < 3; l++) v += R[i][k] * R[k][l] * S[l][j];
      expect(v).toBeCloseTo(i === j ? 1 : 0, 12);
    }
    // [[1, 1], [1, 1]] has eigenvalues 2 and 0: the power -1/2 is 2^(-1/2) v v' with v = (1, 1)/sqrt 2
    const P = symmetricPower([[1, 1], [1, 1]], -0.5);
    P.flat().forEach((v) => expect(v).toBeCloseTo(0.5 / Math.SQRT2, 14));
  });
});

describe('a contrast with no replication behind its clustered variance', () => {
  // Two factors a, b (two levels each) and two arms, one seed per point (a, b): the seed is the
  // point. The two-way model fits every point's mean, so each seed's residuals sum to 0 and the
  // CR2 variance of any contrast between points is 0 up to rounding. Reference (R 4.2.2,
  // clubSandwich 0.5.8): f <- lm(y ~ (a + b + arm)^2); V <- vcovCR(f, cluster = seed, type =
  // "CR2"); linear_contrast(f, vcov = V, contrasts = rbind(c(0, 1, 0, 0, .5, .5, 0)),
  // test = "Satterthwaite") prints the main effect of a as 1.95 with SE 6.66e-16 and the CI
  // 1.95 to 1.95 (a zero-width interval); the arm's main effect c(0, 0, 0, 1, 0, .5, .5):
  // 0.15, SE 0.15, d.f. 1, CI -1.76 to 2.06.
  const a = [0, 0, 0, 0, 1, 1, 1, 1];
  const b = [0, 0, 1, 1, 0, 0, 1, 1];
  const arm = [0, 1, 0, 1, 0, 1, 0, 1];
  const seed = [1, 1, 2, 2, 3, 3, 4, 4];
  const y = [1.0, 1.3, 1.9, 2.6, 3.1, 3.0, 4.4, 4.1];
  const X = a.map((_, i) => [1, a[i], b[i], arm[i], a[i] * b[i], a[i] * arm[i], b[i] * arm[i]]);
  const fit = olsFit(X, y, { cluster: seed, vcov: 'CR2' });

  it('gives no interval, p or test for a contrast between points (R: a zero-width CI)', () => {
    const mainA = contrastTest(fit, [0, 1, 0, 0, 0.5, 0.5, 0]);
    expect(mainA.estimate).toBeCloseTo(1.95, 12);
    expect([mainA.lo, mainA.hi, mainA.p, mainA.se].every(Number.isNaN)).toBe(true);
    expect(unreplicated(fit, [[0, 0, 0, 0, 1, 0, 0]])).toBe(true);
    const interaction = contrastWaldTest(fit, [[0, 0, 0, 0, 1, 0, 0]]);
    expect([interaction.F, interaction.p].every(Number.isNaN)).toBe(true);
  });

  it('keeps the interval of a contrast within seeds (the arm), as R gives it', () => {
    const mainArm = contrastTest(fit, [0, 0, 0, 1, 0, 0.5, 0.5]);
    expect(mainArm.estimate).toBeCloseTo(0.15, 12);
    expect(mainArm.se).toBeCloseTo(0.15, 12);
    expect(mainArm.df).toBeCloseTo(1, 10);
    expect(mainArm.lo).toBeCloseTo(0.15 - 12.706204736174698 * 0.15, 10);
    expect(mainArm.hi).toBeCloseTo(0.15 + 12.706204736174698 * 0.15, 10);
    expect(unreplicated(fit, [[0, 0, 0, 1, 0, 0.5, 0.5]])).toBe(false);
  });

  it('leaves a fit without clusters alone (classical variances)', () => {
    const classical = olsFit(X, y);
    expect(unreplicated(classical, [[0, 1, 0, 0, 0.5, 0.5, 0]])).toBe(false);
    expect(Number.isFinite(contrastTest(classical, [0, 1, 0, 0, 0.5, 0.5, 0]).lo)).toBe(true);
  });
});
