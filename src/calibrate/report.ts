/**
 * report.html of a calibration, on the sweep report's page (offline, every string
 * escaped): findings in sentences, the posterior summary table, the charts, the files.
 */
import { writeFilesAtomic } from '../io/output-dir';
import { join } from 'node:path';
import { FONT_FAMILY, writeCharts, type Chart } from '../charts';
import { fontFaceCss, librarySources } from '../report/assets';
import { networkLoads } from '../report/escape';
import { renderPage } from '../report/page';
import type { CalibrationOutputInput } from './output-input';
import type { ParameterSummary, TargetCheck } from './posterior';
import { describePrior } from './priors';
import { calibrationMessages as msg } from './messages';

const g = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : 'undefined');
/** An observed value as the targets file gives it (up to 6 significant digits). */
const obs = (x: number) => Number(x.toPrecision(6)).toString();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A target is reported as not reproduced when its Holm-adjusted predictive p is at most this. */
export const PREDICTIVE_LEVEL = 0.05;
/** Below this effective sample size the report says how few particles the interval ends rest on. */
const SMALL_ESS = 200;

/**
 * The distance of a simulation that misses every target by exactly one scale: sqrt(sum of
 * the weights). With scales equal to the sd of simulated minus observed values this is the
 * root-mean-square distance of a model at the true values (E d^2 = sum w), the noise level.
 */
export function noiseLevel(targets: readonly { weight: number }[]): number {
  return Math.sqrt(targets.reduce((s, t) => s + t.weight, 0));
}

/** What to raise when a run stopped before its tolerance reached the noise level. */
const GO_FURTHER: Record<string, string> = {
  max_runs: 'raise abc.max_runs and run again',
  max_generations: 'raise abc.max_generations and run again',
  min_acceptance: 'lower abc.min_acceptance (each generation then costs more runs) and run again',
  final_tolerance: 'lower abc.final_tolerance and run again',
  tolerance_stalled: 'the tolerance stopped falling, so the model may not come closer to these targets at all (see the predictive check below)',
};

/** Draws the predictive check needs before m targets can be flagged at PREDICTIVE_LEVEL after Holm: 2m / (n + 1) <= level. */
export function drawsToFlag(targets: number): number {
  return Math.ceil((2 * targets) / PREDICTIVE_LEVEL - 1e-9) - 1;
}

/** Sentences on what the calibration found. */
export function calibrationFindings(input: CalibrationOutputInput, summary: ParameterSummary[], checks: TargetCheck[]): string[] {
  const { result, spec } = input;
  const last = result.generations[result.generations.length - 1];
  const prior = !Number.isFinite(last.tolerance);
  const out = [
    `ABC-SMC stopped on ${result.stopReason.replace(/_/g, ' ')} after ${plural(result.generations.length, 'generation')} and ${plural(result.runs, 'simulation')}; ` +
      (prior ? 'only generation 0 (drawn from the prior) was completed' : `the last generation was accepted at tolerance ${g(last.tolerance)}: ${last.withinTolerance} of its ${plural(last.proposals, 'proposal')} (${(100 * last.acceptanceRate).toFixed(1)} %, the acceptance rate) came within it and the first ${last.accepted} were kept`) +
      `, with an effective sample size of ${last.ess.toFixed(0)} of ${last.accepted} particles.`,
  ];
  const weights = spec.targets.reduce((s, t) => s + t.weight, 0);
  const noise = noiseLevel(spec.targets);
  const reached = !prior && last.tolerance <= noise;
  if (prior) out.push('The intervals below are therefore those of the prior: they say nothing about what the targets identify.');
  else {
    out.push(
      `A simulation that misses every target by exactly one scale lies at distance ${g(noise)}, the square root of the sum of the target weights (${g(weights)}); with scales equal to the standard deviation of simulated minus observed values, that is the root-mean-square distance of a model at the true parameter values: the noise level.`,
    );
    if (reached)
      out.push(`The last tolerance, ${g(last.tolerance)}, is within this noise level; the intervals below are the 5 % and 95 % weighted quantiles of the last generation: approximate 90 % ABC posterior intervals at that tolerance.`);
    else
      out.push(
        `The last tolerance, ${g(last.tolerance)}, is ${(last.tolerance / noise).toFixed(1)} times this noise level: the sampler stopped before simulations had to come within the noise of the targets. ` +
          `The intervals below are the 5 % and 95 % weighted quantiles of the last generation: approximate 90 % ABC posterior intervals at tolerance ${g(last.tolerance)}, typically wider than at the noise level. ` +
          `So they cannot show a parameter to be identified or not: one narrower than its prior is already constrained by the targets, one that is not may still be at a lower tolerance (${GO_FURTHER[result.stopReason] ?? 'run longer'}).`,
      );
    if (last.ess < SMALL_ESS)
      out.push(`With an effective sample size of ${last.ess.toFixed(0)}, each 5 % tail of these intervals rests on ${tailParticles(0.05 * last.ess)}: their ends are rough.`);
  }
  summary.forEach((s, k) => {
    const head = `${s.path}: ${prior ? 'prior' : 'ABC posterior'} median ${g(s.posterior.median)}, 90 % interval ${g(s.posterior.q05)} to ${g(s.posterior.q95)}${prior || reached ? '' : ` at tolerance ${g(last.tolerance)}`}, against a ${describePrior(spec.parameters[k].prior)} prior`;
    if (prior) return out.push(`${head}.`);
    if (reached) {
      const said = s.shrinkage >= 0.5 ? 'well identified by the targets' : s.shrinkage >= 0.2 ? 'partly identified' : 'hardly identified: the posterior is nearly as wide as the prior';
      return out.push(`${head}; shrinkage ${s.shrinkage.toFixed(2)}, ${said}.`);
    }
    const tail = s.shrinkage >= 0.5 ? ': the targets already constrain it' : s.shrinkage >= 0.2 ? '' : ': it is about as wide as the prior, which may only mean that the sampler stopped early';
    out.push(`${head}; shrinkage ${s.shrinkage.toFixed(2)} (variance ${(100 * (1 - s.shrinkage)).toFixed(0)} % of the prior's at this tolerance)${tail}.`);
  });
  out.push(...predictiveFindings(checks, spec.abc.predictive_draws));
  return out;
}

