/**
 * Tidy sensitivity rows (method, outcome, parameter, index, estimate, lo, hi, n) of one
 * outcome, at N and, for convergence, at N/4 and N/2 (prefixes of the design: a prefix
 * of a Sobol sequence, or the first trajectories, is a design of its own).
 */
import type { Estimate } from './bootstrap';
import { morrisIndices, type morrisSteps } from './morris-indices';
import type { RowMoments } from './replicates';
import { blockedSobolIndices } from './rqmc';
import { sobolIndices } from './sobol-indices';

export type SensitivityMethod = 'morris' | 'saltelli';
export type SensitivityIndex = 'S1' | 'ST' | 'S2' | 'mu' | 'mu_star' | 'sigma' | 'sigma_corrected' | 'mu_star_noise' | 'noise_share';

export interface SensitivityRow {
  method: SensitivityMethod;
  outcome: string;
  /** The parameter (`a:b` for S2; `seed` for the noise share). */
  parameter: string;
  index: SensitivityIndex;
  /** Base rows N (saltelli) or trajectories r (morris) the estimate used. */
  n: number;
  estimate: number;
  lo: number;
  hi: number;
  /** Bootstrap resamples with a non-finite value (lo, hi then NaN); absent when none. */
  dropped?: number;
  /** Replicated design: scrambles whose value was not finite (every field then NaN); absent when none. */
  undefinedBlocks?: number;
}

export const SENSITIVITY_COLUMNS = ['method', 'outcome', 'parameter', 'index', 'estimate', 'lo', 'hi'] as const;

export interface AnalysisLayout {
  method: SensitivityMethod;
  parameters: readonly string[];
  /** morris: steps of the design and the unit step delta. */
  steps?: Exclude<ReturnType<typeof morrisSteps>, { badRow: number }>;
  delta?: number;
  secondOrder?: boolean;
  /** saltelli: the number of independent scrambles R of a replicated design (absent or 1: one scramble, bootstrap intervals). */
  blocks?: number;
}

/** Sizes at which indices are reported: N/4, N/2 and N (those >= 2, without repeats). */
export function convergenceSizes(n: number): number[] {
  return [...new Set([Math.floor(n / 4), Math.floor(n / 2), n])].filter((k) => k >= 2);
}

/** Every index of one outcome at every convergence size, largest size last. */
export function analyzeOutcome(layout: AnalysisLayout, outcome: string, rows: RowMoments, options: { resamples?: number; seed?: number } = {}): SensitivityRow[] {
  const { method, parameters } = layout;
  const d = parameters.length;
  const out: SensitivityRow[] = [];
  const push = (parameter: string, index: SensitivityIndex, n: number, e: Estimate | null) => {
    if (e) out.push({ method, outcome, parameter, index, n, estimate: e.estimate, lo: e.lo, hi: e.hi, ...(e.dropped ? { dropped: e.dropped } : {}), ...(e.undefinedBlocks ? { undefinedBlocks: e.undefinedBlocks } : {}) });
  };
  const total = rows.mean.length / (method === 'morris' ? d + 1 : layout.secondOrder ? 2 * d + 2 : d + 2);
  // A replicated design converges by prefixes of every scramble: N/4 is N/(4R) base rows of each of the R blocks.
  const blocks = method === 'saltelli' && (layout.blocks ?? 1) > 1 ? layout.blocks! : 1;
  for (const n of convergenceSizes(total / blocks).map((k) => k * blocks)) {
    if (method === 'morris') {
      const m = morrisIndices(rows, layout.steps!, d, layout.delta!, { ...options, trajectories: n });
      parameters.forEach((p, i) => {
        push(p, 'mu', n, m.mu[i]);
        push(p, 'mu_star', n, m.muStar[i]);
        push(p, 'sigma', n, m.sigma[i]);
        // Without replicates seed noise is not estimable: no corrected sigma, no noise mu*.
        if (m.noisy) {
          push(p, 'sigma_corrected', n, m.sigmaCorrected[i]);
          push(p, 'mu_star_noise', n, m.muStarNoise[i]);
        }
      });
      push('seed', 'noise_share', n, m.noiseShare);
    } else {
      const s =
        blocks > 1
          ? blockedSobolIndices(rows, d, { secondOrder: layout.secondOrder, blocks, baseRows: n / blocks })
          : sobolIndices(rows, d, { ...options, secondOrder: layout.secondOrder, baseRows: n });
      parameters.forEach((p, i) => {
        push(p, 'S1', n, s.S1[i]);
        push(p, 'ST', n, s.ST[i]);
      });
      s.pairs.forEach(([i, j], k) => push(`${parameters[i]}:${parameters[j]}`, 'S2', n, s.S2[k]));
      push('seed', 'noise_share', n, s.noiseShare);
    }
  }
  return out;
}
