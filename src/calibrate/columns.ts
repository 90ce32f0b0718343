/**
 * The data dictionary of a calibration directory (its columns.json): every column of every
 * CSV the calibration writes, in file order, from the same header lists outputs.ts writes
 * (calibrationHeaders), so a new column without a meaning here throws. docs/calibration.md
 * has the same definitions as tables (test/calibrate/columns.test.ts checks that each
 * column is there).
 */
import type { ColumnMeaning } from '../dictionary';
import type { DataDictionary, DictionaryColumn, DictionaryTable } from '../dictionary/dictionary';
import { splitPath } from '../scenario/dot-path';
import { schemaAt } from '../scenario/schema-paths';
import { MAX_EXACT_INTEGERS } from './posterior';
import type { CalibrationSpec } from './load-targets';

/** The CSV headers of a calibration, by file name (parameter columns by dot path, target columns by name). */
export function calibrationHeaders(spec: CalibrationSpec): Record<string, string[]> {
  const paths = spec.parameters.map((p) => p.path);
  return {
    'posterior.csv': ['particle', ...paths, 'weight'],
    'particles.csv': ['generation', 'particle', ...paths, 'weight', 'distance'],
    'generations.csv': ['generation', 'tolerance', 'proposals', 'within_tolerance', 'accepted', 'acceptance_rate', 'ess', 'runs', 'total_runs'],
    'posterior-summary.csv': ['parameter', 'prior', 'prior_mean', 'prior_sd', 'prior_q05', 'prior_q95', 'mean', 'sd', 'median', 'q05', 'q95', 'shrinkage'],
    'predictive.csv': ['draw', 'particle', ...paths, ...spec.targets.map((t) => t.name)],
  };
}

const TABLES: Record<string, { table: string; rows: string }> = {
  'posterior.csv': { table: 'posterior', rows: 'one per particle of the last completed generation (the ABC posterior), in proposal index order' },
  'particles.csv': { table: 'particles', rows: 'one per particle of every completed generation, by generation and proposal index' },
  'generations.csv': { table: 'generations', rows: 'one per completed generation' },
  'posterior-summary.csv': { table: 'posterior_summary', rows: 'one per calibrated parameter, in the order of the targets file' },
  'predictive.csv': { table: 'predictive', rows: 'one per posterior predictive draw (abc.predictive_draws), each simulated once' },
};

const SCALE = 'scale units';
const col = (type: ColumnMeaning['type'], definition: string, unit = ''): ColumnMeaning => ({ type, unit, definition });
const PRIOR_EXACT = `exact (closed form; a truncated normal's quantiles by bisection to machine precision), of the value a run uses: for a whole-number setting, of the rounded value (over more than ${MAX_EXACT_INTEGERS.toLocaleString('en-US')} integers, of the continuous prior)`;
const POSTERIOR = 'weighted over the last generation (importance weights), of the value a run uses (whole-number settings rounded)';

