/**
 * The sentences of the sensitivity section of a report (morris or saltelli designs): the
 * parameters that matter most for each outcome, how much of the variance is seed noise,
 * and whether the design was large enough (indices at N/2 against N).
 */
import type { SweepStats } from '../stats';
import { MIN_BOOTSTRAP_GROUPS, type SweepSensitivityRow } from '../stats/sensitivity';
import { label } from '../charts';

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const g3 = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : 'n/a');

/** One sentence per outcome, then one on noise and one on convergence. */
export function sensitivitySentences(stats: SweepStats): string[] {
  const s = stats.sensitivity;
  if (!s || s.rows.length === 0) return [];
  const arm = s.rows[0].arm;
  const mine = s.rows.filter((r) => r.arm === arm && r.tick === null);
  const full = Math.max(...mine.map((r) => r.n));
  const key = s.method === 'saltelli' ? 'ST' : 'mu_star';
  const out: string[] = [];
  const outcomes = [...new Set(mine.map((r) => r.outcome))];
  for (const outcome of outcomes) {
    const ranked = mine.filter((r) => r.n === full && r.outcome === outcome && r.index === key).sort((a, b) => b.estimate - a.estimate).slice(0, 3);
    const noise = mine.find((r) => r.n === full && r.outcome === outcome && r.index === 'noise_share');
    const fmt = s.method === 'saltelli' ? f2 : g3;
    // No interval below MIN_BOOTSTRAP_GROUPS groups (or with a non-finite resample): say none, not "n/a to n/a".
    const ci = (r: SweepSensitivityRow, f: (x: number) => string) => (Number.isFinite(r.lo) && Number.isFinite(r.hi) ? `, 95 % CI ${f(r.lo)} to ${f(r.hi)}` : ', no interval');
    // An interval reaching 0 does not show the parameter matters; an ST above 1 is estimation error.
    const caveat = (r: SweepSensitivityRow) => (Number.isFinite(r.lo) && r.lo <= 0 ? ', not clearly above 0' : '') + (key === 'ST' && r.estimate > 1 ? ', above 1: an estimation error, ST is at most 1' : '');
    const parts = ranked.map((r) => `${r.parameter} (${key === 'ST' ? 'ST' : 'mu*'} ${fmt(r.estimate)}${ci(r, fmt)}${caveat(r)})`);
    out.push(`Sensitivity (${s.method}, ${s.method === 'saltelli' ? 'N' : 'r'} = ${full}, arm ${arm}): ${label(outcome)} ${ranked.some((r) => Number.isFinite(r.lo) && r.lo > 0) ? 'depends most on' : 'has the largest estimates for'} ${parts.join(', ')}${noise ? `; seed noise makes up ${f2(noise.estimate)} of one run's variance${Number.isFinite(noise.lo) && Number.isFinite(noise.hi) ? ` (95 % CI ${f2(noise.lo)} to ${f2(noise.hi)})` : ''}` : ''}.`);
  }
  const withInterval = (h: SweepSensitivityRow) => mine.some((r) => r.n === full && r.index === key && r.outcome === h.outcome && r.parameter === h.parameter && Number.isFinite(r.lo) && Number.isFinite(r.hi));
  const half = mine.filter((r) => r.n === Math.floor(full / 2) && r.index === key).filter(withInterval);
  const scrambles = s.scrambles ?? 1;
  // A replicated design (sweep.scrambles): t intervals over the scrambles, given for any R >= 2.
  if (scrambles > 1) out.push(`Intervals: each index is the mean of its values in ${scrambles} independent scrambles of ${full / scrambles} base rows, with a 95 % t interval on ${scrambles - 1} degree${scrambles === 2 ? '' : 's'} of freedom from their spread.`);
  else if (s.method === 'saltelli' && full >= MIN_BOOTSTRAP_GROUPS) {
    out.push('Intervals: 95 % percentile bootstrap over the base rows of one scrambled Sobol design, which treats the rows as independent; they are not, so an index can be less certain than its interval says (a small S1) or more (a large index); sweep.scrambles (e.g. 16) gives t intervals over independent scrambles (docs/sensitivity.md).');
  }
  if (scrambles === 1 && full < MIN_BOOTSTRAP_GROUPS) out.push(`No intervals: ${full} ${s.method === 'saltelli' ? 'base rows' : 'trajectories'} are fewer than ${MIN_BOOTSTRAP_GROUPS}, too few for a percentile bootstrap; convergence is not assessed.`);
  else if (half.length) {
    const moved = half.filter((h) => {
      const f = mine.find((r) => r.n === full && r.index === key && r.outcome === h.outcome && r.parameter === h.parameter);
      return f && (h.estimate < f.lo || h.estimate > f.hi);
    }).length;
    // The order of the parameters by the index, at half size and full size, compared per outcome.
    const order = (n: number, outcome: string) => mine.filter((r) => r.n === n && r.index === key && r.outcome === outcome).sort((x, y) => y.estimate - x.estimate || (x.parameter < y.parameter ? -1 : 1)).map((r) => r.parameter).join('\u0000');
    const compared = [...new Set(half.map((h) => h.outcome))];
    const reordered = compared.filter((o) => order(Math.floor(full / 2), o) !== order(full, o));
    const orderText = reordered.length
      ? `; the order of the parameters by ${key === 'ST' ? 'ST' : 'mu*'} differs between ${Math.floor(full / 2)} and ${full} for ${reordered.map((o) => label(o).toLowerCase()).join(', ')}`
      : `; the order of the parameters by ${key === 'ST' ? 'ST' : 'mu*'} is the same at ${Math.floor(full / 2)} and ${full} for ${compared.length === 1 ? 'the outcome' : `all ${compared.length} outcomes`}`;
    const verdict = moved > 0 || reordered.length ? '; a larger design may change the picture' : ' (wide intervals can hide a change: read them too)';
    out.push(`Convergence: ${moved} of ${half.length} ${key === 'ST' ? 'ST' : 'mu*'} estimates at ${Math.floor(full / 2)} lie outside the 95 % interval at ${full}${orderText}${verdict}.`);
  }
  if (s.skipped.length) out.push(`Not analysed (some design point has no finite value, e.g. no shock or failed runs): ${s.skipped.map(label).join(', ')}.`);
  return out;
}
