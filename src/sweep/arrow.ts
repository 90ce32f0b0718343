/**
 * Streaming Arrow IPC file writer (the Feather v2 format: pandas `pd.read_feather`,
 * R `arrow::read_feather`, polars `pl.read_ipc`). Batches are written as they are built,
 * so a large sweep never sits in memory; given the same batches the bytes are the same.
 */
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { asDiskFull } from '../io/write-fully';
import { Bool, Float64, Int32, RecordBatchFileWriter, Table, Uint32, Utf8, vectorFromArray, type DataType } from 'apache-arrow';

export type ColumnType = 'float64' | 'int32' | 'uint32' | 'utf8' | 'bool';

const arrowType = (t: ColumnType): DataType =>
  t === 'float64' ? new Float64() : t === 'int32' ? new Int32() : t === 'uint32' ? new Uint32() : t === 'bool' ? new Bool() : new Utf8();

export class ArrowFileSink {
  private readonly writer = new RecordBatchFileWriter();
  private readonly out: WriteStream;
  private readonly columns: [string, ColumnType][];
  private pending: unknown[][];
  private rows = 0;
  private batches = 0;
  /** The first error of the file stream (a full disk): thrown by the next push or close. */
  private failure: unknown = null;

  constructor(private readonly path: string, columns: [string, ColumnType][], private readonly batchRows: number) {
    this.columns = columns;
    this.pending = columns.map(() => []);
    this.out = createWriteStream(path);
    this.out.on('error', (error) => {
      this.failure ??= error;
    });
    this.writer.toNodeStream().pipe(this.out);
  }

  private check(): void {
    if (this.failure) throw asDiskFull(this.failure, this.path.replace(/\.tmp$/, ''));
  }

  /** Adds one row (values in column order; null is missing). */
  async push(values: readonly unknown[]): Promise<void> {
    this.check();
    for (let c = 0; c < this.columns.length; c++) this.pending[c].push(values[c]);
    if (++this.rows >= this.batchRows) await this.flush();
  }

  private async flush(): Promise<void> {
    const vectors = Object.fromEntries(
      this.columns.map(([name, type], c) => [name, vectorFromArray(this.pending[c] as never[], arrowType(type))]),
    );
    for (const batch of new Table(vectors).batches) this.writer.write(batch);
    this.batches++;
    this.pending = this.columns.map(() => []);
    this.rows = 0;
    // Let the file stream drain before building the next batch (keeps memory flat).
    await new Promise((resolve) => setImmediate(resolve));
    this.check();
    if (this.out.writableNeedDrain) await this.settle('drain');
  }

  /** Waits for `event` of the file stream; a stream error throws instead. */
  private async settle(event: 'drain' | 'finish'): Promise<void> {
    try {
      await once(this.out, event);
    } catch (error) {
      this.failure ??= error;
    }
    this.check();
  }

  /** Writes what is left and the file footer. */
  async close(): Promise<void> {
    // An empty table still gets its schema (one batch of no rows).
    if (this.rows > 0 || this.batches === 0) await this.flush();
    this.writer.finish();
    if (!this.out.writableFinished) await this.settle('finish');
    this.check();
  }

  /** Abandons the file after a failure: closes the stream and removes the file. */
  async discard(): Promise<void> {
    this.out.destroy();
    if (!this.out.closed) await once(this.out, 'close').catch(() => undefined);
    rmSync(this.path, { force: true });
  }
}
