/**
 * Names that several layers share: agent kinds, learning channels and sources, the
 * time-series columns, the run outcomes and the firm microdata columns. A leaf module: it
 * imports nothing, so the scenario schema, the dictionary, the classroom page and the
 * engine can all read these names without loading each other (no import cycles).
 */

/** Region-agent kinds, in the order used by every kind-indexed array in the engine. */
export const KINDS = [
  'firm',
  'university',
  'research_institute',
  'government',
  'intermediary',
  'cultural',
  'resident',
] as const;
export type KindName = (typeof KINDS)[number];
/** Kinds that may be met, plus external partners (for the institutional proximity matrix). */
export const ETA_KINDS = [...KINDS, 'external'] as const;
export const INSTITUTION_KINDS = [
  'university',
  'research_institute',
  'government',
  'intermediary',
  'cultural',
] as const;

/** Learning channels, for the flow accounts. */
export const CHANNELS = ['collaboration', 'mobility', 'training', 'pipeline'] as const;

/** Where firms learn from (flow accounts [8..12)): other firms, institutions, residents, outside partners. */
export const SOURCES = ['firms', 'institutions', 'residents', 'outside'] as const;

export const TIMESERIES_COLUMNS = [
  'tick',
  'innovations',
  'radical_innovations',
  'innovation_value',
  'tacit_mean',
  'explicit_mean',
  'competitiveness',
  'frontier_lag',
  'frontier_position',
  'diversity',
  'entropy',
  'tacit_dispersion',
  'external_tie_share',
  'mean_tie_strength',
  'repeat_share',
  'clustering',
  'firms_alive',
  'entries',
  'entries_spinoff',
  'entries_outside',
  'exits',
  'resident_skill',
  'employment_rate',
  'learning_participation',
  'job_moves',
  'migrants',
  'meetings',
  'pipeline_meetings',
  'lock_in_index',
  'lock_in_cognitive',
  'lock_in_functional',
  'lock_in_exhaustion',
  ...CHANNELS.map((c) => `flow_tacit_${c}`),
  ...CHANNELS.map((c) => `flow_explicit_${c}`),
  ...SOURCES.map((s) => `firm_learning_from_${s}`),
  'policy_cost',
  'plant_tacit',
] as const;
export type TimeseriesColumn = (typeof TIMESERIES_COLUMNS)[number];
export const COL: Record<TimeseriesColumn, number> = Object.fromEntries(TIMESERIES_COLUMNS.map((c, i) => [c, i])) as Record<TimeseriesColumn, number>;

export const OUTCOME_KEYS = [
  'innovations_total',
  'innovation_value_total',
  'innovation_value_late',
  'radical_share',
  'diversity_final',
  'entropy_final',
  'competitiveness_final',
  'lock_in_index_final',
  'lock_in_cognitive_final',
  'lock_in_functional_final',
  'lock_in_exhaustion_final',
  'locked_in',
  'external_tie_share_final',
  'resident_skill_final',
  'tacit_dispersion_final',
  'firms_alive_final',
  'entries_total',
  'exits_total',
  'peak_tick',
  'resilience_ticks',
  'resilience_censored',
  'drop_ratio',
  'policy_cost',
  'policy_cost_late',
  'value_per_cost',
  'plant_tacit_final',
  'firm_learning_late',
  'firm_learning_institution_share_late',
  'firm_learning_outside_share_late',
] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/**
 * Why a run is degenerate: the region it ends with has nothing the lock-in index and
 * diversity could describe. A run gets the first reason that applies, in this order (each
 * usually implies the later ones): no firm alive at the end of the run; no live firm
 * holding any usable knowledge at the end of the run; no innovation in the late window.
 */
export const DEGENERATE_REASONS = ['no_firms_alive', 'no_knowledge', 'no_late_innovation'] as const;
export type DegenerateReason = (typeof DEGENERATE_REASONS)[number];
/** Outcomes that are missing (NaN) in a degenerate run instead of a misleading 0.333 / 1 / 0. */
export const DEGENERATE_MISSING: readonly OutcomeKey[] = [
  'lock_in_index_final',
  'lock_in_cognitive_final',
  'lock_in_functional_final',
  'lock_in_exhaustion_final',
  'locked_in',
  'diversity_final',
];

/** How a firm came into the region (firms.csv `origin`), indexed by ModelState.origin. */
export const ORIGINS = ['initial', 'spin_off', 'outside_entrant'] as const;

export const FIRM_COLUMNS = [
  'firm_id',
  'origin',
  'place',
  'birth_tick',
  'exit_tick',
  'innovations',
  'late_innovation_value',
  'partner_distance',
  'atypicality',
  'pipeline_ties',
  'size',
] as const;
