/**
 * Where the map draws water (or another barrier): along the boundary between two places a
 * scenario's barrier separates, that is the band of points about as near to one as to the
 * other, where those two are the nearest places (their shared Voronoi edge). A strait's
 * barriers (every pair of places across the water) join into one channel between the
 * shores; a single barrier between two neighbouring places becomes a ridge between them.
 */

/** Width of the band: points where (second nearest - nearest) < this share of the pair's distance. */
export const WATER_BAND = 0.3;
/** How far along the boundary the band reaches: nearest place within this share of the pair's distance. */
export const WATER_REACH = 0.8;

/**
 * A cols x rows mask (1 = water) of cells `cell` pixels wide, for places at (x[p], y[p]) in
 * pixels and barriers between place indices. Pure, so it is tested without a canvas.
 */
export function waterMask(x: ArrayLike<number>, y: ArrayLike<number>, barriers: readonly { from: number; to: number }[], cols: number, rows: number, cell: number): Uint8Array {
  const P = x.length;
  const mask = new Uint8Array(cols * rows);
  if (P < 2 || barriers.length === 0) return mask;
  const separated = new Uint8Array(P * P);
  for (const b of barriers) {
    if (b.from < 0 || b.to < 0 || b.from >= P || b.to >= P || b.from === b.to) continue;
    separated[b.from * P + b.to] = separated[b.to * P + b.from] = 1;
  }
  for (let row = 0; row < rows; row++) {
    const cy = (row + 0.5) * cell;
    for (let col = 0; col < cols; col++) {
      const cx = (col + 0.5) * cell;
      let a = -1, b = -1, da = Infinity, db = Infinity;
      for (let p = 0; p < P; p++) {
        const d = Math.hypot(cx - x[p], cy - y[p]);
        if (d < da) { b = a; db = da; a = p; da = d; } else if (d < db) { b = p; db = d; }
      }
      if (!separated[a * P + b]) continue;
      const gap = Math.hypot(x[a] - x[b], y[a] - y[b]);
      if (db - da < WATER_BAND * gap && da < WATER_REACH * gap) mask[row * cols + col] = 1;
    }
  }
  return mask;
}
