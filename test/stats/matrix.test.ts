import { describe, expect, it } from 'vitest';
import { choleskyLower, invertSymmetric, invertUpper, matMul, qrDecompose, quadraticForm, transpose } from '../../src/stats';

// Reference values from R 4.x: qr.R(qr(cbind(1, 0:2))) # -1.732051 -1.732051 / 0 1.414214
//   solve(matrix(c(4, 2, 2, 3), 2))                  # 0.375 -0.25 / -0.25 0.5
describe('small dense linear algebra', () => {
  it('QR factors X = QR (R up to the sign of each row) and rotates y with it', () => {
    const { R, qty } = qrDecompose([[1, 0], [1, 1], [1, 2]], [1, 3, 5]);
    expect(R[0][0]).toBeCloseTo(-Math.sqrt(3), 14);
    expect(R[0][1]).toBeCloseTo(-Math.sqrt(3), 14);
    expect(Math.abs(R[1][1])).toBeCloseTo(Math.SQRT2, 14);
    expect(R[1][0]).toBe(0);
    // Solving R b = (Q'y)[0:2] gives the least-squares line y = 1 + 2x.
    const Rinv = invertUpper(R);
    const b = Rinv.map((row) => row[0] * qty[0] + row[1] * qty[1]);
    expect(b[0]).toBeCloseTo(1, 13);
    expect(b[1]).toBeCloseTo(2, 13);
    expect(Math.abs(qty[2])).toBeLessThan(1e-13); // a perfect fit leaves no residual
  });
  it('inverts a symmetric positive-definite matrix and refuses a singular one', () => {
    const inv = invertSymmetric([[4, 2], [2, 3]])!;
    expect(inv[0][0]).toBeCloseTo(0.375, 15);
    expect(inv[0][1]).toBeCloseTo(-0.25, 15);
    expect(inv[1][1]).toBeCloseTo(0.5, 15);
    expect(invertSymmetric([[1, 2], [2, 4]])).toBeNull();
    expect(invertSymmetric([[0]])).toBeNull();
  });
  it('factors S = L L\' (lower, row-major) and refuses a pivot at or below the floor', () => {
    // By hand: l11 = 2, l21 = 2 / 2 = 1, l22 = sqrt(3 - 1) = sqrt(2).
    expect(Array.from(choleskyLower([4, 2, 2, 3], 2)!)).toEqual([2, 0, 1, Math.SQRT2]);
    // 3 x 3 (R: t(chol(matrix(c(4,2,0.4, 2,5,1, 0.4,1,3), 3)))): rows 2 0 0 / 1 2 0 / 0.2 0.4 1.6852300...
    const L = choleskyLower([4, 2, 0.4, 2, 5, 1, 0.4, 1, 3], 3)!;
    expect(Array.from(L.subarray(0, 6))).toEqual([2, 0, 0, 1, 2, 0]);
    expect(L[6]).toBeCloseTo(0.2, 15);
    expect(L[7]).toBeCloseTo(0.4, 15);
    expect(L[8]).toBeCloseTo(Math.sqrt(3 - 0.04 - 0.16), 15);
    expect(choleskyLower([1, 2, 2, 4], 2)).toBeNull(); // singular: second pivot 0
    expect(choleskyLower([4, 2, 2, 3], 2, 2)).toBeNull(); // second pivot 2 is not above 2
    expect(choleskyLower([4, 2, 2, 3], 2, 1.99)).not.toBeNull();
  });
  it('multiplies, transposes and forms x\'Ax', () => {
    expect(matMul([[1, 2], [3, 4]], [[5], [6]])).toEqual([[17], [39]]);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
    expect(quadraticForm([[2, 1], [1, 3]], [1, 2])).toBe(2 + 2 + 2 + 12);
  });
});

