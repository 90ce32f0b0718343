/**
 * Files lrsim writes to a path the user names (`schema --out`, `classroom --build`) may
 * replace an earlier copy lrsim wrote, but never someone's own file without --force.
 * lrsim knows its own files by a marker near the start of the content (the schema's
 * `"title": "lrsim scenario"`, the classroom page's `<meta name="generator" content="lrsim
 * classroom">`): only the first MARKER_WINDOW bytes are read.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ScenarioError } from '../scenario/errors';
import { ioMessages as msg } from './messages';
import { checkOutputFile } from './output-path';

const MARKER_WINDOW = 4096;

/** Whether the first bytes of `path` contain `marker`. */
export function startsWithMarker(path: string, marker: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(MARKER_WINDOW);
    const n = readSync(fd, head, 0, MARKER_WINDOW, 0);
    return head.toString('utf8', 0, n).includes(marker);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks an output file path (see checkOutputFile) and refuses to overwrite an existing
 * file without `marker` unless `force`. `what` names the writer in the message.
 */
export function checkOwnedOutputFile(flag: string, path: string, marker: string, what: string, force: boolean): void {
  const exists = checkOutputFile(flag, path);
  if (exists && !force && !startsWithMarker(path, marker)) throw new ScenarioError(msg.notOurs(flag, path, what));
}
