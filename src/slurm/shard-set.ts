/**
 * The completeness check of a SLURM sweep's shard set, for `lrsim merge`: when the
 * directories to merge are the shards of a sweep planned by `lrsim slurm`
 * (DIR/shards/<i> beside DIR/slurm/plan.json), every shard of the plan must hold all its
 * runs; otherwise the message names the shards that are missing or short and gives the
 * `lrsim slurm` command that resubmits just those.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { slurmLayout } from './layout';
import { slurmMessages as msg } from './messages';
import type { SlurmPlanFile } from './plan';
import { describeShards, shardStatus } from './shard-status';
import { sweepFacts } from './sweep-facts';

/** The sweep directory whose shards `dirs` are, or null when they are not all DIR/shards/<i> of one planned sweep. */
export function slurmSweepOf(dirs: readonly string[]): string | null {
  const parents = new Set(dirs.map((d) => resolve(d, '..', '..')));
  if (parents.size !== 1) return null;
  const [dir] = parents;
  const layout = slurmLayout(dir);
  const underShards = dirs.every((d) => resolve(d, '..') === layout.shards && /^\d+$/.test(basename(resolve(d))));
  return underShards && existsSync(layout.plan) ? dir : null;
}

/** null when the planned shard set is complete; else the one-line problem and how to finish. */
export function slurmShardSetProblem(dirs: readonly string[]): string | null {
  const dir = slurmSweepOf(dirs);
  if (!dir) return null;
  const layout = slurmLayout(dir);
  const plan = JSON.parse(readFileSync(layout.plan, 'utf8')) as SlurmPlanFile;
  const facts = sweepFacts(layout.scenario, [], dirname(layout.scenario));
  const unfinished = Array.from({ length: plan.shards }, (_, i) => shardStatus(i, layout.shard(i), facts.shardKeys(i, plan.shards))).filter(
    (s) => !s.complete,
  );
  return unfinished.length === 0 ? null : msg.incompleteShards(dir, describeShards(unfinished), plan.command);
}
