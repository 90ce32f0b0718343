/**
 * Live Vega-Lite charts. The page keeps their data and legends (HTML above each chart, so
 * they wrap and are never clipped) and compiles their specs; the chart worker
 * (chart-worker.ts) runs the Vega views and draws them on canvases handed over to it, so a
 * redraw never holds the page. New ticks go to the worker a few times a second as
 * changesets of a named dataset ('rows'). Each chart exports its picture and its data.
 */
import { compile } from 'vega-lite';
import type { ChartSize, EventTuple, FromChartWorker, ToChartWorker, Tuple } from './chart-protocol';
import { chartSeriesCsv } from './export';
import { downloadBlob } from './download';
import { niceCeiling } from './nice-ceiling';
import { OKABE_ITO, REGION_COLOURS, REGION_DASHES } from './palette';

export { niceCeiling };
export type { EventTuple, Tuple };

/** One line of a chart: a TIMESERIES_COLUMNS column with its label, colour and dash. */
export interface SeriesDef {
  column: string;
  label: string;
  colour: string;
  dash?: number[];
  /** Shown in compare mode too (else only with one region). */
  compare?: boolean;
}

export interface ChartDef {
  id: string;
  title: string;
  yTitle: string;
  series: SeriesDef[];
  /** A horizontal rule (e.g. the lock-in threshold), labelled in the legend above the chart. */
  threshold?: { value: number; label: string };
  /** Draw a 10-tick moving mean over the raw line. */
  smooth?: boolean;
  /** A symmetric-log y scale (channels of very different size stay visible). */
  symlog?: boolean;
}

const THRESHOLD_COLOUR = '#444444';
const EVENT_COLOUR = '#666666';

const channel = (name: string, colour: string): SeriesDef[] => [
  { column: `flow_tacit_${name}`, label: `tacit, ${name}`, colour, compare: true },
  { column: `flow_explicit_${name}`, label: `explicit, ${name}`, colour, dash: [4, 3] },
];

/** The live charts of the page; the last follows the bridge's two places when there is one. */
export function chartDefs(lockInThreshold: number, bridge?: { from: string; to: string }): ChartDef[] {
  const between: ChartDef = {
    id: 'places', title: bridge ? `Tacit flow between ${bridge.from} and ${bridge.to}` : 'Tacit flow between places', yTitle: 'flow', smooth: true,
    series: [
      ...(bridge ? [{ column: 'tacit_flow_bridge_pair', label: `${bridge.from} ↔ ${bridge.to}`, colour: OKABE_ITO.vermillion, compare: true }] : []),
      { column: 'tacit_flow_other_pairs', label: bridge ? 'other pairs of places (mean)' : 'pairs of places (mean)', colour: '#888888', dash: [4, 3], compare: !bridge },
    ],
  };
  return [
    {
      id: 'value', title: 'Innovation value per tick', yTitle: 'value', smooth: true,
      series: [{ column: 'innovation_value', label: 'innovation value', colour: OKABE_ITO.blue, compare: true }],
    },
    {
      id: 'lockin', title: 'Lock-in index and its parts', yTitle: 'index (0–1)',
      threshold: { value: lockInThreshold, label: `locked-in threshold ${lockInThreshold}` },
      series: [
        { column: 'lock_in_index', label: 'lock-in index', colour: OKABE_ITO.black, compare: true },
        { column: 'lock_in_cognitive', label: 'cognitive', colour: OKABE_ITO.orange, dash: [6, 2] },
        { column: 'lock_in_functional', label: 'functional', colour: OKABE_ITO.skyBlue, dash: [2, 2] },
        { column: 'lock_in_exhaustion', label: 'exhaustion', colour: OKABE_ITO.bluishGreen, dash: [8, 3, 2, 3] },
      ],
    },
    {
      id: 'diversity', title: 'Diversity of firms’ knowledge', yTitle: 'mean cognitive distance',
      series: [{ column: 'diversity', label: 'diversity', colour: OKABE_ITO.reddishPurple, compare: true }],
    },
    {
      id: 'flows', title: 'Knowledge flows by channel (log scale)', yTitle: 'flow', symlog: true,
      series: [
        ...channel('collaboration', OKABE_ITO.blue),
        ...channel('mobility', OKABE_ITO.orange),
        ...channel('training', OKABE_ITO.bluishGreen),
        ...channel('pipeline', OKABE_ITO.vermillion),
      ],
    },
    between,
  ];
}


