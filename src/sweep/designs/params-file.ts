/**
 * The parameters file of `lrsim sample`: YAML or JSON mapping each name to a range
 * `{min, max}` (optional `integer`, `log`), as `sweep.parameters` of an lhs design.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Range } from '../design';
import { badInput, sensitivityMessages as msg } from '../messages';

/** Names and ranges of a parameters file, in file order (bad input throws). */
export function readParamsFile(file: string): { names: string[]; ranges: Range[] } {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return badInput(msg.paramsFile(file, e instanceof Error ? e.message.split('\n')[0] : 'cannot read it'));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) badInput(msg.noParams(file));
  const names: string[] = [];
  const ranges: Range[] = [];
  for (const [name, v] of Object.entries(data as Record<string, unknown>)) {
    const r = v as Record<string, unknown>;
    const ok =
      typeof v === 'object' && v !== null && !Array.isArray(v) &&
      Object.keys(r).every((k) => ['min', 'max', 'integer', 'log'].includes(k)) &&
      typeof r.min === 'number' && Number.isFinite(r.min) && typeof r.max === 'number' && Number.isFinite(r.max) &&
      ['boolean', 'undefined'].includes(typeof r.integer) && ['boolean', 'undefined'].includes(typeof r.log);
    if (!ok) badInput(msg.badParamsEntry(file, name));
    names.push(name);
    ranges.push({ min: r.min as number, max: r.max as number, integer: r.integer === true, log: r.log === true });
  }
  return { names, ranges };
}
