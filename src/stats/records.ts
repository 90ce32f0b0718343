/**
 * Reading a sweep directory: `runs.ndjson` (one record per run, see docs/ARCHITECTURE.md)
 * and `manifest.json`. Records are streamed line by line so a large sweep is never held
 * in memory as text.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One line of runs.ndjson: the sweep's own record type. */
export type { RunRecord } from '../sweep/record';
import type { RunRecord } from '../sweep/record';

/** The parts of manifest.json the report reads; everything else is passed through. */
export interface SweepManifest {
  scenario?: ScenarioLike;
  [key: string]: unknown;
}

/** The resolved scenario as stored in the manifest (only the fields reports use are typed). */
export interface ScenarioLike {
  name?: string;
  description?: string;
  teaching_note?: string;
  references?: string[];
  seed?: number;
  ticks?: number;
  openness?: number;
  region?: { places?: { name: string; x_km: number; y_km: number; population: number; role?: string }[] };
  agents?: { firms?: number; residents?: number };
  observe?: { window?: number };
  lock_in?: { threshold?: number };
  sweep?: { design?: string; parameters?: Record<string, unknown>; replicates?: number; samples?: number };
  arms?: { name: string; description?: string; policies?: { kind: string; label?: string; cost?: number }[] }[];
  policies?: { kind: string; label?: string; cost?: number }[];
  [key: string]: unknown;
}

/** The manifest of a sweep directory, or {} when it is missing. */
export function readManifest(dir: string): SweepManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8')) as SweepManifest;
}

/** Stream the records of DIR/runs.ndjson; a torn last line (crash mid-write) is skipped. */
export async function* readRunRecords(dir: string): AsyncGenerator<RunRecord> {
  const path = join(dir, 'runs.ndjson');
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let record: RunRecord;
    try {
      record = JSON.parse(line) as RunRecord;
    } catch {
      continue;
    }
    yield record;
  }
}

/** An outcome value as a number: JSON null (NaN in the engine) becomes NaN. */
export function outcomeValue(record: RunRecord, key: string): number {
  const v = record.outcomes?.[key];
  return typeof v === 'number' ? v : NaN;
}