/** The fixed columns of each file. */
const FIXED: Record<string, Record<string, ColumnMeaning>> = {
  'posterior.csv': {
    particle: col('integer', 'Proposal index of the particle in the last generation (0-based, in the order proposals were drawn): joins particles.csv (at the last generation) and predictive.csv.'),
    weight: col('number', 'Normalised importance weight of the particle (the weights sum to 1).'),
  },
  'particles.csv': {
    generation: col('integer', 'Generation (0: draws from the prior, all kept).'),
    particle: col('integer', 'Proposal index of the particle within its generation (0-based); only the first `particles` proposals within the tolerance are kept, so indices have gaps.'),
    weight: col('number', 'Normalised importance weight within the generation (1 / particles in generation 0).'),
    distance: col('number', 'Distance of the particle\'s simulation (replicate means) to the observations: sqrt(sum weight_k ((simulated_k - observed_k) / scale_k)^2).', SCALE),
  },
  'generations.csv': {
    generation: col('integer', 'Generation (0: draws from the prior).'),
    tolerance: col('number', 'The tolerance the generation was accepted at: the weighted alpha-quantile of the previous generation\'s distances, never below final_tolerance; empty for generation 0 (no tolerance).', SCALE),
    proposals: col('integer', 'Proposals simulated in the generation (whole batches).'),
    within_tolerance: col('integer', 'Proposals whose distance came within the tolerance; may exceed accepted, as a batch is simulated whole.'),
    accepted: col('integer', 'Particles kept: the first `particles` proposals within the tolerance, in proposal index order (always abc.particles).'),
    acceptance_rate: col('number', 'within_tolerance / proposals: the share of proposals within the tolerance, the rate the min_acceptance stop and the budget estimate use.'),
    ess: col('number', 'Effective sample size of the generation\'s weights, 1 / sum w^2.', 'particles'),
    runs: col('integer', 'Simulations of the generation: proposals x replicates.', 'runs'),
    total_runs: col('integer', 'The sampler\'s simulations up to and including this generation (counted against abc.max_runs; the predictive draws are not).', 'runs'),
  },
  'posterior-summary.csv': {
    parameter: col('string', 'The calibrated parameter (dot path).'),
    prior: col('string', 'Its prior, e.g. uniform(0, 0.5), log-uniform(1, 10), normal(0.5, 0.2) in [0, 1] (a normal prior is truncated to [min, max]).'),
    prior_mean: col('number', `Mean of the prior, ${PRIOR_EXACT}.`),
    prior_sd: col('number', `Standard deviation of the prior, ${PRIOR_EXACT}.`),
    prior_q05: col('number', `5 % quantile of the prior (of a rounded value: the smallest integer whose cumulative probability reaches 0.05), ${PRIOR_EXACT}.`),
    prior_q95: col('number', `95 % quantile of the prior (of a rounded value: the smallest integer whose cumulative probability reaches 0.95), ${PRIOR_EXACT}.`),
    mean: col('number', `ABC posterior mean, ${POSTERIOR}.`),
    sd: col('number', `ABC posterior standard deviation, ${POSTERIOR}.`),
    median: col('number', `ABC posterior median: the smallest particle value whose cumulative weight reaches 0.5, ${POSTERIOR}.`),
    q05: col('number', `ABC posterior 5 % quantile: the smallest particle value whose cumulative weight reaches 0.05 (with q95 an approximate 90 % ABC posterior interval at the last tolerance), ${POSTERIOR}.`),
    q95: col('number', `ABC posterior 95 % quantile: the smallest particle value whose cumulative weight reaches 0.95, ${POSTERIOR}.`),
    shrinkage: col('number', '1 - (sd / prior_sd)^2: near 1 the targets pin the parameter down at the last tolerance, near 0 (or below) they do not narrow it there.'),
  },
  'predictive.csv': {
    draw: col('integer', 'Index of the posterior predictive draw (0-based); its simulation is runs.ndjson record ppc-p<draw>-r0.'),
    particle: col('integer', 'The last generation\'s particle it was drawn from (by weight): its proposal index, as in posterior.csv.'),
  },
};

/** A calibrated parameter's column in `file`. */
function parameterColumn(file: string, p: CalibrationSpec['parameters'][number], scenario: unknown): ColumnMeaning {
  const doc = (schemaAt(splitPath(p.path), scenario) as { description?: string } | undefined)?.description;
  const what = `Calibrated scenario parameter ${p.path}${doc ? ` (${doc.replace(/\.$/, '')})` : ''}`;
  if (file === 'particles.csv')
    return col('number', `${what}: the sampler's value, on which its kernel and weights work${p.integer ? '; a whole-number setting, which its runs used rounded (as posterior.csv gives it)' : ''}.`);
  return col(p.integer ? 'integer' : 'number', `${what}: the value its runs used${p.integer ? ' (the sampler\'s value rounded to a whole number)' : ''}.`);
}

/** The dictionary of a calibration directory. */
export function calibrationDictionary(spec: CalibrationSpec, scenario: unknown): DataDictionary {
  const headers = calibrationHeaders(spec);
  const tables: DictionaryTable[] = [];
  const columns: DictionaryColumn[] = [];
  for (const [file, header] of Object.entries(headers)) {
    const { table, rows } = TABLES[file];
    tables.push({ table, files: [file], rows });
    for (const name of header) {
      const fixed = Object.hasOwn(FIXED[file], name) ? FIXED[file][name] : undefined;
      const parameter = spec.parameters.find((p) => p.path === name);
      const target = spec.targets.find((t) => t.name === name);
      const meaning =
        fixed ??
        (parameter
          ? parameterColumn(file, parameter, scenario)
          : target && file === 'predictive.csv'
            ? col('number', `Target ${name}: its value in the draw's one simulation (observed ${target.observed}); empty when the run failed or left it undefined.`)
            : undefined);
      if (!meaning) throw new Error(`calibration data dictionary: column ${name} of ${file} has no definition (src/calibrate/columns.ts)`);
      columns.push({ table, name, ...meaning });
    }
  }
  return { tables, columns };
}