/** The posterior predictive check in sentences: p-values, Holm over the targets, and whether the draws could flag anything. */
function predictiveFindings(checks: TargetCheck[], requested: number): string[] {
  if (requested === 0) return ['No posterior predictive check was run (abc.predictive_draws is 0).'];
  const checked = checks.filter((c) => c.draws > 0);
  const m = checked.length;
  const needed = drawsToFlag(m);
  const canFlag = (c: TargetCheck) => 2 * m <= PREDICTIVE_LEVEL * (c.draws + 1) + 1e-12;
  const out: string[] = [];
  if (m > 0) {
    const fewest = Math.min(...checked.map((c) => c.draws));
    out.push(
      `Posterior predictive check: each observed value is ranked among the values of up to ${plural(requested, 'simulation')} at parameters drawn from the last generation (one run each); ` +
        `its two-sided predictive p-value is 2 min(P_lo, P_hi), with P_lo = (draws at or below it + 1) / (n + 1) and P_hi = (draws at or above it + 1) / (n + 1)` +
        (m > 1 ? `, Holm-adjusted over the ${m} targets checked.` : '.') +
        ` A target is reported as not reproduced when its ${m > 1 ? 'adjusted ' : ''}p is at most ${PREDICTIVE_LEVEL}; posterior predictive p-values are conservative (the same observations chose the parameters), so a large p is weak evidence of fit.`,
    );
    if (!checked.some(canFlag))
      out.push(
        `With ${plural(fewest, 'draw')} the smallest possible p is ${g(2 / (fewest + 1))}, and ${m > 1 ? `${m} targets need` : 'one target needs'} at least ${needed} draws to reach ${PREDICTIVE_LEVEL}${m > 1 ? ' after the adjustment' : ''}: this check cannot flag any target. Raise abc.predictive_draws to ${needed} or more for it to be able to.`,
      );
  }
  for (const c of checks) {
    if (c.draws === 0) {
      out.push(`${c.name}: no posterior predictive draw defined this target.`);
      continue;
    }
    const spread = `${c.name}: observed ${obs(c.observed)}; the ${plural(c.draws, 'simulated value')} range from ${g(c.min)} to ${g(c.max)} (median ${g(c.median)}), ${c.below} below the observed value${c.ties ? `, ${c.ties} equal to it` : ''} and ${c.above} above; predictive p ${g(c.p)}${m > 1 ? `, Holm-adjusted ${g(c.pHolm)}` : ''}`;
    const verdict = !checked.some(canFlag)
      ? ''
      : !canFlag(c)
        ? ' (too few draws to flag it)'
        : c.pHolm <= PREDICTIVE_LEVEL
          ? ': the calibrated model does not reproduce this pattern'
          : `: no misfit detected at ${PREDICTIVE_LEVEL}`;
    out.push(`${spread}${verdict}.`);
  }
  return out;
}

