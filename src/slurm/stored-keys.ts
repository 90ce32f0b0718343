/**
 * The run keys a shard's store (`runs.ndjson`) already holds, read the way `--resume`
 * reads it: complete lines only (a torn last line from a killed task does not count),
 * each key once. Read in chunks so a store of many long series stays cheap in memory.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface StoredKeys {
  /** Keys of finished runs (ok or failed). */
  keys: Set<string>;
  /** Keys of runs stored with status "failed". */
  failed: Set<string>;
}

// Records are written with "key" first; the fast path avoids parsing long series.
const KEY_FIRST = /^\{"key":"((?:[^"\\]|\\.)*)"/;
const FAILED = /"status":"failed"/;

function recordKey(line: string): { key: string; failed: boolean } | null {
  const fast = KEY_FIRST.exec(line);
  if (fast) {
    // A complete record ends with '}'; a torn one (killed mid-write) does not parse.
    if (!line.endsWith('}')) return null;
    return { key: JSON.parse(`"${fast[1]}"`) as string, failed: FAILED.test(line) };
  }
  try {
    const record = JSON.parse(line) as { key?: unknown; status?: unknown };
    return typeof record.key === 'string' ? { key: record.key, failed: record.status === 'failed' } : null;
  } catch {
    return null;
  }
}

/** Keys stored in `file` (a runs.ndjson); empty sets when it does not exist. */
export function readStoredKeys(file: string): StoredKeys {
  const result: StoredKeys = { keys: new Set(), failed: new Set() };
  if (!existsSync(file)) return result;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8'); // keeps a character split across chunks whole
    let carry = '';
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      const lines = (carry + decoder.write(buffer.subarray(0, n))).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) add(result, line);
    }
    // The last line counts only if it is a whole record (the writer ends every record with \n,
    // but a record without one is still complete when it parses).
    add(result, carry + decoder.end());
  } finally {
    closeSync(fd);
  }
  return result;
}

function add(result: StoredKeys, line: string): void {
  const trimmed = line.trim();
  if (trimmed === '') return;
  const record = recordKey(trimmed);
  if (!record) return;
  result.keys.add(record.key);
  if (record.failed) result.failed.add(record.key);
  else result.failed.delete(record.key);
}
