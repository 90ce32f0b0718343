import { describe, expect, it } from 'vitest';
import { holm, pairedContrasts } from '../../src/stats';

// Reference values from R 4.x (stats), produced by:
//   print(p.adjust(c(0.01, NA, 0.04, 0.03, 0.002, 0.5), "holm"))
//   base   <- c(1.0, 1.4, 0.9, 1.2, 1.1, 1.3)
//   top    <- c(1.3, 1.5, 1.2, 1.6, 1.2, NA)
//   bottom <- c(1.1, NA, 1.0, 1.9, 1.0, 1.5)
//   r <- function(a, b) { ok <- !is.na(a) & !is.na(b); t <- t.test(a[ok], b[ok], paired=TRUE); d <- a[ok]-b[ok]
//     c(n=sum(ok), est=unname(t$estimate), lo=t$conf.int[1], hi=t$conf.int[2], p=t$p.value, dz=mean(d)/sd(d)) }
//   m <- rbind(top_base=r(top, base), bottom_base=r(bottom, base), bottom_top=r(bottom, top))
//   print(m); print(p.adjust(m[,"p"], "holm"))

describe('holm', () => {
  it("matches R p.adjust(, 'holm') and keeps NaN in place without counting it", () => {
    const adjusted = holm([0.01, NaN, 0.04, 0.03, 0.002, 0.5]);
    expect(Number.isNaN(adjusted[1])).toBe(true);
    const expected = [0.04, NaN, 0.09, 0.09, 0.01, 0.5];
    for (const i of [0, 2, 3, 4, 5]) expect(adjusted[i]).toBeCloseTo(expected[i], 14);
  });
  it('caps at 1 and handles an empty list', () => {
    expect(holm([0.6, 0.7])).toEqual([1, 1]);
    expect(holm([])).toEqual([]);
  });
});

describe('pairedContrasts', () => {
  const seeds = (vals: number[]) => new Map(vals.map((v, i) => [i + 1, v] as const).filter(([, v]) => !Number.isNaN(v) || true));
  const base = seeds([1.0, 1.4, 0.9, 1.2, 1.1, 1.3]);
  const top = seeds([1.3, 1.5, 1.2, 1.6, 1.2]); // no seed 6
  const bottom = seeds([1.1, NaN, 1.0, 1.9, 1.0, 1.5]);
  const rows = pairedContrasts(new Map([['base', base], ['top', top], ['bottom', bottom]]));

  it('compares every pair, later arm minus earlier, on common finite seeds (R t.test paired)', () => {
    expect(rows.map((r) => `${r.armA}-${r.armB}`)).toEqual(['top-base', 'bottom-base', 'bottom-top']);
    expect(rows.map((r) => r.n)).toEqual([5, 5, 4]);
    const expected = [
      [0.24, 0.0734132936881324, 0.406586706311868, 0.0161300899000925, 1.788854381999831, 0.0483902697002776],
      [0.2, -0.1724991994611293, 0.572499199461129, 0.210295383118347, 0.666666666666667, 0.420590766236694],
      [-0.075, -0.4728057881604633, 0.322805788160463, 0.5908012080539889, -0.3, 0.5908012080539889],
    ];
    rows.forEach((r, i) => {
      const [est, lo, hi, p, dz, pHolm] = expected[i];
      expect(r.estimate).toBeCloseTo(est, 12);
      expect(r.lo).toBeCloseTo(lo, 10);
      expect(r.hi).toBeCloseTo(hi, 10);
      expect(r.p).toBeCloseTo(p, 10);
      expect(r.dz).toBeCloseTo(dz, 12);
      expect(r.pHolm).toBeCloseTo(pHolm, 10);
    });
  });

  it('gives NaN p and interval when fewer than two seeds are shared', () => {
    const [r] = pairedContrasts(new Map([['a', new Map([[1, 1]])], ['b', new Map([[1, 2], [2, 3]])]]));
    expect(r.n).toBe(1);
    expect(r.estimate).toBe(1);
    expect([r.lo, r.hi, r.p, r.pHolm].every(Number.isNaN)).toBe(true);
  });
});

