/**
 * Robustness of a sweep's policy arms over its futures (design points): validates the
 * request against the sweep and computes paired regret and satisficing (regret.ts).
 */
import { UsageError } from '../cli/usage-error';
import { higherIsBetter } from '../stats/outcome-direction';
import { meets, parseCondition } from './condition';
import { analysisMessages as msg } from './messages';
import { robustness, type ArmRobustness, type FutureArm, type FuturesInterval } from './regret';
import { RELIABLE_RUNS, type AnalysisInput } from './sweep-runs';

export interface RobustnessSpec {
  /** The outcome regret is measured on (default innovation_value_late). */
  outcome?: string;
  /** Satisficing target, e.g. `innovation_value_late >= 2` (any outcome). */
  target?: string;
  /** Leave out arms whose mean total policy cost per run exceeds this. */
  budget?: number;
  /** Default: lower is better for the outcomes in LOWER_IS_BETTER (src/stats/outcome-direction.ts), else higher. */
  better?: 'higher' | 'lower';
  resamples?: number;
  seed?: number;
}

export const DEFAULT_ROBUSTNESS_OUTCOME = 'innovation_value_late';
/** Outcomes where less is better: the one list the report's ranking also uses. */
export { LOWER_IS_BETTER } from '../stats/outcome-direction';

export interface ArmReport extends ArmRobustness {
  /** Mean total policy cost of the arm's runs (NaN when runs carry no policy_cost). */
  cost: number;
}

export interface RobustnessReport {
  outcome: string;
  better: 'higher' | 'lower';
  target: string | null;
  budget: number | null;
  /** Arms left out because they are conditions (they change the shocks), not options. */
  conditions: string[];
  /** Arms left out by the budget, with their cost. */
  over_budget: { arm: string; cost: number }[];
  futures: number;
  /** Each future (design point) named by its swept values, e.g. "openness 0.3", in point order. */
  future_labels: { point: number; label: string }[];
  /** Were intervals over futures computed (from MIN_FUTURES_FOR_INTERVAL futures on), and if not why. */
  interval: FuturesInterval;
  /** (future, seed) pairs in which every arm finished. */
  paired_cells: number;
  arms: ArmReport[];
  best_on_average: string;
  robust: string;
  minimax: string;
  never_worst: string[];
  per_future: FutureArm[];
  resamples: number;
  warning: string | null;
}

/** Validate and compute (throws UsageError on bad input). */
export function armRobustness(input: AnalysisInput, spec: RobustnessSpec): RobustnessReport {
  const outcome = spec.outcome ?? DEFAULT_ROBUSTNESS_OUTCOME;
  if (!input.outcomes.includes(outcome)) throw new UsageError(msg.unknownOutcome('--outcome', outcome, input.outcomes));
  const target = spec.target !== undefined ? parseCondition('--target', spec.target, input.outcomes) : null;
  if (spec.budget !== undefined && !(Number.isFinite(spec.budget) && spec.budget >= 0)) throw new UsageError(msg.badBudget(spec.budget));
  if (input.arms.length < 2) throw new UsageError(msg.fewArms(input.arms));
  // Only options are ranked: an arm that changes the shocks is a future, not a choice.
  const conditions = (input.conditions ?? []).filter((a) => input.arms.includes(a));
  const options = input.arms.filter((a) => !conditions.includes(a));
  if (options.length < 2) throw new UsageError(msg.conditionsLeaveFew(conditions, options));
  const cost = (arm: string) => {
    const xs = input.runs.filter((r) => r.arm === arm).map((r) => r.outcomes.policy_cost).filter(Number.isFinite);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
  };
  let arms = options;
  const overBudget: { arm: string; cost: number }[] = [];
  if (spec.budget !== undefined) {
    if (!input.outcomes.includes('policy_cost')) throw new UsageError(msg.noCost());
    for (const arm of options) if (cost(arm) > spec.budget) overBudget.push({ arm, cost: cost(arm) });
    arms = arms.filter((a) => !overBudget.some((o) => o.arm === a));
    if (arms.length < 2) throw new UsageError(msg.budgetLeavesFew(spec.budget, arms));
  }
  const better = spec.better ?? (higherIsBetter(outcome) ? 'higher' : 'lower');
  const resamples = spec.resamples ?? 1000;
  const result = robustness(
    input.runs.map((r) => ({ future: r.point, seed: r.seed, arm: r.arm, value: r.outcomes[outcome], targetValue: target ? r.outcomes[target.outcome] : undefined })),
    { arms, better, target: target ? (v) => meets(target, v) : undefined, resamples, seed: spec.seed ?? 1 },
  );
  if (!result) throw new UsageError(msg.noPairs());
  const runs = input.runs.filter((r) => arms.includes(r.arm)).length;
  const points = [...new Set(result.perFuture.map((p) => p.future))];
  return {
    outcome,
    better,
    target: target?.text ?? null,
    budget: spec.budget ?? null,
    conditions,
    over_budget: overBudget,
    futures: result.futures,
    future_labels: distinctLabels(points.map((point) => ({ point, label: futureLabel(input, point) }))),
    interval: result.interval,
    paired_cells: result.cells,
    arms: result.arms.map((a) => ({ ...a, cost: cost(a.arm) })),
    best_on_average: result.bestOnAverage,
    robust: result.robust,
    minimax: result.minimax,
    never_worst: result.neverWorst,
    per_future: result.perFuture,
    resamples: result.interval.resamples,
    // Regret is summarised over futures: too few futures is the first thing to say.
    warning: result.interval.method === 'none' ? msg.fewFutures(result.futures, result.interval.minFutures) : runs < RELIABLE_RUNS ? msg.fewRuns(runs) : null,
  };
}

/** "openness 0.3, proximity.social_closure 0.8": a point's swept values (3 significant digits); "point N" without any. */
function futureLabel(input: AnalysisInput, point: number): string {
  const run = input.runs.find((r) => r.point === point);
  const show = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(3))) : String(v));
  const parts = input.parameters.filter((p) => run && p in run.params).map((p) => `${p} ${show(run!.params[p])}`);
  return parts.length ? parts.join(', ') : `point ${point}`;
}

/** Rounded values can name two points alike: then each such label gets its point number. */
function distinctLabels(labels: { point: number; label: string }[]): { point: number; label: string }[] {
  const count = new Map<string, number>();
  for (const l of labels) count.set(l.label, (count.get(l.label) ?? 0) + 1);
  return labels.map((l) => (count.get(l.label)! > 1 ? { point: l.point, label: `${l.label} (point ${l.point})` } : l));
}
