/**
 * Audit 8, finding 2: on a continuous design an arm's effect is regressed on the sampled
 * conditions (each point's mean paired difference on the standardised conditions), HC2
 * sandwich, Satterthwaite t per slope, HTZ F of all slopes. Reference: R 4 with
 * clubSandwich, on the numbers below (each point its own cluster, so CR2 = HC2):
 *
 *   library(clubSandwich); i <- 0:29
 *   x1 <- ((7*i) %% 30)/30; x2 <- ((11*i) %% 30)/30; x3 <- cos(i)
 *   d <- 0.5 - 0.8*x1 + 0.3*x2 + sin(1.7*i)*(0.1 + x1)
 *   f <- lm(d ~ scale(cbind(x1, x2, x3))); summary(f)$r.squared        # 0.416655012913077
 *   coef_test(f, vcov="CR2", cluster=i, test="Satterthwaite")           # beta, SE, df_Satt, p_Satt
 *   conf_int(f, vcov="CR2", cluster=i, test="Satterthwaite")            # CI_L, CI_U
 *   Wald_test(f, constraints=constrain_zero(2:4), vcov="CR2", cluster=i, test="HTZ")
 *     # Fstat 8.80977630172845, df_num 3, df_denom 12.7410634869035, p_val 0.00199422644084179
 */
import { describe, expect, it } from 'vitest';
import { conditionHeterogeneity } from '../../src/stats/heterogeneity';

const i = Array.from({ length: 30 }, (_, k) => k);
const x1 = i.map((k) => ((7 * k) % 30) / 30);
const x2 = i.map((k) => ((11 * k) % 30) / 30);
const x3 = i.map((k) => Math.cos(k));
const d = i.map((k) => 0.5 - 0.8 * x1[k] + 0.3 * x2[k] + Math.sin(1.7 * k) * (0.1 + x1[k]));
const points = i.map((k) => ({ x: [x1[k], x2[k], x3[k]], d: d[k] }));

describe('conditionHeterogeneity against R (lm on scale(X), clubSandwich CR2 = HC2)', () => {
  it('gives R^2, the HTZ F of all slopes, and each slope with its Satterthwaite t', () => {
    const h = conditionHeterogeneity(points, ['x1', 'x2', 'x3'])!;
    expect(h.n).toBe(30);
    expect(h.r2).toBeCloseTo(0.416655012913077, 10);
    expect(h.df1).toBe(3);
    expect(h.F).toBeCloseTo(8.80977630172845, 8);
    expect(h.df2).toBeCloseTo(12.7410634869035, 8);
    expect(h.p).toBeCloseTo(0.00199422644084179, 10);
    const R = [
      [-0.2950530688858489, 0.107287723106766, 14.9061113125128, 0.0149492403122159, -0.5238569533973938, -0.066249184374304],
      [0.2674369060252726, 0.0760262268493403, 15.2491269027225, 0.0030411296621899, 0.1056211127499436, 0.429252699300602],
      [0.0200329085973816, 0.0983691533239097, 15.2009878261609, 0.8413279977979582, -0.1893947821027663, 0.22946059929753],
    ];
    h.slopes.forEach((s, j) => {
      const [b, se, df, p, lo, hi] = R[j];
      expect(s.parameter).toBe(['x1', 'x2', 'x3'][j]);
      expect(s.estimate).toBeCloseTo(b, 10);
      expect(s.se).toBeCloseTo(se, 10);
      expect(s.df).toBeCloseTo(df, 7);
      expect(s.p).toBeCloseTo(p, 8);
      expect(s.lo).toBeCloseTo(lo, 8);
      expect(s.hi).toBeCloseTo(hi, 8);
    });
  });
  it('leaves out a constant condition and points without a difference, and refuses too few points', () => {
    const withConstant = points.map((q) => ({ x: [...q.x, 0.5], d: q.d }));
    withConstant.push({ x: [0.1, 0.2, 0.3, 0.5], d: NaN });
    const h = conditionHeterogeneity(withConstant, ['x1', 'x2', 'x3', 'fixed'])!;
    expect(h.leftOut).toEqual(['fixed']);
    expect(h.n).toBe(30);
    expect(h.F).toBeCloseTo(8.80977630172845, 8);
    // 3 conditions + intercept need at least 2 x 4 = 8 points (with fewer, R² is mostly chance).
    expect(conditionHeterogeneity(points.slice(0, 7), ['x1', 'x2', 'x3'])).toBeNull();
    expect(conditionHeterogeneity(points.slice(0, 8), ['x1', 'x2', 'x3'])).not.toBeNull();
  });
});
