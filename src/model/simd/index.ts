/**
 * WebAssembly SIMD kernels for the engine's streaming passes over the knowledge array
 * (kernels.wat; bytes in kernels-wasm.ts, built by scripts/build-wasm.mjs). V8 does not
 * vectorise JavaScript loops: the residents' flat decay of phase 2, one multiplication per
 * value, ran at 0.65 ns a value in the best JavaScript loop and runs at about 0.15 ns here.
 * Each kernel gives the same bits as its JavaScript loop (kernels.wat says why;
 * test/model/simd.test.ts checks it over random values, ranges and factors), so a run's
 * output does not depend on whether the kernels are available.
 *
 * The knowledge array lives in a WebAssembly memory of its own (a fixed size, never
 * grown, so the Float32Array view stays valid). Without WebAssembly SIMD (or with
 * LRSIM_SIMD=0 in the environment) the state keeps a plain Float32Array and the engine
 * uses the JavaScript loops.
 */
import { KERNELS_WASM_BASE64 } from './kernels-wasm';

/** The kernels bound to one knowledge array (element indices, not bytes). */
export interface SimdKernels {
  /** X[n] *= f for n in [from, to): as `for (n = from; n < to; n++) X[n] *= f`. */
  scale(from: number, to: number, f: number): void;
  /**
   * sum over agents first..first+count-1 of sum_k (T_ik + phi E_ik) r_k, each agent's sum
   * over k in order, the agents added in order: meanResidentSkill's loop (times R).
   */
  skill(first: number, count: number, K: number, phi: number, relevance: Float64Array): number;
  /**
   * SECI conversion of agents first..first+count-1 with halved rates he = c_ext / 2, hi =
   * c_int / 2 (conversionInPlace's branch-free step); agent first + j's sum over k of the
   * new T + E (before rounding to float32) is left in `sums[j]`.
   */
  convert(first: number, count: number, K: number, he: number, hi: number): void;
  /** The sums of the last `convert` (a view into the kernels' memory; count values). */
  readonly sums: Float64Array;
}

/** Largest memory used: 2 GiB (byte offsets stay below 2^31). */
const MAX_PAGES = 32_768;

let compiled: WebAssembly.Module | null | undefined;

/**
 * Forgets the compiled module (the one module-level cache in src/model): for the mutation
 * tests, which import the sources once for many mutants (vitest.mutation.setup.ts).
 */
export function clearKernelsCache(): void {
  compiled = undefined;
}

function kernelsModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null; // no WebAssembly, or no SIMD: the JavaScript loops
  }
  return compiled;
}

/** Whether the environment asks for the JavaScript loops (LRSIM_SIMD=0). */
function simdOff(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.LRSIM_SIMD === '0';
}

/**
 * The knowledge array of N agents with K domains (2 N K float32 zeros) in a WebAssembly
 * memory with the kernels bound to it (the memory also holds K + N doubles after the
 * array: the relevance vector `skill` reads and the sums `convert` writes), or null when
 * the kernels are unavailable, switched off or the memory would exceed MAX_PAGES (the
 * caller then allocates a plain Float32Array).
 */
export function simdKnowledge(N: number, K: number): { array: Float32Array; kernels: SimdKernels } | null {
  const length = 2 * N * K;
  const scratch = K + N;
  if (length <= 0 || simdOff()) return null;
  const mod = kernelsModule();
  if (!mod) return null;
  const scratchAt = Math.ceil((length * 4) / 8) * 8; // bytes, 8-aligned for the doubles
  const pages = Math.ceil((scratchAt + 8 * scratch) / 65_536);
  if (pages > MAX_PAGES) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const exports = new WebAssembly.Instance(mod, { lrsim: { memory } }).exports as {
      scale: (p: number, end: number, f: number) => void;
      skill: (p: number, n: number, row: number, r: number, K: number, phi: number) => number;
      convert: (p: number, n: number, row: number, K: number, he: number, hi: number, out: number) => void;
    };
    const { scale, skill, convert } = exports;
    const relevanceAt = scratchAt;
    const sumsAt = scratchAt + 8 * K;
    const relevanceScratch = new Float64Array(memory.buffer, relevanceAt, K);
    return {
      array: new Float32Array(memory.buffer, 0, length),
      kernels: {
        scale: (from, to, f) => scale(from * 4, to * 4, f),
        skill: (first, count, k, phi, relevance) => {
          if (k !== K || relevance.length !== K) throw new Error(`simd skill: ${k} domains and ${relevance.length} relevance values for a memory of ${K} domains`);
          relevanceScratch.set(relevance);
          return skill(first * 8 * K, count, 8 * K, relevanceAt, K, phi);
        },
        convert: (first, count, k, he, hi) => {
          if (k !== K || first < 0 || first + count > N) throw new Error(`simd convert: agents ${first}..${first + count - 1}, ${k} domains, for a memory of ${N} agents and ${K} domains`);
          convert(first * 8 * K, count, 8 * K, K, he, hi, sumsAt);
        },
        sums: new Float64Array(memory.buffer, sumsAt, N),
      },
    };
  } catch {
    return null; // the memory could not be had: the JavaScript loops
  }
}
