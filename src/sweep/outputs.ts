/**
 * The tidy outputs of a sweep directory, built from the run store(s) when a sweep or a
 * merge completes: runs.csv, timeseries.csv, runs.arrow, timeseries.arrow. Runs are
 * written in key order and carry no timings, so the bytes do not depend on the worker
 * count, shards or finishing order. Records are read one at a time from their byte
 * offsets: memory holds the key index, never the series.
 */
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine, type CsvValue } from '../io/csv';
import { dictionaryJson, runsTableColumns, sweepDictionary, sweepSeriesColumns, type DictionaryColumn, type SweepColumns } from '../dictionary';
import { asDiskFull, writeFully } from '../io/write-fully';
import { ArrowFileSink, type ArrowColumn, type ColumnType } from './arrow';
import type { ParameterValue } from './design';
import { sweepIoMessages } from './messages';
import type { RunRecord } from './record';
import { readRecord, type StoredRun } from './store';

export interface OutputSpec {
  /** Swept dot paths (one column each). */
  parameters: readonly string[];
  /** Every value of each swept parameter over the design's points (decides its column type). */
  parameterValues: readonly (readonly ParameterValue[])[];
  /** The resolved scenario (the schema's docs of the swept parameters depend on it). */
  scenario?: unknown;
  /** Outcome and time-series columns of this engine: used when no run is ok; otherwise the stored runs' own. */
  outcomeKeys: readonly string[];
  columns: readonly string[];
}

/** An Arrow column of a dictionary column: its type (integers int32 unless said otherwise) and definition as field metadata. */
export function arrowColumn(c: DictionaryColumn): ArrowColumn {
  const type: ColumnType = c.type === 'integer' ? (c.arrow ?? 'int32') : c.type === 'number' ? 'float64' : c.type === 'boolean' ? 'bool' : 'utf8';
  const metadata: Record<string, string> = { type: c.type, unit: c.unit, definition: c.definition };
  if (c.levels) metadata.levels = JSON.stringify(c.levels);
  return { name: c.name, type, metadata };
}

/**
 * Buffered text file written under a temporary name and renamed when complete. Every
 * write is complete or throws (a full disk names the file); `discard` removes the
 * temporary after a failure, so a partial file never reaches its final name.
 */
class TextFile {
  private readonly fd: number;
  private open = true;
  private buffer: string[] = [];
  private size = 0;
  readonly tmp: string;
  constructor(readonly path: string) {
    this.tmp = `${path}.tmp`;
    try {
      this.fd = openSync(this.tmp, 'w');
    } catch (error) {
      throw asDiskFull(error, this.tmp);
    }
  }
  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    writeFully(this.fd, this.buffer.join(''), this.path);
    this.buffer = [];
    this.size = 0;
  }
  /** Writes what is buffered and closes the temporary file (not yet renamed). */
  finish(): void {
    this.flush();
    this.open = false;
    closeSync(this.fd);
  }
  discard(): void {
    if (this.open) closeSync(this.fd);
    this.open = false;
    rmSync(this.tmp, { force: true });
  }
}

const nullIfNaN = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? null : x);
const arrowParam = (v: ParameterValue | undefined, t: ColumnType) => (v === undefined ? null : t === 'utf8' ? String(v) : v);

/** Writes `text` to DIR/name under a temporary name, then renames it (a reader never sees half a file). */
function writeTextAtomic(dir: string, name: string, text: string): void {
  const file = new TextFile(join(dir, name));
  try {
    file.write(text);
    file.finish();
  } catch (error) {
    file.discard();
    throw error;
  }
  renameSync(file.tmp, file.path);
}

