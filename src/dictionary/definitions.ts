/**
 * What every column of every table lrsim writes means: type, unit and definition, in one
 * place (issue 13 item 8). Fixed columns are listed by name; columns whose names the engine
 * builds from a list (`flow_<kind>_<channel>`, `firm_learning_from_<source>`) are defined by
 * the same lists; swept parameters take their text from the scenario schema (dictionary.ts).
 * The formulas are docs/ODD.md section 9; these are their one-line forms.
 */
import { CHANNELS, SOURCES } from '../model/names';
import type { FIRM_COLUMNS } from '../model/names';
import { DEGENERATE_REASONS, type OutcomeKey } from '../model/names';

/** A column's type as readers should hold it (integer columns are whole numbers or missing). */
export type ColumnType = 'integer' | 'number' | 'string' | 'boolean';

/** The meaning of one column. `unit` is '' for a pure number or a label. */
export interface ColumnMeaning {
  type: ColumnType;
  unit: string;
  definition: string;
  /** The values a text column takes, each with its meaning. */
  levels?: Record<string, string>;
  /** Arrow integer width when not int32: seeds reach 2^32-1, run totals may pass 2^31. */
  arrow?: 'int64' | 'uint32';
}

const m = (type: ColumnType, unit: string, definition: string, levels?: Record<string, string>): ColumnMeaning =>
  levels ? { type, unit, definition, levels } : { type, unit, definition };
/** A whole-run count that may pass 2^31 in a large long run (Arrow int64). */
const total = (unit: string, definition: string): ColumnMeaning => ({ ...m('integer', unit, definition), arrow: 'int64' });

const SHARE = 'share (0-1)';
const INDEX = 'index (0-1)';
const PER_TICK = 'per tick';
const LATE = 'late-window mean (the last observe.window ticks, missing rows skipped) of';

/** Why a run is degenerate (model/outcomes.ts); the text of reports and messages. */
export const DEGENERATE_LEVELS: Record<(typeof DEGENERATE_REASONS)[number], string> = {
  no_firms_alive: 'no firm is alive at the end of the run',
  no_knowledge: 'no live firm holds any usable knowledge at the end of the run',
  no_late_innovation: 'nothing was innovated in the late window (observe.window)',
};

/** The identity of a run, first in runs.csv (and `key` in the other sweep tables). */
export const RUN_ID_COLUMNS: Record<'key' | 'point' | 'arm' | 'replicate' | 'seed', ColumnMeaning> = {
  key: m('string', '', 'Run key pNNNN.aNN.rNNNN (point, arm index, replicate); joins timeseries.csv and microdata/<key>.firms.csv to runs.csv.'),
  point: m('integer', '', 'Design point (0-based): one combination of the swept parameters.'),
  arm: m('string', '', 'Arm name (a policy or shock variant run on the same seeds); `default` without arms.'),
  replicate: m('integer', '', 'Replicate (0-based) of the point and arm; the same replicate of every arm of a point shares its seed.'),
  seed: { ...m('integer', '', 'Seed of the run (0 to 2^32-1), derived from the scenario seed, point and replicate (manifest.json seed_rule).'), arrow: 'uint32' },
};

/** The `degenerate` column of runs.csv (and the field of summary.json). */
export const DEGENERATE_COLUMN: ColumnMeaning = m(
  'string',
  '',
  'Why the run is degenerate (the first reason that applies), empty otherwise; in a degenerate run the lock-in index, its parts, locked_in and diversity_final are missing (docs/ODD.md 9.2).',
  DEGENERATE_LEVELS,
);

