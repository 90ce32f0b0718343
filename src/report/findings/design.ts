/**
 * What the swept parameters did, from effects fitted to the design: estimated marginal
 * means of a factorial model (grid) or standardised regression and partial rank
 * correlation (continuous designs). Never two single design points against each other.
 */
import { label } from '../../charts';
import type { MainEffectRow, SweepStats } from '../../stats';
import { capital, changeClause, ci, differenceClause, fmt, list, pctSigned, plural, points, pointsMagnitude, pValue, signed } from './format';

/** Interactions with p below this are named as making main effects misleading. */
const INTERACTION_ALPHA = 0.05;
/** Below this R^2 a linear model's coefficients are not a fair summary. */
const LOW_R2 = 0.5;

/** The parameter sentences of a sweep. */

/**
 * How the model's intervals are robust: clustered by seed when runs share seeds (the arms of
 * a point and replicate), else heteroskedasticity-robust: each run has its own seed (the seed
 * rule mixes in the point), so a cluster is one run and the CR2 sandwich is HC2's. Either way
 * with Satterthwaite degrees of freedom per effect (factorial.ts).
 */
function robustText(model: { n: number; clusters?: number | null }): string {
  if (model.clusters == null) return 'classical intervals';
  if (model.clusters === model.n) return 'intervals heteroskedasticity-robust (HC2 with Satterthwaite degrees of freedom; every run has its own seed, so no runs share a seed to cluster on)';
  return `intervals cluster-robust by seed (CR2 with Satterthwaite degrees of freedom; ${model.clusters} seeds shared by the arms of a point)`;
}

export function parameterFindings(stats: SweepStats): string[] {
  const e = stats.effects;
  if (e.kind === 'none') return [];
  if (e.note) return [e.note];
  return e.kind === 'factorial' ? factorialFindings(stats) : regressionFindings(stats);
}

function effectClause(m: MainEffectRow, outcome: string, why?: string): string {
  const name = label(outcome).toLowerCase();
  if (m.scale === 'log') return changeClause(name, m.rel, m.relLo, m.relHi, why);
  if (m.scale === 'probability') return differenceClause(`the share of runs ${name.toLowerCase()}`, m.estimate, m.lo, m.hi, points, pointsMagnitude, why);
  return differenceClause(name, m.estimate, m.lo, m.hi, signed, undefined, why);
}

/** "+30 % (95 % CI +10 % to +50 %)" in the effect's own units. */
function compact(m: MainEffectRow, why?: string): string {
  if (m.scale === 'log') return `${pctSigned(m.rel)} (${ci(m.relLo, m.relHi, pctSigned, why)})`;
  const f = m.scale === 'probability' ? points : signed;
  return `${f(m.estimate)} (${ci(m.lo, m.hi, f, why)})`;
}

/**
 * Why a grid's effects of the swept parameters have no interval when the arms share seeds but
 * each point has one seed: the seed is then the point, the model fits every point's mean, and
 * nothing is left to estimate the error of a difference between points (linear-model.ts,
 * unreplicated). Undefined otherwise.
 */
function unreplicatedReason(stats: SweepStats, model: { clusters?: number | null }): string | undefined {
  const points = new Set(stats.runs.map((r) => r.point)).size;
  return stats.arms.length > 1 && model.clusters != null && model.clusters <= points
    ? 'one seed per design point, so the differences between points have no replication to estimate their error; run more replicates'
    : undefined;
}

/** "all 72 runs", or "48 of 72 runs (the 24 degenerate runs left out)" when some were not fitted. */
function fittedOn(stats: SweepStats, n: number): string {
  const total = stats.runs.length;
  if (n >= total) return `all ${n} runs`;
  const degenerate = stats.degenerateRuns.length;
  const why = degenerate === total - n ? `the ${plural(degenerate, 'degenerate run')} left out` : 'runs without a usable value left out';
  return `${n} of ${total} runs (${why})`;
}

