/**
 * Robustness of a sweep's policy arms over its futures (design points): validates the
 * request against the sweep and computes paired regret and satisficing (regret.ts).
 */
import { UsageError } from '../cli/usage-error';
import { outcomeDirection } from '../stats/outcome-direction';
import { meets, parseCondition } from './condition';
import { analysisMessages as msg } from './messages';
import { robustness, type ArmRobustness, type FutureArm, type FuturesInterval, type OrderStatisticInterval, type RankingTest } from './regret';
import { RELIABLE_RUNS, type AnalysisInput } from './sweep-runs';

/** The censored recovery time (stats/sweep-stats.ts CENSORED_TIME; censoring in resilience_censored). */
const CENSORED_TIME = 'resilience_ticks';

export interface RobustnessSpec {
  /** The outcome regret is measured on (default innovation_value_late). */
  outcome?: string;
  /** Satisficing target, e.g. `innovation_value_late >= 2` (any outcome). */
  target?: string;
  /** Leave out arms whose mean total policy cost per run exceeds this. */
  budget?: number;
  /** Default: the outcome's direction in OUTCOME_DIRECTION (src/stats/outcome-direction.ts); required for an outcome without one. */
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
  /** The direction lrsim knows for the outcome (src/stats/outcome-direction.ts); null where neither is better or the column is unknown. */
  known_better: 'higher' | 'lower' | null;
  /** When --better contradicts known_better: the note that says so (the first sentence); else null. */
  better_note: string | null;
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
  /** The order statistics behind the 90th-percentile regret's interval (null without intervals). */
  quantile_interval: OrderStatisticInterval | null;
  /** (future, seed) pairs in which every arm finished. */
  paired_cells: number;
  /** Futures left out because no seed finished (with a defined outcome) in every arm, named as future_labels. */
  dropped_futures: { point: number; label: string }[];
  /** (future, seed) pairs left out because some arm did not finish there (or its outcome is undefined). */
  dropped_cells: number;
  arms: ArmReport[];
  best_on_average: string;
  robust: string;
  /** Arms exactly tied with best_on_average (the same mean outcome) and with robust (the same 90th-percentile, largest and mean regret). */
  tied: { best_on_average: string[]; robust: string[] };
  /** The fewest and most paired seeds of a future: with one, a future's arm means are single runs. */
  seeds_per_future: { min: number; max: number };
  minimax: string;
  never_worst: string[];
  /** The best arm on average and the robust arm against their runners-up (paired over futures). */
  ranking: { best_on_average: RankingTest; robust: RankingTest };
  per_future: FutureArm[];
  resamples: number;
  warning: string | null;
  /** `--shard index/count` when the directory holds one shard of a sweep; null for a whole sweep. */
  shard: { index: number; count: number } | null;
  /** With a shard: that the results cover its runs only, and the merge to run. */
  shard_warning: string | null;
}