/** Run outcomes (runs.csv, summary.json); docs/ODD.md 9.2. */
export const OUTCOME_MEANINGS: Record<OutcomeKey, ColumnMeaning> = {
  innovations_total: total('innovations', 'Successful innovations over the whole run.'),
  innovation_value_total: m('number', 'innovation value', 'Sum of the value of every innovation over the whole run.'),
  innovation_value_late: m('number', `innovation value ${PER_TICK}`, 'Innovation value summed over the late window (the last observe.window ticks), divided by its length.'),
  radical_share: m('number', SHARE, 'Radical innovations (novelty below innovation.radical_below) over all innovations; missing with none.'),
  diversity_final: m('number', 'cognitive distance (0-1)', `${LATE} diversity; missing in a degenerate run.`),
  entropy_final: m('number', INDEX, `${LATE} entropy.`),
  competitiveness_final: m('number', INDEX, `${LATE} competitiveness.`),
  lock_in_index_final: m('number', INDEX, `${LATE} lock_in_index; missing in a degenerate run.`),
  lock_in_cognitive_final: m('number', INDEX, `${LATE} lock_in_cognitive; missing in a degenerate run.`),
  lock_in_functional_final: m('number', INDEX, `${LATE} lock_in_functional; missing in a degenerate run.`),
  lock_in_exhaustion_final: m('number', INDEX, `${LATE} lock_in_exhaustion; missing in a degenerate run.`),
  locked_in: m('integer', '0/1', '1 if lock_in_index_final >= lock_in.threshold, else 0; missing when the index is.'),
  external_tie_share_final: m('number', SHARE, `${LATE} external_tie_share.`),
  resident_skill_final: m('number', 'capability', `${LATE} resident_skill.`),
  tacit_dispersion_final: m('number', 'tacit level (0-1)', `${LATE} tacit_dispersion.`),
  firms_alive_final: m('integer', 'firms', 'Live firms at the last tick.'),
  entries_total: total('firms', 'New firms (spin-offs and outside entrants) over the whole run.'),
  exits_total: total('firms', 'Firm exits over the whole run.'),
  peak_tick: m('integer', 'tick', 'Tick at which the trailing mean of innovation value over observe.window ticks is first at its maximum.'),
  resilience_ticks: m('integer', 'ticks', 'Ticks from the first shock until the post-shock mean innovation value regains 90 % of its pre-shock mean; if it never does, the ticks to the end of the run (then resilience_censored = 1); missing without a shock.'),
  resilience_censored: m('integer', '0/1', '1 if the region had not recovered from the first shock by the end of the run (resilience_ticks is then a lower bound), else 0; missing without a shock.'),
  drop_ratio: m('number', 'ratio', 'Mean innovation value in the 20 ticks from the first shock over the mean in the 20 ticks before it; missing without a shock.'),
  policy_cost: m('number', 'cost unit', 'Sum over ticks of the cost of the policies active in the tick (in the scenario\'s cost_unit).'),
  policy_cost_late: m('number', 'cost unit', 'Sum of the cost of the policies active in the late window (the last observe.window ticks).'),
  value_per_cost: m('number', 'innovation value per cost unit', 'innovation_value_total / policy_cost (total value, not value added over an arm without the policy); missing without cost.'),
  plant_tacit_final: m('number', 'tacit level (0-1)', 'plant_tacit at the last tick; missing without a plant shock.'),
  firm_learning_late: m('number', `knowledge ${PER_TICK}`, 'Sum over sources of the late-window means of firm_learning_from_<source>.'),
  firm_learning_institution_share_late: m('number', SHARE, 'Late-window learning of firms from institutions over firm_learning_late; missing if firms learned nothing.'),
  firm_learning_outside_share_late: m('number', SHARE, 'Late-window learning of firms from outside partners over firm_learning_late; missing if firms learned nothing.'),
};

const CHANNEL_TEXT: Record<(typeof CHANNELS)[number], string> = {
  collaboration: 'local meetings',
  mobility: 'workplace learning and absorption from job movers and hires',
  training: 'courses (lifelong learning)',
  pipeline: 'pipeline meetings and the standing flow of pipeline ties',
};
const SOURCE_TEXT: Record<(typeof SOURCES)[number], string> = {
  firms: 'other firms, in meetings',
  institutions: 'universities, research institutes, government, intermediaries and cultural institutions, in meetings',
  residents: 'residents: meetings, workplace learning from staff, absorption from movers',
  outside: 'outside partners: pipeline meetings and standing pipelines',
};
const NO_KNOWLEDGE = 'missing at a tick where no live firm holds knowledge';

