/**
 * The problems of one scenario's merged data, unformatted: the zod schema, keys that name
 * object internals (`__proto__`, ...) in free-form mappings, then the checks that span
 * fields (place names, policy windows, min <= max, agent totals). validate.ts adds the
 * sweep's own checks, the locations and the formatting.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean';
import { MAX_PROBLEMS_SHOWN, scenarioMessages as M, type PathSegment, type LocatedProblem, type Problem } from './errors';
import { isPlainObject } from './merge';
import { fillModelSectionInPlace, modelProblems } from './model-rules';
import { LIMITS, ScenarioSchema, type Policy, type Scenario, type Shock } from './schema';
import { splitPath, valueAt } from './dot-path';
import { allowedKeysAt, expectedText, lengthBounds, schemaAt } from './schema-paths';
import { resolvePath } from './set';

/** The parsed scenario (when the schema accepts it) and every problem found. */
export function scenarioProblems(data: Record<string, unknown>): { scenario?: Scenario; problems: LocatedProblem[] } {
  const result = ScenarioSchema.safeParse(data);
  const internal = internalKeyProblems(data);
  if (!result.success) return { problems: [...internal, ...result.error.issues.flatMap((issue) => issueProblems(issue, data))] };
  fillModelSectionInPlace(result.data);
  const problems = [...internal, ...modelProblems(result.data, data), ...crossFieldProblems(result.data, data)];
  return { scenario: problems.length ? undefined : result.data, problems };
}

// Keys a JavaScript object would treat as its own machinery. zod drops `__proto__` from a
// free-form mapping without a word (issue 14); strict objects already report them as unknown.
const INTERNAL_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `__proto__`, `constructor`, `prototype` in sweep.parameters or an arm's `set`, as unknown keys. */
function internalKeyProblems(data: Record<string, unknown>): LocatedProblem[] {
  const mappings: [PathSegment[], unknown][] = [[['sweep', 'parameters'], valueAt(data, ['sweep', 'parameters'])]];
  const arms = data.arms;
  if (Array.isArray(arms)) arms.forEach((arm, i) => mappings.push([['arms', i, 'set'], isPlainObject(arm) ? arm.set : undefined]));
  const problems: LocatedProblem[] = [];
  for (const [path, mapping] of mappings) {
    if (!isPlainObject(mapping)) continue;
    for (const key of Object.keys(mapping))
      if (INTERNAL_KEYS.has(key)) problems.push({ path, at: [...path, key], key: true, ...M.internalKey(key) });
  }
  return problems;
}

export type { LocatedProblem } from './errors';

type Issue = z.core.$ZodIssue;

/** One or more problems for a zod issue. */
function issueProblems(issue: Issue, data: unknown): LocatedProblem[] {
  const path = issue.path as PathSegment[];
  const value = valueAt(data, path);
  const schema = schemaAt(path, data);
  const expected = expectedText(schema);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(path, data);
      // Keys come in file order and at most MAX_PROBLEMS_SHOWN lines are printed: the
      // suggestion (an edit distance to every allowed key) is worked out for those only.
      return issue.keys.map((key, i) => ({
        path,
        at: [...path, key],
        key: true,
        ...M.unknownKey(key, allowed, i < MAX_PROBLEMS_SHOWN ? didYouMean(key, allowed) : undefined),
      }));
    }
    case 'invalid_type':
      if (value === undefined) return [{ path, ...M.missingField(expected) }];
      if (value === null) return [{ path, ...M.noValue(expected) }];
      if (typeof value === 'number' && !Number.isFinite(value)) return [{ path, ...M.notFinite(value, expected) }];
      if (typeof value === 'number' && issue.expected === 'int') return [{ path, ...M.notInteger(value, expected) }];
      return [{ path, ...M.wrongType(value, expected) }];
    case 'too_big':
    case 'too_small': {
      if (issue.origin === 'array' && Array.isArray(value)) {
        const { min, max } = lengthBounds(schema);
        return [{ path, ...(issue.code === 'too_big' ? M.tooMany(value.length, max ?? Number(issue.maximum)) : M.tooFew(value.length, min ?? Number(issue.minimum))) }];
      }
      if (issue.origin === 'string' && typeof value === 'string') {
        const { min, max } = lengthBounds(schema);
        return [{ path, ...M.stringLength(value.length, min, max) }];
      }
      return [{ path, ...M.outOfRange(value, expected) }];
    }
    case 'invalid_union': {
      if (issue.discriminator) {
        const owner = path.length >= 3 ? String(path[path.length - 3]) : '';
        const what = owner === 'shocks' ? 'shock' : owner === 'policies' ? 'policy' : 'entry';
        const valid = ((issue as { options?: unknown[] }).options ?? []).map(String);
        const kind = value === undefined ? undefined : value;
        const at = kind === undefined ? path.slice(0, -1) : path;
        return [{ path: at, ...M.unknownKind(what, kind, valid, typeof kind === 'string' ? didYouMean(kind, valid) : undefined) }];
      }
      return [{ path, ...M.noMatchingForm(value, expected) }];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return [{ path, ...M.notOneOf(value, options, typeof value === 'string' ? didYouMean(value, options) : undefined) }];
    }
    case 'invalid_format':
      return [{ path, ...M.badFormat(value, issue.message) }];
    default:
      return [{ path, ...M.invalid(issue.message) }];
  }
}

