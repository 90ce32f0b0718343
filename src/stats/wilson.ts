/**
 * Wilson score interval for a binomial share (Wilson 1927; Brown, Cai & DasGupta 2001):
 * unlike the Wald interval it stays inside [0, 1] and behaves for 0 or n successes,
 * which is common for `locked_in` with few replicates.
 */

/** z for a two-sided 95 % interval (simple-statistics' probit is only accurate to ~1e-3). */
export const Z95 = 1.959963984540054;

export interface Share {
  n: number;
  successes: number;
  share: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Share k/n with its Wilson 95 % interval.
 * @example wilsonInterval(8, 10) // { share: 0.8, ciLow: 0.4901625, ciHigh: 0.9433178 }
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Share {
  if (n <= 0) return { n, successes, share: NaN, ciLow: NaN, ciHigh: NaN };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { n, successes, share: p, ciLow: Math.max(0, centre - half), ciHigh: Math.min(1, centre + half) };
}