/** `--budget` as typed: a number of at least 0, or a UsageError showing the text. */
export function parseBudget(raw: unknown): number {
  const text = Array.isArray(raw) ? raw.map(String).join(' ') : String(raw).trim();
  const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (Array.isArray(raw) || !(Number.isFinite(value) && value >= 0)) throw new UsageError(msg.badBudget(text));
  return value;
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
  // Runs of the compared arms: an outcome (or target) undefined in all of them, or a
  // censored recovery time, has no mean to rank arms on.
  const compared = input.runs.filter((r) => arms.includes(r.arm));
  const defined = (name: string) => compared.filter((r) => Number.isFinite(r.outcomes[name])).length;
  if (defined(outcome) === 0) throw new UsageError(msg.outcomeUndefined('--outcome', outcome, compared.length));
  // An arm in which the outcome is undefined in every run (value_per_cost of an arm without
  // cost) leaves no seed with every arm: name that cause, not an unfinished sweep.
  const empty = arms.filter((a) => !compared.some((r) => r.arm === a && Number.isFinite(r.outcomes[outcome])));
  if (empty.length) throw new UsageError(msg.outcomeUndefinedInArms('--outcome', outcome, empty, arms));
  refuseCensored('--outcome', outcome, compared);
  if (target) {
    const known = defined(target.outcome);
    if (known < compared.length) throw new UsageError(msg.targetUndefined(target.text, target.outcome, compared.length - known, compared.length));
    refuseCensored('--target', target.outcome, compared, target.text);
  }
  // Neither direction is better in itself for a share, a timing or a spread (or a column
  // the direction table does not know): the user says which, rather than a silent default.
  const direction = outcomeDirection(outcome);
  if (spec.better === undefined && (direction === null || direction === 'none')) throw new UsageError(msg.noDirection(outcome, direction === null));
  const better = spec.better ?? (direction === 'lower' ? 'lower' : 'higher');
  // A --better against the known direction reverses the advice: followed, as asked, but said.
  const known = direction === 'higher' || direction === 'lower' ? direction : null;
  const resamples = spec.resamples ?? 1000;
  const result = robustness(
    input.runs.map((r) => ({ future: r.point, seed: r.seed, arm: r.arm, value: r.outcomes[outcome], targetValue: target ? r.outcomes[target.outcome] : undefined })),
    { arms, better, target: target ? (v) => meets(target, v) : undefined, resamples, seed: spec.seed ?? 1 },
  );
  if (!result) throw new UsageError(msg.noPairs());
  const runs = input.runs.filter((r) => arms.includes(r.arm)).length;
  const points = [...new Set(result.perFuture.map((p) => p.future))];
  const labels = distinctLabels([...points, ...result.droppedFutures].map((point) => ({ point, label: futureLabel(input, point) })));
  return {
    outcome,
    better,
    known_better: known,
    better_note: known && better !== known ? msg.betterContradicts(outcome, better, known) : null,
    target: target?.text ?? null,
    budget: spec.budget ?? null,
    conditions,
    over_budget: overBudget,
    futures: result.futures,
    future_labels: labels.slice(0, points.length),
    interval: result.interval,
    quantile_interval: result.quantileInterval,
    paired_cells: result.cells,
    dropped_futures: labels.slice(points.length),
    dropped_cells: result.droppedCells,
    arms: result.arms.map((a) => ({ ...a, cost: cost(a.arm) })),
    best_on_average: result.bestOnAverage,
    robust: result.robust,
    tied: { best_on_average: tiedWith(result.arms, result.bestOnAverage, ['meanOutcome']), robust: tiedWith(result.arms, result.robust, ['p90Regret', 'maxRegret', 'meanRegret']) },
    seeds_per_future: { min: Math.min(...result.perFuture.map((p) => p.seeds)), max: Math.max(...result.perFuture.map((p) => p.seeds)) },
    minimax: result.minimax,
    never_worst: result.neverWorst,
    ranking: { best_on_average: result.ranking.bestOnAverage, robust: result.ranking.robust },
    per_future: result.perFuture,
    resamples: result.interval.resamples,
    // Regret is summarised over futures: too few futures is the first thing to say.
    warning: result.interval.method === 'none' ? msg.fewFutures(result.futures, result.interval.minFutures) : runs < RELIABLE_RUNS ? msg.fewRuns(runs) : null,
    shard: input.shard ?? null,
    shard_warning: input.shard ? msg.shardOnly('this directory', input.shard, 'robustness') : null,
  };
}

/**
 * A recovery time is censored where a run had not recovered when it ended (it holds its
 * censoring time, a lower bound): its mean, and whether a future's mean meets a threshold,
 * are unknown. Refused when any compared run is censored, or when censoring is not recorded.
 */
function refuseCensored(option: '--outcome' | '--target', outcome: string, runs: AnalysisInput['runs'], text?: string): void {
  if (outcome !== CENSORED_TIME) return;
  const timed = runs.filter((r) => Number.isFinite(r.outcomes[CENSORED_TIME]));
  const censored = timed.filter((r) => !(r.outcomes.resilience_censored === 0)).length;
  if (censored > 0) throw new UsageError(msg.censoredTime(option, text ?? outcome, censored, timed.length));
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

/** The other arms whose statistics at `keys` equal the leader's exactly (a tie the ranking's order would otherwise break by report order). */
function tiedWith(arms: readonly ArmRobustness[], leader: string, keys: readonly ('meanOutcome' | 'p90Regret' | 'maxRegret' | 'meanRegret')[]): string[] {
  const l = arms.find((a) => a.arm === leader)!;
  return arms.filter((a) => a.arm !== leader && keys.every((k) => a[k] === l[k])).map((a) => a.arm);
}
