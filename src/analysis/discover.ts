/**
 * Scenario discovery on a sweep's runs (Bryant and Lempert 2010): which combinations of
 * swept conditions hold the runs of interest (locked in; late value below 1; ...)? PRIM
 * gives the peeling trajectory and a chosen, pasted box with a quasi-p-value per
 * restriction; a shallow CART tree is the second view. Pure: the same runs give the same
 * result.
 */
import { UsageError } from '../cli/usage-error';
import { boxLimits, boxStats, fullBox, membership, restrictedInputs, type Box } from './box';
import { CART_MAX_DEPTH, fitTree, type TreeNode } from './cart';
import { meets, parseCondition } from './condition';
import { buildDataset, type Dataset } from './dataset';
import { analysisMessages as msg } from './messages';
import { defaultChoice, paste, peelingTrajectory, PrimData, PRIM_DEFAULTS, type PrimOptions } from './prim';
import { quasiPValues } from './quasi-p';
import { isBinary, RELIABLE_RUNS, type AnalysisInput } from './sweep-runs';

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
}

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
  cases: number;
  restricted: string[];
  limits: Limits;
  chosen: boolean;
}

export interface ChosenBox extends Omit<BoxRecord, 'index' | 'chosen'> {
  /** The trajectory box it was pasted from. */
  from: number;
  /** Quasi-p-value of each restricted input (one-sided binomial test). */
  quasi_p: Record<string, number>;
  /** Restrictions dropped because their quasi-p-value was above WEAK_QUASI_P. */
  dropped: string[];
}

export interface DiscoveryResult {
  /** The runs of interest, e.g. "locked_in == 1". */
  cases_are: string;
  arm: string | null;
  rows: number;
  cases: number;
  /** Runs left out because the outcome is undefined (NaN) in them. */
  undefined_outcome: number;
  inputs: { name: string; kind: 'numeric' | 'categorical'; range?: [number, number]; levels?: string[] }[];
  prim: Required<PrimOptions>;
  trajectory: BoxRecord[];
  chosen: ChosenBox;
  tree: TreeNode;
  tree_max_depth: number;
  warning: string | null;
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
  if (!condition && !isBinary(runs, outcome)) throw new UsageError(msg.notBinary(outcome, `${outcome} < ${exampleThreshold(runs.map((r) => r.outcomes[outcome]))}`));
  const defined = runs.filter((r) => !Number.isNaN(r.outcomes[outcome]));
  const withArm = spec.arm === undefined && new Set(defined.map((r) => r.arm)).size > 1;
  const names = [...input.parameters, ...(withArm ? ['arm'] : [])];
  const label = (v: number) => (condition ? meets(condition, v) : v === 1);
  const data = buildDataset(names, defined.map((r) => ({ inputs: withArm ? { ...r.params, arm: r.arm } : r.params, label: label(r.outcomes[outcome]) })));
  const casesAre = condition ? condition.text : `${outcome} == 1`;
  const cases = data.y.reduce((a, b) => a + b, 0);
  if (cases === 0 || cases === data.rows) throw new UsageError(msg.oneClass(casesAre, cases, data.rows));

  const prim = { ...PRIM_DEFAULTS, ...spec.prim };
  for (const share of [prim.peelAlpha, prim.pasteAlpha]) if (!(share > 0 && share < 0.5)) throw new UsageError(msg.badPeel(share));
  const pd = new PrimData(data);
  const steps = peelingTrajectory(pd, prim);
  if (spec.box !== undefined && !(Number.isInteger(spec.box) && spec.box >= 0 && spec.box < steps.length)) throw new UsageError(msg.badBox(spec.box, steps.length - 1));
  const from = spec.box ?? defaultChoice(steps);
  const full = fullBox(data);
  const pasted = paste(pd, steps[from].box, prim);
  const dropped = dropWeakRestrictions(data, pasted, full, spec.keepWeak ? Infinity : WEAK_QUASI_P);
  const restricted = restrictedInputs(pasted, full);
  const qp = quasiPValues(data, pasted, restricted);
  const record = (box: Box) => {
    const s = boxStats(data, membership(data, box));
    const r = restrictedInputs(box, full);
    return { coverage: s.coverage, density: s.density, mass: s.mass, rows: s.n, cases: s.positives, restricted: r.map((j) => names[j]), limits: boxLimits(data, box) };
  };
  return {
    cases_are: casesAre,
    arm: spec.arm ?? null,
    rows: data.rows,
    cases,
    undefined_outcome: runs.length - defined.length,
    inputs: describeInputs(data, full),
    prim,
    trajectory: steps.map((s, index) => ({ index, ...record(s.box), chosen: index === from })),
    chosen: { from, ...record(pasted), quasi_p: Object.fromEntries(restricted.map((j, k) => [names[j], qp[k]])), dropped: dropped.map((j) => names[j]) },
    tree: fitTree(data),
    tree_max_depth: CART_MAX_DEPTH,
    warning: data.rows < RELIABLE_RUNS ? msg.fewRuns(data.rows) : null,
  };
}

function describeInputs(data: Dataset, full: Box): DiscoveryResult['inputs'] {
  return data.names.map((name, j) => {
    const levels = data.levels[j];
    return levels ? { name, kind: 'categorical' as const, levels } : { name, kind: 'numeric' as const, range: [full.lo[j], full.hi[j]] as [number, number] };
  });
}

/** A round threshold near the median, for the example in the message. */
function exampleThreshold(values: number[]): string {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  return xs.length ? String(Number(xs[Math.floor(xs.length / 2)].toPrecision(2))) : '1';
}
