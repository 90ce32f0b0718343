/**
 * What a run says about each target: a run outcome as it is, or a time-series column
 * summarised over the rows observed in the tick window [from, to): their mean, the last
 * one, or the least-squares slope per tick. Undefined (no row, an undefined outcome) is
 * NaN, and a proposal with an undefined target is rejected.
 */
import type { CalibrationTarget } from './load-targets';

/** The parts of a run result a summary reads. */
export interface RunSummaryInput {
  outcomes: Record<string, number>;
  columns: readonly string[];
  series: Float64Array;
  rows: number;
}

/** The value of one target in one run. */
export function targetValue(target: CalibrationTarget, run: RunSummaryInput): number {
  if (target.kind === 'outcome') return run.outcomes[target.key] ?? Number.NaN;
  const width = run.columns.length;
  const col = run.columns.indexOf(target.key);
  const tickCol = run.columns.indexOf('tick');
  if (col < 0 || tickCol < 0) return Number.NaN;
  const to = target.to ?? Infinity;
  let n = 0;
  let sumT = 0;
  let sumY = 0;
  let last = Number.NaN;
  for (let r = 0; r < run.rows; r++) {
    const t = run.series[r * width + tickCol];
    if (t < target.from || t >= to) continue;
    const y = run.series[r * width + col];
    n++;
    sumT += t;
    sumY += y;
    last = y;
  }
  if (n === 0) return Number.NaN;
  if (target.summary === 'mean') return sumY / n;
  if (target.summary === 'last') return last;
  if (n < 2) return Number.NaN;
  // Slope by the centred formula (two passes: exact for long, offset tick ranges).
  const meanT = sumT / n;
  const meanY = sumY / n;
  let sxy = 0;
  let sxx = 0;
  for (let r = 0; r < run.rows; r++) {
    const t = run.series[r * width + tickCol];
    if (t < target.from || t >= to) continue;
    sxy += (t - meanT) * (run.series[r * width + col] - meanY);
    sxx += (t - meanT) * (t - meanT);
  }
  return sxy / sxx;
}

/**
 * The distance of simulated target values (averaged over replicates) to the observed:
 * sqrt(sum_k weight_k ((simulated_k - observed_k) / scale_k)^2). NaN when a value is undefined.
 */
export function distance(targets: readonly CalibrationTarget[], simulated: readonly number[]): number {
  let s = 0;
  targets.forEach((t, k) => {
    const z = (simulated[k] - t.observed) / t.scale;
    s += t.weight * z * z;
  });
  return Math.sqrt(s);
}

/** The mean over replicates of each target (replicates x targets in, targets out). */
export function replicateMeans(values: readonly (readonly number[])[], targets: number): number[] {
  return Array.from({ length: targets }, (_, k) => {
    let s = 0;
    for (const row of values) s += row[k];
    return s / values.length;
  });
}
