/** Reading and writing a scenario's numeric settings by dot path ('proximity.social_closure'). */

/** The value at a dot path, or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A deep copy of `obj` with the value at `path` replaced (the path must exist). */
export function withPath<T>(obj: T, path: string, value: unknown): T {
  const copy = structuredClone(obj) as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
  return copy as T;
}

/** A replicate's seed from the class's seed and the replicate number (a 32-bit mix, splitmix-style). */
export function replicateSeed(seed: number, replicate: number): number {
  let z = (seed ^ Math.imul(replicate + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
