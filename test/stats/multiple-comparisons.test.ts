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
