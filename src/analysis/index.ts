/** Decision analysis of sweeps: scenario discovery (PRIM, CART) and robustness of arms (regret, satisficing). */
export { readAnalysisInput, isBinary, RELIABLE_RUNS, type AnalysisInput, type AnalysisRun } from './sweep-runs';
export { discoverScenarios, DEFAULT_DISCOVERY_OUTCOME, type DiscoveryResult, type DiscoverySpec } from './discover';
export { armRobustness, DEFAULT_ROBUSTNESS_OUTCOME, LOWER_IS_BETTER, type RobustnessReport, type RobustnessSpec } from './robust';
export { robustness, type ArmRun, type ArmRobustness } from './regret';
export { peelingTrajectory, paste, defaultChoice, PrimData, PRIM_DEFAULTS } from './prim';
export { fitTree, treeLeaves, type TreeNode } from './cart';
export { buildDataset, type Dataset } from './dataset';
export { parseCondition, meets, type Condition } from './condition';
export { discoverySentences, robustnessSentences } from './sentences';
export { writeDiscovery, writeRobustness } from './write';
export { analysisMessages } from './messages';