/** Per-tick columns (timeseries.csv) with fixed names; docs/ODD.md 9.1. */
const TIMESERIES_FIXED: Record<string, ColumnMeaning> = {
  tick: m('integer', 'tick', 'Tick (0-based; a tick is a quarter).'),
  innovations: m('integer', 'innovations', 'Successful innovations in the tick.'),
  radical_innovations: m('integer', 'innovations', 'Innovations in the tick with novelty below innovation.radical_below.'),
  innovation_value: m('number', 'innovation value', 'Sum of the value of the tick\'s innovations.'),
  tacit_mean: m('number', 'tacit level (0-1)', 'Mean tacit knowledge T over live firms and domains; missing with no live firm.'),
  explicit_mean: m('number', 'explicit level (0-1)', 'Mean explicit knowledge E over live firms and domains; missing with no live firm.'),
  competitiveness: m('number', INDEX, `Live firms' capability weighted by the relevance of each domain, over what it would be at the frontier's peak relevance; ${NO_KNOWLEDGE}.`),
  frontier_lag: m('number', 'domains', `Ring distance between the centre of the live firms' capability and the technological frontier; ${NO_KNOWLEDGE}.`),
  frontier_position: m('number', 'domains', 'Position mu of the technological frontier on the ring of domains.'),
  diversity: m('number', 'cognitive distance (0-1)', `Mean cognitive distance (1 - cosine proximity) over sampled pairs of live firms; ${NO_KNOWLEDGE} or no pair was sampled.`),
  entropy: m('number', INDEX, `Normalised entropy of the live firms' capability over domains; ${NO_KNOWLEDGE}.`),
  tacit_dispersion: m('number', 'tacit level (0-1)', 'Mean over domains of the standard deviation of T across live firms; missing with no live firm.'),
  external_tie_share: m('number', SHARE, 'Live firms\' pipeline tie strength over pipeline plus local tie strength.'),
  mean_tie_strength: m('number', 'tie strength (0-1)', 'Mean strength of live firms\' local ties.'),
  repeat_share: m('number', SHARE, 'Accepted meetings initiated by firms in the tick that repeated an existing tie.'),
  clustering: m('number', INDEX, 'Mean local clustering coefficient of sampled live firms with at least two ties.'),
  firms_alive: m('integer', 'firms', 'Live firms at the end of the tick.'),
  entries: m('integer', 'firms', 'New firms in the tick (entries_spinoff + entries_outside).'),
  entries_spinoff: m('integer', 'firms', 'Spin-offs founded by residents in the tick.'),
  entries_outside: m('integer', 'firms', 'Outside entrants (FDI) in the tick.'),
  exits: m('integer', 'firms', 'Firms that exited in the tick.'),
  resident_skill: m('number', 'capability', 'Mean over residents of their capability weighted by relevance, sum_k (T + phi E) r_k.'),
  employment_rate: m('number', SHARE, 'Residents with an employer at the end of the tick.'),
  learning_participation: m('number', SHARE, 'Courses taken in the tick per resident.'),
  job_moves: m('integer', 'residents', 'Job changes of employed residents in the tick.'),
  migrants: m('integer', 'residents', 'Residents replaced by in-migrants in the tick.'),
  meetings: m('integer', 'meetings', 'Accepted meetings of every kind (local and pipeline) in the tick.'),
  pipeline_meetings: m('integer', 'meetings', 'Accepted pipeline meetings in the tick.'),
  lock_in_index: m('number', INDEX, `Mean of lock_in_cognitive, lock_in_functional and lock_in_exhaustion; ${NO_KNOWLEDGE}.`),
  lock_in_cognitive: m('number', INDEX, `1 - competitiveness; ${NO_KNOWLEDGE}.`),
  lock_in_functional: m('number', INDEX, `repeat_share x (1 - external_tie_share); ${NO_KNOWLEDGE}.`),
  lock_in_exhaustion: m('number', INDEX, `Mean novelty S of the innovations of the last observe.window ticks (the last defined value when there were none, 0 before the first innovation); ${NO_KNOWLEDGE}.`),
  policy_cost: m('number', `cost unit ${PER_TICK}`, 'Sum of the cost of the policies active in the tick.'),
  plant_tacit: m('number', 'tacit level (0-1)', 'Mean tacit knowledge, in the planted domain, of live firms that were not planted; missing without a plant shock.'),
};

