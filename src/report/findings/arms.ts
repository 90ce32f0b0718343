/**
 * What the policy arms did: every arm against the reference arm and every other pair, on
 * common seeds (Holm-adjusted over the pairs), whether the pooled effect hides different
 * effects at different design points, each arm's bootstrap share of ranking first (set
 * against the paired contrasts), and what the
 * extra value cost.
 */
import { label } from '../../charts';
import type { ContrastRow, SweepStats } from '../../stats';
import { adjustedChangeClause, allPairsEqual, capital, CONSTANT_BY_POINT, changeClause, ci, constantChangeClause, differenceClause, hasInterval, pairedCi, fmt, list, pctSigned, plural, pointLabelOf, pValue, pooledHow, signed, wholePercentages } from './format';

const HEADLINE = 'innovation_value_late';

const contrastOf = (stats: SweepStats, outcome: string, point: number | null, a: string, b: string) =>
  stats.armComparison.contrasts.find((c) => c.outcome === outcome && c.point === point && c.armA === a && c.armB === b);

/** Why a relative change has no interval while the difference has one (Fieller's set is unbounded). */
const NO_RELATIVE = 'no interval for the relative change: the reference mean is not clearly away from 0';
/** The same for a 0/1 outcome: clustered pairs have no ratio interval; else the reference share is 0. */
const noRelative = (method: string) =>
  method === 'paired_share_clustered_by_point' ? 'no interval for the relative change: none is computed for shares clustered by point'
    : method === 'paired_share' ? 'no interval for the ratio of the shares could be computed'
    : NO_RELATIVE;

/** effectText with its interval labelled unadjusted (next to a Holm-adjusted p). */
const unadjustedEffectText = (c: ContrastRow) => effectText(c).replace('(95 % CI', '(unadjusted 95 % CI');

/** "+12 % (95 % CI +3 % to +20 %)" or the absolute difference when there is no relative interval. */
function effectText(c: ContrastRow): string {
  if (c.method === 'paired_all_equal') return `${Number.isFinite(c.rel) ? pctSigned(c.rel) : signed(c.estimate)} (no interval: ${allPairsEqual(c.n, c.estimate)})`;
  if (c.method === 'paired_constant_by_point') return `${Number.isFinite(c.rel) ? pctSigned(c.rel) : signed(c.estimate)} (no interval: ${CONSTANT_BY_POINT})`;
  if (Number.isFinite(c.rel) && hasInterval(c.relLo, c.relHi)) return `${pctSigned(c.rel)} (${ci(c.relLo, c.relHi, pctSigned)})`;
  const rel = !Number.isFinite(c.rel) ? '' : hasInterval(c.lo, c.hi) ? `; ${pctSigned(c.rel)}, ${noRelative(c.method)}` : `; ${pctSigned(c.rel)}`;
  return `${signed(c.estimate)} (${ci(c.lo, c.hi, signed)}${rel})`;
}

/** Why a paired test has no p: one pair leaves no spread to test against; else the differences do not vary. */
const noPReason = (n: number) => (n === 0 ? 'no pairs of runs' : n < 2 ? 'one pair of runs: a paired test needs at least two' : 'the differences do not vary');

/** Arms every one of whose runs is degenerate: no run of theirs enters an effect estimate. */
/** The number of pooled contrasts of `outcome` with a p-value: the m of their Holm adjustment. */
export function holmTests(stats: SweepStats, outcome: string): number {
  return stats.armComparison.contrasts.filter((c) => c.outcome === outcome && c.point === null && Number.isFinite(c.p)).length;
}

export function degenerateArms(stats: SweepStats): string[] {
  return stats.arms.filter((arm) => {
    const runs = stats.runs.filter((r) => r.arm === arm);
    return runs.length > 0 && runs.every((r) => r.degenerate);
  });
}

/** A contrast's (Holm-adjusted) p, or why there is none. */
const contrastP = (c: ContrastRow, p: number) =>
  c.method === 'paired_constant_by_point' ? 'no p (within each design point the differences do not vary)' : pValue(p, noPReason(c.n));

/**
 * The clause for a contrast: relative with Fieller's interval, else absolute (and why).
 * With `holmPairs` (more than one pair of arms, the p quoted is Holm-adjusted) the verb
 * follows the adjusted p and the interval is labelled unadjusted (adjustedChangeClause).
 */
