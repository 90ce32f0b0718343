/**
 * Timing primitives of the benchmarks: wall and CPU time of one sample, and the median
 * with its spread over repeated samples. Every sample also carries the 1-minute load
 * average before and after, because the machine is shared and a high load inflates wall
 * time (CPU time much less so).
 */
import os from 'node:os';

/** One timed sample: wall and CPU seconds, and the load average around it. */
export interface Sample {
  wall: number;
  cpu: number;
  loadBefore: number;
  loadAfter: number;
}

/** The median and spread of a measure over repeated samples. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max - min) / median: the relative spread of the repeats. */
  spread: number;
  n: number;
}

/** Process CPU seconds (user + system, all threads of this process). */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** The 1-minute load average. */
export const load1 = (): number => os.loadavg()[0];

/** Times `work()` once, in wall and CPU seconds. */
export function timeOnce(work: () => void): Sample {
  const loadBefore = load1();
  const c0 = cpuSeconds();
  const t0 = performance.now();
  work();
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  return { wall, cpu, loadBefore, loadAfter: load1() };
}

/** Times an async `work()` once. */
export async function timeOnceAsync(work: () => Promise<void>): Promise<Sample> {
  const loadBefore = load1();
  const c0 = cpuSeconds();
  const t0 = performance.now();
  await work();
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  return { wall, cpu, loadBefore, loadAfter: load1() };
}

/** Median, min, max and relative spread of finite values. */
export function summarize(values: readonly number[]): Summary {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, spread: Number.NaN, n: 0 };
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], spread: median !== 0 ? (v[v.length - 1] - v[0]) / Math.abs(median) : 0, n: v.length };
}

/** Load range over a set of samples: [lowest before/after, highest before/after]. */
export function loadRange(samples: readonly Sample[]): [number, number] {
  const all = samples.flatMap((s) => [s.loadBefore, s.loadAfter]);
  return [round(Math.min(...all), 2), round(Math.max(...all), 2)];
}

/** Rounds to `digits` significant digits (JSON stays readable and diffable). */
export function sig(x: number, digits = 4): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Rounds every number of a summary to `digits` significant digits. */
export function sigSummary(s: Summary, digits = 4): Summary {
  return { median: sig(s.median, digits), min: sig(s.min, digits), max: sig(s.max, digits), spread: sig(s.spread, 3), n: s.n };
}
