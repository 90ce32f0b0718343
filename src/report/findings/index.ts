/**
 * Findings as sentences computed from the statistics: what a reader should take away,
 * each with its interval, e.g. "Raising openness from 0 to 0.3 raised late innovation
 * value by 34 % (95 % CI 28 to 40 %)". Plain text; the page escapes it.
 */
import { sampleCorrelation } from 'simple-statistics';
import { label } from '../../charts';
import { BINARY_OUTCOMES, SURVIVAL_OUTCOMES, pooledQuadratics, summarize, wilsonInterval, type LinkFlowBlock, type SweepStats } from '../../stats';
import { armFindings, degenerateFindings, pointArmFindings } from './arms';
import { parameterFindings } from './design';
import { ci, fmt, meanText, pairedCi, pct, plural, pointLabelOf, pooledHow, signed } from './format';
import { recoveryFindings } from './recovery';
import { resumeCommand } from '../../sweep/resume-command';
import { reportMessages } from '../messages';
import { sweepProgress } from '../teaching-note';

export { changeClause, fmt, pct } from './format';

/** The findings of a sweep, most important first. */
export function findings(stats: SweepStats): string[] {
  const out: string[] = [];
  const runs = stats.runs.length;
  const points = new Set(stats.groups.map((g) => g.point)).size;
  if (runs === 0) return ['No run finished, so there is nothing to report yet.'];
  const progress = sweepProgress(stats.manifest, runs + stats.failed.length);
  if (progress) {
    const command = Array.isArray(stats.manifest.command) ? stats.manifest.command.map(String) : ['sweep', String(stats.scenario.name ?? 'SCENARIO')];
    out.push(reportMessages.unfinished(progress.status, progress.found, progress.planned, resumeCommand(command, stats.dir)));
  }
  const shard = stats.manifest.shard;
  if (shard) out.push(`This directory holds shard ${shard.index} of the shards 0 to ${shard.count - 1} of the sweep (--shard ${shard.index}/${shard.count}): the findings below cover its runs only. Merge the shards (lrsim merge DIR... --out DIR) for the whole sweep's findings.`);
  // Replicates per point and arm: one number when every cell has the same, else the range.
  const cells = new Map<string, number>();
  for (const r of stats.runs) cells.set(`${r.point}\u0000${r.arm}`, (cells.get(`${r.point}\u0000${r.arm}`) ?? 0) + 1);
  const perCell = [...cells.values()];
  const lo = Math.min(...perCell);
  const hi = Math.max(...perCell);
  const replicates = lo === hi ? `${lo} replicate${lo === 1 ? '' : 's'}` : `${lo} to ${hi} replicates`;
  out.push(
    `${runs} runs finished (${points} design point${points === 1 ? '' : 's'} × ${stats.arms.length} arm${stats.arms.length === 1 ? '' : 's'} × ${replicates})` +
      (stats.failed.length ? `; ${stats.failed.length} failed and are left out (listed below).` : '; none failed.'),
  );
  out.push(...degenerateFindings(stats));
  out.push(...parameterFindings(stats));
  out.push(...bestWorstPoint(stats));
  out.push(...armFindings(stats));
  out.push(...lockedInFindings(stats));
  out.push(...pointArmFindings(stats));
  out.push(...recoveryFindings(stats));
  out.push(...extraOutcomeFindings(stats));
  out.push(...linkFindings(stats));
  out.push(...firmFindings(stats));
  const pairs = stats.runs.filter((r) => Number.isFinite(r.outcomes.diversity_final) && Number.isFinite(r.outcomes.external_tie_share_final));
  if (pairs.length >= 3) {
    const r = sampleCorrelation(pairs.map((p) => p.outcomes.external_tie_share_final), pairs.map((p) => p.outcomes.diversity_final));
    if (Number.isFinite(r)) out.push(`Across runs, final diversity and final external tie share correlate with r = ${fmt(r, 2)} (Pearson, ${pairs.length} runs${stats.groups.length > 1 ? `, pooled over ${[new Set(stats.groups.map((g) => g.point)).size > 1 ? 'design points' : '', stats.arms.length > 1 ? 'arms' : ''].filter(Boolean).join(' and ')}: part of the correlation may come from the design` : ''}).`);
  }
  return out;
}

