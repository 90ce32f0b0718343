/**
 * Every user-facing message of scenario discovery and robustness (`lrsim discover`,
 * `lrsim robustness` and their report sections), in one place. Errors are one line and
 * say how to fix the input.
 */
import { didYouMean } from '../scenario/did-you-mean';

const list = (names: readonly string[]) => names.join(', ');
/** Outcomes that only a run with a shock has. */
const shockOutcome = (outcome: string) => outcome === 'drop_ratio' || outcome.startsWith('resilience');
const NO_COST = 'value_per_cost is missing where an arm has no policy cost';

/** Shows where in an expression the problem is: the text with ^ before the bad character. */
export function pointAt(text: string, column: number): string {
  return `${text.slice(0, column)}^${text.slice(column)}`;
}

export const analysisMessages = {
  notSweep: (dir: string) => `${dir}: no runs.ndjson and manifest.json here; give the directory a sweep wrote (lrsim sweep NAME --out DIR)`,
  unfinished: (dir: string, status: string, finish: string) =>
    `${dir}: the sweep is not finished (status "${status}" in manifest.json); finish it with ${finish}, then run this again`,
  noRuns: (dir: string) => `${dir}: no run finished in this sweep, so there is nothing to analyse`,
  noParameters: (dir: string) =>
    `${dir}: the sweep has no swept parameters (sweep.parameters is empty), so there are no conditions to discover; sweep some, e.g. with design: lhs`,
  unknownOutcome: (option: string, name: string, available: readonly string[]) => {
    const guess = didYouMean(name, available);
    return `${option}: "${name}" is not an outcome in runs.csv${guess ? `; did you mean "${guess}"?` : ''} (available: ${list(available)})`;
  },
  notBinary: (outcome: string, example: string) =>
    `--outcome ${outcome}: not a 0/1 outcome, so it does not say which runs are the cases of interest; add a threshold, e.g. --where '${example}'`,
  noOutcome: () => `name the runs of interest with --outcome (a 0/1 outcome such as locked_in) or --where, e.g. --where 'innovation_value_late < 1'`,
  badExpression: (option: string, text: string, column: number, what: string) =>
    `${option} "${text}": ${what} at character ${column + 1} (${pointAt(text, column)}); write OUTCOME OP NUMBER with OP one of < <= > >= == !=, e.g. 'innovation_value_late < 1'`,
  unknownArm: (name: string, arms: readonly string[]) => {
    const guess = didYouMean(name, arms);
    return `--arm ${name}: no such arm in this sweep${guess ? `; did you mean "${guess}"?` : ''} (arms: ${list(arms)})`;
  },
  oneClass: (what: string, cases: number, rows: number, leftOut: string | null) =>
    `${what}: ${cases} of ${rows} runs are cases of interest${leftOut ? ` (${leftOut})` : ''}; discovery needs both cases and other runs: choose another threshold`,
  badBox: (k: unknown, last: number) => `--box ${String(k)}: choose a box of the trajectory, a whole number from 0 to ${last} (see trajectory.csv)`,
  badPeel: (value: unknown) => `--peel ${String(value)}: write a share above 0 and below 0.5, e.g. --peel 0.05`,
  fewArms: (arms: readonly string[]) =>
    `the sweep has ${arms.length === 1 ? 'one arm' : 'no arms'}${arms.length ? ` (${list(arms)})` : ''}; robustness compares policy arms: add arms: to the scenario`,
  conditionsLeaveFew: (conditions: readonly string[], options: readonly string[]) =>
    `the arm${conditions.length === 1 ? '' : 's'} ${list(conditions)} change${conditions.length === 1 ? 's' : ''} the shocks (a condition to compare against, not an option to choose), which leaves ${options.length === 0 ? 'no option' : `only ${list(options)}`}; robustness ranks at least two options: add policy arms that share the scenario's shocks`,
  budgetLeavesFew: (budget: number, kept: readonly string[]) =>
    `--budget ${budget}: leaves ${kept.length === 0 ? 'no arm' : `only ${list(kept)}`} within budget; robustness needs at least two arms: raise the budget`,
  noCost: () => `--budget: the runs carry no policy_cost outcome, so arm costs are unknown; run the sweep with this lrsim version, or leave out --budget`,
  badBudget: (value: unknown) => `--budget ${String(value)}: write a number of at least 0 (the total policy cost of a run), e.g. --budget 300`,
  noDirection: (outcome: string, unknown: boolean) =>
    `--outcome ${outcome}: ${unknown ? 'lrsim does not know whether a higher or a lower value of this column is better' : 'neither a higher nor a lower value is better in itself (a share, a timing or a spread)'}, so arms cannot be ranked on it by default; say which with --better higher or --better lower`,
  noPairs: () => `no seed was run in every arm of a design point, so no paired regret can be computed; resume the sweep until its arms are complete`,

  // --- warnings (not errors) ---------------------------------------------------------
  fewFutures: (futures: number, needed: number) =>
    `warning: only ${futures} ${futures === 1 ? 'future' : 'futures'} (design points); regret and satisficing are given per future, without intervals or SD across futures, which need at least ${needed} futures: sweep more points (sweep.samples of an lhs or sobol design, more levels of a grid) before reading them as holding beyond these futures`,
  fewRuns: (runs: number) =>
    `warning: only ${runs} runs; scenario discovery and regret are unreliable below 50 runs: sweep more points (sweep.samples of an lhs or sobol design, more levels of a grid) before reading much into the boxes`,

  // --- scenario discovery (lrsim discover) ------------------------------------------
  undefinedEverywhere: (option: string, outcome: string, runs: number, arm: string | null) =>
    `${option}: ${outcome} is undefined in every one of the ${runs} runs${arm ? ` of the ${arm} arm` : ''} (e.g. a recovery outcome in a sweep without a shock), so there are no cases to discover: choose an outcome these runs have`,
  censoredCondition: (condition: string, undecided: number, runs: number, minFollow: number, maxFollow: number) =>
    `--where '${condition}': ${undecided} of ${runs} runs had not recovered when they ended (resilience_censored = 1, followed for ${minFollow === maxFollow ? minFollow : `${minFollow} to ${maxFollow}`} ticks), so whether ${condition} holds for them is unknown; use a threshold of at most ${minFollow} ticks, or ask which runs never recovered with --where 'resilience_censored == 1'`,
  fewFuturesDiscovery: (futures: number, runs: number) =>
    `warning: only ${futures} ${futures === 1 ? 'future' : 'futures'} (design points; ${runs} runs); scenario discovery is unreliable below 50 futures however many seeds each runs, because replicate runs of one future agree: sweep more points (sweep.samples of an lhs or sobol design, more levels of a grid) before reading much into the boxes`,
  resultsExist: (dir: string, command: 'discover' | 'robustness') =>
    `${dir} already holds the results of an earlier lrsim ${command}; add --force to replace them (or move them away first)`,
  /**
   * Runs a discovery leaves out because its outcome is undefined in them, and why: the arms
   * in which every run lacks it, and the cause lrsim knows for the outcome.
   */
  undefinedLeftOut: (outcome: string, runs: number, of: number, emptyArms: readonly string[], emptyArmRuns: number) => {
    const arms = `the ${list(emptyArms)} arm${emptyArms.length === 1 ? '' : 's'}`;
    const where = emptyArms.length === 0 ? 'in them' : emptyArmRuns === runs ? `in every run of ${arms}` : `in them (every run of ${arms} and ${runs - emptyArmRuns} other${runs - emptyArmRuns === 1 ? '' : 's'})`;
    const cause =
      outcome === 'value_per_cost' ? NO_COST : outcome === 'drop_ratio' ? 'drop_ratio is missing in a run without a shock, or with no innovation value in the 20 ticks before it' : shockOutcome(outcome) ? `${outcome} is missing in a run without a shock` : null;
    return `the other ${runs} of the ${of} runs are left out, as ${outcome} is undefined (empty) ${where}${cause ? `: ${cause}` : ''}`;
  },
  /** A shard's directory holds only its runs: its results are not the sweep's (stderr and the written results). */
  shardOnly: (where: string, shard: { index: number; count: number }, command: 'discover' | 'robustness') =>
    `warning: ${where} holds shard ${shard.index} of the shards 0 to ${shard.count - 1} of the sweep (--shard ${shard.index}/${shard.count}), so these results cover that shard's runs only, not the sweep's; merge the ${shard.count} shards (lrsim merge SHARD_DIR... --out DIR) and run lrsim ${command} DIR on the merged directory for the whole sweep`,
  /** --better against the direction lrsim knows for the outcome (src/stats/outcome-direction.ts): said, not silently followed. */
  betterContradicts: (outcome: string, better: 'higher' | 'lower', known: 'higher' | 'lower') =>
    `Note: --better ${better} ranks the arms with a ${better} ${outcome} as better, against lrsim's own classification of ${outcome} (a ${known} value is better; src/stats/outcome-direction.ts), so the ranking below is reversed from the default; leave out --better to rank ${known} values first.`,
  notANumber: (option: string, text: string, example: string) => `${option} ${text}: not a number; write e.g. ${option} ${example}`,
  badStability: (value: unknown) => `--stability ${String(value)}: write a whole number of bootstrap resamples from 0 (off) to 10000, e.g. --stability 200`,
  // --- robustness (audit D) -------------------------------------------------------------
  noFutures: (dir: string) =>
    `${dir}: the sweep has no swept parameters (sweep.parameters is empty), so it has one future and robustness across futures has nothing to compare; sweep the uncertain conditions, e.g. with design: lhs, and give the policies as arms`,
  outcomeUndefined: (option: string, outcome: string, runs: number) =>
    `${option} ${outcome}: undefined (empty) in every one of the ${runs} runs of the compared arms${shockOutcome(outcome) ? ' (the sweep has no shock)' : ''}, so arms cannot be ranked on it: choose an outcome the runs have`,
  outcomeUndefinedInArms: (option: string, outcome: string, empty: readonly string[], arms: readonly string[]) =>
    `${option} ${outcome}: undefined (empty) in every run of the ${list(empty)} arm${empty.length === 1 ? '' : 's'}${outcome === 'value_per_cost' ? ` (${NO_COST})` : ''}, so no seed has a value in every compared arm (${list(arms)}) and arms cannot be ranked on it: choose an outcome every arm has`,
  targetUndefined: (text: string, outcome: string, missing: number, runs: number) =>
    `--target "${text}": ${outcome} is undefined (empty) in ${missing === runs ? `every one of the ${runs}` : `${missing} of the ${runs}`} runs of the compared arms${shockOutcome(outcome) ? ' (no shock in those runs)' : ''}, so whether a future meets the target is unknown: set the target on an outcome every run has`,
  censoredTime: (option: string, text: string, censored: number, runs: number) =>
    `${option} ${text.includes(' ') ? `"${text}"` : text}: ${censored} of the ${runs} runs with a recovery time had not recovered when they ended, so their resilience_ticks is a lower bound (censored), not a time, and neither a mean nor a threshold on it is known; use resilience_censored (0/1, not recovered by the end), e.g. --outcome resilience_censored or --target 'resilience_censored < 0.5', and for recovery times the Kaplan-Meier survival rows of the sweep's stats.csv`,
} as const;
