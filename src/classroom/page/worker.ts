/**
 * The classroom's web worker: owns one or two live simulations (two in compare mode,
 * stepped in lockstep) and draws their maps on the canvases the page hands over, or runs
 * background replicates for the ensemble reveal. The engine is bundled in from src/model,
 * the same code the CLI runs.
 */
import type { Simulation } from '../../model';
import type { Scenario } from '../../scenario/schema';
import { inspect } from './inspect';
import { regionView } from './live-parameters';
import { applyAction, COLUMNS, LiveRegion } from './live-region';
import { lateOutcome } from './outcomes';
import type { AppliedAction, FromWorker, PlacePair, ReplicateJob, StaticView, ToWorker } from './protocol';
import { bridgeBuilt, WorkerMaps } from './worker-maps';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let regions: LiveRegion[] = [];
let statics: StaticView[] = [];
let bridge: PlacePair | undefined;
/** The page's reset count this run belongs to (map canvases of another are stale). */
let generation = -1;
const maps = new WorkerMaps();
let lastTick = 0;
/** Where the current play stops: the run's end, or the teacher's "run to tick". */
let stopAt = 0;
/** Actions from a setup link, applied when the run reaches their tick (sorted by tick). */
let linkActions: AppliedAction[] = [];
let nextScheduled = 0;
let playing = false;
let ticksPerSecond = Infinity;
let playStart = 0;
let ticksSincePlay = 0;
let awaitingDraw = false;
let pendingRows: Float64Array[][] = [];
let pendingApplied: AppliedAction[] = [];
let scheduled = false;
let dirty = false; // state the page has not seen yet (play state, actions, a reload)
const recentTicks: number[] = []; // wall times of recent ticks, for the measured speed
/**
 * Least time between two frames sent to the page while playing. The map, which the class
 * watches, is drawn here at its own pace (worker-maps.ts); the page's frames carry the tick
 * counter, readouts and chart rows, and each costs the main thread a layout and a paint,
 * so ten a second are enough. A pause draws and sends at once, so it lands on the tick
 * the map shows, never waiting for the page.
 */
const FRAME_INTERVAL_MS = 100;
let lastFrame = -Infinity;

function staticView(sim: Simulation, scenario: Scenario): StaticView {
  const v = regionView(sim);
  return {
    nAgents: v.nAgents, nFirms: v.nFirms, firstInstitution: v.firstInstitution, firstResident: v.firstResident,
    kind: v.kind.slice(), placeNames: [...v.placeNames], placeX: v.placeX.slice(), placeY: v.placeY.slice(),
    placePopulation: v.placePopulation.slice(), maxTies: v.maxTies, maxPipes: v.maxPipes,
    externalPartners: scenario.external.partners,
    barriers: scenario.region.barriers
      .map((b) => ({ from: v.placeNames.indexOf(b.from), to: v.placeNames.indexOf(b.to) }))
      .filter((b) => b.from >= 0 && b.to >= 0),
  };
}

/** Applies the link's actions due at the current tick, as if the teacher had pressed them now. */
function applyScheduled(): void {
  const tick = regions[0].sim.tick;
  while (nextScheduled < linkActions.length && linkActions[nextScheduled].tick <= tick) {
    const { action } = linkActions[nextScheduled++];
    regions.forEach((region, r) => applyAction(region.sim, r, action));
    pendingApplied.push({ tick, action });
    dirty = true;
  }
}

function stepAll(): void {
  applyScheduled();
  regions.forEach((region, r) => pendingRows[r].push(region.step()));
  const now = performance.now();
  recentTicks.push(now);
  while (recentTicks.length > 0 && recentTicks[0] < now - 2000) recentTicks.shift();
}

function measuredSpeed(): number {
  if (recentTicks.length < 2) return 0;
  return ((recentTicks.length - 1) * 1000) / (recentTicks[recentTicks.length - 1] - recentTicks[0]);
}

/**
 * Draws the maps and sends a frame (new rows, the maps' state) unless the page is still
 * showing the last one (rows wait for the next). Paused, the map is always drawn, so it
 * shows exactly the tick the page shows.
 */
function flush(): void {
  if (awaitingDraw || regions.length === 0) return;
  if (!dirty && pendingRows.every((r) => r.length === 0)) return;
  if (playing && performance.now() - lastFrame < FRAME_INTERVAL_MS) return;
  lastFrame = performance.now();
  maps.draw(regions, !playing);
  const rows = pendingRows;
  post({
    type: 'frame', tick: regions[0].sim.tick, playing, rows, maps: maps.info, bridgeBuilt: bridgeBuilt(regions[0], bridge),
    mapDrawMs: maps.drawMs, applied: pendingApplied, ticksPerSecond: measuredSpeed(),
  });
  pendingRows = regions.map(() => []);
  pendingApplied = [];
  awaitingDraw = true;
  dirty = false;
}

