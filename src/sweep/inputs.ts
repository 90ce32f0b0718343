/**
 * The scenario input of each run: the loaded scenario (merged, before defaults) with the
 * arm's overrides and then the point's values applied as `--set` assignments, so a swept
 * path is checked exactly like `--set` (unknown settings get a "did you mean"). Point
 * values are applied last: where an arm and the design set the same path, the design wins.
 */
import type { Arm } from '../scenario/schema';
import { clonePlain } from '../scenario/merge';
import { applySet } from '../scenario/set';
import { validateScenarioData } from '../scenario/validate';
import type { Design, ParameterValue } from './design';

export interface ArmInput { name: string; input: Record<string, unknown> }

/** The arm used when a scenario lists no arms. */
export const DEFAULT_ARM = 'default';

const assignments = (entries: [string, unknown][]) => entries.map(([path, v]) => `${path}=${JSON.stringify(v)}`);

/**
 * An arm as `--set` assignments (its settings, then its policies and shocks when it lists
 * them): what `lrsim run --arm NAME` adds to the scenario, the same input armInputs builds.
 */
export function armAssignments(arm: Arm): string[] {
  return [
    ...assignments(Object.entries(arm.set)),
    ...(arm.policies ? [`policies=${JSON.stringify(arm.policies)}`] : []),
    ...(arm.shocks ? [`shocks=${JSON.stringify(arm.shocks)}`] : []),
  ];
}

/** One input per arm (the sweep and arms blocks removed: a run is a plain scenario). */
export function armInputs(raw: Record<string, unknown>, arms: readonly Arm[] | undefined): ArmInput[] {
  const base = clonePlain(raw);
  delete base.sweep;
  delete base.arms;
  if (!arms || arms.length === 0) return [{ name: DEFAULT_ARM, input: base }];
  return arms.map((arm) => {
    const input = applySet(base, assignments(Object.entries(arm.set)), `arms.${arm.name}.set`) as Record<string, unknown>;
    if (arm.policies) input.policies = clonePlain(arm.policies);
    if (arm.shocks) input.shocks = clonePlain(arm.shocks);
    return { name: arm.name, input };
  });
}

/** The input of one run: the arm's input with the point's values set. */
export function runInput(arm: ArmInput, parameters: readonly string[], values: readonly ParameterValue[]): Record<string, unknown> {
  if (parameters.length === 0) return arm.input;
  return applySet(arm.input, assignments(parameters.map((p, j) => [p, values[j]])), 'sweep.parameters') as Record<string, unknown>;
}

/**
 * Checks the design before any run starts: every arm, and every swept path with each of
 * its values (grid) or its lowest and highest sampled value (lhs, sobol), in every arm.
 * Scenario validation (src/scenario/sweep-rules.ts) has already refused any design point
 * that breaks a rule, except for a design read from a file (`design: file`), which it
 * cannot see: this check covers its values, and a combination of a file's values that
 * breaks a rule spanning two fields fails as a run, recorded with its reason.
 */
export function checkDesign(design: Design, arms: readonly ArmInput[]): void {
  for (const arm of arms) {
    validateScenarioData(arm.input, () => ({ source: `arms: ${arm.name}` }));
    design.parameters.forEach((path, j) => {
      for (const value of valuesToCheck(design, j)) {
        const input = runInput(arm, [path], [value]);
        const where = `sweep.parameters ${path}=${JSON.stringify(value)}${arms.length > 1 ? ` (arm ${arm.name})` : ''}`;
        validateScenarioData(input, () => ({ source: where }));
      }
    });
  }
}

function valuesToCheck(design: Design, j: number): ParameterValue[] {
  const column = design.points.map((p) => p[j]);
  if (design.kind === 'grid') return [...new Set(column)];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of column as number[]) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  return lo === hi ? [lo] : [lo, hi];
}