/** Checks that span several fields; the scenario already passed the schema. */
export function crossFieldProblems(s: Scenario, raw: Record<string, unknown>): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const places = s.region.places.map((p) => p.name);
  const placeProblem = (path: PathSegment[], name: string | undefined) => {
    if (name !== undefined && !places.includes(name)) problems.push({ path, ...M.unknownPlace(name, places, didYouMean(name, places)) });
  };

  s.region.places.forEach((p, i) => {
    if (places.indexOf(p.name) !== i) problems.push({ path: ['region', 'places', i, 'name'], ...M.duplicatePlace(p.name) });
  });
  for (const field of ['links', 'barriers'] as const)
    s.region[field].forEach((link, i) => {
      placeProblem(['region', field, i, 'from'], link.from);
      placeProblem(['region', field, i, 'to'], link.to);
      if (link.from === link.to) problems.push({ path: ['region', field, i, 'to'], ...M.linkToItself(link.to) });
    });

  const checkPolicies = (policies: Policy[], base: PathSegment[]) =>
    policies.forEach((p, i) => {
      const at = [...base, i];
      if (p.end !== undefined && p.end <= p.start) problems.push({ path: [...at, 'end'], ...M.endNotAfterStart(p.start, p.end) });
      if (p.kind === 'infrastructure') {
        placeProblem([...at, 'from'], p.from);
        placeProblem([...at, 'to'], p.to);
        if (p.from === p.to) problems.push({ path: [...at, 'to'], ...M.linkToItself(p.to) });
      }
      if (p.kind === 'cluster_organisation') {
        if (p.members > s.agents.firms) problems.push({ path: [...at, 'members'], ...M.membersAboveFirms(p.members, s.agents.firms) });
        if (p.focus_domain !== undefined && p.focus_domain >= s.knowledge.domains)
          problems.push({ path: [...at, 'focus_domain'], ...M.domainOutOfRange(p.focus_domain, s.knowledge.domains) });
      }
      if (p.kind === 'creative_space') placeProblem([...at, 'place'], p.place);
    });
  const checkShocks = (shocks: Shock[], base: PathSegment[]) =>
    shocks.forEach((shock, i) => {
      if (shock.kind === 'core_collapse' && shock.domains > s.knowledge.domains)
        problems.push({ path: [...base, i, 'domains'], ...M.tooManyDomains(shock.domains, s.knowledge.domains) });
    });
  checkPolicies(s.policies, ['policies']);
  checkShocks(s.shocks, ['shocks']);

  const minMax = (section: string, lo: string, hi: string) => {
    const values = (s as unknown as Record<string, Record<string, number>>)[section];
    // Point at the bound the user wrote (the other may be a default).
    const written = valueAt(raw, [section, lo]) === undefined && valueAt(raw, [section, hi]) !== undefined ? hi : lo;
    if (values[lo] > values[hi]) problems.push({ path: [section, written], ...M.minAboveMax(`${section}.${lo}`, values[lo], `${section}.${hi}`, values[hi]) });
  };
  minMax('firms', 'rd_min', 'rd_max');
  minMax('exchange', 'firm_absorptive_min', 'firm_absorptive_max');
  problems.push(...degenerateCorners(s, raw));

  const institutions = Object.values(s.agents.institutions).reduce((a, b) => a + b, 0);
  const total = s.agents.firms + s.agents.residents + institutions;
  if (total > LIMITS.agents) problems.push({ path: ['agents', raw.agents && (raw.agents as Record<string, unknown>).residents !== undefined ? 'residents' : 'firms'], ...M.tooManyAgents(total, LIMITS.agents) });

  // Dot paths named by sweeps and arms must be settings (checked like --set).
  // (INTERNAL_KEYS are reported by internalKeyProblems.)
  for (const key of Object.keys(s.sweep?.parameters ?? {})) {
    if (INTERNAL_KEYS.has(key)) continue;
    const resolved = resolvePath(key, s);
    if ('problem' in resolved) problems.push({ ...resolved.problem, path: ['sweep', 'parameters'], at: ['sweep', 'parameters', key], key: true, what: `${key}: ${resolved.problem.what}` });
  }
  const armNames: string[] = [];
  (s.arms ?? []).forEach((arm, i) => {
    if (armNames.includes(arm.name)) problems.push({ path: ['arms', i, 'name'], ...M.duplicateArm(arm.name) });
    armNames.push(arm.name);
    for (const key of Object.keys(arm.set)) {
      if (INTERNAL_KEYS.has(key)) continue;
      const resolved = resolvePath(key, s);
      if ('problem' in resolved) problems.push({ ...resolved.problem, path: ['arms', i, 'set'], at: ['arms', i, 'set', key], key: true, what: `${key}: ${resolved.problem.what}` });
      // A swept path (or one inside it, or containing it) in an arm is overwritten by the design.
      const swept = Object.keys(s.sweep?.parameters ?? {}).find((p) => overlaps(p, key));
      if (swept !== undefined && !('problem' in resolved)) problems.push({ path: ['arms', i, 'set'], at: ['arms', i, 'set', key], key: true, ...M.armSetsSwept(arm.name, key, swept) });
    }
    if (arm.policies) checkPolicies(arm.policies, ['arms', i, 'policies']);
    if (arm.shocks) checkShocks(arm.shocks, ['arms', i, 'shocks']);
  });
  return problems;
}

