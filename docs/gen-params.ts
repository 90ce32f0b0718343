/**
 * Generates docs/parameters.md, the parameter table of the ODD (docs/ODD.md section 8),
 * from the scenario schema: path, default, range and description of every field a
 * scenario may set. The schema (src/scenario/schema.ts) is the single source of truth;
 * this file only walks its JSON Schema (zod's `z.toJSONSchema`, input side, so defaults
 * are the ones a user gets by leaving a key out).
 *
 *   npx tsx docs/gen-params.ts          # rewrites docs/parameters.md
 *
 * test/docs/parameters.test.ts regenerates the table in memory and fails when the file
 * is stale, so the table cannot drift from the schema.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NOT_SCREENED, plausibleRanges } from '../src/scenario/plausible';
import { scenarioJsonSchema } from '../src/scenario/schema';

/** The subset of JSON Schema that zod 4 emits for the scenario schema. */
interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

/** Where docs/parameters.md lives (beside this script). */
export const PARAMETERS_PATH = join(dirname(fileURLToPath(import.meta.url)), 'parameters.md');

/** Top-level keys that describe how runs are organised rather than the model itself. */
const RUN_DESIGN = new Set(['sweep', 'arms']);
/** Top-level keys that hold lists of scheduled events, documented per kind. */
const EVENT_LISTS = new Set(['policies', 'shocks']);

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function fmtValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '`""`' : `\`${v}\``;
  if (typeof v === 'number' || typeof v === 'boolean') return `\`${String(v)}\``;
  if (Array.isArray(v) && v.length === 0) return '`[]`';
  if (v !== null && typeof v === 'object' && Object.keys(v).length === 0) return '`{}`';
  return `\`${JSON.stringify(v)}\``;
}

function typeName(s: JsonSchema): string {
  if (s.enum) return s.enum.map((e) => String(e)).join(' \\| ');
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  if (s.oneOf || s.anyOf) return 'one of';
  const t = Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
  if (t === 'array' && s.items) {
    const inner = s.items.oneOf ? 'object' : typeName(s.items);
    return `array of ${inner}`;
  }
  if (t === 'object' && !s.properties && s.additionalProperties && typeof s.additionalProperties === 'object')
    return 'map';
  return t;
}

function fmtRange(s: JsonSchema): string {
  const lo = s.minimum !== undefined ? `[${s.minimum}` : s.exclusiveMinimum !== undefined ? `(${s.exclusiveMinimum}` : undefined;
  const hi = s.maximum !== undefined ? `${s.maximum}]` : s.exclusiveMaximum !== undefined ? `${s.exclusiveMaximum})` : undefined;
  if (lo !== undefined || hi !== undefined) return `${lo ?? '(-inf'}, ${hi ?? 'inf)'}`;
  if (s.type === 'string' && (s.minLength !== undefined || s.maxLength !== undefined)) {
    const parts = [`${s.minLength ?? 0} to ${s.maxLength ?? 'any'} chars`];
    if (s.pattern) parts.push(`pattern \`${s.pattern}\``);
    return parts.join(', ');
  }
  if (s.type === 'array' && (s.minItems !== undefined || s.maxItems !== undefined))
    return `${s.minItems ?? 0} to ${s.maxItems ?? 'any'} items`;
  return '';
}

const isLeaf = (s: JsonSchema): boolean => !s.properties;
const isNumberLeaf = (s: JsonSchema): boolean => isLeaf(s) && (s.type === 'number' || s.type === 'integer');

/** An object of objects of numbers (eta, kind weights): rendered as one matrix. */
function isMatrix(s: JsonSchema): boolean {
  const rows = s.properties ? Object.values(s.properties) : [];
  return (
    rows.length > 0 &&
    rows.every((r) => r.properties && Object.values(r.properties).length > 0 && Object.values(r.properties).every(isNumberLeaf))
  );
}

interface Row {
  path: string;
  type: string;
  def: string;
  range: string;
  doc: string;
}

function rowOf(path: string, s: JsonSchema, required: boolean): Row {
  const listOfObjects = Array.isArray(s.default) && s.default.length > 0 && typeof s.default[0] === 'object';
  const def = listOfObjects
    ? `${(s.default as unknown[]).length} entries (table below)`
    : s.default !== undefined
      ? fmtValue(s.default)
      : required
        ? '*required*'
        : '*none*';
  return { path: `\`${path}\``, type: typeName(s), def, range: fmtRange(s), doc: esc(s.description ?? '') };
}

