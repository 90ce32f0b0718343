/** Numbers and intervals in sentences: never an interval that was not computed. */
import type { Summary, SweepStats } from '../../stats';

/** A number with 3 significant digits, without trailing zeros. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const s = abs >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(digits)));
  return s.replace('-', '−');
}

/** A fraction as a percentage. */
export function pct(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits).replace('-', '−')} %` : 'n/a';
}

/**
 * Shares that sum to 1 as whole percentages that sum to 100 (largest remainder, Hamilton's
 * method: each share is rounded down, and the points left over go to the largest
 * remainders, earlier entries first on a tie), so a reader never sees 101 %. `adjusted`
 * says whether any entry differs from its plain rounding (the sentence then says how it
 * was rounded).
 * @example wholePercentages([0.335, 0.335, 0.33]) // { percents: [34, 33, 33], adjusted: true }
 */
export function wholePercentages(shares: readonly number[]): { percents: number[]; adjusted: boolean } {
  const scaled = shares.map((x) => 100 * x);
  const percents = scaled.map(Math.floor);
  const total = Math.round(scaled.reduce((s, x) => s + x, 0));
  const order = scaled.map((x, i) => i).sort((a, b) => scaled[b] - percents[b] - (scaled[a] - percents[a]) || a - b);
  for (let k = 0, left = total - percents.reduce((s, x) => s + x, 0); k < order.length && left > 0; k++, left--) percents[order[k]]++;
  return { percents, adjusted: percents.some((v, i) => v !== Math.round(scaled[i])) };
}

/** A fraction as a signed percentage: "+34 %", "−5 %". */
export function pctSigned(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const v = Math.round(100 * x);
  return `${v > 0 ? '+' : ''}${String(v).replace('-', '−')} %`;
}

/** A signed number with 3 significant digits. */
export function signed(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${x > 0 ? '+' : ''}${fmt(x)}`;
}

/** A difference of probabilities in percentage points. */
export function points(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const v = Math.round(100 * x);
  return `${v > 0 ? '+' : ''}${String(v).replace('-', '−')} percentage points`;
}

/** Whether both ends of an interval were computed. */
export const hasInterval = (lo: number, hi: number) => Number.isFinite(lo) && Number.isFinite(hi);

/** "95 % CI a to b", or the reason no interval is given. */
export function ci(lo: number, hi: number, format: (x: number) => string = fmt, why = 'too few runs for an interval'): string {
  return hasInterval(lo, hi) ? `95 % CI ${format(lo)} to ${format(hi)}`.replace(' percentage points to ', ' to ') : `no interval: ${why}`;
}

/**
 * A mean over runs with its interval: "0.394 (95 % CI 0.364 to 0.424, 100 runs)". When every
 * run gave the same value no zero-width interval is printed: "1 (all 100 runs: 1, the
 * bound of its range; 95 % CI 0.928 to 1)" when the value is a bound (a one-sided exact
 * interval, src/stats/bounded-interval.ts), else "0.5 (all 100 runs: 0.5; no interval)".
 * @example meanText({ n: 3, mean: 1, sd: 0, ciLow: 0.2924, ciHigh: 1, interval: 'clopper_pearson_at_bound' }) // "1 (all 3 runs: 1, the bound of its range; 95 % CI 0.292 to 1)"
 */
export function meanText(s: Summary, withCount = true): string {
  if (s.n === 0) return 'n/a';
  if (s.n === 1) return `${fmt(s.mean)} (1 run, no interval)`;
  const all = `all ${s.n} runs: ${fmt(s.mean)}`;
  if (s.interval === 'all_equal') return `${fmt(s.mean)} (${all}; no interval)`;
  if (s.interval === 'clopper_pearson_at_bound') return `${fmt(s.mean)} (${all}, the bound of its range; ${ci(s.ciLow, s.ciHigh)})`;
  return `${fmt(s.mean)} (${ci(s.ciLow, s.ciHigh)}${withCount ? `, ${s.n} runs` : ''})`;
}

/** A p-value as a reader wants it; `why` says why there is none (default: the differences do not vary). */
export function pValue(p: number, why = 'the differences do not vary'): string {
  if (!Number.isFinite(p)) return `p not computable (${why})`;
  if (p < 0.001) return 'p < 0.001';
  // Two significant digits: 0.0469 is "0.047", not "0.05" (which reads as not below 0.05);
  // three where two would round up onto 0.05 or 0.01 (0.0496 is "0.0496", not "0.05").
  if (p >= 0.995) return 'p = 1';
  const two = Number(p.toPrecision(2));
  const crosses = [0.05, 0.01].some((t) => p < t && two >= t);
  return `p = ${String(crosses ? Number(p.toPrecision(3)) : two)}`;
}

/** "raised X by 34 % (95 % CI +28 % to +40 %)", "lowered ...", or "did not clearly change ...". */
export function changeClause(measure: string, rel: number, relLo: number, relHi: number, why = 'too few runs to compute one'): string {
  if (!Number.isFinite(rel)) return `left ${measure} undetermined`;
  if (!hasInterval(relLo, relHi)) return `changed ${measure} by ${pctSigned(rel)} (no interval: ${why})`;
  const interval = `(95 % CI ${pctSigned(relLo)} to ${pctSigned(relHi)})`;
  if (relLo > 0) return `raised ${measure} by ${pct(rel)} ${interval}`;
  if (relHi < 0) return `lowered ${measure} by ${pct(-rel)} ${interval}`;
  return `did not clearly change ${measure}: ${pctSigned(rel)} ${interval}, an interval that includes no change`;
}

