/**
 * The checks of a scenario's sweep and arms, so that `lrsim validate` accepts exactly the
 * sweeps `lrsim sweep` runs (issue 14): the design block itself (empty lists, ranges in a
 * grid, lists in lhs/sobol, no samples, too many points), every arm's overrides, every
 * swept value in every arm, and every design point in every arm against the rules that
 * span fields (values that are each allowed may break one together, say rd_min above
 * rd_max). A sweep with such a point is refused before any run starts.
 */
import { buildDesign, designProblems, type ParameterValue } from '../sweep/design';
import { sweepMessages as SM } from '../sweep/messages';
import { fieldName, formatProblem, ScenarioError, type PathSegment, type Problem } from './errors';
import { clonePlain } from './merge';
import { crossFieldProblems, scenarioProblems, type LocatedProblem } from './problems';
import type { Arm, Scenario } from './schema';
import { setAtPathInPlace, splitPath, valueAt } from './dot-path';
import { applySet, resolvePath } from './set';

const assignment = (path: string, value: unknown) => `${path}=${JSON.stringify(value)}`;
/** A problem as one clause without location: `field: what`. */
const clause = (p: Problem) => formatProblem({ path: p.path, what: p.what });

/** The problems of the sweep design and arms of a scenario that passed its own checks. */
export function sweepProblems(s: Scenario, raw: Record<string, unknown>): LocatedProblem[] {
  if (!s.sweep && !s.arms?.length) return [];
  // A design file is read, and its rows checked, where its path is known: when the sweep starts.
  if (s.sweep?.design === 'file') return [];
  const structural = designProblems(s.sweep);
  if (structural.length > 0) return structural;
  let design: ReturnType<typeof buildDesign>;
  try {
    design = buildDesign(s.sweep, s.seed);
  } catch (e) {
    // Checks of the sensitivity designs (power of two, even levels, ...) come as one message.
    return [{ path: ['sweep'], what: (e as Error).message, fix: '' }];
  }
  const base = clonePlain(raw);
  delete base.sweep;
  delete base.arms;
  const arms: (Arm | undefined)[] = s.arms?.length ? s.arms : [undefined];
  const problems: LocatedProblem[] = [];
  arms.forEach((arm, armIndex) => {
    const armName = arm?.name;
    const input = arm ? armInput(base, arm, armIndex, problems) : base;
    if (!input) return;
    const parsed = checkValues(input, design.parameters, design.kind === 'grid' ? distinct : extremes, design.points, armName, problems);
    if (parsed && design.parameters.length > 1) checkPoints(parsed, input, design.parameters, design.points, armName, problems);
  });
  return problems;
}

/** An arm's input (its `set`, policies and shocks applied), or undefined with its problem recorded. */
function armInput(base: Record<string, unknown>, arm: Arm, armIndex: number, problems: LocatedProblem[]): Record<string, unknown> | undefined {
  const at: PathSegment[] = ['arms', armIndex];
  let input: Record<string, unknown>;
  try {
    input = applySet(base, Object.entries(arm.set).map(([k, v]) => assignment(k, v)), `arms.${arm.name}.set`) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    problems.push({ path: [...at, 'set'], ...SM.badArm(arm.name, e.problems[0]) });
    return undefined;
  }
  if (arm.policies) input.policies = clonePlain(arm.policies);
  if (arm.shocks) input.shocks = clonePlain(arm.shocks);
  const found = scenarioProblems(input).problems;
  if (found.length === 0) return input;
  // Point at the override that set the field, else at the arm.
  const p = found[0];
  const key = Object.keys(arm.set).find((k) => startsWith(p.path ?? [], splitPath(k)));
  const field = p.path?.[0] === 'policies' && arm.policies ? 'policies' : p.path?.[0] === 'shocks' && arm.shocks ? 'shocks' : undefined;
  const path = key !== undefined ? [...at, 'set', key] : field ? [...at, field] : at;
  problems.push({ path, ...SM.badArm(arm.name, clause(p)) });
  return undefined;
}