// Reference values from R 4.2 (stats): the Agresti-Min (2005) interval written out as in
// PropCIs::diffpropci.mp (half a count added to each cell), the exact McNemar p by binom.test:
//   a <- c(1,1,0,1,1,0,1,1,0,1); b <- c(0,1,0,0,1,0,0,1,1,0)
//   n10 <- sum(a==1 & b==0); n01 <- sum(a==0 & b==1); n <- length(a)
//   pa <- (n10+0.5)/(n+2); pb <- (n01+0.5)/(n+2); d <- pa-pb
//   half <- qnorm(0.975)*sqrt((pa+pb-d^2)/(n+2))
//   c(est=(n10-n01)/n, lo=max(-1,d-half), hi=min(1,d+half), p=binom.test(n10, n10+n01, 0.5)$p.value)
//   -> 0.3, -0.124236804939252, 0.624236804939252, 0.375
//   (a = 1,1,1,1; b = 0,0,0,0) -> 1, 0.167684260080997, 1, 0.125
describe('pairedContrasts of a 0/1 outcome', () => {
  const asMap = (v: number[]) => new Map(v.map((x, i) => [i, x] as const));
  it('uses the Agresti-Min interval and the exact McNemar p (R formula, binom.test)', () => {
    const [r] = pairedContrasts(new Map([['b', asMap([0, 1, 0, 0, 1, 0, 0, 1, 1, 0])], ['a', asMap([1, 1, 0, 1, 1, 0, 1, 1, 0, 1])]]));
    expect(r.method).toBe('paired_share');
    expect(r.estimate).toBeCloseTo(0.3, 14);
    expect(r.lo).toBeCloseTo(-0.124236804939252, 12);
    expect(r.hi).toBeCloseTo(0.624236804939252, 12);
    expect(r.p).toBeCloseTo(0.375, 12);
  });
  it('keeps a width and stays inside [-1, 1] when every seed moves the same way (a t interval gives 1 to 1)', () => {
    const [r] = pairedContrasts(new Map([['b', asMap([0, 0, 0, 0])], ['a', asMap([1, 1, 1, 1])]]));
    expect(r.estimate).toBe(1);
    expect(r.lo).toBeCloseTo(0.167684260080997, 12);
    expect(r.hi).toBe(1);
    expect(r.p).toBeCloseTo(0.125, 12);
  });
  it('gives p = 1 and an interval around 0 when no seed is discordant', () => {
    const [r] = pairedContrasts(new Map([['b', asMap([1, 0, 1])], ['a', asMap([1, 0, 1])]]));
    expect(r.estimate).toBe(0);
    expect(r.p).toBe(1);
    expect(r.lo).toBeLessThan(0);
    expect(r.hi).toBeGreaterThan(0);
  });
  it('keeps the paired t for outcomes that are not 0/1', () => {
    const [r] = pairedContrasts(new Map([['b', asMap([0, 1, 0.5])], ['a', asMap([1, 1, 0])]]));
    expect(r.method).toBe('paired_t');
  });
});

describe('pairedDifference of a 0/1 outcome (the paired_difference rows)', () => {
  it('takes the Agresti-Min interval (same R reference as above) and says so', async () => {
    const { pairedDifference } = await import('../../src/stats');
    const d = pairedDifference([1, 1, 1, 1], [0, 0, 0, 0]);
    expect(d.method).toBe('paired_share');
    expect(d.mean).toBe(1);
    expect(d.ciLow).toBeCloseTo(0.167684260080997, 12);
    expect(d.ciHigh).toBe(1);
    expect(pairedDifference([2, 4, 6], [1, 2, 3]).method).toBe('paired_t');
  });
});
