/** Replicate statistics of a sweep (simple-statistics): the public face of src/stats. */
export { studentTQuantile, studentTCdf, incompleteBeta } from './t-quantile';
export { summarize, tHalfWidth, tCritical, CONFIDENCE, type Summary } from './summary';
export { wilsonInterval, Z95, type Share } from './wilson';
export { pairedDifference, type PairedDifference } from './paired';
export { welchDifference, type MeanDifference } from './welch';
export { leastSquares, quadraticFit } from './quadratic';
export { firmCurves, FIRM_BINS, type FirmCurve, type FirmBin } from './firm-curve';
export { infrastructureLinks, runLinkFlows, type LinkFlowStats, type LinkFlowGroup, type LinkFlowBlock } from './link-flows';
export { SeriesAccumulator, type SeriesBand } from './series-band';
export { readManifest, readRunRecords, outcomeValue, type RunRecord, type SweepManifest, type ScenarioLike } from './records';
export {
  computeSweepStats,
  formatParamValue,
  shortParamNames,
  MAIN_SERIES,
  FLOW_PREFIX,
  LEARNING_PREFIX,
  type SweepStats,
  type GroupStats,
  type PairedStats,
  type CostStats,
  type RunRow,
  type DegenerateRun,
} from './sweep-stats';
export { statsRows, statsTable, STATS_COLUMNS } from './stats-csv';
export { writeStatsCsv } from './write-stats';
