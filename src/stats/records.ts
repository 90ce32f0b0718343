/**
 * Reading a sweep directory: `runs.ndjson` (one record per run, see docs/ARCHITECTURE.md)
 * and `manifest.json`. Records are streamed line by line so a large sweep is never held
 * in memory as text, and each is checked before use.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ScenarioError } from '../scenario/errors';
import { sweepIoMessages, sweepMessages } from '../sweep/messages';
import { parseManifest } from '../sweep/manifest';
import { parseRecordLine } from '../sweep/record-shape';

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
  return parseManifest(readFileSync(path, 'utf8'), path) as unknown as SweepManifest;
}

/**
 * Stream the records of DIR/runs.ndjson, each checked for shape (src/sweep/record-shape.ts).
 * A damaged record before the last is bad input naming file:line and the field; a torn
 * last line (a crash mid-write) is skipped, and `notice` says so.
 */
export async function* readRunRecords(dir: string, notice: (line: string) => void = (line) => process.stderr.write(`lrsim: ${line}\n`)): AsyncGenerator<RunRecord> {
  const path = join(dir, 'runs.ndjson');
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  // A bad line is refused only once another line follows it: the last one may be torn.
  let bad: { line: number; problem: string; bytes: number } | null = null;
  for await (const line of lines) {
    lineNo++;
    if (bad) throw new ScenarioError(sweepMessages.corruptStore(path, bad.line, bad.problem));
    if (!line.trim()) continue;
    const parsed = parseRecordLine(line);
    if ('problem' in parsed) {
      bad = { line: lineNo, problem: parsed.problem, bytes: Buffer.byteLength(line) };
      continue;
    }
    yield parsed.record as unknown as RunRecord;
  }
  if (bad) notice(sweepIoMessages.tornTail(path, bad.line, bad.bytes, false));
}

/** An outcome value as a number: JSON null (NaN in the engine) becomes NaN. */
export function outcomeValue(record: RunRecord, key: string): number {
  const v = record.outcomes?.[key];
  return typeof v === 'number' ? v : NaN;
}
