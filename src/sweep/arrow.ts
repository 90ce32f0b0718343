/**
 * Streaming Arrow IPC file writer (the Feather v2 format: pandas `pd.read_feather`,
 * R `arrow::read_feather`, polars `pl.read_ipc`). Batches are written as they are built,
 * so a large sweep never sits in memory; given the same batches the bytes are the same.
 */
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Bool, Field, Float64, Int32, Int64, makeData, RecordBatch, RecordBatchFileWriter, Schema, Struct, Uint32, Utf8, vectorFromArray, type DataType } from 'apache-arrow';
import { asDiskFull } from '../io/write-fully';

export type ColumnType = 'float64' | 'int32' | 'int64' | 'uint32' | 'utf8' | 'bool';

/** One column of an Arrow file: name, type and field metadata (the data dictionary's definition). */
export interface ArrowColumn {
  name: string;
  type: ColumnType;
  metadata?: Record<string, string>;
}

const arrowType = (t: ColumnType): DataType =>
  t === 'float64' ? new Float64() : t === 'int32' ? new Int32() : t === 'int64' ? new Int64() : t === 'uint32' ? new Uint32() : t === 'bool' ? new Bool() : new Utf8();
// Arrow JS builds int64 columns from BigInts; values are whole numbers or null.
const asBigInt = (v: unknown) => (v === null || v === undefined ? null : BigInt(v as number));

export class ArrowFileSink {
  private readonly writer = new RecordBatchFileWriter();
  private readonly out: WriteStream;
  private readonly columns: ArrowColumn[];
  private readonly schema: Schema;
  private pending: unknown[][];
  private rows = 0;
  private batches = 0;
  /** The first error of the file stream (a full disk): thrown by the next push or close. */
  private failure: unknown = null;

  constructor(private readonly path: string, columns: ArrowColumn[], private readonly batchRows: number) {
    this.columns = columns;
    this.schema = new Schema(columns.map((c) => new Field(c.name, arrowType(c.type), true, new Map(Object.entries(c.metadata ?? {})))));
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
    const children = this.columns.map(({ type }, c) => {
      const values = type === 'int64' ? this.pending[c].map(asBigInt) : this.pending[c];
      return vectorFromArray(values as never[], arrowType(type)).data[0];
    });
    const data = makeData({ type: new Struct(this.schema.fields), length: this.rows, nullCount: 0, children });
    this.writer.write(new RecordBatch(this.schema, data));
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
