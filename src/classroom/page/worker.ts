/**
 * The classroom's web worker: owns one or two live simulations (two in compare mode,
 * stepped in lockstep) or runs background replicates for the ensemble reveal. The engine
 * is bundled in from src/model, the same code the CLI runs.
 */
import type { Simulation } from '../../model';
import type { Scenario } from '../../scenario/schema';
import { inspect } from './inspect';
import { regionView } from './live-parameters';
import { applyAction, COLUMNS, LiveRegion } from './live-region';
import { lateOutcome } from './outcomes';
import type { AppliedAction, DynamicView, FromWorker, ReplicateJob, StaticView, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let regions: LiveRegion[] = [];
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
 * Ticks the simulation may run ahead of the frame the page is drawing. Without a cap it
 * races ahead of a busy page and a pause lands many ticks after the tick the class saw.
 */
const MAX_AHEAD = 6;

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

/** Copies what the map draws out of the engine's view; ties only among firms and institutions. */
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
    alive: v.alive.slice(), x: v.x.slice(), y: v.y.slice(), links: v.links, group: v.group.slice(),
    placeFlow: region.recentFlow.slice(),
    tieFrom, tieTo, tieStrength, pipeFrom, pipePartner, pipeStrength,
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

/** Sends a frame unless the page is still drawing the last one (rows wait for the next). */
function flush(): void {
  if (awaitingDraw || regions.length === 0) return;
  if (!dirty && pendingRows.every((r) => r.length === 0)) return;
  const views = regions.map(dynamicView);
  const rows = pendingRows;
  const transfer: Transferable[] = [];
  for (const v of views) transfer.push(v.alive.buffer, v.x.buffer, v.y.buffer, v.tieFrom.buffer, v.tieTo.buffer,
    v.tieStrength.buffer, v.group.buffer, v.placeFlow.buffer, v.pipeFrom.buffer, v.pipePartner.buffer, v.pipeStrength.buffer);
  post({ type: 'frame', tick: regions[0].sim.tick, playing, rows, views, applied: pendingApplied, ticksPerSecond: measuredSpeed() }, transfer);
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
  try {
    while (playing && performance.now() - sliceStart < 25) {
      if (regions[0].sim.tick >= stopAt) { playing = false; dirty = true; break; }
      if (awaitingDraw && pendingRows[0].length >= MAX_AHEAD) break;
      if (Number.isFinite(ticksPerSecond)) {
        const due = Math.floor(((performance.now() - playStart) * ticksPerSecond) / 1000) - ticksSincePlay;
        if (due <= 0) break;
      }
      stepAll();
      ticksSincePlay++;
    }
  } catch (err) {
    playing = false;
    dirty = true;
    post({ type: 'error', message: String((err as Error)?.stack ?? err) });
  }
  flush();
  const held = awaitingDraw && pendingRows[0].length >= MAX_AHEAD; // resumed by the page's frameDrawn
  if (playing && !held) schedule(Number.isFinite(ticksPerSecond) ? Math.max(1, 1000 / ticksPerSecond / 2) : 0);
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
        lastTick = msg.ticks;
        stopAt = lastTick;
        linkActions = [...(msg.scheduled ?? [])].sort((a, b) => a.tick - b.tick);
        nextScheduled = 0;
        pendingRows = regions.map(() => []);
        pendingApplied = [];
        awaitingDraw = false;
        dirty = true;
        post({ type: 'loaded', columns: COLUMNS, regions: regions.map((r, i) => staticView(r.sim, msg.regions[i].scenario)), tick: regions[0].sim.tick });
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
      case 'inspect':
        if (regions[msg.region]) post({ type: 'inspected', report: inspect(regions[msg.region].sim, msg.region, msg.agent, msg.place) });
        break;
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
        if (playing) schedule();
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
