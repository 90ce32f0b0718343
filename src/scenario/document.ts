/**
 * Parsing one scenario text (YAML or JSON) into plain data while keeping the YAML
 * document, so a field path can be mapped back to its line and column. No Node-only
 * imports: the classroom page parses pasted scenarios with this module too.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { fail, scenarioMessages as M, type Location, type PathSegment } from './errors';

/** A parsed scenario text: its data and where each value stands in the text. */
export interface SourceDocument {
  /** Shown in messages: a path relative to the working directory, or `--set ...`. */
  source: string;
  data: Record<string, unknown>;
  doc?: Document;
  lines?: LineCounter;
}

/**
 * Parses YAML (or JSON, which is checked with JSON.parse first for its own messages).
 * `mappingFix`: the advice when the top level is not a mapping, for files other than
 * scenarios (a calibration targets file); default the scenario's.
 */
export function parseScenarioText(text: string, source: string, format: 'yaml' | 'json' = 'yaml', mappingFix?: string): SourceDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') fail({ location: { source }, ...M.emptyFile() });
  const entries = entryCount(body);
  if (entries > MAX_ENTRIES) fail({ location: { source }, ...M.tooManyEntries(entries, MAX_ENTRIES) });
  if (format === 'json') {
    try {
      JSON.parse(body);
    } catch (e) {
      const message = (e as Error).message;
      const at = /position (\d+)/.exec(message);
      const lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = 0; i < body.length; i++) if (body[i] === '\n') lines.addNewLine(i + 1);
      const pos = at ? lines.linePos(Number(at[1])) : undefined;
      const clean = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '').replace(/^JSON\.parse: /, '');
      fail({ location: { source, line: pos?.line ?? lineCount(body), col: pos?.col ?? 1 }, ...M.jsonSyntax(clean) });
    }
  }
  const lines = new LineCounter();
  // yaml's own uniqueKeys check compares every key with every other (quadratic: 200,000
  // keys took minutes, issue 14); duplicateKey below does it with one set per mapping.
  const doc = parseDocument(body, { lineCounter: lines, prettyErrors: true, uniqueKeys: false, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    // The parser recurses per level of nesting; where it runs out of stack depends on the process.
    if (/Maximum call stack/.test(message)) fail({ location: { source }, ...M.tooDeep() });
    const msg = error.code === 'MULTIPLE_DOCS' ? M.multipleDocuments() : M.yamlSyntax(message);
    fail({ location: { source, line: pos?.line, col: pos?.col }, ...msg });
  }
  const bad = badKey(doc);
  if (bad) {
    const location = { source, ...lines.linePos(bad.node.range?.[0] ?? 0) };
    fail({ location, ...(bad.duplicate ? M.yamlSyntax(`Map keys must be unique (${String((bad.node as { value?: unknown }).value)})`) : M.complexKey()) });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    fail({ location: { source }, ...(e instanceof RangeError ? M.tooDeep() : M.aliasBomb()) });
  }
  if (data === null || data === undefined) fail({ location: { source }, ...M.emptyFile() });
  if (depthAbove(data, MAX_DEPTH)) fail({ location: { source }, ...M.tooDeep() });
  if (typeof data !== 'object' || Array.isArray(data)) {
    const start = (doc.contents as Node | null)?.range?.[0] ?? 0;
    fail({ location: { source, ...lines.linePos(start) }, ...M.notAMapping(data), ...(mappingFix ? { fix: mappingFix } : {}) });
  }
  return { source, data: data as Record<string, unknown>, doc, lines };
}

const lineCount = (text: string) => text.split('\n').length;

/**
 * Most lines plus commas a scenario text may have. The largest real scenarios (256 places,
 * 10,000 links, 1,000 arms with policies) stay well below; 200,000 unknown keys took more
 * than a minute to parse on a loaded machine (issue 14), so such a file is refused up front,
 * like one above MAX_SCENARIO_BYTES.
 */
export const MAX_ENTRIES = 100_000;

/** Lines plus commas: an upper bound on the entries of a YAML or JSON text, counted in one pass. */
function entryCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44) n++;
  }
  return n;
}

/** Deepest nesting a scenario may have (the schema needs 5); deeper data could exhaust the stack of recursive code. */
const MAX_DEPTH = 64;

/** Whether lists and mappings nest deeper than `max` levels, walking without recursion. */
function depthAbove(data: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The first key that repeats within its mapping, or is not a plain scalar (`? [a, b]`), walking without recursion. */
function badKey(doc: Document): { node: Node; duplicate: boolean } | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) return { node: (pair.key ?? node) as Node, duplicate: false };
        const key = String(pair.key.value);
        if (seen.has(key)) return { node: pair.key, duplicate: true };
        seen.add(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

// Each mapping's pairs by key, built on first lookup: locating n problems in a mapping of
// n keys is then linear, not quadratic (issue 14).
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairByKey(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/**
 * The node at `path` in a document, or the deepest node on the way there.
 * `key: true` returns the key of the last segment (for "unknown key" messages).
 */
function nodeAt(doc: Document, path: readonly PathSegment[], key: boolean): { node: Node; depth: number } | undefined {
  let node = doc.contents as Node | null;
  if (!node) return undefined;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = pairByKey(node as YAMLMap, String(segment));
      if (pair) {
        const last = i === path.length - 1;
        next = (last && key ? pair.key : (pair.value ?? pair.key)) as Node | undefined;
      }
    } else if (isSeq(node)) {
      const index = Number(segment);
      next = Number.isInteger(index) ? (node.items[index] as Node | undefined) : undefined;
    }
    if (!next) break;
    node = next;
    depth = i + 1;
  }
  return { node, depth };
}

/** How much of `path` a document defines: the depth reached and the line:col there. */
export function locate(sd: SourceDocument, path: readonly PathSegment[], key = false): { depth: number; location: Location } {
  if (!sd.doc || !sd.lines) return { depth: 0, location: { source: sd.source } };
  const found = nodeAt(sd.doc, path, key);
  if (!found || !found.node.range) return { depth: found?.depth ?? 0, location: { source: sd.source } };
  const { line, col } = sd.lines.linePos(found.node.range[0]);
  return { depth: found.depth, location: { source: sd.source, line, col } };
}
