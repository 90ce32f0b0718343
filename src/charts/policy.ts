/**
 * Policy comparison: each arm's paired difference to the baseline arm on the same seeds
 * (late innovation value, in % of the baseline, with its 95 % CI), and the extra
 * innovation value it buys per unit of extra policy cost.
 */
import type { SweepStats } from '../stats';
import { round, topLevel, type Chart, type VlSpec } from './chart';
import { PALETTE } from './theme';

/** The policy comparison chart, or null without arms. */
export function policyChart(stats: SweepStats): Chart | null {
  if (!stats.baselineArm) return null;
  const baseline = stats.baselineArm;
  const arms = stats.arms.filter((a) => a !== baseline);
  const effect = arms.flatMap((arm) => {
    const p = stats.paired.find((x) => x.point === null && x.arm === arm && x.outcome === 'innovation_value_late');
    if (!p) return [];
    const d = p.difference;
    return [{ arm, panel: 'effect', mean: round(100 * d.relMean), lo: round(100 * d.relCiLow), hi: round(100 * d.relCiHigh), abs: round(d.mean), absLo: round(d.ciLow), absHi: round(d.ciHigh), dz: round(d.dz, 3), n: d.n }];
  });
  if (effect.length === 0) return null;
  const cost = arms.flatMap((arm) => {
    const c = stats.cost.find((x) => x.point === null && x.arm === arm);
    if (!c || !Number.isFinite(c.valuePerCost)) return [];
    return [{ arm, panel: 'cost', mean: round(c.valuePerCost), lo: round(c.valuePerCostLow), hi: round(c.valuePerCostHigh), extraCost: round(c.extraCost), n: c.pairs }];
  });
  const y = { field: 'arm', type: 'nominal', title: null, sort: arms, axis: { labelLimit: 200 } };
  const height = Math.max(60, 36 * arms.length);
  const dotAndBar = (xTitle: string, tooltip: VlSpec[], colour: string): VlSpec[] => [
    { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    { mark: { type: 'rule', strokeWidth: 2.5, color: colour }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: xTitle }, x2: { field: 'hi' }, tooltip } },
    { mark: { type: 'point', filled: true, size: 110, color: colour, opacity: 1 }, encoding: { y, x: { field: 'mean', type: 'quantitative', title: xTitle }, tooltip } },
  ];
  const effectPanel = {
    title: { text: `Change in late innovation value vs ${baseline}`, fontSize: 12 },
    width: 340,
    height,
    transform: [{ filter: "datum.panel === 'effect'" }],
    layer: dotAndBar(`% of ${baseline} (95 % CI)`, [
      { field: 'arm', title: 'Arm' }, { field: 'mean', title: 'Change (%)', format: '.1f' }, { field: 'lo', title: 'CI low (%)', format: '.1f' }, { field: 'hi', title: 'CI high (%)', format: '.1f' },
      { field: 'abs', title: 'Change (absolute)', format: '.4~g' }, { field: 'dz', title: "Cohen's d_z", format: '.2f' }, { field: 'n', title: 'Paired seeds' },
    ], PALETTE[0]),
  };
  const costPanel = {
    title: { text: 'Extra innovation value (whole run) per unit of extra cost', fontSize: 12 },
    width: 300,
    height,
    transform: [{ filter: "datum.panel === 'cost'" }],
    layer: dotAndBar('Value per unit cost (95 % CI)', [
      { field: 'arm', title: 'Arm' }, { field: 'mean', title: 'Value per unit cost', format: '.4~g' }, { field: 'lo', title: 'CI low', format: '.4~g' }, { field: 'hi', title: 'CI high', format: '.4~g' },
      { field: 'extraCost', title: 'Extra cost per run', format: '.4~g' }, { field: 'n', title: 'Paired seeds' },
    ], PALETTE[2]),
  };
  const body = cost.length ? { hconcat: [effectPanel, costPanel], spacing: 40 } : { vconcat: [effectPanel] };
  const pooled = stats.groups.length > stats.arms.length ? ' pooled over all points' : '';
  return {
    name: 'policy-comparison',
    title: 'Policy comparison',
    caption: `Left: mean paired difference of each arm to the reference arm “${baseline}” on the same seeds${pooled}, in % of the reference arm's mean late innovation value, with its t-based 95 % CI (hover for Cohen's d_z). ${cost.length ? 'Right: extra innovation value summed over the whole run (not only the late window) per unit of extra policy cost (arms that cost no more than the reference arm are left out).' : 'No arm costs more than the reference arm, so no value per cost is shown.'}`,
    spec: topLevel('Policy comparison', `Paired on the same seeds; dashed line: no difference`, [...effect, ...cost], body),
  };
}
