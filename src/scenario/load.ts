/**
 * Loading a scenario: read the file (or built-in), follow `extends` to the root,
 * deep-merge from the root down, apply `--set`, validate. The texts that describe a
 * scenario (description, teaching_note, references) are not inherited: they speak of the
 * parent's runs, not the child's. Every problem becomes one
 * ScenarioError line that points at the file, line and column the value came from:
 * a value inherited through `extends` points at the parent file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { builtinNames, builtinPath } from './builtins';
import { didYouMean } from './did-you-mean';
import { locate, parseScenarioText, type SourceDocument } from './document';
import { fail, scenarioMessages as M, type Location, type PathSegment } from './errors';
import { deepMerge, defineKey, isPlainObject } from './merge';
import type { Scenario } from './schema';
import { valueAt } from './schema-paths';
import { applySetTracked, type AppliedSet } from './set';
import { scenarioWarnings, validateScenarioData } from './validate';
import { UNSAFE_CHARS } from './unsafe-text';

/** A loaded scenario: validated with defaults, where it came from, and the merged input. */
export interface LoadedScenario {
  scenario: Scenario;
  /** The path as given (relative to cwd when inside it) or `builtin:NAME`. */
  source: string;
  /** The merged input after `extends` and `--set`, before defaults. */
  raw: unknown;
  /** Lines for stderr about settings that are valid but probably not meant (a policy after the end). */
  warnings: string[];
  /** The scenarios it extends, nearest first, as named in `extends:` (empty when none). */
  extends: string[];
}

/** Keys a child scenario does not inherit through `extends`. */
export const NOT_INHERITED = ['description', 'teaching_note', 'references'] as const;

