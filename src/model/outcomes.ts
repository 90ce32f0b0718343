/**
 * Run outcomes (MODEL-SPEC 5, per run): totals, late values over the last
 * `observe.window` ticks, peak tick, lock-in, resilience after the first shock.
 */
import { COL, DEGENERATE_MISSING, TIMESERIES_COLUMNS, type DegenerateReason, type OutcomeKey } from './names';

export { OUTCOME_KEYS, DEGENERATE_REASONS, DEGENERATE_MISSING, type OutcomeKey, type DegenerateReason } from './names';

/** Per-tick values every run keeps regardless of observe.every (for outcomes). */
export interface TickHistory {
  value: Float64Array;
  innovations: Float64Array;
  radical: Float64Array;
  policyCost: Float64Array;
  entries: Float64Array;
  exits: Float64Array;
}

/** The outcomes of a run and, if it is degenerate, why (else null). */
export interface RunOutcomes {
  outcomes: Record<OutcomeKey, number>;
  degenerate: DegenerateReason | null;
}

/** The first degenerate reason that applies to a run (see DEGENERATE_REASONS), or null. */
export function degenerateReason(h: TickHistory, series: Float64Array, rows: number, window: number): DegenerateReason | null {
  const C = TIMESERIES_COLUMNS.length;
  if (rows === 0) return null;
  const last = (rows - 1) * C; // the last tick is always observed
  if (series[last + COL.firms_alive] === 0) return 'no_firms_alive';
  // Competitiveness is missing exactly when no live firm holds usable knowledge (metrics.ts).
  if (Number.isNaN(series[last + COL.competitiveness])) return 'no_knowledge';
  let late = 0;
  for (let t = Math.max(0, h.innovations.length - window); t < h.innovations.length; t++) late += h.innovations[t];
  return late === 0 ? 'no_late_innovation' : null;
}

/**
 * Computes outcomes from the per-tick history and the observed rows (row-major).
 * Undefined outcomes (no shock, no cost) are NaN; late-window means skip missing rows;
 * in a degenerate run the DEGENERATE_MISSING outcomes are NaN.
 */
