/**
 * The classroom page's main thread: builds the controls, sends the teacher's actions to the
 * live worker, draws the frames it sends back (map and charts), and runs the ensemble reveal.
 * The simulation itself never runs here, so the page stays responsive.
 */
import type { Scenario } from '../../scenario/schema';
import { chartDefs, LiveCharts } from './charts';
import { bridgeOf, POLICY_BUTTONS, SLIDERS } from './controls';
import { drawReveal, placeSentence, runEnsemble } from './ensemble';
import { LEGEND, RegionMap } from './map';
import type { PlaceMarker } from './map';
import { lateOutcome } from './outcomes';
import { getPath, replicateSeed, withPath } from './paths';
import type { Action, AppliedAction, FromWorker, PageData, StaticView, ToWorker } from './protocol';


const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const data = JSON.parse($('lrsim-data').textContent!) as PageData;
const workerUrl = URL.createObjectURL(new Blob([$('lrsim-worker').textContent!], { type: 'text/javascript' }));

const state = {
  entry: data.scenarios[0],
  settings: new Map<string, number>(),   // slider values
  startScenarios: [] as Scenario[],      // what each region started from at the last reset
  regionNames: ['region'] as string[],
  columns: [] as string[],
  statics: [] as StaticView[],
  rows: [] as Float64Array[][],
  applied: [] as AppliedAction[],
  markers: [] as PlaceMarker[],
  tick: 0,
  playing: false,
  seed: 42,
  ensembleAbort: undefined as AbortController | undefined,
};

let live: Worker;
let maps: RegionMap[] = [];
const charts = new LiveCharts($('charts'));
const send = (msg: ToWorker) => live.postMessage(msg);

function showError(message: string): void {
  const el = $('error');
  el.textContent = message;
  el.hidden = false;
  console.error(message);
}

