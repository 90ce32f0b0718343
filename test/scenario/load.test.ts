import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/io/repo';
import { builtinNames, listBuiltins } from '../../src/scenario/builtins';
import { ScenarioError } from '../../src/scenario/errors';
import { scenarioSchemaText } from '../../src/scenario/json-schema';
import { loadScenario, MAX_SCENARIO_BYTES } from '../../src/scenario/load';
import { defaultScenario } from '../../src/scenario/schema';
import { tempDir } from '../cli/helpers';

const work = tempDir({
  'parent.yaml': 'extends: baseline\nname: parent\nopenness: 0.3\nproximity:\n  trust_floor: 0.4\npolicies:\n  - {kind: open_region, openness: 0.5}\n',
  'child.yaml': 'extends: parent.yaml\nproximity:\n  social_closure: 0.9\npolicies: []\n',
  'noname.yaml': 'extends: baseline\nticks: 10\n',
  'plain.json': '{"extends": "baseline", "name": "j", "ticks": 12}',
  'bad-parent.yaml': 'extends: baseline\nopenness: 7\n',
  'texts.yaml': 'extends: parent.yaml\ndescription: Mine.\n',
  'bad-child.yaml': 'extends: bad-parent.yaml\nticks: 10\n',
});
afterAll(() => work.cleanup());

const errorOf = (fn: () => unknown): ScenarioError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
};

describe('loadScenario', () => {
  it('loads the baseline by default, equal to the schema defaults but for its texts', () => {
    const { scenario, source } = loadScenario(undefined);
    expect(source).toBe('builtin:baseline');
    const { name, description, teaching_note, references, ...rest } = scenario;
    const { name: _n, description: _d, teaching_note: _t, references: _r, ...defaults } = defaultScenario();
    expect(rest).toEqual(defaults);
    expect(name).toBe('baseline');
    expect(description.length).toBeGreaterThan(50);
    expect(teaching_note.length).toBeGreaterThan(50);
    expect(references.length).toBeGreaterThan(0);
  });

  it('follows extends through files: mappings merge, lists replace, the child wins', () => {
    const { scenario, source, raw } = loadScenario('child.yaml', { cwd: work.dir });
    expect(source).toBe('child.yaml');
    expect(scenario.name).toBe('child'); // a file without a name is named after itself
    expect(scenario.openness).toBe(0.3);
    expect(scenario.proximity.trust_floor).toBe(0.4);
    expect(scenario.proximity.social_closure).toBe(0.9);
    expect(scenario.policies).toEqual([]);
    expect((raw as Record<string, unknown>).extends).toBeUndefined();
  });

  it('does not pass description, teaching note or references down through extends, and lists the parents', () => {
    const child = loadScenario('child.yaml', { cwd: work.dir });
    expect(child.extends).toEqual(['parent.yaml', 'baseline']);
    expect(child.scenario).toMatchObject({ description: '', teaching_note: '', references: [] });
    const own = loadScenario('texts.yaml', { cwd: work.dir });
    expect(own.scenario).toMatchObject({ description: 'Mine.', teaching_note: '', references: [] });
    expect(loadScenario('texts.yaml', { cwd: work.dir, set: ['teaching_note=Look here'] }).scenario.teaching_note).toBe('Look here');
    expect(loadScenario('baseline').extends).toEqual([]);
    // A built-in that extends another keeps its own texts.
    const openness = loadScenario('proximity-openness');
    expect(openness.extends).toEqual(['baseline']);
    expect(openness.scenario.teaching_note).not.toBe(loadScenario('baseline').scenario.teaching_note);
    expect(openness.scenario.teaching_note.length).toBeGreaterThan(20);
  });

  it('names a scenario without a name after its file, and reads JSON', () => {
    expect(loadScenario('noname.yaml', { cwd: work.dir }).scenario.name).toBe('noname');
    expect(loadScenario(join(work.dir, 'plain.json')).scenario.ticks).toBe(12);
  });

  it('applies --set after extends', () => {
    const { scenario } = loadScenario('child.yaml', { cwd: work.dir, set: ['openness=0.7', 'policies=[{kind: open_region, openness: 1}]'] });
    expect(scenario.openness).toBe(0.7);
    expect(scenario.policies).toEqual([{ kind: 'open_region', openness: 1, start: 0, cost: 0 }]);
  });

  it('points at the parent file for an inherited bad value', () => {
    expect(errorOf(() => loadScenario('bad-child.yaml', { cwd: work.dir })).message).toBe(
      'bad-parent.yaml:2:11: openness: 7 is out of range; write a number from 0 to 1',
    );
  });

  it('refuses files beyond the size limit without reading them', () => {
    const huge = join(work.dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_SCENARIO_BYTES + 1);
    expect(errorOf(() => loadScenario('huge.yaml', { cwd: work.dir })).message).toMatch(/^huge\.yaml: file is too large \(8\.0 MiB\); scenario files are at most 8 MiB/);
  });

  it('reports every problem, the first in the message', () => {
    writeFileSync(join(work.dir, 'many.yaml'), 'ticks: 0\nopenness: 2\nfoo: 1\n');
    const e = errorOf(() => loadScenario('many.yaml', { cwd: work.dir }));
    expect(e.problems).toEqual([
      'many.yaml:1:8: ticks: 0 is out of range; write an integer from 1 to 100000',
      'many.yaml:2:11: openness: 2 is out of range; write a number from 0 to 1',
      'many.yaml:3:1: unknown key "foo"; allowed keys: "name", "description", "teaching_note", "references", "cost_unit", "extends", "seed", "ticks", "knowledge", "region", "agents", "openness", ... (see `lrsim schema`)',
    ]);
    expect(e.message).toMatch(/^many\.yaml:1:8: .* \(and 2 more problems; `lrsim validate FILE` lists them all\)$/);
  });
});

describe('built-in scenarios', () => {
  it('are found from the sources, listed with one sentence each, and all valid', () => {
    expect(builtinNames()[0]).toBe('baseline');
    for (const b of listBuiltins()) {
      expect(b.description).toMatch(/^[A-Z].*\.$/);
      expect(b.description).not.toMatch(/\. /);
      expect(loadScenario(b.name).scenario.name).toBe(b.name);
    }
  });
});

describe('scenario.schema.json', () => {
  it('is up to date with src/scenario/schema.ts (refresh: npx lrsim schema --out scenario.schema.json)', () => {
    expect(readFileSync(join(repoRoot(), 'scenario.schema.json'), 'utf8')).toBe(scenarioSchemaText());
  });
});