/**
 * The clause of a change whose p is adjusted for multiple comparisons (Holm): the verb
 * follows the adjusted test (adjusted p < 0.05), and the interval, which is not adjusted,
 * says so. `estimate`, `lo`, `hi` are relative (format pctSigned) or absolute (signed).
 * "lowered X by 9 % (unadjusted 95 % CI −16 % to −2 %)", or "did not clearly change X after
 * the Holm adjustment over the 10 pairs of arms: −9 % (unadjusted 95 % CI −16 % to −2 %)".
 */
export function adjustedChangeClause(measure: string, estimate: number, lo: number, hi: number, pAdjusted: number, adjustment: string, relative: boolean): string {
  const format = relative ? pctSigned : signed;
  const magnitude = relative ? (x: number) => pct(Math.abs(x)) : (x: number) => fmt(Math.abs(x));
  if (!Number.isFinite(estimate) || !hasInterval(lo, hi) || !Number.isFinite(pAdjusted)) {
    return relative ? changeClause(measure, estimate, lo, hi) : differenceClause(measure, estimate, lo, hi);
  }
  const interval = `(unadjusted 95 % CI ${format(lo)} to ${format(hi)})`;
  if (pAdjusted < 0.05 && lo > 0) return `raised ${measure} by ${magnitude(estimate)} ${interval}`;
  if (pAdjusted < 0.05 && hi < 0) return `lowered ${measure} by ${magnitude(estimate)} ${interval}`;
  if (lo > 0 || hi < 0) return `did not clearly change ${measure} after the ${adjustment}: ${format(estimate)} ${interval}`;
  return `did not clearly change ${measure}: ${format(estimate)} ${interval}, an interval that includes no change`;
}

/** Why a paired difference has no interval when every pair differed by the same amount. */
export const allPairsEqual = (n: number, d: number) => `all ${n} paired differences are ${signed(d)}`;

/**
 * The interval of a paired difference d over n pairs, "95 % CI lo to hi" in signed numbers,
 * or why there is none when every pair differed by the same amount (method paired_all_equal),
 * or did within each design point (paired_constant_by_point).
 */
export const pairedCi = (method: string, n: number, d: number, lo: number, hi: number) =>
  method === 'paired_all_equal' ? `no interval: ${allPairsEqual(n, d)}` : method === 'paired_constant_by_point' ? `no interval: ${CONSTANT_BY_POINT}` : ci(lo, hi, signed);

/** Why a pooled difference has no interval when, within each design point, every pair differed by the same amount. */
export const CONSTANT_BY_POINT = 'within each design point every pair of seeds differed by the same amount';

/**
 * changeClause for a paired difference that was the same on every seed (no interval):
 * "did not change X on any of the 20 seeds (...)" or "raised X by 0.545 on every seed
 * (+23 % of the reference mean; ...)". The size is absolute: the same difference is a
 * different share of each seed's reference value.
 */
export function constantChangeClause(measure: string, n: number, d: number, rel: number): string {
  if (d === 0) return `did not change ${measure} on any of the ${n} seeds (${allPairsEqual(n, d)}; no interval)`;
  const share = Number.isFinite(rel) ? `${pctSigned(rel)} of the reference mean; ` : '';
  return `${d > 0 ? 'raised' : 'lowered'} ${measure} by ${fmt(Math.abs(d))} on every seed (${share}no interval: all ${n} paired differences are the same)`;
}

/**
 * The same clause for an absolute difference (`format` signs the interval's ends,
 * `magnitude` states the size of a rise or fall without a sign).
 */
export function differenceClause(measure: string, d: number, lo: number, hi: number, format: (x: number) => string = signed, magnitude: (x: number) => string = (x) => fmt(Math.abs(x)), why = 'too few runs to compute one'): string {
  if (!Number.isFinite(d)) return `left ${measure} undetermined`;
  if (!hasInterval(lo, hi)) return `changed ${measure} by ${format(d)} (no interval: ${why})`;
  const interval = `(95 % CI ${format(lo)} to ${format(hi)})`.replace(' percentage points to ', ' to ');
  if (lo > 0) return `raised ${measure} by ${magnitude(d)} ${interval}`;
  if (hi < 0) return `lowered ${measure} by ${magnitude(d)} ${interval}`;
  return `did not clearly change ${measure}: ${format(d)} ${interval}, an interval that includes no change`;
}

/** The size of a difference of shares: "12 percentage points". */
export const pointsMagnitude = (x: number) => `${Math.round(100 * Math.abs(x))} percentage points`;

/** "a, b and c" */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** First letter upper case. */
export const capital = (s: string) => (s ? `${s[0].toUpperCase()}${s.slice(1)}` : s);

/** "1 run", "3 runs" */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The label of a design point ("openness = 0.3"), or its number when it has none. */
export const pointLabelOf = (stats: Pick<SweepStats, 'groups'>) => (point: number) => stats.groups.find((g) => g.point === point)?.pointLabel || String(point);

/** Whether a paired method pools design points stratified by point. */
export const stratifiedByPoint = (method: string | undefined) => method === 'paired_t_by_point' || method === 'paired_constant_by_point';

/** Whether a paired method pools sampled design points with the point as the unit (clustered). */
export const clusteredByPoint = (method: string | undefined) => method === 'paired_t_clustered_by_point' || method === 'paired_share_clustered_by_point';

/** How a pooled paired method treats the design points: ", stratified by point", ", clustered by point" or nothing. */
export const pooledHow = (method: string | undefined, design?: string) =>
  stratifiedByPoint(method) ? ', stratified by point' : clusteredByPoint(method) ? `, clustered by ${clusterUnitName(design)}` : '';

/** What a clustered comparison's unit is: the point, or for morris and saltelli designs the design group. */
export const clusterUnitName = (design: string | undefined) =>
  design === 'morris' ? 'Morris trajectory (its points share coordinates)' : design === 'saltelli' ? "Saltelli base row (its A, B and AB rows share coordinates)" : 'point';
