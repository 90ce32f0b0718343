/**
 * The calibration's run store, DIR/runs.ndjson: the sweep's crash-safe store (one record
 * per line, fsynced as each run finishes, a torn last line cut off on resume) holding
 * small records: the proposal, its seed and the value of each target, not the series.
 */
import { closeSync, openSync } from 'node:fs';
import { indexStore, readRecord, RunStore, type Notice } from '../sweep/store';
import type { RunRecord } from '../sweep/record';

/** One simulation of the calibration. */
export interface CalibrationRecord {
  key: string;
  generation: number;
  particle: number;
  replicate: number;
  seed: number;
  params: Record<string, number>;
  status: 'ok' | 'failed';
  error: string | null;
  /** Target values in the order of the targets file (null: undefined). */
  values: (number | null)[];
  wall_seconds: number;
}

/** `g3-p17-r0`; posterior predictive draws `ppc-p4-r0`. */
export const recordKey = (generation: number | 'ppc', particle: number, replicate: number) =>
  `${generation === 'ppc' ? 'ppc' : `g${generation}`}-p${particle}-r${replicate}`;

/** What is wrong with a stored calibration record, or null (a damaged store is refused, file:line). */
export function calibrationRecordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const r = value as Record<string, unknown>;
  if (typeof r.key !== 'string' || !r.key) return 'key: not text';
  if (r.status !== 'ok' && r.status !== 'failed') return 'status: neither ok nor failed';
  for (const f of ['generation', 'particle', 'replicate', 'seed'] as const) {
    if (f === 'generation' && typeof r.generation === 'string') continue; // posterior predictive draws
    if (typeof r[f] !== 'number' || !Number.isFinite(r[f] as number)) return `${f}: not a number`;
  }
  if (typeof r.params !== 'object' || r.params === null) return 'params: not a mapping';
  if (!Array.isArray(r.values)) return 'values: not a list';
  return null;
}

/** Every stored record by key (a torn tail is cut off the file first, and `notice` says so). */
export function readStore(file: string, notice?: Notice): Map<string, CalibrationRecord> {
  const index = indexStore(file, true, notice, calibrationRecordProblem);
  const records = new Map<string, CalibrationRecord>();
  if (index.size === 0) return records;
  const fd = openSync(file, 'r');
  const buffer = { data: Buffer.alloc(1 << 12) };
  try {
    for (const [key, run] of index) records.set(key, readRecord(run, fd, buffer) as unknown as CalibrationRecord);
  } finally {
    closeSync(fd);
  }
  return records;
}

/** Appends records durably (the sweep's RunStore: write, then fsync). */
export class CalibrationStore {
  private readonly store: RunStore;
  constructor(file: string) {
    this.store = new RunStore(file);
  }
  append(record: CalibrationRecord): void {
    this.store.append(record as unknown as RunRecord);
  }
  close(): void {
    this.store.close();
  }
}
