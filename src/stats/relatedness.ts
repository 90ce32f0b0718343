/**
 * The principle of relatedness (Hidalgo et al. 2007, 2018; Neffke, Henning and Boschma
 * 2011): revealed comparative advantage of places in domains and their relatedness
 * density. Matrices are row-major Float64Arrays, P places x K domains.
 */

/**
 * Balassa's RCA: (x_pk / x_p.) / (x_.k / x_..); NaN for a place with nothing or a domain
 * nobody holds.
 * @example revealedComparativeAdvantage(Float64Array.from([2, 1, 1, 2]), 2, 2) // [4/3, 2/3, 2/3, 4/3]
 */
export function revealedComparativeAdvantage(x: Float64Array, P: number, K: number): Float64Array {
  const row = new Float64Array(P);
  const col = new Float64Array(K);
  let total = 0;
  for (let p = 0; p < P; p++)
    for (let k = 0; k < K; k++) {
      const v = x[p * K + k];
      row[p] += v;
      col[k] += v;
      total += v;
    }
  const out = new Float64Array(P * K);
  for (let p = 0; p < P; p++)
    for (let k = 0; k < K; k++) out[p * K + k] = row[p] > 0 && col[k] > 0 ? x[p * K + k] / row[p] / (col[k] / total) : Number.NaN;
  return out;
}

/**
 * Proximity of domains on the model's ring (MODEL-SPEC 2: a domain is related to its ring
 * neighbours): weights[d - 1] for ring distance d = 1, 2, ..., 0 beyond, 0 on the diagonal.
 */
export function ringProximity(K: number, weights: readonly number[]): Float64Array {
  const phi = new Float64Array(K * K);
  for (let k = 0; k < K; k++)
    for (let l = 0; l < K; l++) {
      const d = Math.min(Math.abs(k - l), K - Math.abs(k - l));
      phi[k * K + l] = d >= 1 && d <= weights.length ? weights[d - 1] : 0;
    }
  return phi;
}

/**
 * Relatedness density of place p to domain k: sum_l phi_kl M_pl / sum_l phi_kl, with
 * M_pl = 1 when RCA_pl >= 1 (Hidalgo et al. 2007).
 * @example relatednessDensity(Float64Array.from([1, 0, 1, 0]), 1, 4, ringProximity(4, [1])) // [0, 1, 0, 1]
 */
export function relatednessDensity(M: Float64Array, P: number, K: number, phi: Float64Array): Float64Array {
  const out = new Float64Array(P * K);
  for (let k = 0; k < K; k++) {
    let norm = 0;
    for (let l = 0; l < K; l++) norm += phi[k * K + l];
    for (let p = 0; p < P; p++) {
      let s = 0;
      for (let l = 0; l < K; l++) s += phi[k * K + l] * M[p * K + l];
      out[p * K + k] = norm > 0 ? s / norm : 0;
    }
  }
  return out;
}
