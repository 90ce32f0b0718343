/**
 * What `lrsim slurm` needs to know about a sweep, taken from the sweep module itself so
 * the two never disagree: the scenario hash the shards write into their manifests, the
 * run count, and the keys each shard runs (`--shard i/n` deals (point, replicate) groups).
 */
import { loadScenario } from '../scenario/load';
import { plannedRuns, prepareSweep, readManifest } from '../sweep';
import type { SweepFacts } from './plan';

/** Loads the scenario (with --set) and plans its sweep; bad input throws ScenarioError. */
export function sweepFacts(ref: string | undefined, set: string[], cwd: string): SweepFacts {
  const { manifest, plan } = prepareSweep({ scenario: ref, set, cwd });
  // The merged input after `extends` and --set, before defaults: exactly what the sweep
  // builds its runs from, so a sweep of the copy has the same hash, keys and seeds.
  const { raw } = loadScenario(ref, { set, cwd });
  return {
    name: manifest.scenario.name,
    hash: manifest.scenario_hash,
    runs: manifest.runs.planned,
    groups: plan.points * plan.replicates,
    shardKeys: (index, count) => Array.from(plannedRuns({ ...plan, shard: { index, count } }), (run) => run.key),
    resolved: raw,
    merged: (dir) => {
      const merged = readManifest(dir);
      return (
        merged !== null &&
        merged.status === 'complete' &&
        merged.shard === null &&
        merged.merged_from !== undefined &&
        merged.scenario_hash === manifest.scenario_hash &&
        merged.runs.finished === manifest.runs.planned
      );
    },
  };
}