/** Ticks in a smoothed chart's moving mean (this one and the nine before it). */
export const SMOOTH_WINDOW = 10;

/**
 * Moving means of streamed series, computed once per value as it arrives: a Vega window
 * transform recomputed every group's means on each chart update, which held the page's
 * main thread (issue 19). The window counts the series' own values, so a tick left out
 * (a missing value) does not enter it, as before.
 */
export class MovingMeans {
  private recent = new Map<string, number[]>();
  /** The mean of `value` and the series' previous SMOOTH_WINDOW - 1 values. */
  next(key: string, value: number): number {
    let xs = this.recent.get(key);
    if (!xs) this.recent.set(key, (xs = []));
    xs.push(value);
    if (xs.length > SMOOTH_WINDOW) xs.shift();
    let sum = 0;
    for (const x of xs) sum += x;
    return sum / xs.length;
  }
  clear(): void { this.recent.clear(); }
}

/** One entry of a chart's HTML legend. */
export interface LegendEntry { label: string; colour: string; dash: number[]; width?: number }

/**
 * How a chart tells its lines apart. One region: colour and dash per series. Compare mode:
 * with one series, colour per region; with several, colour per series and dash per region,
 * so that no two lines look alike and the legend names each.
 */
export function encodingPlan(def: ChartDef, regions: string[]): { shown: SeriesDef[]; colourBy: 'series' | 'region'; dashBy: 'series' | 'region' | 'none'; legend: LegendEntry[] } {
  const compare = regions.length > 1;
  const shown = def.series.filter((s) => !compare || s.compare);
  const legend: LegendEntry[] = [];
  let colourBy: 'series' | 'region' = 'series', dashBy: 'series' | 'region' | 'none' = shown.length > 1 ? 'series' : 'none';
  if (!compare) {
    for (const s of shown) legend.push({ label: s.label, colour: s.colour, dash: s.dash ?? [] });
  } else if (shown.length === 1) {
    colourBy = 'region'; dashBy = 'none';
    regions.forEach((r, i) => legend.push({ label: `${r}`, colour: REGION_COLOURS[i], dash: [] }));
  } else {
    dashBy = 'region';
    for (const s of shown) legend.push({ label: s.label, colour: s.colour, dash: [] });
    regions.forEach((r, i) => legend.push({ label: r, colour: '#333333', dash: REGION_DASHES[i] }));
  }
  if (def.threshold) legend.push({ label: def.threshold.label, colour: THRESHOLD_COLOUR, dash: [2, 3], width: 1.5 });
  return { shown, colourBy, dashBy, legend };
}

