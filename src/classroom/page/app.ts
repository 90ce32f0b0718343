/**
 * The classroom page's main thread: builds the controls, sends the teacher's actions to the
 * live worker, shows the frames it sends back (charts, tick, readouts), and runs the
 * ensemble reveal. Neither the simulation nor the map drawing runs here (the worker draws
 * the maps on canvases handed over to it), so the page stays responsive.
 */
import type { Scenario } from '../../scenario/schema';
import { chartDefs, LiveCharts } from './charts';
import { bridgeOf, POLICY_BUTTONS, SLIDERS, SPEEDS, speedLabel } from './controls';
import { downloadBlob } from './download';
import { drawReveal, placeSentence, runEnsemble } from './ensemble';
import { runSeriesCsv } from './export';
import { renderInfo } from './info';
import { showInspect } from './inspect-view';
import { installShortcuts } from './keyboard';
import { LEGEND } from './map-style';
import { pageMessages } from './messages';
import { firstSentence, renderMarkdown, scenarioTitle, thingsToTry } from './notes';
import { lateOutcome } from './outcomes';
import { getPath, withPath } from '../../scenario/dot-path';
import { ensembleSeeds } from './replicate-seed';
import type { Action, AppliedAction, FromWorker, MapOptions, MapSize, PageData, PlaceMarker, StaticView, ToWorker } from './protocol';
import { decodeSetup, encodeSetup } from './setup';
import type { Setup, TimelineEntry } from './setup';


const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const data = JSON.parse($('lrsim-data').textContent!) as PageData;
const scriptUrl = (id: string) => URL.createObjectURL(new Blob([$(id).textContent!], { type: 'text/javascript' }));
const workerUrl = scriptUrl('lrsim-worker');

const state = {
  entry: data.scenarios[0],
  settings: new Map<string, number>(),   // slider values
  startSettings: new Map<string, number>(), // slider values at the last reset (the link's start)
  startScenarios: [] as Scenario[],      // what each region started from at the last reset
  regionNames: ['region'] as string[],
  columns: [] as string[],
  statics: [] as StaticView[],
  rows: [] as Float64Array[][],
  applied: [] as AppliedAction[],
  /** Actions from a setup link, replayed at their ticks after every Reset. */
  scheduled: [] as AppliedAction[],
  markers: [] as PlaceMarker[],
  tick: 0,
  playing: false,
  until: undefined as number | undefined,
  seed: 42,
  ensembleAbort: undefined as AbortController | undefined,
  /** Counts resets; the worker ignores map canvases sent for an older run. */
  generation: 0,
};

