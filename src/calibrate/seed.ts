/**
 * The calibration seed rule: every simulation's seed is a pure function of (calibration
 * seed, generation, particle, replicate), and every proposal draws its parameters from a
 * stream keyed by (calibration seed, generation, particle). Neither depends on the worker
 * count or on the order in which runs finish. The hash chains the splitmix64 finaliser as
 * the sweep seed rule does (src/sweep/seed.ts), with one more link and a stream tag.
 */
import { GAMMA, MASK, mix64, seedChain as chain } from '../sweep/seed';

/** Tags keep simulation seeds and proposal streams apart. */
const SIMULATION_TAG = 0x5349n; // "SI"
const PROPOSAL_TAG = 0x5052n; // "PR"

/** The generation number of posterior predictive draws (after every ABC generation). */
export const PREDICTIVE_GENERATION = 65_535;

/** The text stored in calibration.json under `seed_rule`. */
export const CALIBRATION_SEED_RULE =
  'seed = hi32(h4), h0 = mix(S + g), h1 = mix((h0 ^ 0x5349) + g), h2 = mix((h1 ^ generation) + g), ' +
  'h3 = mix((h2 ^ particle) + g), h4 = mix((h3 ^ replicate) + g); splitmix64 finaliser mix, g = 0x9e3779b97f4a7c15, ' +
  'arithmetic mod 2^64, S = calibration seed; proposals draw from the stream keyed (S, 0x5052, generation, particle); ' +
  `posterior predictive draws use generation ${PREDICTIVE_GENERATION}`;

/** The seed (uint32) of one simulation. */
export function simulationSeed(seed: number, generation: number, particle: number, replicate: number): number {
  return Number(chain([BigInt(seed), SIMULATION_TAG, BigInt(generation), BigInt(particle), BigInt(replicate)]) >> 32n);
}

/** A stream of uniforms in [0, 1) and standard normals for one proposal. */
export class ProposalStream {
  private state: bigint;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, generation: number, particle: number) {
    this.state = chain([BigInt(seed), PROPOSAL_TAG, BigInt(generation), BigInt(particle)]);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    this.state = (this.state + GAMMA) & MASK;
    return Number(mix64(this.state) >> 11n) / 2 ** 53;
  }

  /** Standard normal (Box-Muller, the second value kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = 1 - this.uniform(); // (0, 1]: log is finite
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }
}
