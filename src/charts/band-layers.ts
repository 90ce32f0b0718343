/**
 * Mean line with a 95 % band over ticks, plus a hover rule that shows every line's value
 * at the tick under the pointer: the building block of the time-series charts.
 */
import type { SeriesBand, SweepStats } from '../stats';
import { round, type VlSpec } from './chart';

export interface BandRow {
  tick: number;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
  colour: string;
  facet: string;
  series: string;
}

export const TICK_AXIS = { field: 'tick', type: 'quantitative', title: 'Tick (quarter)', axis: { tickMinStep: 1 } };

/** The same legend on every layer (Vega-Lite merges them): opaque line symbols, not pale band swatches. */
function withStrokeLegend(colour: Record<string, unknown>): Record<string, unknown> {
  return { ...colour, legend: { ...((colour.legend as object) ?? {}), symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 } };
}

/** Layers of a band chart; `colour` is the colour encoding, `band` adds the CI area. */
export function bandLayers(yTitle: string, colour: Record<string, unknown>, band = true, yScale: Record<string, unknown> = { zero: false }): VlSpec[] {
  const y = { field: 'mean', type: 'quantitative', title: yTitle, scale: yScale };
  const tooltip = [
    { field: 'series', title: 'Line' },
    { field: 'tick', title: 'Tick' },
    { field: 'mean', title: 'Mean', format: '.4~g' },
    { field: 'lo', title: '95 % CI low', format: '.4~g' },
    { field: 'hi', title: '95 % CI high', format: '.4~g' },
    { field: 'n', title: 'Runs' },
  ];
  const layers: VlSpec[] = [];
  if (band) {
    layers.push({
      mark: { type: 'area', opacity: 0.2 },
      encoding: { x: TICK_AXIS, y: { field: 'lo', type: 'quantitative', title: yTitle, scale: yScale }, y2: { field: 'hi' }, color: withStrokeLegend(colour) },
    });
  }
  layers.push({ mark: { type: 'line', strokeWidth: 2 }, encoding: { x: TICK_AXIS, y, color: withStrokeLegend(colour) } });
  layers.push({
    params: [{ name: 'hover', select: { type: 'point', fields: ['tick'], nearest: true, on: 'pointerover', clear: 'pointerout' } }],
    mark: { type: 'point', filled: true, size: 45 },
    encoding: {
      x: TICK_AXIS,
      y,
      color: withStrokeLegend(colour),
      opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 },
      tooltip,
    },
  });
  return layers;
}

/** Long panel labels ("openness = 0.3, decay = 20 · cluster") break into lines at commas. */
export const FACET_LABEL_LINES = "split(replace(datum.label, ' · ', ', '), ', ')";

/** Wrap layers in one panel or in a wrapped facet. */
export function panelled(layers: VlSpec[], facet: { title: string | null; order: string[] } | null, size: { width: number; height: number }, small = { width: 230, height: 150 }): VlSpec {
  if (!facet || facet.order.length <= 1) return { width: size.width, height: size.height, layer: layers };
  return {
    facet: { field: 'facet', type: 'nominal', title: null, sort: facet.order, header: { labelLimit: 0, labelExpr: FACET_LABEL_LINES } },
    columns: Math.min(4, facet.order.length),
    spec: { width: small.width, height: small.height, layer: layers },
    resolve: { scale: { y: 'shared' } },
  };
}

/**
 * Pools the bands of several groups (e.g. the points of one arm) tick by tick: the
 * run-weighted mean of group means is the mean over all their runs.
 */
export function poolBands(bands: readonly SeriesBand[]): { tick: number; mean: number; n: number }[] {
  if (bands.length === 0) return [];
  return bands[0].tick.map((tick, i) => {
    let sum = 0;
    let n = 0;
    for (const b of bands) {
      if (Number.isFinite(b.mean[i])) {
        sum += b.mean[i] * b.n[i];
        n += b.n[i];
      }
    }
    return { tick, mean: n ? sum / n : NaN, n };
  });
}

/** Rows of `columns` pooled over the points of each arm: tick, arm, mean, n and `extra(column)`. */
export function armPooledRows(stats: SweepStats, columns: readonly string[], extra: (column: string) => Record<string, unknown>): object[] {
  const rows: object[] = [];
  for (const arm of stats.arms) {
    const groups = stats.seriesGroups.filter((g) => g.arm === arm);
    for (const column of columns) {
      const fields = extra(column);
      for (const p of poolBands(groups.map((g) => g.series[column]).filter(Boolean))) rows.push({ tick: p.tick, arm, mean: round(p.mean), n: p.n, ...fields });
    }
  }
  return rows;
}
