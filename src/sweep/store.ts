/**
 * The crash-safe run store, `DIR/runs.ndjson`: one record per line, appended and fsynced
 * as each run finishes, so a SIGKILL loses at most the run being written. On resume a
 * torn last line (no newline, or not a whole record) is cut off with a notice; a damaged
 * line in the middle is refused, and so is any record of the wrong shape. Records are scanned as bytes, so byte offsets are exact and a line is
 * decoded only when needed.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readSync, statSync } from 'node:fs';
import { asDiskFull, writeFully } from '../io/write-fully';
import { badInput, sweepIoMessages, sweepMessages as msg } from './messages';
import type { RunRecord } from './record';
import { parseRecordLine } from './record-shape';

const NEWLINE = 0x0a;

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

/** Whether a line holds only spaces, tabs or a carriage return. */
function isBlank(line: Buffer): boolean {
  for (const b of line) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/** Notes for the user (a torn tail cut off); the caller decides where they go. */
export type Notice = (line: string) => void;

/**
 * Indexes the records of a store file, checking every record's shape (see
 * record-shape.ts): a damaged line before the last is bad input naming file:line and the
 * field. The last line may be torn by a crash mid-write (no newline, or not a whole
 * record): with `repair` it is cut off the file, without it is skipped; either way
 * `notice` says so.
 */
export function indexStore(file: string, repair: boolean, notice: Notice = () => {}, problemOf?: (value: unknown) => string | null): Map<string, StoredRun> {
  const runs = new Map<string, StoredRun>();
  if (!existsSync(file)) return runs;
  let lineNo = 0;
  let damaged: { offset: number; line: number; problem: string } | null = null;
  const complete = scanLines(file, (line, offset) => {
    lineNo++;
    if (damaged) badInput(msg.corruptStore(file, damaged.line, damaged.problem));
    if (isBlank(line)) return; // an empty line (a hand-edited store) holds no record
    const parsed = parseRecordLine(line.toString('utf8'), problemOf);
    if ('problem' in parsed) {
      damaged = { offset, line: lineNo, problem: parsed.problem };
      return;
    }
    const { key, status } = parsed.record;
    // The first record of a key wins: a later one could only come from a store written twice.
    if (!runs.has(key)) runs.set(key, { key, failed: status === 'failed', file, offset, bytes: line.length });
  });
  const torn = damaged as { offset: number; line: number } | null;
  const cut = torn?.offset ?? complete;
  const size = statSync(file).size;
  if (cut < size) notice(sweepIoMessages.tornTail(file, torn?.line ?? lineNo + 1, size - cut, repair));
  if (repair && cut < size) {
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
    writeFully(this.fd, JSON.stringify(record) + '\n', this.file);
    try {
      fsyncSync(this.fd);
    } catch (error) {
      throw asDiskFull(error, this.file);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
