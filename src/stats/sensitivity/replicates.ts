/**
 * Seed noise of a stochastic model: with several replicates (seeds) per design row, each
 * row's outcome is summarised by its mean over replicates (an estimate of the conditional
 * mean E[Y | X = x]) and its within-row sample variance (the seed noise at x). The
 * indices are then computed on the conditional mean and the pooled within-row variance
 * gives the noise share, as in Marrel et al. (2012) and Iooss & Ribatti (2017): the total
 * variance of one run splits into Var_X(E[Y|X]) (what the parameters explain) plus
 * E_X(Var(Y|X)) (seed noise).
 */

/** Per-row moments of replicate values. */
export interface RowMoments {
  /** Mean over the row's replicates (NaN when the row has none). */
  mean: Float64Array;
  /** Sample variance over the row's replicates (0 when the row has one). */
  within: Float64Array;
  /** Replicates per row. */
  count: Int32Array;
}

/** Mean, within variance and count of the values of each of `rows` rows. */
export function rowMoments(rows: number, values: readonly { row: number; value: number }[]): RowMoments {
  const count = new Int32Array(rows);
  const sum = new Float64Array(rows);
  for (const v of values) {
    count[v.row]++;
    sum[v.row] += v.value;
  }
  const mean = Float64Array.from(sum, (s, r) => (count[r] ? s / count[r] : NaN));
  const within = new Float64Array(rows);
  for (const v of values) within[v.row] += (v.value - mean[v.row]) ** 2;
  for (let r = 0; r < rows; r++) within[r] = count[r] > 1 ? within[r] / (count[r] - 1) : 0;
  return { mean, within, count };
}
