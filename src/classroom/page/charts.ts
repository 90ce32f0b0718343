/**
 * Live Vega-Lite charts. Each chart holds its data in a named Vega dataset ('rows') and
 * receives new ticks as view changesets, flushed at most a few times a second so that
 * charting never holds up the simulation or the map. Legends are HTML above each chart
 * (they wrap, so they are never clipped); each chart exports its picture and its data.
 */
import embed from 'vega-embed';
import type { Result } from 'vega-embed';
import { changeset } from 'vega';
import { chartSeriesCsv } from './export';
import { downloadBlob, downloadUrl } from './download';
import { OKABE_ITO, REGION_COLOURS, REGION_DASHES } from './palette';

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
  /** A labelled horizontal rule (e.g. the lock-in threshold). */
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

export interface Tuple { tick: number; region: string; series: string; value: number }
/** A teacher's action or a scheduled policy or shock; `lane` staggers close labels. */
export interface EventTuple { tick: number; label: string; lane: number }

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
export function chartSpec(def: ChartDef, regions: string[], ticks: number, projector: boolean): object {
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
  const line = (opacity: number, width: number, transform: object[] = [], yField = y) => ({
    transform,
    mark: { type: 'line', strokeWidth: width, opacity, clip: true, interpolate: 'linear' },
    encoding: { x, y: yField, color: colour, ...dash, ...detail },
  });
  const font = projector ? 17 : 12;
  const layers: object[] = [];
  if (def.smooth) {
    layers.push(line(0.35, 1));
    layers.push(line(1, 2.5, [{ window: [{ op: 'mean', field: 'value', as: 'mean' }], frame: [-9, 0], groupby: ['region', 'series'], sort: [{ field: 'tick' }] }],
      { ...y, field: 'mean' }));
  } else {
    layers.push(line(1, 1.8));
  }
  if (def.threshold) {
    layers.push({
      data: { values: [{ value: def.threshold.value, label: def.threshold.label }] },
      layer: [
        { mark: { type: 'rule', color: THRESHOLD_COLOUR, strokeDash: [2, 3], strokeWidth: 1.5 }, encoding: { y: { field: 'value', type: 'quantitative' } } },
        {
          mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -2, dy: -2, fontSize: font - 1, color: THRESHOLD_COLOUR },
          encoding: { y: { field: 'value', type: 'quantitative' }, x: { value: 'width' }, text: { field: 'label' } },
        },
      ],
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
    width: 'container',
    height: projector ? 190 : 130,
    // resize: re-fit when the axis labels widen as data streams in (else they are cut off).
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: 'rows' },
    params: [{ name: 'ymax', value: def.threshold ? Math.max(1, def.threshold.value) : 1 }],
    layer: layers,
    config: {
      font: 'sans-serif',
      axis: { labelFontSize: font, titleFontSize: font },
      axisX: { labelOverlap: 'greedy', labelFlush: true },
      view: { stroke: null },
    },
  };
}

/** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `x`. */
export function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

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

/** The set of live charts: embeds them, streams ticks into them, redraws on mode changes. */
export class LiveCharts {
  private views = new Map<string, Result>();
  private all: Tuple[] = [];
  private pending: Tuple[] = [];
  private events: EventTuple[] = [];
  private pendingEvents: EventTuple[] = [];
  /** Per chart: tuples and events flushed but not yet given to its view. */
  private queued = new Map<string, { tuples: Tuple[]; events: EventTuple[] }>();
  private pumping = false;
  private lastFlush = 0;
  private regions: string[] = ['A'];
  private building: Promise<void> = Promise.resolve();
  private defs: ChartDef[] = [];
  /** Largest value per chart so far (its y domain's top). */
  private yMax = new Map<string, number>();
  /** Longest chart update (ms) since the last read; the page shows it for speed checks. */
  longestFlushMs = 0;

  constructor(private readonly container: HTMLElement, private readonly minIntervalMs = 750) {}

