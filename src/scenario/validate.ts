/**
 * Validation of merged scenario data, the one check behind `lrsim validate`, `run` and
 * `sweep`: the scenario's own problems (problems.ts), then its sweep design and arms
 * (sweep-rules.ts). Every problem becomes one line pointing at the file, line and column
 * the value came from; at most MAX_PROBLEMS_SHOWN lines, then a count of the rest.
 */
import { scenarioMessages as M, ScenarioError, formatProblem, type Location, type PathSegment, type Problem } from './errors';
import { scenarioProblems, type LocatedProblem } from './problems';
import type { Policy, Scenario, Shock } from './schema';
import { sweepProblems } from './sweep-rules';

/** Finds where the value at `path` was written (`key`: point at the key itself). */
export type Locator = (path: readonly PathSegment[], key?: boolean) => Location | undefined;

/** The parsed scenario, or a ScenarioError listing its problems (first in file order). */
export function validateScenarioData(data: Record<string, unknown>, locate: Locator): Scenario {
  const { scenario, problems } = scenarioProblems(data);
  const all = scenario ? sweepProblems(scenario, data) : problems;
  if (scenario && all.length === 0) return scenario;
  // zod can report one value twice (1e308 is above the maximum and not a safe integer).
  throw new ScenarioError([...new Set(locateAll(all, locate).map(formatProblem))]);
}

/** Problems with their locations, sorted by file position (linear in the number of problems, plus the sort). */
function locateAll(problems: readonly LocatedProblem[], locate: Locator): Problem[] {
  const located = problems.map((p) => ({ ...p, location: p.location ?? locate(p.at ?? p.path ?? [], p.key) }));
  return located.sort(byLocation);
}

function byLocation(a: Problem, b: Problem): number {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb) return la ? -1 : lb ? 1 : 0;
  if (la.source !== lb.source) return 0; // keep schema order across files
  return (la.line ?? Infinity) - (lb.line ?? Infinity) || (la.col ?? 0) - (lb.col ?? 0);
}

/**
 * Lines for stderr about valid settings that are probably not meant: a policy or shock
 * that starts at or after the last tick never takes effect.
 */
export function scenarioWarnings(s: Scenario, locate: Locator): string[] {
  const warnings: Problem[] = [];
  const policies = (list: readonly Policy[], base: PathSegment[]) =>
    list.forEach((p, i) => {
      if (p.start >= s.ticks) warnings.push({ path: [...base, i, 'start'], ...M.policyAfterEnd(p.start, s.ticks) });
    });
  const shocks = (list: readonly Shock[], base: PathSegment[]) =>
    list.forEach((shock, i) => {
      if (shock.tick >= s.ticks) warnings.push({ path: [...base, i, 'tick'], ...M.shockAfterEnd(shock.tick, s.ticks) });
    });
  policies(s.policies, ['policies']);
  shocks(s.shocks, ['shocks']);
  (s.arms ?? []).forEach((arm, i) => {
    if (arm.policies) policies(arm.policies, ['arms', i, 'policies']);
    if (arm.shocks) shocks(arm.shocks, ['arms', i, 'shocks']);
  });
  return locateAll(warnings, locate).map((w) => `warning: ${formatProblem(w)}`);
}
