/**
 * Tests read and write knowledge by flat index n = i K + k (agent i, domain k), as one
 * would with separate N x K tacit and explicit arrays; the state keeps them side by side
 * (T_ik at 2n, E_ik at 2n + 1, ModelState.knowledge). These helpers translate.
 */
import type { ModelState } from '../../src/model/state';

/** Writes `values` into T at flat indices offset, offset + 1, ... */
export function setTacit(st: ModelState, values: ArrayLike<number>, offset = 0): void {
  for (let n = 0; n < values.length; n++) st.knowledge[2 * (offset + n)] = values[n];
}

/** Writes `values` into E at flat indices offset, offset + 1, ... */
export function setExplicit(st: ModelState, values: ArrayLike<number>, offset = 0): void {
  for (let n = 0; n < values.length; n++) st.knowledge[2 * (offset + n) + 1] = values[n];
}

/** T at flat index n. */
export function tacitAt(st: ModelState, n: number): number {
  return st.knowledge[2 * n];
}

/** E at flat index n. */
export function explicitAt(st: ModelState, n: number): number {
  return st.knowledge[2 * n + 1];
}

/** A copy of all tacit knowledge, N x K. */
export function tacitOf(st: ModelState): Float32Array {
  return Float32Array.from({ length: st.knowledge.length / 2 }, (_, n) => st.knowledge[2 * n]);
}

/** A copy of all explicit knowledge, N x K. */
export function explicitOf(st: ModelState): Float32Array {
  return Float32Array.from({ length: st.knowledge.length / 2 }, (_, n) => st.knowledge[2 * n + 1]);
}