let live: Worker;
/** The map canvases on the page; the worker draws on them. */
let mapCanvases: HTMLCanvasElement[] = [];
const charts = new LiveCharts($('charts'), scriptUrl('lrsim-chart-worker'), 250, showError);
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
  for (const s of data.scenarios) {
    const option = new Option(scenarioTitle(s.name), s.name);
    option.title = firstSentence(s.description);
    select.add(option);
  }
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
      if (action) act(action);
    });
    policies.append(button, hint);
  }

  const comparePath = $<HTMLSelectElement>('compare-path');
  for (const def of SLIDERS) comparePath.add(new Option(def.label, def.path));
  $<HTMLInputElement>('compare').addEventListener('change', reset);
  comparePath.addEventListener('change', () => { suggestCompareValue(); reset(); });
  $<HTMLInputElement>('compare-value').addEventListener('change', reset);

  $('play').addEventListener('click', togglePlay);
  $('step').addEventListener('click', stepOnce);
  $('reset').addEventListener('click', reset);
  $<HTMLInputElement>('seed').addEventListener('change', reset);
  const speedInput = $<HTMLInputElement>('speed');
  speedInput.addEventListener('input', () => {
    $('speed-value').textContent = speedLabel(speed());
    if (state.playing) send({ type: 'play', ticksPerSecond: speed(), until: state.until });
  });
  $('speed-value').textContent = speedLabel(speed());
  $('run-to-go').addEventListener('click', runTo);
  $('run-to').addEventListener('keydown', (e) => { if (e.key === 'Enter') runTo(); });
  $('projector').addEventListener('click', toggleProjector);
  $('reveal').addEventListener('click', () => void reveal());
  $('copy-link').addEventListener('click', () => void copyLink());
  $('export-series').addEventListener('click', () => downloadBlob(runSeriesCsv(state.regionNames, state.columns, state.rows), `lrsim-${state.entry.name}-seed${state.seed}.csv`, 'text/csv'));
  $('show-happened').addEventListener('click', revealHappened);
  $('tab-model').addEventListener('click', () => showTab('model'));
  $('tab-info').addEventListener('click', () => showTab('info'));

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

  installShortcuts({
    space: togglePlay,
    s: stepOnce,
    r: reset,
    l: toggleProjector,
    i: () => showTab($('tab-info').getAttribute('aria-selected') === 'true' ? 'model' : 'info'),
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') $('inspect').hidden = true; });
  // Zoom changes the device pixel ratio without always resizing the canvases.
  window.addEventListener('resize', () => mapCanvases.forEach((c, r) => sendMapSize(r, c)));
  for (const layer of ['ties', 'flows', 'pipelines', 'residents'] as const) {
    $<HTMLInputElement>(`show-${layer}`).addEventListener('change', () => send({ type: 'mapOptions', options: mapOptions() }));
  }
}

/** The layers, type size and policy seats the worker's maps draw. */
function mapOptions(): MapOptions {
  const shown = (layer: string) => $<HTMLInputElement>(`show-${layer}`).checked;
  return { show: { ties: shown('ties'), flows: shown('flows'), pipelines: shown('pipelines'), residents: shown('residents') }, projector: projectorOn(), markers: state.markers };
}

const mapSize = (canvas: HTMLCanvasElement): MapSize => ({ width: canvas.clientWidth, height: canvas.clientHeight, pixelRatio: window.devicePixelRatio || 1 });
function sendMapSize(region: number, canvas: HTMLCanvasElement): void {
  const size = mapSize(canvas);
  if (size.width > 0 && size.height > 0) send({ type: 'resize', region, size });
}
/** Tells the worker when a map canvas changes size (window, layout, large type, a tab shown again). */
const mapResizes = new ResizeObserver((entries) => {
  for (const e of entries) {
    const r = mapCanvases.indexOf(e.target as HTMLCanvasElement);
    if (r >= 0) sendMapSize(r, mapCanvases[r]);
  }
});

const speed = () => SPEEDS[Number($<HTMLInputElement>('speed').value)] ?? 0;
const comparing = () => $<HTMLInputElement>('compare').checked;
const comparePath = () => $<HTMLSelectElement>('compare-path').value;
/** Which regions a slider acts on: in compare mode the compared setting stays region B's own. */
const regionsFor = (path: string) => (comparing() && path === comparePath() ? [0] : state.statics.map((_, i) => i));

function setSlider(path: string, value: number): void {
  const id = `slider-${path.replace(/\./g, '-')}`;
  state.settings.set(path, value);
  $<HTMLInputElement>(id).value = String(value);
  $(`${id}-value`).textContent = String(value);
}

function setSlidersFrom(scenario: Scenario): void {
  for (const def of SLIDERS) setSlider(def.path, Number(getPath(scenario, def.path)));
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

/** Opens a scenario; `adjust` (a link's setup) runs after its defaults are set, before the run starts. */
function loadEntry(name: string, adjust?: () => void): void {
  const entry = data.scenarios.find((s) => s.name === name) ?? data.scenarios[0];
  if (!adjust) state.scheduled = [];
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
    : pageMessages.noBridge;
  $('note-title').textContent = scenarioTitle(entry.name);
  const tryBox = $('note-try');
  tryBox.replaceChildren();
  renderMarkdown(tryBox, entry.description);
  const h = document.createElement('h3');
  h.textContent = 'What to try';
  const ul = document.createElement('ul');
  for (const t of thingsToTry(entry.scenario, SLIDERS)) ul.append(Object.assign(document.createElement('li'), { textContent: t }));
  tryBox.append(h, ul);
  const happened = $('note-happened');
  happened.replaceChildren();
  const h2 = document.createElement('h3');
  h2.textContent = 'What happened (in the scenario\'s own sweep)';
  happened.append(h2);
  renderMarkdown(happened, entry.teachingNote || 'The scenario has no note on its results.');
  if (entry.teachingNote) renderMarkdown(happened, pageMessages.happenedSource(entry.name));
  happened.hidden = true;
  $('show-happened').hidden = false;
  renderInfo($('info-view'), data, entry, thingsToTry(entry.scenario, SLIDERS));
  adjust?.();
  reset();
}

/** Shows the scenario's results note (after the run, or when the teacher asks). */
function revealHappened(): void {
  $('note-happened').hidden = false;
  $('show-happened').hidden = true;
}

function showTab(tab: 'model' | 'info'): void {
  $('model-view').hidden = tab !== 'model';
  $('info-view').hidden = tab !== 'info';
  $('tab-model').setAttribute('aria-selected', String(tab === 'model'));
  $('tab-info').setAttribute('aria-selected', String(tab === 'info'));
}

function act(action: Action): void {
  if (state.statics.length === 0) return;
  send({ type: 'act', action });
}

function togglePlay(): void {
  if (state.playing) send({ type: 'pause' });
  else { state.until = undefined; send({ type: 'play', ticksPerSecond: speed() }); }
}

function stepOnce(): void {
  send({ type: 'step', n: 1 });
}

/** Plays until the tick in "Run to tick", at the chosen speed. */
function runTo(): void {
  const input = $<HTMLInputElement>('run-to');
  const total = state.entry.scenario.ticks;
  const target = Number(input.value);
  if (!Number.isInteger(target) || target < 1 || target > total) { showError(pageMessages.runToBad(input.value, total)); return; }
  if (target <= state.tick) { showError(pageMessages.runToPast(target, state.tick)); return; }
  $('error').hidden = true;
  state.until = target;
  send({ type: 'play', ticksPerSecond: speed(), until: target });
}

const projectorOn = () => document.documentElement.classList.contains('projector');

function toggleProjector(): void {
  const on = document.documentElement.classList.toggle('projector');
  $('projector').setAttribute('aria-pressed', String(on));
  send({ type: 'mapOptions', options: mapOptions() });
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
  state.startSettings = new Map(state.settings);
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
  $('inspect').hidden = true;
  $('readouts').replaceChildren();
  $('run-to').setAttribute('max', String(a.ticks));
  charts.clear();
  // The scenario's own scheduled policies and shocks are marked like the teacher's actions.
  for (const p of a.policies) charts.pushEvent(p.start, p.label ?? p.kind.replace(/_/g, ' '));
  for (const sh of a.shocks) charts.pushEvent(sh.tick, sh.kind.replace(/_/g, ' '));
  void charts.rebuild(chartDefs(a.lock_in.threshold, bridgeOf(a)), state.regionNames, a.ticks, projectorOn());
  state.generation++;
  send({ type: 'load', generation: state.generation, regions: state.startScenarios.map((scenario) => ({ scenario, seed })), ticks: a.ticks, bridge: bridgeOf(a), scheduled: state.scheduled });
  updateHash();
}

// ---- the setup in the address ------------------------------------------------------------
function timelineEntry(a: AppliedAction): TimelineEntry | undefined {
  const { action } = a;
  if (action.kind === 'set') {
    const all = action.regions.length === state.startScenarios.length;
    return { tick: a.tick, path: action.path, value: action.value, ...(all ? {} : { regions: action.regions }) };
  }
  return action.button ? { tick: a.tick, button: action.button } : undefined;
}

/** The current setup: start settings that differ from the scenario, and every action at its tick. */
function currentSetup(): Setup {
  const settings: Record<string, number> = {};
  for (const [path, value] of state.startSettings) if (getPath(state.entry.scenario, path) !== value) settings[path] = value;
  const fired = state.applied.map(timelineEntry).filter((e): e is TimelineEntry => e !== undefined);
  // A link's actions the run has not reached yet stay in the link (one at tick t is applied
  // when the run steps on from t, so it is pending while the page shows tick t).
  const pending = state.scheduled.filter((a) => a.tick >= state.tick)
    .map(timelineEntry).filter((e): e is TimelineEntry => e !== undefined);
  return {
    scenario: state.entry.name,
    seed: state.seed,
    settings,
    ...(comparing() ? { compare: { path: comparePath(), value: Number($<HTMLInputElement>('compare-value').value) } } : {}),
    timeline: [...fired, ...pending].sort((x, y) => x.tick - y.tick),
  };
}

function updateHash(): void {
  const hash = `#${encodeSetup(currentSetup())}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

async function copyLink(): Promise<void> {
  updateHash();
  const out = $('copied');
  try {
    await navigator.clipboard.writeText(location.href);
    out.textContent = pageMessages.copied;
  } catch {
    out.textContent = pageMessages.copyFailed;
  }
  setTimeout(() => { out.textContent = ''; }, 6000);
}

/** An action from a link's timeline entry, as the page's own button or slider would send it. */
function actionOf(entry: TimelineEntry, scenario: Scenario, regions: number): Action | undefined {
  if ('button' in entry) return POLICY_BUTTONS.find((p) => p.id === entry.button)?.action(scenario);
  return { kind: 'set', path: entry.path, value: entry.value, regions: entry.regions ?? Array.from({ length: regions }, (_, i) => i) };
}

/** Opens the setup in the address, if any; returns whether it did. */
function loadFromHash(): boolean {
  const { setup, problems } = decodeSetup(location.hash, {
    scenarios: data.scenarios.map((s) => s.name), sliders: SLIDERS, buttons: POLICY_BUTTONS.map((p) => p.id),
  });
  if (problems.length) showError(problems.join('\n'));
  if (!setup) return false;
  const entry = data.scenarios.find((s) => s.name === setup.scenario)!;
  $<HTMLInputElement>('compare').checked = setup.compare !== undefined;
  state.scheduled = [];
  loadEntry(entry.name, () => {
    if (setup.seed !== undefined) $<HTMLInputElement>('seed').value = String(setup.seed);
    for (const [path, value] of Object.entries(setup.settings)) setSlider(path, value);
    if (setup.compare) {
      $<HTMLSelectElement>('compare-path').value = setup.compare.path;
      $<HTMLInputElement>('compare-value').value = String(setup.compare.value);
    }
    const regions = setup.compare ? 2 : 1;
    state.scheduled = setup.timeline.flatMap((e) => {
      const action = actionOf(e, entry.scenario, regions);
      return action ? [{ tick: e.tick, action }] : [];
    });
  });
  return true;
}

function onLoaded(generation: number, columns: string[], regions: StaticView[]): void {
  if (generation !== state.generation) return; // a reset since: its own 'loaded' follows
  state.columns = columns;
  state.statics = regions;
  const holder = $('maps');
  holder.replaceChildren();
  holder.classList.toggle('two', regions.length > 1);
  mapResizes.disconnect();
  mapCanvases = regions.map((_, r) => {
    const figure = document.createElement('figure');
    figure.className = 'map';
    const caption = document.createElement('figcaption');
    caption.textContent = state.regionNames[r];
    const canvas = document.createElement('canvas');
    canvas.id = `map-${r}`;
    canvas.setAttribute('role', 'img');
    figure.append(caption, canvas);
    holder.append(figure);
    canvas.addEventListener('click', (e) => {
      const box = canvas.getBoundingClientRect();
      send({ type: 'inspectAt', region: r, x: e.clientX - box.left, y: e.clientY - box.top });
    });
    return canvas;
  });
  const sizes = mapCanvases.map(mapSize);
  const offscreen = mapCanvases.map((c) => c.transferControlToOffscreen());
  live.postMessage({ type: 'maps', generation, canvases: offscreen, sizes, options: mapOptions() } satisfies ToWorker, offscreen);
  for (const c of mapCanvases) mapResizes.observe(c);
}

/** Sets an element's text only when it changes (an unchanged write still costs a layout). */
function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

let frameRequested = false;
let framesDrawn = 0;
function onFrame(msg: Extract<FromWorker, { type: 'frame' }>): void {
  state.tick = msg.tick;
  state.playing = msg.playing;
  msg.rows.forEach((rows, r) => { state.rows[r].push(...rows); charts.pushRows(r, rows, state.columns); });
  for (const a of msg.applied) {
    state.applied.push(a);
    const { action } = a;
    charts.pushEvent(a.tick, action.kind === 'set' ? `${SLIDERS.find((d) => d.path === action.path)?.label ?? action.path} ${action.value}` : action.label);
    const seat = action.kind !== 'set' ? POLICY_BUTTONS.find((p) => p.id === action.button)?.seat : undefined;
    if (seat && action.kind !== 'set') {
      const place = state.statics[0]?.placeNames.indexOf(seat(state.entry.scenario)) ?? -1;
      if (place >= 0) {
        state.markers.push({ place, label: action.label });
        send({ type: 'mapOptions', options: mapOptions() });
      }
    }
  }
  if (msg.applied.length) updateHash();
  if (msg.tick >= state.entry.scenario.ticks && !msg.playing) revealHappened();
  charts.flush(!msg.playing);
  const rate = $('rate').dataset;
  // The charts' longest redraw, in the chart worker (for speed checks).
  rate.maxChartMs = charts.longestDrawMs.toFixed(1);
  const play = $('play');
  setText(play, msg.playing ? 'Pause' : 'Play');
  play.setAttribute('aria-pressed', String(msg.playing));
  setText($('tick'), `tick ${msg.tick} / ${state.entry.scenario.ticks}`);
  if (!msg.playing) state.until = undefined;
  // The latest row goes out with the tick counter (the readout table follows on the next
  // frame), so a reader of #tick never sees an older row in data-row.
  const lastRow = state.rows[0][state.rows[0].length - 1];
  if (lastRow) $('readouts').dataset.row = JSON.stringify(Array.from(lastRow));
  setText($('rate'), msg.playing && msg.ticksPerSecond > 0 ? `(${msg.ticksPerSecond.toFixed(1)} ticks/s)` : '');
  $('rate').dataset.ticksPerSecond = String(msg.ticksPerSecond);
  $<HTMLButtonElement>('reveal').disabled = msg.playing;
  // One bridge per run: the button is off once the link stands (fired here or scheduled by the scenario).
  const fired = state.applied.some((a) => a.action.kind === 'policy' && a.action.policy.kind === 'infrastructure');
  $<HTMLButtonElement>('policy-bridge').disabled = !bridgeOf(state.startScenarios[0]) || msg.bridgeBuilt || fired;
  // The worker drew the maps; the page only names what they show.
  msg.maps.forEach((info, r) => {
    const canvas = mapCanvases[r];
    if (!canvas || !info) return;
    canvas.setAttribute('aria-label', info.summary);
    canvas.dataset.links = String(info.links);
    canvas.dataset.placeCentre = JSON.stringify(info.placeCentre);
    canvas.dataset.pipelines = String(info.pipelines);
  });
  rate.drawMs = msg.mapDrawMs.toFixed(1);
  rate.maxDrawMs = Math.max(Number(rate.maxDrawMs ?? 0), msg.mapDrawMs).toFixed(1);
  if (frameRequested) return;
  frameRequested = true;
  // On the next animation frame, tell the worker it may send the next frame.
  requestAnimationFrame(() => {
    frameRequested = false;
    updateReadouts();
    rate.framesDrawn = String(++framesDrawn);
    send({ type: 'frameDrawn' });
  });
}

/** Short header (it must fit a narrow column in large type; a non-breaking hyphen), column, digits, full name. */
const READOUTS: [string, string, number, string][] = [
  ['innov.', 'innovation_value', 3, 'innovation value this tick'], ['lock\u2011in', 'lock_in_index', 3, 'lock-in index'],
  ['divers.', 'diversity', 3, 'diversity of firms\' knowledge'], ['ext. ties', 'external_tie_share', 3, 'share of ties outside the region'],
  ['firms', 'firms_alive', 0, 'live firms'],
];
/**
 * The latest values: one row per region, one column per measure (short, under the map).
 * The table is built once per run and then only its cells' text changes: rebuilding it
 * every frame made the page lay itself out again each time.
 */
function updateReadouts(): void {
  const table = $<HTMLTableElement>('readouts');
  const last = state.rows.map((rows) => rows[rows.length - 1]);
  if (!last[0]) { table.replaceChildren(); return; }
  const shown = READOUTS.filter(([, column]) => state.columns.includes(column));
  if (table.rows.length !== last.length + 1) {
    const cell = (tag: 'th' | 'td', text: string, scope?: string) => {
      const c = document.createElement(tag);
      c.textContent = text;
      if (scope) c.scope = scope;
      return c;
    };
    const head = document.createElement('tr');
    head.append(cell('th', '', 'col'), ...shown.map(([label, , , full]) => Object.assign(cell('th', label, 'col'), { title: full })));
    const body = last.map((_, r) => {
      const tr = document.createElement('tr');
      // In compare mode the row is named by its letter (the full name is its tooltip).
      const name = cell('th', state.regionNames.length > 1 ? state.regionNames[r].split(':')[0] : state.regionNames[r], 'row');
      name.title = state.regionNames[r];
      tr.append(name, ...shown.map(() => cell('td', '')));
      return tr;
    });
    table.replaceChildren(head, ...body);
  }
  setText(table.rows[0].cells[0], `tick ${state.tick}`);
  last.forEach((row, r) => shown.forEach(([, column, digits], c) => setText(table.rows[r + 1].cells[c + 1], row[state.columns.indexOf(column)].toFixed(digits))));
  table.dataset.row = JSON.stringify(Array.from(last[0]));
}

// ---- ensemble reveal ---------------------------------------------------------------------
async function reveal(): Promise<void> {
  const window_ = state.entry.scenario.observe.window;
  const status = $('ensemble-status');
  if (state.playing) send({ type: 'pause' });
  if (state.tick < window_) { status.textContent = pageMessages.needWindow(window_); return; }
  const n = Number($<HTMLSelectElement>('replicates').value);
  const ticks = state.tick;
  const threshold = state.entry.scenario.lock_in.threshold;
  const bridge = bridgeOf(state.startScenarios[0]);
  // Replicate -1 replays the class's own seed: it must give the class's outcome exactly,
  // which shows the replicates really do replay the same settings and actions.
  const seeds = ensembleSeeds(state.seed, n);
  const jobs = state.startScenarios.flatMap((scenario, region) => seeds.map((seed, i) => ({
    id: region * (n + 1) + i, region, replicate: i - 1, scenario, ticks, bridge, actions: state.applied, seed,
  })));
  const mine = state.rows.map((rows) => lateOutcome(rows.slice(0, ticks), state.columns, window_, threshold));
  const progress = $<HTMLProgressElement>('ensemble-progress');
  progress.hidden = false;
  progress.value = 0;
  const abort = new AbortController();
  state.ensembleAbort = abort;
  const button = $<HTMLButtonElement>('reveal');
  button.disabled = true;
  status.textContent = pageMessages.ensembleStarted(jobs.length, ticks);
  const started = performance.now();
  try {
    const all = await runEnsemble(workerUrl, jobs, (done, total) => {
      progress.value = done / total;
      status.textContent = pageMessages.ensembleProgress(done, total);
    }, abort.signal);
    const replays = all.filter((x) => x.replicate < 0);
    const results = all.filter((x) => x.replicate >= 0);
    const faithful = replays.every((x) => JSON.stringify(x.outcome) === JSON.stringify(mine[x.region]));
    if (!faithful) showError(pageMessages.replayDiffers);
    const names = state.regionNames;
    await drawReveal($('ensemble-charts'), names, mine, results, threshold, projectorOn());
    const sentences = mine.map((o, r) => placeSentence(names[r], o, results.filter((x) => x.region === r).map((x) => x.outcome)));
    status.textContent = pageMessages.ensembleDone(results.length, (performance.now() - started) / 1000, faithful, sentences);
    status.dataset.faithful = String(faithful);
    status.dataset.done = 'true';
  } catch (err) {
    if ((err as Error).name !== 'AbortError') showError(pageMessages.ensembleFailed((err as Error).message));
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
    if (msg.type === 'loaded') onLoaded(msg.generation, msg.columns, msg.regions);
    else if (msg.type === 'frame') onFrame(msg);
    else if (msg.type === 'inspected') showInspect($('inspect'), msg.report, state.regionNames[msg.report.region] ?? '', () => { $('inspect').hidden = true; });
    else if (msg.type === 'error') showError(pageMessages.simulationStopped(msg.message));
  };
  live.onerror = (e) => showError(pageMessages.workerFailed(e.message));
  if (!('transferControlToOffscreen' in HTMLCanvasElement.prototype)) { showError(pageMessages.noOffscreenCanvas); return; }
  buildControls();
  if (!loadFromHash()) loadEntry(data.initial);
  window.addEventListener('hashchange', () => { if (location.hash !== `#${encodeSetup(currentSetup())}`) loadFromHash(); });
}

start();