// ---- controls ----------------------------------------------------------------------------
function buildControls(): void {
  const select = $<HTMLSelectElement>('scenario');
  for (const s of data.scenarios) select.add(new Option(s.name, s.name));
  select.addEventListener('change', () => loadEntry(select.value));

  const holder = $('sliders');
  for (const def of SLIDERS) {
    const id = `slider-${def.path.replace(/\./g, '-')}`;
    const wrap = document.createElement('div');
    wrap.className = 'slider';
    wrap.innerHTML = `<label for="${id}" class="name"><span>${def.label}</span><output for="${id}" id="${id}-value"></output></label>` +
      `<input id="${id}" type="range" min="${def.min}" max="${def.max}" step="${def.step}" aria-describedby="${id}-hint">` +
      `<p class="hint" id="${id}-hint">${def.hint}</p>`;
    holder.append(wrap);
    const input = wrap.querySelector('input')!;
    let timer: number | undefined;
    input.addEventListener('input', () => {
      const value = Number(input.value);
      state.settings.set(def.path, value);
      $(`${id}-value`).textContent = String(value);
      window.clearTimeout(timer);
      // Debounced: a drag sends one change, not fifty.
      timer = window.setTimeout(() => act({ kind: 'set', path: def.path, value, regions: regionsFor(def.path) }), 120);
    });
  }
  $('defaults').addEventListener('click', () => { setSlidersFrom(state.entry.scenario); });

  const policies = $('policy-buttons');
  for (const p of POLICY_BUTTONS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `policy-${p.id}`;
    button.textContent = p.label;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `policy-${p.id}-hint`;
    hint.textContent = p.describe;
    button.setAttribute('aria-describedby', hint.id);
    button.addEventListener('click', () => {
      const action = p.action(state.entry.scenario);
      if (!action) return;
      act(action);
      if (p.seat && action.kind !== 'set') {
        const place = state.statics[0]?.placeNames.indexOf(p.seat(state.entry.scenario)) ?? -1;
        if (place >= 0) state.markers.push({ place, label: action.label });
      }
    });
    policies.append(button, hint);
  }

  const comparePath = $<HTMLSelectElement>('compare-path');
  for (const def of SLIDERS) comparePath.add(new Option(def.label, def.path));
  $<HTMLInputElement>('compare').addEventListener('change', reset);
  comparePath.addEventListener('change', () => { suggestCompareValue(); reset(); });
  $<HTMLInputElement>('compare-value').addEventListener('change', reset);

  $('play').addEventListener('click', togglePlay);
  $('step').addEventListener('click', () => send({ type: 'step', n: 1 }));
  $('reset').addEventListener('click', reset);
  $<HTMLInputElement>('seed').addEventListener('change', reset);
  $<HTMLSelectElement>('speed').addEventListener('change', () => { if (state.playing) send({ type: 'play', ticksPerSecond: speed() }); });
  $('projector').addEventListener('click', toggleProjector);
  $('reveal').addEventListener('click', () => void reveal());

  const legend = $('legend');
  for (const item of LEGEND) {
    const li = document.createElement('li');
    const glyph = item.shape === 'line' || item.shape === 'thick' || item.shape === 'band'
      ? `<line x1="1" y1="8" x2="19" y2="8" stroke="${item.colour}" stroke-width="${item.shape === 'line' ? 2 : item.shape === 'thick' ? 4 : 7}" opacity="${item.shape === 'band' ? 0.55 : 1}"/>`
      : item.shape === 'dot' ? `<circle cx="10" cy="8" r="2.5" fill="${item.colour}"/>`
      : item.shape === 'circle' ? `<circle cx="10" cy="8" r="4" fill="${item.colour}"/>`
      : item.shape === 'ring' ? `<circle cx="10" cy="8" r="4.5" fill="none" stroke="${item.colour}" stroke-width="1.3"/>`
      : `<rect x="5" y="3" width="10" height="10" fill="${item.colour}" stroke="#000" transform="${item.shape === 'diamond' ? 'rotate(45 10 8)' : ''}"/>`;
    li.innerHTML = `<svg viewBox="0 0 20 16" aria-hidden="true">${glyph}</svg>${item.label}`;
    legend.append(li);
  }

  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(t.tagName)) return;
    const key = e.key.toLowerCase();
    if (key === ' ') { e.preventDefault(); togglePlay(); }
    else if (key === 's') send({ type: 'step', n: 1 });
    else if (key === 'r') reset();
    else if (key === 'l') toggleProjector();
  });
  window.addEventListener('resize', () => maps.forEach((m) => m.draw()));
  for (const layer of ['ties', 'flows', 'pipelines'] as const) {
    const box = $<HTMLInputElement>(`show-${layer}`);
    box.addEventListener('change', () => maps.forEach((m) => { m.show[layer] = box.checked; m.draw(); }));
  }
}

const speed = () => Number($<HTMLSelectElement>('speed').value);
const comparing = () => $<HTMLInputElement>('compare').checked;
const comparePath = () => $<HTMLSelectElement>('compare-path').value;
/** Which regions a slider acts on: in compare mode the compared setting stays region B's own. */
const regionsFor = (path: string) => (comparing() && path === comparePath() ? [0] : state.statics.map((_, i) => i));

function setSlidersFrom(scenario: Scenario): void {
  for (const def of SLIDERS) {
    const id = `slider-${def.path.replace(/\./g, '-')}`;
    const value = Number(getPath(scenario, def.path));
    state.settings.set(def.path, value);
    $<HTMLInputElement>(id).value = String(value);
    $(`${id}-value`).textContent = String(value);
  }
}

/** Region B's value: the scenario's own arm if one changes this setting, else the slider's other end. */
function suggestCompareValue(): void {
  const def = SLIDERS.find((d) => d.path === comparePath())!;
  const arm = state.entry.scenario.arms?.find((a) => typeof a.set[def.path] === 'number');
  if (arm) { $<HTMLInputElement>('compare-value').value = String(arm.set[def.path]); return; }
  const a = state.settings.get(def.path) ?? def.min;
  const b = a > (def.min + def.max) / 2 ? def.min : Math.min(def.max, Math.max(a * 3, def.min + (def.max - def.min) * 0.3));
  $<HTMLInputElement>('compare-value').value = String(Math.round(b / def.step) * def.step);
}

