/**
 * Scenario discovery on a sweep's runs (Bryant and Lempert 2010): which combinations of
 * swept conditions hold the runs of interest (locked in; late value below 1; ...)? PRIM
 * gives the peeling trajectory and a chosen, pasted box with a quasi-p-value per
 * restriction; a shallow CART tree is the second view. Pure: the same runs give the same
 * result.
 */
import { UsageError } from '../cli/usage-error';
import { boxLimits, boxStats, fullBox, membership, restrictedInputs, type Box } from './box';
import { CART_MAX_DEPTH, defaultMinLeaf, fitTree, type TreeNode } from './cart';
import { meets, parseCondition } from './condition';
import seedrandom from 'seedrandom';
import { buildDataset, type Dataset, type LabelledRow } from './dataset';
import { analysisMessages as msg } from './messages';
import { defaultChoice, paste, peelingTrajectory, PrimData, PRIM_DEFAULTS, type PrimOptions } from './prim';
import { quasiPTests, quasiPValues } from './quasi-p';
import { isBinary, RELIABLE_RUNS, type AnalysisInput, type AnalysisRun } from './sweep-runs';

/**
 * Fewer design points (futures) than this: discovery is flagged as unreliable. Futures,
 * not runs: replicate runs of one future agree strongly, so 2 futures x 50 seeds are
 * still 2 observations of how the conditions matter.
 */
export const RELIABLE_FUTURES = 50;

/** Inputs with at most this many distinct values are described by the values inside the box (a grid's levels). */
export const LISTED_VALUES = 12;

/**
 * The censored recovery time (stats/sweep-stats.ts CENSORED_TIME): a run that had not
 * recovered when it ended holds its follow-up time, a lower bound, with its censoring flag.
 */
const CENSORED_TIME = 'resilience_ticks';
const CENSORED_FLAG = 'resilience_censored';

export interface DiscoverySpec {
  /** A 0/1 outcome (default locked_in) ... */
  outcome?: string;
  /** ... or a condition on any outcome, e.g. `innovation_value_late < 1`. */
  where?: string;
  /** Only this arm's runs (default: all, with the arm as a categorical input). */
  arm?: string;
  /** Index of the trajectory box to paste and report (default: largest coverage x density). */
  box?: number;
  prim?: PrimOptions;
  /** Keep restrictions with a quasi-p-value above WEAK_QUASI_P (default: drop them). */
  keepWeak?: boolean;
  /** Bootstrap resamples of the futures for the stability of each restriction (default 0: none). */
  stability?: number;
  /** Called once every option is checked, before the long work (the stability bootstrap): may throw to stop. */
  checked?: () => void;
}

/** The seed of the bootstrap over futures (fixed: the same sweep gives the same shares). */
export const STABILITY_SEED = 'lrsim discover stability';

/**
 * Restrictions whose quasi-p-value is above this are dropped from the reported box, the
 * weakest first: with few runs PRIM also peels single rows off inputs that do not matter,
 * and such a restriction only makes the box harder to read (Bryant and Lempert 2010
 * drop them by hand; EMA Workbench's PrimBox.drop_restriction).
 */
export const WEAK_QUASI_P = 0.1;

/** Drops weak restrictions in place, one at a time (largest quasi-p first); returns the inputs dropped. */
function dropWeakRestrictions(data: Dataset, box: Box, full: Box, threshold: number): number[] {
  const dropped: number[] = [];
  for (;;) {
    const restricted = restrictedInputs(box, full);
    const qp = quasiPValues(data, box, restricted);
    let weakest = -1;
    qp.forEach((p, k) => {
      if (p > threshold && (weakest < 0 || p > qp[weakest])) weakest = k;
    });
    if (weakest < 0) return dropped;
    const j = restricted[weakest];
    box.lo[j] = full.lo[j];
    box.hi[j] = full.hi[j];
    if (full.allowed[j]) box.allowed[j] = full.allowed[j]!.slice();
    dropped.push(j);
  }
}

export type Limits = Record<string, [number, number] | string[]>;

export interface BoxRecord {
  index: number;
  coverage: number;
  density: number;
  mass: number;
  rows: number;
  /** Design points (futures) with runs in the box. */
  points: number;
  cases: number;
  restricted: string[];
  limits: Limits;
  /** The reported box was pasted from this one (and weak restrictions dropped): its own numbers differ. */
  reported_from: boolean;
}

