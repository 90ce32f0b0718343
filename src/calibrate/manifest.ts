/**
 * DIR/calibration.json: the inputs (scenario, targets, their hash), the seed rule, where
 * and how it ran, how far it got and the time to each tolerance. Written atomically at the
 * start, after every generation and at the end; `--resume` reads it to refuse a directory
 * made from other inputs. It is the one output that holds timings.
 */
import type { SourceState } from '../io/repo';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileWhole } from '../io/write-fully';
import { join } from 'node:path';
import type { Scenario } from '../scenario/schema';
import { canonicalJson, machineInfo, scenarioHash, type SweepManifest } from '../sweep/manifest';
import type { TargetsFile } from './targets';

export interface CalibrationManifest {
  kind: 'lrsim-calibration';
  status: 'running' | 'interrupted' | 'complete';
  version: string;
  /** The git commit the calibration ran from and whether tracked files differed (null: unknown). */
  source?: SourceState;
  scenario_source: string;
  targets_source: string;
  /** sha256 of the scenario hash and the targets file (without its description). */
  inputs_hash: string;
  scenario: Scenario;
  targets: TargetsFile;
  seed_rule: string;
  command: string[];
  machine: SweepManifest['machine'];
  workers: number;
  stop_reason: string | null;
  runs: { total: number; failed: number };
  /** Seconds from the start (summed over resumed sessions) at which each generation was accepted. */
  generations: { generation: number; tolerance: number | null; runs: number; seconds: number }[];
  timings: { started: string; ended: string | null; wall_seconds: number };
}

/** The hash that decides whether `--resume` may continue a directory. */
export function inputsHash(scenario: Scenario, targets: TargetsFile): string {
  const { description: _d, ...rest } = targets;
  return createHash('sha256').update(canonicalJson({ scenario: scenarioHash(scenario), targets: rest })).digest('hex');
}

export { machineInfo };

const path = (dir: string) => join(dir, 'calibration.json');

export function readCalibrationManifest(dir: string): CalibrationManifest | null {
  return existsSync(path(dir)) ? (JSON.parse(readFileSync(path(dir), 'utf8')) as CalibrationManifest) : null;
}

/** DIR's calibration manifest when DIR holds a calibration of lrsim's; null when not (no calibration.json, an unreadable one or another file's). */
export function ownCalibration(dir: string): CalibrationManifest | null {
  try {
    const manifest = readCalibrationManifest(dir);
    return manifest?.kind === 'lrsim-calibration' ? manifest : null;
  } catch {
    return null;
  }
}

/** Writes DIR/calibration.json whole (a full disk: DiskFullError naming it, the earlier copy kept, no temporary left). */
export function writeCalibrationManifest(dir: string, manifest: CalibrationManifest): void {
  writeFileWhole(path(dir), JSON.stringify(manifest, null, 2) + '\n');
}
