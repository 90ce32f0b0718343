/**
 * leastSquares (src/stats/quadratic.ts): ordinary least squares by Gauss-Jordan with partial
 * pivoting on the normal equations, against numpy and by hand.
 */
import { describe, expect, it } from 'vitest';
import { leastSquares, quadraticFit } from '../../src/stats/quadratic';

describe('leastSquares', () => {
  it('fits an exact line by hand: y = 1 + 2x', () => {
    expect(leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).map((v) => +v.toFixed(12))).toEqual([1, 2]);
  });

  it('equals numpy.linalg.lstsq on an overdetermined system whose first pivot needs a row swap', () => {
    // python3 -c "import numpy as np; X=np.array([[0,1,2],[1,0,1],[2,1,0],[1,1,1],[3,0,2]],float);
    //   y=np.array([1,2,0.5,3,-1],float); print(np.linalg.lstsq(X,y,rcond=None)[0].tolist())"
    // numpy 1.24.2 (Debian python3-numpy): [-0.22033898305084756, 1.4915254237288134, 0.22881355932203418]
    const X = [[0, 1, 2], [1, 0, 1], [2, 1, 0], [1, 1, 1], [3, 0, 2]];
    const b = leastSquares(X, [1, 2, 0.5, 3, -1]);
    const ref = [-0.22033898305084756, 1.4915254237288134, 0.22881355932203418];
    b.forEach((v, i) => expect(v).toBeCloseTo(ref[i], 12));
  });

  it('swaps rows to the largest pivot (X\'X = [[1, 3], [3, 14]]: the first column\'s largest entry is in row 2)', () => {
    // python3 -c "import numpy as np; X=np.array([[1,3],[0,1],[0,2]],float); y=np.array([1,2,3],float);
    //   print(np.linalg.lstsq(X,y,rcond=None)[0].tolist())"  ->  [-3.8, 1.6]
    const b = leastSquares([[1, 3], [0, 1], [0, 2]], [1, 2, 3]);
    expect(b[0]).toBeCloseTo(-3.8, 12);
    expect(b[1]).toBeCloseTo(1.6, 12);
  });

  it('returns NaNs for a singular design (two equal columns), and for no columns an empty fit', () => {
    expect(leastSquares([[1, 1], [2, 2], [3, 3]], [1, 2, 3])).toEqual([NaN, NaN]);
    expect(leastSquares([], [])).toEqual([]);
  });
});

describe('quadraticFit', () => {
  // /usr/bin/python3 (Debian numpy): np.polyfit(x, y, 2)[::-1]
  //   x = [0.5,1.2,2.0,2.9,4.1,5.0], y = [1.1,0.4,0.9,2.2,5.3,8.0]
  //     -> [1.3909067908995698, -1.239149898908121, 0.518855529734575]
  //   x = [10,10,11,11,12.5], y = [3,3.4,2.1,2.5,4.0]   (three distinct x, repeated)
  //     -> [101.66666666666814, -17.980000000000242, 0.8133333333333425]
  it('equals numpy polyfit on noisy data, near and far from the origin', () => {
    const a = quadraticFit([0.5, 1.2, 2.0, 2.9, 4.1, 5.0], [1.1, 0.4, 0.9, 2.2, 5.3, 8.0]);
    [1.3909067908995698, -1.239149898908121, 0.518855529734575].forEach((v, k) => expect(a[k]).toBeCloseTo(v, 12));
    const b = quadraticFit([10, 10, 11, 11, 12.5], [3, 3.4, 2.1, 2.5, 4.0]);
    [101.66666666666814, -17.980000000000242, 0.8133333333333425].forEach((v, k) => expect(b[k]).toBeCloseTo(v, 9));
  });
  it('is NaN for fewer than three points or no points', () => {
    expect(quadraticFit([1, 2], [3, 4])).toEqual([NaN, NaN, NaN]);
    expect(quadraticFit([], []).every(Number.isNaN)).toBe(true);
  });
});
