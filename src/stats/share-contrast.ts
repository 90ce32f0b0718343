/**
 * A linear contrast of binomial shares, sum c_i p_i, with an adjusted Wald interval.
 *
 * Independent cells: the interval of Price & Bonett (2004, Computational Statistics & Data
 * Analysis 45, 449-456): each share is estimated as (x_i + 2/m) / (n_i + 4/m), m the number
 * of shares in the contrast; for a difference of two shares (m = 2) this is Agresti-Caffo.
 *
 * Cells paired on seeds (the arms of one design point run on the same seeds): the same
 * adjustment applied to the seeds' joint outcomes. Each group of paired cells gets 4/m
 * pseudo-seeds spread evenly over the 2^k joint patterns of its k cells, so each cell
 * still gains 2/m successes in 4/m trials and any two cells gain 1/m joint successes; the
 * variance is that of sum c_a y_a under this adjusted joint distribution, covariances
 * included. For one pair (m = 2) this is exactly the Agresti-Min (2005) interval of paired
 * shares (half a seed added to each cell of the 2 x 2 table); for groups of one cell it is
 * exactly Price-Bonett. Ignoring the pairing would misstate the variance: too narrow when
 * paired cells enter with the same sign (a main effect averaged over arms), too wide when
 * with opposite signs (an interaction with the arm).
 *
 * Unlike a linear probability model this gives a usable interval when every run of a cell
 * is 0 or every run is 1 (common for `locked_in`), and it is clipped to the contrast's
 * possible range.
 */
import { chiSquareUpperP } from './p-value';
import { Z95 } from './wilson';

export interface ShareCell {
  successes: number;
  n: number;
  coef: number;
}

/** Cells whose runs share seeds: one row per seed, one 0/1 entry per cell. */
export interface PairedShareGroup {
  coefs: readonly number[];
  /** rows[seed][cell] in {0, 1}; every cell has a run on every seed of the group. */
  rows: readonly (readonly number[])[];
}

export interface ShareContrast {
  /** sum c_i x_i / n_i (the plain estimate) and the adjusted interval. */
  estimate: number;
  lo: number;
  hi: number;
  /** Two-sided p of the adjusted Wald z statistic. */
  p: number;
  /** Shares in the contrast (m). */
  cells: number;
}

/** Sufficient statistics of one group: seeds, coefficients, successes and joint successes per pair of cells. */
interface GroupCounts {
  n: number;
  coefs: number[];
  successes: number[];
  /** both[a][b]: seeds with a 1 in cells a and b (both[a][a] = successes[a]). */
  both: number[][];
}

/**
 * The contrast and its 95 % interval for independent cells; cells with n = 0 or
 * coefficient 0 are left out.
 * @example shareContrast([{ successes: 8, n: 8, coef: 1 }, { successes: 0, n: 8, coef: -1 }]) // estimate 1, lo 0.537, hi 1 (clipped)
 */
export function shareContrast(cells: readonly ShareCell[], z = Z95): ShareContrast {
  return adjustedContrast(cells.map((c) => ({ n: c.n, coefs: [c.coef], successes: [c.successes], both: [[c.successes]] })), z);
}

/**
 * The contrast and its 95 % interval for groups of cells paired on seeds (cells of
 * different groups independent); cells with coefficient 0 and groups without seeds are
 * left out.
 * @example pairedShareContrast([{ coefs: [1, -1], rows: [[1, 0], [1, 1], [0, 0], [1, 0]] }]).estimate // 0.5
 */
export function pairedShareContrast(groups: readonly PairedShareGroup[], z = Z95): ShareContrast {
  return adjustedContrast(groups.map((g) => {
    const k = g.coefs.length;
    const successes = new Array<number>(k).fill(0);
    const both = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const row of g.rows) {
      for (let a = 0; a < k; a++) {
        if (row[a] < 0.5) continue;
        successes[a]++;
        for (let b = 0; b < k; b++) if (row[b] >= 0.5) both[a][b]++;
      }
    }
    return { n: g.rows.length, coefs: [...g.coefs], successes, both };
  }), z);
}

function adjustedContrast(groups: readonly GroupCounts[], z: number): ShareContrast {
  const used = groups.filter((g) => g.n > 0 && g.coefs.some((c) => c !== 0));
  const m = used.reduce((s, g) => s + g.coefs.filter((c) => c !== 0).length, 0);
  if (m === 0) return { estimate: NaN, lo: NaN, hi: NaN, p: NaN, cells: 0 };
  let estimate = 0;
  let centre = 0;
  let variance = 0;
  let min = 0;
  let max = 0;
  for (const g of used) {
    const nAdj = g.n + 4 / m;
    const k = g.coefs.length;
    const tilde = g.successes.map((x) => (x + 2 / m) / nAdj);
    for (let a = 0; a < k; a++) {
      const c = g.coefs[a];
      if (c === 0) continue;
      estimate += (c * g.successes[a]) / g.n;
      centre += c * tilde[a];
      if (c < 0) min += c;
      else max += c;
      for (let b = 0; b < k; b++) {
        if (g.coefs[b] === 0) continue;
        // Adjusted joint share: a quarter of the pseudo-seeds have a 1 in both cells.
        const joint = a === b ? tilde[a] : (g.both[a][b] + 1 / m) / nAdj;
        variance += (c * g.coefs[b] * (joint - tilde[a] * tilde[b])) / nAdj;
      }
    }
  }
  const half = z * Math.sqrt(Math.max(0, variance));
  // Two-sided normal p: z^2 is chi-square with 1 degree of freedom.
  const p = variance > 0 ? chiSquareUpperP((centre * centre) / variance, 1) : NaN;
  return { estimate, lo: Math.max(min, centre - half), hi: Math.min(max, centre + half), p, cells: m };
}