export interface ChosenBox extends Omit<BoxRecord, 'index' | 'reported_from'> {
  /** The trajectory box it was pasted from. */
  from: number;
  /** Quasi-p-value of each restricted input (binomial-type test over design points, quasi-p.ts). */
  quasi_p: Record<string, number>;
  /** Restrictions dropped because their quasi-p-value was above WEAK_QUASI_P. */
  dropped: string[];
  /**
   * With --stability B: B bootstrap resamples of the design points (seeded), each run through
   * the same steps (default box, pasting, dropping weak restrictions); `used` resamples had
   * both cases and other runs; `share[input]`: the share of those in which the reported box
   * restricts the input.
   */
  stability: { resamples: number; used: number; share: Record<string, number> } | null;
}

export interface DiscoveryResult {
  /** The runs of interest, e.g. "locked_in == 1". */
  cases_are: string;
  arm: string | null;
  rows: number;
  /** Design points (futures) among the rows. */
  futures: number;
  /**
   * The unit of the quasi-p-values, the tree's leaves, the warning and the stability
   * bootstrap: 'run' on a fixed design (grid, file), 'future' (design point) on a sampled one.
   */
  unit: 'run' | 'future';
  cases: number;
  /** Runs left out because the outcome is undefined (NaN) in them. */
  undefined_outcome: number;
  /** Arms in which the outcome is undefined in every run (all their runs are among undefined_outcome). */
  undefined_outcome_arms: string[];
  /** The sentence that says how many runs were left out as undefined, and why; null when none were. */
  undefined_outcome_note: string | null;
  /** Runs whose recovery was censored after the threshold, so the condition is decided for them (resilience_ticks only). */
  censored_decided: number;
  /** `values`: the distinct values of a numeric input with at most LISTED_VALUES of them (a grid's levels). */
  inputs: { name: string; kind: 'numeric' | 'categorical'; range?: [number, number]; levels?: string[]; values?: number[] }[];
  prim: Required<PrimOptions>;
  trajectory: BoxRecord[];
  chosen: ChosenBox;
  tree: TreeNode;
  tree_max_depth: number;
  /** Fewest units (runs on a fixed design, design points on a sampled one: `unit`) in a leaf of the tree. */
  tree_min_leaf_points: number;
  warning: string | null;
  /** `--shard index/count` when the directory holds one shard of a sweep; null for a whole sweep. */
  shard: { index: number; count: number } | null;
  /** With a shard: that the results cover its runs only, and the merge to run. */
  shard_warning: string | null;
}

/** The outcome used when neither --outcome nor --where is given. */
export const DEFAULT_DISCOVERY_OUTCOME = 'locked_in';

