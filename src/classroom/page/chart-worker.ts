/**
 * The chart worker: runs the live charts' Vega views and draws them on canvases the page
 * hands over. A Vega update and redraw of one chart took 5 to 20 ms of the main thread's
 * time (dataflow, scenegraph, canvas raster), which a busy machine stretched past 200 ms;
 * here it costs the page nothing. Messages are handled one at a time, in order.
 */
import './canvas-shim';
import { parse, View, Warn } from 'vega';
import type { ChartSetup, ChartSize, EventTuple, FromChartWorker, ToChartWorker, Tuple } from './chart-protocol';
import { ChartQueue } from './chart-queue';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromChartWorker) => scope.postMessage(message);

/** Vega's warnings and errors go to the page (a warning there fails the page's tests). */
const logger = {
  current: Warn as number,
  level(l?: number) { if (l === undefined) return this.current; this.current = l; return this; },
  error(...args: unknown[]) { post({ type: 'error', message: args.map(String).join(' ') }); return this; },
  warn(...args: unknown[]) { if (this.current >= Warn) post({ type: 'warn', message: args.map(String).join(' ') }); return this; },
  info() { return this; },
  debug() { return this; },
};

interface LiveChart {
  id: string;
  view: View;
  canvas: OffscreenCanvas;
  queue: ChartQueue;
}

let charts: LiveChart[] = [];
let size: ChartSize = { width: 300, height: 150, pixelRatio: 1 };
/**
 * Least time between two redraws of the charts, and at least twice the last redraw's
 * duration, so that on a busy machine the charts update less often rather than taking a
 * core from the simulation.
 */
const MIN_INTERVAL_MS = 250;
let lastDrawEnd = -Infinity;
let lastDrawMs = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function setCanvasSize(c: LiveChart): void {
  c.canvas.width = Math.round(size.width * size.pixelRatio);
  c.canvas.height = Math.round(size.height * size.pixelRatio);
}

function build(setups: ChartSetup[], tuples: Record<string, Tuple[]>, events: EventTuple[]): void {
  for (const c of charts) c.view.finalize();
  charts = setups.map((s) => {
    const view = new View(parse(s.spec as never), { renderer: 'none', logger: logger as never });
    const c: LiveChart = { id: s.id, view, canvas: s.canvas, queue: new ChartQueue(s.yFloor) };
    setCanvasSize(c);
    c.queue.insert(tuples[s.id], events);
    return c;
  });
}

/** Redraws every chart with new data: Vega renders it headless, then it is copied onto the page's canvas. */
async function drawDirty(): Promise<void> {
  const started = performance.now();
  const ticks: Record<string, number> = {};
  const rows: Record<string, number> = {};
  for (const c of charts) {
    if (!c.queue.dirty) continue;
    c.queue.dirty = false;
    c.queue.applyTo(c.view);
    const picture = (await c.view.toCanvas(size.pixelRatio)) as unknown as OffscreenCanvas;
    const g = c.canvas.getContext('2d')!;
    g.clearRect(0, 0, c.canvas.width, c.canvas.height);
    g.drawImage(picture, 0, 0);
    ticks[c.id] = c.queue.lastTick;
    rows[c.id] = (c.view.data('rows') as unknown[]).length;
  }
  lastDrawEnd = performance.now();
  lastDrawMs = lastDrawEnd - started;
  post({ type: 'drawn', ms: lastDrawMs, ticks, rows });
}

/** Draws when the interval since the last redraw has passed (now, if `now`). */
function scheduleDraw(now = false): void {
  if (now) {
    if (timer !== undefined) { clearTimeout(timer); timer = undefined; }
    enqueue(drawDirty);
    return;
  }
  if (timer !== undefined) return;
  const wait = Math.max(0, lastDrawEnd + Math.max(MIN_INTERVAL_MS, 2 * lastDrawMs) - performance.now());
  timer = setTimeout(() => { timer = undefined; enqueue(drawDirty); }, wait);
}

async function handle(msg: ToChartWorker): Promise<void> {
  if (msg.type === 'build') {
    size = msg.size;
    build(msg.charts, msg.tuples, msg.events);
    scheduleDraw(true);
  } else if (msg.type === 'data') {
    for (const c of charts) c.queue.insert(msg.tuples[c.id], msg.events);
    scheduleDraw();
  } else if (msg.type === 'drawNow') {
    scheduleDraw(true);
  } else if (msg.type === 'resize') {
    size = msg.size;
    for (const c of charts) {
      setCanvasSize(c);
      c.view.width(size.width).height(size.height);
      c.queue.dirty = true;
    }
    scheduleDraw(true);
  } else if (msg.type === 'png') {
    const c = charts.find((x) => x.id === msg.id);
    if (!c) return;
    c.queue.applyTo(c.view);
    const picture = (await c.view.toCanvas(2)) as unknown as OffscreenCanvas;
    post({ type: 'png', id: msg.id, png: await picture.convertToBlob({ type: 'image/png' }) });
  }
}

let queue: Promise<void> = Promise.resolve();
function enqueue(task: () => Promise<void> | void): void {
  queue = queue.then(task).catch((err: unknown) => post({ type: 'error', message: String((err as Error)?.stack ?? err) }));
}

scope.onmessage = (event: MessageEvent<ToChartWorker>) => enqueue(() => handle(event.data));
