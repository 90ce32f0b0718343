/**
 * Per-tick mean and 95 % band of a time-series column over replicate runs.
 * Runs are folded in one at a time with Welford's update so a sweep's series are never
 * all held in memory (simple-statistics works on whole arrays); the band is the 95 % CI of
 * the per-tick mean: t-based, or for a column with bounds near them the bounded interval
 * of bounded-interval.ts (which needs only n, mean and sd).
 */
import { meanInterval } from './bounded-interval';
import type { ValueRange } from '../dictionary/ranges';
import { UNBOUNDED } from '../dictionary/ranges';
import type { IntervalMethod } from './summary';

export interface SeriesBand {
  tick: number[];
  n: number[];
  mean: number[];
  sd: number[];
  ciLow: number[];
  ciHigh: number[];
  /** The estimator of each tick's interval. */
  interval: IntervalMethod[];
}

/** Running per-tick moments of one column. */
export class SeriesAccumulator {
  private count: number[] = [];
  private runningMean: number[] = [];
  private m2: number[] = [];
  private ticks: number[] = [];

  /** Fold in one run: `ticks[i]` is the tick of `values[i]`. */
  add(ticks: ArrayLike<number>, values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (this.count[i] === undefined) {
        this.count[i] = 0;
        this.runningMean[i] = 0;
        this.m2[i] = 0;
        this.ticks[i] = ticks[i];
      }
      if (!Number.isFinite(v)) continue;
      const n = ++this.count[i];
      const delta = v - this.runningMean[i];
      this.runningMean[i] += delta / n;
      this.m2[i] += delta * (v - this.runningMean[i]);
    }
  }

  /** The mean and band per observed tick, for a column whose values lie in `range`. */
  band(range: ValueRange = UNBOUNDED): SeriesBand {
    const out: SeriesBand = { tick: [], n: [], mean: [], sd: [], ciLow: [], ciHigh: [], interval: [] };
    for (let i = 0; i < this.count.length; i++) {
      const n = this.count[i];
      const m = n > 0 ? this.runningMean[i] : NaN;
      const sd = n >= 2 ? Math.sqrt(this.m2[i] / (n - 1)) : NaN;
      // Welford's update keeps identical values' mean exact and their m2 at 0.
      const ci = meanInterval(n, m, sd, range);
      out.tick.push(this.ticks[i]);
      out.n.push(n);
      out.mean.push(m);
      out.sd.push(sd);
      out.ciLow.push(ci.ciLow);
      out.ciHigh.push(ci.ciHigh);
      out.interval.push(ci.interval);
    }
    return out;
  }
}
