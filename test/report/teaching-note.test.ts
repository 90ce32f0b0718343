import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report';
import { extendsLine, teachingNote } from '../../src/report/teaching-note';
import { loadScenario } from '../../src/scenario/load';
import type { SweepManifest } from '../../src/stats';
import { prepareSweep, runSweep } from '../../src/sweep/run-sweep';
import { tempDir } from '../sweep/helpers';

/** The manifest a sweep would start with (nothing is run), marked as finished with `failed` failures. */
const manifestOf = (scenario: string, options: { set?: string[]; seed?: number; replicates?: number; cwd?: string } = {}, failed = 0) => {
  const { manifest } = prepareSweep({ scenario, out: 'unused', ...options });
  return { ...manifest, status: 'complete', runs: { ...manifest.runs, finished: manifest.runs.planned, failed } } as unknown as SweepManifest;
};
const NOTE = loadScenario('cluster-policy').scenario.teaching_note.trim();

describe('the teaching note ("What to look for") is shown only for a built-in run unchanged', () => {
  it('shows it for the built-in as it is', () => {
    expect(NOTE.length).toBeGreaterThan(50);
    expect(teachingNote(manifestOf('cluster-policy'))).toEqual({ note: NOTE, omitted: null, description: loadScenario('cluster-policy').scenario.description.trim() });
    expect(teachingNote(manifestOf('cluster-policy', { replicates: 8 })).omitted).toBeNull(); // the built-in's own count
  });

  it("shows the note and description this version ships, not the manifest's copy from when the sweep ran", () => {
    // The hash leaves prose out, so a sweep made (or resumed) before a note was corrected
    // still counts as the built-in unchanged: its stale copy must not be what the report shows.
    const m = manifestOf('cluster-policy');
    const stale = { ...m, scenario: { ...(m.scenario as object), teaching_note: '4 of 8 runs locked in in each arm.', description: 'Old words.' } } as SweepManifest;
    expect(teachingNote(stale)).toEqual({ note: NOTE, omitted: null, description: loadScenario('cluster-policy').scenario.description.trim() });
    // A built-in whose stored copy had no note still gets today's note.
    const none = { ...m, scenario: { ...(m.scenario as object), teaching_note: '' } } as SweepManifest;
    expect(teachingNote(none).note).toBe(NOTE);
  });

  it('leaves it out, saying why, for another seed, replicate count or setting', () => {
    expect(teachingNote(manifestOf('cluster-policy', { seed: 99, replicates: 4 }))).toEqual({
      note: '',
      omitted: 'What to look for: left out. This sweep is the built-in cluster-policy with seed 99 instead of 31 and 4 replicates instead of 8, and the note describes the numbers of the unchanged scenario.',
    });
    expect(teachingNote(manifestOf('cluster-policy', { set: ['openness=0.2'] })).omitted).toBe(
      'What to look for: left out. This sweep is the built-in cluster-policy with other settings (--set or an edited scenario), and the note describes the numbers of the unchanged scenario.',
    );
    expect(teachingNote(manifestOf('cluster-policy', { replicates: 1 })).omitted).toContain('with 1 replicate instead of 8,');
    expect(teachingNote(manifestOf('cluster-policy', {}, 2)).omitted).toBe(
      'What to look for: left out. 2 runs of the built-in cluster-policy failed, so its numbers are not the ones the note describes.',
    );
  });

  it('leaves it out for a sweep that is not finished (its runs fewer than the plan, or its status not complete), saying how far it got', () => {
    const done = manifestOf('cluster-policy');
    const planned = (done.runs as { planned: number }).planned;
    const unfinished = `What to look for: left out. The sweep of the built-in cluster-policy is not finished (10 of its ${planned} runs are here), so its numbers are not the ones the note describes.`;
    expect(teachingNote(done, 10)).toEqual({ note: '', omitted: unfinished });
    expect(teachingNote({ ...done, status: 'interrupted', runs: { ...(done.runs as object), finished: 10 } } as SweepManifest)).toEqual({ note: '', omitted: unfinished });
    // runs.ndjson emptied under a complete manifest: the runs found decide.
    expect(teachingNote(done, 0).omitted).toMatch(/not finished \(0 of its \d+ runs are here\)/);
    expect(teachingNote(done, planned).omitted).toBeNull();
  });

  it('leaves out the note of a scenario file, even one that only copies a built-in', () => {
    const dir = tempDir('note');
    writeFileSync(join(dir, 'mine.yaml'), 'extends: cluster-policy\nname: cluster-policy\nteaching_note: Look at the cluster.\n');
    const mine = manifestOf('mine.yaml', { cwd: dir });
    expect(mine.scenario_hash).toBe(manifestOf('cluster-policy').scenario_hash); // same runs ...
    expect(teachingNote(mine).omitted).toBe( // ... but not the built-in's own sweep
      "What to look for: left out. A scenario's teaching note is shown only for a built-in scenario run unchanged, and this sweep ran mine.yaml.",
    );
    expect(extendsLine(mine)).toBe('This scenario extends cluster-policy; it does not inherit its description, teaching note or references.');
    expect(extendsLine(manifestOf('cluster-policy'))).toBeNull();
  });

  it('a report of a scenario extending baseline names the parent and shows none of its texts', { timeout: 120_000 }, async () => {
    const dir = tempDir('note-report');
    writeFileSync(join(dir, 'child.yaml'), 'extends: baseline\nname: child\nticks: 8\nagents: {firms: 20, residents: 100}\nteaching_note: My own note.\nsweep: {replicates: 2}\n');
    const out = join(dir, 'out');
    await runSweep({ scenario: join(dir, 'child.yaml'), out, workers: 1, progress: false });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.scenario_extends).toEqual(['baseline']);
    await writeReport(out, { images: false });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const baseline = loadScenario('baseline').scenario;
    expect(html).toContain('This scenario extends baseline; it does not inherit its description, teaching note or references.');
    expect(html).toContain('What to look for: left out. A scenario&#39;s teaching note is shown only for a built-in scenario run unchanged');
    expect(html).not.toContain('My own note.');
    expect(html).not.toContain(baseline.teaching_note.trim().slice(0, 40));
    expect(html).not.toContain(baseline.description.trim().slice(0, 40));
    expect(html).toContain('(The scenario has no description.)');
  });
});
