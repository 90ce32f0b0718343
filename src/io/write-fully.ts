/**
 * Writing bytes completely, or failing: `fs.writeSync` may write fewer bytes than asked
 * (a full disk, a quota, a signal), and a caller that ignores the count publishes a
 * truncated file. A full disk becomes a DiskFullError naming the file, so the CLI can say
 * which file and how to recover in one line (exit 1).
 */
import fs from 'node:fs';
import { ioMessages as msg } from './messages';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** The disk (or quota) filled while `file` was written. Exit 1: the input was fine. */
export class DiskFullError extends Error {
  constructor(readonly file: string, readonly code: string, readonly retry: string = msg.retryDefault()) {
    super(msg.diskFull(file, code, retry));
    this.name = 'DiskFullError';
  }

  /** The same failure with another recovery hint (the command that rebuilds the outputs). */
  withRetry(retry: string): DiskFullError {
    return new DiskFullError(this.file, this.code, retry);
  }
}

/** Whether `error` is a full disk or quota (from any fs call). */
export const isDiskFull = (error: unknown): boolean => DISK_FULL.has((error as NodeJS.ErrnoException)?.code ?? '');

/** Rethrows a full-disk error as DiskFullError naming `file`; other errors unchanged. */
export function asDiskFull(error: unknown, file: string): unknown {
  if (error instanceof DiskFullError || !isDiskFull(error)) return error;
  return new DiskFullError(file, (error as NodeJS.ErrnoException).code!);
}

/**
 * Writes all of `data` to `fd` (the file `file`), looping over short writes. A write of
 * zero bytes, which would loop forever, counts as a full disk.
 */
export function writeFully(fd: number, data: string | Uint8Array, file: string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let written = 0;
  try {
    while (written < bytes.length) {
      const n = fs.writeSync(fd, bytes, written, bytes.length - written);
      if (n <= 0) throw Object.assign(new Error(`write returned ${n}`), { code: 'ENOSPC' });
      written += n;
    }
  } catch (error) {
    throw asDiskFull(error, file);
  }
}

/** writeFileSync that names the file when the disk is full. */
export function writeFileFully(file: string, data: string | Uint8Array): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'w');
  } catch (error) {
    throw asDiskFull(error, file);
  }
  try {
    writeFully(fd, data, file);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `file` whole or not at all: the bytes go to `tmp` first, which is renamed over
 * `file` once complete (an earlier `file` stays until then). On failure `tmp` is removed;
 * a full disk is a DiskFullError naming `file`.
 */
export function writeFileWhole(file: string, data: string | Uint8Array, tmp = `${file}.tmp`): void {
  try {
    writeFileFully(tmp, data);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error instanceof DiskFullError ? new DiskFullError(file, error.code, error.retry) : asDiskFull(error, file);
  }
}