export function computeOutcomes(
  h: TickHistory,
  series: Float64Array,
  rows: number,
  window: number,
  threshold: number,
  shockTick: number,
): RunOutcomes {
  const ticks = h.value.length;
  const C = TIMESERIES_COLUMNS.length;
  const sum = (a: Float64Array, from = 0, to = a.length) => {
    let s = 0;
    for (let t = from; t < to; t++) s += a[t];
    return s;
  };
  const lateFrom = Math.max(0, ticks - window);
  const lateRowsMean = (col: number) => {
    let s = 0;
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const v = series[r * C + col];
      if (series[r * C + COL.tick] < lateFrom || Number.isNaN(v)) continue;
      s += v;
      n++;
    }
    return n > 0 ? s / n : Number.NaN;
  };
  const last = (col: number) => (rows > 0 ? series[(rows - 1) * C + col] : Number.NaN);
  const innovations = sum(h.innovations);
  const valueTotal = sum(h.value);
  const lockIn = lateRowsMean(COL.lock_in_index);
  // Peak: tick of the highest moving mean (over `window` ticks) of innovation value.
  let peak = 0;
  let best = -Infinity;
  let run = 0;
  for (let t = 0; t < ticks; t++) {
    run += h.value[t];
    if (t >= window) run -= h.value[t - window];
    const m = run / Math.min(t + 1, window);
    if (t >= Math.min(window, ticks) - 1 && m > best) {
      best = m;
      peak = t;
    }
  }
  const res = resilience(h.value, shockTick, window);
  // What firms learned per tick in the late window, and the shares from institutions and outside partners.
  const learnFirms = lateRowsMean(COL.firm_learning_from_firms);
  const learnInstitutions = lateRowsMean(COL.firm_learning_from_institutions);
  const learnResidents = lateRowsMean(COL.firm_learning_from_residents);
  const learnOutside = lateRowsMean(COL.firm_learning_from_outside);
  const learned = learnFirms + learnInstitutions + learnResidents + learnOutside;
  const cost = sum(h.policyCost);
  const outcomes: Record<OutcomeKey, number> = {
    innovations_total: innovations,
    innovation_value_total: valueTotal,
    innovation_value_late: sum(h.value, lateFrom) / Math.max(1, ticks - lateFrom),
    radical_share: innovations > 0 ? sum(h.radical) / innovations : Number.NaN,
    diversity_final: lateRowsMean(COL.diversity),
    entropy_final: lateRowsMean(COL.entropy),
    competitiveness_final: lateRowsMean(COL.competitiveness),
    lock_in_index_final: lockIn,
    lock_in_cognitive_final: lateRowsMean(COL.lock_in_cognitive),
    lock_in_functional_final: lateRowsMean(COL.lock_in_functional),
    lock_in_exhaustion_final: lateRowsMean(COL.lock_in_exhaustion),
    locked_in: Number.isNaN(lockIn) ? Number.NaN : lockIn >= threshold ? 1 : 0,
    external_tie_share_final: lateRowsMean(COL.external_tie_share),
    resident_skill_final: lateRowsMean(COL.resident_skill),
    tacit_dispersion_final: lateRowsMean(COL.tacit_dispersion),
    firms_alive_final: last(COL.firms_alive),
    entries_total: sum(h.entries),
    exits_total: sum(h.exits),
    peak_tick: peak,
    resilience_ticks: res.ticks,
    resilience_censored: res.censored,
    drop_ratio: res.dropRatio,
    policy_cost: cost,
    policy_cost_late: sum(h.policyCost, lateFrom),
    value_per_cost: cost > 0 ? valueTotal / cost : Number.NaN,
    plant_tacit_final: last(COL.plant_tacit),
    firm_learning_late: learned,
    firm_learning_institution_share_late: learned > 0 ? learnInstitutions / learned : Number.NaN,
    firm_learning_outside_share_late: learned > 0 ? learnOutside / learned : Number.NaN,
  };
  const degenerate = degenerateReason(h, series, rows, window);
  if (degenerate) for (const k of DEGENERATE_MISSING) outcomes[k] = Number.NaN;
  return { outcomes, degenerate };
}

/**
 * Resilience after the first shock at tick s: ticks until the moving mean of innovation
 * value over post-shock ticks only (the last min(window, t - s + 1) of them, from 5
 * post-shock ticks on) regains 90 % of the mean over the `window` ticks before the
 * shock; censored at the run's end. Drop ratio: mean value in the 20 ticks after the
 * shock over the 20 before.
 */
export function resilience(value: Float64Array, s: number, window: number): { ticks: number; censored: number; dropRatio: number } {
  const ticks = value.length;
  if (!(s >= 1 && s < ticks)) return { ticks: Number.NaN, censored: Number.NaN, dropRatio: Number.NaN };
  let pre = 0;
  const preFrom = Math.max(0, s - window);
  for (let t = preFrom; t < s; t++) pre += value[t];
  pre /= s - preFrom;
  let before = 0;
  let after = 0;
  let nb = 0;
  let na = 0;
  for (let t = Math.max(0, s - 20); t < s; t++, nb++) before += value[t];
  for (let t = s; t < Math.min(ticks, s + 20); t++, na++) after += value[t];
  const dropRatio = nb > 0 && na > 0 && before > 0 ? after / na / (before / nb) : Number.NaN;
  const minPost = 5;
  let run = 0;
  for (let t = s; t < ticks; t++) {
    run += value[t];
    const n = t - s + 1;
    if (n > window) run -= value[t - window];
    if (n >= minPost && run / Math.min(n, window) >= 0.9 * pre) return { ticks: t - s, censored: 0, dropRatio };
  }
  return { ticks: ticks - s, censored: 1, dropRatio };
}