function contrastClause(measure: string, c: ContrastRow, holmPairs = 0): string {
  if (c.method === 'paired_all_equal') return constantChangeClause(measure, c.n, c.estimate, c.rel);
  if (c.method === 'paired_constant_by_point') return `changed ${measure} by ${Number.isFinite(c.rel) ? pctSigned(c.rel) : signed(c.estimate)} (no interval: ${CONSTANT_BY_POINT})`;
  const adjustment = `Holm adjustment over the ${holmPairs} pairs of arms with a test`;
  const relative = hasInterval(c.relLo, c.relHi) || !hasInterval(c.lo, c.hi);
  if (holmPairs > 1 && Number.isFinite(c.pHolm)) {
    return relative
      ? adjustedChangeClause(measure, c.rel, c.relLo, c.relHi, c.pHolm, adjustment, true)
      : `${adjustedChangeClause(measure, c.estimate, c.lo, c.hi, c.pHolm, adjustment, false)}${Number.isFinite(c.rel) ? ` (${pctSigned(c.rel)} of the reference mean; ${noRelative(c.method)})` : ''}`;
  }
  if (relative) return changeClause(measure, c.rel, c.relLo, c.relHi);
  return `${differenceClause(measure, c.estimate, c.lo, c.hi)}${Number.isFinite(c.rel) ? ` (${pctSigned(c.rel)} of the reference mean; ${noRelative(c.method)})` : ''}`;
}

/** " This pooled figure hides heterogeneity: ..." when the effect differs between points, else ''. */
function heterogeneityNote(stats: SweepStats, outcome: string, a: string, b: string, pointLabel: (p: number) => string, points: number[], text: (c: ContrastRow) => string): string {
  const h = stats.armComparison.heterogeneity.find((x) => x.outcome === outcome && x.armA === a && x.armB === b);
  if (!h?.misleading) return '';
  const per = points.flatMap((p) => {
    const x = contrastOf(stats, outcome, p, a, b);
    return x ? [`${text(x)} at ${pointLabel(p)}`] : [];
  });
  const why = h.constantByPoint
    ? `every seed gives the same difference within each design point, and it differs between points${h.signsDiffer ? ', with opposite signs' : ''}`
    : h.signsDiffer ? 'the effect has opposite signs at different design points' : `the effect differs between design points (F test ${pValue(h.p)})`;
  const shown = per.length <= 8 ? `: ${per.join('; ')}` : `; see the per-point rows of the contrast section in stats.csv`;
  return ` This pooled figure hides heterogeneity: ${why}${shown}. Read the effect per point, not the average.`;
}

/**
 * " The effect of X varies with the sampled conditions: ..." on a continuous design (each
 * point's mean paired difference regressed on the standardised conditions, HC2 with the
 * HTZ F), or that it is not clear, or why there is no test; '' without a regression.
 */
