/**
 * Policy comparison: each arm's paired difference to the baseline arm on the same seeds
 * (late innovation value, in % of the baseline, with its 95 % CI), and the extra
 * innovation value it buys per unit of extra policy cost.
 */
import type { ContrastRow, SweepStats } from '../stats';
import { round, topLevel, type Chart, type VlSpec } from './chart';
import { PALETTE } from './theme';

/** The policy comparison chart, or null without arms. */
export function policyChart(stats: SweepStats): Chart | null {
  if (!stats.baselineArm) return null;
  const baseline = stats.baselineArm;
  const arms = stats.arms.filter((a) => a !== baseline);
  // Pooled effect per arm; where it hides different effects at different points (signs
  // differ, or a significant test of heterogeneity), the points are shown beside it.
  const pointLabel = (point: number) => stats.groups.find((g) => g.point === point)?.chartPointLabel || String(point);
  const rowOf = (c: ContrastRow, rowLabel: string) => ({ arm: rowLabel, panel: 'effect', mean: round(100 * c.rel), lo: round(100 * c.relLo), hi: round(100 * c.relHi), abs: round(c.estimate), absLo: round(c.lo), absHi: round(c.hi), dz: round(c.dz, 3), n: c.n });
  const effectLabels: string[] = [];
  const effect = arms.flatMap((arm) => {
    const c = stats.armComparison.contrasts.find((x) => x.point === null && x.armA === arm && x.armB === baseline && x.outcome === 'innovation_value_late');
    if (!c) return [];
    const h = stats.armComparison.heterogeneity.find((x) => x.outcome === 'innovation_value_late' && x.armA === arm && x.armB === baseline);
    const perPoint = h?.misleading
      ? stats.armComparison.contrasts.filter((x) => x.point !== null && x.armA === arm && x.armB === baseline && x.outcome === 'innovation_value_late').slice(0, 12)
      : [];
    const pooledLabel = perPoint.length ? `${arm} · pooled (hides differences)` : arm;
    const out = [rowOf(c, pooledLabel), ...perPoint.map((x) => rowOf(x, `${arm} · ${pointLabel(x.point as number)}`))];
    effectLabels.push(...out.map((r) => r.arm));
    return out;
  });
  if (effect.length === 0) return null;
  const cost = arms.flatMap((arm) => {
    const c = stats.cost.find((x) => x.point === null && x.arm === arm && x.window === 'late');
    if (!c || !Number.isFinite(c.valuePerCost)) return [];
    return [{ arm, panel: 'cost', mean: round(c.valuePerCost), lo: round(c.valuePerCostLow), hi: round(c.valuePerCostHigh), extraCost: round(c.extraCost), n: c.pairs }];
  });
  const y = { field: 'arm', type: 'nominal', title: null, sort: effectLabels, axis: { labelLimit: 260 } };
  const height = Math.max(60, 30 * effectLabels.length);
  const dotAndBar = (xTitle: string, tooltip: VlSpec[], colour: string): VlSpec[] => [
    { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    { mark: { type: 'rule', strokeWidth: 2.5, color: colour }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: xTitle }, x2: { field: 'hi' }, tooltip } },
    { mark: { type: 'point', filled: true, size: 110, color: colour, opacity: 1 }, encoding: { y, x: { field: 'mean', type: 'quantitative', title: xTitle }, tooltip } },
  ];
  const effectPanel = {
    title: { text: `Change in late innovation value vs ${baseline}`, fontSize: 12 },
    width: 300,
    height,
    transform: [{ filter: "datum.panel === 'effect'" }],
    layer: dotAndBar(`% of ${baseline} (95 % CI)`, [
      { field: 'arm', title: 'Arm' }, { field: 'mean', title: 'Change (%)', format: '.1f' }, { field: 'lo', title: 'CI low (%)', format: '.1f' }, { field: 'hi', title: 'CI high (%)', format: '.1f' },
      { field: 'abs', title: 'Change (absolute)', format: '.4~g' }, { field: 'dz', title: "Cohen's d_z", format: '.2f' }, { field: 'n', title: 'Paired seeds' },
    ], PALETTE[0]),
  };
  const costPanel = {
    title: { text: `Extra late-window value per ${stats.costUnit || 'unit of'} extra cost`, fontSize: 12 },
    width: 260,
    height: Math.max(60, 36 * arms.length),
    transform: [{ filter: "datum.panel === 'cost'" }],
    layer: dotAndBar(`Value per ${stats.costUnit || 'unit cost'} (95 % CI)`, [
      { field: 'arm', title: 'Arm' }, { field: 'mean', title: 'Value per unit cost', format: '.4~g' }, { field: 'lo', title: 'CI low', format: '.4~g' }, { field: 'hi', title: 'CI high', format: '.4~g' },
      { field: 'extraCost', title: 'Extra cost per run', format: '.4~g' }, { field: 'n', title: 'Paired seeds' },
    ], PALETTE[2]),
  };
  const body = cost.length ? { hconcat: [effectPanel, costPanel], spacing: 40 } : { vconcat: [effectPanel] };
  const headline = stats.armComparison.contrasts.find((c) => c.point === null && c.outcome === 'innovation_value_late');
  const pooled = stats.groups.length > stats.arms.length ? (headline?.method === 'paired_t_by_point' ? ' pooled over all points, stratified by point' : ' pooled over all points') : '';
  return {
    name: 'policy-comparison',
    title: 'Policy comparison',
    caption: `Left: mean paired difference of each arm to the reference arm “${baseline}” on the same seeds${pooled}, in % of the reference arm's mean late innovation value, with the 95 % CI of that ratio (Fieller's, from the paired t; no bar where the reference mean is not clearly away from 0 or the differences do not vary; hover for the absolute difference and Cohen's d_z). Where the pooled effect hides different effects at different design points, each point's effect is shown under it. ${cost.length ? `Right: extra innovation value in the late window (the window of the effect on the left) per ${stats.costUnit || 'unit'} of extra policy cost in that window (arms that cost no more than the reference arm are left out; the whole-run figure is in the findings and stats.csv).` : 'No arm costs more than the reference arm, so no value per cost is shown.'}`,
    spec: topLevel('Policy comparison', `Paired on the same seeds; dashed line: no difference`, [...effect, ...cost], body),
  };
}
