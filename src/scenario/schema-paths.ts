/**
 * Walking the zod schema along a dot path: which keys are allowed at a path (for "did you
 * mean"), which numbers are allowed at a leaf (for "write a number from 0 to 1"), which
 * kinds a discriminated union takes. Reads zod 4 internals (`_zod.def`) in this one place.
 */
import type { z } from 'zod';
import { ScenarioSchema } from './schema';
import type { PathSegment } from './errors';
import { valueAt } from './dot-path';
import { isPlainObject } from './merge';

type Schema = z.ZodType;
// zod 4 keeps a schema's definition in `_zod.def`; its shape depends on `type`.
interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean } } }[];
}
const def = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips default, prefault, optional, nullable wrappers. */
export function unwrap(s: Schema): Schema {
  let cur = s;
  for (;;) {
    const d = def(cur);
    if (d.innerType && ['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(d.type)) cur = d.innerType;
    else return cur;
  }
}

export const schemaType = (s: Schema): string => def(unwrap(s)).type;

/** The object keys allowed by an object schema. */
export function objectKeys(s: Schema): string[] {
  const d = def(unwrap(s));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

/** The discriminator literal of each option of a discriminated union. */
export function unionKinds(s: Schema): { discriminator: string; kinds: string[] } | undefined {
  const d = def(unwrap(s));
  if (d.type !== 'union' || !d.discriminator || !d.options) return undefined;
  const key = d.discriminator;
  const kinds = d.options.map((o) => String(def(def(o).shape![key]).values![0]));
  return { discriminator: key, kinds };
}

/** The option of a discriminated union chosen by `value[discriminator]`, if any. */
function unionOption(s: Schema, value: unknown): Schema | undefined {
  const d = def(unwrap(s));
  const u = unionKinds(s);
  if (!u || !isPlainObject(value)) return undefined;
  const i = u.kinds.indexOf(String(value[u.discriminator]));
  return i >= 0 ? d.options![i] : undefined;
}

/** One step down from `s` by `segment`; `value` is the data at `s` (for unions). */
export function childSchema(s: Schema, segment: PathSegment, value?: unknown): Schema | undefined {
  const base = unwrap(s);
  const d = def(base);
  switch (d.type) {
    case 'object':
      return d.shape![String(segment)];
    case 'array':
      return /^\d+$/.test(String(segment)) ? d.element : undefined;
    case 'record':
      return d.valueType;
    case 'union': {
      const option = unionOption(base, value);
      return option ? childSchema(option, segment) : undefined;
    }
    default:
      return undefined;
  }
}

/** The schema at `path` in a scenario whose (merged) data is `data`. */
export function schemaAt(path: readonly PathSegment[], data?: unknown, root: Schema = ScenarioSchema): Schema | undefined {
  let s: Schema | undefined = root;
  let value = data;
  for (const segment of path) {
    if (!s) return undefined;
    s = childSchema(s, segment, value);
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment as string] : undefined;
  }
  return s;
}

/** Keys allowed at `path` (for an object, or the union of a union's options). */
export function allowedKeysAt(path: readonly PathSegment[], data?: unknown): string[] {
  const s = schemaAt(path, data);
  if (!s) return [];
  const d = def(unwrap(s));
  if (d.type === 'object') return objectKeys(s);
  if (d.type === 'union' && d.options) {
    const option = unionOption(s, valueAt(data, path));
    if (option) return objectKeys(option);
    return [...new Set(d.options.flatMap((o) => objectKeys(o)))];
  }
  return [];
}

const fmt = (n: number) => String(n);
const unbounded = (n: number | null | undefined) => n === null || n === undefined || !Number.isFinite(n) || Math.abs(n) >= Number.MAX_SAFE_INTEGER;

/** "a number from 0 to 1", "an integer from 1 to 100000", "true or false", ... for a leaf. */
export function expectedText(s: Schema | undefined): string {
  if (!s) return 'a valid value (see `lrsim schema`)';
  const base = unwrap(s);
  const d = def(base);
  switch (d.type) {
    case 'number': {
      const n = base as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      const noun = n.isInt ? 'an integer' : 'a number';
      const lo = unbounded(n.minValue) ? undefined : n.minValue!;
      const hi = unbounded(n.maxValue) ? undefined : n.maxValue!;
      const open = (d.checks ?? []).some((c) => c._zod.def.check === 'greater_than' && c._zod.def.inclusive === false && c._zod.def.value === lo);
      if (lo !== undefined && hi !== undefined) return open ? `${noun} above ${fmt(lo)}, up to ${fmt(hi)}` : `${noun} from ${fmt(lo)} to ${fmt(hi)}`;
      if (lo !== undefined) return `${noun} ${open ? '>' : '>='} ${fmt(lo)}`;
      if (hi !== undefined) return `${noun} <= ${fmt(hi)}`;
      return n.isInt ? 'an integer' : 'a finite number';
    }
    case 'string': {
      const checks = d.checks ?? [];
      const max = checks.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
      return max !== undefined ? `text (up to ${max} characters)` : 'text';
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(d.entries ?? {}).join(', ')}`;
    case 'literal':
      return `"${String(d.values?.[0])}"`;
    case 'array':
      return `a list${d.element ? ` of ${expectedText(d.element).replace(/^an? /, '')}s` : ''}`.replace(/ss$/, 's');
    case 'object':
      return 'a mapping (key: value lines)';
    case 'record':
      return 'a mapping';
    case 'union': {
      const u = unionKinds(base);
      if (u) return `a mapping with \`${u.discriminator}:\` one of ${u.kinds.join(', ')}`;
      return (d.options ?? []).map(expectedText).join(' or ');
    }
    default:
      return 'a valid value (see `lrsim schema`)';
  }
}

/** The bounds of an array or string schema at a leaf (for "too many entries"). */
export function lengthBounds(s: Schema | undefined): { min?: number; max?: number } {
  if (!s) return {};
  const checks = def(unwrap(s)).checks ?? [];
  return {
    min: checks.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum,
    max: checks.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum,
  };
}
