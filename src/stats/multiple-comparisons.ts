/**
 * Every pair of policy arms, paired on common seeds, with Holm's step-down adjustment
 * (Holm 1979) over the pairs of one call: comparing each arm only with the first hides
 * whether, say, the top-down or the bottom-up space does better.
 */
import { pairedDifference, type PairedMethod } from './paired';

/**
 * Holm-adjusted p-values in the input order, as R's p.adjust(p, "holm"); NaN entries stay
 * NaN in place and do not count towards the number of tests.
 * @example holm([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holm(p: readonly number[]): number[] {
  const order = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i]));
  order.sort((a, b) => p[a] - p[b] || a - b);
  const m = order.length;
  const out = p.map(() => NaN);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, (m - rank) * p[i]);
    out[i] = Math.min(1, running);
  });
  return out;
}

export interface PairedContrast {
  armA: string;
  armB: string;
  /** Seeds on which both arms have a finite value. */
  n: number;
  /**
   * mean(A - B) over the common seeds, with its paired t interval; for a 0/1 outcome
   * (both arms only 0 and 1) the difference of paired shares with the Agresti-Min interval.
   */
  estimate: number;
  lo: number;
  hi: number;
  /**
   * Two-sided p: paired t-test (NaN when the differences are constant or n < 2); for 0/1
   * outcomes the exact McNemar test (1 when no seed is discordant).
   */
  p: number;
  /**
   * `paired_t`, `paired_share` for 0/1 outcomes (Agresti-Min interval, exact McNemar p), or
   * `paired_all_equal` when every pair differed by the same amount (no interval, p NaN);
   * `paired_t_by_point` when the seeds come from several fixed design points (stratified);
   * `paired_t_clustered_by_point` / `paired_share_clustered_by_point` when they come from
   * sampled design points with several seeds at some point (clustered: `cluster`).
   */
  method: PairedMethod;
  /** Mean of B on the pairs; the effect relative to it with Fieller's interval (NaN when none). */
  referenceMean: number;
  rel: number;
  relLo: number;
  relHi: number;
  /** p adjusted by Holm over all pairs of this call. */
  pHolm: number;
  /** Cohen's d_z: mean difference over the SD of the differences. */
  dz: number;
}

/**
 * Paired contrasts of every pair of arms: armA is the later arm in the map's order, armB
 * the earlier, matched on seed keys present (and finite) in both.
 * @example pairedContrasts(new Map([['a', new Map([[1, 1], [2, 2]])], ['b', new Map([[1, 2], [2, 4]])]]))[0].estimate // 1.5
 */
export function pairedContrasts<Seed>(values: ReadonlyMap<string, ReadonlyMap<Seed, number>>, opts: { binary?: boolean; stratum?: (seed: Seed) => number | string; cluster?: (seed: Seed) => number | string } = {}): PairedContrast[] {
  const arms = [...values.keys()];
  const rows: Omit<PairedContrast, 'pHolm'>[] = [];
  for (let b = 0; b < arms.length; b++) {
    for (let a = b + 1; a < arms.length; a++) {
      const valuesA = values.get(arms[a])!;
      const valuesB = values.get(arms[b])!;
      const treated: number[] = [];
      const baseline: number[] = [];
      const strata: (number | string)[] = [];
      const clusters: (number | string)[] = [];
      for (const [seed, vb] of valuesB) {
        const va = valuesA.get(seed);
        if (va !== undefined && Number.isFinite(va) && Number.isFinite(vb)) {
          treated.push(va);
          baseline.push(vb);
          strata.push(opts.stratum ? opts.stratum(seed) : 0);
          if (opts.cluster) clusters.push(opts.cluster(seed));
        }
      }
      const d = pairedDifference(treated, baseline, { binary: opts.binary, ...(opts.cluster ? { clusters } : { strata }) });
      rows.push({ armA: arms[a], armB: arms[b], n: d.n, estimate: d.mean, lo: d.ciLow, hi: d.ciHigh, p: d.p, dz: d.dz, method: d.method, referenceMean: d.baselineMean, rel: d.relMean, relLo: d.relCiLow, relHi: d.relCiHigh });
    }
  }
  const adjusted = holm(rows.map((r) => r.p));
  return rows.map((r, i) => ({ ...r, pHolm: adjusted[i] }));
}