  /** Re-embeds every chart (new run, compare mode or projector size); keeps collected data. */
  rebuild(defs: ChartDef[], regions: string[], ticks: number, projector: boolean): Promise<void> {
    this.defs = defs;
    this.regions = regions;
    this.building = this.building.then(async () => {
      const defs = this.defs;
      for (const v of this.views.values()) v.finalize();
      this.views.clear();
      this.container.replaceChildren();
      for (const def of defs) {
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
        png.addEventListener('click', () => void this.exportPng(def));
        csv.addEventListener('click', () => this.exportCsv(def));
        exports.append(png, csv);
        caption.append(title, exports);
        const holder = document.createElement('div');
        holder.className = 'chart-body';
        figure.append(caption, legendList(encodingPlan(def, regions).legend), holder);
        this.container.append(figure);
        const result = await embed(holder, chartSpec(def, regions, ticks, projector) as never, {
          actions: false, renderer: 'canvas', ast: false, tooltip: false,
        });
        holder.setAttribute('role', 'img');
        holder.setAttribute('aria-label', `${def.title}: live chart over ticks.`);
        this.views.set(def.id, result);
      }
      // Everything collected so far, in one synchronous pass (nothing can arrive in between).
      if (defs !== this.defs) return; // a newer rebuild is queued and will fill the charts
      this.yMax.clear();
      for (const def of defs) {
        const view = this.views.get(def.id)!.view;
        const mine = this.all.filter((t) => this.belongs(def, t));
        this.raise(def, view, mine);
        view.change('rows', changeset().insert(mine));
        view.change('events', changeset().insert(this.events));
        view.run();
      }
      this.pending = [];
      this.pendingEvents = [];
      this.queued.clear();
    });
    return this.building;
  }

  /** Raises the chart's y domain to hold `tuples` (rounded up to a nice number). */
  private raise(def: ChartDef, view: Result['view'], tuples: readonly Tuple[]): void {
    let top = this.yMax.get(def.id) ?? (def.threshold ? Math.max(1, def.threshold.value) : 1);
    for (const t of tuples) if (t.value > top) top = t.value;
    if (top === this.yMax.get(def.id)) return;
    this.yMax.set(def.id, top);
    view.signal('ymax', niceCeiling(top));
  }

  private belongs(def: ChartDef, t: Tuple): boolean {
    const compare = this.regions.length > 1;
    return def.series.some((s) => s.label === t.series && (!compare || s.compare));
  }

  /** Forgets all data (a new run). */
  clear(): void {
    this.all = [];
    this.pending = [];
    this.events = [];
    this.pendingEvents = [];
    this.queued.clear();
    this.yMax.clear();
    for (const v of this.views.values()) {
      v.view.change('rows', changeset().remove(() => true)).change('events', changeset().remove(() => true)).run();
    }
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
          const t = { tick: row[tickColumn], region: name, series: s.label, value: row[c] };
          this.all.push(t);
          this.pending.push(t);
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
   * Hands queued data to the views if enough time has passed (or `force`: now, all of
   * them). Otherwise each chart is updated in its own animation frame, one after the
   * other: five Vega runs in one task held the main thread too long, and a chart whose
   * update is still waiting takes the next flush's data into the same update.
   */
  flush(force = false): void {
    const now = performance.now();
    if (this.views.size < this.defs.length) return; // still embedding: rebuild() inserts everything
    if (!force && now - this.lastFlush < this.minIntervalMs) return;
    if (this.pending.length === 0 && this.pendingEvents.length === 0 && this.queued.size === 0) return;
    this.lastFlush = now;
    for (const def of this.defs) {
      const mine = this.pending.filter((t) => this.belongs(def, t));
      if (mine.length === 0 && this.pendingEvents.length === 0) continue;
      const q = this.queued.get(def.id);
      if (q) { q.tuples.push(...mine); q.events.push(...this.pendingEvents); } else this.queued.set(def.id, { tuples: mine, events: [...this.pendingEvents] });
    }
    this.pending = [];
    this.pendingEvents = [];
    if (force) { for (const id of [...this.queued.keys()]) this.update(id); return; }
    if (!this.pumping && this.queued.size > 0) { this.pumping = true; requestAnimationFrame(() => this.pump()); }
  }

  /** Updates the next chart with queued data, then asks for another frame if more wait. */
  private pump(): void {
    const next = this.queued.keys().next();
    if (!next.done) this.update(next.value);
    this.pumping = this.queued.size > 0;
    if (this.pumping) requestAnimationFrame(() => this.pump());
  }

  /** Gives chart `id` its queued tuples and events in one changeset and one run. */
  private update(id: string): void {
    const q = this.queued.get(id);
    this.queued.delete(id);
    const def = this.defs.find((d) => d.id === id);
    const result = this.views.get(id);
    if (!q || !def || !result) return;
    const started = performance.now();
    this.raise(def, result.view, q.tuples);
    result.view.change('rows', changeset().insert(q.tuples)).change('events', changeset().insert(q.events));
    result.view.run();
    this.longestFlushMs = Math.max(this.longestFlushMs, performance.now() - started);
  }

  private async exportPng(def: ChartDef): Promise<void> {
    const view = this.views.get(def.id)?.view;
    if (!view) return;
    downloadUrl(await view.toImageURL('png', 2), `lrsim-${def.id}.png`);
  }

  private exportCsv(def: ChartDef): void {
    const mine = this.all.filter((t) => this.belongs(def, t));
    downloadBlob(chartSeriesCsv(mine), `lrsim-${def.id}.csv`, 'text/csv');
  }
}