const DATA_FILES = [
  { file: 'posterior.csv', what: 'the final generation: one row per particle, its proposal index, one column per parameter (dot path) with the value its runs used, then its weight' },
  { file: 'particles.csv', what: 'every generation\'s particles (the sampler\'s values: whole-number settings unrounded) with weights and distances' },
  { file: 'generations.csv', what: 'per generation: tolerance, proposals, proposals within the tolerance, particles kept, acceptance rate (within the tolerance / proposals), effective sample size and runs' },
  { file: 'posterior-summary.csv', what: 'prior and ABC posterior mean, sd, median, 5 % and 95 % quantiles and shrinkage per parameter' },
  { file: 'predictive.csv', what: 'the posterior predictive draws: parameters and the simulated value of each target' },
  { file: 'columns.json', what: 'the data dictionary: type, unit and definition of every column of these CSV files' },
  { file: 'runs.ndjson', what: 'every simulation: key, seed, parameters, target values' },
  { file: 'calibration.json', what: 'the scenario, targets, seed rule, machine, and the time to each tolerance' },
];

/** What the intervals of the report are, for the lede. */
function intervalNote(input: CalibrationOutputInput): string {
  const last = input.result.generations[input.result.generations.length - 1];
  if (!Number.isFinite(last.tolerance)) return 'Only generation 0 was completed: intervals are the 5 % and 95 % quantiles of prior draws.';
  return `Intervals are the 5 % and 95 % weighted quantiles of the last generation: approximate 90 % ABC posterior intervals at tolerance ${g(last.tolerance)} (noise level ${g(noiseLevel(input.spec.targets))}).`;
}

/** " The scenario's arms ... are not part of the calibration" when it has arms or a sweep, else "". */
export function baseOnlyNote(scenario: { name: string; arms?: readonly unknown[]; sweep?: { parameters?: Record<string, unknown> } }): string {
  const arms = scenario.arms?.length ?? 0;
  const swept = Object.keys(scenario.sweep?.parameters ?? {});
  return arms || swept.length ? ` ${msg.baseOnly(scenario.name, arms, swept)}` : '';
}

/** Writes charts/ and report.html. */
export async function writeCalibrationReport(dir: string, input: CalibrationOutputInput, summary: ParameterSummary[], checks: TargetCheck[], charts: Chart[]): Promise<void> {
  await writeCharts(dir, charts, input.images);
  const parameters = summary.flatMap((s, k) => [
    { group: s.path, name: 'prior', value: describePrior(input.spec.parameters[k].prior) },
    { group: '', name: 'ABC posterior median (90 % interval)', value: `${g(s.posterior.median)} (${g(s.posterior.q05)} to ${g(s.posterior.q95)})` },
    { group: '', name: 'ABC posterior mean (sd)', value: `${g(s.posterior.mean)} (${g(s.posterior.sd)})` },
    { group: '', name: 'shrinkage', value: s.shrinkage.toFixed(2) },
  ]);
  const html = renderPage({
    title: `${input.scenario.name}: lrsim calibration`,
    lede: `Calibration report written by lrsim: ABC-SMC of ${input.spec.parameters.length} parameters to ${input.spec.targets.length} targets (${input.spec.source}). ${intervalNote(input)}${baseOnlyNote(input.scenario)}`,
    description: input.spec.description || input.scenario.description,
    teachingNote: '',
    extendsLine: null,
    teachingNoteOmitted: null,
    references: ['Beaumont, Cornuet, Marin & Robert (2009) Adaptive approximate Bayesian computation. Biometrika 96(4).', 'Del Moral, Doucet & Jasra (2012) An adaptive sequential Monte Carlo method for approximate Bayesian computation. Statistics and Computing 22(5).'],
    findings: calibrationFindings(input, summary, checks),
    parameters,
    charts,
    chartFiles: input.images ? ['vl.json', 'svg', 'png'] : ['vl.json'],
    dataFiles: DATA_FILES,
    failed: [],
    footer: `lrsim calibration of scenario ${input.scenario.name} from ${input.scenarioSource}; targets ${input.spec.source}; seed ${input.spec.abc.seed}. Charts: Vega-Lite, font ${FONT_FAMILY}.`,
    libraries: librarySources(),
    fontCss: fontFaceCss(FONT_FAMILY),
  });
  const loads = networkLoads(html);
  if (loads.length) throw new Error(`report.html would load from the network: ${loads.join(', ')}`);
  writeFilesAtomic(dir, { 'report.html': html });
}

/** "about 1.3 effective particles", or "less than one effective particle" (0.878 of one said more than it knew). */
export function tailParticles(n: number): string {
  return n < 1 ? 'less than one effective particle' : `about ${n.toFixed(1)} effective particles`;
}