/** Validate the request against the sweep and run PRIM and CART (throws UsageError on bad input). */
export function discoverScenarios(input: AnalysisInput, spec: DiscoverySpec): DiscoveryResult {
  const condition = spec.where !== undefined ? parseCondition('--where', spec.where, input.outcomes) : null;
  const outcome = condition ? condition.outcome : (spec.outcome ?? DEFAULT_DISCOVERY_OUTCOME);
  if (!condition && !input.outcomes.includes(outcome)) throw new UsageError(msg.unknownOutcome('--outcome', outcome, input.outcomes));
  if (spec.arm !== undefined && !input.arms.includes(spec.arm)) throw new UsageError(msg.unknownArm(spec.arm, input.arms));
  const runs = input.runs.filter((r) => spec.arm === undefined || r.arm === spec.arm);
  const casesAre = condition ? condition.text : `${outcome} == 1`;
  const option = condition ? `--where '${condition.text}'` : `--outcome ${outcome}`;
  const defined = runs.filter((r) => !Number.isNaN(r.outcomes[outcome]));
  if (defined.length === 0) throw new UsageError(msg.undefinedEverywhere(option, outcome, runs.length, spec.arm ?? null));
  if (!condition && !isBinary(runs, outcome)) throw new UsageError(msg.notBinary(outcome, `${outcome} < ${exampleThreshold(runs.map((r) => r.outcomes[outcome]))}`));
  const censoring = condition && outcome === CENSORED_TIME ? censoredRuns(condition, defined) : null;
  if (censoring && censoring.undecided.length) {
    const follow = censoring.undecided.map((r) => r.outcomes[CENSORED_TIME]);
    throw new UsageError(msg.censoredCondition(condition!.text, censoring.undecided.length, defined.length, Math.min(...follow), Math.max(...follow)));
  }
  const withArm = spec.arm === undefined && new Set(defined.map((r) => r.arm)).size > 1;
  const names = [...input.parameters, ...(withArm ? ['arm'] : [])];
  // A censored run decided by the condition (followed at least to the threshold): its recovery time lies beyond its follow-up.
  const label = (r: AnalysisRun) => {
    const v = r.outcomes[outcome];
    if (!condition) return v === 1;
    return censoring && r.outcomes[CENSORED_FLAG] === 1 ? meets(condition, Infinity) : meets(condition, v);
  };
  // The unit of the tests, the tree's leaves, the warning and the bootstrap: on a fixed design
  // (grid, file) each run, an independent replicate of its point's condition (the question is
  // whether these conditions differ, and Bryant and Lempert's binomial test on runs is right);
  // on a sampled design the design point, a draw from the space of futures whose replicate
  // runs agree (counting them as independent made the same futures look more significant the
  // more seeds each ran).
  const byRun = input.fixedDesign === true;
  const unitOf = (r: AnalysisRun, i: number) => (byRun ? i : r.point);
  const rows = defined.map((r, i) => ({ inputs: withArm ? { ...r.params, arm: r.arm } : r.params, label: label(r), point: unitOf(r, i) }));
  const data = buildDataset(names, rows);
  const cases = data.y.reduce((a, b) => a + b, 0);
  // Runs without the outcome (value_per_cost of an arm without cost, drop_ratio without a
  // shock) are left out: said with their count and cause, here and in the sentences.
  const emptyArms = [...new Set(runs.map((r) => r.arm))].filter((arm) => !defined.some((r) => r.arm === arm));
  const emptyArmRuns = runs.filter((r) => emptyArms.includes(r.arm)).length;
  const leftOut = runs.length > defined.length ? msg.undefinedLeftOut(outcome, runs.length - defined.length, runs.length, emptyArms, emptyArmRuns) : null;
  if (cases === 0 || cases === data.rows) throw new UsageError(msg.oneClass(casesAre, cases, data.rows, leftOut));

  const prim = { ...PRIM_DEFAULTS, ...spec.prim };
  for (const share of [prim.peelAlpha, prim.pasteAlpha]) if (!(share > 0 && share < 0.5)) throw new UsageError(msg.badPeel(share));
  const pd = new PrimData(data);
  const steps = peelingTrajectory(pd, prim);
  if (spec.box !== undefined && !(Number.isInteger(spec.box) && spec.box >= 0 && spec.box < steps.length)) throw new UsageError(msg.badBox(spec.box, steps.length - 1));
  spec.checked?.();
  const from = spec.box ?? defaultChoice(steps);
  const full = fullBox(data);
  const pasted = paste(pd, steps[from].box, prim);
  const dropped = dropWeakRestrictions(data, pasted, full, spec.keepWeak ? Infinity : WEAK_QUASI_P);
  const stability = spec.stability ? restrictionStability(names, rows, spec.stability, prim, spec.keepWeak ?? false) : null;
  const restricted = restrictedInputs(pasted, full);
  const qp = quasiPTests(data, pasted, restricted);
  const record = (box: Box) => {
    const inside = membership(data, box);
    const s = boxStats(data, inside);
    const r = restrictedInputs(box, full);
    const points = new Set<number>();
    for (let i = 0; i < data.rows; i++) if (inside[i]) points.add(defined[i].point);
    return { coverage: s.coverage, density: s.density, mass: s.mass, rows: s.n, points: points.size, cases: s.positives, restricted: r.map((j) => names[j]), limits: boxLimits(data, box) };
  };
  const minLeaf = defaultMinLeaf(data.pointCount);
  return {
    cases_are: casesAre,
    arm: spec.arm ?? null,
    rows: data.rows,
    futures: new Set(defined.map((r) => r.point)).size,
    unit: byRun ? 'run' : 'future',
    cases,
    undefined_outcome: runs.length - defined.length,
    undefined_outcome_arms: emptyArms,
    undefined_outcome_note: leftOut,
    censored_decided: censoring ? censoring.decided : 0,
    inputs: describeInputs(data, full),
    prim,
    trajectory: steps.map((s, index) => ({ index, ...record(s.box), reported_from: index === from })),
    chosen: {
      from,
      ...record(pasted),
      quasi_p: Object.fromEntries(restricted.map((j, k) => [names[j], qp[k].p])),
      dropped: dropped.map((j) => names[j]),
      stability,
    },
    tree: fitTree(data, { minLeaf }),
    tree_max_depth: CART_MAX_DEPTH,
    tree_min_leaf_points: minLeaf,
    warning: byRun ? (data.rows < RELIABLE_RUNS ? msg.fewRuns(data.rows) : null) : data.pointCount < RELIABLE_FUTURES ? msg.fewFuturesDiscovery(data.pointCount, data.rows) : null,
    shard: input.shard ?? null,
    shard_warning: input.shard ? msg.shardOnly('this directory', input.shard, 'discover') : null,
  };
}

