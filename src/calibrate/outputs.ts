/**
 * The outputs of a finished calibration. posterior.csv (final generation: the particle's
 * proposal index, one column per parameter by dot path with the value that ran, then
 * weight), particles.csv (every generation, the sampler's continuous values), generations.csv
 * (tolerance, proposals, proposals within the tolerance, particles kept, acceptance rate, ESS, runs), posterior-summary.csv, predictive.csv, the
 * data dictionary columns.json, the charts and report.html. None holds a timing, so the bytes depend on the inputs only.
 */
import { join } from 'node:path';
import { csvLine, type CsvValue } from '../io/csv';
import { writeFilesAtomic } from '../io/output-dir';
import { dictionaryJson } from '../dictionary';
import { calibrationCharts } from './charts';
import { calibrationDictionary, calibrationHeaders } from './columns';
import type { CalibrationOutputInput } from './output-input';
import { predictiveChecks, summariseParameters, type ParameterSummary, type TargetCheck } from './posterior';
import { describePrior, valueRun } from './priors';
import { writeCalibrationReport } from './report';

export type { CalibrationOutputInput, PredictiveDraw } from './output-input';

const table = (header: readonly string[], rows: readonly (readonly CsvValue[])[]) => csvLine(header) + rows.map(csvLine).join('');

/** The CSV tables of a calibration, by file name (headers from calibrationHeaders, which columns.json defines). */
export function calibrationTables(input: CalibrationOutputInput, summary: ParameterSummary[]): Record<string, string> {
  const { spec, result, predictive } = input;
  const paths = spec.parameters.map((p) => p.path);
  const headers = calibrationHeaders(spec);
  const last = result.populations[result.populations.length - 1];
  return {
    // The settings that ran (whole numbers rounded); particles.csv keeps the sampler's continuous values.
    'posterior.csv': table(headers['posterior.csv'], last.theta.map((t, i) => [last.particles[i], ...t.map((x, k) => valueRun(spec.parameters[k], x)), last.weights[i]])),
    'particles.csv': table(
      headers['particles.csv'],
      result.populations.flatMap((pop) => pop.theta.map((t, i) => [pop.generation, pop.particles[i], ...t, pop.weights[i], pop.distances[i]])),
    ),
    'generations.csv': table(
      headers['generations.csv'],
      result.generations.map((g) => [g.generation, Number.isFinite(g.tolerance) ? g.tolerance : null, g.proposals, g.withinTolerance, g.accepted, g.acceptanceRate, g.ess, g.runs, g.totalRuns]),
    ),
    'posterior-summary.csv': table(
      headers['posterior-summary.csv'],
      summary.map((s, k) => [s.path, describePrior(spec.parameters[k].prior), s.prior.mean, s.prior.sd, s.prior.q05, s.prior.q95, s.posterior.mean, s.posterior.sd, s.posterior.median, s.posterior.q05, s.posterior.q95, s.shrinkage]),
    ),
    'predictive.csv': table(
      headers['predictive.csv'],
      predictive.map((d) => [d.draw, d.particle, ...paths.map((p) => d.params[p]), ...d.values]),
    ),
  };
}

/** Writes every output of a finished calibration into `dir`. */
export async function writeCalibrationOutputs(dir: string, input: CalibrationOutputInput): Promise<void> {
  const last = input.result.populations[input.result.populations.length - 1];
  const summary = summariseParameters(input.spec.parameters, last);
  const checks = predictiveChecks(input.spec.targets, input.predictive);
  writeFilesAtomic(dir, { ...calibrationTables(input, summary), 'columns.json': dictionaryJson(calibrationDictionary(input.spec, input.scenario)) });
  const charts = calibrationCharts(input, summary);
  await writeCalibrationReport(join(dir), input, summary, checks, charts);
}