export function conditionNote(stats: SweepStats, outcome: string, arm: string): string {
  const r = stats.conditionEffects?.find((x) => x.outcome === outcome && x.arm === arm);
  if (!r) return '';
  // Parameters by their full dot path, as in runs.csv and every other finding.
  const name = (p: string) => p;
  const fit = `a linear regression of each design point's mean paired difference on the ${plural(r.conditions.length, 'sampled condition')} (standardised), over ${r.n} points`;
  if (r.exact) return ` The paired difference is an exact linear function of the sampled conditions (R² = 1 over ${r.n} points, no residual variation, so no test or interval): per SD of a condition it changes by ${r.slopes.map((x) => `${name(x.parameter)} ${signed(x.estimate)}`).join('; ')}.`;
  if (!Number.isFinite(r.p)) return ` No test of whether the effect varies with the sampled conditions could be computed (${fit}: the robust test has no positive degrees of freedom).`;
  const test = `heteroskedasticity-robust ${r.slopes.length === 1 ? 'test of the slope' : 'joint test of all slopes'}, HC2 with the HTZ correction, F(${fmt(r.df1)}, ${fmt(r.df2)}) = ${fmt(r.F)}, ${pValue(r.p)}`;
  // R² of k slopes on n points is partly chance: the adjusted R² beside it.
  const k = r.conditions.length;
  const r2 = `R² = ${fmt(r.r2, 2)}, adjusted ${fmt(1 - ((1 - r.r2) * (r.n - 1)) / (r.n - k - 1), 2)}`;
  if (r.df2 < 4) return ` Whether the effect varies with the sampled conditions cannot be tested reliably here (${fit}, ${r2}): the robust test has ${fmt(r.df2)} denominator degrees of freedom (under 4), too few points for ${plural(k, 'condition')}.`;
  if (r.p >= 0.05) return ` Whether the effect varies with the sampled conditions is not clear (${fit}, ${r2}; ${test}).`;
  const clear = r.slopes.filter((x) => x.lo > 0 || x.hi < 0).sort((a, b) => Math.abs(b.estimate) - Math.abs(a.estimate));
  const slope = (x: (typeof r.slopes)[number]) => `${name(x.parameter)} ${signed(x.estimate)} (${ci(x.lo, x.hi, signed)})`;
  const along = clear.length
    ? `; per SD of a condition (the others held fixed) the paired difference changes by ${clear.map(slope).join('; ')}${parenthesis([
        clear.length > 1 ? `the largest in size is ${name(clear[0].parameter)}'s, not tested against the others` : '',
        clear.length < r.slopes.length ? `no clear slope on ${list(r.slopes.filter((x) => !clear.includes(x)).map((x) => name(x.parameter)))}` : '',
      ])}`
    : '; no single condition\'s slope is clear on its own';
  return ` The effect of ${arm} varies with the sampled conditions: ${fit} explains ${r2} of their spread (${test})${along}. This is a linear description of how the effect moves with the conditions, not a causal decomposition; the pooled figure averages over them.`;
}

/** The sentences about arms (empty without arms). */
export function armFindings(stats: SweepStats): string[] {
  const baseline = stats.baselineArm;
  if (!baseline) return [];
  const out: string[] = [];
  const points = [...new Set(stats.groups.map((g) => g.point))].sort((a, b) => a - b);
  // Pooled over a grid's points the contrast is stratified by point; over a continuous
  // design's sampled points it is one sample, clustered by point when a point has several seeds (arm-contrasts.ts).
  const pooledText = (c?: ContrastRow) => (points.length > 1 ? ` pooled over all design points${pooledHow(c?.method, stats.design)}` : '');
  // Holm's m: the pairs of arms whose pooled contrast has a p (holm() leaves the others out, as R's p.adjust).
  const pairs = holmTests(stats, HEADLINE);
  const holm = pairs > 1 ? `; p-values Holm-adjusted over the ${pairs} pairs of arms with a test` : '';
  const pointLabel = pointLabelOf(stats);
  const dead = degenerateArms(stats);
  if (dead.length) out.push(`${dead.length === 1 ? `Every run of the ${dead[0]} arm is` : `Every run of the ${list(dead)} arms is`} degenerate, so ${dead.length === 1 ? 'it is' : 'they are'} left out of every comparison of arms below${dead.includes(baseline) ? `; no arm can be compared with the ${baseline} arm` : ''}.`);
  for (const arm of stats.arms) {
    if (arm === baseline || dead.includes(arm) || dead.includes(baseline)) continue;
    const c = contrastOf(stats, HEADLINE, null, arm, baseline);
    if (c && c.n === 0) {
      out.push(`The ${arm} arm and the ${baseline} arm have no seed on which both have a defined late innovation value (non-degenerate runs), so no paired comparison is possible.`);
      continue;
    }
    if (!c) {
      out.push(`The ${arm} arm shares no seeds with the ${baseline} arm, so no paired comparison is possible.`);
      continue;
    }
    const h = stats.armComparison.heterogeneity.find((x) => x.outcome === HEADLINE && x.armA === arm && x.armB === baseline);
    const detail = `(paired difference ${fmt(c.estimate)}, Cohen's d_z ${!Number.isFinite(c.dz) ? 'not computable' : Math.abs(c.dz) > 100 ? '> 100' : `= ${fmt(c.dz, 2)}`}${pairs > 1 ? `; Holm-adjusted ${contrastP(c, c.pHolm)}` : ''})`;
    const clause = contrastClause('late innovation value', c, pairs);
    const head = `The ${arm} arm ${clause} over the ${baseline} arm on the same ${c.n === 1 ? 'single seed' : `${c.n} seeds`}${pooledText(c)} ${detail}`;
    if (h?.misleading) {
      out.push(`${head}.${heterogeneityNote(stats, HEADLINE, arm, baseline, pointLabel, points, effectText)}${conditionNote(stats, HEADLINE, arm)}`);
    } else {
      const same = c.method === 'paired_all_equal' ? ' The difference is the same at every design point.' : '';
      // No F (one seed per point leaves no within-point spread): untested, not "does not differ".
      const untested = h && !Number.isFinite(h.p) ? ` Whether the effect differs between design points cannot be tested (F test not computable: ${h.df2 >= 1 ? 'the differences do not vary within the points' : 'no point has two seeds, so there is no within-point spread to compare against'}).` : '';
      // On a sampled design the regression on the conditions follows (conditionNote; '' on a grid).
      out.push(`${head}.` + (same || untested || (h ? ` The effect does not differ clearly between design points (F test ${pValue(h.p)}).` : '')) + conditionNote(stats, HEADLINE, arm));
    }
    const l = contrastOf(stats, 'lock_in_index_final', null, arm, baseline);
    const lockText = (x: ContrastRow) => `${signed(x.estimate)} (${pairedCi(x.method, x.n, x.estimate, x.lo, x.hi)})`;
    if (l && l.n > 0) out.push(`Its final ${label('lock_in_index').toLowerCase()} differed from the ${baseline} arm by ${lockText(l)}.${heterogeneityNote(stats, 'lock_in_index_final', arm, baseline, pointLabel, points, lockText)}`);
    out.push(...costFindings(stats, arm, baseline));
  }
  const others = stats.armComparison.contrasts.filter((c) => c.outcome === HEADLINE && c.point === null && c.armB !== baseline && c.n > 0 && !dead.includes(c.armA) && !dead.includes(c.armB));
  if (others.length) {
    const parts = others.map((c) => `${c.armA} − ${c.armB}: ${unadjustedEffectText(c)}, Holm-adjusted ${contrastP(c, c.pHolm)}${Number.isFinite(c.pHolm) && c.pHolm >= 0.05 && (c.relLo > 0 || c.relHi < 0 || (!hasInterval(c.relLo, c.relHi) && (c.lo > 0 || c.hi < 0))) ? ' (not clear after the adjustment)' : ''}`);
    const notes = others.map((c) => heterogeneityNote(stats, HEADLINE, c.armA, c.armB, pointLabel, points, effectText).replace(' This pooled figure', ` For ${c.armA} − ${c.armB} the pooled figure`)).join('');
    out.push(`Between the other arms (late innovation value, paired on the same seeds${pooledText(others[0])}${holm}): ${parts.join('; ')}.${notes}`);
  }
  out.push(...rankFindings(stats));
  return out;
}

