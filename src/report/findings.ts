/**
 * Findings as sentences computed from the statistics: what a reader should take away,
 * each with its interval, e.g. "Raising openness from 0 to 0.3 raised late innovation
 * value by 34 % (95 % CI 28 to 40 %)". Plain text; the page escapes it.
 */
import { sampleCorrelation } from 'simple-statistics';
import { label } from '../charts';
import { formatParamValue, shortParamNames, summarize, welchDifference, wilsonInterval, type LinkFlowBlock, type SweepStats } from '../stats';

/** A number with 3 significant digits, without trailing zeros. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const s = abs >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(digits)));
  return s.replace('-', '−');
}

/** A fraction as a percentage. */
export function pct(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits).replace('-', '−')} %` : 'n/a';
}

/** "raised X by 34 % (95 % CI 28 to 40 %)", "lowered ...", or "did not clearly change ...". */
export function changeClause(measure: string, rel: number, relLo: number, relHi: number): string {
  const ci = `(95 % CI ${pctSigned(relLo)} to ${pctSigned(relHi)})`;
  if (!Number.isFinite(rel)) return `left ${measure} undetermined`;
  if (relLo > 0) return `raised ${measure} by ${pct(rel)} ${ci}`;
  if (relHi < 0) return `lowered ${measure} by ${pct(-rel)} ${ci}`;
  return `did not clearly change ${measure}: ${pctSigned(rel)} ${ci}, an interval that includes no change`;
}

function pctSigned(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const v = Math.round(100 * x);
  return `${v > 0 ? '+' : ''}${String(v).replace('-', '−')} %`;
}

/** The findings of a sweep, most important first. */
export function findings(stats: SweepStats): string[] {
  const out: string[] = [];
  const runs = stats.runs.length;
  const points = new Set(stats.groups.map((g) => g.point)).size;
  if (runs === 0) return ['No run finished, so there is nothing to report yet.'];
  out.push(
    `${runs} runs finished (${points} design point${points === 1 ? '' : 's'} × ${stats.arms.length} arm${stats.arms.length === 1 ? '' : 's'} × replicates)` +
      (stats.failed.length ? `; ${stats.failed.length} failed and are left out (listed below).` : '; none failed.'),
  );
  out.push(...parameterFindings(stats));
  out.push(...armFindings(stats));
  const locked = stats.runs.map((r) => r.outcomes.locked_in).filter(Number.isFinite);
  if (locked.length) {
    const s = wilsonInterval(locked.filter((v) => v >= 0.5).length, locked.length);
    out.push(`Over all runs, ${s.successes} of ${s.n} (${pct(s.share)}, Wilson 95 % CI ${pct(s.ciLow)} to ${pct(s.ciHigh)}) ended locked in.`);
  }
  out.push(...pointArmFindings(stats));
  out.push(...extraOutcomeFindings(stats));
  out.push(...linkFindings(stats));
  out.push(...firmFindings(stats));
  const pairs = stats.runs.filter((r) => Number.isFinite(r.outcomes.diversity_final) && Number.isFinite(r.outcomes.external_tie_share_final));
  if (pairs.length >= 3) {
    const r = sampleCorrelation(pairs.map((p) => p.outcomes.external_tie_share_final), pairs.map((p) => p.outcomes.diversity_final));
    if (Number.isFinite(r)) out.push(`Across runs, final diversity and final external tie share correlate with r = ${fmt(r, 2)} (Pearson, ${pairs.length} runs).`);
  }
  return out;
}

/** Per swept numeric parameter: highest against lowest value, baseline arm, pooled over the other parameters. */
function parameterFindings(stats: SweepStats): string[] {
  const out: string[] = [];
  const arm = stats.baselineArm ?? stats.arms[0];
  const rows = stats.runs.filter((r) => r.arm === arm);
  const short = shortParamNames(stats.parameters);
  const others = stats.parameters.length > 1;
  for (const p of stats.parameters) {
    const values = [...new Set(rows.map((r) => r.params[p]))].filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    if (values.length < 2) continue;
    const lo = values[0];
    const hi = values[values.length - 1];
    const at = (v: number, key: string) => rows.filter((r) => r.params[p] === v).map((r) => r.outcomes[key]);
    const d = welchDifference(at(hi, 'innovation_value_late'), at(lo, 'innovation_value_late'));
    const context = [stats.arms.length > 1 ? `in the ${arm} arm` : '', others ? 'averaged over the other swept parameters' : ''].filter(Boolean).join(', ');
    const sentence = `raising ${p} from ${formatParamValue(lo)} to ${formatParamValue(hi)} ${changeClause('late innovation value', d.relMean, d.relCiLow, d.relCiHigh)} ` +
      `(mean ${fmt(d.reference + d.difference)} against ${fmt(d.reference)}; Welch t interval).`;
    out.push(context ? `${context[0].toUpperCase()}${context.slice(1)}, ${sentence}` : `${sentence[0].toUpperCase()}${sentence.slice(1)}`);
    const share = (v: number) => {
      const xs = at(v, 'locked_in').filter(Number.isFinite);
      return wilsonInterval(xs.filter((x) => x >= 0.5).length, xs.length);
    };
    const a = share(lo);
    const b = share(hi);
    if (a.n && b.n) {
      out.push(
        `Runs locked in: ${pct(a.share)} (Wilson 95 % CI ${pct(a.ciLow)} to ${pct(a.ciHigh)}) at ${short[p]} = ${formatParamValue(lo)} against ` +
          `${pct(b.share)} (${pct(b.ciLow)} to ${pct(b.ciHigh)}) at ${short[p]} = ${formatParamValue(hi)}.`,
      );
    }
  }
  if (stats.parameters.length >= 2) {
    const groups = stats.groups.filter((g) => g.arm === arm && Number.isFinite(g.outcomes.innovation_value_late?.mean));
    if (groups.length > 1) {
      const best = groups.reduce((a, b) => (b.outcomes.innovation_value_late.mean > a.outcomes.innovation_value_late.mean ? b : a));
      const worst = groups.reduce((a, b) => (b.outcomes.innovation_value_late.mean < a.outcomes.innovation_value_late.mean ? b : a));
      const s = best.outcomes.innovation_value_late;
      const w = worst.outcomes.innovation_value_late;
      out.push(`Late innovation value was highest at ${best.pointLabel}: ${fmt(s.mean)} (95 % CI ${fmt(s.ciLow)} to ${fmt(s.ciHigh)}), and lowest at ${worst.pointLabel}: ${fmt(w.mean)} (${fmt(w.ciLow)} to ${fmt(w.ciHigh)}).`);
    }
  }
  return out;
}

/** Per arm: paired effect on late innovation value, lock-in and value per cost. */
function armFindings(stats: SweepStats): string[] {
  const out: string[] = [];
  const baseline = stats.baselineArm;
  if (!baseline) return out;
  const pooled = new Set(stats.groups.map((g) => g.point)).size > 1 ? ' pooled over all design points' : '';
  for (const arm of stats.arms) {
    if (arm === baseline) continue;
    const p = stats.paired.find((x) => x.point === null && x.arm === arm && x.outcome === 'innovation_value_late');
    if (!p) {
      out.push(`The ${arm} arm shares no seeds with the ${baseline} arm, so no paired comparison is possible.`);
      continue;
    }
    const d = p.difference;
    out.push(
      `The ${arm} arm ${changeClause('late innovation value', d.relMean, d.relCiLow, d.relCiHigh)} over the ${baseline} arm on the same ${d.n} seeds${pooled} ` +
        `(paired difference ${fmt(d.mean)}, Cohen's d_z ${Math.abs(d.dz) > 100 ? '> 100' : `= ${fmt(d.dz, 2)}`}).`,
    );
    const l = stats.paired.find((x) => x.point === null && x.arm === arm && x.outcome === 'lock_in_index_final');
    if (l) {
      const e = l.difference;
      out.push(`Its final ${label('lock_in_index').toLowerCase()} differed from the ${baseline} arm by ${fmt(e.mean)} (95 % CI ${fmt(e.ciLow)} to ${fmt(e.ciHigh)}).`);
    }
    const c = stats.cost.find((x) => x.point === null && x.arm === arm);
    if (c && Number.isFinite(c.valuePerCost)) {
      out.push(`Each unit of extra policy cost of the ${arm} arm bought ${fmt(c.valuePerCost)} units of extra innovation value summed over the whole run (95 % CI ${fmt(c.valuePerCostLow)} to ${fmt(c.valuePerCostHigh)}; extra cost ${fmt(c.extraCost)} per run).`);
    }
  }
  return out;
}