/**
 * Combinations of valid numbers that make the model meaningless (issue 16), each with
 * the field the user wrote (of two, the one written; the first when both or neither).
 */
function degenerateCorners(s: Scenario, raw: Record<string, unknown>): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const written = (a: PathSegment[], b: PathSegment[]) => (valueAt(raw, a) === undefined && valueAt(raw, b) !== undefined ? b : a);
  if (s.innovation.theta === 0) problems.push({ path: ['innovation', 'theta'], ...M.thetaZero() });
  // Profiles are bumps of width w on a ring of K domains; the farthest pair has cosine
  // exp(-K^2 / (16 w^2)). Below K = 6 w it exceeds 0.1 and firms cannot differ.
  const K = s.knowledge.domains;
  const w = s.knowledge.initial_width;
  if (K < 6 * w) problems.push({ path: written(['knowledge', 'domains'], ['knowledge', 'initial_width']), ...M.tooFewDomains(K, w) });
  if (s.knowledge.delta_use > s.knowledge.delta_idle)
    problems.push({ path: written(['knowledge', 'delta_use'], ['knowledge', 'delta_idle']), ...M.useFasterThanIdle(s.knowledge.delta_use, s.knowledge.delta_idle) });
  return problems;
}

/** Whether one dot path is the other or lies inside it (a.b and a.b.c overlap; a.b and a.bc do not). */
function overlaps(a: string, b: string): boolean {
  const x = splitPath(a);
  const y = splitPath(b);
  const n = Math.min(x.length, y.length);
  for (let k = 0; k < n; k++) if (x[k] !== y[k]) return false;
  return true;
}