/** How often each option ranks first over bootstrap resamples of the seeds, and whether the contrasts back the leader; none when fewer than two arms are options. */
function rankFindings(stats: SweepStats): string[] {
  const { options, conditions } = stats.armRoles;
  if (options.length < 2) {
    const which = conditions.length === 1 ? `the ${conditions[0]} arm changes` : `the ${list(conditions)} arms change`;
    return conditions.length
      ? [`No arm is ranked best: ${which} the shocks the region meets (a condition to compare against, not an option to choose), which leaves ${options.length === 1 ? `one option (${options[0]})` : 'no option'}; the paired contrasts above measure what the condition changes.`]
      : [];
  }
  const out: string[] = [];
  const left = conditions.length ? ` (among the options; ${list(conditions)} ${conditions.length === 1 ? 'is a condition' : 'are conditions'}, not ${conditions.length === 1 ? 'an option' : 'options'})` : '';
  for (const outcome of [HEADLINE, 'lock_in_index_final']) {
    const ranks = stats.armComparison.ranks.filter((r) => r.outcome === outcome && r.point === null).sort((a, b) => b.pBest - a.pBest);
    if (ranks.length < 2) continue;
    const best = ranks[0].higherIsBetter ? 'highest' : 'lowest';
    const { percents, adjusted } = wholePercentages(ranks.map((r) => r.pBest));
    // The share of bootstrap resamples of the seeds in which an arm ranks first: with few
    // seeds far more confident than the tests, so it is named for what it is and set
    // against the paired contrasts of the leading arm.
    out.push(
      `Share of bootstrap resamples of the ${!ranks[0].points ? `${ranks[0].seeds} common seeds${stats.groups.length > stats.arms.length ? (stats.design === 'grid' || stats.design === 'file' ? ' (pooled over the design points, each point\'s seeds resampled within it)' : ' (pooled over the design points)') : ''}` : (stats.design === 'morris' || stats.design === 'saltelli' ? `${ranks[0].points} design groups (each ${stats.design === 'morris' ? 'trajectory' : 'base row'} with all its points and seeds; ${ranks[0].seeds} common seeds)` : `${ranks[0].points} design points (each point with all its seeds; ${ranks[0].seeds} common seeds)`)} in which each arm has the ${best} ${label(outcome).toLowerCase()}${left}` +
        `${adjusted ? '; whole percentages rounded by largest remainder so they sum to 100 %' : ''}: ` +
        `${ranks.map((r, i) => `${r.arm} ${percents[i]} % (mean rank ${fmt(r.meanRank, 2)})`).join(', ')}. ` +
        `This is how often an arm ranks first when the ${!ranks[0].points ? 'seeds' : stats.design === 'morris' || stats.design === 'saltelli' ? 'design groups' : 'design points'} are resampled, not a test and not the probability that it is best.${leaderNote(stats, outcome, ranks[0].arm, ranks.map((r) => r.arm), ranks[0].higherIsBetter)}`,
    );
  }
  return out;
}

