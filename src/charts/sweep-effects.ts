/**
 * How the outcome responds to the swept parameters: heatmaps over two parameters, a line
 * with confidence intervals over one, nothing for a design without swept parameters.
 */
import { formatParamValue, shortParamNames, type GroupStats, type SweepStats } from '../stats';
import { round, topLevel, type Chart, type VlSpec } from './chart';
import { PALETTE } from './theme';
import { mainEffectsChart } from './main-effects';
import { partialDependenceCharts } from './partial-dependence';

interface Measure {
  key: 'innovation_value_late' | 'locked_in';
  name: string;
  title: string;
  valueTitle: string;
  scheme: string;
  format: string;
  get(g: GroupStats): { mean: number; lo: number; hi: number; n: number };
}

const MEASURES: Measure[] = [
  {
    key: 'innovation_value_late', name: 'innovation', title: 'Late innovation value', valueTitle: 'Late innovation value', scheme: 'viridis', format: '.3~g',
    get: (g) => { const s = g.outcomes.innovation_value_late; return s ? { mean: s.mean, lo: s.ciLow, hi: s.ciHigh, n: s.n } : { mean: NaN, lo: NaN, hi: NaN, n: 0 }; },
  },
  {
    key: 'locked_in', name: 'locked-in', title: 'Share of runs locked in', valueTitle: 'Share locked in', scheme: 'orangered', format: '.0%',
    get: (g) => ({ mean: g.lockedIn.share, lo: g.lockedIn.ciLow, hi: g.lockedIn.ciHigh, n: g.lockedIn.n }),
  },
];

const numeric = (stats: SweepStats, p: string) => stats.groups.every((g) => typeof g.params[p] === 'number');

/**
 * The charts of the outcome against the swept parameters: cell means and main effects for a
 * grid; runs with partial dependence for continuous designs (heatmaps are for grids only).
 */
export function sweepEffectCharts(stats: SweepStats): Chart[] {
  if (stats.parameters.length === 0) return [];
  if (stats.design !== 'grid') return partialDependenceCharts(stats);
  const effects = mainEffectsChart(stats);
  return [...(effects ? [effects] : []), ...cellCharts(stats)];
}

function cellCharts(stats: SweepStats): Chart[] {
  return MEASURES.map((m) => (stats.parameters.length >= 2 ? heatmap(stats, m) : paramLine(stats, m))).filter((c): c is Chart => c !== null);
}

function armEncoding(stats: SweepStats): Record<string, unknown> | undefined {
  return stats.arms.length > 1 ? { field: 'arm', type: 'nominal', title: 'Arm', sort: stats.arms, legend: { orient: 'bottom' } } : undefined;
}

function paramLine(stats: SweepStats, m: Measure): Chart | null {
  const p = stats.parameters[0];
  const name = shortParamNames(stats.parameters)[p];
  const rows = stats.groups.map((g) => {
    const v = m.get(g);
    return { x: g.params[p] as number | string, xLabel: formatParamValue(g.params[p]), arm: g.arm, mean: round(v.mean), lo: round(v.lo), hi: round(v.hi), n: v.n };
  });
  if (rows.every((r) => r.mean === null)) return null;
  const x = numeric(stats, p) ? { field: 'x', type: 'quantitative', title: p, scale: { zero: false, nice: false, padding: 18 } } : { field: 'xLabel', type: 'ordinal', title: p };
  const colour = armEncoding(stats);
  const yScale = m.key === 'locked_in' ? { domain: [0, 1] } : { zero: false };
  const y = { field: 'mean', type: 'quantitative', title: m.valueTitle, scale: yScale, axis: m.key === 'locked_in' ? { format: '.0%' } : {} };
  const tooltip = [
    { field: 'xLabel', title: name }, ...(colour ? [{ field: 'arm', title: 'Arm' }] : []),
    { field: 'mean', title: m.valueTitle, format: m.format }, { field: 'lo', title: '95 % CI low', format: m.format }, { field: 'hi', title: '95 % CI high', format: m.format }, { field: 'n', title: 'Runs' },
  ];
  const enc = (extra: VlSpec) => ({ x, ...(colour ? { color: colour } : {}), ...extra });
  const xOffset = colour && x.type === 'ordinal' ? { xOffset: { field: 'arm', sort: stats.arms } } : {};
  const body = {
    width: 480,
    height: 280,
    layer: [
      { mark: { type: 'line', strokeWidth: 1.5, opacity: 0.7, color: PALETTE[0] }, encoding: enc({ y }) },
      { mark: { type: 'rule', strokeWidth: 2, color: PALETTE[0] }, encoding: enc({ ...xOffset, y: { field: 'lo', type: 'quantitative', title: m.valueTitle, scale: yScale }, y2: { field: 'hi' }, tooltip }) },
      { mark: { type: 'point', filled: true, size: 70, opacity: 1, color: PALETTE[0] }, encoding: enc({ ...xOffset, y, tooltip }) },
    ],
  };
  const interval = m.key === 'locked_in' ? 'Wilson 95 % interval' : 't-based 95 % confidence interval of the mean';
  return {
    name: `sweep-${m.name}`,
    title: `${m.title} by ${name}`,
    caption: `${m.title} at each value of ${p}, with the ${interval} over replicate runs${colour ? ', per arm' : ''}.`,
    spec: topLevel(`${m.title} by ${name}`, `Points: mean; bars: ${interval}`, rows, body),
  };
}

