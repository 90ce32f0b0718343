/**
 * The firm-level proximity paradox (MODEL-SPEC fact 1b): firms' late innovation value
 * against the mean cognitive distance of the partners they learned from, binned, one line
 * per point or arm. Drawn only when the sweep kept firm microdata.
 */
import type { SweepStats } from '../stats';
import { round, topLevel, type Chart, type VlSpec } from './chart';
import { panelled } from './band-layers';
import { colourEncoding, groupLayout } from './layout';

/** Bins with fewer firms are left out of the chart (their mean says little). */
const MIN_FIRMS_PER_BIN = 5;

export function firmCurveChart(stats: SweepStats): Chart | null {
  if (stats.firmCurves.length === 0) return null;
  const layout = groupLayout(stats, stats.groups);
  const rows: Record<string, unknown>[] = [];
  for (const c of stats.firmCurves) {
    const g = stats.groups.find((h) => h.point === c.point && h.arm === c.arm);
    if (!g) continue;
    for (const b of c.bins) {
      if (b.value.n < MIN_FIRMS_PER_BIN) continue;
      rows.push({
        distance: round(b.distance.mean),
        mean: round(b.value.mean),
        lo: round(b.value.ciLow),
        hi: round(b.value.ciHigh),
        n: b.value.n,
        bin: Number.isFinite(b.high) ? `${b.low.toFixed(2)}–${b.high.toFixed(2)}` : `${b.low.toFixed(2)} and more`,
        colour: layout.colourOf(g),
        facet: layout.facetOf(g),
        series: c.chartLabel,
      });
    }
  }
  if (rows.length === 0) return null;
  const base = colourEncoding(layout);
  // Legend symbols as opaque as the lines (the first layer, the pale CI bars, would set them).
  const colour = { ...base, legend: { ...(base.legend as object), symbolOpacity: 1 } };
  const x = { field: 'distance', type: 'quantitative', title: "Partners' cognitive distance (learning-weighted mean, 1 − proximity)", scale: { zero: true } };
  const y = { field: 'mean', type: 'quantitative', title: 'Late innovation value per tick (firm)', scale: { zero: false } };
  const tooltip = [
    { field: 'series', title: 'Line' },
    { field: 'bin', title: 'Distance bin' },
    { field: 'distance', title: 'Mean distance', format: '.3f' },
    { field: 'mean', title: 'Mean late value', format: '.4~g' },
    { field: 'lo', title: '95 % CI low', format: '.4~g' },
    { field: 'hi', title: '95 % CI high', format: '.4~g' },
    { field: 'n', title: 'Firms' },
  ];
  const layers: VlSpec[] = [
    { mark: { type: 'rule', opacity: 0.5 }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: y.title }, y2: { field: 'hi' }, color: colour } },
    { mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 45 } }, encoding: { x, y, color: colour, tooltip } },
  ];
  const body = panelled(layers, layout.facetTitle ? { title: layout.facetTitle, order: layout.facetOrder } : null, { width: 560, height: 300 });
  const quad = stats.firmCurves
    .filter((c) => c.quadratic.n >= 2)
    .map((c) => `${c.label || 'all runs'}: ${fmt(c.quadratic.mean)} (95 % CI ${fmt(c.quadratic.ciLow)} to ${fmt(c.quadratic.ciHigh)}, ${c.quadratic.n} runs)`);
  const firms = stats.firmCurves.reduce((a, c) => a + c.firms, 0);
  return {
    name: 'firm-proximity',
    title: 'Firms: late innovation value against partners’ cognitive distance',
    caption:
      `Each point is the mean late innovation value (per tick, over the last observe.window ticks) of the firms whose partners, weighted by what the firm learned from them in that window, were at that cognitive distance; bins of 0.04, pooled over the replicate runs (${firms} firms that lived through the whole window). ` +
      `Bars: 95 % CI across firms (a run's firms share its history, so read them as a guide). The proximity paradox (Broekel and Boschma 2012) is a curve that rises and then falls. ` +
      (quad.length ? `Quadratic term of late value on distance, fitted per run (below zero = concave): ${quad.join('; ')}.` : ''),
    spec: topLevel('Firms: late innovation value against partners’ cognitive distance', `Firms pooled over replicate runs; bars: 95 % CI; bins with fewer than ${MIN_FIRMS_PER_BIN} firms left out`, rows, body),
  };
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : 'n/a';
}
