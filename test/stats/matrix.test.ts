import { describe, expect, it } from 'vitest';
import { invertSymmetric, invertUpper, matMul, qrDecompose, quadraticForm, transpose } from '../../src/stats';

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
  it('multiplies, transposes and forms x\'Ax', () => {
    expect(matMul([[1, 2], [3, 4]], [[5], [6]])).toEqual([[17], [39]]);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
    expect(quadraticForm([[2, 1], [1, 3]], [1, 2])).toBe(2 + 2 + 2 + 12);
  });
});
