/** The engine's public face: single runs, the step-wise Simulation, column and outcome names. */
export { runScenario, type RunOptions, type RunResult } from './run';
export { Simulation } from './simulation';
export { TIMESERIES_COLUMNS, COL, type TimeseriesColumn } from './metrics';
export { OUTCOME_KEYS, type OutcomeKey, resilience, DEGENERATE_REASONS, DEGENERATE_MISSING, type DegenerateReason } from './outcomes';
export { FIRM_COLUMNS } from './firm-log';
export { Rng } from './rng';
