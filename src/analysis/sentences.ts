/**
 * Plain sentences about scenario discovery and the robustness of arms, shared by the
 * command line (`lrsim discover`, `lrsim robustness`) and the sweep report. Plain text:
 * the report page escapes it.
 */
import type { TreeNode } from './cart';
import type { DiscoveryResult, Limits } from './discover';
import type { RobustnessReport } from './robust';

/** 3 significant digits, a true minus sign. */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  return String(Number(x.toPrecision(digits))).replace('-', '−');
}
const percent = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)} %` : 'n/a');
const pValue = (p: number) => (p < 1e-4 ? '< 0.0001' : num(p, 2));

/**
 * A restriction as the data support it: a limit at the smallest or largest sampled value
 * restricts nothing, so one-sided boxes read "openness ≤ 0.163"; an input with few
 * distinct values (a grid's levels) is described by the values inside the box,
 * "social_closure in {0.5, 0.8}", not by limits between them; categorical: "arm in {a, b}".
 */
export function restrictionText(d: Pick<DiscoveryResult, 'inputs'>, name: string, limits: Limits): string {
  const l = limits[name];
  if (typeof l[0] !== 'number') return `${name} in {${(l as string[]).join(', ')}}`;
  const [lo, hi] = l as [number, number];
  const input = d.inputs.find((i) => i.name === name);
  if (input?.values) return `${name} in {${input.values.filter((v) => v >= lo && v <= hi).map((v) => num(v)).join(', ')}}`;
  const [min, max] = input?.range ?? [-Infinity, Infinity];
  if (lo <= min && hi >= max) return `${name} unrestricted`;
  if (lo <= min) return `${name} ≤ ${num(hi)}`;
  if (hi >= max) return `${name} ≥ ${num(lo)}`;
  return `${name} ${num(lo)} to ${num(hi)}`;
}

function restriction(d: DiscoveryResult, name: string, qp: number | undefined): string {
  const range = restrictionText(d, name, d.chosen.limits);
  return qp === undefined ? range : `${range} (quasi-p ${pValue(qp)})`;
}

const futures = (n: number) => `${n} ${n === 1 ? 'future' : 'futures'}`;
const points = (n: number) => `${n} design ${n === 1 ? 'point' : 'points'}`;

export function discoverySentences(d: DiscoveryResult): string[] {
  const c = d.chosen;
  const where = d.arm ? ` in the ${d.arm} arm` : '';
  const rules = c.restricted.map((name) => restriction(d, name, c.quasi_p[name]));
  const byRun = d.unit === 'run';
  const pts = byRun ? points : futures;
  const how = byRun
    ? ' Quasi-p-values count runs: the design points are fixed, so the runs of a point are independent replicates of its condition (Bryant and Lempert\'s binomial test).'
    : ' Quasi-p-values count futures, not runs (a binomial-type test over design points).';
  const out = [
    `Scenario discovery${where}: ${d.cases} of ${d.rows} runs (${pts(d.futures)}) are cases of interest (${d.cases_are}).`,
    ...(d.undefined_outcome_note ? [`${d.undefined_outcome_note[0].toUpperCase()}${d.undefined_outcome_note.slice(1)}.`] : []),
    `PRIM (peeling ${d.prim.peelAlpha}) reports box ${c.from} of the ${d.trajectory.length}-box trajectory, pasted` +
      (c.dropped.length ? ` and with its weak restrictions (quasi-p above 0.1) dropped (${c.dropped.join(', ')})` : '') +
      ': ' +
      (rules.length ? rules.join(' and ') : 'it restricts no input') +
      `; it holds ${percent(c.coverage)} of the cases (coverage) and ${percent(c.density)} of its ${c.rows} runs (${pts(c.points)}) are cases (density), against ${percent(d.cases / d.rows)} over all runs.` +
      (rules.length ? how : ''),
    ...stabilitySentence(d),
    ...treeSentence(d.tree, d.tree_min_leaf_points, byRun),
  ];
  if (d.warning) out.push(d.warning[0].toUpperCase() + d.warning.slice(1) + '.');
  return out;
}

/** With --stability: how often the same steps, on resampled futures, restrict each input. */
function stabilitySentence(d: DiscoveryResult): string[] {
  const c = d.chosen;
  const st = c.stability;
  if (!st) return [];
  if (st.used === 0) return [`None of the ${st.resamples} bootstrap resamples of the ${d.unit === 'run' ? 'runs' : 'futures'} held both cases and other runs, so there is no stability to report.`];
  const kept = c.restricted.map((n) => `${n} in ${percent(st.share[n] ?? 0)}`);
  const others = Object.entries(st.share).filter(([n, v]) => !c.restricted.includes(n) && v >= 0.1).map(([n, v]) => `${n} in ${percent(v)}`);
  const left = st.used < st.resamples ? `; ${st.resamples - st.used} of ${st.resamples} held only one class and were left out` : '';
  const of = d.unit === 'run' ? `${d.rows} runs` : `${d.futures} futures`;
  return [
    `Stability: rerun on ${st.used} bootstrap resamples of the ${of} (seeded${left}), the default steps (the box of largest coverage × density, pasted, weak restrictions dropped) restrict ${kept.length ? kept.join(', ') : 'no input'} of them` +
      (others.length ? `, and also ${others.join(', ')}` : '') +
      '.',
  ];
}

function treeSentence(tree: TreeNode, minLeaf: number, byRun: boolean): string[] {
  const name = `The classification tree (CART, depth at most 4, leaves of at least ${byRun ? `${minLeaf} runs` : futures(minLeaf)})`;
  if (!tree.split || !tree.left || !tree.right) return [`${name} finds no split that separates the cases.`];
  const s = tree.split;
  const [left, right] = 'threshold' in s ? [`${s.input} ≤ ${num(s.threshold)}`, `${s.input} > ${num(s.threshold)}`] : [`${s.input} in {${s.levels.join(', ')}}`, `other ${s.input}`];
  const tied = s.tied?.length ? ` (${s.tied.join(', ')} ${s.tied.length === 1 ? 'splits' : 'split'} the runs just as well; the tie goes to the first input)` : '';
  const side = (t: TreeNode, rule: string) => `${percent(t.density)} of ${t.n} runs${byRun ? '' : ` (${futures(t.points)})`} with ${rule}`;
  return [`${name} splits first on ${s.input}${tied}: cases are ${side(tree.left, left)} and ${side(tree.right, right)}.`];
}

/** Below the fewest futures for an interval, up to this many futures are listed one by one (more: their range). */
export const LISTED_FUTURES = 5;

/** "a, b and c". */
const listNames = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

export function robustnessSentences(r: RobustnessReport, label: string, targetLabel?: string): string[] {
  const arm = (name: string) => r.arms.find((a) => a.arm === name)!;
  const best = arm(r.best_on_average);
  const robust = arm(r.robust);
  const n = r.futures;
  // Intervals over futures only from r.interval.minFutures futures on (regret.ts): with 2
  // futures a bootstrap can only return the two futures' values. Below, the point value
  // comes with the per-future values it summarises, and the reason there is no interval.
  const withCi = r.interval.method !== 'none';
  // A bootstrap interval of zero width (every resample gives the same value, e.g. a regret
  // of 0 in nearly every future) is no interval: say so rather than print "1 to 1".
  const same = `every bootstrap resample of the ${n} futures gives`;
  const ci = (i: [number, number] | null) => (i === null ? 'no interval' : i[0] === i[1] ? `${same} ${num(i[0])}; no interval` : `95 % bootstrap CI ${num(i[0])} to ${num(i[1])}`);
  // The 90th percentile's interval is distribution-free (order statistics, regret.ts); with
  // too few futures for an upper bound only the lower bound is computed, and said so.
  const q = r.quantile_interval;
  const nth = (k: number) => `${k}${k % 100 >= 11 && k % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][k % 10] ?? 'th'}`;
  const quantileCi = (i: [number, number | null] | null) => {
    if (i === null || q === null) return 'no interval';
    const [lo, hi] = i;
    return hi === null || q.upper === null
      ? `95 % distribution-free interval from ${num(lo)}, the ${nth(q.lower)} smallest of the ${n} futures' regrets, with no upper bound: that needs at least ${q.futuresForUpper} futures`
      : `95 % distribution-free interval ${num(lo)} to ${num(hi)}, the ${nth(q.lower)} and ${nth(q.upper)} smallest of the ${n} futures' regrets`;
  };
  const where = new Map(r.future_labels.map((l) => [l.point, l.label]));
  const rows = (name: string) => r.per_future.filter((p) => p.arm === name);
  /** "1.81 at openness 0; 2.8 at openness 0.3", or with many futures their range. */
  const perFuture = (name: string, key: 'outcome' | 'regret') => {
    const xs = rows(name);
    if (xs.length <= LISTED_FUTURES) return xs.map((p) => `${num(p[key])} at ${where.get(p.future) ?? `point ${p.future}`}`).join('; ');
    const values = xs.map((p) => p[key]);
    return `from ${num(Math.min(...values))} to ${num(Math.max(...values))} across the ${n} futures`;
  };
  const share = (x: number) => (withCi ? `${percent(x)} of the futures` : `${Math.round(x * n)} of the ${n} futures`);
  /** The leader against the runner-up: paired over futures; "not distinguishable" when the interval covers 0. */
  const tested = (t: RobustnessReport['ranking']['robust'], what: string) => {
    const interval = t.ci === null ? '' : t.ci[0] === t.ci[1] ? `${same} ${num(t.ci[0])}` : `95 % paired bootstrap CI over the futures ${num(t.ci[0])} to ${num(t.ci[1])}`;
    return t.distinguishable
      ? `On ${what}, ${t.leader} is ahead of the runner-up ${t.runnerUp} (${num(t.runnerUpValue)}): difference ${t.leader} − ${t.runnerUp} ${num(t.difference)}, ${interval}.`
      : `On ${what}, ${t.leader} is not distinguishable from the runner-up ${t.runnerUp} (${num(t.runnerUpValue)}): difference ${t.leader} − ${t.runnerUp} ${num(t.difference)}, ${interval}, which includes 0.`;
  };
  // An exact tie is said as a tie: the ranking's order between tied arms is only report order.
  const tiedBest = r.tied?.best_on_average ?? [];
  const tiedRobust = r.tied?.robust ?? [];
  const bestName = tiedBest.length ? `${listNames([best.arm, ...tiedBest])} are tied as best on average (exactly the same mean)` : `${best.arm} is best on average`;
  const exactTie = (t: RobustnessReport['ranking']['robust'], tied: readonly string[], what: string) =>
    tied.includes(t.runnerUp) ? `On ${what}, ${listNames([t.leader, ...tied])} are exactly tied (difference 0), so ${tied.length > 1 ? 'none of them is ranked above the others' : 'neither is ranked above the other'}.` : null;
  const out = [
    ...(r.better_note ? [r.better_note] : []),
    `Robustness over ${n} futures (design points), paired on ${r.paired_cells} (future, seed) pairs: ${bestName}, mean ${label} ${num(best.meanOutcome)} (` +
      (withCi ? `${ci(best.ci.meanOutcome)}; SD across the ${n} futures ${num(best.sdOutcome)})` : `${perFuture(best.arm, 'outcome')})`) +
      '.',
  ];
  if (withCi) out.push(exactTie(r.ranking.best_on_average, tiedBest, `the mean ${label}`) ?? tested(r.ranking.best_on_average, `the mean ${label}`));
  else out.push(`There is no interval or SD across futures, and the ranking of the arms is not tested (${r.interval.reason}).`);
  if (tiedRobust.length) {
    const names = [robust.arm, ...tiedRobust];
    out.push(`The robust choice is a tie between ${listNames(names)}: the same lowest 90th-percentile regret, ${num(robust.p90Regret)} (${withCi ? quantileCi(robust.ci.p90Regret) : `regret ${perFuture(robust.arm, 'regret')}`}), and the same largest and mean regret.`);
  } else if (robust.arm === best.arm && !tiedBest.length) {
    out.push(`It is also the robust choice: the lowest 90th-percentile regret, ${num(best.p90Regret)} (${withCi ? quantileCi(best.ci.p90Regret) : `regret ${perFuture(best.arm, 'regret')}`}).`);
  } else if (robust.arm === best.arm) {
    out.push(`The robust choice is ${robust.arm}: the lowest 90th-percentile regret, ${num(robust.p90Regret)} (${withCi ? quantileCi(robust.ci.p90Regret) : `regret ${perFuture(robust.arm, 'regret')}`}).`);
  } else {
    out.push(
      `The robust choice is ${robust.arm}: the lowest 90th-percentile regret, ${num(robust.p90Regret)} (${withCi ? quantileCi(robust.ci.p90Regret) : `regret ${perFuture(robust.arm, 'regret')}`}), against ${num(best.p90Regret)} for ${best.arm}, ` +
        `which is the worst arm in ${share(best.worstShare)} (largest regret ${num(best.maxRegret)}, against ${num(robust.maxRegret)} for ${robust.arm}).`,
    );
  }
  if (withCi) out.push(exactTie(r.ranking.robust, tiedRobust, '90th-percentile regret') ?? tested(r.ranking.robust, '90th-percentile regret'));
  // A future's best arm is chosen on its arms' means over the future's seeds; with one seed
  // per future those means are single runs, so regret still carries the runs' seed noise.
  if (r.seeds_per_future?.max === 1) {
    out.push(`Each future has one paired seed, so an arm's value in a future is a single run and its regret includes that run's seed noise (choosing the best arm on future means removes seed noise only with several seeds per future): sweep more replicates per future to separate the two.`);
  }
  if (r.minimax !== r.robust) out.push(`The lowest largest regret (minimax) is ${r.minimax}'s, ${num(arm(r.minimax).maxRegret)}.`);
  out.push(r.never_worst.length ? `Never the worst arm in any future: ${r.never_worst.join(', ')}.` : 'Every arm is the worst in at least one future.');
  if (r.target) {
    if (withCi) {
      // Clopper-Pearson over futures (regret.ts): computed for 0 and 100 % too.
      const shares = r.arms.map((a) => `${a.arm} ${percent(a.satisficing!)} (${a.ci.satisficing === null ? 'no interval' : `${percent(a.ci.satisficing[0])} to ${percent(a.ci.satisficing[1])}`})`);
      out.push(`Share of futures in which the arm meets the target ${targetLabel ?? r.target}, with 95 % Clopper-Pearson intervals over the ${n} futures: ${shares.join('; ')}.`);
    } else {
      // Counts, and with few futures which ones: a share of 2 futures is 0, 50 or 100 %.
      const counts = r.arms.map((a) => {
        const met = rows(a.arm).filter((p) => p.meets);
        const which = n <= LISTED_FUTURES && met.length > 0 ? ` (${met.map((p) => where.get(p.future) ?? `point ${p.future}`).join('; ')})` : '';
        return `${a.arm} ${met.length} of ${n}${which}`;
      });
      out.push(`Futures in which the arm meets the target ${targetLabel ?? r.target}: ${counts.join('; ')}.`);
    }
  }
  if (r.dropped_futures.length) {
    const names = r.dropped_futures.map((f) => f.label);
    const shown = names.length > 2 * LISTED_FUTURES ? `${names.slice(0, 2 * LISTED_FUTURES).join('; ')} and ${names.length - 2 * LISTED_FUTURES} more (robustness.json)` : names.join('; ');
    out.push(`Left out, as no seed finished with a defined ${label} in every arm there: ${r.dropped_futures.length === 1 ? 'the future' : `${r.dropped_futures.length} futures`} ${shown}.`);
  }
  if (r.dropped_cells) out.push(`${r.dropped_cells} (future, seed) ${r.dropped_cells === 1 ? 'pair is' : 'pairs are'} left out because some arm did not finish there or its ${label} is undefined.`);
  if (r.conditions.length) out.push(`Left out as conditions, not options (${r.conditions.length === 1 ? 'this arm changes' : 'these arms change'} the shocks): ${r.conditions.join(', ')}.`);
  if (r.over_budget.length) out.push(`Left out by the budget ${num(r.budget!)}: ${r.over_budget.map((o) => `${o.arm} (cost ${num(o.cost)})`).join(', ')}.`);
  if (r.warning) out.push(r.warning[0].toUpperCase() + r.warning.slice(1) + '.');
  return out;
}
