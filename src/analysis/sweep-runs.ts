/**
 * The runs of a finished sweep directory as scenario discovery and robustness read them:
 * swept parameters, arm, seed and outcomes per finished run (no series). Checks once, at
 * the edge, that DIR is a finished sweep with swept parameters.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ownCalibration } from '../calibrate/manifest';
import { calibrationMessages } from '../calibrate/messages';
import { UsageError } from '../cli/usage-error';
import { readManifest } from '../sweep/manifest';
import { resumeCommand } from '../sweep/run-sweep';
import { armRoles } from '../stats/arm-roles';
import { outcomeValue, readRunRecords, type SweepManifest } from '../stats/records';
import { analysisMessages as msg } from './messages';

/** One finished run (the fields of the report's RunRow that the analyses need). */
export interface AnalysisRun {
  point: number;
  arm: string;
  seed: number;
  params: Record<string, unknown>;
  outcomes: Record<string, number>;
}

export interface AnalysisInput {
  runs: AnalysisRun[];
  /** Swept parameter paths, in the design's order. */
  parameters: string[];
  /** Arm names in arm_index order. */
  arms: string[];
  /** Outcome names, as in runs.csv. */
  outcomes: string[];
  /** Arms that are conditions, not options (they change the shocks; stats/arm-roles.ts): robustness leaves them out. */
  conditions?: string[];
  /**
   * The design's points are fixed (grid, file), not draws from a space of futures (lhs,
   * sobol, ...): replicate runs of a fixed point are independent replicates of one
   * condition, so scenario discovery tests runs; sampled points are the unit otherwise.
   */
  fixedDesign?: boolean;
  /** `--shard index/count` when DIR holds one shard of a sweep (its runs only); null or absent for a whole sweep. */
  shard?: { index: number; count: number } | null;
}

/** Read DIR; bad input (not a finished sweep, no run, no swept parameter) is a usage error, worded for the command that reads it. */
export async function readAnalysisInput(dir: string, purpose: 'discover' | 'robustness' = 'discover'): Promise<AnalysisInput> {
  if (ownCalibration(dir)) throw new UsageError(calibrationMessages.notASweep(dir, purpose));
  if (!existsSync(join(dir, 'runs.ndjson')) || !existsSync(join(dir, 'manifest.json'))) throw new UsageError(msg.notSweep(dir));
  // A damaged manifest.json is bad input naming the file (sweep/manifest.ts).
  const manifest = readManifest(dir) as SweepManifest | null;
  if (!manifest) throw new UsageError(msg.notSweep(dir));
  const status = manifest.status;
  if (typeof status === 'string' && !status.startsWith('complete')) throw new UsageError(msg.unfinished(dir, status, finishCommand(manifest, dir)));
  const runs: AnalysisRun[] = [];
  const seen = new Set<string>();
  const armIndex = new Map<string, number>();
  const outcomes: string[] = [];
  const parameters: string[] = [];
  for await (const r of readRunRecords(dir)) {
    if (r.status !== 'ok' || seen.has(r.key)) continue;
    seen.add(r.key);
    for (const k of Object.keys(r.outcomes ?? {})) if (!outcomes.includes(k)) outcomes.push(k);
    for (const p of Object.keys(r.params ?? {})) if (!parameters.includes(p)) parameters.push(p);
    armIndex.set(r.arm, Math.min(armIndex.get(r.arm) ?? Infinity, r.arm_index));
    runs.push({ point: r.point, arm: r.arm, seed: r.seed, params: r.params ?? {}, outcomes: Object.fromEntries(outcomes.map((k) => [k, outcomeValue(r, k)])) });
  }
  if (runs.length === 0) throw new UsageError(msg.noRuns(dir));
  const declared = Object.keys(manifest.scenario?.sweep?.parameters ?? {});
  const ordered = [...declared.filter((p) => parameters.includes(p)), ...parameters.filter((p) => !declared.includes(p))];
  if (ordered.length === 0) throw new UsageError(purpose === 'robustness' ? msg.noFutures(dir) : msg.noParameters(dir));
  for (const run of runs) for (const k of outcomes) if (!(k in run.outcomes)) run.outcomes[k] = NaN;
  const arms = [...armIndex.entries()].sort((a, b) => a[1] - b[1]).map(([a]) => a);
  const design = manifest.scenario?.sweep?.design ?? 'grid';
  const shard = manifest.shard && typeof manifest.shard.index === 'number' && typeof manifest.shard.count === 'number' ? { index: manifest.shard.index, count: manifest.shard.count } : null;
  return { runs, parameters: ordered, arms, outcomes, conditions: armRoles(manifest.scenario ?? {}, arms).conditions, fixedDesign: design === 'grid' || design === 'file', shard };
}

/**
 * The command that finishes the sweep in `dir`: the command it was started with (manifest
 * `command`; else `sweep SCENARIO_SOURCE`), resumed (sweep/run-sweep.ts resumeCommand), with
 * `--out` the directory as given here, which is right from the working directory of this
 * command (the stored one was relative to the sweep's).
 */
function finishCommand(manifest: SweepManifest, dir: string): string {
  const stored = Array.isArray(manifest.command) && manifest.command.every((a) => typeof a === 'string') && manifest.command.length ? (manifest.command as string[]) : ['sweep', String(manifest.scenario_source ?? 'SCENARIO')];
  const args: string[] = [];
  for (let i = 0; i < stored.length; i++) {
    if (stored[i] === '--out') i++;
    else if (!stored[i].startsWith('--out=')) args.push(stored[i]);
  }
  return resumeCommand(args, dir);
}

/** Is every finite value of the outcome 0 or 1 (and is there at least one)? */
export function isBinary(runs: readonly AnalysisRun[], outcome: string): boolean {
  let any = false;
  for (const r of runs) {
    const v = r.outcomes[outcome];
    if (Number.isNaN(v)) continue;
    if (v !== 0 && v !== 1) return false;
    any = true;
  }
  return any;
}

/** Fewer runs than this: discovery and regret are flagged as unreliable. */
export const RELIABLE_RUNS = 50;
