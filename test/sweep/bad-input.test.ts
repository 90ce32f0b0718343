import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lrsim, tempDir, writeScenario } from './helpers';

/** Runs the CLI expecting bad input: exit 2 and exactly one line on stderr. */
function refused(args: string[]): string {
  const r = lrsim(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^lrsim: error: /);
  return lines[0];
}

const sweepOf = (design: string) => `sweep:\n${design}`;

describe('bad sweep input: one line, exit 2', { timeout: 120_000 }, () => {
  const dir = tempDir('bad');
  const scenario = (name: string, design: string) => writeScenario(tempDir(name), sweepOf(design));

  it('unknown parameter path, with a suggestion', () => {
    const f = scenario('unknown', '  parameters:\n    opennes: [0.1, 0.2]\n');
    expect(refused(['sweep', f, '--out', join(dir, 'o1')])).toMatch(/unknown setting "opennes".*did you mean "openness"/);
  });
  it('a value out of range', () => {
    const f = scenario('range', '  parameters:\n    openness: [0.1, 1.5]\n');
    expect(refused(['sweep', f, '--out', join(dir, 'o2')])).toMatch(/openness.*1\.5/);
  });
  it('empty value list', () => {
    const f = scenario('empty', '  parameters:\n    openness: []\n');
    expect(refused(['sweep', f, '--out', join(dir, 'o3')])).toMatch(/value list is empty/);
  });
  it('min > max', () => {
    const f = scenario('minmax', '  design: lhs\n  samples: 4\n  parameters:\n    openness: {min: 0.5, max: 0.1}\n');
    expect(refused(['sweep', f, '--out', join(dir, 'o4')])).toMatch(/min.*greater than.*max/);
  });
  it('zero samples and zero replicates', () => {
    const f = scenario('zero', '  design: sobol\n  samples: 0\n  parameters:\n    openness: {min: 0, max: 0.5}\n');
    expect(refused(['sweep', f, '--out', join(dir, 'o5')])).toMatch(/samples/);
    const g = scenario('zerorep', '  parameters:\n    openness: [0.1]\n');
    expect(refused(['sweep', g, '--replicates', '0', '--out', join(dir, 'o6')])).toMatch(/--replicates 0/);
  });
  it('sobol or lhs without ranges', () => {
    const f = scenario('noranges', '  design: sobol\n  samples: 8\n');
    expect(refused(['sweep', f, '--out', join(dir, 'o7')])).toMatch(/no parameters to sample/);
    const g = scenario('lists', '  design: lhs\n  samples: 8\n  parameters:\n    openness: [0.1, 0.2]\n');
    expect(refused(['sweep', g, '--out', join(dir, 'o8')])).toMatch(/samples ranges, not lists/);
  });
  it('bad --shard', () => {
    const f = scenario('shard', '  parameters:\n    openness: [0.1]\n');
    for (const bad of ['3/3', 'a/b', '1/0']) expect(refused(['sweep', f, '--shard', bad, '--out', join(dir, 'o9')])).toMatch(/--shard/);
  });
  it('--resume against a directory of another scenario: refused, nothing overwritten', () => {
    const a = scenario('resumeA', '  parameters:\n    openness: [0.1]\n  replicates: 1\n');
    const out = join(dir, 'resume-out');
    expect(lrsim(['sweep', a, '--workers', '1', '--out', out, '--no-report']).code).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    const b = scenario('resumeB', '  parameters:\n    openness: [0.2]\n  replicates: 1\n');
    expect(refused(['sweep', b, '--out', out, '--resume'])).toMatch(/holds a different sweep .*nothing was changed/);
    // and without --resume an existing sweep is never overwritten
    expect(refused(['sweep', a, '--out', out])).toMatch(/already holds a sweep.*--resume/);
    const after = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    expect(after).toEqual(before);
  });
  it('merging shards of different sweeps, and an incomplete shard set', () => {
    const a = scenario('mergeA', '  parameters:\n    openness: [0.1, 0.2]\n  replicates: 1\n');
    const b = scenario('mergeB', '  parameters:\n    openness: [0.1, 0.3]\n  replicates: 1\n');
    const s0 = join(dir, 'm', '0');
    const s1 = join(dir, 'm', '1');
    expect(lrsim(['sweep', a, '--workers', '1', '--shard', '0/2', '--out', s0]).code).toBe(0);
    expect(lrsim(['sweep', b, '--workers', '1', '--shard', '1/2', '--out', s1]).code).toBe(0);
    expect(refused(['merge', s0, s1, '--out', join(dir, 'm', 'all')])).toMatch(/belongs to a different sweep/);
    expect(refused(['merge', s0, '--out', join(dir, 'm', 'all')])).toMatch(/shard 1\/2 is missing; finish it with: lrsim sweep .*--shard 1\/2 --out .*m\/1 .*--resume/);
    // Input audit finding 19: the same shard twice said only "shard 1/2 is missing".
    expect(refused(['merge', s0, s0, '--out', join(dir, 'm', 'all')])).toBe(`lrsim: error: merge: shard 0/2 is given twice (${s0}, ${s0}), and shard 1/2 is not given; name each shard's directory once`);
    const copy = join(dir, 'm', 'copy-of-0');
    cpSync(s0, copy, { recursive: true });
    expect(refused(['merge', s0, copy, '--out', join(dir, 'm', 'all')])).toBe(`lrsim: error: merge: shard 0/2 is given twice (${s0}, ${copy}), and shard 1/2 is not given; name each shard's directory once`);
    expect(existsSync(join(dir, 'm', 'all'))).toBe(false);
  });
});