function factorialFindings(stats: SweepStats): string[] {
  const e = stats.effects;
  const out: string[] = [];
  // Parameters by their full dot path, as in "Raising ..." and runs.csv (charts use short names).
  const nameOf = (f: string) => (f === 'arm' ? 'the arm' : f);
  // A single factor (one swept parameter with two or more levels, no arms) has no two-way
  // terms at all: its model is additive because there is nothing to interact, not because a cell is empty.
  const oneFactor = new Set(e.mainEffects.map((m) => m.parameter)).size + (stats.arms.length > 1 ? 1 : 0) === 1;
  for (const outcome of ['innovation_value_late', 'locked_in']) {
    const model = e.models[outcome];
    if (!model) continue;
    const values = stats.runs.filter((r) => !r.degenerate).map((r) => r.outcomes[outcome]).filter(Number.isFinite);
    if (new Set(values).size < 2) {
      out.push(`${label(outcome)} took the same value (${fmt(values[0] ?? NaN)}) in every run, so no parameter changed it.`);
      continue;
    }
    const scaleText = e.mainEffects.find((m) => m.outcome === outcome)?.scale === 'log' ? `log ${label(outcome).toLowerCase()}` : label(outcome).toLowerCase();
    const how = model.model === 'shares'
      ? `difference of the shares of runs per combination, ${model.n} runs, adjusted Wald interval${stats.arms.length > 1 ? ' with the arms of a point paired on their common seeds' : ''}`
      : `${model.model === 'two-way' ? 'a linear model with all main effects and two-way interactions' : oneFactor ? 'a linear model of the one factor' : 'an additive linear model (some combinations have no runs)'} of ${scaleText}, fitted on ${fittedOn(stats, model.n)}, ${robustText(model)}`;
    for (const p of stats.parameters) {
      const rows = e.mainEffects.filter((m) => m.outcome === outcome && m.parameter === p);
      if (rows.length === 0) continue;
      const top = rows[rows.length - 1];
      const over = top.averagedOver.map(nameOf);
      const context = over.length ? `, averaged with equal weight over the levels of ${list(over)}` : '';
      const why = model.model === 'shares' ? undefined : unreplicatedReason(stats, model);
      const middle = rows.slice(0, -1).map((m) => `at ${m.level} ${compact(m, why ? 'as above' : undefined)}`);
      // "Raising" only for numeric levels; a text or boolean parameter is changed, not raised.
      const verb = [top.reference, top.level].every((v) => v.trim() !== '' && Number.isFinite(Number(v))) ? 'Raising' : 'Changing';
      let sentence = `${verb} ${p} from ${top.reference} to ${top.level} ${effectClause(top, outcome, why)}${context} (${how}).`;
      if (middle.length) sentence += ` Against ${top.reference} at the other levels: ${middle.join('; ')}.`;
      out.push(sentence);
    }
    const inter = e.interactions.filter((i) => i.outcome === outcome);
    if (model.model === 'shares') {
      out.push(...shareInteractions(inter, outcome, nameOf));
      continue;
    }
    const strong = inter.filter((i) => i.p < INTERACTION_ALPHA);
    const untested = inter.filter((i) => !Number.isFinite(i.p));
    const ownSeeds = model.clusters != null && model.clusters === model.n;
    const testName = (i: (typeof inter)[number]) =>
      i.method === 'seed-block' ? 'F test with seeds as blocks (too few seeds for a cluster-robust test)' : `${ownSeeds ? 'heteroskedasticity-robust' : 'cluster-robust'} Wald test with the HTZ small-sample correction`;
    for (const i of strong) {
      out.push(
        `The effect of ${nameOf(i.parameterA)} on ${label(outcome).toLowerCase()} depends on ${nameOf(i.parameterB)} (interaction ${pValue(i.p)}, ${testName(i)}, F(${fmt(i.df1)}, ${fmt(i.df2)}) = ${fmt(i.F)}; ` +
          `largest interaction contrast ${fmt(i.size)} on the model's scale): the main effects above average over it and can mislead; read the chart per combination.`,
      );
    }
    if (untested.length) {
      out.push(`No test of the ${list(untested.map((i) => `${nameOf(i.parameterA)} × ${nameOf(i.parameterB)}`))} interaction on ${label(outcome).toLowerCase()} could be computed (${unreplicatedReason(stats, model) ?? 'too few seeds or runs for the model'}): the main effects above may hide it.`);
    }
    const tested = inter.filter((i) => Number.isFinite(i.p));
    if (tested.length && strong.length === 0 && untested.length === 0) {
      const weakest = tested.reduce((a, b) => (b.p < a.p ? b : a));
      out.push(`No two-way interaction on ${label(outcome).toLowerCase()} is clear at the 5 % level (smallest ${pValue(weakest.p)}, ${nameOf(weakest.parameterA)} × ${nameOf(weakest.parameterB)}), so the main effects are a fair summary.`);
    }
  }
  return out;
}