/** Writes the four tidy outputs of `runs` (ok runs, any order) and their data dictionary, columns.json, into `dir`. */
export async function writeOutputs(dir: string, runs: Iterable<StoredRun>, spec: OutputSpec): Promise<number> {
  const sorted = [...runs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const fds = new Map<string, number>();
  const buffer = { data: Buffer.alloc(1 << 16) };
  const read = (run: StoredRun) => {
    if (!fds.has(run.file)) fds.set(run.file, openSync(run.file, 'r'));
    return readRecord(run, fds.get(run.file)!, buffer);
  };
  // The columns come from the runs themselves, so the outputs depend on the stored data only.
  if (sorted.length) {
    const first = read(sorted[0]);
    spec = { ...spec, outcomeKeys: Object.keys(first.outcomes ?? {}), columns: first.columns ?? [] };
  }
  const temporaries = ['runs.csv', 'timeseries.csv', 'runs.arrow', 'timeseries.arrow'].map((f) => join(dir, `${f}.tmp`));
  try {
    await writeTables(dir, sorted, spec, read);
  } catch (error) {
    // Nothing partial stays behind: the final names keep their earlier content (if any).
    for (const tmp of temporaries) rmSync(tmp, { force: true });
    throw error;
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  return sorted.length;
}

/** Writes the four files of `sorted` under temporary names, then renames them. */
async function writeTables(dir: string, sorted: StoredRun[], spec: OutputSpec, read: (run: StoredRun) => RunRecord): Promise<void> {
  const columns: SweepColumns = { parameters: spec.parameters, parameterValues: spec.parameterValues, scenario: spec.scenario, outcomeKeys: spec.outcomeKeys, seriesColumns: spec.columns };
  const runsColumns = runsTableColumns(columns).map(arrowColumn);
  const seriesColumns = sweepSeriesColumns(spec.columns, spec.scenario).map(arrowColumn);
  const parameterTypes = runsColumns.slice(5, 5 + spec.parameters.length).map((c) => c.type);
  const runsCsv = new TextFile(join(dir, 'runs.csv'));
  const seriesCsv = new TextFile(join(dir, 'timeseries.csv'));
  runsCsv.write(csvLine(runsColumns.map((c) => c.name)));
  seriesCsv.write(csvLine(seriesColumns.map((c) => c.name)));
  const runsArrow = new ArrowFileSink(join(dir, 'runs.arrow.tmp'), runsColumns, 8192);
  const seriesArrow = new ArrowFileSink(join(dir, 'timeseries.arrow.tmp'), seriesColumns, 65536);

  try {
    for (const run of sorted) {
      const record = read(run);
      const params = spec.parameters.map((p) => record.params[p]);
      const outcomes = spec.outcomeKeys.map((k) => nullIfNaN(record.outcomes?.[k]));
      const degenerate = record.degenerate ?? null;
      runsCsv.write(csvLine([record.key, record.point, record.arm, record.replicate, record.seed, ...params, ...outcomes, degenerate] as CsvValue[]));
      await runsArrow.push([
        record.key, record.point, record.arm, record.replicate, record.seed,
        ...params.map((v, j) => arrowParam(v, parameterTypes[j])),
        ...outcomes,
        degenerate,
      ]);
      const columns = record.columns ?? [];
      if (columns.join(',') !== spec.columns.join(',')) {
        throw new Error(sweepIoMessages.otherColumns(record.key, sorted[0].key));
      }
      for (const row of record.series ?? []) {
        seriesCsv.write(csvLine([record.key, ...row.map((x) => (x === null ? NaN : x))]));
        await seriesArrow.push([record.key, ...row]);
      }
    }
    // All four complete on disk before any takes its final name.
    runsCsv.finish();
    seriesCsv.finish();
    await runsArrow.close();
    await seriesArrow.close();
  } catch (error) {
    runsCsv.discard();
    seriesCsv.discard();
    await runsArrow.discard();
    await seriesArrow.discard();
    throw error;
  }
  for (const name of ['runs.csv', 'timeseries.csv', 'runs.arrow']) renameSync(join(dir, `${name}.tmp`), join(dir, name));
  renameSync(join(dir, 'timeseries.arrow.tmp'), join(dir, 'timeseries.arrow'));
  writeTextAtomic(dir, 'columns.json', dictionaryJson(sweepDictionary(columns)));
}

