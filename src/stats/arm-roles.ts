/**
 * Which arms of a sweep are options (choices a decision maker can make: a policy, or none)
 * and which are conditions (an arm that changes the shocks the region meets: a future to
 * compare against, not a choice). Every "which arm is best" statement (the ranking, the
 * robustness section, `lrsim robustness`) ranks options only; contrasts still compare
 * every pair of arms, since the effect of a shock is worth measuring.
 */
import type { ScenarioLike } from './records';

export interface ArmRoles {
  /** Arms that are choices, in the given order. */
  options: string[];
  /** Arms whose shocks differ from the scenario's own, in the given order. */
  conditions: string[];
}

/** JSON with object keys sorted, so two equal shock lists compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Splits `arms` (names as in the runs) into options and conditions: an arm's own `role`
 * decides when it has one; otherwise an arm is a condition when it sets `shocks` (which
 * replace the scenario's) to anything other than the scenario's own shocks. (An arm that
 * changes the environment through `set`, say frontier speed, cannot be told from a policy
 * lever by its parameters: `role: condition` says so.) Arms the scenario does not define
 * are options.
 * @example armRoles({ arms: [{ name: 'no_shock' }, { name: 'shock', shocks: [{ tick: 100 }] }] }, ['no_shock', 'shock']) // options ['no_shock'], conditions ['shock']
 */
export function armRoles(scenario: ScenarioLike, arms: readonly string[]): ArmRoles {
  const own = canonical((scenario as { shocks?: unknown[] }).shocks ?? []);
  const defined = (scenario.arms ?? []) as { name: string; shocks?: unknown[]; role?: 'option' | 'condition' }[];
  const condition = (a: (typeof defined)[number]) => (a.role ? a.role === 'condition' : a.shocks !== undefined && canonical(a.shocks) !== own);
  const isCondition = new Set(defined.filter(condition).map((a) => a.name));
  return { options: arms.filter((a) => !isCondition.has(a)), conditions: arms.filter((a) => isCondition.has(a)) };
}
