/**
 * The outputs of a finished calibration. posterior.csv (final generation: the particle's
 * proposal index, one column per parameter by dot path with the value that ran, then
 * weight), particles.csv (every generation, the sampler's continuous values), generations.csv
 * (tolerance, proposals, proposals within the tolerance, particles kept, acceptance rate, ESS, runs), posterior-summary.csv, predictive.csv, the
 * charts and report.html. None holds a timing, so the bytes depend on the inputs only.
 */
import { join } from 'node:path';
import { csvLine, type CsvValue } from '../io/csv';
import { writeFilesAtomic } from '../io/output-dir';
import { calibrationCharts } from './charts';
import type { CalibrationOutputInput } from './output-input';
import { predictiveChecks, summariseParameters, type ParameterSummary, type TargetCheck } from './posterior';
import { describePrior, valueRun } from './priors';
import { writeCalibrationReport } from './report';

export type { CalibrationOutputInput, PredictiveDraw } from './output-input';

const table = (header: readonly string[], rows: readonly (readonly CsvValue[])[]) => csvLine(header) + rows.map(csvLine).join('');

/** The CSV tables of a calibration, by file name. */
export function calibrationTables(input: CalibrationOutputInput, summary: ParameterSummary[]): Record<string, string> {
  const { spec, result, predictive } = input;
  const paths = spec.parameters.map((p) => p.path);
  const last = result.populations[result.populations.length - 1];
  return {
    // The settings that ran (whole numbers rounded); particles.csv keeps the sampler's continuous values.
    'posterior.csv': table(['particle', ...paths, 'weight'], last.theta.map((t, i) => [last.particles[i], ...t.map((x, k) => valueRun(spec.parameters[k], x)), last.weights[i]])),
    'particles.csv': table(
      ['generation', 'particle', ...paths, 'weight', 'distance'],
      result.populations.flatMap((pop) => pop.theta.map((t, i) => [pop.generation, pop.particles[i], ...t, pop.weights[i], pop.distances[i]])),
    ),
    'generations.csv': table(
      ['generation', 'tolerance', 'proposals', 'within_tolerance', 'accepted', 'acceptance_rate', 'ess', 'runs', 'total_runs'],
      result.generations.map((g) => [g.generation, Number.isFinite(g.tolerance) ? g.tolerance : null, g.proposals, g.withinTolerance, g.accepted, g.acceptanceRate, g.ess, g.runs, g.totalRuns]),
    ),
    'posterior-summary.csv': table(
      ['parameter', 'prior', 'prior_mean', 'prior_sd', 'prior_q05', 'prior_q95', 'mean', 'sd', 'median', 'q05', 'q95', 'shrinkage'],
      summary.map((s, k) => [s.path, describePrior(spec.parameters[k].prior), s.prior.mean, s.prior.sd, s.prior.q05, s.prior.q95, s.posterior.mean, s.posterior.sd, s.posterior.median, s.posterior.q05, s.posterior.q95, s.shrinkage]),
    ),
    'predictive.csv': table(
      ['draw', 'particle', ...paths, ...spec.targets.map((t) => t.name)],
      predictive.map((d) => [d.draw, d.particle, ...paths.map((p) => d.params[p]), ...d.values]),
    ),
  };
}

/** Writes every output of a finished calibration into `dir`. */
export async function writeCalibrationOutputs(dir: string, input: CalibrationOutputInput): Promise<void> {
  const last = input.result.populations[input.result.populations.length - 1];
  const summary = summariseParameters(input.spec.parameters, last);
  const checks = predictiveChecks(input.spec.targets, input.predictive);
  writeFilesAtomic(dir, calibrationTables(input, summary));
  const charts = calibrationCharts(input, summary);
  await writeCalibrationReport(join(dir), input, summary, checks, charts);
}