// numpy (Debian 1.24, /usr/bin/python3):
//   q, r = np.linalg.qr(np.array([[1, 0.3], [2, 0.7], [3, 1.1], [1.5, -0.2]]), mode='complete'); r, q.T @ [1, 2, 3, 4]
//     # r = [[-4.03112887, -1.16592651], [0, -0.68601413], 0, 0]; Q'y = [-4.96138938, 2.30988739, 0.19884637, 0.09744616]
//   np.linalg.inv([[2, 1, 3], [0, 4, 5], [0, 0, 0.5]])   # [[0.5, -0.125, -1.75], [0, 0.25, -2.5], [0, 0, 2]]
//   np.linalg.inv([[4, 2, 1], [2, 3, 0.5], [1, 0.5, 2]]) # [[23/56, -1/4, -1/7], [-1/4, 1/2, 0], [-1/7, 0, 4/7]]
describe('small dense linear algebra, more cases', () => {
  it('QR of a 4 x 2 design: R exactly upper triangular (rounding below the diagonal not kept), Q\'y for every row', () => {
    const { R, qty } = qrDecompose([[1, 0.3], [2, 0.7], [3, 1.1], [1.5, -0.2]], [1, 2, 3, 4]);
    expect(R[0][0]).toBeCloseTo(-4.031128874149275, 8);
    expect(R[0][1]).toBeCloseTo(-1.16592651, 8);
    expect(R[1][1]).toBeCloseTo(-0.68601413, 8);
    expect(R[1][0]).toBe(0);
    expect(R).toHaveLength(2);
    expect(qty).toHaveLength(4);
    [-4.96138938, 2.30988739, 0.19884637, 0.09744616].forEach((v, k) => expect(qty[k]).toBeCloseTo(v, 8));
    // |Q'y| = |y|: the reflections are orthogonal
    expect(qty.reduce((s, v) => s + v * v, 0)).toBeCloseTo(30, 12);
  });
  it('QR with fewer rows than columns, a zero column and a zero pivot', () => {
    // one row: R = [[-1, -2], [0, 0]], Q'y = -3 (the row reflected onto -|x| e_1)
    expect(qrDecompose([[1, 2]], [3])).toEqual({ R: [[-1, -2], [0, 0]], qty: [-3] });
    // a zero first column is skipped; the second is reflected onto -2 e_2
    expect(qrDecompose([[0, 1], [0, 2]], [3, 4])).toEqual({ R: [[0, 1], [0, -2]], qty: [3, -4] });
    // a zero diagonal entry with a nonzero column: alpha = +norm (sign(0) taken as negative),
    // so R[0][0] = +1 (LAPACK takes -1; either is a QR). Pinned so results stay byte-stable.
    const z = qrDecompose([[0, 1], [1, 0]], [2, 5]);
    expect(z.R[0][0]).toBeCloseTo(1, 15);
    expect(z.R[0][1]).toBeCloseTo(0, 15);
    expect(Math.abs(z.R[1][1])).toBeCloseTo(1, 15);
    expect(z.qty[0]).toBeCloseTo(5, 14);
    expect(qrDecompose([], [])).toEqual({ R: [], qty: [] });
  });
  it('inverts a 3 x 3 upper-triangular matrix', () => {
    const inv = invertUpper([[2, 1, 3], [0, 4, 5], [0, 0, 0.5]]);
    expect(inv).toEqual([[0.5, -0.125, -1.75], [0, 0.25, -2.5], [0, 0, 2]]);
  });
  it('inverts a 3 x 3 symmetric matrix; the tolerance is relative to the largest diagonal', () => {
    const inv = invertSymmetric([[4, 2, 1], [2, 3, 0.5], [1, 0.5, 2]])!;
    const want = [[23 / 56, -1 / 4, -1 / 7], [-1 / 4, 1 / 2, 0], [-1 / 7, 0, 4 / 7]];
    want.forEach((row, a) => row.forEach((v, b) => expect(inv[a][b]).toBeCloseTo(v, 14)));
    // a pivot of 1e-6 against a largest diagonal of 1e6 is a ratio of 1e-12 < 1e-10: refused
    expect(invertSymmetric([[1e6, 0], [0, 1e-6]])).toBeNull();
    expect(invertSymmetric([[1e6, 0], [0, 1e-6]], 1e-13)![1][1]).toBeCloseTo(1e6, 3);
    expect(invertSymmetric([[1, 0], [0, 2e-10]])).not.toBeNull();
    expect(invertSymmetric([[1, 0], [0, 1e-10]])).toBeNull();
    // the largest diagonal in absolute value: a negative diagonal is not positive definite
    expect(invertSymmetric([[-4, 0], [0, 1]])).toBeNull();
    expect(invertSymmetric([[1, 0], [0, -4]])).toBeNull();
    expect(invertSymmetric([[NaN]])).toBeNull();
    // Cholesky pivots after elimination: [[1, 1], [1, 1 + 1e-12]] leaves 1e-12 < 1e-10
    expect(invertSymmetric([[1, 1], [1, 1 + 1e-12]])).toBeNull();
    expect(invertSymmetric([[2]])![0][0]).toBeCloseTo(0.5, 15);
  });
  it('multiplies with zero entries and empty factors, transposes, forms x\'Ax for a non-symmetric A', () => {
    expect(matMul([[0, 2], [3, 0]], [[5, 1], [6, 2]])).toEqual([[12, 4], [15, 3]]);
    expect(matMul([[1, 2]], [])).toEqual([[]]);
    expect(transpose([])).toEqual([]);
    expect(transpose([[1, 2], [3, 4], [5, 6]])).toEqual([[1, 3, 5], [2, 4, 6]]);
    expect(quadraticForm([[1, 2], [0, 3]], [2, 5])).toBe(4 + 2 * 2 * 5 + 3 * 25);
  });
});

describe('qrDecompose: R is exactly upper triangular', () => {
  it('keeps the rounding the reflections leave below the diagonal out of R', () => {
    // Householder on this 4 x 3 leaves -2.2e-16 at A[1][0] and 1.1e-16 at A[2][1] (checked in node)
    const { R } = qrDecompose([[0.3, 0.7, 0.11], [0.9, 0.2, 0.5], [0.1, 0.8, 0.33], [0.6, 0.4, 0.9]], [1, 2, 3, 4]);
    expect([R[1][0], R[2][0], R[2][1]]).toEqual([0, 0, 0]);
    expect(R[0][0]).toBeCloseTo(-1.127, 3);
    expect(R[2][2]).toBeCloseTo(-0.5054, 4);
  });
});
