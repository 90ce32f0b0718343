/**
 * The seed rule: a run's seed is a pure function of (scenario seed, point, replicate),
 * never of the arm, the worker, the shard or the finishing order. Every arm of a point and
 * replicate therefore runs on the same seed (common random numbers), so arm differences
 * are paired.
 *
 * The hash chains the splitmix64 finaliser (Steele, Lea & Flood 2014), all arithmetic
 * modulo 2^64, gamma = 0x9e3779b97f4a7c15:
 *
 *   h0   = mix(seed + gamma)
 *   h1   = mix((h0 xor point) + gamma)
 *   h2   = mix((h1 xor replicate) + gamma)
 *   run seed = h2 >> 32            (a uint32)
 *
 *   mix(z): z = (z xor z>>30) * 0xbf58476d1ce4e5b9; z = (z xor z>>27) * 0x94d049bb133111eb;
 *           return z xor z>>31
 */
/** 2^64 - 1: arithmetic of the seed rules is modulo 2^64. */
export const MASK = (1n << 64n) - 1n;
/** The splitmix64 increment (the golden ratio in 64 bits). */
export const GAMMA = 0x9e3779b97f4a7c15n;

/** The text stored in manifest.json under `seed_rule`. */
export const SEED_RULE =
  'seed = hi32(mix((mix((mix(S + g) ^ point) + g) ^ replicate) + g)), splitmix64 finaliser mix, ' +
  'g = 0x9e3779b97f4a7c15, arithmetic mod 2^64, S = scenario seed; identical for every arm';

/** The splitmix64 finaliser. */
export function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

/**
 * The hash chain every seed rule uses (this one, the calibration's, the classroom's):
 * h0 = mix(v0 + g), h_i = mix((h_{i-1} xor v_i) + g); the seed is hi32 of the last link.
 */
export function seedChain(values: readonly bigint[]): bigint {
  let h = mix64((values[0] + GAMMA) & MASK);
  for (let i = 1; i < values.length; i++) h = mix64(((h ^ values[i]) + GAMMA) & MASK);
  return h;
}

/** The seed of replicate `replicate` at design point `point` (uint32). */
export function runSeed(scenarioSeed: number, point: number, replicate: number): number {
  return Number(seedChain([BigInt(scenarioSeed), BigInt(point), BigInt(replicate)]) >> 32n);
}

/**
 * A splitmix64 stream of uniforms in [0, 1) for design construction (LHS), started from
 * the scenario seed and a stream tag so design randomness never coincides with run seeds.
 */
export function uniformStream(scenarioSeed: number, tag: number): () => number {
  let state = mix64(((BigInt(scenarioSeed) << 8n) ^ BigInt(tag)) & MASK);
  return () => {
    state = (state + GAMMA) & MASK;
    return Number(mix64(state) >> 11n) / 2 ** 53;
  };
}