/** Vega-Lite spec of one chart (legends are HTML, see encodingPlan). */
export function chartSpec(def: ChartDef, regions: string[], ticks: number, projector: boolean, width = 480): object {
  const plan = encodingPlan(def, regions);
  const labels = plan.shown.map((s) => s.label);
  const x = { field: 'tick', type: 'quantitative', title: 'tick (quarter)', scale: { domain: [0, ticks], nice: false }, axis: { tickCount: 5 } };
  // The y domain is 0 to the signal ymax, which the page raises as data arrive: no extent
  // is computed from the data (none exists at tick 0, which Vega warns about), and the
  // thin, thick and rule layers share one scale.
  const y = { field: 'value', type: 'quantitative', title: def.yTitle, scale: { ...(def.symlog ? { type: 'symlog' } : {}), domain: { expr: '[0, ymax]' } } };
  const colour = plan.colourBy === 'region'
    ? { field: 'region', type: 'nominal', scale: { domain: regions, range: [...REGION_COLOURS] }, legend: null }
    : { field: 'series', type: 'nominal', scale: { domain: labels, range: plan.shown.map((s) => s.colour) }, legend: null };
  const dash = plan.dashBy === 'series'
    ? { strokeDash: { field: 'series', type: 'nominal', scale: { domain: labels, range: plan.shown.map((s) => s.dash ?? [1, 0]) }, legend: null } }
    : plan.dashBy === 'region'
      ? { strokeDash: { field: 'region', type: 'nominal', scale: { domain: regions, range: regions.map((_, i) => REGION_DASHES[i].length ? REGION_DASHES[i] : [1, 0]) }, legend: null } }
      : {};
  const detail = { detail: [{ field: 'series', type: 'nominal' }, { field: 'region', type: 'nominal' }] };
  const line = (opacity: number, width: number, yField = y) => ({
    mark: { type: 'line', strokeWidth: width, opacity, clip: true, interpolate: 'linear' },
    encoding: { x, y: yField, color: colour, ...dash, ...detail },
  });
  const font = projector ? 17 : 12;
  const layers: object[] = [];
  if (def.smooth) {
    layers.push(line(0.35, 1));
    layers.push(line(1, 2.5, { ...y, field: 'mean' })); // the moving mean, see MovingMeans
  } else {
    layers.push(line(1, 1.8));
  }
  if (def.threshold) {
    // The rule only: its label is the legend's entry above the chart (a label drawn in the
    // plot sat on the data line wherever the two crossed).
    layers.push({
      data: { values: [{ value: def.threshold.value }] },
      mark: { type: 'rule', color: THRESHOLD_COLOUR, strokeDash: [2, 3], strokeWidth: 1.5 },
      encoding: { y: { field: 'value', type: 'quantitative' } },
    });
  }
  // Policy and shock marks: a dashed vertical rule, labelled at the top of the chart.
  layers.push({
    data: { name: 'events' },
    layer: [
      { mark: { type: 'rule', color: EVENT_COLOUR, strokeDash: [3, 3] }, encoding: { x: { field: 'tick', type: 'quantitative' } } },
      // Labels right of their mark in the chart's left half, left of it in the right half,
      // and shortened to half the plot, so no label is cut off at the chart's edge.
      ...([['left', 3, `datum.tick <= ${ticks / 2}`], ['right', -3, `datum.tick > ${ticks / 2}`]] as const).map(([align, dx, filter]) => ({
        transform: [{ filter }, { calculate: `datum.lane * ${font}`, as: 'lanePx' }],
        // At most half the plot wide (ellipsis beyond), which always fits on its side of the mark.
        mark: { type: 'text', align, baseline: 'top', dx, fontSize: font - 2, color: '#333333', limit: { expr: 'width / 2 - 6' } },
        // Pixels from the top (no scale), so the labels do not join the data's y scale.
        encoding: { x: { field: 'tick', type: 'quantitative' }, y: { field: 'lanePx', type: 'quantitative', scale: null }, text: { field: 'label' } },
      })),
    ],
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The whole chart, axes and padding included, fills the canvas's box: fitted when the
    // view is made and when the page resizes, never on a data update. The y axis keeps a
    // fixed width (axisY below), so labels that widen as data stream in need no new layout.
    width,
    height: chartHeight(projector),
    autosize: { type: 'fit', contains: 'padding', resize: false },
    data: { name: 'rows' },
    params: [{ name: 'ymax', value: def.threshold ? Math.max(1, def.threshold.value) : 1 }],
    layer: layers,
    config: {
      font: 'sans-serif',
      axis: { labelFontSize: font, titleFontSize: font },
      axisX: { labelOverlap: 'greedy', labelFlush: true },
      axisY: { minExtent: yAxisExtent(projector), maxExtent: yAxisExtent(projector) },
      view: { stroke: null },
    },
  };
}

/** CSS pixels of a chart's canvas, axes included. */
export const chartHeight = (projector: boolean) => (projector ? 252 : 179);

/** Pixels the y axis's ticks and labels take: room for "10,000" or "0.025" at the axis font. */
export const yAxisExtent = (projector: boolean) => (projector ? 66 : 48);

/** An HTML legend: a short line sample (colour and dash) and a label per entry. */
function legendList(entries: LegendEntry[]): HTMLUListElement {
  const ul = document.createElement('ul');
  ul.className = 'chart-legend';
  for (const e of entries) {
    const li = document.createElement('li');
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 30 10');
    svg.setAttribute('aria-hidden', 'true');
    const l = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 29, y2: 5, stroke: e.colour, 'stroke-width': e.width ?? 2.5 })) l.setAttribute(k, String(v));
    if (e.dash.length) l.setAttribute('stroke-dasharray', e.dash.join(' '));
    svg.append(l);
    const span = document.createElement('span');
    span.textContent = e.label;
    li.append(svg, span);
    ul.append(li);
  }
  return ul;
}


