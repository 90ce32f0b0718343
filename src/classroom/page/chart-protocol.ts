/**
 * Messages between the page and its chart worker, which draws the live Vega charts on
 * canvases the page hands over (so a chart redraw never holds the page's main thread).
 * A leaf module: the page and the worker both import it, it imports nothing.
 */

/** One plotted value; `mean` is the moving mean of the series' last ten values (smoothed charts). */
export interface Tuple { tick: number; region: string; series: string; value: number; mean?: number }
/** A teacher's action or a scheduled policy or shock; `lane` staggers close labels. */
export interface EventTuple { tick: number; label: string; lane: number }

/** A chart as the worker receives it: its compiled Vega spec and the canvas to draw on. */
export interface ChartSetup {
  id: string;
  /** Vega (not Vega-Lite) spec: compiled on the page, so the worker carries Vega only. */
  spec: object;
  canvas: OffscreenCanvas;
  /** The y domain's lowest top (1, or the threshold when higher). */
  yFloor: number;
}

/** CSS pixels of a chart's canvas and the screen's pixel ratio. */
export interface ChartSize { width: number; height: number; pixelRatio: number }

export type ToChartWorker =
  /** New charts (a reset, compare mode, large type): replaces every earlier chart. */
  | { type: 'build'; charts: ChartSetup[]; size: ChartSize; tuples: Record<string, Tuple[]>; events: EventTuple[] }
  /** New values per chart id, and new event marks for every chart. */
  | { type: 'data'; tuples: Record<string, Tuple[]>; events: EventTuple[] }
  /** Draw now (a pause or a step: the charts should show the tick the page shows). */
  | { type: 'drawNow' }
  | { type: 'resize'; size: ChartSize }
  /** A chart's picture at twice its size, for the PNG export. */
  | { type: 'png'; id: string };

export type FromChartWorker =
  /** After a redraw: how long it took (ms); per chart, the last tick drawn and the values it holds. */
  | { type: 'drawn'; ms: number; ticks: Record<string, number>; rows: Record<string, number> }
  | { type: 'png'; id: string; png: Blob }
  /** A Vega warning (the page logs it) or an error (the page shows it). */
  | { type: 'warn'; message: string }
  | { type: 'error'; message: string };
