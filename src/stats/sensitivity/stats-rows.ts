/**
 * The `sensitivity` rows of stats.csv: one per arm, outcome, parameter, index and design
 * size n (N/4, N/2, N); `tick` is the first tick of the window for a series index (empty
 * for an outcome). index = S1 | ST | S2 | mu | mu_star | sigma | noise_share (parameter
 * `seed`); estimate with its 95 % percentile-bootstrap interval lo, hi. `point` is `all`.
 */
import type { SweepSensitivity } from './sweep-sensitivity';

export function sensitivityStatsRows(sensitivity: SweepSensitivity | null) {
  return (sensitivity?.rows ?? []).map((r) => ({
    section: 'sensitivity',
    point: 'all',
    arm: r.arm,
    tick: r.tick,
    n: r.n,
    outcome: r.outcome,
    parameter: r.parameter,
    method: r.method,
    index: r.index,
    estimate: r.estimate,
    lo: r.lo,
    hi: r.hi,
  }));
}
