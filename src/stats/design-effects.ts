/**
 * Effects of the swept parameters fitted to the design that produced the runs:
 * - grid: a linear model with all main effects and two-way interactions over every run
 *   (arms as one more factor), cluster-robust by seed because arms share seeds (CR2 with
 *   Satterthwaite degrees of freedom, the HTZ test for interactions); main
 *   effects are differences of estimated marginal means against a reference level;
 * - continuous designs (LHS, Sobol, ...): standardised regression coefficients with the
 *   model's R^2, partial rank correlation coefficients and binned partial dependence.
 * Two single design points are never compared with each other.
 */
import { factorialEffects } from './factorial';
import { pairedShareContrast, type PairedShareGroup, type ShareContrast } from './share-contrast';
import { partialDependence, partialRankCorrelation, standardizedRegression, type DependenceBin as BinnedMean } from './regression-sensitivity';
import { statsMessages } from './messages';
import { outcomeRange } from './outcome-range';
import { formatParamValue } from './param-value';
import type { RunRow } from './run-rows';

/** Outcomes analysed on the log scale (relative changes) when every value is positive. */
const LOG_SCALE = new Set(['innovation_value_late', 'innovation_value_total', 'innovations_total']);
/** Outcomes that are 0/1 per run: effects are differences of probabilities. */
export const BINARY_OUTCOMES = new Set(['locked_in', 'resilience_censored', 'equilibrium_reached', 'frozen']);

export type EffectScale = 'log' | 'identity' | 'probability';

export interface MainEffectRow {
  outcome: string;
  parameter: string;
  level: string;
  reference: string;
  scale: EffectScale;
  /** On the model scale: log ratio, difference, or difference of probabilities. */
  estimate: number;
  lo: number;
  hi: number;
  p: number;
  /** Degrees of freedom of the t (Satterthwaite); NaN for shares (normal-based interval). */
  df: number;
  /** With the log scale: the relative change exp(estimate) - 1 and its interval. */
  rel: number;
  relLo: number;
  relHi: number;
  n: number;
  /** The other factors this effect is averaged over (equal weights per level). */
  averagedOver: string[];
}

export interface InteractionRow {
  outcome: string;
  parameterA: string;
  parameterB: string;
  scale: EffectScale;
  F: number;
  df1: number;
  df2: number;
  p: number;
  /** Largest absolute interaction contrast on the model scale (signed for shares). */
  size: number;
  n: number;
  /** How the interaction was tested ('cr2-htz', 'seed-block', or the share contrast's method). */
  method: string;
  /** Shares only: the adjusted Wald interval of the largest contrast (no F test; share-contrast.ts). */
  lo?: number;
  hi?: number;
}

export interface RegressionRow {
  outcome: string;
  arm: string;
  parameter: string;
  method: 'src' | 'prcc';
  estimate: number;
  lo: number;
  hi: number;
  p: number;
  r2: number;
  n: number;
}

/** A partial-dependence bin of one outcome, arm and parameter. */
export interface DependenceBin extends BinnedMean {
  outcome: string;
  arm: string;
  parameter: string;
}

export interface DesignEffects {
  kind: 'factorial' | 'regression' | 'none';
  /** Why an analysis was not possible, in one sentence (empty when it was). */
  note: string;
  outcomes: string[];
  mainEffects: MainEffectRow[];
  interactions: InteractionRow[];
  /** Factorial model per outcome: 'two-way' or 'additive' (when a cell is empty). */
  /** Per outcome: the model, its fit, and the seeds its standard errors cluster on (null: classical). */
  models: Record<string, { model: string; r2: number; n: number; dropped: number; clusters?: number | null }>;
  regression: RegressionRow[];
  dependence: DependenceBin[];
}

function sortLevels(values: unknown[]): string[] {
  const distinct = [...new Map(values.map((v) => [formatParamValue(v), v])).entries()];
  if (distinct.every(([, v]) => typeof v === 'number')) distinct.sort((a, b) => (a[1] as number) - (b[1] as number));
  return distinct.map(([label]) => label);
}

/** The scale an outcome's effects are estimated on, given its values. */
export function effectScale(outcome: string, values: readonly number[]): EffectScale {
  if (BINARY_OUTCOMES.has(outcome)) return 'probability';
  const finite = values.filter(Number.isFinite);
  if (LOG_SCALE.has(outcome) && finite.length > 0 && finite.every((v) => v > 0)) return 'log';
  return 'identity';
}

/**
 * Design-fitted effects of the swept parameters on `outcomes`, from the runs that are not
 * degenerate. `design` is the sweep's design kind; `arms` in arm order (first = reference).
 */
export function designEffects(runs: readonly RunRow[], parameters: readonly string[], arms: readonly string[], design: string, outcomes: readonly string[]): DesignEffects {
  const empty: DesignEffects = { kind: 'none', note: '', outcomes: [...outcomes], mainEffects: [], interactions: [], models: {}, regression: [], dependence: [] };
  if (parameters.length === 0) return { ...empty, note: statsMessages.noParameterVaries() };
  if (design === 'grid') return factorialAnalysis(runs, parameters, arms, outcomes, empty);
  return regressionAnalysis(runs, parameters, arms, outcomes, empty);
}