/** The meaning of a time-series column: fixed, or built from the channel and source lists. */
export function timeseriesMeaning(name: string): ColumnMeaning | undefined {
  if (Object.hasOwn(TIMESERIES_FIXED, name)) return TIMESERIES_FIXED[name];
  for (const kind of ['tacit', 'explicit'] as const)
    for (const channel of CHANNELS)
      if (name === `flow_${kind}_${channel}`)
        return m('number', `knowledge ${PER_TICK}`, `${kind === 'tacit' ? 'Tacit' : 'Explicit'} knowledge gained by all agents in the tick through ${CHANNEL_TEXT[channel]} (increments before the capacity rescale).`);
  for (const source of SOURCES)
    if (name === `firm_learning_from_${source}`)
      return m('number', `knowledge ${PER_TICK}`, `Knowledge (tacit + explicit) firms gained in the tick from ${SOURCE_TEXT[source]}.`);
  return undefined;
}

/** Firm microdata (firms.csv), one row per firm that lived in the run; docs/ODD.md 9.3. */
export const FIRM_MEANINGS: Record<(typeof FIRM_COLUMNS)[number], ColumnMeaning> = {
  firm_id: m('integer', '', 'Serial number of the firm (slots are reused; ids are not).'),
  origin: m('string', '', 'How the firm came about.', { initial: 'present at tick 0', spin_off: 'founded by a resident', outside_entrant: 'entered from outside (FDI)' }),
  place: m('string', '', 'Name of the place the firm is at (region.places).'),
  birth_tick: m('integer', 'tick', 'Tick the firm was founded (negative for initial firms: their random age).'),
  exit_tick: m('integer', 'tick', 'Tick the firm exited; empty for firms alive at the end.'),
  innovations: m('integer', 'innovations', 'Successful innovations of the firm over its life.'),
  late_innovation_value: m('number', `innovation value ${PER_TICK}`, 'Innovation value of the firm in the late window per late tick it lived (0 if it left before the window).'),
  partner_distance: m('number', 'cognitive distance (0-1)', 'Learning-weighted mean cognitive distance (1 - cosine) to the partners the firm learned from in the late window; missing if it learned nothing then.'),
  atypicality: m('number', 'cognitive distance (0-1)', 'Mean over the late-window ticks the firm lived of the cognitive distance between its knowledge and the rest of the region\'s firms.'),
  pipeline_ties: m('integer', 'ties', 'Pipeline ties the firm held at exit or at the end.'),
  size: m('integer', 'employees', 'Employees at exit or at the end.'),
};

/** The fields of summary.json besides the scenario and the outcomes. */
export const SUMMARY_MEANINGS: Record<string, ColumnMeaning> = {
  source: m('string', '', 'The scenario file or built-in name the run was made from.'),
  seed: m('integer', '', 'Seed of the run.'),
  version: m('string', '', 'lrsim version that made the run.'),
  agents: m('integer', 'agents', 'Region agents (firm slots, institutions, residents).'),
  ticks: m('integer', 'ticks', 'Ticks run.'),
  wall_seconds: m('number', 's', 'Wall-clock time of the run (not reproducible).'),
  degenerate: DEGENERATE_COLUMN,
};

