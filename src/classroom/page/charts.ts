/**
 * Live Vega-Lite charts. Each chart holds its data in a named Vega dataset ('rows') and
 * receives new ticks as view changesets, flushed at most a few times a second so that
 * charting never holds up the simulation or the map.
 */
import embed from 'vega-embed';
import type { Result } from 'vega-embed';
import { changeset } from 'vega';
import { OKABE_ITO, REGION_COLOURS } from './palette';

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
  /** A dashed horizontal rule (e.g. the lock-in threshold). */
  threshold?: { value: number; label: string };
  /** Draw a 10-tick moving mean over the raw line. */
  smooth?: boolean;
  /** A symmetric-log y scale (channels of very different size stay visible). */
  symlog?: boolean;
}

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
      threshold: { value: lockInThreshold, label: 'locked-in threshold' },
      series: [
        { column: 'lock_in_index', label: 'lock-in index', colour: OKABE_ITO.black, compare: true },
        { column: 'lock_in_cognitive', label: 'cognitive', colour: OKABE_ITO.orange, dash: [6, 2] },
        { column: 'lock_in_functional', label: 'functional', colour: OKABE_ITO.skyBlue, dash: [2, 2] },
        { column: 'lock_in_exhaustion', label: 'exhaustion', colour: OKABE_ITO.bluishGreen, dash: [8, 3, 2, 3] },
      ],
    },
    {
      id: 'diversity', title: 'Diversity of firms’ knowledge (mean cognitive distance)', yTitle: 'distance',
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

interface Tuple { tick: number; region: string; series: string; value: number }
interface EventTuple { tick: number; label: string }

/** Vega-Lite spec of one chart; in compare mode colour tells the regions apart, dash the series. */
function chartSpec(def: ChartDef, regions: string[], ticks: number, projector: boolean): object {
  const compare = regions.length > 1;
  const shown = def.series.filter((s) => !compare || s.compare);
  const labels = shown.map((s) => s.label);
  const dashes = shown.map((s) => s.dash ?? [1, 0]);
  const x = { field: 'tick', type: 'quantitative', title: 'tick (quarter)', scale: { domain: [0, ticks], nice: false } };
  const y = { field: 'value', type: 'quantitative', title: def.yTitle, ...(def.symlog ? { scale: { type: 'symlog' } } : {}) };
  const colour = compare
    ? { field: 'region', type: 'nominal', title: null, scale: { domain: regions, range: [...REGION_COLOURS] }, legend: { orient: 'top' } }
    : { field: 'series', type: 'nominal', title: null, scale: { domain: labels, range: shown.map((s) => s.colour) } };
  const dash = shown.length > 1
    ? { strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: labels, range: dashes } } }
    : {};
  const detail = { detail: { field: 'series', type: 'nominal' } };
  const line = (opacity: number, width: number, transform: object[] = [], yField = y) => ({
    transform,
    mark: { type: 'line', strokeWidth: width, opacity, clip: true, interpolate: 'linear' },
    encoding: { x, y: yField, color: colour, ...dash, ...detail },
  });
  const layers: object[] = [];
  if (def.smooth) {
    layers.push(line(0.35, 1));
    layers.push(line(1, 2.5, [{ window: [{ op: 'mean', field: 'value', as: 'mean' }], frame: [-9, 0], groupby: ['region', 'series'], sort: [{ field: 'tick' }] }],
      { ...y, field: 'mean' }));
  } else {
    layers.push(line(1, 1.8));
  }
  layers.push({
    data: { name: 'events' },
    mark: { type: 'rule', color: '#666666', strokeDash: [3, 3] },
    encoding: { x: { field: 'tick', type: 'quantitative' }, tooltip: [{ field: 'label' }, { field: 'tick' }] },
  });
  if (def.threshold) {
    layers.push({
      data: { values: [{ value: def.threshold.value }] },
      mark: { type: 'rule', color: OKABE_ITO.vermillion, strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y: { field: 'value', type: 'quantitative' }, tooltip: [{ value: def.threshold.label }] },
    });
  }
  const font = projector ? 17 : 12;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: def.title, fontSize: font + 2, anchor: 'start', frame: 'bounds',
      ...(def.smooth ? { subtitle: 'thin: each tick · thick: mean of the last 10 ticks', subtitleFontSize: font - 1 } : {}),
    },
    width: 'container',
    height: projector ? 170 : 110,
    // resize: re-fit when the axis labels widen as data streams in (else they are cut off).
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    data: { name: 'rows' },
    layer: layers,
    config: {
      font: 'sans-serif',
      axis: { labelFontSize: font, titleFontSize: font },
      legend: { labelFontSize: font, titleFontSize: font, orient: 'bottom', columns: 4, symbolStrokeWidth: 2.5, labelLimit: 220, padding: 0 },
      view: { stroke: null },
    },
  };
}