/**
 * How many runs ended locked in. The Wilson interval needs independent runs of one
 * condition: the runs of one arm at one design point are (each replicate has its own seed),
 * but the arms of a seed are not, and the runs of different points are draws from different
 * conditions: a share pooled over points is a mixture whose interval describes no single
 * condition. So the interval is given per arm only when the sweep has one design point;
 * over several points the count comes with the range of the points' shares.
 */
function lockedInFindings(stats: SweepStats): string[] {
  const lockedOf = (runs: readonly { outcomes: Record<string, number> }[]) => runs.map((r) => r.outcomes.locked_in).filter(Number.isFinite);
  const points = [...new Set(stats.runs.map((r) => r.point))].sort((a, b) => a - b);
  const pointLabel = pointLabelOf(stats);
  const text = (runs: readonly { point: number; outcomes: Record<string, number> }[]) => {
    const locked = lockedOf(runs);
    if (locked.length === 0) return null;
    const k = locked.filter((v) => v >= 0.5).length;
    if (points.length < 2) {
      const s = wilsonInterval(k, locked.length);
      return `${k} of ${locked.length} (${pct(s.share)}, Wilson 95 % CI ${pct(s.ciLow)} to ${pct(s.ciHigh)})`;
    }
    const per = points.flatMap((p) => {
      const at = lockedOf(runs.filter((r) => r.point === p));
      return at.length ? [{ p, k: at.filter((v) => v >= 0.5).length, n: at.length }] : [];
    });
    const lo = per.reduce((a, b) => (b.k / b.n < a.k / a.n ? b : a));
    const hi = per.reduce((a, b) => (b.k / b.n > a.k / a.n ? b : a));
    const range = lo.k / lo.n === hi.k / hi.n ? `${lo.k} of ${lo.n} at every design point` : `from ${lo.k} of ${lo.n} at ${pointLabel(lo.p)} to ${hi.k} of ${hi.n} at ${pointLabel(hi.p)}`;
    return `${k} of ${locked.length} (${pct(k / locked.length)}; ${range})`;
  };
  const why = points.length > 1 ? ' No interval for a share pooled over design points: it mixes different conditions (per point in the locked-in chart and stats.csv).' : '';
  const all = text(stats.runs);
  if (!all) return [];
  if (stats.arms.length < 2) return [`Over all runs, ${all} ended locked in.${why}`];
  const perArm = stats.arms.flatMap((arm) => {
    const s = text(stats.runs.filter((r) => r.arm === arm));
    // An arm whose runs all lack lock-in (degenerate runs) is named, not dropped.
    return s ? [`${arm} ${s}`] : [`${arm} none (lock-in undefined in all its runs)`];
  });
  const over = points.length > 1 ? ', over its design points' : '';
  return [`Runs that ended locked in, per arm${over} (the arms run on the same seeds, so their runs are not pooled into one interval): ${perArm.join('; ')}.${why}`];
}

/** Where the headline outcome was highest and lowest (group means; no effect is claimed). */
function bestWorstPoint(stats: SweepStats): string[] {
  if (stats.parameters.length < 2) return [];
  const arm = stats.baselineArm ?? stats.arms[0];
  const groups = stats.groups.filter((g) => g.arm === arm && Number.isFinite(g.outcomes.innovation_value_late?.mean));
  if (groups.length < 2 || groups.length > 64) return [];
  const best = groups.reduce((a, b) => (b.outcomes.innovation_value_late.mean > a.outcomes.innovation_value_late.mean ? b : a));
  const worst = groups.reduce((a, b) => (b.outcomes.innovation_value_late.mean < a.outcomes.innovation_value_late.mean ? b : a));
  const s = best.outcomes.innovation_value_late;
  const w = worst.outcomes.innovation_value_late;
  const where = stats.arms.length > 1 ? ` in the ${arm} arm` : '';
  return [`Of the ${groups.length} design points${where}, mean late innovation value was highest at ${best.pointLabel}: ${meanText(s)}, and lowest at ${worst.pointLabel}: ${meanText(w, false)}.`];
}

