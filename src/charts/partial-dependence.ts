/**
 * Continuous designs (LHS, Sobol, ...): each run as a dot against each swept parameter,
 * with the binned conditional mean and its 95 % band (partial dependence, estimated by
 * quantile bins) on top. Heatmaps are for grids only.
 */
import { shortParamNames, type SweepStats } from '../stats';
import { label, round, topLevel, type Chart } from './chart';
import { PALETTE } from './theme';

const OUTCOMES = [
  { key: 'innovation_value_late', name: 'innovation', unit: 'value per tick' },
  { key: 'lock_in_index_final', name: 'lock-in', unit: '0–1, no unit' },
] as const;

/** One chart per outcome, one panel per swept numeric parameter (none for a grid). */
export function partialDependenceCharts(stats: SweepStats): Chart[] {
  const arm = stats.baselineArm ?? stats.arms[0] ?? '';
  const short = shortParamNames(stats.parameters);
  const charts: Chart[] = [];
  for (const o of OUTCOMES) {
    const bins = stats.effects.dependence.filter((b) => b.outcome === o.key && (b.arm === arm || b.arm === ''));
    if (bins.length === 0) continue;
    const params = [...new Set(bins.map((b) => b.parameter))];
    const rows: object[] = [];
    for (const r of stats.runs) {
      if (r.arm !== arm || r.degenerate || !Number.isFinite(r.outcomes[o.key])) continue;
      for (const p of params) rows.push({ kind: 'run', parameter: short[p] ?? p, x: round(r.params[p] as number, 4), y: round(r.outcomes[o.key], 4), seed: r.seed });
    }
    for (const b of bins) rows.push({ kind: 'bin', parameter: short[b.parameter] ?? b.parameter, x: round(b.xMid, 4), y: round(b.mean, 4), lo: round(b.lo, 4), hi: round(b.hi, 4), n: b.n });
    const x = { field: 'x', type: 'quantitative', title: null, scale: { zero: false, nice: false }, axis: { format: '.3~g', tickCount: 4, labelOverlap: true } };
    const yTitle = `${label(o.key)} (${o.unit})`;
    const y = { field: 'y', type: 'quantitative', title: yTitle, scale: { zero: false }, axis: { format: '.3~g' } };
    const spec = {
      width: 230,
      height: 190,
      layer: [
        { transform: [{ filter: "datum.kind === 'run'" }], mark: { type: 'circle', size: 14, opacity: 0.35, color: '#888' }, encoding: { x, y, tooltip: [{ field: 'x', title: 'Value', format: '.3~g' }, { field: 'y', title: label(o.key), format: '.3~g' }, { field: 'seed', title: 'Seed' }] } },
        { transform: [{ filter: "datum.kind === 'bin' && isValid(datum.lo)" }], mark: { type: 'area', opacity: 0.25, color: PALETTE[0] }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: yTitle }, y2: { field: 'hi' } } },
        { transform: [{ filter: "datum.kind === 'bin'" }], mark: { type: 'line', point: true, strokeWidth: 2, color: PALETTE[0] }, encoding: { x, y, tooltip: [{ field: 'x', title: 'Bin centre', format: '.3~g' }, { field: 'y', title: 'Mean', format: '.3~g' }, { field: 'lo', title: '95 % CI low', format: '.3~g' }, { field: 'hi', title: '95 % CI high', format: '.3~g' }, { field: 'n', title: 'Runs' }] } },
      ],
    };
    const body = { facet: { field: 'parameter', type: 'nominal', title: null, sort: params.map((p) => short[p] ?? p), header: { labelFontSize: 12 } }, columns: Math.min(3, params.length), spec, resolve: { scale: { x: 'independent' } } };
    const where = stats.arms.length > 1 ? ` (${arm} arm)` : '';
    charts.push({
      name: `partial-dependence-${o.name}`,
      title: `${label(o.key)} against each swept parameter${where}`,
      caption: `Grey dots: single runs. Line and band: the mean of ${label(o.key).toLowerCase()} in quantile bins of the parameter, with its t-based 95 % interval, averaging over the other parameters as the design spread them (a partial-dependence estimate; with few runs per bin the band is wide). A flat line means no effect on its own, not no effect in combination.`,
      spec: topLevel(`${label(o.key)} against each swept parameter${where}`, 'Dots: runs; line: binned mean with 95 % CI', rows, body),
    });
  }
  return charts;
}
