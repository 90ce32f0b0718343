/**
 * The parameters file of `lrsim sample`: YAML or JSON mapping each name to a range
 * `{min, max}` (optional `integer`, `log`), as `sweep.parameters` of an lhs design.
 * Read with the scenario loader's parser, so every problem is one line at
 * file:line:column, an unknown key gets "did you mean", and the first problem says how
 * many more the file has.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { didYouMean } from '../../scenario/did-you-mean';
import { locate, parseScenarioText } from '../../scenario/document';
import { fileProblemsError, formatLocation, formatProblem, ScenarioError, type PathSegment, type Problem } from '../../scenario/errors';
import { MAX_SCENARIO_BYTES } from '../../scenario/load';
import { checkSensitivityRange, type Range } from '../design';
import { badInput, sensitivityMessages as msg } from '../messages';

const RANGE_KEYS = ['min', 'max', 'integer', 'log'];

/** Names and ranges of a parameters file, in file order (bad input throws). */
export function readParamsFile(file: string): { names: string[]; ranges: Range[] } {
  let text: string;
  try {
    if (statSync(file).size > MAX_SCENARIO_BYTES) return badInput(msg.paramsTooLarge(file, MAX_SCENARIO_BYTES));
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    return badInput(msg.unreadable(file, 'parameters'));
  }
  if (text.trim() === '') badInput(msg.noParams(file));
  const doc = parseScenarioText(text, file, extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', msg.paramsExample());
  const entries = Object.entries(doc.data);
  if (entries.length === 0) badInput(msg.noParams(file));

  const problems: (Problem & { path: PathSegment[]; at?: PathSegment[]; key?: boolean })[] = [];
  for (const [name, v] of entries) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      problems.push({ path: [name], ...msg.notARange() });
      continue;
    }
    const r = v as Record<string, unknown>;
    for (const key of Object.keys(r))
      if (!RANGE_KEYS.includes(key)) problems.push({ path: [name], at: [name, key], key: true, ...msg.unknownRangeKey(key, didYouMean(key, RANGE_KEYS), RANGE_KEYS) });
    for (const bound of ['min', 'max'] as const) {
      if (r[bound] === undefined) problems.push({ path: [name], ...msg.missingBound(bound) });
      else if (typeof r[bound] !== 'number' || !Number.isFinite(r[bound])) problems.push({ path: [name, bound], ...msg.boundNotNumber(r[bound]) });
    }
    for (const flag of ['integer', 'log'] as const) if (r[flag] !== undefined && typeof r[flag] !== 'boolean') problems.push({ path: [name, flag], ...msg.flagNotBoolean(flag, r[flag]) });
  }
  if (problems.length > 0) {
    throw fileProblemsError(
      problems.map((p) => {
        const location = locate(doc, p.at ?? p.path, p.key).location;
        return { location, path: p.path, line: formatProblem({ ...p, location }) };
      }),
    );
  }
  const names = entries.map(([name]) => name);
  const ranges = entries.map(([, v]) => {
    const r = v as Record<string, unknown>;
    return { min: r.min as number, max: r.max as number, integer: r.integer === true, log: r.log === true };
  });
  // A range the design cannot use (min >= max, log with min <= 0), at its line.
  names.forEach((name, j) => checkSensitivityRange(`${formatLocation(locate(doc, [name]).location)}: ${name}`, ranges[j]));
  return { names, ranges };
}