const startsWith = (path: readonly PathSegment[], prefix: readonly string[]) =>
  prefix.length <= path.length && prefix.every((segment, i) => segment === String(path[i]));

const distinct = (column: ParameterValue[]) => [...new Set(column)];
/** The lowest and highest sampled value: a sampled range is checked at both ends. */
function extremes(column: ParameterValue[]): ParameterValue[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of column as number[]) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  return lo === hi ? [lo] : [lo, hi];
}

/**
 * Every swept value (grid) or both ends of every range (lhs, sobol) set alone into the
 * arm's input, checked in full. Returns the arm's parsed scenario when all pass.
 */
function checkValues(
  input: Record<string, unknown>,
  parameters: readonly string[],
  values: (column: ParameterValue[]) => ParameterValue[],
  points: readonly ParameterValue[][],
  armName: string | undefined,
  problems: LocatedProblem[],
): Scenario | undefined {
  const before = problems.length;
  parameters.forEach((path, j) => {
    for (const value of values(points.map((p) => p[j]))) {
      let found: LocatedProblem[];
      try {
        found = scenarioProblems(applySet(input, [assignment(path, value)], 'sweep.parameters') as Record<string, unknown>).problems;
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        found = [{ what: e.problems[0] }];
      }
      if (found.length > 0) {
        problems.push({ path: ['sweep', 'parameters', path], ...SM.badValue(path, value, armName, clause(found[0])) });
        return; // one bad value per parameter is enough to fix
      }
    }
  });
  return problems.length > before ? undefined : scenarioProblems(input).scenario;
}

/**
 * Every design point set into the arm's parsed scenario and checked against the rules
 * that span fields. Values are written in place into one copy (no parse per point), which
 * equals parsing the point's input when every swept path names a value that exists and is
 * not a `kind`; otherwise each point is parsed in full.
 */
function checkPoints(
  parsed: Scenario,
  input: Record<string, unknown>,
  parameters: readonly string[],
  points: readonly ParameterValue[][],
  armName: string | undefined,
  problems: LocatedProblem[],
): void {
  const segments = parameters.map((path) => {
    const resolved = resolvePath(path, parsed);
    return 'segments' in resolved ? resolved.segments : undefined;
  });
  const inPlace = segments.every((seg) => seg !== undefined && seg[seg.length - 1] !== 'kind' && valueAt(parsed, seg) !== undefined);
  const work = clonePlain(parsed);
  let failing = 0;
  let first: { point: number; problem: Problem } | undefined;
  points.forEach((values, point) => {
    let found: Problem[];
    if (inPlace) {
      segments.forEach((seg, j) => setAtPathInPlace(work as unknown as Record<string, unknown>, seg!, values[j]));
      found = crossFieldProblems(work, input);
    } else {
      found = scenarioProblems(applySet(input, parameters.map((p, j) => assignment(p, values[j])), 'sweep.parameters') as Record<string, unknown>).problems;
    }
    if (found.length === 0) return;
    failing++;
    first ??= { point, problem: found[0] };
  });
  if (!first) return;
  const { point, problem } = first;
  const field = fieldName(problem.path ?? []);
  const swept = parameters.find((p) => field === p || field.startsWith(`${p}.`)) ?? parameters[0];
  const shown = ruleParameters(parameters, problem, field, swept);
  const values = parameters.flatMap((p, j) => (shown.has(p) ? [assignment(p, points[point][j])] : []));
  problems.push({ path: ['sweep', 'parameters', swept], ...SM.badPoints(failing, points.length, point, values, parameters.length - shown.size, armName, clause(problem)) });
}

/**
 * The swept parameters a broken rule is about: the field it is reported on and every swept
 * path its message names as a whole path (a cross-field rule names both fields); at least
 * the parameter it is filed under.
 */
function ruleParameters(parameters: readonly string[], problem: Problem, field: string, swept: string): Set<string> {
  const text = `${problem.what} ${problem.fix ?? ''}`;
  const named = (p: string) => new RegExp(`(^|[^\\w.])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w]|\\.\\w)`).test(text);
  return new Set(parameters.filter((p) => p === swept || field === p || field.startsWith(`${p}.`) || named(p)));
}
