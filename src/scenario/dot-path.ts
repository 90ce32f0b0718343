/**
 * Dot paths into plain scenario data (`proximity.social_closure`, `policies.0.end`): the
 * one walker behind `--set`, sweep overrides, calibration targets and the classroom's
 * sliders. It knows nothing of the schema (schema-paths.ts checks a path against it) and
 * imports no zod, so the classroom page bundles it as it is.
 */
import type { PathSegment } from './errors';
import { clonePlain, defineKey, isPlainObject } from './merge';

/** The segments of a dot path, as written (list indices stay text: `'0'`). */
export const splitPath = (path: string): string[] => path.split('.');

/** The value at `path` in `data`, or undefined where the path leaves the data. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const segment of path) {
    if (!isPlainObject(v) && !Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[segment as string];
  }
  return v;
}

/** Sets `value` at `segments` in `data` (changed in place), creating mappings on the way. */
export function setAtPathInPlace(data: Record<string, unknown>, segments: readonly PathSegment[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = data;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i];
    const current = (node as Record<string, unknown>)[key as string];
    const next = isPlainObject(current) || Array.isArray(current) ? current : typeof segments[i + 1] === 'number' ? [] : {};
    if (next !== current) assign(node, key, next);
    node = next as Record<string, unknown> | unknown[];
  }
  assign(node, segments[segments.length - 1], value);
}

function assign(node: Record<string, unknown> | unknown[], key: PathSegment, value: unknown) {
  if (Array.isArray(node)) node[Number(key)] = value;
  else defineKey(node, String(key), value);
}

/** The value at a dot path (`'proximity.social_closure'`), or undefined. */
export const getPath = (data: unknown, path: string): unknown => valueAt(data, splitPath(path));

/** A deep copy of `data` with the value at a dot path replaced; `data` is unchanged. */
export function withPath<T>(data: T, path: string, value: unknown): T {
  const copy = clonePlain(data) as Record<string, unknown>;
  setAtPathInPlace(copy, splitPath(path), value);
  return copy as T;
}
