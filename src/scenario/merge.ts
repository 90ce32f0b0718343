/**
 * Deep merge for `extends`: mappings merge key by key, everything else (lists, numbers,
 * text, null) replaces. Lists replace rather than concatenate so a child scenario can
 * say exactly which policies it has.
 */

/** True for a plain mapping (not a list, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property, even one named `__proto__` (so it is reported, never obeyed). */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment is several times faster; only `__proto__` would change the prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A deep copy of plain data (mappings and lists). */
export function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) defineKey(out, k, clonePlain(v));
  return out as T;
}

/** `over` deep-merged onto `base`; neither input is changed. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return clonePlain(over);
  const out = clonePlain(base);
  for (const [k, v] of Object.entries(over)) {
    defineKey(out, k, Object.prototype.hasOwnProperty.call(out, k) ? deepMerge(out[k], v) : clonePlain(v));
  }
  return out;
}