function table(rows: Row[]): string[] {
  const out = ['| path | type | default | range | description |', '|---|---|---|---|---|'];
  for (const r of rows) out.push(`| ${r.path} | ${r.type} | ${r.def} | ${r.range} | ${r.doc} |`);
  return out;
}

function matrix(path: string, s: JsonSchema): string[] {
  const rows = Object.entries(s.properties ?? {});
  const cols = Object.keys(rows[0][1].properties ?? {});
  const ranges = new Set<string>();
  const out: string[] = [];
  out.push(`Matrix \`${path}.<row>.<column>\`${s.description ? `: ${esc(s.description)}` : ''}`);
  out.push('');
  out.push(`| row \\ column | ${cols.join(' | ')} |`);
  out.push(`|---|${cols.map(() => '---|').join('')}`);
  for (const [name, row] of rows) {
    const cells = cols.map((c) => {
      const cell = row.properties?.[c];
      if (!cell) return '';
      ranges.add(fmtRange(cell));
      return String(cell.default ?? '');
    });
    out.push(`| **${name}** | ${cells.join(' | ')} |`);
  }
  out.push('');
  out.push(`Every entry: number, range ${[...ranges].join(' or ')}.`);
  return out;
}

/**
 * Emits the rows of an object schema; nested objects recurse, matrices are collected
 * separately so each gets its own table under the section.
 */
function walk(prefix: string, s: JsonSchema, rows: Row[], matrices: string[][], subLists: [string, JsonSchema][]): void {
  const req = new Set(s.required ?? []);
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child.properties && isMatrix(child)) {
      rows.push({ path: `\`${path}\``, type: 'matrix', def: `see matrix below`, range: '', doc: esc(child.description ?? '') });
      matrices.push(matrix(path, child));
    } else if (child.properties) {
      walk(path, child, rows, matrices, subLists);
    } else {
      rows.push(rowOf(path, child, req.has(key)));
      if (child.type === 'array' && child.items?.properties) subLists.push([path, child]);
    }
  }
}

function objectSection(heading: string, path: string, s: JsonSchema): string[] {
  const out: string[] = [`## ${heading}`, ''];
  if (s.description) out.push(esc(s.description), '');
  const rows: Row[] = [];
  const matrices: string[][] = [];
  const subLists: [string, JsonSchema][] = [];
  walk(path, s, rows, matrices, subLists);
  out.push(...table(rows), '');
  for (const m of matrices) out.push(...m, '');
  for (const [listPath, list] of subLists) out.push(...listItems(listPath, list));
  return out;
}

/** The fields of the items of an array of objects (places, links), and its default. */
function listItems(path: string, list: JsonSchema): string[] {
  const item = list.items!;
  const out = [`Each entry of \`${path}\`:`, ''];
  const rows: Row[] = [];
  walk(`${path}[]`, item, rows, [], []);
  out.push(...table(rows), '');
  if (Array.isArray(list.default) && list.default.length > 0) {
    const cols = Object.keys(item.properties ?? {});
    out.push(`Default \`${path}\`:`, '');
    out.push(`| ${cols.join(' | ')} |`, `|${cols.map(() => '---|').join('')}`);
    for (const v of list.default as Record<string, unknown>[]) out.push(`| ${cols.map((c) => String(v[c] ?? '')).join(' | ')} |`);
    out.push('');
  }
  return out;
}