function loadEntry(name: string): void {
  const entry = data.scenarios.find((s) => s.name === name) ?? data.scenarios[0];
  state.entry = entry;
  $<HTMLSelectElement>('scenario').value = entry.name;
  $<HTMLInputElement>('seed').value = String(entry.scenario.seed);
  setSlidersFrom(entry.scenario);
  // Compare what the scenario's own arms compare, when an arm changes one slider setting.
  const armPath = SLIDERS.find((d) => entry.scenario.arms?.some((a) => typeof a.set[d.path] === 'number'))?.path;
  if (armPath) $<HTMLSelectElement>('compare-path').value = armPath;
  suggestCompareValue();
  const bridge = bridgeOf(entry.scenario);
  const bridgeHint = $('policy-bridge-hint');
  bridgeHint.textContent = bridge
    ? `Infrastructure: ${bridge.from}–${bridge.to}, ${bridge.km} km (${bridge.source}); tacit knowledge travels with shorter distance.`
    : 'This region has only one place: no bridge to build.';
  const note = $('note');
  note.innerHTML = '';
  const h = document.createElement('h2');
  h.textContent = entry.name;
  const desc = document.createElement('p');
  desc.textContent = entry.description;
  note.append(h, desc);
  if (entry.teachingNote) {
    const look = document.createElement('p');
    look.innerHTML = '<strong>What to look for:</strong> ';
    look.append(entry.teachingNote);
    note.append(look);
  }
  reset();
}

function act(action: Action): void {
  if (state.statics.length === 0) return;
  send({ type: 'act', action });
}

function togglePlay(): void {
  if (state.playing) send({ type: 'pause' });
  else send({ type: 'play', ticksPerSecond: speed() });
}

function toggleProjector(): void {
  const on = document.body.classList.toggle('projector');
  $('projector').setAttribute('aria-pressed', String(on));
  maps.forEach((m) => { m.projector = on; m.draw(); });
  void charts.rebuild(chartDefs(state.entry.scenario.lock_in.threshold, bridgeOf(state.entry.scenario)), state.regionNames, state.entry.scenario.ticks, on);
}

// ---- the live run ------------------------------------------------------------------------
/** Restarts the live run from tick 0 with the current settings, seed and compare choice. */
function reset(): void {
  state.ensembleAbort?.abort();
  const seed = Math.max(0, Math.min(2 ** 32 - 1, Math.floor(Number($<HTMLInputElement>('seed').value) || 0)));
  state.seed = seed;
  let a = state.entry.scenario;
  for (const [path, value] of state.settings) a = withPath(a, path, value);
  state.startScenarios = [a];
  state.regionNames = ['region'];
  if (comparing()) {
    const def = SLIDERS.find((d) => d.path === comparePath())!;
    const input = $<HTMLInputElement>('compare-value');
    // Kept within the slider's range (the scenario schema's limits hold there).
    const value = Math.min(def.max, Math.max(def.min, Number(input.value) || 0));
    input.value = String(value);
    state.startScenarios.push(withPath(a, def.path, value));
    state.regionNames = [`A: ${def.label} ${getPath(a, def.path)}`, `B: ${def.label} ${value}`];
  }
  state.rows = state.startScenarios.map(() => []);
  state.applied = [];
  state.markers = [];
  state.statics = [];
  state.tick = 0;
  $<HTMLButtonElement>('policy-bridge').disabled = !bridgeOf(a);
  $('ensemble-status').textContent = '';
  delete $('ensemble-status').dataset.done;
  delete $('ensemble-status').dataset.faithful;
  $('ensemble-charts').replaceChildren();
  $<HTMLProgressElement>('ensemble-progress').hidden = true;
  charts.clear();
  void charts.rebuild(chartDefs(a.lock_in.threshold, bridgeOf(a)), state.regionNames, a.ticks, document.body.classList.contains('projector'));
  send({ type: 'load', regions: state.startScenarios.map((scenario) => ({ scenario, seed })), ticks: a.ticks, bridge: bridgeOf(a) });
}

