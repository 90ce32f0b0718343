/** Ring geometry of the knowledge space: K domains on a circle. */

/** Ring distance between (possibly fractional) positions a and b on a ring of K domains. */
export function ringDistance(a: number, b: number, K: number): number {
  let d = Math.abs(a - b) % K;
  if (d > K / 2) d = K - d;
  return d;
}

/** Wraps a position onto [0, K). */
export function wrap(a: number, K: number): number {
  const r = a % K;
  return r < 0 ? r + K : r;
}

/**
 * Writes a Gaussian bump of height `amp` and width `w` centred at `centre` into
 * out[offset + k stride] for k in [0, K) (stride 2: one side of the knowledge array).
 */
export function bumpInto(out: Float32Array | Float64Array, offset: number, K: number, centre: number, w: number, amp: number, stride = 1): void {
  const inv = 1 / (2 * w * w);
  for (let k = 0; k < K; k++) {
    const d = ringDistance(k, centre, K);
    out[offset + k * stride] = amp * Math.exp(-d * d * inv);
  }
}