/** The set of live charts: embeds them, streams ticks into them, redraws on mode changes. */
export class LiveCharts {
  private views = new Map<string, Result>();
  private all: Tuple[] = [];
  private pending: Tuple[] = [];
  private events: EventTuple[] = [];
  private pendingEvents: EventTuple[] = [];
  private lastFlush = 0;
  private regions: string[] = ['A'];
  private ticks = 200;
  private projector = false;
  private building: Promise<void> = Promise.resolve();

  private defs: ChartDef[] = [];

  constructor(private readonly container: HTMLElement, private readonly minIntervalMs = 750) {}

  /** Re-embeds every chart (new run, compare mode or projector size); keeps collected data. */
  rebuild(defs: ChartDef[], regions: string[], ticks: number, projector: boolean): Promise<void> {
    this.defs = defs;
    this.regions = regions;
    this.ticks = ticks;
    this.projector = projector;
    this.building = this.building.then(async () => {
      const defs = this.defs;
      for (const v of this.views.values()) v.finalize();
      this.views.clear();
      this.container.replaceChildren();
      for (const def of defs) {
        const figure = document.createElement('figure');
        figure.className = 'chart';
        figure.id = `chart-${def.id}`;
        const holder = document.createElement('div');
        holder.className = 'chart-body';
        figure.append(holder);
        this.container.append(figure);
        const result = await embed(holder, chartSpec(def, regions, ticks, projector) as never, {
          actions: false, renderer: 'canvas', ast: false, tooltip: true,
        });
        holder.setAttribute('role', 'img');
        holder.setAttribute('aria-label', `${def.title}: live chart over ticks.`);
        this.views.set(def.id, result);
      }
      // Everything collected so far, in one synchronous pass (nothing can arrive in between).
      if (defs !== this.defs) return; // a newer rebuild is queued and will fill the charts
      for (const def of defs) {
        const view = this.views.get(def.id)!.view;
        view.change('rows', changeset().insert(this.all.filter((t) => this.belongs(def, t))));
        view.change('events', changeset().insert(this.events));
        view.run();
      }
      this.pending = [];
      this.pendingEvents = [];
    });
    return this.building;
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
          const t = { tick: row[tickColumn], region: name, series: s.label, value: row[c] };
          this.all.push(t);
          this.pending.push(t);
        }
      }
    }
  }

  /** Marks a teacher's action on every chart. */
  pushEvent(tick: number, label: string): void {
    const e = { tick, label };
    this.events.push(e);
    this.pendingEvents.push(e);
  }

  /** Sends queued data to the views if enough time has passed (or `force`). */
  flush(force = false): void {
    const now = performance.now();
    if (this.views.size < this.defs.length) return; // still embedding: rebuild() inserts everything
    if (!force && now - this.lastFlush < this.minIntervalMs) return;
    if (this.pending.length === 0 && this.pendingEvents.length === 0) return;
    this.lastFlush = now;
    for (const def of this.defs) {
      const result = this.views.get(def.id);
      if (!result) continue;
      const mine = this.pending.filter((t) => this.belongs(def, t));
      result.view.change('rows', changeset().insert(mine)).change('events', changeset().insert(this.pendingEvents));
      result.view.run();
    }
    this.pending = [];
    this.pendingEvents = [];
  }
}