function onLoaded(columns: string[], regions: StaticView[]): void {
  state.columns = columns;
  state.statics = regions;
  const holder = $('maps');
  holder.replaceChildren();
  holder.classList.toggle('two', regions.length > 1);
  maps = regions.map((region, r) => {
    const figure = document.createElement('figure');
    figure.className = 'map';
    const caption = document.createElement('figcaption');
    caption.textContent = state.regionNames[r];
    const canvas = document.createElement('canvas');
    canvas.id = `map-${r}`;
    canvas.setAttribute('role', 'img');
    figure.append(caption, canvas);
    holder.append(figure);
    const map = new RegionMap(canvas);
    for (const layer of ['ties', 'flows', 'pipelines'] as const) map.show[layer] = $<HTMLInputElement>(`show-${layer}`).checked;
    map.projector = document.body.classList.contains('projector');
    map.setRegion(region);
    return map;
  });
}

let frameRequested = false;
let framesDrawn = 0;
function onFrame(msg: Extract<FromWorker, { type: 'frame' }>): void {
  state.tick = msg.tick;
  state.playing = msg.playing;
  msg.rows.forEach((rows, r) => { state.rows[r].push(...rows); charts.pushRows(r, rows, state.columns); });
  for (const a of msg.applied) {
    state.applied.push(a);
    charts.pushEvent(a.tick, a.action.kind === 'set' ? `${a.action.path} = ${a.action.value}` : a.action.label);
  }
  const chartStart = performance.now();
  charts.flush(!msg.playing);
  const chartMs = performance.now() - chartStart;
  if (chartMs > 1) $('rate').dataset.chartMs = chartMs.toFixed(1);
  const play = $('play');
  play.textContent = msg.playing ? 'Pause' : 'Play';
  play.setAttribute('aria-pressed', String(msg.playing));
  $('tick').textContent = `tick ${msg.tick} / ${state.entry.scenario.ticks}`;
  // The latest row goes out with the tick counter (the readout table follows on the next
  // frame), so a reader of #tick never sees an older row in data-row.
  const lastRow = state.rows[0][state.rows[0].length - 1];
  if (lastRow) $('readouts').dataset.row = JSON.stringify(Array.from(lastRow));
  $('rate').textContent = msg.playing && msg.ticksPerSecond > 0 ? `(${msg.ticksPerSecond.toFixed(1)} ticks/s)` : '';
  $('rate').dataset.ticksPerSecond = String(msg.ticksPerSecond);
  $<HTMLButtonElement>('reveal').disabled = msg.playing;
  // One bridge per run: the button is off once the link stands (fired here or scheduled by the scenario).
  const bridge = bridgeOf(state.startScenarios[0]);
  const names = state.statics[0]?.placeNames ?? [];
  const [from, to] = bridge ? [names.indexOf(bridge.from), names.indexOf(bridge.to)] : [-1, -1];
  const built = msg.views[0]?.links.some((l) => (l.from === from && l.to === to) || (l.from === to && l.to === from)) ?? false;
  const fired = state.applied.some((a) => a.action.kind === 'policy' && a.action.policy.kind === 'infrastructure');
  $<HTMLButtonElement>('policy-bridge').disabled = !bridge || built || fired;
  if (frameRequested) return;
  frameRequested = true;
  // Draw on the next animation frame, then tell the worker it may send the next frame.
  requestAnimationFrame(() => {
    frameRequested = false;
    const drawStart = performance.now();
    maps.forEach((m, r) => {
      m.setMarkers(state.markers);
      m.draw(msg.views[r]);
      const canvas = $(`map-${r}`);
      canvas.setAttribute('aria-label', m.summary());
      canvas.dataset.links = String(msg.views[r].links.length);
      canvas.dataset.pipelines = String(msg.views[r].pipeFrom.length);
    });
    updateReadouts();
    $('rate').dataset.drawMs = (performance.now() - drawStart).toFixed(1);
    $('rate').dataset.framesDrawn = String(++framesDrawn);
    send({ type: 'frameDrawn' });
  });
}

