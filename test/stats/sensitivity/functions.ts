/** Test functions of the sensitivity literature, with their analytic indices. */

/** Ishigami & Homma (1990) on [-pi, pi]^3. */
export const ishigami = (x: readonly number[], a = 7, b = 0.1) =>
  Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);

/** Analytic Ishigami variance and indices (a = 7, b = 0.1), e.g. Saltelli et al. 2008, p. 179. */
export function ishigamiIndices(a = 7, b = 0.1) {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = ((b ** 2 * pi4 ** 2) / 18) - ((b ** 2 * pi4 ** 2) / 50);
  const v = v1 + v2 + v13;
  return { variance: v, S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Sobol's G function on [0, 1]^d. */
export const gFunction = (x: readonly number[], a: readonly number[]) =>
  x.reduce((p, xi, i) => p * ((Math.abs(4 * xi - 2) + a[i]) / (1 + a[i])), 1);

/** Analytic G indices: V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1. */
export function gIndices(a: readonly number[]) {
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const v = vi.reduce((p, x) => p * (1 + x), 1) - 1;
  return {
    S1: vi.map((x) => x / v),
    ST: vi.map((x, i) => (x * vi.reduce((p, y, j) => (j === i ? p : p * (1 + y)), 1)) / v),
  };
}

/** Standard normal draws from a uniform stream (Box-Muller). */
export function normalStream(uniform: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}
