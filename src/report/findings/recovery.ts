/**
 * Recovery after a shock, from Kaplan-Meier estimates: the median time to recovery with
 * its interval or "not reached", the restricted mean time to recovery, how many runs were censored, log-rank tests between
 * points, and arms compared on their common seeds (log-rank stratified by seed).
 */
import type { RecoveryArmTest, RecoveryCurve, SweepStats } from '../../stats';
import { fmt, plural, pValue, pointLabelOf } from './format';

/**
 * The missing upper end of a median's interval: "not reached" when the upper band never
 * falls to one half while runs are still at risk; when the curve falls to 0 (the last run
 * recovered), the band simply ends there (R's print.survfit gives NA for both), so the end
 * is not estimable rather than beyond the run.
 */
function upperEnd(c: RecoveryCurve): string {
  return c.steps.length > 0 && c.steps[c.steps.length - 1].survival === 0 ? `not estimable from ${c.n} runs (the band ends when the last run recovers)` : 'not reached';
}

/**
 * The restricted mean time to recovery over the first `horizon` ticks after the shock, with
 * its interval, or why there is none (standard error 0: nobody recovered, or all at once).
 */
function restrictedMeanText(c: RecoveryCurve): string {
  const head = `restricted mean ${fmt(c.rmst)} ticks over the first ${fmt(c.horizon)}`;
  if (Number.isFinite(c.rmstLo) && Number.isFinite(c.rmstHi)) return `${head} (95 % CI ${fmt(c.rmstLo)} to ${fmt(c.rmstHi)})`;
  return c.recovered === 0 ? `${head} (none recovered within them; no interval)` : `${head} (no interval: its standard error is 0)`;
}

/** One sentence per shock sweep (empty without recovery data). */
export function recoveryFindings(stats: SweepStats): string[] {
  const { curves, tests } = stats.recovery;
  if (curves.length === 0) return [];
  const parts = curves.map((c) => {
    const median = Number.isFinite(c.median)
      ? `median ${fmt(c.median)} ticks (${Number.isFinite(c.medianLo) ? `95 % CI ${fmt(c.medianLo)} to ${Number.isFinite(c.medianHi) ? fmt(c.medianHi) : upperEnd(c)}` : 'no interval: the band of the curve does not cross one half'})`
      : 'median not reached (fewer than half recovered)';
    return `${c.condition || 'all runs'}: ${c.recovered} of ${c.n} recovered, ${median}, ${c.censored} censored, ${restrictedMeanText(c)}`;
  });
  const out = [
    `Recovery after the shock (ticks until innovation value regains 90 % of its pre-shock level; a run that had not recovered when it ended is censored, not averaged; Kaplan-Meier median, and restricted mean: the area under the curve, the mean time to recovery when a run not recovered by the horizon counts as the horizon): ${parts.join('; ')}.`,
  ];
  for (const t of tests) {
    out.push(`Recovery differs between ${t.conditions.join(' and ')} ${t.p < 0.05 ? 'clearly' : 'not clearly'} (log-rank chi-square ${fmt(t.chisq)}, ${plural(t.df, 'degree')} of freedom, ${pValue(t.p)}).`);
  }
  out.push(...armRecoveryFindings(stats));
  return out;
}

/** "a first on 5 seeds, b first on 2, 1 at the same tick, 4 hidden by censoring" */
function orderText(t: RecoveryArmTest): string {
  const parts = [`${t.armA} recovered first on ${t.aFirst} ${t.aFirst === 1 ? 'seed' : 'seeds'}`, `${t.armB} on ${t.bFirst}`];
  if (t.ties) parts.push(`both at the same tick on ${t.ties}`);
  if (t.undetermined) parts.push(`censoring hides the order on ${t.undetermined} (neither recovered, or the earlier run ended unrecovered)`);
  return parts.join(', ');
}

/** Arms on common seeds: who recovered first, and the log-rank test stratified by seed. */
function armRecoveryFindings(stats: SweepStats): string[] {
  const tests = stats.recovery.armTests;
  const pooled = tests.filter((t) => t.point === null);
  const points = [...new Set(tests.filter((t) => t.point !== null).map((t) => t.point as number))];
  const pointLabel = pointLabelOf(stats);
  const adjust = pooled.length > 1;
  return pooled.map((t) => {
    const p = adjust ? `Holm-adjusted ${pValue(t.pHolm)}` : pValue(t.p);
    const verdict = !Number.isFinite(t.p) ? 'cannot be tested (no seed recovered in either arm)' : (adjust ? t.pHolm < 0.05 : t.p < 0.05) ? 'differs clearly' : 'does not differ clearly'; // the verdict follows the p quoted
    const test = Number.isFinite(t.p) ? ` (log-rank test stratified by seed, chi-square ${fmt(t.chisq)}, ${p})` : '';
    const per = points.length > 1 && points.length <= 6
      ? ` Per design point: ${points.flatMap((pt) => {
        const x = tests.find((y) => y.point === pt && y.armA === t.armA && y.armB === t.armB);
        return x ? [`${pointLabel(pt)}: ${x.armA} first on ${x.aFirst}, ${x.armB} on ${x.bFirst}${x.ties ? `, same tick on ${x.ties}` : ''}${x.undetermined ? `, hidden on ${x.undetermined}` : ''} (${pValue(x.p, 'no seed recovered in either arm')})`] : [];
      }).join('; ')}.`
      : '';
    return `Recovery of the ${t.armA} arm against the ${t.armB} arm, paired on the same ${t.pairs} seeds${points.length > 1 ? ' pooled over the design points' : ''}: ${orderText(t)}; recovery ${verdict}${test}.${per}`;
  });
}
