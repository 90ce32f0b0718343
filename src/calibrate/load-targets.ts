/**
 * Loading a targets file: parse (YAML or JSON, positions kept), check against the schema,
 * then against the scenario: outcomes and columns must exist, parameters must be numeric
 * settings of the scenario and their priors inside the setting's limits. Every problem is
 * one line `file:line:col: field: what; fix` (ScenarioError, exit 2), raised before any
 * output is written.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { OUTCOME_KEYS, TIMESERIES_COLUMNS } from '../model/names';
import { didYouMean } from '../scenario/did-you-mean';
import { locate, parseScenarioText, type SourceDocument } from '../scenario/document';
import { fieldName, formatLocation, formatProblem, ScenarioError, scenarioMessages, type PathSegment, type Problem } from '../scenario/errors';
import { MAX_SCENARIO_BYTES } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { valueAt } from '../scenario/dot-path';
import { expectedText, objectKeys, schemaAt, schemaType, unwrap } from '../scenario/schema-paths';
import { resolvePath } from '../scenario/set';
import { calibrationMessages as M } from './messages';
import { MIN_NORMAL_MASS, normalMassInBounds, type Prior } from './priors';
import { TargetsFileSchema, type AbcConfig, type SummaryKind, type TargetsFile } from './targets';

/** One observed pattern, resolved. */
export interface CalibrationTarget {
  name: string;
  kind: 'outcome' | 'column';
  /** The outcome key or the column name. */
  key: string;
  summary: SummaryKind;
  from: number;
  /** Exclusive end tick; null: the run's end. */
  to: number | null;
  observed: number;
  scale: number;
  weight: number;
}

/** One calibrated setting: its dot path, prior and whether the setting takes whole numbers. */
export interface CalibrationParameter {
  path: string;
  prior: Prior;
  integer: boolean;
}

export interface CalibrationSpec {
  /** The file as shown in messages. */
  source: string;
  description: string;
  targets: CalibrationTarget[];
  parameters: CalibrationParameter[];
  abc: AbcConfig;
  /** The parsed file with defaults (hashed for --resume). */
  file: TargetsFile;
}

type Located = Problem & { key?: boolean };

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : String(v));

/**
 * What a field takes, as expectedText says it, but with an exclusive upper bound said as
 * such: abc.alpha takes "a number above 0, below 1" (expectedText says "up to 1").
 */
function expectedHere(schema: Parameters<typeof expectedText>[0]): string {
  const text = expectedText(schema);
  if (!schema) return text;
  const checks = ((unwrap(schema) as unknown as { _zod: { def: { checks?: { _zod: { def: { check: string; value: unknown; inclusive?: boolean } } }[] } } })._zod.def.checks ?? []).map((c) => c._zod.def);
  const below = checks.find((c) => c.check === 'less_than' && c.inclusive === false);
  return below ? text.replace(`up to ${String(below.value)}`, `below ${String(below.value)}`).replace(`to ${String(below.value)}`, `to below ${String(below.value)}`).replace(`<= ${String(below.value)}`, `< ${String(below.value)}`) : text;
}

/** Problems of one zod issue in the targets file. */
function issueProblems(issue: z.core.$ZodIssue, data: unknown): Located[] {
  const path = issue.path as PathSegment[];
  const value = valueAt(data, path);
  const schema = schemaAt(path, data, TargetsFileSchema);
  const expected = expectedHere(schema);
  if (issue.code === 'unrecognized_keys') {
    const allowed = objectKeys(schema!);
    return issue.keys.map((key) => ({ path, at: [...path, key], key: true, ...M.unknownKey(key, didYouMean(key, allowed), allowed) }));
  }
  if (issue.code === 'invalid_union' && issue.discriminator) {
    // zod puts the discriminator on the path
    const at = path[path.length - 1] === 'prior' ? path : [...path, 'prior'];
    const prior = valueAt(data, at);
    if (prior === undefined) return [{ path: at.slice(0, -1), ...M.missing('prior: uniform, log_uniform or normal') }];
    return [{ path: at, ...M.unknownPrior(show(prior), typeof prior === 'string' ? didYouMean(prior, ['uniform', 'log_uniform', 'normal']) : undefined) }];
  }
  if (issue.code === 'invalid_type' && value === undefined) return [{ path, ...M.missing(expected) }];
  // A rule on the text (a target name on one line, as scenario text): the rule's own fix.
  if (issue.code === 'invalid_format') return [{ path, ...scenarioMessages.badFormat(value, issue.message) }];
  return [{ path, ...M.badValue(show(value), expected) }];
}