/** The sections of stats.csv (each row is one estimate of one section). */
export const STATS_SECTIONS: Record<string, string> = {
  outcome: 'summary of an outcome over the runs of a point x arm (mean, sd, 95 % CI across runs: t, or bounded near a bound of the outcome\'s range; `method` says which; resilience_ticks, a censored time, only n and censored: see survival)',
  locked_in_share: 'share of runs locked in, Wilson 95 % interval',
  series: 'per-tick mean of a time-series column over the runs of a point x arm, 95 % CI as for outcome rows (`method`)',
  paired_difference: 'arm - baseline on the same seeds; effect_size = Cohen\'s d_z; rel_* = fraction of the baseline mean, with Fieller\'s interval (0/1 outcomes: Bonett-Price interval of the ratio of paired shares)',
  value_per_cost: 'extra innovation_value_total per unit of extra policy_cost of an arm over the baseline',
  firm_quadratic: 'quadratic term of firms\' late value on partner distance, fitted per run; n = runs (with firm microdata)',
  firm_curve: 'late value and partner distance of the firms whose partner distance is in [bin_low, bin_high); n = firms (with firm microdata)',
  link_flow: 'tacit flow per tick between the two places an infrastructure link joins, in the block of ticks [bin_low, bin_high)',
  main_effect: 'difference of estimated marginal means of a level against the reference level, from a linear model with all two-way interactions fitted on all runs, CR2 cluster-robust by seed (HC2 when every run has its own seed) with a Satterthwaite t interval on df2 degrees of freedom (on the scale in `scale`)',
  interaction: 'joint Wald test of a two-way interaction of parameter_a and parameter_b (test in `method`)',
  regression: 'standardised regression coefficient (method src) or partial rank correlation (method prcc) of a parameter, with the model R^2',
  contrast: 'paired difference arm_a - arm_b on common seeds, at a point or `all`; p_holm is Holm-adjusted over all pairs',
  rank: 'share of bootstrap resamples of the common seeds in which an arm ranks first (how often, not a test and not the probability that it is best)',
  survival: 'Kaplan-Meier median time to recovery with its CI (median, estimate, lo, hi), the restricted mean time to recovery up to bin_high with its CI (mean, ci_low, ci_high), the censored count and n',
  heterogeneity: 'whether per-point effects differ in sign or significantly from each other',
  condition_heterogeneity: 'continuous designs: an arm\'s effect (arm_a - arm_b, each design point\'s mean paired difference over its seeds) regressed on the sampled conditions standardised to SD 1; measure all_conditions: HTZ F of all slopes (estimate), p, r2, df1, df2; measure slope_per_sd: change of the difference per SD of `parameter`, the others held fixed, with its HC2 Satterthwaite interval; a linear description, not a causal decomposition',
  sensitivity: 'Sobol or Morris sensitivity indices of a parameter',
  partial_dependence: 'mean of an outcome over the runs whose parameter value falls in a quantile bin [bin_low, bin_high), 95 % CI as for outcome rows (continuous designs)',
  logrank: 'log-rank test of recovery times between the design points of one arm (estimate = chi-square)',
  logrank_paired: 'log-rank test of recovery times between arm_a and arm_b stratified by seed (paired on common seeds; estimate = chi-square, n = seeds), at a point or `all`',
  recovery_first: 'seeds on which arm_a or arm_b recovered first (measure a_first, b_first, same_tick, hidden_by_censoring; n = seeds)',
  degenerate: 'one row per degenerate run (measure = reason, condition = run key), left out of every effect estimate',
};

