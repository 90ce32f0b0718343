/** Global sensitivity analysis: Sobol (Saltelli design) and Morris indices, seed noise apart. */
export { bootstrap, DEFAULT_RESAMPLES, MIN_BOOTSTRAP_GROUPS, type Estimate } from './bootstrap';
export { rowMoments, type RowMoments } from './replicates';
export { blockedSobolIndices, blockMean } from './rqmc';
export { sobolIndices, type SobolIndices, type SobolOptions } from './sobol-indices';
export { morrisIndices, morrisSteps, noiseShare, type MorrisIndices, type MorrisOptions } from './morris-indices';
export { analyzeOutcome, convergenceSizes, SENSITIVITY_COLUMNS, type AnalysisLayout, type SensitivityIndex, type SensitivityMethod, type SensitivityRow } from './analyze';
export { censoringHorizon, RECOVERY_OUTCOMES, sensitivityValue } from './recovery-outcomes';
export { sweepSensitivity, outcomeSensitivity, sweepLayout, SENSITIVITY_OUTCOMES, SENSITIVITY_SERIES, type SweepSensitivity, type SweepSensitivityRow } from './sweep-sensitivity';
