/**
 * Recovery after a shock, from Kaplan-Meier estimates: the median time to recovery with
 * its interval or "not reached", how many runs were censored, and log-rank tests.
 */
import type { SweepStats } from '../../stats';
import { fmt, plural, pValue } from './format';

/** One sentence per shock sweep (empty without recovery data). */
export function recoveryFindings(stats: SweepStats): string[] {
  const { curves, tests } = stats.recovery;
  if (curves.length === 0) return [];
  const parts = curves.map((c) => {
    const median = Number.isFinite(c.median)
      ? `median ${fmt(c.median)} ticks (${Number.isFinite(c.medianLo) ? `95 % CI ${fmt(c.medianLo)} to ${Number.isFinite(c.medianHi) ? fmt(c.medianHi) : 'not reached'}` : 'no interval: the band of the curve does not cross one half'})`
      : 'median not reached (fewer than half recovered)';
    return `${c.condition || 'all runs'}: ${c.recovered} of ${c.n} recovered, ${median}, ${c.censored} censored`;
  });
  const out = [
    `Recovery after the shock (ticks until innovation value regains 90 % of its pre-shock level; a run that had not recovered when it ended is censored, not averaged; Kaplan-Meier): ${parts.join('; ')}.`,
  ];
  for (const t of tests) {
    out.push(`Recovery differs between ${t.conditions.join(' and ')} ${t.p < 0.05 ? 'clearly' : 'not clearly'} (log-rank chi-square ${fmt(t.chisq)}, ${plural(t.df, 'degree')} of freedom, ${pValue(t.p)}).`);
  }
  return out;
}
