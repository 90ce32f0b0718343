/**
 * Reading runs.ndjson for the statistics: records streamed in order, blank lines skipped,
 * a damaged record in the middle refused naming file:line and the field, a torn last line
 * skipped with a note; outcome values as numbers (JSON null is NaN).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { outcomeValue, readRunRecords, type RunRecord } from '../../src/stats/records';
import { ScenarioError } from '../../src/scenario/errors';

const record = (key: string) => JSON.stringify({ key, point: 0, arm: 'a', arm_index: 0, replicate: 0, seed: 1, params: {}, status: 'ok', error: null, wall_seconds: 0, outcomes: { x: 1 }, columns: [], series: [] });
function store(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-records-'));
  writeFileSync(join(dir, 'runs.ndjson'), lines.join('\n'));
  return dir;
}
async function readAll(dir: string, notice?: (line: string) => void): Promise<string[]> {
  const keys: string[] = [];
  for await (const r of readRunRecords(dir, notice)) keys.push(r.key);
  return keys;
}

describe('readRunRecords', () => {
  it('streams the records in order, skipping blank lines, with no note', async () => {
    const notes: string[] = [];
    expect(await readAll(store([record('a'), '', '   ', record('b'), '']), (l) => notes.push(l))).toEqual(['a', 'b']);
    expect(notes).toEqual([]);
  });

  it('skips a torn last record and says so', async () => {
    const dir = store([record('a'), record('b').slice(0, 20)]);
    const notes: string[] = [];
    expect(await readAll(dir, (l) => notes.push(l))).toEqual(['a']);
    expect(notes).toEqual([`note: ${join(dir, 'runs.ndjson')}:2: the last record is torn (20 bytes left by an interrupted write); skipped it`]);
  });

  it('writes the note to stderr by default, prefixed lrsim:', async () => {
    const dir = store([record('a'), '{"key":']);
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await readAll(dir)).toEqual(['a']);
      expect(write.mock.calls.map((c) => c[0])).toEqual([`lrsim: note: ${join(dir, 'runs.ndjson')}:2: the last record is torn (7 bytes left by an interrupted write); skipped it\n`]);
    } finally {
      write.mockRestore();
    }
  });

  it('refuses a damaged record followed by another, naming the line and the field', async () => {
    const bad = JSON.stringify({ key: 'x', point: -1 });
    const dir = store([record('a'), bad, '', record('b')]);
    const error = await readAll(dir, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toBe(`${join(dir, 'runs.ndjson')}:2: not a whole run record (point: not a whole number >= 0); the store is damaged in the middle, not just at its end; nothing was changed: move the file away and resume, or use a new --out`);
  });
});

describe('outcomeValue', () => {
  it('is the number, or NaN for null, a missing outcome or no outcomes', () => {
    const r = { outcomes: { a: 2.5, b: null, c: 0 } } as unknown as RunRecord;
    expect([outcomeValue(r, 'a'), outcomeValue(r, 'b'), outcomeValue(r, 'c'), outcomeValue(r, 'd')]).toEqual([2.5, NaN, 0, NaN]);
    expect(outcomeValue({} as RunRecord, 'a')).toBeNaN();
  });
});