function heatmap(stats: SweepStats, m: Measure): Chart | null {
  const [px, py] = stats.parameters;
  const short = shortParamNames(stats.parameters);
  const others = stats.parameters.slice(2);
  // With more than two swept parameters the cell averages the group means over the others.
  const cells = new Map<string, { x: unknown; y: unknown; arm: string; means: number[]; los: number[]; his: number[]; n: number }>();
  for (const g of stats.groups) {
    const key = `${formatParamValue(g.params[px])}\u0000${formatParamValue(g.params[py])}\u0000${g.arm}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { x: g.params[px], y: g.params[py], arm: g.arm, means: [], los: [], his: [], n: 0 }));
    const v = m.get(g);
    if (Number.isFinite(v.mean)) {
      c.means.push(v.mean);
      c.los.push(v.lo);
      c.his.push(v.hi);
    }
    c.n += v.n;
  }
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const rows = [...cells.values()].map((c) => ({
    x: c.x, y: c.y, xLabel: formatParamValue(c.x), yLabel: formatParamValue(c.y), arm: c.arm,
    mean: round(avg(c.means)), lo: others.length ? null : round(c.los[0] ?? NaN), hi: others.length ? null : round(c.his[0] ?? NaN), n: c.n,
  }));
  if (rows.every((r) => r.mean === null)) return null;
  const xs = new Set(rows.map((r) => r.xLabel));
  const ys = new Set(rows.map((r) => r.yLabel));
  const isGrid = xs.size <= 24 && ys.size <= 24 && cells.size / Math.max(1, stats.arms.length) <= xs.size * ys.size;
  const sortNum = (p: string, labels: Set<string>, values: unknown[]) =>
    numeric(stats, p) ? [...labels].sort((a, b) => Number(a) - Number(b)) : [...new Set(values.map(formatParamValue))];
  const colour = {
    field: 'mean', type: 'quantitative', title: m.valueTitle,
    scale: m.key === 'locked_in' ? { scheme: m.scheme, domain: [0, 1] } : { scheme: m.scheme },
    legend: { format: m.format, orient: 'right', gradientLength: 160 },
  };
  const tooltip = [
    { field: 'xLabel', title: short[px] }, { field: 'yLabel', title: short[py] }, ...(stats.arms.length > 1 ? [{ field: 'arm', title: 'Arm' }] : []),
    { field: 'mean', title: m.valueTitle, format: m.format }, { field: 'lo', title: '95 % CI low', format: m.format }, { field: 'hi', title: '95 % CI high', format: m.format }, { field: 'n', title: 'Runs' },
  ];
  let layer: VlSpec[];
  // Panels side by side must fit the report's content column (about 1,100 px at 1,280 px,
  // less the y labels and the colour legend): at most 3 per row, each narrower with more arms.
  const perRow = Math.min(3, stats.arms.length);
  const size = { width: Math.min(480, 110 * xs.size, Math.floor(840 / perRow) - 20), height: Math.min(360, 70 * ys.size) };
  if (isGrid) {
    const x = { field: 'xLabel', type: 'ordinal', title: px, sort: sortNum(px, xs, rows.map((r) => r.x)), axis: { labelAngle: 0 } };
    const y = { field: 'yLabel', type: 'ordinal', title: py, sort: sortNum(py, ys, rows.map((r) => r.y)).reverse() };
    layer = [
      { mark: { type: 'rect', stroke: 'white', strokeWidth: 1 }, encoding: { x, y, color: colour, tooltip } },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          x, y, text: { field: 'mean', type: 'quantitative', format: m.format },
          // Dark text on light cells and light text on dark ones.
          color: { condition: { test: m.key === 'locked_in' ? 'datum.mean > 0.6' : 'datum.mean < ' + midpoint(rows.map((r) => r.mean)), value: 'white' }, value: 'black' },
          tooltip,
        },
      },
    ];
  } else {
    size.width = 420;
    size.height = 320;
    layer = [{ mark: { type: 'circle', size: 160, opacity: 0.9 }, encoding: { x: { field: 'x', type: 'quantitative', title: px, scale: { zero: false } }, y: { field: 'y', type: 'quantitative', title: py, scale: { zero: false } }, color: colour, tooltip } }];
  }
  const body = stats.arms.length > 1
    ? { facet: { field: 'arm', type: 'nominal', title: 'Arm', sort: stats.arms, header: { labelLimit: size.width } }, columns: perRow, spec: { ...size, layer }, resolve: { scale: { color: 'shared' } } }
    : { ...size, layer };
  const what = m.key === 'locked_in' ? 'the share of runs locked in' : 'the mean late innovation value (last observation window)';
  const otherNote = others.length ? ` Cells average over ${others.map((p) => short[p]).join(', ')}.` : '';
  return {
    name: `heatmap-${m.name}`,
    title: `${m.title} over ${short[px]} and ${short[py]}`,
    caption: `Each ${isGrid ? 'cell' : 'dot'} shows ${what} over replicate runs at one combination of ${px} and ${py}${stats.arms.length > 1 ? ', per arm' : ''}; hover for the 95 % interval.${otherNote}`,
    spec: topLevel(`${m.title} over ${short[px]} and ${short[py]}`, `Mean over replicate runs; hover a ${isGrid ? 'cell' : 'dot'} for its 95 % interval`, rows, body),
  };
}

function midpoint(values: (number | null)[]): number {
  const finite = values.filter((v): v is number => v !== null);
  return finite.length ? (Math.min(...finite) + Math.max(...finite)) / 2 : 0;
}

