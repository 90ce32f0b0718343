/**
 * Walker alias tables in flat typed arrays: O(1) sampling from a fixed discrete
 * distribution. Many tables of the same length share one buffer (row r occupies
 * [r * n, (r + 1) * n)), so per-place partner search never scans agents.
 */
import type { Rng } from './rng';

export class AliasTables {
  readonly prob: Float64Array;
  readonly alias: Int32Array;
  /** Row total of the weights (0 = empty row). */
  readonly total: Float64Array;
  private readonly small: Int32Array;
  private readonly large: Int32Array;
  private readonly scaled: Float64Array;

  constructor(readonly rows: number, readonly n: number) {
    this.prob = new Float64Array(rows * n);
    this.alias = new Int32Array(rows * n);
    this.total = new Float64Array(rows);
    this.small = new Int32Array(n);
    this.large = new Int32Array(n);
    this.scaled = new Float64Array(n);
  }

  /** Builds row `r` from `weights[offset .. offset + n)` (non-negative). */
  build(r: number, weights: ArrayLike<number>, offset = 0): void {
    const n = this.n;
    const base = r * n;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[offset + i];
    this.total[r] = sum;
    if (!(sum > 0)) {
      for (let i = 0; i < n; i++) {
        this.prob[base + i] = 0;
        this.alias[base + i] = i;
      }
      return;
    }
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      const s = (weights[offset + i] * n) / sum;
      this.scaled[i] = s;
      if (s < 1) this.small[ns++] = i;
      else this.large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = this.small[--ns];
      const l = this.large[nl - 1];
      this.prob[base + s] = this.scaled[s];
      this.alias[base + s] = l;
      this.scaled[l] = this.scaled[l] + this.scaled[s] - 1;
      if (this.scaled[l] < 1) {
        nl--;
        this.small[ns++] = l;
      }
    }
    while (nl > 0) {
      const l = this.large[--nl];
      this.prob[base + l] = 1;
      this.alias[base + l] = l;
    }
    while (ns > 0) {
      const s = this.small[--ns];
      this.prob[base + s] = 1;
      this.alias[base + s] = s;
    }
  }

  /** Draws an index from row `r`; -1 if the row is empty. */
  sample(r: number, rng: Rng): number {
    if (!(this.total[r] > 0)) return -1;
    const u = rng.random() * this.n;
    const i = Math.floor(u);
    const base = r * this.n;
    return u - i < this.prob[base + i] ? i : this.alias[base + i];
  }
}
