/**
 * Effects fitted to a grid design: one linear model over all runs of the full factorial,
 * y (or log y) ~ main effects + all two-way interactions in treatment coding, with
 * cluster-robust standard errors by seed because the arms of a point share its seeds
 * (points do not: the seed rule mixes in the point; without arms every cluster is one run and
 * the sandwich is heteroskedasticity-robust). The sandwich is CR2 (HC2 with one run per
 * cluster) with Satterthwaite degrees of freedom for each effect and the HTZ test for the
 * interactions (linear-model.ts): a grid's cells differ in spread, often by orders of
 * magnitude, and CR1 with G - 1 df then over-rejects (a 3 x 3 grid of 72 runs gave an
 * interaction p of 0.03 where a parametric bootstrap gave 0.053; CR2-HTZ: see the tests).
 * Main effects are differences of estimated marginal means (Searle, Speed & Milliken 1980;
 * R's emmeans), averaged with equal weights over the other factors' levels, so a level's
 * effect is not the effect at the other factors' reference levels.
 */
import { contrastTest, contrastWaldTest, olsFit, waldTest, type LinearFit } from './linear-model';

export interface FactorialRow {
  levels: Record<string, string>;
  y: number;
  cluster: number;
}

export interface Factor {
  name: string;
  /** The first level is the reference. */
  levels: string[];
}

export interface MainEffect {
  factor: string;
  level: string;
  reference: string;
  /** EMM(level) - EMM(reference) on the model scale, with its t(df) interval and p. */
  estimate: number;
  lo: number;
  hi: number;
  p: number;
  /** Degrees of freedom of the t: Satterthwaite's for the CR2 sandwich. */
  df: number;
  /** Scale 'log' only: exp(estimate) - 1, the relative change, and its interval. */
  ratio?: number;
  ratioLo?: number;
  ratioHi?: number;
}

export interface InteractionTest {
  a: string;
  b: string;
  /**
   * Joint Wald test of the a:b terms: cluster-robust by seed, CR2 with the HTZ small-sample
   * F (`cr2-htz`); when that test does not exist (the a:b terms outnumber seeds - 1, or its
   * degrees of freedom are not positive), the classical F test of a model with the seed as
   * a block (randomised-block analysis: seed effects additive, errors otherwise independent)
   * is given instead, as `method` says. NaN with fewer than two seeds.
   */
  F: number;
  df1: number;
  df2: number;
  p: number;
  method: 'cr2-htz' | 'seed-block';
  /**
   * Largest absolute interaction contrast mu(i,j) - mu(i',j) - mu(i,j') + mu(i',j') over all
   * pairs of levels, on the model scale: how much the effect of one level step of a
   * differs between two levels of b (for a 2 x 2 design, the single interaction term).
   */
  maxAbsDeviation: number;
}

export interface FactorialEffects {
  /** 'additive' when a two-way cell is empty (or the two-way design is singular). */
  model: 'additive' | 'two-way';
  /** Why the additive model was fitted, e.g. "no run has openness = 0 and closure = 0.8". */
  reason: string | null;
  /** The factors with two or more levels that have runs, in the order given. */
  factors: string[];
  mainEffects: MainEffect[];
  interactions: InteractionTest[];
  r2: number;
  n: number;
  /** Rows left out: non-finite y, y <= 0 on the log scale, or a level not listed in `factors`. */
  dropped: number;
  clusters: number | null;
  fit: LinearFit;
}

/** One design column: its name and its value for a row's levels. */
interface Column {
  name: string;
  value: (levels: Record<string, string>) => number;
}

/**
 * Main effects and two-way interactions of a grid design.
 * @example factorialEffects(runs, [{ name: 'openness', levels: ['0', '0.35'] }], { scale: 'log' }).mainEffects[0].ratio // relative change 0 -> 0.35
 */