const READOUTS: [string, string, number][] = [
  ['innovation value', 'innovation_value', 3], ['lock-in index', 'lock_in_index', 3], ['diversity', 'diversity', 3],
  ['external tie share', 'external_tie_share', 3], ['live firms', 'firms_alive', 0],
];
function updateReadouts(): void {
  const table = $('readouts');
  const last = state.rows.map((rows) => rows[rows.length - 1]);
  if (!last[0]) { table.innerHTML = ''; return; }
  const head = `<tr><th scope="col">at tick ${state.tick}</th>${state.regionNames.map((n) => `<th scope="col">${n}</th>`).join('')}</tr>`;
  const body = READOUTS.filter(([, column]) => state.columns.includes(column)).map(([label, column, digits]) => {
    const c = state.columns.indexOf(column);
    return `<tr><th scope="row">${label}</th>${last.map((row) => `<td>${row[c].toFixed(digits)}</td>`).join('')}</tr>`;
  });
  table.innerHTML = head + body.join('');
  table.dataset.row = JSON.stringify(Array.from(last[0]));
}

// ---- ensemble reveal ---------------------------------------------------------------------
async function reveal(): Promise<void> {
  const window_ = state.entry.scenario.observe.window;
  const status = $('ensemble-status');
  if (state.playing) send({ type: 'pause' });
  if (state.tick < window_) { status.textContent = `Run at least ${window_} ticks first (the late window).`; return; }
  const n = Number($<HTMLSelectElement>('replicates').value);
  const ticks = state.tick;
  const threshold = state.entry.scenario.lock_in.threshold;
  const bridge = bridgeOf(state.startScenarios[0]);
  // Replicate -1 replays the class's own seed: it must give the class's outcome exactly,
  // which shows the replicates really do replay the same settings and actions.
  const jobs = state.startScenarios.flatMap((scenario, region) => Array.from({ length: n + 1 }, (_, i) => ({
    id: region * (n + 1) + i, region, replicate: i - 1, scenario, ticks, bridge, actions: state.applied,
    seed: i === 0 ? state.seed : replicateSeed(state.seed, i - 1),
  })));
  const mine = state.rows.map((rows) => lateOutcome(rows.slice(0, ticks), state.columns, window_, threshold));
  const progress = $<HTMLProgressElement>('ensemble-progress');
  progress.hidden = false;
  progress.value = 0;
  const abort = new AbortController();
  state.ensembleAbort = abort;
  const button = $<HTMLButtonElement>('reveal');
  button.disabled = true;
  status.textContent = `Running ${jobs.length} replicates of ${ticks} ticks in the background…`;
  const started = performance.now();
  try {
    const all = await runEnsemble(workerUrl, jobs, (done, total) => {
      progress.value = done / total;
      status.textContent = `Running replicates: ${done} of ${total} done…`;
    }, abort.signal);
    const replays = all.filter((x) => x.replicate < 0);
    const results = all.filter((x) => x.replicate >= 0);
    const faithful = replays.every((x) => JSON.stringify(x.outcome) === JSON.stringify(mine[x.region]));
    if (!faithful) showError('The replay of your own run with its own seed did not reproduce it; the ensemble is not comparable.');
    const names = state.regionNames;
    await drawReveal($('ensemble-charts'), names, mine, results, threshold, document.body.classList.contains('projector'));
    const sentences = mine.map((o, r) => placeSentence(names[r], o, results.filter((x) => x.region === r).map((x) => x.outcome)));
    status.textContent = `Done: ${results.length} replicates in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      `${faithful ? ' (your run, replayed with its own seed, came out identical)' : ''}. ${sentences.join(' ')}`;
    status.dataset.faithful = String(faithful);
    status.dataset.done = 'true';
  } catch (err) {
    if ((err as Error).name !== 'AbortError') showError(`Ensemble failed: ${(err as Error).message}`);
  } finally {
    progress.hidden = true;
    button.disabled = false;
  }
}

// ---- start -------------------------------------------------------------------------------
function start(): void {
  live = new Worker(workerUrl);
  live.onmessage = (event: MessageEvent<FromWorker>) => {
    const msg = event.data;
    if (msg.type === 'loaded') onLoaded(msg.columns, msg.regions);
    else if (msg.type === 'frame') onFrame(msg);
    else if (msg.type === 'error') showError(`The simulation stopped: ${msg.message}`);
  };
  live.onerror = (e) => showError(`The simulation worker failed: ${e.message}`);
  buildControls();
  loadEntry(data.initial);
}

start();
