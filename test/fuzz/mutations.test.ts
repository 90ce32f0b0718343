/**
 * Property (issue 14): whatever is done to a scenario (keys dropped, renamed or retyped,
 * odd values written anywhere), validation either accepts it or throws a ScenarioError
 * whose every line is positioned in the file or names the built-in it came from, one line
 * each, no control characters; never another error.
 *
 * The start is baseline.yaml with every default written out plus policies, shocks, a sweep
 * and arms, so every part of the schema can be hit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ScenarioError } from '../../src/scenario/errors';
import { loadScenario } from '../../src/scenario/load';
import { clonePlain, defineKey, isPlainObject } from '../../src/scenario/merge';

const tmp = mkdtempSync(join(tmpdir(), 'lrsim-mutate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const start = (() => {
  const full = clonePlain(loadScenario('baseline').scenario) as unknown as Record<string, unknown>;
  full.ticks = 20;
  full.policies = [
    { kind: 'open_region', openness: 0.5, start: 5, end: 15, label: 'open' },
    { kind: 'infrastructure', from: 'Core City', to: 'Harbour', km: 10 },
  ];
  full.shocks = [{ kind: 'core_collapse', tick: 10 }];
  full.sweep = { design: 'grid', parameters: { openness: [0.1, 0.3], 'firms.rd_min': [0.1, 0.2] }, replicates: 2 };
  full.arms = [{ name: 'a' }, { name: 'b', set: { 'learning.rate': 0.4 } }];
  return full;
})();

type Path = (string | number)[];
/** Every path into the data (mappings and lists), the root excluded. */
function paths(data: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(data)) data.forEach((v, i) => (out.push([...prefix, i]), paths(v, [...prefix, i], out)));
  else if (isPlainObject(data)) for (const [k, v] of Object.entries(data)) out.push([...prefix, k]), paths(v, [...prefix, k], out);
  return out;
}
const START_PATHS = paths(start);

const oddValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, 1e-320, '', ' ', '0', 'NaN', [], {}, [[]], { kind: 'x' }),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 }),
);
const oddKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', ' ', 'a.b', '<<', '0'));

type Mutation = { op: 'drop' | 'retype' | 'rename' | 'add'; at: number; value: unknown; key: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('drop', 'retype', 'rename', 'add'),
  at: fc.nat(START_PATHS.length - 1),
  value: oddValue,
  key: oddKey,
});

function parentOf(data: Record<string, unknown>, path: Path): { parent: Record<string, unknown> | unknown[]; last: string | number } | undefined {
  let node: unknown = data;
  for (const segment of path.slice(0, -1)) {
    if (!isPlainObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  if (!isPlainObject(node) && !Array.isArray(node)) return undefined;
  return { parent: node as Record<string, unknown> | unknown[], last: path[path.length - 1] };
}

function mutate(base: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const data = clonePlain(base);
  for (const m of mutations) {
    const found = parentOf(data, START_PATHS[m.at]);
    if (!found) continue;
    const { parent, last } = found;
    if (Array.isArray(parent)) {
      if (m.op === 'drop') parent.splice(Number(last), 1);
      else parent[Number(last)] = m.value;
      continue;
    }
    const key = String(last);
    if (m.op === 'drop') delete parent[key];
    else if (m.op === 'retype') defineKey(parent, key, m.value);
    else if (m.op === 'add') defineKey(parent, m.key, m.value);
    else if (Object.prototype.hasOwnProperty.call(parent, key)) {
      const value = parent[key];
      delete parent[key];
      defineKey(parent, m.key, value);
    }
  }
  return data;
}

const tally = { tried: 0, ok: 0, refused: 0 };
afterAll(() => console.info(`mutations: ${tally.tried} scenarios tried, ${tally.ok} valid, ${tally.refused} refused with positioned problems, 0 unexpected errors`));

describe('scenario mutations', () => {
  it('validate accepts a mutated scenario or refuses it with positioned one-line problems, never anything else', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom('yaml', 'json'), (mutations, format) => {
        const data = mutate(start, mutations);
        const name = format === 'json' ? 'mutant.json' : 'mutant.yaml';
        writeFileSync(join(tmp, name), format === 'json' ? JSON.stringify(data, null, 1) : stringify(data));
        tally.tried++;
        try {
          loadScenario(name, { cwd: tmp });
          tally.ok++;
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw e; // the property fails on anything else
          tally.refused++;
          expect(e.problems.length).toBeGreaterThan(0);
          expect(e.problems.length).toBeLessThanOrEqual(21);
          for (const line of e.problems.slice(0, 20)) {
            expect(line).toMatch(new RegExp(`^(${name.replace('.', '\\.')}(:\\d+:\\d+)?|\\S*scenarios/baseline\\.yaml(:\\d+:\\d+)?|arms\\.\\S+\\.set \\S+|sweep\\.parameters \\S+): `));
            expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/);
          }
        }
      }),
      { numRuns: 400, seed: 14 },
    );
    expect(tally.tried).toBe(400);
  }, 300_000);
});
