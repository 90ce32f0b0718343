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
import { asDiskFull, writeFully } from '../io/write-fully';
import { ArrowFileSink, type ColumnType } from './arrow';
import type { ParameterValue } from './design';
import type { RunRecord } from './record';
import { readRecord, type StoredRun } from './store';

export interface OutputSpec {
  /** Swept dot paths (one column each). */
  parameters: readonly string[];
  /** Arrow type of each swept parameter. */
  parameterTypes: readonly ColumnType[];
  /** Outcome and time-series columns of this engine: used when no run is ok; otherwise the stored runs' own. */
  outcomeKeys: readonly string[];
  columns: readonly string[];
}

/** Arrow type of a parameter from its values: numbers, booleans, else text. */
export function parameterType(values: readonly ParameterValue[]): ColumnType {
  if (values.every((v) => typeof v === 'number')) return 'float64';
  if (values.every((v) => typeof v === 'boolean')) return 'bool';
  return 'utf8';
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

/** Writes the four tidy outputs of `runs` (ok runs, any order) into `dir`. */
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
  const runsCsv = new TextFile(join(dir, 'runs.csv'));
  const seriesCsv = new TextFile(join(dir, 'timeseries.csv'));
  const fixed = ['key', 'point', 'arm', 'replicate', 'seed'];
  runsCsv.write(csvLine([...fixed, ...spec.parameters, ...spec.outcomeKeys]));
  seriesCsv.write(csvLine(['key', ...spec.columns]));
  const runsArrow = new ArrowFileSink(
    join(dir, 'runs.arrow.tmp'),
    [
      ['key', 'utf8'], ['point', 'int32'], ['arm', 'utf8'], ['replicate', 'int32'], ['seed', 'uint32'],
      ...spec.parameters.map((p, j): [string, ColumnType] => [p, spec.parameterTypes[j]]),
      ...spec.outcomeKeys.map((k): [string, ColumnType] => [k, 'float64']),
    ],
    8192,
  );
  const seriesArrow = new ArrowFileSink(
    join(dir, 'timeseries.arrow.tmp'),
    [['key', 'utf8'], ...spec.columns.map((c): [string, ColumnType] => [c, 'float64'])],
    65536,
  );

  try {
    for (const run of sorted) {
      const record = read(run);
      const params = spec.parameters.map((p) => record.params[p]);
      const outcomes = spec.outcomeKeys.map((k) => nullIfNaN(record.outcomes?.[k]));
      runsCsv.write(csvLine([record.key, record.point, record.arm, record.replicate, record.seed, ...params, ...outcomes] as CsvValue[]));
      await runsArrow.push([
        record.key, record.point, record.arm, record.replicate, record.seed,
        ...params.map((v, j) => arrowParam(v, spec.parameterTypes[j])),
        ...outcomes,
      ]);
      const columns = record.columns ?? [];
      if (columns.join(',') !== spec.columns.join(',')) {
        throw new Error(`run ${record.key} has other time-series columns than ${sorted[0].key}; were they made by different lrsim versions?`);
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
}

