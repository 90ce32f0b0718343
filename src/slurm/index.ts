/** SLURM job arrays for sweeps: script generation, shard status, (re)submission. */
export { planSlurmSweep, finishingCommand, type SlurmEnvironment, type SlurmOutcome, type SweepFacts, type SlurmPlanFile, type SubmissionRecord } from './plan';
export { sweepFacts } from './sweep-facts';
export { sweepScript, mergeScript, arraySpec, shellQuote, type SlurmScriptSpec } from './scripts';
export { parseShards, parseResources, checkOutDir, SlurmInputError, type SlurmRequest, type SlurmResources } from './options';
export { slurmShardSetProblem, slurmSweepOf } from './shard-set';
export { shardStatus, pendingShards, describeShards, type ShardStatus } from './shard-status';
export { slurmLayout, lrsimBin, type SlurmLayout } from './layout';
export { onPath, sbatch, squeue, scancel, type QueuedJob } from './scheduler';
export { slurmMessages } from './messages';
