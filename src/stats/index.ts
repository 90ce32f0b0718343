/** Replicate statistics of a sweep (simple-statistics): the public face of src/stats. */
export { studentTQuantile, studentTCdf, incompleteBeta } from './t-quantile';
export { summarize, tHalfWidth, tCritical, CONFIDENCE, type Summary } from './summary';
export { wilsonInterval, Z95, type Share } from './wilson';
export { pairedDifference, pairedShareDifference, type PairedDifference } from './paired';
export { welchDifference, type MeanDifference } from './welch';
export { leastSquares, quadraticFit } from './quadratic';
export { firmCurves, pooledQuadratics, FIRM_BINS, type FirmCurve, type FirmBin, type PooledQuadratic } from './firm-curve';
export { infrastructureLinks, runLinkFlows, type LinkFlowStats, type LinkFlowGroup, type LinkFlowBlock } from './link-flows';
export { SeriesAccumulator, type SeriesBand } from './series-band';
export { readRunRecords, outcomeValue, type RunRecord, type SweepManifest, type ScenarioLike } from './records';
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
  type ConditionEffectRow,
  type RunRow,
  HEADLINE_OUTCOMES,
  SURVIVAL_OUTCOMES,
} from './sweep-stats';
export { designEffects, effectScale, BINARY_OUTCOMES, type DesignEffects, type MainEffectRow, type InteractionRow, type RegressionRow, type DependenceBin, type EffectScale } from './design-effects';
export { higherIsBetter, LOWER_IS_BETTER } from './outcome-direction';
export { armRoles, type ArmRoles } from './arm-roles';
export { compareArms, type ArmComparison, type ContrastRow, type HeterogeneityRow, type RankRow } from './arm-contrasts';
export { recoveryStats, type RecoveryStats, type RecoveryCurve, type RecoveryTest, type RecoveryArmTest } from './recovery';
export { statsRows, statsTable, STATS_COLUMNS } from './stats-csv';
export { writeStatsCsv } from './write-stats';
export { tTwoSidedP, fUpperP, chiSquareUpperP, normalTwoSidedP, normalCritical } from './p-value';
export { qrDecompose, invertUpper, invertSymmetric, choleskyLower, matMul, transpose, quadraticForm } from './matrix';
export { olsFit, coefInterval, linearInterval, waldTest, type LinearFit, type OlsOptions, type CoefInterval, type WaldTest } from './linear-model';
export { holm, pairedContrasts, type PairedContrast } from './multiple-comparisons';
export { kaplanMeier, logRank, stratifiedLogRank, restrictedMeanSurvival, type KaplanMeier, type SurvivalStep, type LogRank, type RestrictedMean } from './survival';
export { factorialEffects, type FactorialRow, type Factor, type FactorialEffects, type MainEffect, type InteractionTest } from './factorial';
export { standardizedRegression, partialRankCorrelation, partialDependence, averageRanks, type StandardizedRegression, type PartialRankCorrelation, type DependenceBin as BinnedMean } from './regression-sensitivity';
export { probabilityBest, type ArmRank } from './rank-arms';
export { conditionHeterogeneity, effectHeterogeneity, type ConditionHeterogeneity, type ConditionSlope, type EffectHeterogeneity, type PointEffect } from './heterogeneity';
export { logitFit, logitInterval, averageMarginalEffect, type LogitFit, type MarginalEffect } from './logit';
export { revealedComparativeAdvantage, relatednessDensity, ringProximity } from './relatedness';
