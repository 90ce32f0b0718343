/** The engine's public face: single runs, the step-wise Simulation, column and outcome names. */
export { runScenario, type RunOptions, type RunResult } from './run';
export { Simulation } from './simulation';
export { TIMESERIES_COLUMNS, COL, type TimeseriesColumn, OUTCOME_KEYS, type OutcomeKey, DEGENERATE_REASONS, DEGENERATE_MISSING, type DegenerateReason, FIRM_COLUMNS } from './names';
export { resilience } from './outcomes';
export { Rng } from './rng';