/** Interactions of a 0/1 outcome: the largest interaction contrast of shares, with its interval. */
function shareInteractions(inter: SweepStats['effects']['interactions'], outcome: string, nameOf: (f: string) => string): string[] {
  const clear = inter.filter((i) => (i.lo ?? NaN) > 0 || (i.hi ?? NaN) < 0);
  const what = `the share of runs ${label(outcome).toLowerCase()}`;
  if (clear.length) {
    return clear.map((i) => `The effect of ${nameOf(i.parameterA)} on ${what} depends on ${nameOf(i.parameterB)}: the largest difference-in-differences of shares is ${points(i.size)} (${ci(i.lo ?? NaN, i.hi ?? NaN, points)}, not corrected for picking the largest), so the main effects above average over different effects; read the chart per combination.`);
  }
  return inter.length ? [`No interaction on ${what} is clear (every largest difference-in-differences of shares has an interval that includes 0).`] : [];
}

function regressionFindings(stats: SweepStats): string[] {
  const out: string[] = [];
  const reg = stats.effects.regression;
  const arm = stats.baselineArm ?? stats.arms[0] ?? '';
  for (const outcome of ['innovation_value_late', 'lock_in_index_final']) {
    const src = reg.filter((r) => r.outcome === outcome && r.method === 'src' && r.arm === arm);
    const prcc = reg.filter((r) => r.outcome === outcome && r.method === 'prcc' && r.arm === arm);
    if (src.length === 0) continue;
    const r2 = src[0].r2;
    const where = stats.arms.length > 1 ? ` in the ${arm} arm` : '';
    const ranked = [...prcc].sort((a, b) => Math.abs(b.estimate) - Math.abs(a.estimate));
    const part = (r: (typeof reg)[number]) => `${r.parameter} ${signed(r.estimate)} (${ci(r.lo, r.hi, signed)})`;
    const fit = `A linear regression of ${label(outcome).toLowerCase()} on the ${src.length === 1 ? "one swept parameter" : `${src.length} swept parameters`} over ${src[0].n} runs${where} explains R² = ${fmt(r2, 2)} of its variance`;
    if (r2 < LOW_R2) {
      out.push(`${fit}: too little for its coefficients to summarise the response (the response is non-linear, interacting, or dominated by seed noise); the partial rank correlations are ${ranked.map(part).join('; ')}, and the partial-dependence chart shows the shape.`);
    } else {
      out.push(`${fit}; standardised regression coefficients (change in SDs of the outcome per SD of the parameter, the others held fixed): ${[...src].sort((a, b) => Math.abs(b.estimate) - Math.abs(a.estimate)).map(part).join('; ')}. Partial rank correlations: ${ranked.map(part).join('; ')}.`);
    }
    const clear = ranked.filter((r) => r.lo > 0 || r.hi < 0);
    if (ranked.length) {
      out.push(capital(clear.length
        ? `${label(outcome)} rises or falls clearly with ${list(clear.map((r) => `${r.parameter} (${r.estimate > 0 ? 'rises' : 'falls'})`))}${clear.length < ranked.length ? `; no clear monotone effect of ${list(ranked.filter((r) => !clear.includes(r)).map((r) => r.parameter))}` : ''}.`
        : `no swept parameter has a clear monotone effect on ${label(outcome).toLowerCase()} (every partial rank correlation's interval includes 0).`));
    }
  }
  return out;
}
