/**
 * Latin hypercube sample in [0, 1)^d (McKay, Beckman & Conover 1979): each dimension is
 * cut into n equal strata and every stratum holds exactly one point; the position inside
 * a stratum and the pairing of strata across dimensions are random.
 */
export function latinHypercube(n: number, d: number, uniform: () => number): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(d));
  const strata = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    // Fisher-Yates shuffle of the strata of dimension j.
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(uniform() * (i + 1));
      const t = strata[i];
      strata[i] = strata[k];
      strata[k] = t;
    }
    for (let i = 0; i < n; i++) points[i][j] = (strata[i] + uniform()) / n;
  }
  return points;
}
