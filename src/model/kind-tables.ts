/**
 * Which kind a new local meeting looks for: per (seeker kind, place) an alias table over
 * the kinds present at that place, weighted by contacts.kind_weights. Rebuilt when the
 * weights change; kinds absent from a place get weight 0 so a meeting is never wasted on
 * an empty list.
 */
import { AliasTables } from './alias';
import { N_KINDS } from './kinds';
import type { Params } from './params';
import type { Rng } from './rng';
import type { ModelState } from './state';

export class KindTables {
  private readonly tables: AliasTables;
  private readonly P: number;

  constructor(st: ModelState, p: Params) {
    this.P = st.space.P;
    this.tables = new AliasTables(N_KINDS * this.P, N_KINDS);
    this.rebuild(st, p);
  }

  rebuild(st: ModelState, p: Params): void {
    const w = new Float64Array(N_KINDS);
    for (let seeker = 0; seeker < N_KINDS; seeker++)
      for (let q = 0; q < this.P; q++) {
        for (let k = 0; k < N_KINDS; k++) {
          const present = st.listStart[q * N_KINDS + k + 1] - st.listStart[q * N_KINDS + k] > 0;
          w[k] = present ? p.kindWeights[seeker * N_KINDS + k] : 0;
        }
        this.tables.build(seeker * this.P + q, w);
      }
  }

  /** A kind for a seeker of kind `seeker` meeting at place q; -1 if none is present. */
  sample(seeker: number, q: number, rng: Rng): number {
    return this.tables.sample(seeker * this.P + q, rng);
  }
}
