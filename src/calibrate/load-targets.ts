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
import { fieldName, fileProblemsError, formatLocation, formatProblem, ScenarioError, scenarioMessages, type PathSegment, type Problem } from '../scenario/errors';
import { MAX_SCENARIO_BYTES } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { valueAt } from '../scenario/dot-path';
import { expectedText, objectKeys, schemaAt, schemaType, unwrap } from '../scenario/schema-paths';
import { resolvePath } from '../scenario/set';
import { calibrationMessages as M } from './messages';
import { MIN_NORMAL_MASS, normalMassInBounds, type Prior } from './priors';
import { AbcSchema, PriorSchema, TargetSchema, TargetsFileSchema, type AbcConfig, type SummaryKind, type TargetInput, type TargetsFile } from './targets';

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

/**
 * Reads and checks a targets file against `scenario`; throws ScenarioError on bad input.
 * All problems are found in one pass: a target, parameter or `abc` block that fails the
 * schema is reported as such, and the others are checked against the scenario too, so
 * the first message can say how many more problems there are and where.
 */
export function loadTargets(file: string, scenario: Scenario, cwd = process.cwd()): CalibrationSpec {
  const full = resolve(cwd, file);
  const rel = relative(cwd, full);
  const source = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : full;
  const fail = (problems: Located[], doc?: SourceDocument): never => {
    // ScenarioError would point to `lrsim validate FILE`, which reads scenarios, not targets files.
    throw fileProblemsError(
      problems.map((p) => {
        const location = p.location ?? (doc ? locate(doc, p.at ?? p.path ?? [], p.key).location : { source });
        return { location, path: p.path, line: formatProblem({ ...p, location }) };
      }),
    );
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
  const doc = parseScenarioText(text, source, extname(full).toLowerCase() === '.json' ? 'json' : 'yaml', M.topLevelExample());
  const problems: Located[] = [];
  const parsed = TargetsFileSchema.safeParse(doc.data);
  if (!parsed.success) {
    const found = parsed.error.issues.flatMap((issue) => issueProblems(issue, doc.data));
    // A misspelt key also leaves its field missing: the misspelling is the one to report.
    const misspelt = found.filter((p) => p.key).map((p) => (p.path ?? []).join('.'));
    const missingOfMisspelt = (p: Located) => !p.key && p.what === M.missing('').what && misspelt.includes((p.path ?? []).slice(0, -1).join('.'));
    problems.push(...found.filter((p) => !missingOfMisspelt(p)));
  }
  // The parts that pass the schema, checked against the scenario below (all of them when the file does).
  const raw = doc.data;
  const rawTargets = Array.isArray(raw.targets) ? raw.targets : [];
  const allTargets = parsed.success || (Array.isArray(raw.targets) && TargetsFileSchema.shape.targets.safeParse(raw.targets).success);
  const rawParameters = typeof raw.parameters === 'object' && raw.parameters !== null && !Array.isArray(raw.parameters) ? (raw.parameters as Record<string, unknown>) : {};
  const parameterEntries = Object.entries(rawParameters).flatMap(([path, v]) => {
    const one = PriorSchema.safeParse(v);
    return one.success ? [[path, one.data] as const] : [];
  });
  const allParameters = parsed.success || TargetsFileSchema.shape.parameters.safeParse(raw.parameters).success;
  const abcParsed = AbcSchema.safeParse(raw.abc ?? {});
  const abc = abcParsed.success ? abcParsed.data : null;

  if (allTargets && rawTargets.length === 0) problems.push({ path: ['targets'], ...M.noTargets() });
  // Outcome and column names are checked on every target; the rest on those that pass the schema.
  const targetEntries: { t: TargetInput; i: number }[] = [];
  rawTargets.forEach((given: unknown, i) => {
    if (typeof given !== 'object' || given === null || Array.isArray(given)) return; // the schema's problem
    const fields = given as Record<string, unknown>;
    const at = (field: string): PathSegment[] => ['targets', i, field];
    const { outcome, column } = fields;
    if ((outcome === undefined) === (column === undefined)) problems.push({ path: ['targets', i], ...M.outcomeOrColumn() });
    else if (typeof outcome === 'string' && !(OUTCOME_KEYS as readonly string[]).includes(outcome))
      problems.push({ path: at('outcome'), ...M.unknownOutcome(outcome, didYouMean(outcome, OUTCOME_KEYS)) });
    else if (typeof column === 'string' && !(TIMESERIES_COLUMNS as readonly string[]).includes(column))
      problems.push({ path: at('column'), ...M.unknownColumn(column, didYouMean(column, TIMESERIES_COLUMNS)) });
    const one = TargetSchema.safeParse(given);
    if (!one.success) return;
    const t = one.data;
    if (t.column === undefined && ['summary', 'from', 'to'].some((k) => fields[k] !== undefined)) problems.push({ path: ['targets', i], ...M.windowOnOutcome() });
    const from = t.from ?? 0;
    if (t.to !== undefined && t.to <= from) problems.push({ path: at('to'), ...M.emptyWindow(from, t.to) });
    if (from >= scenario.ticks) problems.push({ path: at('from'), ...M.windowAfterEnd(from, scenario.ticks) });
    targetEntries.push({ t, i });
  });
  const targets = targetEntries.map(({ t }): CalibrationTarget => {
    const isColumn = t.column !== undefined;
    const key = (isColumn ? t.column : t.outcome) ?? '';
    return {
      name: t.name ?? (isColumn ? `${key}:${t.summary}` : key),
      kind: isColumn ? 'column' : 'outcome',
      key,
      summary: t.summary,
      from: t.from ?? 0,
      to: t.to ?? null,
      observed: t.observed,
      scale: t.scale,
      weight: t.weight,
    };
  });
  if (allTargets && targets.length > 0 && targets.every((t) => t.weight === 0)) problems.push({ path: ['targets'], ...M.allWeightsZero() });
  targets.forEach((t, k) => {
    if (targets.findIndex((u) => u.name === t.name) !== k) problems.push({ path: ['targets', targetEntries[k].i], ...M.duplicateName(t.name) });
  });

  if (allParameters && parameterEntries.length === 0) problems.push({ path: ['parameters'], ...M.noParameters() });
  const parameters: CalibrationParameter[] = [];
  for (const [path, spec] of parameterEntries) {
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
    // A whole-number setting runs at the rounded value: its range must reach two integers (draws at
    // exactly k + 0.5 have probability 0), else every run uses one value and nothing is calibrated.
    if (limits.isInt && Number.isFinite(min) && Number.isFinite(max) && min < max && !(Math.ceil(max - 0.5) > Math.round(min))) problems.push({ path: here('max'), ...M.oneWholeNumber(path, min, max, Math.round(min)) });
    if (spec.prior === 'log_uniform' && !(min > 0)) problems.push({ path: here('min'), ...M.logUniformNotPositive(min) });
    if (spec.prior === 'normal' && Number.isFinite(min) && Number.isFinite(max) && min < max) {
      const mass = normalMassInBounds(spec.mean, spec.sd, min, max);
      const bounds = spec.min !== undefined && spec.max !== undefined ? 'its min and max' : spec.min === undefined && spec.max === undefined ? `the limits of ${path}` : `its ${spec.min !== undefined ? 'min' : 'max'} and the limit of ${path}`;
      if (!(mass >= MIN_NORMAL_MASS)) problems.push({ path: here('mean'), ...M.normalWithoutMass(spec.mean, spec.sd, min, max, mass, MIN_NORMAL_MASS, bounds) });
    }
    const prior: Prior = spec.prior === 'normal' ? { kind: 'normal', mean: spec.mean, sd: spec.sd, min, max } : { kind: spec.prior, min, max };
    parameters.push({ path, prior, integer: limits.isInt });
  }
  // predictive.csv's columns are draw, particle, the parameters' paths, then the targets' names: no two alike.
  targets.forEach((t, k) => {
    if (t.name === 'draw' || t.name === 'particle' || parameterEntries.some(([path]) => path === t.name)) problems.push({ path: ['targets', targetEntries[k].i, 'name'], ...M.nameClashesWithColumn(t.name) });
  });
  if (abc && abc.max_runs < abc.particles * abc.replicates) problems.push({ path: ['abc', 'max_runs'], ...M.budgetBelowFirstGeneration(abc.max_runs, abc.particles * abc.replicates) });
  if (problems.length || !parsed.success) fail(problems, doc);
  const data = parsed.data!;
  return { source, description: data.description, targets, parameters, abc: data.abc, file: data };
}
