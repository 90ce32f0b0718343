/**
 * WebAssembly SIMD kernels (src/model/simd): the committed bytes are the assembled
 * kernels.wat, each kernel equals its JavaScript loop to the last bit, and a run gives the
 * same bytes with and without them (LRSIM_SIMD=0).
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { simdKnowledge } from '../../src/model/simd';
import { scaleRangeInPlace } from '../../src/model/knowledge';
import { tinyWorld } from './tiny-world';
import { REGRESSION_CASES, runHashes } from './regression-cases';

describe('WebAssembly SIMD kernels', () => {
  afterEach(() => {
    delete process.env.LRSIM_SIMD;
  });

  it('kernels-wasm.ts holds the bytes of kernels.wat as wabt assembles them', () => {
    // exits 1 and says so when the .wat was edited without `node scripts/build-wasm.mjs`
    expect(() => execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('are available here (Node 20 has WebAssembly SIMD), and a state uses them', () => {
    expect(simdKnowledge(3, 4)).not.toBeNull();
    expect(tinyWorld().state.simd).not.toBeNull();
  });

  it('LRSIM_SIMD=0 switches them off: a plain Float32Array and the JavaScript loops', () => {
    process.env.LRSIM_SIMD = '0';
    expect(simdKnowledge(3, 4)).toBeNull();
    expect(tinyWorld().state.simd).toBeNull();
  });

  const f32 = fc.float({ noNaN: true, noDefaultInfinity: true, min: 0, max: 4 });
  /** N agents with K domains, their 2 N K knowledge values. */
  const world = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 })).chain(([N, K]) =>
    fc.tuple(fc.constant(N), fc.constant(K), fc.array(f32, { minLength: 2 * N * K, maxLength: 2 * N * K })),
  );
  const bits = (a: Float32Array | Float64Array | number[]) => Array.from(a).map((x) => (Object.is(x, -0) ? '-0' : x));

  it('scale == the JavaScript loop X[n] *= f, to the last bit, over random values, ranges and factors', () => {
    fc.assert(
      fc.property(world, fc.nat(), fc.nat(), fc.double({ min: 0, max: 2, noNaN: true }), ([N, K, values], a, b, f) => {
        const n = values.length;
        const from = a % (n + 1);
        const to = from + (b % (n - from + 1));
        const simd = simdKnowledge(N, K)!;
        simd.array.set(values);
        const plain = Float32Array.from(values);
        simd.kernels.scale(from, to, f);
        scaleRangeInPlace(plain, from, to, f);
        expect(bits(simd.array)).toEqual(bits(plain));
      }),
      { numRuns: 500, seed: 2003 },
    );
  });

  it('skill == the plain double loop (each agent over k in order, agents in order), to the last bit', () => {
    fc.assert(
      fc.property(world, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 }), ([N, K, values], a, phi, rel) => {
        const simd = simdKnowledge(N, K)!;
        simd.array.set(values);
        const first = a % N;
        const r = Float64Array.from(rel.slice(0, K));
        let total = 0;
        for (let i = first; i < N; i++) {
          let s = 0;
          for (let k = 0; k < K; k++) s += (values[2 * (i * K + k)] + phi * values[2 * (i * K + k) + 1]) * r[k];
          total += s;
        }
        expect(simd.kernels.skill(first, N - first, K, phi, r)).toBe(total);
      }),
      { numRuns: 500, seed: 2004 },
    );
  });

  it('convert == conversion by the rule (E += c_ext (T - E)+, T += c_int (E - T)+) and its sums, to the last bit', () => {
    fc.assert(
      fc.property(world, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ([N, K, values], a, cExt, cInt) => {
        const simd = simdKnowledge(N, K)!;
        simd.array.set(values);
        const first = a % N;
        const count = N - first;
        simd.kernels.convert(first, count, K, 0.5 * cExt, 0.5 * cInt);
        const X = Float32Array.from(values);
        const sums: number[] = [];
        for (let i = first; i < N; i++) {
          let sum = 0;
          for (let k = 0; k < K; k++) {
            const n = 2 * (i * K + k);
            const t0 = X[n];
            const e0 = X[n + 1];
            const d = t0 - e0;
            const abs = Math.abs(d);
            const t = t0 + 0.5 * cInt * (abs - d); // conversionInPlace's branch-free step
            const e = e0 + 0.5 * cExt * (abs + d);
            X[n] = t;
            X[n + 1] = e;
            sum += t + e;
          }
          sums.push(sum);
        }
        expect(bits(simd.array)).toEqual(bits(X));
        expect(bits(simd.kernels.sums.subarray(0, count))).toEqual(bits(sums));
      }),
      { numRuns: 500, seed: 2005 },
    );
  });

  it('refuses a call that does not fit its memory instead of writing past it', () => {
    const simd = simdKnowledge(3, 4)!;
    expect(() => simd.kernels.convert(2, 2, 4, 0.1, 0.1)).toThrow(/agents 2..3/);
    expect(() => simd.kernels.skill(0, 3, 5, 0.5, new Float64Array(5))).toThrow(/5 domains/);
    // Each condition alone.
    expect(() => simd.kernels.convert(-1, 1, 4, 0.1, 0.1)).toThrow('simd convert: agents -1..-1, 4 domains, for a memory of 3 agents and 4 domains');
    expect(() => simd.kernels.convert(0, 1, 5, 0.1, 0.1)).toThrow('simd convert: agents 0..0, 5 domains, for a memory of 3 agents and 4 domains');
    expect(() => simd.kernels.convert(0, 3, 4, 0.1, 0.1)).not.toThrow();
    expect(() => simd.kernels.skill(0, 3, 5, 0.5, new Float64Array(4))).toThrow('simd skill: 5 domains and 4 relevance values for a memory of 4 domains');
    expect(() => simd.kernels.skill(0, 3, 4, 0.5, new Float64Array(5))).toThrow('simd skill: 4 domains and 5 relevance values for a memory of 4 domains');
  });

  it('lays out the knowledge, then K relevance and N sum doubles, in as few 64 KiB pages as hold them', () => {
    // N = 1000, K = 24: 2 N K = 48,000 floats = 192,000 bytes of knowledge (8-aligned), then
    // (K + N) x 8 = 8,192 bytes of scratch: 200,192 bytes, 4 pages of 65,536 = 262,144.
    const s = simdKnowledge(1000, 24)!;
    expect(s.array.length).toBe(48_000);
    expect(s.array.byteOffset).toBe(0);
    expect(s.array.buffer.byteLength).toBe(262_144);
    expect(s.kernels.sums.length).toBe(1000);
    expect(s.kernels.sums.byteOffset).toBe(192_000 + 8 * 24);
    // N = 8191, K = 4: 262,112 bytes of knowledge fit 4 pages, the scratch (65,560 bytes) a fifth.
    expect(simdKnowledge(8191, 4)!.array.buffer.byteLength).toBe(5 * 65_536);
    // N = 3, K = 3: 72 bytes of knowledge, rounded up to 72 (8-aligned), sums after 3 doubles.
    expect(simdKnowledge(3, 3)!.kernels.sums.byteOffset).toBe(72 + 24);
    expect(simdKnowledge(1, 1)!.kernels.sums.byteOffset).toBe(8 + 8);
  });

  it('are not used for an empty region or a knowledge array above 2 GiB (32-bit addresses): the JavaScript loops', () => {
    expect(simdKnowledge(0, 4)).toBeNull();
    // 2^25 agents x 12 domains: 3 GiB of knowledge (refused before any memory is asked for).
    expect(simdKnowledge(2 ** 25, 12)).toBeNull();
  });

  it('a run gives the same bytes with and without them (two regression cases)', () => {
    const withSimd = ['defaults', 'policies-shocks'].map((c) => runHashes(REGRESSION_CASES[c], 7));
    process.env.LRSIM_SIMD = '0';
    const without = ['defaults', 'policies-shocks'].map((c) => runHashes(REGRESSION_CASES[c], 7));
    expect(without).toEqual(withSimd);
  });
});