export function factorialEffects(rows: readonly FactorialRow[], factors: readonly Factor[], opts: { scale: 'identity' | 'log' }): FactorialEffects {
  const inDesign = rows.filter(
    (r) => Number.isFinite(r.y) && (opts.scale === 'identity' || r.y > 0) && factors.every((f) => f.levels.includes(r.levels[f.name])),
  );
  // A level without any usable run cannot be estimated: leave it out (the first observed
  // level becomes the reference), and a factor left with one level is omitted.
  const design = factors
    .map((f) => ({ name: f.name, levels: f.levels.filter((level) => inDesign.some((r) => r.levels[f.name] === level)) }))
    .filter((f) => f.levels.length >= 2);
  const usable = inDesign;
  const y = usable.map((r) => (opts.scale === 'log' ? Math.log(r.y) : r.y));
  const cluster = usable.map((r) => r.cluster);

  const main: Column[] = [{ name: '(Intercept)', value: () => 1 }];
  for (const f of design) for (const level of f.levels.slice(1)) main.push({ name: `${f.name}=${level}`, value: (l) => (l[f.name] === level ? 1 : 0) });
  const pairs: [Factor, Factor][] = [];
  for (let i = 0; i < design.length; i++) for (let j = i + 1; j < design.length; j++) pairs.push([design[i], design[j]]);
  const twoWay: Column[] = [];
  for (const [fa, fb] of pairs) {
    for (const la of fa.levels.slice(1)) {
      for (const lb of fb.levels.slice(1)) {
        twoWay.push({ name: `${fa.name}=${la}:${fb.name}=${lb}`, value: (l) => (l[fa.name] === la && l[fb.name] === lb ? 1 : 0) });
      }
    }
  }

  const fitWith = (columns: Column[]) =>
    olsFit(
      usable.map((r) => columns.map((c) => c.value(r.levels))),
      y,
      { cluster, names: columns.map((c) => c.name), vcov: 'CR2' },
    );
  let reason = emptyCell(usable, pairs);
  let model: 'additive' | 'two-way' = pairs.length > 0 && reason === null ? 'two-way' : 'additive';
  let fit = fitWith(model === 'two-way' ? [...main, ...twoWay] : main);
  if (model === 'two-way' && fit.rankDeficient) {
    reason = 'the two-way design is singular';
    model = 'additive';
    fit = fitWith(main);
  }
  const index = new Map(fit.names.map((name, j) => [name, j]));

  const mainEffects: MainEffect[] = [];
  for (const f of design) {
    for (const level of f.levels.slice(1)) {
      // EMM(level) - EMM(reference): the level's dummy plus its interaction terms averaged
      // over each other factor's levels (the reference level's terms are 0).
      const contrast = new Array<number>(fit.p).fill(0);
      contrast[index.get(`${f.name}=${level}`)!] = 1;
      if (model === 'two-way') {
        for (const [fa, fb] of pairs) {
          if (fa !== f && fb !== f) continue;
          const other = fa === f ? fb : fa;
          for (const lo of other.levels.slice(1)) {
            const name = fa === f ? `${f.name}=${level}:${other.name}=${lo}` : `${other.name}=${lo}:${f.name}=${level}`;
            contrast[index.get(name)!] = 1 / other.levels.length;
          }
        }
      }
      const { estimate, lo, hi, p, df } = contrastTest(fit, contrast);
      const ci = { estimate, lo, hi, p };
      const effect: MainEffect = { factor: f.name, level, reference: f.levels[0], ...ci, df };
      if (opts.scale === 'log') Object.assign(effect, { ratio: Math.expm1(ci.estimate), ratioLo: Math.expm1(ci.lo), ratioHi: Math.expm1(ci.hi) });
      mainEffects.push(effect);
    }
  }

  // The seed-block model, fitted only when some clustered interaction test does not exist.
  let blockFit: LinearFit | null = null;
  const seedBlockTest = (termNames: string[]) => {
    if (!blockFit) {
      const seeds = [...new Set(cluster)].sort((a, b) => a - b).slice(1);
      const columns = [...main, ...twoWay];
      blockFit = olsFit(
        usable.map((r) => [...columns.map((c) => c.value(r.levels)), ...seeds.map((seed) => (r.cluster === seed ? 1 : 0))]),
        y,
        { names: [...columns.map((c) => c.name), ...seeds.map((seed) => `seed=${seed}`)] },
      );
    }
    const blockIndex = new Map(blockFit.names.map((name, j) => [name, j]));
    return waldTest(blockFit, termNames.map((name) => blockIndex.get(name)!));
  };
  const interactions: InteractionTest[] =
    model === 'two-way'
      ? pairs.map(([fa, fb]) => {
          const termNames = fa.levels.slice(1).flatMap((la) => fb.levels.slice(1).map((lb) => `${fa.name}=${la}:${fb.name}=${lb}`));
          const gamma = fa.levels.map((la, i) => fb.levels.map((lb, j) => (i === 0 || j === 0 ? 0 : fit.coef[index.get(`${fa.name}=${la}:${fb.name}=${lb}`)!])));
          const maxAbsDeviation = maxInteractionContrast(gamma);
          const C = termNames.map((name) => fit.names.map((n) => (n === name ? 1 : 0)));
          const { F, df1, df2, p } = contrastWaldTest(fit, C);
          if (Number.isNaN(F) && fit.clusters !== null && fit.clusters >= 2 && (termNames.length > fit.clusters - 1 || !(df2 > 0))) {
            return { a: fa.name, b: fb.name, ...seedBlockTest(termNames), method: 'seed-block' as const, maxAbsDeviation };
          }
          return { a: fa.name, b: fb.name, F, df1, df2, p, method: 'cr2-htz' as const, maxAbsDeviation };
        })
      : [];

  return {
    model,
    reason,
    factors: design.map((f) => f.name),
    mainEffects,
    interactions,
    r2: fit.r2,
    n: fit.n,
    dropped: rows.length - fit.n,
    clusters: fit.clusters,
    fit,
  };
}

/** The first two-way cell without a run, said in words, or null when every cell has one. */
function emptyCell(rows: readonly FactorialRow[], pairs: readonly [Factor, Factor][]): string | null {
  for (const [fa, fb] of pairs) {
    const seen = new Set(rows.map((r) => `${r.levels[fa.name]}\u0000${r.levels[fb.name]}`));
    for (const la of fa.levels) {
      for (const lb of fb.levels) if (!seen.has(`${la}\u0000${lb}`)) return `no run has ${fa.name} = ${la} and ${fb.name} = ${lb}`;
    }
  }
  return null;
}

/** max |g(i,j) - g(i',j) - g(i,j') + g(i',j')| over all pairs of rows and of columns. */
function maxInteractionContrast(gamma: readonly (readonly number[])[]): number {
  let largest = 0;
  for (let i = 0; i < gamma.length; i++) {
    for (let i2 = i + 1; i2 < gamma.length; i2++) {
      for (let j = 0; j < gamma[i].length; j++) {
        for (let j2 = j + 1; j2 < gamma[i].length; j2++) {
          const contrast = gamma[i][j] - gamma[i2][j] - gamma[i][j2] + gamma[i2][j2];
          if (!Number.isFinite(contrast)) return NaN;
          largest = Math.max(largest, Math.abs(contrast));
        }
      }
    }
  }
  return largest;
}