/**
 * Whether the paired contrasts (the tests) back the arm with the largest bootstrap share:
 * is it clearly ahead (adjusted p < 0.05 in its favour) of each other ranked arm?
 */
function leaderNote(stats: SweepStats, outcome: string, top: string, ranked: readonly string[], higher: boolean): string {
  const pairs = holmTests(stats, outcome);
  const pLabel = pairs > 1 ? 'Holm-adjusted ' : '';
  const against = ranked.filter((a) => a !== top).flatMap((o) => {
    const c = stats.armComparison.contrasts.find((x) => x.outcome === outcome && x.point === null && ((x.armA === top && x.armB === o) || (x.armA === o && x.armB === top)));
    if (!c) return [];
    const diff = c.armA === top ? c.estimate : -c.estimate;
    const ahead = Number.isFinite(c.pHolm) && c.pHolm < 0.05 && (higher ? diff > 0 : diff < 0);
    return [{ o, p: c.pHolm, ahead, n: c.n, identical: c.method === 'paired_all_equal' && c.estimate === 0 }];
  });
  if (against.length === 0) return '';
  const unclear = against.filter((x) => !x.ahead);
  const ps = (xs: typeof against) => xs.map((x) => (x.identical ? `against ${x.o}: identical on every seed` : `against ${x.o}: ${pLabel}${pValue(x.p, noPReason(x.n))}`)).join('; ');
  if (unclear.length === against.length) return ` No paired contrast shows ${top} clearly ahead of ${against.length === 1 ? against[0].o : 'any other ranked arm'} (${ps(against)}), so this share is no verdict that ${top} is best.`;
  if (unclear.length) return ` In the paired contrasts ${top} is clearly ahead of ${list(against.filter((x) => x.ahead).map((x) => x.o))} but not of ${list(unclear.map((x) => x.o))} (${ps(unclear)}), so the share does not settle which of these is best.`;
  return ` In the paired contrasts ${top} is clearly ahead of every other ranked arm (${ps(against)}).`;
}

/** The interval of a value per cost, or why there is none. */
const costCi = (c: SweepStats['cost'][number]) =>
  c.method === 'paired_all_equal' ? `no interval: the extra value is ${signed(c.extraValue.mean)} on all ${c.pairs} seeds`
  : c.method === 'paired_constant_by_point' ? `no interval: ${CONSTANT_BY_POINT}`
  : ci(c.valuePerCostLow, c.valuePerCostHigh);

/** " (per design point: 0.88 at openness = 0; 0.12 at ...)" for a pooled value per cost over 2 to 6 points, else ''. */
function costPerPoint(stats: SweepStats, arm: string, window: 'late' | 'total'): string {
  const rows = stats.cost.filter((x) => x.point !== null && x.arm === arm && x.window === window && Number.isFinite(x.valuePerCost)).sort((a, b) => (a.point as number) - (b.point as number));
  if (rows.length < 2 || rows.length > 6) return '';
  const where = pointLabelOf(stats);
  return `; per design point: ${rows.map((x) => `${fmt(x.valuePerCost)} (${costCi(x)}) at ${where(x.point as number)}`).join('; ')}`;
}

/** ' (a; b)' of the non-empty parts, or ''. */
function parenthesis(parts: string[]): string {
  const kept = parts.filter(Boolean);
  return kept.length ? ` (${kept.join('; ')})` : '';
}