function factorialAnalysis(runs: readonly RunRow[], parameters: readonly string[], arms: readonly string[], outcomes: readonly string[], out: DesignEffects): DesignEffects {
  const factors = parameters
    .map((p) => ({ name: p, levels: sortLevels(runs.map((r) => r.params[p])) }))
    .filter((f) => f.levels.length >= 2);
  if (factors.length === 0) return { ...out, kind: 'factorial', note: statsMessages.singleLevels() };
  const armFactor = arms.length > 1 ? [{ name: 'arm', levels: [...arms] }] : [];
  const all = [...factors, ...armFactor];
  const result: DesignEffects = { ...out, kind: 'factorial' };
  for (const outcome of outcomes) {
    const values = runs.map((r) => r.outcomes[outcome]);
    const scale = effectScale(outcome, values);
    const rows = runs
      .filter((r) => Number.isFinite(r.outcomes[outcome]))
      .map((r) => ({
        levels: Object.fromEntries([...factors.map((f) => [f.name, formatParamValue(r.params[f.name])]), ...(armFactor.length ? [['arm', r.arm]] : [])]) as Record<string, string>,
        y: r.outcomes[outcome],
        cluster: r.seed,
      }));
    if (rows.length < 3) continue;
    if (scale === 'probability') {
      binaryFactorial(result, outcome, rows, all, factors);
      continue;
    }
    const fit = factorialEffects(rows, all, { scale: scale === 'log' ? 'log' : 'identity' });
    result.models[outcome] = { model: fit.model, r2: fit.r2, n: fit.n, dropped: fit.dropped, clusters: fit.clusters };
    for (const m of fit.mainEffects) {
      if (m.factor === 'arm') continue; // arms are compared pairwise on their seeds (contrasts)
      const rel = scale === 'log' ? (m.ratio ?? Math.expm1(m.estimate)) : NaN;
      result.mainEffects.push({
        outcome, parameter: m.factor, level: m.level, reference: m.reference, scale,
        estimate: m.estimate, lo: m.lo, hi: m.hi, p: m.p, df: m.df,
        rel, relLo: scale === 'log' ? (m.ratioLo ?? Math.expm1(m.lo)) : NaN, relHi: scale === 'log' ? (m.ratioHi ?? Math.expm1(m.hi)) : NaN,
        n: fit.n,
        averagedOver: all.filter((f) => f.name !== m.factor).map((f) => f.name),
      });
    }
    for (const i of fit.interactions) {
      result.interactions.push({ outcome, parameterA: i.a, parameterB: i.b, scale, F: i.F, df1: i.df1, df2: i.df2, p: i.p, size: i.maxAbsDeviation, n: fit.n, method: i.method });
    }
  }
  return result;
}

/**
 * 0/1 outcomes on a grid: main effects and interaction contrasts of cell shares with an
 * adjusted Wald interval (share-contrast.ts). A linear probability model gives zero-width
 * intervals whenever every run of a cell agrees (all locked in, or none), which is the
 * common case. Cells of one design point (its arms) share seeds, so they enter as one
 * paired group; different points have different seeds (sweep/seed.ts) and are independent.
 */
function binaryFactorial(result: DesignEffects, outcome: string, rows: { levels: Record<string, string>; y: number; cluster: number }[], all: { name: string; levels: string[] }[], factors: { name: string; levels: string[] }[]): void {
  // cell (levels of every factor, the arm included) -> seed -> 0/1
  const cells = new Map<string, Map<number, number>>();
  const keyOf = (levels: Record<string, string>) => all.map((f) => levels[f.name]).join('\u0000');
  const pointOf = (levels: Record<string, string>) => factors.map((f) => levels[f.name]).join('\u0000');
  for (const r of rows) {
    const key = keyOf(r.levels);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = new Map()));
    c.set(r.cluster, r.y >= 0.5 ? 1 : 0);
  }
  const combos = (fs: { name: string; levels: string[] }[]): Record<string, string>[] =>
    fs.reduce<Record<string, string>[]>((acc, f) => acc.flatMap((a) => f.levels.map((l) => ({ ...a, [f.name]: l }))), [{}]);
  const contrast = (terms: { levels: Record<string, string>; coef: number }[]) => pairedShareContrast(shareGroups(terms, cells, keyOf, pointOf));
  result.models[outcome] = { model: 'shares', r2: NaN, n: rows.length, dropped: 0 };
  for (const f of factors) {
    const others = all.filter((g) => g.name !== f.name);
    const rest = combos(others);
    for (const level of f.levels.slice(1)) {
      const c = contrast(rest.flatMap((o) => [
        { levels: { ...o, [f.name]: level }, coef: 1 / rest.length },
        { levels: { ...o, [f.name]: f.levels[0] }, coef: -1 / rest.length },
      ]));
      result.mainEffects.push({
        outcome, parameter: f.name, level, reference: f.levels[0], scale: 'probability', estimate: c.estimate, lo: c.lo, hi: c.hi, p: c.p, df: NaN,
        rel: NaN, relLo: NaN, relHi: NaN, n: rows.length, averagedOver: others.map((g) => g.name),
      });
    }
  }
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      const rest = combos(all.filter((g) => g !== a && g !== b));
      let best: (ShareContrast & { size: number }) | null = null;
      for (let ai = 0; ai < a.levels.length; ai++) for (let aj = ai + 1; aj < a.levels.length; aj++) {
        for (let bi = 0; bi < b.levels.length; bi++) for (let bj = bi + 1; bj < b.levels.length; bj++) {
          const c = contrast(rest.flatMap((o) => ([[ai, bi, 1], [aj, bi, -1], [ai, bj, -1], [aj, bj, 1]] as const).map(([x, y, sign]) => ({ levels: { ...o, [a.name]: a.levels[x], [b.name]: b.levels[y] }, coef: sign / rest.length }))));
          if (Number.isFinite(c.estimate) && (!best || Math.abs(c.estimate) > best.size)) best = { ...c, size: Math.abs(c.estimate) };
        }
      }
      if (!best) continue;
      result.interactions.push({ outcome, parameterA: a.name, parameterB: b.name, scale: 'probability', F: NaN, df1: NaN, df2: NaN, p: best.p, size: best.estimate, n: rows.length, lo: best.lo, hi: best.hi, method: SHARE_INTERACTION_METHOD });
    }
  }
}

