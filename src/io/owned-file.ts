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

/** A kind of file lrsim writes to a path the user names. */
export interface OwnedKind {
  /** Text near the start of the content that marks the file as this kind. */
  marker: string;
  /** The command that writes it, as messages name it (`lrsim schema --targets`). */
  writer: string;
  /** What the file is, as messages name it (`the targets schema`). */
  what: string;
  /** A file name the message about a directory suggests (`targets.schema.json`). */
  example: string;
}

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
 * file that is not of `kind` unless `force`. A file of one of the `related` kinds (another
 * file lrsim writes, such as the other schema) is named as such, not as someone else's.
 */
export function checkOwnedOutputFile(flag: string, path: string, kind: OwnedKind, force: boolean, related: readonly OwnedKind[] = []): void {
  const exists = checkOutputFile(flag, path, kind.example);
  if (!exists || force || startsWithMarker(path, kind.marker)) return;
  const other = related.find((r) => startsWithMarker(path, r.marker));
  throw new ScenarioError(other ? msg.otherKind(flag, path, other.what, other.writer, kind.what) : msg.notOurs(flag, path, kind.writer));
}
