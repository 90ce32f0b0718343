/**
 * Least-squares fit y = a + b x + c x^2 (normal equations on centred x, for stability).
 * Used for the firm-level proximity paradox (MODEL-SPEC fact 1b: the quadratic term of
 * late innovation value on partner distance). simple-statistics fits lines only.
 * NaNs when the fit is not determined (fewer than 3 distinct x values).
 * @example quadraticFit([0, 1, 2, 3], [1, 2, 5, 10]) // [1, 0, 1]
 */
export function quadraticFit(xs: readonly number[], ys: readonly number[]): [number, number, number] {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const S = [0, 0, 0, 0, 0];
  const T = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const x = xs[i] - mx;
    let p = 1;
    for (let k = 0; k < 5; k++) {
      S[k] += p;
      if (k < 3) T[k] += p * ys[i];
      p *= x;
    }
  }
  const M = [
    [S[0], S[1], S[2], T[0]],
    [S[1], S[2], S[3], T[1]],
    [S[2], S[3], S[4], T[2]],
  ];
  const diagonal = [S[0], S[2], S[4]];
  for (let c = 0; c < 3; c++) {
    // A pivot that elimination has reduced to rounding noise: x does not determine the fit.
    if (!(Math.abs(M[c][c]) > 1e-10 * diagonal[c])) return [Number.NaN, Number.NaN, Number.NaN];
    for (let r = c + 1; r < 3; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k < 4; k++) M[r][k] -= f * M[c][k];
    }
  }
  const z = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let v = M[r][3];
    for (let k = r + 1; k < 3; k++) v -= M[r][k] * z[k];
    z[r] = v / M[r][r];
  }
  // Back from centred x: y = z0 + z1 (x - m) + z2 (x - m)^2.
  const [a0, b0, c0] = z;
  return [a0 - b0 * mx + c0 * mx * mx, b0 - 2 * c0 * mx, c0];
}

/**
 * Ordinary least squares: the coefficients b minimising |y - X b|^2, by Gauss-Jordan
 * elimination with partial pivoting on the normal equations (X is small: a few columns).
 * Returns NaNs when X'X is singular.
 * @example leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]) // [1, 2]
 */
export function leastSquares(X: readonly (readonly number[])[], y: readonly number[]): number[] {
  const p = X.length ? X[0].length : 0;
  const A = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  for (let i = 0; i < X.length; i++) {
    const row = X[i];
    for (let r = 0; r < p; r++) {
      for (let c = 0; c < p; c++) A[r][c] += row[r] * row[c];
      A[r][p] += row[r] * y[i];
    }
  }
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r][c]) > Math.abs(A[pivot][c])) pivot = r;
    if (!(Math.abs(A[pivot][c]) > 0)) return new Array<number>(p).fill(Number.NaN);
    [A[c], A[pivot]] = [A[pivot], A[c]];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= p; k++) A[r][k] -= f * A[c][k];
    }
  }
  return A.map((row, i) => row[p] / row[i]);
}