function costFindings(stats: SweepStats, arm: string, baseline: string): string[] {
  const unit = stats.costUnit ? ` ${stats.costUnit}` : ' unit';
  const perUnit = stats.costUnit ? `per ${stats.costUnit}` : 'per unit';
  const late = stats.cost.find((x) => x.point === null && x.arm === arm && x.window === 'late');
  const total = stats.cost.find((x) => x.point === null && x.arm === arm && x.window === 'total');
  const parts: string[] = [];
  if (late && Number.isFinite(late.valuePerCost)) {
    parts.push(`in the late window (the headline's window), ${fmt(late.valuePerCost)} units of extra innovation value ${perUnit} of extra policy cost (${costCi(late)}; extra cost ${fmt(late.extraCost)}${unit === ' unit' ? '' : unit} per run in that window${costPerPoint(stats, arm, 'late')})`);
  } else if (late && total && Number.isFinite(total.valuePerCost)) {
    parts.push('in the late window the arm costs no more than the reference arm, so no value per cost is given for it');
  }
  if (total && Number.isFinite(total.valuePerCost)) {
    parts.push(`over the whole run, ${fmt(total.valuePerCost)} ${perUnit} (${costCi(total)}; extra cost ${fmt(total.extraCost)}${unit === ' unit' ? '' : unit} per run${costPerPoint(stats, arm, 'total')})`);
  }
  if (parts.length === 0) {
    // An arm that costs no more than the reference has no value per extra cost: say why, rather than nothing.
    const x = total ?? late;
    if (!x || !Number.isFinite(x.extraCost) || x.extraCost > 0) return [];
    // Only where some arm has a cost: with no policy costs at all (a shock, an openness
    // contrast) value for money is no question, and saying why it is missing is noise.
    if (!stats.cost.some((c) => c.extraCost > 0)) return [];
    const how = x.extraCost === 0 ? 'costs no more than' : 'costs less than';
    return [`No value for money is given for the ${arm} arm: it ${how} the ${baseline} arm (extra policy cost ${signed(x.extraCost)}${unit === ' unit' ? '' : unit} per run${x === total ? '' : ' in the late window'}), and a value per extra cost needs an extra cost above 0.`];
  }
  return [capital(`value for money of the ${arm} arm over the ${baseline} arm: ${list(parts)}.`) + (stats.costUnit ? '' : ' The scenario names no cost unit (cost_unit).')];
}

/** With arms and a few design points: each arm's paired effect at each point. */
export function pointArmFindings(stats: SweepStats): string[] {
  const baseline = stats.baselineArm;
  const points = [...new Set(stats.groups.map((g) => g.point))].sort((a, b) => a - b);
  const dead = degenerateArms(stats);
  if (!baseline || points.length < 2 || points.length > 6 || dead.includes(baseline)) return [];
  const out: string[] = [];
  for (const arm of stats.arms) {
    if (arm === baseline || dead.includes(arm)) continue;
    const h = stats.armComparison.heterogeneity.find((x) => x.outcome === HEADLINE && x.armA === arm && x.armB === baseline);
    if (h?.misleading) continue; // already listed per point with the pooled sentence
    const parts = points.flatMap((point) => {
      const c = contrastOf(stats, HEADLINE, point, arm, baseline);
      const where = pointLabelOf(stats)(point);
      if (!c || c.n === 0) return [];
      const rel = !Number.isFinite(c.rel) ? '' : hasInterval(c.relLo, c.relHi) ? `; ${pctSigned(c.rel)}, ${ci(c.relLo, c.relHi, pctSigned)}` : `; ${pctSigned(c.rel)}`;
      return [`at ${where} ${signed(c.estimate)} (${pairedCi(c.method, c.n, c.estimate, c.lo, c.hi)}${rel})`];
    });
    if (parts.length) out.push(`Per design point, the ${arm} arm changed late innovation value over the ${baseline} arm (paired, same seeds): ${parts.join('; ')}.`);
  }
  return out;
}

/** How many runs are degenerate, and why; they are left out of every effect. */
export function degenerateFindings(stats: SweepStats): string[] {
  const runs = stats.degenerateRuns;
  if (runs.length === 0) return [];
  const reasons = new Map<string, number>();
  for (const r of runs) reasons.set(r.degenerate ?? '', (reasons.get(r.degenerate ?? '') ?? 0) + 1);
  const why = [...reasons.entries()].map(([k, n]) => `${n} ${k.replace(/_/g, ' ')}`).join(', ');
  return [`${plural(runs.length, 'run')} ${runs.length === 1 ? 'is' : 'are'} degenerate (${why}): ${runs.length === 1 ? 'its' : 'their'} lock-in and diversity are undefined, and ${runs.length === 1 ? 'it is' : 'they are'} left out of every effect estimate below (listed under "Degenerate runs").`];
}
