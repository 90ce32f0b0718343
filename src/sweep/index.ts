/** Sweeps: designs, seed rule, run keys, worker pool, crash-safe store, shards, merge, tidy outputs. */
export { runSweep, prepareSweep, SWEEP_FILES, type SweepOptions, type SweepSummary, type PreparedSweep } from './run-sweep';
export { mergeSweeps, type MergeOptions, type MergeSummary } from './merge';
export { buildDesign, scaleToRange, MAX_POINTS, type Design, type DesignKind, type ParameterValue } from './design';
export { gridPoints } from './designs/grid';
export { latinHypercube } from './designs/lhs';
export { sobolPoints, SOBOL_MAX_DIMENSIONS } from './designs/sobol';
export { runSeed, SEED_RULE } from './seed';
export { runKey, plannedRuns, plannedRunCount, parseShard, formatShard, bitReversedOrder, type PlannedRun, type Shard, type SweepPlan } from './plan';
export { indexStore, RunStore, type StoredRun } from './store';
export { readManifest, scenarioHash, type SweepManifest } from './manifest';
export { RunPool, defaultWorkerFile } from './pool';
export { sweepMessages } from './messages';
export type { RunRecord, RunOutput } from './record';
export type { RunTask } from './task';
