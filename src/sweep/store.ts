/**
 * The crash-safe run store, `DIR/runs.ndjson`: one record per line, appended and fsynced
 * as each run finishes, so a SIGKILL loses at most the run being written. On resume a
 * torn last line (no newline, or not a whole record) is cut off; a damaged line in the
 * middle is refused. Records are scanned as bytes, so byte offsets are exact and a line is
 * decoded only when needed.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { badInput, sweepMessages as msg } from './messages';
import type { RunRecord } from './record';

const NEWLINE = 0x0a;
// Records start with the key; a whole record ends with '}'.
const KEY_FIRST = /^\{"key":"([^"\\]+)"/;
const FAILED = /"status":"failed"/;

/** Where a record lives in a store file. */
export interface StoredRun { key: string; failed: boolean; file: string; offset: number; bytes: number }

/**
 * Calls `visit` for every complete line of `file` with its byte offset and length (without
 * the newline). Returns the byte length of the complete part (a torn tail is after it).
 */
export function scanLines(file: string, visit: (line: Buffer, offset: number) => void): number {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    let carryOffset = 0;
    let position = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, position);
      if (n === 0) break;
      position += n;
      const data = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let i = data.indexOf(NEWLINE); i >= 0; i = data.indexOf(NEWLINE, start)) {
        visit(data.subarray(start, i), carryOffset + start);
        start = i + 1;
      }
      carry = Buffer.from(data.subarray(start));
      carryOffset += start;
    }
    return carryOffset;
  } finally {
    closeSync(fd);
  }
}

/** Key and status of a record line, or null when it is not a whole record. */
function parseLine(line: Buffer): { key: string; failed: boolean } | null {
  const text = line.toString('utf8');
  const m = KEY_FIRST.exec(text);
  if (!m || !text.endsWith('}')) return null;
  return { key: m[1], failed: FAILED.test(text) };
}

/**
 * Indexes the records of a store file. With `repair`, a torn tail is cut off the file;
 * without, it is ignored. A damaged line before the last is bad input.
 */
export function indexStore(file: string, repair: boolean): Map<string, StoredRun> {
  const runs = new Map<string, StoredRun>();
  if (!existsSync(file)) return runs;
  let lineNo = 0;
  let damaged: { offset: number; line: number } | null = null;
  const complete = scanLines(file, (line, offset) => {
    lineNo++;
    if (damaged) badInput(msg.corruptStore(file, damaged.line));
    const parsed = parseLine(line);
    if (!parsed) {
      damaged = { offset, line: lineNo };
      return;
    }
    // The first record of a key wins: a later one could only come from a store written twice.
    if (!runs.has(parsed.key)) runs.set(parsed.key, { ...parsed, file, offset, bytes: line.length });
  });
  const cut = (damaged as { offset: number } | null)?.offset ?? complete;
  if (repair) {
    const fd = openSync(file, 'r+');
    try {
      ftruncateSync(fd, cut);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return runs;
}

/** Reads one stored record. */
export function readRecord(run: StoredRun, fd: number, buffer: { data: Buffer }): RunRecord {
  if (buffer.data.length < run.bytes) buffer.data = Buffer.alloc(Math.max(run.bytes, buffer.data.length * 2));
  readSync(fd, buffer.data, 0, run.bytes, run.offset);
  return JSON.parse(buffer.data.toString('utf8', 0, run.bytes)) as RunRecord;
}

/** An open store: appends records, each durable before `append` returns. */
export class RunStore {
  private readonly fd: number;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'a');
  }

  /** Appends one record and flushes it to disk. */
  append(record: RunRecord): void {
    const line = Buffer.from(JSON.stringify(record) + '\n');
    for (let written = 0; written < line.length; ) written += writeSync(this.fd, line, written);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
