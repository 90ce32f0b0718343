/** Calibration: ABC-SMC of scenario settings to observed patterns (targets files), over the sweep's pool and store. */
export { runAbcSmc, weightedQuantile, effectiveSampleSize, type AbcSettings, type AbcResult, type Proposal, type Population, type GenerationStats } from './abc-smc';
export { runCalibration, prepareCalibration, CALIBRATION_FILES, type CalibrateOptions, type CalibrationSummary } from './run-calibration';
export { loadTargets, type CalibrationSpec, type CalibrationTarget, type CalibrationParameter } from './load-targets';
export { targetsSchemaText, TargetsFileSchema } from './targets';
export { simulationSeed, CALIBRATION_SEED_RULE } from './seed';
export { calibrationMessages } from './messages';
