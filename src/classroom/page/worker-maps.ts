/**
 * The live worker's maps: the page hands each map canvas over (transferControlToOffscreen)
 * and the worker draws on it right after stepping, so the page's main thread never spends
 * a frame on thousands of residents and ties. Draws are throttled while playing (the
 * simulation, not the map, should get the worker's time) and immediate when paused, so a
 * paused map always shows the tick the page shows.
 */
import { regionView } from './live-parameters';
import type { LiveRegion } from './live-region';
import { RegionMap } from './map';
import type { DynamicView, MapInfo, MapOptions, MapSize, PlacePair, StaticView } from './protocol';

/** Least time between two map draws while playing (about 30 frames per second). */
export const MAP_INTERVAL_MS = 33;
/**
 * While playing, a draw waits at least this many times the last draw's duration after it
 * began, so drawing takes at most a quarter of the worker's time: on a busy machine the
 * map updates less often instead of slowing the simulation down.
 */
export const DRAW_SPACING = 4;

/**
 * What the map draws, read from the engine's view: the arrays themselves (the map is drawn
 * synchronously, before the next tick changes them), ties among firms and institutions only.
 */
function dynamicView(region: LiveRegion): DynamicView {
  const v = regionView(region.sim);
  const drawn = v.firstResident; // agents whose local ties are drawn
  let ties = 0;
  for (let i = 0; i < drawn * v.maxTies; i++) {
    const t = v.tieTarget[i];
    if (t >= 0 && t < drawn) ties++;
  }
  const tieFrom = new Int32Array(ties), tieTo = new Int32Array(ties), tieStrength = new Float32Array(ties);
  for (let i = 0, n = 0; i < drawn; i++) {
    for (let s = i * v.maxTies; s < (i + 1) * v.maxTies; s++) {
      const t = v.tieTarget[s];
      if (t >= 0 && t < drawn) { tieFrom[n] = i; tieTo[n] = t; tieStrength[n++] = v.tieStrength[s]; }
    }
  }
  let pipes = 0;
  for (let i = 0; i < v.nAgents * v.maxPipes; i++) if (v.pipeTarget[i] >= 0) pipes++;
  const pipeFrom = new Int32Array(pipes), pipePartner = new Int32Array(pipes), pipeStrength = new Float32Array(pipes);
  for (let s = 0, n = 0; s < v.nAgents * v.maxPipes; s++) {
    if (v.pipeTarget[s] < 0) continue;
    pipeFrom[n] = Math.floor(s / v.maxPipes); pipePartner[n] = v.pipeTarget[s]; pipeStrength[n++] = v.pipeStrength[s];
  }
  return {
    alive: v.alive, x: v.x, y: v.y, links: v.links, group: v.group, placeFlow: region.recentFlow,
    tieFrom, tieTo, tieStrength, pipeFrom, pipePartner, pipeStrength,
  };
}

/** Whether the infrastructure link between the pair's two places stands in `region`. */
export function bridgeBuilt(region: LiveRegion | undefined, pair: PlacePair | undefined): boolean {
  if (!region || !pair) return false;
  const names = regionView(region.sim).placeNames;
  const [a, b] = [names.indexOf(pair.from), names.indexOf(pair.to)];
  return regionView(region.sim).links.some((l) => (l.from === a && l.to === b) || (l.from === b && l.to === a));
}

export class WorkerMaps {
  private maps: RegionMap[] = [];
  private options: MapOptions = { show: { ties: true, flows: true, pipelines: true, residents: true }, projector: false, markers: [] };
  private lastDraw = -Infinity;
  /** What each map showed at its last draw (sent to the page with every frame). */
  info: MapInfo[] = [];
  /** Duration of the last draw of all maps (ms), for the page's speed readout. */
  drawMs = 0;

  /** Takes over the page's canvases, one per region, and draws them at once. */
  attach(canvases: OffscreenCanvas[], sizes: MapSize[], options: MapOptions, statics: StaticView[], regions: LiveRegion[]): void {
    this.options = options;
    this.maps = canvases.map((canvas, r) => {
      const map = new RegionMap(canvas);
      map.resize(sizes[r].width, sizes[r].height, sizes[r].pixelRatio);
      if (statics[r]) map.setRegion(statics[r]);
      return map;
    });
    this.applyOptions();
    this.draw(regions, true);
  }

  /** Forgets the maps (a new run: the page makes new canvases). */
  detach(): void {
    this.maps = [];
    this.info = [];
  }

  resize(region: number, size: MapSize): void {
    const map = this.maps[region];
    if (!map) return;
    map.resize(size.width, size.height, size.pixelRatio);
    map.draw();
    this.info[region] = map.info();
  }

  setOptions(options: MapOptions): void {
    this.options = options;
    this.applyOptions();
    this.maps.forEach((m) => m.draw());
  }

  private applyOptions(): void {
    for (const m of this.maps) {
      m.show = { ...this.options.show };
      m.projector = this.options.projector;
      m.setMarkers(this.options.markers);
    }
  }

  /** Draws every map from its region's state, unless the last draw began too recently (see DRAW_SPACING; `force`: always). */
  draw(regions: LiveRegion[], force: boolean): void {
    const started = performance.now();
    if (this.maps.length === 0 || (!force && started - this.lastDraw < Math.max(MAP_INTERVAL_MS, DRAW_SPACING * this.drawMs))) return;
    this.lastDraw = started;
    const n = Math.min(this.maps.length, regions.length);
    for (let r = 0; r < n; r++) {
      this.maps[r].draw(dynamicView(regions[r]));
      this.info[r] = this.maps[r].info();
    }
    this.drawMs = performance.now() - started;
  }

  /** What is under a click on map `region` (CSS pixels within its canvas). */
  hit(region: number, x: number, y: number): { agent: number } | { place: number } | undefined {
    return this.maps[region]?.hit(x, y);
  }
}