// Zero-delay scheduling: a MessageChannel avoids the 4 ms clamp of nested timers.
const channel = new MessageChannel();
channel.port1.onmessage = () => { scheduled = false; playSlice(); };
function schedule(delayMs = 0): void {
  if (scheduled) return;
  scheduled = true;
  if (delayMs <= 0) channel.port2.postMessage(null);
  else setTimeout(() => { scheduled = false; playSlice(); }, delayMs);
}

/** Runs ticks for up to ~25 ms (or as many as the chosen speed allows), then yields to messages. */
function playSlice(): void {
  if (!playing) return;
  const sliceStart = performance.now();
  let stepped = 0;
  try {
    while (playing && performance.now() - sliceStart < 25) {
      if (regions[0].sim.tick >= stopAt) { playing = false; dirty = true; break; }
      if (Number.isFinite(ticksPerSecond)) {
        const due = Math.floor(((performance.now() - playStart) * ticksPerSecond) / 1000) - ticksSincePlay;
        if (due <= 0) break;
      }
      stepAll();
      ticksSincePlay++;
      stepped++;
    }
  } catch (err) {
    playing = false;
    dirty = true;
    post({ type: 'error', message: String((err as Error)?.stack ?? err) });
  }
  if (stepped > 0) maps.draw(regions, !playing); // throttled while playing: at most one draw per MAP_INTERVAL_MS
  flush();
  if (playing) schedule(Number.isFinite(ticksPerSecond) ? Math.max(1, 1000 / ticksPerSecond / 2) : 0);
}

function runReplicate(job: ReplicateJob): void {
  const region = new LiveRegion(job.scenario, job.seed, job.bridge);
  const actions = [...job.actions].sort((a, b) => a.tick - b.tick);
  const rows: Float64Array[] = [];
  let next = 0;
  while (region.sim.tick < job.ticks) {
    while (next < actions.length && actions[next].tick <= region.sim.tick) applyAction(region.sim, job.region, actions[next++].action);
    rows.push(region.step());
  }
  const outcome = lateOutcome(rows, COLUMNS, job.scenario.observe.window, job.scenario.lock_in.threshold);
  post({ type: 'replicateDone', id: job.id, region: job.region, replicate: job.replicate, seed: job.seed, outcome });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    switch (msg.type) {
      case 'load':
        playing = false;
        regions = msg.regions.map((r) => new LiveRegion(r.scenario, r.seed, msg.bridge));
        statics = regions.map((r, i) => staticView(r.sim, msg.regions[i].scenario));
        bridge = msg.bridge;
        generation = msg.generation;
        maps.detach();
        lastTick = msg.ticks;
        stopAt = lastTick;
        linkActions = [...(msg.scheduled ?? [])].sort((a, b) => a.tick - b.tick);
        nextScheduled = 0;
        pendingRows = regions.map(() => []);
        pendingApplied = [];
        awaitingDraw = false;
        dirty = true;
        post({ type: 'loaded', generation, columns: COLUMNS, regions: statics, tick: regions[0].sim.tick });
        dirty = true;
        flush();
        break;
      case 'play':
        ticksPerSecond = msg.ticksPerSecond > 0 ? msg.ticksPerSecond : Infinity;
        playStart = performance.now();
        ticksSincePlay = 0;
        stopAt = Math.min(lastTick, msg.until ?? lastTick);
        if (!playing && regions.length > 0 && regions[0].sim.tick < stopAt) { playing = true; dirty = true; schedule(); }
        break;
      case 'maps':
        if (msg.generation !== generation) break; // canvases of a run the page has since reset
        maps.attach(msg.canvases, msg.sizes, msg.options, statics, regions);
        dirty = true;
        flush();
        break;
      case 'mapOptions':
        maps.setOptions(msg.options);
        break;
      case 'resize':
        maps.resize(msg.region, msg.size);
        break;
      case 'inspectAt': {
        const hit = maps.hit(msg.region, msg.x, msg.y);
        if (hit && regions[msg.region]) post({ type: 'inspected', report: inspect(regions[msg.region].sim, msg.region, 'agent' in hit ? hit.agent : undefined, 'place' in hit ? hit.place : undefined) });
        break;
      }
      case 'pause':
        playing = false;
        dirty = true;
        flush();
        break;
      case 'step':
        playing = false;
        for (let i = 0; i < msg.n && regions.length > 0 && regions[0].sim.tick < lastTick; i++) stepAll();
        dirty = true;
        flush();
        break;
      case 'act':
        regions.forEach((region, r) => applyAction(region.sim, r, msg.action));
        pendingApplied.push({ tick: regions[0]?.sim.tick ?? 0, action: msg.action });
        dirty = true;
        flush();
        break;
      case 'frameDrawn':
        awaitingDraw = false;
        flush();
        break;
      case 'replicate':
        runReplicate(msg.job);
        break;
    }
  } catch (err) {
    playing = false;
    post({ type: 'error', message: String((err as Error)?.message ?? err) });
  }
};
