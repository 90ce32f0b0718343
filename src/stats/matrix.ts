/**
 * Small dense linear algebra for the estimators (a design has a few dozen columns at most):
 * Householder QR for least squares, triangular and symmetric inverses, products.
 * Plain arrays of rows; nothing here allocates per element beyond the result.
 */

/** Householder QR of an n x p matrix (n >= p): R (p x p, upper) and Q'y for each right-hand side. */
export interface QR {
  /** Upper-triangular factor, p x p. */
  R: number[][];
  /** Q' applied to y: the first p entries are the rotated coefficients' right-hand side. */
  qty: number[];
}

/**
 * QR decomposition by Householder reflections (Golub & Van Loan 5.2), applied to y at the
 * same time so Q is never formed. Numerically safer than the normal equations when the
 * design's columns are nearly collinear (interaction dummies often are).
 * @example qrDecompose([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).R[0][0] // -1.7320508075688772
 */
export function qrDecompose(X: readonly (readonly number[])[], y: readonly number[]): QR {
  const n = X.length;
  const p = n ? X[0].length : 0;
  const A = X.map((row) => row.slice());
  const b = y.slice();
  const v = new Array<number>(n).fill(0);
  for (let k = 0; k < Math.min(p, n); k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm += A[i][k] * A[i][k];
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = A[k][k] > 0 ? -norm : norm;
    let vnorm = 0;
    for (let i = k; i < n; i++) {
      v[i] = A[i][k] - (i === k ? alpha : 0);
      vnorm += v[i] * v[i];
    }
    if (vnorm === 0) continue;
    for (let j = k; j < p; j++) {
      let s = 0;
      for (let i = k; i < n; i++) s += v[i] * A[i][j];
      const f = (2 * s) / vnorm;
      for (let i = k; i < n; i++) A[i][j] -= f * v[i];
    }
    let s = 0;
    for (let i = k; i < n; i++) s += v[i] * b[i];
    const f = (2 * s) / vnorm;
    for (let i = k; i < n; i++) b[i] -= f * v[i];
  }
  const R = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (j >= i && i < n ? A[i][j] : 0)));
  return { R, qty: b };
}

/** Inverse of an upper-triangular matrix (back substitution, column by column). */
export function invertUpper(R: readonly (readonly number[])[]): number[][] {
  const p = R.length;
  const inv = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    inv[j][j] = 1 / R[j][j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += R[i][k] * inv[k][j];
      inv[i][j] = -s / R[i][i];
    }
  }
  return inv;
}

/** A B for conforming dense matrices. */
export function matMul(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[][] {
  const m = B.length ? B[0].length : 0;
  return A.map((row) => {
    const out = new Array<number>(m).fill(0);
    for (let k = 0; k < row.length; k++) {
      const a = row[k];
      if (a === 0) continue;
      const bk = B[k];
      for (let j = 0; j < m; j++) out[j] += a * bk[j];
    }
    return out;
  });
}

/** The transpose of A. */
export function transpose(A: readonly (readonly number[])[]): number[][] {
  const m = A.length ? A[0].length : 0;
  return Array.from({ length: m }, (_, j) => A.map((row) => row[j]));
}

/**
 * Lower Cholesky factor L (row-major d x d, S = L L') of a symmetric d x d matrix given
 * row-major, or null when a pivot is not above `minPivot` (0: not positive definite).
 * @example choleskyLower([4, 2, 2, 3], 2) // [2, 0, 1, sqrt(2)]
 */
export function choleskyLower(matrix: ArrayLike<number>, d: number, minPivot = 0): Float64Array | null {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i * d + j];
      for (let k = 0; k < j; k++) s -= L[i * d + k] * L[j * d + k];
      if (i === j) {
        if (!(s > minPivot)) return null;
        L[i * d + i] = Math.sqrt(s);
      } else L[i * d + j] = s / L[j * d + j];
    }
  }
  return L;
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky, or null when it is not
 * (numerically) positive definite: a pivot below `tolerance` times the largest diagonal.
 * @example invertSymmetric([[4, 2], [2, 3]]) // [[0.375, -0.25], [-0.25, 0.5]]
 */
export function invertSymmetric(S: readonly (readonly number[])[], tolerance = 1e-10): number[][] | null {
  const q = S.length;
  let maxDiagonal = 0;
  for (let i = 0; i < q; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(S[i][i]));
  if (!(maxDiagonal > 0)) return null;
  const flat = choleskyLower(S.flat(), q, tolerance * maxDiagonal);
  if (!flat) return null;
  const L = Array.from({ length: q }, (_, i) => Array.from(flat.subarray(i * q, i * q + q)));
  // S^-1 = L^-T L^-1, and L^-T is the inverse of the upper-triangular L'.
  const LtInv = invertUpper(transpose(L));
  return matMul(LtInv, transpose(LtInv));
}

/** x' A x for a symmetric A. */
export function quadraticForm(A: readonly (readonly number[])[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) s += x[i] * A[i][j] * x[j];
  return s;
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub & Van
 * Loan 8.5): S = V diag(values) V'. Columns of `vectors` are the eigenvectors.
 * @example symmetricEigen([[2, 1], [1, 2]]).values.sort() // [1, 3]
 */
export function symmetricEigen(S: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = S.length;
  const A = S.map((row) => row.slice());
  const V = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total += A[i][j] * A[i][j];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i][j] * A[i][j];
    // Relative to the matrix's size: rotations leave round-off, never an exact 0.
    if (!(off > 1e-30 * total) || !(off > 1e-300)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k][p];
          const akq = A[k][q];
          A[k][p] = c * akp - s * akq;
          A[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k];
          const aqk = A[q][k];
          A[p][k] = c * apk - s * aqk;
          A[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k][p];
          const vkq = V[k][q];
          V[k][p] = c * vkp - s * vkq;
          V[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: A.map((row, i) => row[i]), vectors: V };
}

/**
 * S^power of a symmetric positive semi-definite matrix through its eigenvalues; eigenvalues
 * at or below `tolerance` map to 0 (a generalised inverse for negative powers), as
 * clubSandwich's matrix_power (tol 1e-12).
 * @example symmetricPower([[4, 0], [0, 9]], -0.5) // [[0.5, 0], [0, 0.3333333333333333]]
 */
export function symmetricPower(S: readonly (readonly number[])[], power: number, tolerance = 1e-12): number[][] {
  const { values, vectors } = symmetricEigen(S);
  const n = S.length;
  const scaled = values.map((v) => (v > tolerance ? Math.pow(v, power) : 0));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[i][k] * scaled[k] * vectors[j][k];
      return s;
    }),
  );
}
