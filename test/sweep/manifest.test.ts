import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sourceState, sourceStateOf } from '../../src/io/repo';
import { ScenarioSchema } from '../../src/scenario/schema';
import { scenarioHash } from '../../src/sweep/manifest';
import { earlierSources } from '../../src/sweep/run-sweep';

describe('scenario hash', () => {
  const base = { sweep: { parameters: { openness: [0, 0.3] }, replicates: 4 } };
  const hash = (over: object) => scenarioHash(ScenarioSchema.parse({ ...base, ...over }));

  it('ignores what only decides what is kept or reported (replicates, microdata, outcomes, texts)', () => {
    const h = hash({});
    expect(hash({ sweep: { ...base.sweep, replicates: 16 } })).toBe(h);
    expect(hash({ sweep: { ...base.sweep, microdata: true } })).toBe(h);
    expect(hash({ sweep: { ...base.sweep, outcomes: ['resident_skill_final'] } })).toBe(h);
    expect(hash({ description: 'other words', teaching_note: 'look here', references: ['X (2020).'] })).toBe(h);
    const arms = (role?: 'option' | 'condition') => ({ arms: [{ name: 'a' }, { name: 'b', set: { openness: 0.5 }, ...(role ? { role } : {}) }] });
    expect(hash(arms('condition'))).toBe(hash(arms()));
  });

  it('changes with anything that changes the runs', () => {
    const h = hash({});
    expect(hash({ openness: 0.2 })).not.toBe(h);
    expect(hash({ sweep: { ...base.sweep, parameters: { openness: [0, 0.2] } } })).not.toBe(h);
    expect(hash({ seed: 43 })).not.toBe(h);
  });
});

describe('source of a sweep', () => {
  it('is the checkout\'s HEAD commit and whether tracked files differ, as git says', () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot(), encoding: 'utf8' }).trim();
    const s = sourceState();
    expect(s.commit).toBe(git('rev-parse', 'HEAD'));
    expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(s.dirty).toBe(git('status', '--porcelain', '--untracked-files=no') !== '');
  });

  it('is unknown when lrsim sits inside another repository (installed in its node_modules) or in no repository', () => {
    const outer = mkdtempSync(join(tmpdir(), 'lrsim-outer-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: outer, encoding: 'utf8' }).trim();
      const inside = join(outer, 'node_modules', 'lrsim');
      mkdirSync(inside, { recursive: true });
      writeFileSync(join(inside, 'package.json'), '{"name":"lrsim"}');
      // Before git init: no repository at all.
      expect(sourceStateOf(inside)).toEqual({ commit: null, dirty: null });
      git('init', '-q');
      writeFileSync(join(outer, 'user-file.txt'), 'the user\'s project');
      git('add', 'user-file.txt', 'node_modules/lrsim/package.json');
      git('commit', '-qm', 'user commit');
      // The user's repository: its own top level gets its commit, lrsim inside it does not.
      expect(sourceStateOf(outer)).toEqual({ commit: git('rev-parse', 'HEAD'), dirty: false });
      expect(sourceStateOf(inside)).toEqual({ commit: null, dirty: null });
      writeFileSync(join(outer, 'user-file.txt'), 'changed');
      expect(sourceStateOf(outer).dirty).toBe(true);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('a resumed sweep remembers the other sources its earlier sessions ran from, each once', () => {
    const a = { commit: 'a'.repeat(40), dirty: false };
    const b = { commit: 'b'.repeat(40), dirty: false };
    const bDirty = { commit: 'b'.repeat(40), dirty: true };
    expect(earlierSources({ source: a }, a)).toEqual([]);
    expect(earlierSources({ source: a }, b)).toEqual([a]);
    expect(earlierSources({ source: bDirty, earlier_sources: [a] }, b)).toEqual([a, bDirty]);
    expect(earlierSources({ source: b, earlier_sources: [a, b] }, a)).toEqual([b]);
    expect(earlierSources({}, a)).toEqual([]); // a manifest from before 2026-12-03
  });
});
