/**
 * Seeded random streams. Every run owns its generators; nothing in the engine calls
 * Math.random. Streams are derived from the run seed and a stream name, so the initial
 * world, the environment, the dynamics and the observation samples draw from separate
 * sequences (common random numbers across conditions that share a seed).
 */
import seedrandom from 'seedrandom';

export class Rng {
  /** Alea's three lags s0, s1, s2 (doubles in [0, 1)). */
  private readonly s = new Float64Array(3);
  /** Alea's carry (an int32). */
  private c = 0;
  private spare = 0;
  private hasSpare = false;

  /**
   * Seeded by seedrandom's Alea (Baagoe's Mash of the seed string), then stepped here with
   * the same arithmetic as seedrandom's `next` (a speed trick only: the state lives in a
   * typed array, so a draw inlined into a kernel allocates no boxed number; the sequence
   * equals seedrandom.alea's to the last bit, test/model/rng.test.ts).
   */
  constructor(seed: number, stream: string) {
    const state = seedrandom.alea(`${seed >>> 0}:${stream}`, { state: true }).state();
    this.s[0] = state.s0;
    this.s[1] = state.s1;
    this.s[2] = state.s2;
    this.c = state.c;
  }

  /** Alea's step: t = 2091639 s0 + c 2^-32; shift the lags; c = int32(t); s2 = t - c. */
  private next(): number {
    const s = this.s;
    const t = 2091639 * s[0] + this.c * 2.3283064365386963e-10; // 2^-32
    s[0] = s[1];
    s[1] = s[2];
    const c = t | 0;
    this.c = c;
    return (s[2] = t - c);
  }

  /** Uniform in [0, 1). */
  random(): number {
    return this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [a, b). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /** Standard normal (Marsaglia polar method, spare cached: no allocation). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }

  /**
   * Gap to the next success in a sequence of Bernoulli(p) trials (geometric skip), so
   * rare per-agent events cost O(events) instead of one draw per agent.
   */
  skip(p: number): number {
    if (!(p > 0)) return Number.POSITIVE_INFINITY;
    if (p >= 1) return 0;
    // log1p keeps tiny probabilities from rounding log(1 - p) to 0 (an endless loop).
    const gap = Math.floor(Math.log(1 - this.next()) / Math.log1p(-p));
    return gap >= 0 ? gap : Number.POSITIVE_INFINITY;
  }
}