/** The stats.csv method of the largest interaction contrast of a 0/1 outcome. */
export const SHARE_INTERACTION_METHOD = 'adjusted-wald-largest';

/**
 * The terms of a contrast of cells as groups of cells paired on seeds: one group per design
 * point, holding the seeds that have a run in every one of its cells (a seed missing in one
 * arm, e.g. a degenerate run, leaves the contrast). Cells without runs are left out; cells
 * of a point that share no seed at all enter as independent groups.
 */
function shareGroups(
  terms: readonly { levels: Record<string, string>; coef: number }[],
  cells: ReadonlyMap<string, ReadonlyMap<number, number>>,
  keyOf: (levels: Record<string, string>) => string,
  pointOf: (levels: Record<string, string>) => string,
): PairedShareGroup[] {
  const byPoint = new Map<string, Map<string, number>>();
  for (const t of terms) {
    const key = keyOf(t.levels);
    if (t.coef === 0 || !cells.get(key)?.size) continue;
    const point = pointOf(t.levels);
    let group = byPoint.get(point);
    if (!group) byPoint.set(point, (group = new Map()));
    group.set(key, (group.get(key) ?? 0) + t.coef);
  }
  const out: PairedShareGroup[] = [];
  for (const group of byPoint.values()) {
    const keys = [...group.keys()];
    const runs = keys.map((k) => cells.get(k)!);
    const seeds = [...runs[0].keys()].filter((seed) => runs.every((r) => r.has(seed))).sort((x, y) => x - y);
    if (seeds.length === 0) {
      keys.forEach((k, i) => out.push({ coefs: [group.get(k)!], rows: [...runs[i].values()].map((v) => [v]) }));
      continue;
    }
    out.push({ coefs: keys.map((k) => group.get(k)!), rows: seeds.map((seed) => runs.map((r) => r.get(seed)!)) });
  }
  return out;
}

function regressionAnalysis(runs: readonly RunRow[], parameters: readonly string[], arms: readonly string[], outcomes: readonly string[], out: DesignEffects): DesignEffects {
  const numeric = parameters.filter((p) => runs.every((r) => typeof r.params[p] === 'number') && new Set(runs.map((r) => r.params[p])).size >= 2);
  if (numeric.length === 0) return { ...out, kind: 'regression', note: statsMessages.noNumericParameter() };
  const result: DesignEffects = { ...out, kind: 'regression' };
  for (const arm of arms.length ? arms : ['']) {
    const armRuns = runs.filter((r) => arms.length === 0 || r.arm === arm);
    for (const outcome of outcomes) {
      const used = armRuns.filter((r) => Number.isFinite(r.outcomes[outcome]));
      if (used.length < numeric.length + 3) continue;
      const X = used.map((r) => numeric.map((p) => r.params[p] as number));
      const y = used.map((r) => r.outcomes[outcome]);
      if (new Set(y).size < 2) continue;
      const src = standardizedRegression(X, y, numeric);
      const prcc = partialRankCorrelation(X, y, numeric);
      for (const c of src.coefficients) {
        result.regression.push({ outcome, arm, parameter: c.parameter, method: 'src', estimate: c.src, lo: c.lo, hi: c.hi, p: (c as { p?: number }).p ?? NaN, r2: src.r2, n: src.n });
      }
      for (const c of prcc.coefficients) {
        result.regression.push({ outcome, arm, parameter: c.parameter, method: 'prcc', estimate: c.prcc, lo: c.lo, hi: c.hi, p: c.p, r2: src.r2, n: prcc.n });
      }
      numeric.forEach((p, j) => {
        for (const b of partialDependence(X.map((x) => x[j]), y, 8, outcomeRange(outcome))) result.dependence.push({ outcome, arm, parameter: p, ...b });
      });
    }
  }
  return result;
}