export interface LoadOptions {
  /** `PATH=VALUE` overrides, applied in order after `extends`. */
  set?: string[];
  /** Directory relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

/** Larger scenario files are refused as "not the right file". */
export const MAX_SCENARIO_BYTES = 8 * 2 ** 20;
const MAX_EXTENDS_DEPTH = 16;

interface FileLayer extends SourceDocument {
  file: string; // absolute path
  builtin?: string;
}

/**
 * Loads, merges and validates a scenario. `ref`: a path or a built-in name; undefined
 * means `baseline`. Throws ScenarioError (one line per problem) on bad input.
 */
export function loadScenario(ref: string | undefined, opts: LoadOptions = {}): LoadedScenario {
  const cwd = opts.cwd ?? process.cwd();
  const display = (file: string) => {
    const rel = relative(cwd, file);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  };
  const top = resolveRef(ref ?? 'baseline', cwd, { source: ref === undefined ? 'baseline' : ref });
  const layers: FileLayer[] = [readLayer(top.file, display(top.file), top.builtin)];
  for (;;) {
    const child = layers[layers.length - 1];
    const ext = child.data.extends;
    if (ext === undefined) break;
    const at = locate(child, ['extends']).location;
    if (typeof ext !== 'string' || ext.trim() === '') fail({ location: at, path: ['extends'], ...M.extendsNotString(ext) });
    const parent = resolveRef(ext, dirname(child.file), at, true);
    const chain = layers.map((l) => l.builtin ?? l.source);
    if (layers.some((l) => l.file === parent.file)) fail({ location: at, path: ['extends'], ...M.extendsCycle([...chain, parent.builtin ?? display(parent.file)]) });
    if (layers.length > MAX_EXTENDS_DEPTH) fail({ location: at, path: ['extends'], ...M.extendsTooDeep(MAX_EXTENDS_DEPTH) });
    layers.push(readLayer(parent.file, display(parent.file), parent.builtin));
  }

  let merged: Record<string, unknown> = {};
  for (let i = layers.length - 1; i >= 0; i--) merged = deepMerge(merged, layers[i].data) as Record<string, unknown>;
  delete merged.extends; // the merged scenario stands alone
  for (const key of NOT_INHERITED) if (!Object.prototype.hasOwnProperty.call(layers[0].data, key)) delete merged[key];
  if (layers[0].data.name === undefined) defineKey(merged, 'name', nameFromFile(top.file));

  const { data, applied } = applySetTracked(merged, opts.set ?? []);
  const where = locator(layers, applied);
  const scenario = validateScenarioData(data, where);
  const source = top.builtin ? `builtin:${top.builtin}` : display(top.file);
  const parents = layers.slice(0, -1).map((l) => String(l.data.extends));
  return { scenario, source, raw: data, warnings: scenarioWarnings(scenario, where), extends: parents };
}

/**
 * The name of a scenario file without `name:`: its base name, made fit for directory and
 * job names as the schema demands (no separators or control characters, no leading - or .).
 */
function nameFromFile(file: string): string {
  const name = basename(file, extname(file))
    .replace(new RegExp(`[${UNSAFE_CHARS}/\\\\]+`, 'g'), '_')
    .replace(/^[-.]+/, '')
    .slice(0, 80);
  return name || 'scenario';
}

/** Resolves a path or built-in name to a file; `fromExtends` words the errors for `extends:`. */
function resolveRef(ref: string, baseDir: string, at: Location, fromExtends = false): { file: string; builtin?: string } {
  const looksLikePath = /[\\/]/.test(ref) || /\.(ya?ml|json)$/i.test(ref);
  const names = builtinNames();
  if (!looksLikePath) {
    const builtin = builtinPath(ref);
    if (builtin) return { file: builtin, builtin: ref };
  }
  const file = resolve(baseDir, ref);
  if (exists(file)) return { file };
  const suggestion = didYouMean(looksLikePath ? basename(ref, extname(ref)) : ref, names);
  if (fromExtends) fail({ location: at, path: ['extends'], ...M.extendsUnknown(ref, file, names, suggestion) });
  if (looksLikePath) fail({ location: { source: ref }, ...M.fileNotFound(names, suggestion) });
  return fail({ location: { source: ref }, ...M.unknownScenario(ref, names, suggestion) });
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads one scenario file: refuses anything but a regular file (a directory, a device such
 * as /dev/zero, a FIFO, a socket), and reads at most MAX_SCENARIO_BYTES + 1 bytes, so a file
 * that grows or lies about its size cannot exhaust memory. The checks are made on the open
 * descriptor (no race with a rename), opened non-blocking so a FIFO without a writer does
 * not hang the open.
 */
function readLayer(file: string, source: string, builtin?: string): FileLayer {
  const location = { source };
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail({ location, ...M.notAFile() });
    if (!stat.isFile()) fail({ location, ...M.notRegularFile(stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'not a regular file') });
    if (stat.size > MAX_SCENARIO_BYTES) fail({ location, ...M.fileTooLarge(stat.size, MAX_SCENARIO_BYTES) });
    bytes = readAtMost(fd, MAX_SCENARIO_BYTES + 1);
    if (bytes.length > MAX_SCENARIO_BYTES) fail({ location, ...M.fileTooLarge(bytes.length, MAX_SCENARIO_BYTES) });
  } catch (e) {
    if ((e as Error).name === 'ScenarioError') throw e;
    return fail({ location, ...M.readFailed((e as NodeJS.ErrnoException).code ?? (e as Error).message) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) fail({ location, ...M.binaryFile(`NUL byte at offset ${nul}`) });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ location, ...M.binaryFile('invalid UTF-8') });
  }
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  return { ...parseScenarioText(text, source, format), file, builtin };
}

/** Up to `limit` bytes from an open file (fewer at its end). */
function readAtMost(fd: number, limit: number): Buffer {
  const buffer = Buffer.alloc(Math.min(limit, 64 * 1024));
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, limit - total), null);
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Where the value at a path was written: the last `--set` whose path contains it, else
 * the nearest file (child first) that defines it. A list or value replaces everything
 * below it, so the first file holding one on the way owns the rest of the path.
 */
function locator(layers: FileLayer[], sets: AppliedSet[]) {
  return (path: readonly PathSegment[], key = false): Location | undefined => {
    for (let i = sets.length - 1; i >= 0; i--) {
      const s = sets[i].segments;
      let n = 0;
      while (n < s.length && n < path.length && String(s[n]) === String(path[n])) n++;
      if (n === s.length) return { source: sets[i].label }; // the --set wrote this value
      // The --set created the entry the problem is about, e.g. `--set policies.0.end=120` on
      // a scenario without policies: "policies.0: the policy has no kind" is the --set's.
      const shared = path.slice(0, n);
      if (n > 0 && !layers.some((layer) => valueAt(layer.data, shared) !== undefined)) return { source: sets[i].label };
    }
    for (const layer of layers) if (owns(layer.data, path)) return locate(layer, path, key).location;
    return { source: layers[0].source };
  };
}

function owns(data: unknown, path: readonly PathSegment[]): boolean {
  let value = data;
  for (const segment of path) {
    if (!isPlainObject(value)) return true; // a list or value here replaced the parent's
    if (!Object.prototype.hasOwnProperty.call(value, segment)) return false;
    value = value[segment as string];
  }
  return true;
}