/** Reads and checks a targets file against `scenario`; throws ScenarioError on bad input. */
export function loadTargets(file: string, scenario: Scenario, cwd = process.cwd()): CalibrationSpec {
  const full = resolve(cwd, file);
  const rel = relative(cwd, full);
  const source = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : full;
  const fail = (problems: Located[], doc?: SourceDocument): never => {
    const located = problems.map((p) => ({ ...p, location: p.location ?? (doc ? locate(doc, p.at ?? p.path ?? [], p.key).location : { source }) }));
    located.sort((a, b) => (a.location.line ?? Infinity) - (b.location.line ?? Infinity) || (a.location.col ?? 0) - (b.location.col ?? 0));
    const error = new ScenarioError(located.map(formatProblem));
    // ScenarioError points to `lrsim validate FILE`, which reads scenarios, not targets files.
    if (located.length > 1) error.message = M.moreProblems(formatProblem(located[0]), located.slice(1).map((p) => `${formatLocation(p.location)} ${fieldName(p.path ?? [])}`));
    throw error;
  };

  let text: string;
  try {
    if (statSync(full).size > MAX_SCENARIO_BYTES) fail([{ location: { source }, ...M.readFailed('larger than 8 MiB') }]);
    text = readFileSync(full, 'utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    return fail([{ location: { source }, ...M.readFailed((e as NodeJS.ErrnoException).code ?? (e as Error).message) }]);
  }
  if (text.trim() === '') fail([{ location: { source }, ...M.emptyFile() }]);
  const doc = parseScenarioText(text, source, extname(full).toLowerCase() === '.json' ? 'json' : 'yaml', M.targetsNotAMapping);
  const parsed = TargetsFileSchema.safeParse(doc.data);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => issueProblems(issue, doc.data));
    // A misspelt key also leaves its field missing: the misspelling is the one to report.
    const misspelt = problems.filter((p) => p.key).map((p) => (p.path ?? []).join('.'));
    const missingOfMisspelt = (p: Located) => !p.key && p.what === M.missing('').what && misspelt.includes((p.path ?? []).slice(0, -1).join('.'));
    fail(problems.filter((p) => !missingOfMisspelt(p)), doc);
  }
  const data = parsed.data!;

  const problems: Located[] = [];
  if (data.targets.length === 0) problems.push({ path: ['targets'], ...M.noTargets() });
  const targets = data.targets.map((t, i): CalibrationTarget => {
    const at = (field: string): PathSegment[] => ['targets', i, field];
    const isColumn = t.column !== undefined;
    if ((t.outcome === undefined) === (t.column === undefined)) problems.push({ path: ['targets', i], ...M.outcomeOrColumn() });
    else if (!isColumn && !(OUTCOME_KEYS as readonly string[]).includes(t.outcome!))
      problems.push({ path: at('outcome'), ...M.unknownOutcome(t.outcome!, didYouMean(t.outcome!, OUTCOME_KEYS)) });
    else if (isColumn && !(TIMESERIES_COLUMNS as readonly string[]).includes(t.column!))
      problems.push({ path: at('column'), ...M.unknownColumn(t.column!, didYouMean(t.column!, TIMESERIES_COLUMNS)) });
    const raw = valueAt(doc.data, ['targets', i]) as Record<string, unknown>;
    if (!isColumn && ['summary', 'from', 'to'].some((k) => raw[k] !== undefined)) problems.push({ path: ['targets', i], ...M.windowOnOutcome() });
    const from = t.from ?? 0;
    if (t.to !== undefined && t.to <= from) problems.push({ path: at('to'), ...M.emptyWindow(from, t.to) });
    if (from >= scenario.ticks) problems.push({ path: at('from'), ...M.windowAfterEnd(from, scenario.ticks) });
    const key = (isColumn ? t.column : t.outcome) ?? '';
    return {
      name: t.name ?? (isColumn ? `${key}:${t.summary}` : key),
      kind: isColumn ? 'column' : 'outcome',
      key,
      summary: t.summary,
      from,
      to: t.to ?? null,
      observed: t.observed,
      scale: t.scale,
      weight: t.weight,
    };
  });
  if (targets.length > 0 && targets.every((t) => t.weight === 0)) problems.push({ path: ['targets'], ...M.allWeightsZero() });
  targets.forEach((t, i) => {
    if (targets.findIndex((u) => u.name === t.name) !== i) problems.push({ path: ['targets', i], ...M.duplicateName(t.name) });
  });

  const entries = Object.entries(data.parameters);
  if (entries.length === 0) problems.push({ path: ['parameters'], ...M.noParameters() });
  const parameters: CalibrationParameter[] = [];
  for (const [path, spec] of entries) {
    const resolved = resolvePath(path, scenario);
    if ('problem' in resolved) {
      problems.push({ ...resolved.problem, path: ['parameters'], at: ['parameters', path], key: true, what: `${path}: ${resolved.problem.what}` });
      continue;
    }
    const setting = schemaAt(resolved.segments, scenario);
    if (!setting || schemaType(setting) !== 'number') {
      problems.push({ path: ['parameters'], at: ['parameters', path], key: true, ...M.notNumeric(path, expectedText(setting)) });
      continue;
    }
    const limits = unwrap(setting) as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
    const lowest = Number.isFinite(limits.minValue) ? limits.minValue! : -Infinity;
    const highest = Number.isFinite(limits.maxValue) ? limits.maxValue! : Infinity;
    const here = (field: string): PathSegment[] => ['parameters', path, field];
    const min = spec.min ?? lowest;
    const max = spec.max ?? highest;
    if (spec.min !== undefined && spec.min < lowest) problems.push({ path: here('min'), ...M.belowLimit(spec.min, lowest, path) });
    if (spec.max !== undefined && spec.max > highest) problems.push({ path: here('max'), ...M.aboveLimit(spec.max, highest, path) });
    if (!Number.isFinite(min) || !Number.isFinite(max)) problems.push({ path: ['parameters', path], ...M.needBounds(spec.prior) });
    else if (!(min < max)) problems.push({ path: here(spec.min !== undefined ? 'min' : 'max'), ...M.minNotBelowMax(min, max) });
    if (spec.prior === 'log_uniform' && !(min > 0)) problems.push({ path: here('min'), ...M.logUniformNotPositive(min) });
    if (spec.prior === 'normal' && Number.isFinite(min) && Number.isFinite(max) && min < max) {
      const mass = normalMassInBounds(spec.mean, spec.sd, min, max);
      const bounds = spec.min !== undefined && spec.max !== undefined ? 'its min and max' : spec.min === undefined && spec.max === undefined ? `the limits of ${path}` : `its ${spec.min !== undefined ? 'min' : 'max'} and the limit of ${path}`;
      if (!(mass >= MIN_NORMAL_MASS)) problems.push({ path: here('mean'), ...M.normalWithoutMass(spec.mean, spec.sd, min, max, mass, MIN_NORMAL_MASS, bounds) });
    }
    const prior: Prior = spec.prior === 'normal' ? { kind: 'normal', mean: spec.mean, sd: spec.sd, min, max } : { kind: spec.prior, min, max };
    parameters.push({ path, prior, integer: limits.isInt });
  }
  const needed = data.abc.particles * data.abc.replicates;
  if (data.abc.max_runs < needed) problems.push({ path: ['abc', 'max_runs'], ...M.budgetBelowFirstGeneration(data.abc.max_runs, needed) });
  if (problems.length) fail(problems, doc);
  return { source, description: data.description, targets, parameters, abc: data.abc, file: data };
}
