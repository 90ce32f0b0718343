/**
 * A classroom setup in the URL's hash: scenario, seed, slider values, the compare setting
 * and the timeline of fired policies, shocks and slider moves, so a teacher can prepare a
 * link and a class can reproduce a run tick for tick. The hash (not the query) also works
 * for the built file opened from disk. Example:
 *   #scenario=oresund-bridge&seed=17&set=openness:0.2&compare=openness:0.3&at=80:bridge;95:openness=0.5@0
 */
import { setupMessages } from './messages';

/** One entry of the timeline: a policy or shock button by id, or a slider move. */
export type TimelineEntry =
  | { tick: number; button: string }
  | { tick: number; path: string; value: number; regions?: number[] };

export interface Setup {
  scenario: string;
  seed?: number;
  /** Slider values at the start (dot path -> value). */
  settings: Record<string, number>;
  compare?: { path: string; value: number };
  timeline: TimelineEntry[];
}

/** What the decoder checks names and values against. */
export interface SetupVocabulary {
  scenarios: readonly string[];
  sliders: readonly { path: string; min: number; max: number }[];
  buttons: readonly string[];
}

const num = (x: number) => String(x);

/** The hash (without '#') for a setup; keys in a fixed order, so equal setups give equal links. */
export function encodeSetup(setup: Setup): string {
  const params = new URLSearchParams();
  params.set('scenario', setup.scenario);
  if (setup.seed !== undefined) params.set('seed', num(setup.seed));
  const settings = Object.entries(setup.settings);
  if (settings.length) params.set('set', settings.map(([p, v]) => `${p}:${num(v)}`).join(','));
  if (setup.compare) params.set('compare', `${setup.compare.path}:${num(setup.compare.value)}`);
  if (setup.timeline.length) {
    params.set('at', setup.timeline.map((e) => 'button' in e
      ? `${e.tick}:${e.button}`
      : `${e.tick}:${e.path}=${num(e.value)}${e.regions ? `@${e.regions.join('')}` : ''}`).join(';'));
  }
  // URLSearchParams escapes ':' ';' ',' '@' '='; they are safe in a hash, so keep them readable.
  return params.toString().replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%2C/g, ',').replace(/%40/g, '@').replace(/%3D/g, '=');
}

/**
 * Reads a hash back. Every problem (unknown scenario, setting or button, a value out of
 * range) becomes one message and the rest of the setup is kept; an empty hash gives undefined.
 */
export function decodeSetup(hash: string, vocab: SetupVocabulary): { setup?: Setup; problems: string[] } {
  const text = hash.replace(/^#/, '');
  if (text.trim() === '') return { problems: [] };
  const params = new URLSearchParams(text);
  const problems: string[] = [];
  const scenario = params.get('scenario') ?? '';
  if (!vocab.scenarios.includes(scenario)) {
    problems.push(setupMessages.unknownScenario(scenario, vocab.scenarios));
    return { problems };
  }
  const setup: Setup = { scenario, settings: {}, timeline: [] };
  const slider = (path: string) => vocab.sliders.find((s) => s.path === path);
  const value = (path: string, raw: string, where: string): number | undefined => {
    const def = slider(path);
    if (!def) { problems.push(setupMessages.unknownSetting(where, path, vocab.sliders.map((s) => s.path))); return undefined; }
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v) || v < def.min || v > def.max) { problems.push(setupMessages.badValue(where, path, raw, def.min, def.max)); return undefined; }
    return v;
  };
  const seed = params.get('seed');
  if (seed !== null) {
    const s = Number(seed);
    if (Number.isInteger(s) && s >= 0 && s < 2 ** 32) setup.seed = s;
    else problems.push(setupMessages.badSeed(seed));
  }
  for (const item of (params.get('set') ?? '').split(',').filter(Boolean)) {
    const [path, raw = ''] = item.split(':');
    const v = value(path, raw, 'set');
    if (v !== undefined) setup.settings[path] = v;
  }
  const compare = params.get('compare');
  if (compare) {
    const [path, raw = ''] = compare.split(':');
    const v = value(path, raw, 'compare');
    if (v !== undefined) setup.compare = { path, value: v };
  }
  for (const item of (params.get('at') ?? '').split(';').filter(Boolean)) {
    const m = /^(\d+):(.+)$/.exec(item);
    if (!m) { problems.push(setupMessages.badEntry(item)); continue; }
    const tick = Number(m[1]);
    const body = m[2];
    const set = /^([\w.]+)=([^@]*)(?:@([01]+))?$/.exec(body);
    if (set) {
      const v = value(set[1], set[2], `at ${tick}`);
      if (v !== undefined) setup.timeline.push({ tick, path: set[1], value: v, ...(set[3] ? { regions: [...set[3]].map(Number) } : {}) });
    } else if (vocab.buttons.includes(body)) {
      setup.timeline.push({ tick, button: body });
    } else {
      problems.push(setupMessages.unknownButton(tick, body, vocab.buttons));
    }
  }
  setup.timeline.sort((a, b) => a.tick - b.tick);
  return { setup, problems };
}
