/**
 * Quasi-p-values count design points (futures), not runs (audit finding 1): with one run
 * per point they are Bryant and Lempert's binomial test; replicate runs of a point do not
 * make a restriction look stronger; the arm (varying within a point) is tested within
 * each point. Reference values from R and python (code in the comments).
 */
import { describe, expect, it } from 'vitest';
import { fullBox } from '../../src/analysis/box';
import { buildDataset } from '../../src/analysis/dataset';
import { quasiPTests, quasiPValues } from '../../src/analysis/quasi-p';

describe('quasi-p-values over design points', () => {
  it('equal the binomial test of Bryant and Lempert with one run per point', () => {
    // 20 points, x = 0..19; cases at x in {0, 1, 2, 3, 5, 7, 12}; box x <= 9.5: 6 cases in 10 rows, widened density 7/20.
    // R 4: options(digits = 17); pbinom(5, 10, 0.35, lower.tail = FALSE)  -> 0.094934080173242064
    const cases = new Set([0, 1, 2, 3, 5, 7, 12]);
    const data = buildDataset(['x'], Array.from({ length: 20 }, (_, x) => ({ inputs: { x }, label: cases.has(x), point: x })));
    const box = fullBox(data);
    box.hi[0] = 9.5;
    expect(quasiPValues(data, box, [0])[0]).toBeCloseTo(0.094934080173242064, 12);
  });

  // 20 points x 2 runs, x = the point; cases per point (0, 1 or 2 of its runs):
  const perPoint = [2, 2, 1, 2, 0, 2, 1, 0, 2, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0];
  const twoRuns = (copies: number) =>
    buildDataset(['x'], perPoint.flatMap((c, x) => Array.from({ length: 2 * copies }, (_, r) => ({ inputs: { x }, label: r % 2 < c, point: x }))));

  it('treat a point with two runs as one unit with its case count', () => {
    // Box x <= 9.5 (points 0..9): 13 cases. X = sum of 10 draws with replacement from the 20 points' case counts.
    // python3 (scipy 1.x), an enumeration of the multinomial counts of the values 0, 1, 2:
    //   c = [2,2,1,2,0,2,1,0,2,1, 0,1,0,0,0,1,0,0,0,0]; vals = [0,1,2]; probs = [c.count(v)/20 for v in vals]
    //   sum(multinomial.pmf(k, 10, probs) for k in product(range(11), repeat=3) if sum(k) == 10 and k[1] + 2*k[2] >= 13)
    //   -> 0.03149795532226565   (on runs, as before: binom.sf(12, 20, 14/40) = 0.01162110520577318)
    const data = twoRuns(1);
    const box = fullBox(data);
    box.hi[0] = 9.5;
    const [q] = quasiPTests(data, box, [0]);
    expect(q.p).toBeCloseTo(0.03149795532226565, 12);
    expect(q).toMatchObject({ points: 20, pointsInBox: 10 });
  });

  it('do not shrink when every run is replicated (the same futures, more seeds)', () => {
    const box = (data: ReturnType<typeof twoRuns>) => {
      const b = fullBox(data);
      b.hi[0] = 9.5;
      return b;
    };
    const once = twoRuns(1);
    const thrice = twoRuns(3); // each point's runs three times over: 6 runs per point
    // With the case counts tripled, X is 3 x (the same draw): the same tail probability.
    expect(quasiPValues(thrice, box(thrice), [0])[0]).toBeCloseTo(quasiPValues(once, box(once), [0])[0], 12);
  });

  it('test the arm within each design point when arms are pooled', () => {
    // 10 points, arms a and b, one run each; the box keeps arm a (8 cases).
    // Each point contributes one draw from its two arms: X is Poisson-binomial with q = (a + b) / 2.
    // python3: pmf = [1]; for ai, bi in zip(a, b): pmf = numpy.convolve(pmf, [1 - (ai+bi)/2, (ai+bi)/2])
    //   pmf[8:].sum() -> 0.03125   (on runs, as before: binom.sf(7, 10, 11/20) = 0.0995596521519532)
    const a = [1, 1, 1, 0, 1, 1, 0, 1, 1, 1];
    const b = [0, 1, 0, 0, 0, 1, 0, 0, 1, 0];
    const rows = a.flatMap((ya, x) => [
      { inputs: { x, arm: 'a' }, label: ya === 1, point: x },
      { inputs: { x, arm: 'b' }, label: b[x] === 1, point: x },
    ]);
    const data = buildDataset(['x', 'arm'], rows);
    const box = fullBox(data);
    box.allowed[1] = Uint8Array.from([1, 0]);
    expect(quasiPValues(data, box, [1])[0]).toBeCloseTo(0.03125, 12);
  });
});