/** A list of tagged events (policies, shocks): one table per kind. */
function eventSection(key: string, s: JsonSchema): string[] {
  const variants = s.items?.oneOf ?? [];
  const out: string[] = [`## \`${key}\``, ''];
  out.push(`A list (${fmtRange(s)}, default ${fmtValue(s.default)}); each entry has a \`kind\`, one of ${variants.map((v) => `\`${String(v.properties?.kind?.const)}\``).join(', ')}.`, '');
  // Fields every kind shares with an identical schema (start, end, cost, label) are listed once.
  const same = (field: string) => {
    const first = JSON.stringify(variants[0]?.properties?.[field]);
    const req = variants[0]?.required?.includes(field);
    return variants.every((v) => JSON.stringify(v.properties?.[field]) === first && v.required?.includes(field) === req);
  };
  const common = Object.keys(variants[0]?.properties ?? {}).filter((f) => f !== 'kind' && variants.length > 1 && same(f));
  if (common.length > 0) {
    const first = variants[0];
    const req = new Set(first.required ?? []);
    out.push(`### Fields of every \`${key}\` entry`, '');
    out.push(...table(common.map((f) => rowOf(`${key}[].${f}`, first.properties![f], req.has(f)))), '');
  }
  for (const v of variants) {
    const kind = String(v.properties?.kind?.const);
    out.push(`### \`${key}[].kind = ${kind}\``, '');
    if (v.description) out.push(esc(v.description), '');
    const rows: Row[] = [];
    const req = new Set(v.required ?? []);
    for (const [field, child] of Object.entries(v.properties ?? {})) {
      if (field === 'kind' || common.includes(field)) continue;
      rows.push(rowOf(`${key}[].${field}`, child, req.has(field)));
    }
    if (common.length > 0) out.push(`The fields of every entry, and:`, '');
    out.push(...table(rows), '');
  }
  return out;
}

/** Renders docs/parameters.md from the scenario schema (pure: no I/O). */
export function renderParameters(): string {
  const root = scenarioJsonSchema() as JsonSchema;
  const props = root.properties ?? {};
  const out: string[] = [
    '# Scenario parameters',
    '',
    '<!-- Generated by `npx tsx docs/gen-params.ts` from src/scenario/schema.ts. Do not edit by hand:',
    '     test/docs/parameters.test.ts fails when this file is stale. -->',
    '',
    'Every key a scenario file may set, with its default (what a missing key becomes), its',
    'allowed range and its description, straight from the scenario schema',
    '(`src/scenario/schema.ts`). Ranges are inclusive `[a, b]` unless written with a',
    'parenthesis. Where each group of parameters comes from (a literature source or a',
    'calibration choice) is in [ODD.md, section 8](ODD.md#8-parameters).',
    '',
  ];
  // Top-level scalars first, then each section in schema order.
  const topRows: Row[] = [];
  const req = new Set(root.required ?? []);
  for (const [key, s] of Object.entries(props)) {
    if (s.properties || EVENT_LISTS.has(key) || RUN_DESIGN.has(key)) continue;
    topRows.push(rowOf(key, s, req.has(key)));
  }
  out.push('## Top level', '', ...table(topRows), '');
  for (const [key, s] of Object.entries(props)) {
    if (!s.properties || RUN_DESIGN.has(key)) continue;
    out.push(...objectSection(`\`${key}\``, key, s));
  }
  for (const key of EVENT_LISTS) if (props[key]) out.push(...eventSection(key, props[key]));
  out.push('## Run design (not model parameters)', '');
  out.push('How a sweep is organised; none of these change a single run\'s dynamics.', '');
  for (const key of RUN_DESIGN) {
    const s = props[key];
    if (!s) continue;
    if (s.properties) {
      const rows: Row[] = [];
      walk(key, s, rows, [], []);
      out.push(`### \`${key}\` (optional)`, '', ...table(rows), '');
    } else if (s.items?.properties) {
      const rows: Row[] = [];
      walk(`${key}[]`, s.items, rows, [], []);
      out.push(`### \`${key}\` (optional list, ${fmtRange(s)})`, '', ...table(rows), '');
    }
  }
  out.push(...plausibleSection());
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(PARAMETERS_PATH, renderParameters());
  console.log(`wrote ${PARAMETERS_PATH}`);
}

/** The plausible ranges (src/scenario/plausible.ts) beside the hard limits above, with their sources. */
function plausibleSection(): string[] {
  const out = ['## Plausible ranges', ''];
  out.push('Where a value is believable for a learning region, as opposed to merely allowed by the hard limits above; the sensitivity screening of docs/sensitivity.md varies every parameter over this range (src/scenario/plausible.ts).', '');
  out.push('| path | plausible | source or reasoning |', '|---|---|---|');
  for (const [path, r] of plausibleRanges()) out.push(`| \`${path}\` | [${r.min}, ${r.max}]${r.integer ? ' (integer)' : ''} | ${esc(r.source)} |`);
  out.push('', 'Not screened:', '');
  for (const [path, why] of Object.entries(NOT_SCREENED)) out.push(`- \`${path}\`: ${esc(why)}`);
  out.push('');
  return out;
}