/**
 * Bootstrap over futures: resample the design points with replacement (each drawn point a
 * new future with all its runs), rerun PRIM with the default box, pasting and the drop of
 * weak restrictions, and count how often each input is restricted.
 */
function restrictionStability(names: string[], rows: readonly LabelledRow[], resamples: number, prim: Required<PrimOptions>, keepWeak: boolean): NonNullable<ChosenBox['stability']> {
  const byPoint = new Map<number, LabelledRow[]>();
  for (const r of rows) byPoint.set(r.point!, [...(byPoint.get(r.point!) ?? []), r]);
  const points = [...byPoint.keys()].sort((a, b) => a - b);
  const random = seedrandom.alea(STABILITY_SEED);
  const count = new Map<string, number>();
  let used = 0;
  for (let b = 0; b < resamples; b++) {
    const sample: LabelledRow[] = [];
    for (let k = 0; k < points.length; k++) for (const r of byPoint.get(points[Math.floor(random() * points.length)])!) sample.push({ ...r, point: k });
    const data = buildDataset(names, sample);
    const cases = data.y.reduce((a, c) => a + c, 0);
    if (cases === 0 || cases === data.rows) continue;
    used++;
    const pd = new PrimData(data);
    const steps = peelingTrajectory(pd, prim);
    const full = fullBox(data);
    const box = paste(pd, steps[defaultChoice(steps)].box, prim);
    dropWeakRestrictions(data, box, full, keepWeak ? Infinity : WEAK_QUASI_P);
    for (const j of restrictedInputs(box, full)) count.set(names[j], (count.get(names[j]) ?? 0) + 1);
  }
  const share = Object.fromEntries(names.filter((n) => count.has(n)).map((n) => [n, used ? count.get(n)! / used : NaN]));
  return { resamples, used, share };
}

/**
 * Censored recovery times against a condition: a run that had not recovered after T ticks
 * recovers (if ever) after T, so `resilience_ticks OP v` is decided for it when T >= v
 * (false for <, <=, ==; true for >, >=, !=) and unknown when T < v.
 */
function censoredRuns(condition: { op: string; value: number }, runs: readonly AnalysisRun[]): { decided: number; undecided: AnalysisRun[] } {
  const censored = runs.filter((r) => r.outcomes[CENSORED_FLAG] === 1);
  const undecided = censored.filter((r) => !(r.outcomes[CENSORED_TIME] >= condition.value));
  return { decided: censored.length - undecided.length, undecided };
}

function describeInputs(data: Dataset, full: Box): DiscoveryResult['inputs'] {
  return data.names.map((name, j) => {
    const levels = data.levels[j];
    if (levels) return { name, kind: 'categorical' as const, levels };
    const distinct = [...new Set(data.columns[j])].sort((a, b) => a - b);
    return { name, kind: 'numeric' as const, range: [full.lo[j], full.hi[j]] as [number, number], ...(distinct.length <= LISTED_VALUES ? { values: distinct } : {}) };
  });
}

/** A round threshold near the median, for the example in the message. */
function exampleThreshold(values: number[]): string {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  return xs.length ? String(Number(xs[Math.floor(xs.length / 2)].toPrecision(2))) : '1';
}