/** The set of live charts: builds their figures, streams ticks to the chart worker, exports. */
export class LiveCharts {
  private readonly worker: Worker;
  private defs: ChartDef[] = [];
  private regions: string[] = ['A'];
  private projector = false;
  /** Every tuple of the run so far, for exports and for charts built again (large type, compare). */
  private all: Tuple[] = [];
  private events: EventTuple[] = [];
  /** Per chart id: tuples not yet sent to the worker. */
  private pending = new Map<string, Tuple[]>();
  private pendingEvents: EventTuple[] = [];
  private lastFlush = -Infinity;
  private means = new MovingMeans();
  private figures = new Map<string, HTMLElement>();
  private size: ChartSize = { width: 0, height: 0, pixelRatio: 1 };
  private readonly resizes: ResizeObserver;
  /** Longest redraw of all charts in the worker (ms); the page shows it for speed checks. */
  longestDrawMs = 0;

  /**
   * `minIntervalMs`: least time between two sends of new data to the worker (which redraws
   * at its own pace, see chart-worker.ts).
   */
  constructor(private readonly container: HTMLElement, workerUrl: string, private readonly minIntervalMs = 250,
    private readonly onProblem: (message: string) => void = (m) => console.error(m)) {
    this.worker = new Worker(workerUrl);
    this.worker.onmessage = (event: MessageEvent<FromChartWorker>) => this.received(event.data);
    this.worker.onerror = (e) => onProblem(`The chart worker failed: ${e.message}`);
    this.resizes = new ResizeObserver(() => {
      const size = this.measure();
      if (size.width > 0 && (size.width !== this.size.width || size.pixelRatio !== this.size.pixelRatio)) {
        this.size = size;
        this.send({ type: 'resize', size });
      }
    });
  }

