/**
 * The ensemble's seeds follow the sweep's seed rule (src/sweep/seed.ts) at design point 0,
 * so the replicates a class sees are the runs `lrsim sweep` draws for the same scenario and
 * seed: replicate r of the reveal is replicate r of the sweep.
 */
import { runSeed } from '../../sweep/seed';

/** The seed of ensemble replicate `replicate` (0-based) for a class run with seed `seed`. */
export const replicateSeed = (seed: number, replicate: number): number => runSeed(seed, 0, replicate);

/** The reveal's seeds: the class's own seed first (its replay), then replicates 0..n-1. */
export const ensembleSeeds = (seed: number, replicates: number): number[] => [seed, ...Array.from({ length: replicates }, (_, r) => replicateSeed(seed, r))];