const EST = 'Estimate';
/** The columns of stats.csv (besides the swept parameters, which follow `point`). */
export const STATS_MEANINGS: Record<string, ColumnMeaning> = {
  section: m('string', '', 'What kind of statistic the row holds.', STATS_SECTIONS),
  point: m('string', '', 'Design point of the row, or `all` on rows pooled over points (read as text).'),
  arm: m('string', '', 'Arm of the row (for rank rows: the ranked arm).'),
  baseline: m('string', '', 'Arm compared with in paired_difference and value_per_cost rows.'),
  measure: m('string', '', 'Outcome or time-series column the row is about (link_flow: tacit_flow:FROM:TO; heterogeneity: signs_differ, effects_differ or no_clear_difference; condition_heterogeneity: all_conditions or slope_per_sd; recovery_first: a_first, b_first, same_tick or hidden_by_censoring; degenerate: the reason).'),
  tick: m('integer', 'tick', 'Tick of series rows; first tick of the block of link_flow rows.'),
  n: m('integer', '', 'Number of observations behind the row: runs, pairs, firms (firm_curve) or runs per condition (survival) or seeds (logrank_paired, recovery_first).'),
  mean: m('number', 'unit of the measure', 'Mean (or share, difference, ratio) estimated; on survival rows the restricted mean time to recovery up to bin_high.'),
  sd: m('number', 'unit of the measure', 'Standard deviation across the observations.'),
  ci_low: m('number', 'unit of the measure', 'Lower end of the 95 % confidence interval of mean (estimator in `method`; empty where none was computed: one run, all_equal, see_survival, or a restricted mean with standard error 0).'),
  ci_high: m('number', 'unit of the measure', 'Upper end of the 95 % confidence interval of mean (estimator in `method`; empty where none was computed).'),
  effect_size: m('number', 'sd units', 'Cohen\'s d_z of a paired difference, by method: paired_t, paired_share, paired_t_clustered_by_point and paired_share_clustered_by_point: the mean difference over the sd of all the pairs\' differences (the sd column); paired_t_by_point: over the pooled within-point sd (differences from each point\'s own mean), not the sd column; empty for paired_all_equal and paired_constant_by_point. On interaction rows the F statistic.'),
  rel_mean: m('number', 'fraction of the baseline mean', 'Paired difference over the baseline arm\'s mean.'),
  rel_ci_low: m('number', 'fraction of the baseline mean', 'Lower end of the 95 % CI of rel_mean: Fieller\'s interval of the ratio of paired means (paired_t, paired_t_by_point, paired_t_clustered_by_point; empty when the baseline mean is not clearly away from 0); for paired_share the Bonett-Price interval of the ratio of paired shares minus 1 (never below -1; empty when the baseline share is 0); empty on paired_share_clustered_by_point rows (not computed for clustered pairs).'),
  rel_ci_high: m('number', 'fraction of the baseline mean', 'Upper end of the 95 % CI of rel_mean (method as rel_ci_low).'),
  bin_low: m('number', 'unit of the binned variable', 'Lower end of the bin: partner distance (firm_curve) or first tick of the block (link_flow); 0 on survival rows.'),
  bin_high: m('number', 'unit of the binned variable', 'Upper end (exclusive) of the bin; empty = open-ended; on survival rows the horizon (ticks after the shock) of the restricted mean: the group\'s last recovery or censoring time.'),
  // Columns of the design-fitted estimates (sections main_effect ... sensitivity).
  outcome: m('string', '', 'Outcome the estimate is about (a runs.csv outcome column).'),
  parameter: m('string', '', 'Swept parameter (dot path) the estimate is about.'),
  level: m('string', 'unit of the parameter', 'Level of the parameter compared with the reference level (main_effect); typed number when every swept parameter is numeric, else string.'),
  reference: m('string', 'unit of the parameter', 'Reference level of the parameter (main_effect); typed as level.'),
  parameter_a: m('string', '', 'First parameter of a two-way interaction.'),
  parameter_b: m('string', '', 'Second parameter of a two-way interaction.'),
  method: m('string', '', 'Estimator of the row.', {
    t: 'mean with its t interval (outcome, series, partial_dependence, firm_curve, link_flow, firm_quadratic)',
    korn_graubard: 'mean near a bound of its range: Clopper-Pearson interval at the effective sample size, Korn & Graubard 1998 (outcome, series, ...)',
    clopper_pearson_at_bound: 'every run at a bound of the range: exact one-sided Clopper-Pearson interval of n of n (outcome, series, ...)',
    log_t: 'mean near the bound of a range open on one side: t interval of log(mean - bound) (outcome, series, ...)',
    all_equal: 'every run gave the same value inside the range: no interval (outcome, series, ...)',
    see_survival: 'resilience_ticks is censored (a run not recovered at its end holds a lower bound): no mean, sd or interval; n and censored only, the Kaplan-Meier median and restricted mean are on the survival rows (outcome)',
    wilson: 'share of a 0/1 outcome with its Wilson score interval (outcome, locked_in_share)',
    none: 'nothing to estimate from: the outcome is undefined in every run (or pair) of the group, e.g. drop_ratio in a sweep without a shock; n is 0 and every estimate empty (outcome, paired_difference, contrast, value_per_cost)',
    no_extra_cost: 'the arm costs no more than the reference arm on its seeds (extra policy cost 0 or below), so there is no value per unit of extra cost: mean and interval empty (value_per_cost)',
    emm_difference: 'difference of estimated marginal means with a CR2 sandwich and Satterthwaite degrees of freedom (main_effect)',
    'cr2-htz': 'joint Wald test of the interaction terms with the CR2 sandwich (cluster-robust by seed; HC2 when every run has its own seed) and the HTZ small-sample F of Pustejovsky & Tipton (2018) on (df1, df2) degrees of freedom (interaction)',
    'seed-block': 'F test of the interaction terms with seeds as blocks, when the clustered test cannot be formed (interaction)',
    'adjusted-wald-largest': 'largest interaction contrast of shares with its adjusted Wald interval: Price-Bonett for cells of different points, the arms of a point paired on their common seeds (interaction of a 0/1 outcome)',
    share_difference: 'difference of shares averaged over the other factors, adjusted Wald interval as adjusted-wald-largest (main_effect of a 0/1 outcome)',
    src: 'standardised regression coefficient',
    prcc: 'partial rank correlation coefficient',
    paired_t: 'paired t on common seeds; the relative change (rel_*) with Fieller\'s interval for a ratio of paired means, empty when the reference mean is not clearly away from 0 (paired_difference, contrast)',
    paired_share: 'difference of paired shares of a 0/1 outcome on common seeds: Agresti-Min interval, exact McNemar p; rel_* from the Bonett-Price (2006) hybrid Wilson interval of the ratio of the paired shares (paired_difference, contrast)',
    paired_share_clustered_by_point: 'paired_share pooled over the sampled points of a continuous design with several seeds per point, the point the unit: Agresti-Min interval at the Rao-Scott effective counts (divided by the design effect of the clustering) with the t quantile on the CR2 Satterthwaite df, Durkalski et al.\'s clustered McNemar statistic against F(1, that df) for p; on morris and saltelli designs the unit is the trajectory or base row; rel_* empty (paired_difference, contrast, pooled rows)',
    paired_all_equal: 'every pair of seeds differed by the same amount: the difference without an interval, p and effect size empty (paired_difference, contrast)',
    paired_t_by_point: 'paired t pooled over design points, stratified by point: each point\'s mean difference weighted by its pairs, each point\'s own variance, Welch-Satterthwaite df (a point with one pair: the pooled within-point variance, df N - P); relative change with Fieller\'s interval (paired_difference, contrast, pooled rows)',
    paired_t_clustered_by_point: 'paired t pooled over the sampled points of a continuous design (LHS, Sobol, ...) with several seeds per point, the point the unit: mean of the pairs\' differences with the CR2 standard error clustered by point and Satterthwaite df (clubSandwich::coef_test); with equal seeds per point the one-sample t over the points\' mean differences; relative change with Fieller\'s interval from the CR2 (co)variances (paired_difference, contrast, value_per_cost, pooled rows)',
    paired_constant_by_point: 'pooled over design points, every pair differed by the same amount within each point (the amounts differ between points): the difference without an interval (paired_difference, contrast)',
    anova_f_by_point: 'one-way ANOVA of paired differences by design point (heterogeneity)',
    hc2_htz: 'joint Wald test of all slopes with the HC2 sandwich and the HTZ small-sample F of Pustejovsky & Tipton (2018) (condition_heterogeneity, all_conditions)',
    hc2_satterthwaite: 'slope with the HC2 sandwich and a Satterthwaite t interval (condition_heterogeneity, slope_per_sd)',
    exact_linear_fit: 'the differences are an exact linear function of the conditions (no residual): slopes without interval or test (condition_heterogeneity)',
    constant_by_point: 'heterogeneity when every seed gives the same difference within each design point and the points differ: no F (no within-point variation); the effect differs between points (heterogeneity, measure effects_differ)',
    bootstrap_higher_is_better: 'bootstrap over seeds, a higher value is better (rank)',
    bootstrap_lower_is_better: 'bootstrap over seeds, a lower value is better (rank)',
    bootstrap_by_point_higher_is_better: 'bootstrap over the sampled points of a continuous design with several seeds per point, each drawn point bringing all its seeds (cluster bootstrap), a higher value is better (rank, pooled rows)',
    bootstrap_by_point_lower_is_better: 'bootstrap over the sampled points of a continuous design with several seeds per point, each drawn point bringing all its seeds (cluster bootstrap), a lower value is better (rank, pooled rows)',
    kaplan_meier: 'Kaplan-Meier estimate (survival)',
    log_rank: 'log-rank test (logrank)',
    log_rank_stratified_by_seed: 'log-rank test stratified by seed, for arms on common seeds (logrank_paired)',
    saltelli: 'Sobol indices S1, ST (and S2) from a Saltelli design (sensitivity; docs/sensitivity.md)',
    morris: 'Morris elementary effects mu, mu_star, sigma (sensitivity; docs/sensitivity.md)',
  }),
  scale: m('string', '', 'Scale the model behind a main_effect or interaction row is fitted on.', {
    log: 'log of the outcome: estimate is a log ratio, rel_* the relative change',
    identity: 'the outcome as it is',
    probability: 'shares: a difference of shares with an adjusted Wald interval (method share_difference / adjusted-wald-largest)',
  }),
  arm_a: m('string', '', 'First arm of a contrast (estimate = arm_a - arm_b).'),
  arm_b: m('string', '', 'Second arm of a contrast.'),
  condition: m('string', '', 'Condition (point x arm label) of a survival row; the compared conditions joined by " | " on logrank rows; the run key on degenerate rows.'),
  index: m('string', '', 'Which sensitivity index the row holds (sensitivity; docs/sensitivity.md).', {
    S1: 'first-order Sobol index (saltelli)',
    ST: 'total Sobol index, Jansen estimator less the seed noise (saltelli)',
    S2: 'second-order Sobol index of the pair parameter a:b (saltelli with second_order)',
    mu: 'mean elementary effect, in the outcome\'s units per unit-range step (morris)',
    mu_star: 'mean absolute elementary effect (morris)',
    sigma: 'standard deviation of the elementary effects (morris)',
    sigma_corrected: 'sigma less the seed noise of the elementary effects (morris)',
    mu_star_noise: 'the mu_star that seed noise alone gives an inert parameter (morris)',
    noise_share: 'share of the outcome\'s variance that is seed noise, parameter seed (morris, saltelli)',
  }),
  estimate: m('number', 'unit of the outcome (coefficients: sd units; shares and probabilities: 0-1)', `${EST} of the row: a difference of means, a coefficient, a median time or an index.`),
  lo: m('number', 'unit of estimate', 'Lower end of the 95 % interval of estimate.'),
  hi: m('number', 'unit of estimate', 'Upper end of the 95 % interval of estimate.'),
  p: m('number', 'probability (0-1)', 'p-value of the row\'s test (unadjusted).'),
  p_holm: m('number', 'probability (0-1)', 'Holm-adjusted p-value over all pairs of arms of the outcome (contrast, logrank_paired).'),
  p_best: m('number', 'share (0-1)', 'Share of bootstrap resamples of the common seeds in which the arm ranks first (not a test; with few seeds far more confident than the paired contrasts).'),
  r2: m('number', SHARE, 'R^2 of the fitted model behind a regression row.'),
  median: m('number', 'ticks', 'Kaplan-Meier median time to recovery (missing if not reached).'),
  censored: m('integer', 'runs', 'Runs that had not recovered by the end (censored): survival rows, and outcome rows of resilience_ticks.'),
  df1: m('number', 'degrees of freedom', 'Numerator degrees of freedom of a design estimate\'s test: 1 for a main effect\'s t, the number of interaction terms for an interaction\'s F.'),
  df2: m('number', 'degrees of freedom', 'Denominator degrees of freedom: the Satterthwaite df of a main effect\'s t, the HTZ (or seed-block residual) df of an interaction\'s F; fractional values are expected.'),
};
