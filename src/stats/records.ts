/**
 * Reading a sweep directory's `runs.ndjson` (one record per run, see docs/ARCHITECTURE.md);
 * `manifest.json` is read by sweep/manifest.ts. Records are streamed line by line so a
 * large sweep is never held in memory as text, and each is checked before use.
 */
import { closeSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { indexStore, readRecord } from '../sweep/store';
import { readManifest } from '../sweep/manifest';
import { statsMessages as msg } from './messages';

/** One line of runs.ndjson: the sweep's own record type. */
export type { RunRecord } from '../sweep/record';
import type { RunRecord } from '../sweep/record';

/**
 * The parts of manifest.json the report reads, typed loosely (older sweeps lack fields);
 * everything else is passed through. Read with sweep/manifest.ts's readManifest.
 */
export interface SweepManifest {
  scenario?: ScenarioLike;
  /** `--shard index/count` of a shard's directory; null (or absent) for a whole sweep. */
  shard?: { index: number; count: number } | null;
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

/** Notices already written by this process: a report reads the store up to three times. */
const noticed = new Set<string>();
const noticeOnce = (line: string): void => {
  if (noticed.has(line)) return;
  noticed.add(line);
  process.stderr.write(`lrsim: ${line}\n`);
};

/**
 * The records of DIR/runs.ndjson in key order, each checked for shape
 * (src/sweep/record-shape.ts), read one at a time. Key order, not the order the runs
 * finished in (which changes with the number of workers): every statistic then sums its
 * runs in the same order and gives the same bytes, as runs.csv does (writeOutputs). The
 * store's own index decides what counts (indexStore, as a resumed sweep reads it): a damaged
 * record before the last is bad input naming file:line and the field; a torn last line (a
 * crash mid-write, or no newline after it) is skipped, and `notice` says so; the first
 * record of a key wins. The default `notice` writes each distinct line once per process.
 */
export async function* readRunRecords(dir: string, notice: (line: string) => void = noticeOnce): AsyncGenerator<RunRecord> {
  const path = join(dir, 'runs.ndjson');
  statSync(path); // a missing store is an error, as before (ENOENT), not an empty sweep
  const stored = [...indexStore(path, false, notice).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Only the runs of the plan: a sweep resumed with fewer replicates keeps the runs of the
  // earlier, larger plan in its store (they count again if it is extended back), but its
  // statistics, like runs.csv, are of the plan the manifest names.
  const replicates = readManifest(dir)?.design?.replicates;
  const inPlan = (key: string) => !Number.isInteger(replicates) || Number(/\.r(\d+)$/.exec(key)?.[1] ?? 0) < (replicates as number);
  const runs = stored.filter((r) => inPlan(r.key));
  if (runs.length < stored.length) notice(msg.beyondPlan(stored.length - runs.length, replicates as number));
  const fd = openSync(path, 'r');
  try {
    const buffer = { data: Buffer.alloc(1 << 16) };
    for (const run of runs) yield readRecord(run, fd, buffer);
  } finally {
    closeSync(fd);
  }
}

/** An outcome value as a number: JSON null (NaN in the engine) becomes NaN. */
export function outcomeValue(record: RunRecord, key: string): number {
  const v = record.outcomes?.[key];
  return typeof v === 'number' ? v : NaN;
}
