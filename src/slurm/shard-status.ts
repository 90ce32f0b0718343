/**
 * How far each shard of a SLURM sweep has got: the keys its store holds against the keys
 * the shard is meant to run. A shard is complete when every one of its runs is stored
 * (ok or failed: `--resume` does not repeat a stored run, so resubmitting could not change it).
 * The store is read exactly as `--resume` reads it (a torn last line does not count).
 */
import { join } from 'node:path';
import { indexStore } from '../sweep/store';

export interface ShardStatus {
  index: number;
  /** Runs the shard is meant to do. */
  expected: number;
  /** Of those, runs stored in its runs.ndjson. */
  done: number;
  /** Of those, runs stored as failed. */
  failed: number;
  complete: boolean;
}

/** Status of one shard directory, given the keys the shard must hold. */
export function shardStatus(index: number, shardDir: string, expectedKeys: readonly string[]): ShardStatus {
  const stored = indexStore(join(shardDir, 'runs.ndjson'), false);
  let done = 0;
  let failed = 0;
  for (const key of expectedKeys) {
    const run = stored.get(key);
    if (run) done++;
    if (run?.failed) failed++;
  }
  return { index, expected: expectedKeys.length, done, failed, complete: done === expectedKeys.length };
}

/** Indices of the shards that are missing or incomplete. */
export function pendingShards(statuses: readonly ShardStatus[]): number[] {
  return statuses.filter((s) => !s.complete).map((s) => s.index);
}

/** "shard 1 (2 of 4 runs), shard 4 (no runs yet)" */
export function describeShards(statuses: readonly ShardStatus[]): string {
  return statuses
    .map((s) => `shard ${s.index} (${s.done === 0 ? 'no runs yet' : `${s.done} of ${s.expected} runs`})`)
    .join(', ');
}