/** With firm microdata: is late value concave in partners' cognitive distance (fact 1b)? */
function firmFindings(stats: SweepStats): string[] {
  if (stats.firmCurves.length === 0) return [];
  // Arms share seeds, so their runs are not independent of each other: one sentence per
  // arm, pooling that arm's design points (different points have different seeds).
  const pooled = pooledQuadratics(stats.firmCurves);
  const points = new Set(stats.firmCurves.map((c) => c.point)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return pooled.map(({ arm, firms, runs, quadratic: q }) => {
    const where = [pooled.length > 1 ? `${arm} arm` : '', points > 1 ? 'pooled over the design points' : ''].filter(Boolean).join(', ');
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
  const ci = (b: LinkFlowBlock) => meanText(b.flow, false);
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

/** The outcomes a scenario lists in sweep.outcomes: per point x arm, and paired arm differences. */
function extraOutcomeFindings(stats: SweepStats): string[] {
  // Recovery time and its censoring are survival data: stated by recoveryFindings, never as means.
  const keys = ((stats.scenario.sweep as { outcomes?: string[] } | undefined)?.outcomes ?? []).filter((k) => stats.outcomeKeys.includes(k) && !(SURVIVAL_OUTCOMES as readonly string[]).includes(k));
  const out: string[] = [];
  for (const key of keys) {
    const binary = BINARY_OUTCOMES.has(key);
    const cells = stats.groups
      .filter((g) => g.outcomes[key] && g.outcomes[key].n > 0)
      .map((g) => {
        const s = g.outcomes[key];
        if (binary) return `${g.label || 'all runs'} ${Math.round(s.mean * s.n)} of ${s.n} (${pct(s.mean)}, Wilson ${ci(s.ciLow, s.ciHigh, pct)})`;
        return `${g.label || 'all runs'} ${meanText(s)}`;
      });
    if (cells.length === 0 || cells.length > 12) continue;
    const missing = stats.groups.filter((g) => !g.outcomes[key] || g.outcomes[key].n === 0).map((g) => g.label);
    let sentence = `${label(key)}: ${cells.join('; ')}` + (missing.length ? ` (undefined in ${missing.join(', ')})` : '') + '.';
    const baseline = stats.baselineArm;
    if (baseline) {
      const points = [...new Set(stats.groups.map((g) => g.point))].sort((a, b) => a - b);
      const pointLabel = pointLabelOf(stats);
      const diffText = (d: (typeof stats.paired)[number]['difference']) => `${signed(d.mean)} (${pairedCi(d.method, d.n, d.mean, d.ciLow, d.ciHigh)})`;
      const diffs = stats.arms.flatMap((arm) => {
        const p = arm === baseline ? undefined : stats.paired.find((x) => x.point === null && x.arm === arm && x.outcome === key);
        if (!p || p.difference.n <= 1) return [];
        // Over 2 to 6 points each point's difference too: the pooled one can hide different effects.
        const per = points.length > 1 && points.length <= 6
          ? points.flatMap((pt) => {
            const q = stats.paired.find((x) => x.point === pt && x.arm === arm && x.outcome === key);
            return q && q.difference.n > 1 ? [`${diffText(q.difference)} at ${pointLabel(pt)}`] : [];
          })
          : [];
        return [`${arm} ${diffText(p.difference)}${per.length ? `, per point ${per.join(', ')}` : ''}`];
      });
      const first = stats.paired.find((x) => x.point === null && x.arm !== baseline && x.outcome === key)?.difference.method;
      const pooled = points.length > 1 ? `, pooled over the design points${pooledHow(first, stats.design).replace(',', '')}` : '';
      if (diffs.length) sentence += ` Paired difference to the ${baseline} arm on the same seeds${pooled}: ${diffs.join('; ')}.`;
    }
    out.push(sentence);
  }
  return out;
}
