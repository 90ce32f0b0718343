/**
 * `DIR/manifest.json`: what a sweep directory holds (scenario, its hash, design, points,
 * seed rule, shard), where and how it ran (version, machine, command, timings) and how far
 * it got (counts, failed runs). Written atomically (temp file, then rename) at the start,
 * on interruption and at the end; resume and merge read it to refuse foreign directories.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { SourceState } from '../io/repo';
import { writeFileWhole } from '../io/write-fully';
import { ScenarioError } from '../scenario/errors';
import type { Scenario } from '../scenario/schema';
import type { DesignKind, ParameterValue } from './design';
import { sweepMessages as msg } from './messages';
import type { Shard } from './plan';

/** Where one merged shard's runs came from. */
export interface ShardSource {
  shard: Shard | null;
  version: string;
  source: SourceState | null;
  earlier_sources?: SourceState[];
}

export interface SweepManifest {
  kind: 'lrsim-sweep';
  status: 'running' | 'interrupted' | 'complete';
  version: string;
  /** The git commit the sweep ran from and whether tracked files differed from it (null: unknown); absent before 2026-12-03. */
  source?: SourceState;
  /** Other sources earlier sessions of a resumed sweep ran from (absent when all sessions ran from `source`). */
  earlier_sources?: SourceState[];
  scenario_source: string;
  /** The scenarios the scenario extends, nearest first (`extends: baseline` -> ['baseline']); absent before 2026-12-02. */
  scenario_extends?: string[];
  /** sha256 of the resolved scenario (canonical JSON) without sweep.replicates. */
  scenario_hash: string;
  scenario: Scenario;
  design: {
    kind: DesignKind;
    parameters: string[];
    samples: number | null;
    replicates: number;
    arms: string[];
  };
  points: { point: number; params: Record<string, ParameterValue> }[];
  seed_rule: string;
  /** null for a whole sweep; {index, count} for `--shard index/count`. */
  shard: Shard | null;
  /**
   * Whether the runs write firm tables (microdata/<key>.firms.csv): --microdata, else the
   * scenario's sweep.microdata. A resumed sweep and the shards of a merge must agree, so the
   * firm-level statistics cover every run (absent before 2026-12-03: not checked then).
   */
  microdata?: boolean;
  /** Shards merged into this directory (merge only). */
  merged_from?: string[];
  /**
   * Merge only: each merged shard's lrsim version and sources (its `source` and
   * `earlier_sources`), in merged_from's order; `source` above is the first shard's and
   * `earlier_sources` the other shards' (each once), so together they name every commit the runs came from.
   */
  shard_sources?: ShardSource[];
  runs: { planned: number; finished: number; ok: number; failed: number };
  failed: { key: string; error: string }[];
  command: string[];
  machine: { hostname: string; platform: string; arch: string; cpus: number; cpu_model: string; memory_gb: number; node: string };
  workers: number;
  timings: { started: string; ended: string | null; wall_seconds: number; run_seconds: number };
}

/** JSON with object keys sorted at every level (the input of the scenario hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The scenario hash: what decides the runs. The replicate count is left out so `--resume
 * --replicates N` can extend a finished sweep with more replicates (keys and seeds of the
 * others are unchanged); so are the fields that only decide what is kept or reported
 * (sweep.microdata, sweep.outcomes, description, teaching_note, references, cost_unit), so editing
 * them does not make `--resume` or `merge` refuse the sweep.
 */
export function scenarioHash(scenario: Scenario): string {
  const copy = structuredClone(scenario) as Partial<Scenario>;
  if (copy.sweep) {
    const sweep = copy.sweep as Partial<NonNullable<Scenario['sweep']>>;
    delete sweep.replicates;
    delete sweep.microdata;
    delete sweep.outcomes;
  }
  delete copy.description;
  delete copy.teaching_note;
  delete copy.references;
  delete (copy as { cost_unit?: string }).cost_unit;
  // An arm's role decides only how the report ranks it.
  for (const arm of copy.arms ?? []) delete (arm as { role?: string }).role;
  return createHash('sha256').update(canonicalJson(copy)).digest('hex');
}

export function machineInfo(): SweepManifest['machine'] {
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    platform: os.platform(),
    arch: os.arch(),
    cpus: os.availableParallelism(),
    cpu_model: cpus[0]?.model ?? 'unknown',
    memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
  };
}

export const manifestPath = (dir: string) => join(dir, 'manifest.json');

export function readManifest(dir: string): SweepManifest | null {
  const file = manifestPath(dir);
  return existsSync(file) ? parseManifest(readFileSync(file, 'utf8'), file) : null;
}

/** Does `dir` hold a sweep of lrsim's (a readable manifest.json of kind lrsim-sweep)? A damaged manifest is not one. */
export function holdsSweep(dir: string): boolean {
  try {
    return readManifest(dir)?.kind === 'lrsim-sweep';
  } catch {
    return false;
  }
}

/**
 * The manifest in `text` (read from `file`), or bad input naming the file when it is not a
 * JSON object (a manifest edited by hand, or cut short by a full disk before the atomic
 * rename existed): exit 2 with the way out, not a stack trace.
 */
export function parseManifest(text: string, file: string): SweepManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(msg.damagedManifest(file, (error as Error).message));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ScenarioError(msg.damagedManifest(file, 'not a JSON object'));
  return value as SweepManifest;
}

export function writeManifest(dir: string, manifest: SweepManifest): void {
  writeFileWhole(manifestPath(dir), JSON.stringify(manifest, null, 2) + '\n');
}
