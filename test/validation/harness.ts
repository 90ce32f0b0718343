/**
 * Validation harness: runs conditions on common seeds (paired) in worker threads and
 * gives paired 95 % confidence intervals. Runs are cached by (condition, seed) within
 * the process, so facts that share a condition (e.g. closed vs open) reuse its runs.
 */
import { RunPool } from '../../src/sweep/pool';
import type { RunOutput } from '../../src/sweep/record';
import { pairedShareDifference, tCritical } from '../../src/stats';
export { leastSquares, quadraticFit } from '../../src/stats';

/** The region used by the validation suite: the prototypes' size (CALIBRATION-NOTES). */
export const SMALL_REGION = {
  agents: {
    firms: 150,
    residents: 1500,
    institutions: { university: 2, research_institute: 1, government: 1, intermediary: 1, cultural: 1 },
  },
};

/** Seeds of the suite: 16 per condition, fixed, never chosen by outcome. */
export const SEEDS = Array.from({ length: 16 }, (_, i) => 1001 + i);

/**
 * 128 seeds (1001-1128) for fact 1b, whose quadratic term (about -0.1 to -0.15) is small
 * next to its seed-to-seed spread (a standard deviation of about 0.3 to 0.35 per seed).
 * History, since the count was raised after looking: 16 seeds were significant by a hair,
 * 32 (1001-1032) too, and the next 32 (1033-1064) were not (-0.08 +- 0.09). 128 give a
 * standard error near 0.03; a disjoint replication set (2001-2128, same code) is measured
 * by docs/probe-fact1b.ts and reported in docs/facts.md.
 */
export const SEEDS_FACT_1B = Array.from({ length: 128 }, (_, i) => 1001 + i);

let pool: RunPool | null = null;
const cache = new Map<string, Promise<RunOutput>>();

function merge(a: unknown, b: unknown): unknown {
  if (typeof a !== 'object' || a === null || Array.isArray(a) || typeof b !== 'object' || b === null || Array.isArray(b)) return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = merge(out[k], v);
  return out;
}

/** One run of `overrides` (deep-merged on SMALL_REGION) at `seed`. */
export function run(overrides: object, seed: number, microdata = false): Promise<RunOutput> {
  const input = merge(SMALL_REGION, overrides) as Record<string, unknown>;
  const key = JSON.stringify([input, seed, microdata]);
  let hit = cache.get(key);
  if (!hit) {
    pool ??= new RunPool({ workers: 2 });
    hit = pool.run({ key: `validation-${seed}`, input, seed, microdata });
    cache.set(key, hit);
  }
  return hit;
}

/** Runs every condition on every seed; returns outputs by condition, in seed order. */
export async function runConditions<C extends string>(conditions: Record<C, object>, seeds = SEEDS, microdata = false): Promise<Record<C, RunOutput[]>> {
  const names = Object.keys(conditions) as C[];
  const all = await Promise.all(names.map((n) => Promise.all(seeds.map((s) => run(conditions[n], s, microdata)))));
  return Object.fromEntries(names.map((n, i) => [n, all[i]])) as Record<C, RunOutput[]>;
}

export async function closePool(): Promise<void> {
  if (pool) await pool.destroy();
  pool = null;
  cache.clear();
}

export interface Interval {
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

/** Mean and t-based 95 % confidence interval of a sample (e.g. paired differences). */
export function interval(xs: number[]): Interval {
  const v = xs.filter((x) => Number.isFinite(x));
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = tCritical(n - 1) * (sd / Math.sqrt(n));
  return { mean, lo: mean - half, hi: mean + half, n };
}

/**
 * Paired differences b - a of an outcome: the t interval, or for a 0/1 outcome (locked_in)
 * the Agresti-Min interval of the difference of paired shares (src/stats/paired.ts), since
 * the t interval of -1/0/1 differences has zero width when every seed differs the same way
 * (16 of 16 closed runs locked in, none open: "-1 (CI -1 to -1)").
 */
export function paired(a: RunOutput[], b: RunOutput[], outcome: string): Interval {
  const va = a.map((r) => (r.outcomes as Record<string, number>)[outcome]);
  const vb = b.map((r) => (r.outcomes as Record<string, number>)[outcome]);
  const zeroOne = (v: number[]) => v.every((x) => x === 0 || x === 1);
  if (va.length > 0 && zeroOne(va) && zeroOne(vb)) {
    const s = pairedShareDifference(vb, va);
    return { mean: s.estimate, lo: s.lo, hi: s.hi, n: va.length };
  }
  return interval(va.map((x, i) => vb[i] - x));
}

export function outcome(rs: RunOutput[], key: string): number[] {
  return rs.map((r) => (r.outcomes as Record<string, number>)[key]);
}

export const fmt = (i: Interval) => `${i.mean.toFixed(3)} (95 % CI ${i.lo.toFixed(3)} to ${i.hi.toFixed(3)}, n = ${i.n})`;

/** Appends a measured effect to the suite's log (printed at the end, for the notes). */
export const measured: string[] = [];
export function record(fact: string, what: string, i: Interval | string): void {
  measured.push(`${fact}: ${what} = ${typeof i === 'string' ? i : fmt(i)}`);
}
