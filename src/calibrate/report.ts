/**
 * report.html of a calibration, on the sweep report's page (offline, every string
 * escaped): findings in sentences, the posterior summary table, the charts, the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_FAMILY, writeCharts, type Chart } from '../charts';
import { fontFaceCss, librarySources } from '../report/assets';
import { networkLoads } from '../report/escape';
import { renderPage } from '../report/page';
import type { CalibrationOutputInput } from './output-input';
import type { ParameterSummary, TargetCheck } from './posterior';
import { describePrior } from './priors';

const g = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : 'undefined');

/** Sentences on what the calibration found. */
export function calibrationFindings(input: CalibrationOutputInput, summary: ParameterSummary[], checks: TargetCheck[]): string[] {
  const { result, spec } = input;
  const last = result.generations[result.generations.length - 1];
  const out = [
    `ABC-SMC stopped on ${result.stopReason.replace(/_/g, ' ')} after ${result.generations.length} generations and ${result.runs} simulations; the last generation was accepted at tolerance ${g(last.tolerance)} with ${(100 * last.acceptanceRate).toFixed(1)} % of proposals accepted and an effective sample size of ${last.ess.toFixed(0)} of ${last.accepted} particles.`,
  ];
  summary.forEach((s, k) => {
    const identified = s.shrinkage >= 0.5 ? 'well identified by the targets' : s.shrinkage >= 0.2 ? 'partly identified' : 'hardly identified: the posterior is nearly as wide as the prior';
    out.push(`${s.path}: posterior median ${g(s.posterior.median)} (90 % credible interval ${g(s.posterior.q05)} to ${g(s.posterior.q95)}) against a ${describePrior(spec.parameters[k].prior)} prior; shrinkage ${s.shrinkage.toFixed(2)}, ${identified}.`);
  });
  for (const c of checks) {
    if (c.draws === 0) {
      out.push(`${c.name}: no posterior predictive draw defined this target.`);
      continue;
    }
    const inside = c.observed >= c.q05 && c.observed <= c.q95;
    out.push(`${c.name}: observed ${g(c.observed)}; simulated from the posterior ${g(c.median)} (90 % of ${c.draws} draws from ${g(c.q05)} to ${g(c.q95)}), ${(100 * c.below).toFixed(0)} % below the observed value${inside ? '' : ': the calibrated model does not reproduce this pattern'}.`);
  }
  return out;
}

const DATA_FILES = [
  { file: 'posterior.csv', what: 'the final generation: one row per particle, one column per parameter (dot path), then its weight' },
  { file: 'particles.csv', what: 'every generation\'s particles with weights and distances' },
  { file: 'generations.csv', what: 'tolerance, proposals, acceptance rate, effective sample size and runs per generation' },
  { file: 'posterior-summary.csv', what: 'prior and posterior mean, sd, median, 90 % interval and shrinkage per parameter' },
  { file: 'predictive.csv', what: 'the posterior predictive draws: parameters and the simulated value of each target' },
  { file: 'runs.ndjson', what: 'every simulation: key, seed, parameters, target values' },
  { file: 'calibration.json', what: 'the scenario, targets, seed rule, machine, and the time to each tolerance' },
];

/** Writes charts/ and report.html. */
export async function writeCalibrationReport(dir: string, input: CalibrationOutputInput, summary: ParameterSummary[], checks: TargetCheck[], charts: Chart[]): Promise<void> {
  if (input.images) await writeCharts(dir, charts);
  else {
    mkdirSync(join(dir, 'charts'), { recursive: true });
    for (const c of charts) writeFileSync(join(dir, 'charts', `${c.name}.vl.json`), JSON.stringify(c.spec, null, 1) + '\n');
  }
  const parameters = summary.flatMap((s, k) => [
    { group: s.path, name: 'prior', value: describePrior(input.spec.parameters[k].prior) },
    { group: '', name: 'posterior median (90 % CI)', value: `${g(s.posterior.median)} (${g(s.posterior.q05)} to ${g(s.posterior.q95)})` },
    { group: '', name: 'posterior mean (sd)', value: `${g(s.posterior.mean)} (${g(s.posterior.sd)})` },
    { group: '', name: 'shrinkage', value: s.shrinkage.toFixed(2) },
  ]);
  const html = renderPage({
    title: `${input.scenario.name}: lrsim calibration`,
    lede: `Calibration report written by lrsim: ABC-SMC of ${input.spec.parameters.length} parameters to ${input.spec.targets.length} targets (${input.spec.source}). Intervals are 90 % posterior credible intervals.`,
    description: input.spec.description || input.scenario.description,
    teachingNote: '',
    extendsLine: null,
    teachingNoteOmitted: null,
    references: ['Beaumont, Cornuet, Marin & Robert (2009) Adaptive approximate Bayesian computation. Biometrika 96(4).', 'Del Moral, Doucet & Jasra (2012) An adaptive sequential Monte Carlo method for approximate Bayesian computation. Statistics and Computing 22(5).'],
    findings: calibrationFindings(input, summary, checks),
    parameters,
    charts,
    dataFiles: DATA_FILES,
    failed: [],
    footer: `lrsim calibration of scenario ${input.scenario.name} from ${input.scenarioSource}; targets ${input.spec.source}; seed ${input.spec.abc.seed}. Charts: Vega-Lite, font ${FONT_FAMILY}.`,
    libraries: librarySources(),
    fontCss: fontFaceCss(FONT_FAMILY),
  });
  const loads = networkLoads(html);
  if (loads.length) throw new Error(`report.html would load from the network: ${loads.join(', ')}`);
  writeFileSync(join(dir, 'report.html'), html);
}
