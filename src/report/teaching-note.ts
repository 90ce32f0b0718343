/**
 * Whether the report shows a scenario's teaching note ("What to look for"). A note is
 * written for a built-in scenario's own sweep and quotes its numbers, so it is shown only
 * when the sweep is that built-in unchanged: the same scenario hash as the built-in
 * resolved with no --set or --seed (the hash covers every setting that decides the runs,
 * the seed included), the built-in's replicate count (left out of the hash so `--resume
 * --replicates` works, but it changes the numbers) and no failed run. Otherwise one line
 * says why the note is left out.
 */
import { loadScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import type { SweepManifest } from '../stats';
import { scenarioHash } from '../sweep/manifest';
import { reportMessages as msg } from './messages';

export interface NoteDecision {
  /** The note to show ('' for none). */
  note: string;
  /** Why a note is left out, or null. */
  omitted: string | null;
  /**
   * The built-in's description as this version ships it, when the note is shown (the
   * sweep is the built-in unchanged); null otherwise (the manifest's copy stands).
   */
  description?: string | null;
}

const DEFAULT_REPLICATES = 8; // sweep.replicates' default (scenario schema)

/**
 * The teaching note decision for a sweep directory's manifest; `runsHere`, the runs found in
 * the directory (finished and failed), leaves the note out when fewer than the plan's.
 */
export function teachingNote(manifest: SweepManifest, runsHere?: number): NoteDecision {
  const scenario = (manifest.scenario ?? {}) as Partial<Scenario>;
  const stored = (scenario.teaching_note ?? '').trim();
  const source = typeof manifest.scenario_source === 'string' ? manifest.scenario_source : 'a scenario file';
  if (!source.startsWith('builtin:')) return stored ? { note: '', omitted: msg.noteNotBuiltin(source) } : { note: '', omitted: null };
  const name = source.slice('builtin:'.length);
  let builtin: Scenario;
  try {
    builtin = loadScenario(name).scenario;
  } catch {
    return stored ? { note: '', omitted: msg.noteBuiltinGone(name) } : { note: '', omitted: null };
  }
  // The built-in's note as this version of lrsim ships it, not the copy stored in the
  // manifest when the sweep ran: the hash leaves prose out, so a note corrected since
  // (or a sweep resumed from before the correction) would otherwise keep the old text.
  const note = (builtin.teaching_note ?? '').trim();
  if (!note) return { note: '', omitted: null };
  const changes: string[] = [];
  const hash = manifest.scenario_hash;
  if (hash !== scenarioHash(builtin)) {
    if (scenario.seed !== builtin.seed) changes.push(msg.changedSeed(scenario.seed, builtin.seed));
    if (hash !== scenarioHash({ ...builtin, seed: scenario.seed as number })) changes.push(msg.changedSettings());
  }
  const design = manifest.design as { replicates?: number } | undefined;
  const replicates = design?.replicates ?? scenario.sweep?.replicates;
  const builtinReplicates = builtin.sweep?.replicates ?? DEFAULT_REPLICATES;
  if (replicates !== builtinReplicates) changes.push(msg.changedReplicates(replicates, builtinReplicates));
  if (changes.length) return { note: '', omitted: msg.noteChanged(name, changes) };
  const unfinished = sweepProgress(manifest, runsHere);
  if (unfinished) return { note: '', omitted: msg.noteUnfinished(name, unfinished.found, unfinished.planned) };
  const failed = (manifest.runs as { failed?: number } | undefined)?.failed ?? 0;
  if (failed > 0) return { note: '', omitted: msg.noteFailedRuns(name, failed) };
  return { note, omitted: null, description: (builtin.description ?? '').trim() || null };
}

/** The line naming the scenarios a sweep's scenario extends, or null. */
export function extendsLine(manifest: SweepManifest): string | null {
  const chain = Array.isArray(manifest.scenario_extends) ? (manifest.scenario_extends as unknown[]).map(String) : [];
  return chain.length ? msg.extendsChain(chain) : null;
}

/**
 * How far an unfinished sweep got: its status and the runs found against the plan, or null
 * when it is complete (status "complete" and every planned run here). `runsHere` is the
 * runs found in the directory; without it the manifest's own count stands.
 */
export function sweepProgress(manifest: SweepManifest, runsHere?: number): { status: string; found: number; planned: number } | null {
  const runs = manifest.runs as { planned?: number; finished?: number } | undefined;
  const planned = runs?.planned;
  if (typeof planned !== 'number') return null; // an older manifest: nothing to check against
  const found = runsHere ?? runs?.finished ?? planned;
  const status = typeof manifest.status === 'string' ? manifest.status : '';
  return found < planned || (status !== '' && status !== 'complete') ? { status, found, planned } : null;
}
