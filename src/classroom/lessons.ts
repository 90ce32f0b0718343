/**
 * The four lessons of docs/classroom.md as data, and their class runs re-run in Node with
 * the page's own code (LiveRegion, the policy buttons, lateOutcome, replicateSeed), so the
 * numbers the text quotes are what a class sees on the page with the same seed and clicks.
 * docs/gen-classroom.ts writes them into the doc; test/classroom/lessons-drift.test.ts
 * checks the doc's fingerprint of the runs, which changes whenever the runs do.
 */
import { createHash } from 'node:crypto';
import { loadScenario } from '../scenario';
import type { Scenario } from '../scenario/schema';
import { bridgeOf, POLICY_BUTTONS } from './page/controls';
import { applyAction, COLUMNS, LiveRegion } from './page/live-region';
import { lateOutcome } from './page/outcomes';
import { withPath } from '../scenario/dot-path';
import type { Outcome } from './page/protocol';

/** One class run: a scenario, its seed, settings per region (compare mode) and button presses. */
export interface ClassRun {
  scenario: string;
  /** Slider settings per region (one entry: one region; two: compare mode). */
  regions: Record<string, number>[];
  /** Policy or shock buttons pressed at a tick. */
  presses: { tick: number; button: string }[];
}

export interface Lesson {
  id: string;
  runs: Record<string, ClassRun>;
}

export const LESSONS: Lesson[] = [
  { id: 'lesson-1', runs: { class: { scenario: 'closed-district', regions: [{}, { openness: 0.3 }], presses: [] } } },
  { id: 'lesson-2', runs: { class: { scenario: 'oresund-bridge', regions: [{}], presses: [{ tick: 80, button: 'bridge' }] } } },
  { id: 'lesson-3', runs: { class: { scenario: 'proximity-paradox', regions: [{ 'proximity.cognitive_homophily': 0 }, { 'proximity.cognitive_homophily': 8 }], presses: [] } } },
  {
    id: 'lesson-4', runs: {
      none: { scenario: 'creative-spaces', regions: [{}], presses: [] },
      topDown: { scenario: 'creative-spaces', regions: [{}], presses: [{ tick: 40, button: 'space-top-down' }] },
      bottomUp: { scenario: 'creative-spaces', regions: [{}], presses: [{ tick: 40, button: 'space-bottom-up' }] },
    },
  },
];

/** A finished class run: rows per region (COLUMNS), the regions' live state, late outcomes. */
export interface RunResult {
  scenario: Scenario;
  rows: Float64Array[][];
  regions: LiveRegion[];
  outcomes: Outcome[];
}

/** Runs a class run for `ticks` ticks (default: the scenario's) with `seed` (default: the scenario's). */
export function runClass(run: ClassRun, options: { ticks?: number; seed?: number } = {}): RunResult {
  const { scenario } = loadScenario(run.scenario);
  const ticks = options.ticks ?? scenario.ticks;
  const seed = options.seed ?? scenario.seed;
  const bridge = bridgeOf(scenario);
  const starts = run.regions.map((set) => Object.entries(set).reduce((s, [path, value]) => withPath(s, path, value), scenario));
  const regions = starts.map((s) => new LiveRegion(s, seed, bridge));
  const rows: Float64Array[][] = regions.map(() => []);
  const presses = [...run.presses].sort((a, b) => a.tick - b.tick);
  let next = 0;
  while (regions[0].sim.tick < ticks) {
    while (next < presses.length && presses[next].tick <= regions[0].sim.tick) {
      const press = presses[next++];
      const action = POLICY_BUTTONS.find((p) => p.id === press.button)!.action(scenario)!;
      regions.forEach((region, r) => applyAction(region.sim, r, action));
    }
    regions.forEach((region, r) => rows[r].push(region.step()));
  }
  const outcomes = rows.map((rs) => lateOutcome(rs, COLUMNS, scenario.observe.window, scenario.lock_in.threshold));
  return { scenario, rows, regions, outcomes };
}

/** A short hash of the first rows of every run of the lessons: it changes when the runs do. */
export function fingerprint(results: RunResult[]): string {
  const hash = createHash('sha256');
  for (const r of results) for (const regionRows of r.rows) for (const row of regionRows) hash.update(new Uint8Array(row.buffer, row.byteOffset, row.byteLength));
  return hash.digest('hex').slice(0, 16);
}

/** Ticks of each run the fingerprint covers (cheap enough for a unit test). */
export const FINGERPRINT_TICKS = 12;

/** The fingerprint of every lesson's runs over their first FINGERPRINT_TICKS ticks. */
export function lessonsFingerprint(): string {
  return fingerprint(LESSONS.flatMap((l) => Object.values(l.runs).map((run) => runClass(run, { ticks: FINGERPRINT_TICKS }))));
}

/** Mean of column `column` over ticks [from, to) of one region's rows. */
export function meanOver(rows: Float64Array[], column: string, from: number, to: number): number {
  const c = COLUMNS.indexOf(column as (typeof COLUMNS)[number]);
  const tick = COLUMNS.indexOf('tick');
  const sel = rows.filter((r) => r[tick] >= from && r[tick] < to).map((r) => r[c]).filter(Number.isFinite);
  return sel.reduce((a, b) => a + b, 0) / Math.max(1, sel.length);
}