/** With firm microdata: is late value concave in partners' cognitive distance (fact 1b)? */
function firmFindings(stats: SweepStats): string[] {
  if (stats.firmCurves.length === 0) return [];
  // Arms share seeds, so their runs are not independent of each other: one sentence per
  // arm, pooling that arm's design points (different points have different seeds).
  const arms = [...new Set(stats.firmCurves.map((c) => c.arm))];
  const points = new Set(stats.firmCurves.map((c) => c.point)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return arms.map((arm) => {
    const curves = stats.firmCurves.filter((c) => c.arm === arm);
    const firms = curves.reduce((a, c) => a + c.firms, 0);
    const runs = curves.reduce((a, c) => a + c.runs, 0);
    const q = summarize(curves.flatMap((c) => c.terms));
    const where = [arms.length > 1 ? `${arm} arm` : '', points > 1 ? 'pooled over the design points' : ''].filter(Boolean).join(', ');
    const head = `Firm level (${where ? `${where}; ` : ''}${plural(firms, 'firm')} that lived through the late window, ${plural(runs, 'run')})`;
    if (q.n < 2) return `${head}: too few runs with enough firms for a per-run fit.`;
    const shape = q.ciHigh < 0 ? 'is concave' : q.ciLow > 0 ? 'is convex' : 'is not clearly concave or convex';
    return (
      `${head}: late innovation value against the cognitive distance of the partners a firm learned from ${shape}: ` +
      `quadratic term fitted per run ${fmt(q.mean)} (95 % CI ${fmt(q.ciLow)} to ${fmt(q.ciHigh)}, ${plural(q.n, 'run')}; below zero = concave, the shape of the proximity paradox).`
    );
  });
}

/** Tacit flow across an infrastructure link just before and just after the policy starts. */
function linkFindings(stats: SweepStats): string[] {
  const out: string[] = [];
  const ci = (b: LinkFlowBlock) => `${fmt(b.flow.mean)} (95 % CI ${fmt(b.flow.ciLow)} to ${fmt(b.flow.ciHigh)})`;
  const ticks = (b: LinkFlowBlock) => `ticks ${b.start}–${b.end - 1}`;
  for (const link of stats.linkFlows) {
    const first = Math.min(...link.starts.map((s) => s.tick));
    const parts: string[] = [];
    for (const g of link.groups) {
      // Each arm around its own policy start; arms without the policy around the first one.
      const own = link.starts.find((s) => s.arm === g.arm || s.arm === null);
      const start = own ? own.tick : first;
      const before = g.blocks.filter((b) => b.end <= start).pop();
      const after = g.blocks.find((b) => b.start >= start);
      const last = g.blocks[g.blocks.length - 1];
      if (!before || !after || !last) continue;
      const label = stats.groups.find((h) => h.point === g.point && h.arm === g.arm)?.label || g.arm;
      const policy = own ? `policy from tick ${start}` : `no policy; compared around tick ${start}`;
      const end = last === after ? '' : `, ${ci(last)} in ${ticks(last)}`;
      parts.push(`${label} (${policy}): ${ci(before)} in ${ticks(before)}, ${ci(after)} in ${ticks(after)}${end}`);
    }
    if (parts.length === 0 || parts.length > 8) continue;
    out.push(`Tacit flow between ${link.from} and ${link.to} (both ways, per tick) before and after the policy "${link.starts[0].label}" starts: ${parts.join('; ')}.`);
  }
  return out;
}

/** With arms and a few design points: each arm's paired effect at each point. */
function pointArmFindings(stats: SweepStats): string[] {
  const baseline = stats.baselineArm;
  const points = [...new Set(stats.groups.map((g) => g.point))];
  if (!baseline || points.length < 2 || points.length > 6) return [];
  const out: string[] = [];
  for (const arm of stats.arms) {
    if (arm === baseline) continue;
    const parts = points.flatMap((point) => {
      const p = stats.paired.find((x) => x.point === point && x.arm === arm && x.outcome === 'innovation_value_late');
      const label = stats.groups.find((g) => g.point === point)?.pointLabel ?? String(point);
      if (!p) return [];
      const d = p.difference;
      return [`at ${label} ${fmt(d.mean)} (95 % CI ${fmt(d.ciLow)} to ${fmt(d.ciHigh)}; ${pctSigned(d.relMean)})`];
    });
    if (parts.length) out.push(`Per design point, the ${arm} arm changed late innovation value over the ${baseline} arm (paired, same seeds): ${parts.join('; ')}.`);
  }
  return out;
}

/** The outcomes a scenario lists in sweep.outcomes: per point x arm, and paired arm differences. */
function extraOutcomeFindings(stats: SweepStats): string[] {
  const keys = ((stats.scenario.sweep as { outcomes?: string[] } | undefined)?.outcomes ?? []).filter((k) => stats.outcomeKeys.includes(k));
  const out: string[] = [];
  for (const key of keys) {
    const cells = stats.groups
      .filter((g) => g.outcomes[key] && g.outcomes[key].n > 0)
      .map((g) => {
        const s = g.outcomes[key];
        return `${g.label || 'all runs'} ${fmt(s.mean)}${s.n > 1 ? ` (95 % CI ${fmt(s.ciLow)} to ${fmt(s.ciHigh)}, ${s.n} runs)` : ` (${s.n} run)`}`;
      });
    if (cells.length === 0 || cells.length > 12) continue;
    const missing = stats.groups.filter((g) => !g.outcomes[key] || g.outcomes[key].n === 0).map((g) => g.label);
    let sentence = `${label(key)}: ${cells.join('; ')}` + (missing.length ? ` (undefined in ${missing.join(', ')})` : '') + '.';
    const baseline = stats.baselineArm;
    if (baseline) {
      const diffs = stats.arms.flatMap((arm) => {
        const p = arm === baseline ? undefined : stats.paired.find((x) => x.point === null && x.arm === arm && x.outcome === key);
        return p && p.difference.n > 1 ? [`${arm} ${fmt(p.difference.mean)} (95 % CI ${fmt(p.difference.ciLow)} to ${fmt(p.difference.ciHigh)})`] : [];
      });
      if (diffs.length) sentence += ` Paired difference to the ${baseline} arm on the same seeds: ${diffs.join('; ')}.`;
    }
    out.push(sentence);
  }
  return out;
}
