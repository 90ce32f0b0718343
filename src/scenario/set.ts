/**
 * Dot-path overrides: `--set proximity.geographic_decay_km=40`,
 * `--set 'policies=[{kind: open_region, openness: 0.5}]'`, `--set policies.0.end=120`.
 * The value is read as YAML (a scalar or flow collection); the path is checked against
 * the schema, so a misspelt setting is caught with a "did you mean".
 */
import { parse as parseYaml } from 'yaml';
import { didYouMean } from './did-you-mean';
import { fail, scenarioMessages as M, type PathSegment, type Problem } from './errors';
import { setAtPathInPlace, splitPath, valueAt } from './dot-path';
import { clonePlain } from './merge';
import { allowedKeysAt, schemaAt, schemaType } from './schema-paths';

export { setAtPathInPlace } from './dot-path';

/** `PATH=VALUE` split at the first `=`, the value parsed as YAML. */
export function parseAssignment(assignment: string, source = '--set'): { path: string; value: unknown } {
  const at = assignment.indexOf('=');
  const location = { source: `${source} ${assignment}` };
  if (at <= 0) fail({ location, ...M.setSyntax() });
  const path = assignment.slice(0, at).trim();
  const text = assignment.slice(at + 1);
  if (text.trim() === '') return { path, value: '' };
  try {
    return { path, value: parseYaml(text, { prettyErrors: false }) };
  } catch (e) {
    return fail({ location, ...M.setBadValue((e as Error).message.split('\n')[0]) });
  }
}

/**
 * The checked segments of a dot path in a scenario holding `data`: object keys must be
 * in the schema, list indices at most the list's length (equal appends), and inside a
 * free-form mapping (e.g. `sweep.parameters`) the rest of the path is one key.
 * Returns a problem (without location) when the path is not a setting.
 */
export function resolvePath(path: string, data: unknown): { segments: PathSegment[] } | { problem: Problem } {
  const parts = splitPath(path);
  const segments: PathSegment[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const here = schemaAt(segments, data);
    const type = here ? schemaType(here) : 'unknown';
    if (type === 'record') {
      segments.push(parts.slice(i).join('.'));
      return { segments };
    }
    if (type === 'array') {
      const list = valueAt(data, segments);
      const length = Array.isArray(list) ? list.length : 0;
      if (!/^\d+$/.test(part) || Number(part) > length) return { problem: { path: segments, ...M.badIndex(part, length) } };
      segments.push(Number(part));
      continue;
    }
    if (type === 'object' || type === 'union') {
      const allowed = allowedKeysAt(segments, data);
      if (!allowed.includes(part)) return { problem: { path: segments, ...M.unknownPath(part, allowed, didYouMean(part, allowed)) } };
      segments.push(part);
      continue;
    }
    return { problem: { path: segments, ...M.pathIntoValue(part) } };
  }
  return { segments };
}

/** One applied assignment: where it came from and which path it set (for messages). */
export interface AppliedSet {
  label: string;
  segments: PathSegment[];
}

/** `raw` with each `PATH=VALUE` applied in order (a new object; `raw` is unchanged). */
export function applySet(raw: object, assignments: readonly string[], source = '--set'): object {
  return applySetTracked(raw, assignments, source).data;
}

/** As applySet, also returning which paths each assignment set. */
export function applySetTracked(
  raw: object,
  assignments: readonly string[],
  source = '--set',
): { data: Record<string, unknown>; applied: AppliedSet[] } {
  const data = clonePlain(raw) as Record<string, unknown>;
  const applied: AppliedSet[] = [];
  for (const assignment of assignments) {
    const { path, value } = parseAssignment(assignment, source);
    const label = `${source} ${assignment}`;
    const resolved = resolvePath(path, data);
    if ('problem' in resolved) fail({ ...resolved.problem, location: { source: label } });
    setAtPathInPlace(data, resolved.segments, value);
    applied.push({ label, segments: resolved.segments });
  }
  return { data, applied };
}