  private send(msg: ToChartWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  private received(msg: FromChartWorker): void {
    if (msg.type === 'drawn') {
      this.longestDrawMs = Math.max(this.longestDrawMs, msg.ms);
      // The last tick each chart shows and how many values it holds (tests and screenshots wait for them).
      for (const [id, tick] of Object.entries(msg.ticks)) {
        const figure = this.figures.get(id);
        if (figure) { figure.dataset.drawnTick = String(tick); figure.dataset.drawnRows = String(msg.rows[id]); }
      }
    } else if (msg.type === 'png') {
      downloadBlob(msg.png, `lrsim-${msg.id}.png`, 'image/png');
    } else if (msg.type === 'warn') {
      console.warn(msg.message);
    } else {
      this.onProblem(`A chart failed: ${msg.message}`);
    }
  }

  /** The charts' canvas size: the width of the first chart's body. */
  private measure(): ChartSize {
    const body = this.container.querySelector<HTMLElement>('.chart-body');
    return { width: body?.clientWidth ?? 0, height: chartHeight(this.projector), pixelRatio: window.devicePixelRatio || 1 };
  }

  /** Builds every chart again (new run, compare mode or large type); keeps the data collected. */
  rebuild(defs: ChartDef[], regions: string[], ticks: number, projector: boolean): void {
    this.defs = defs;
    this.regions = regions;
    this.projector = projector;
    this.resizes.disconnect();
    this.figures.clear();
    this.container.replaceChildren();
    const canvases = defs.map((def) => {
      const figure = document.createElement('figure');
      figure.className = 'chart';
      figure.id = `chart-${def.id}`;
      const caption = document.createElement('figcaption');
      const title = document.createElement('span');
      title.className = 'title';
      title.textContent = def.title + (def.smooth ? ' (thin: each tick · thick: mean of the last 10)' : '');
      const exports = document.createElement('span');
      exports.className = 'exports';
      const png = Object.assign(document.createElement('button'), { type: 'button', textContent: 'PNG', title: `${def.title}: picture` });
      const csv = Object.assign(document.createElement('button'), { type: 'button', textContent: 'CSV', title: `${def.title}: data` });
      png.dataset.export = `${def.id}-png`;
      csv.dataset.export = `${def.id}-csv`;
      png.addEventListener('click', () => this.send({ type: 'png', id: def.id }));
      csv.addEventListener('click', () => this.exportCsv(def));
      exports.append(png, csv);
      caption.append(title, exports);
      const holder = document.createElement('div');
      holder.className = 'chart-body';
      holder.setAttribute('role', 'img');
      holder.setAttribute('aria-label', `${def.title}: live chart over ticks.`);
      const canvas = document.createElement('canvas');
      canvas.style.height = `${chartHeight(projector)}px`;
      holder.append(canvas);
      figure.append(caption, legendList(encodingPlan(def, regions).legend), holder);
      this.container.append(figure);
      this.figures.set(def.id, figure);
      return canvas;
    });
    this.size = this.measure();
    const charts = defs.map((def, i) => ({
      id: def.id,
      spec: compile(chartSpec(def, regions, ticks, projector, this.size.width) as never).spec,
      canvas: canvases[i].transferControlToOffscreen(),
      yFloor: def.threshold ? Math.max(1, def.threshold.value) : 1,
    }));
    const tuples: Record<string, Tuple[]> = {};
    for (const def of defs) tuples[def.id] = this.all.filter((t) => this.belongs(def, t));
    this.send({ type: 'build', charts, size: this.size, tuples, events: this.events }, charts.map((c) => c.canvas));
    this.pending.clear();
    this.pendingEvents = [];
    const first = this.container.querySelector('.chart-body');
    if (first) this.resizes.observe(first);
  }

  private belongs(def: ChartDef, t: Tuple): boolean {
    const compare = this.regions.length > 1;
    return def.series.some((s) => s.label === t.series && (!compare || s.compare));
  }

  /** Forgets all data (a new run); the rebuild that follows draws empty charts. */
  clear(): void {
    this.all = [];
    this.events = [];
    this.pending.clear();
    this.pendingEvents = [];
    this.means.clear();
  }

  /** Queues observed rows of one region. */
  pushRows(region: number, rows: Float64Array[], columns: string[]): void {
    const name = this.regions[region] ?? String(region);
    const tickColumn = columns.indexOf('tick');
    for (const def of this.defs) {
      for (const s of def.series) {
        const c = columns.indexOf(s.column);
        if (c < 0) continue;
        for (const row of rows) {
          // NaN (no such pair of places) is left out rather than drawn as a gap at zero.
          if (!Number.isFinite(row[c])) continue;
          const t: Tuple = { tick: row[tickColumn], region: name, series: s.label, value: row[c] };
          if (def.smooth) t.mean = this.means.next(`${name}\u0000${s.label}`, t.value);
          this.all.push(t);
          if (!this.belongs(def, t)) continue;
          let mine = this.pending.get(def.id);
          if (!mine) this.pending.set(def.id, (mine = []));
          mine.push(t);
        }
      }
    }
  }

  /** Marks a teacher's action or a scheduled policy or shock on every chart. */
  pushEvent(tick: number, label: string): void {
    // Labels of events within 25 ticks of each other go on successive lines.
    const near = this.events.filter((e) => Math.abs(e.tick - tick) < 25).map((e) => e.lane);
    let lane = 0;
    while (near.includes(lane)) lane++;
    const e = { tick, label, lane: Math.min(lane, 5) };
    this.events.push(e);
    this.pendingEvents.push(e);
  }

  /**
   * Sends queued data to the chart worker if enough time has passed since the last send,
   * or now with `force` (a pause or a step: the worker then draws at once, so the charts
   * show the tick the page shows).
   */
  flush(force = false): void {
    const now = performance.now();
    if (!force && now - this.lastFlush < this.minIntervalMs) return;
    if (this.pending.size > 0 || this.pendingEvents.length > 0) {
      this.lastFlush = now;
      this.send({ type: 'data', tuples: Object.fromEntries(this.pending), events: this.pendingEvents });
      this.pending.clear();
      this.pendingEvents = [];
    }
    if (force) this.send({ type: 'drawNow' });
  }

  private exportCsv(def: ChartDef): void {
    const mine = this.all.filter((t) => this.belongs(def, t));
    downloadBlob(chartSeriesCsv(mine), `lrsim-${def.id}.csv`, 'text/csv');
  }
}
