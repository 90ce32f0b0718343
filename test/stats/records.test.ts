/** Streaming runs.ndjson (src/stats/records.ts): records in order, blank lines, a torn tail, a damaged middle. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outcomeValue, readRunRecords, type RunRecord } from '../../src/stats/records';
import { higherIsBetter, LOWER_IS_BETTER } from '../../src/stats/outcome-direction';
import { statsMessages } from '../../src/stats/messages';
import { sensitivityStatsRows } from '../../src/stats/sensitivity/stats-rows';

const record = (key: string, outcomes: Record<string, number | null> = { x: 1 }) =>
  JSON.stringify({ key, point: 0, arm: 'base', arm_index: 0, replicate: 0, seed: 1, params: {}, wall_seconds: 0.1, status: 'ok', outcomes, columns: [], series: [] });

const dirs: string[] = [];
const store = (text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-records-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'runs.ndjson'), text);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const readAll = async (dir: string, notices: string[]) => {
  const out: RunRecord[] = [];
  for await (const r of readRunRecords(dir, (line) => notices.push(line))) out.push(r);
  return out;
};

describe('readRunRecords', () => {
  it('yields each record in key order, not the order the runs finished in, and skips blank lines, with no notice', async () => {
    const dir = store(`${record('c')}\n\n   \n${record('a')}\n${record('b')}\n`);
    const notices: string[] = [];
    expect((await readAll(dir, notices)).map((r) => r.key)).toEqual(['a', 'b', 'c']);
    expect(notices).toEqual([]);
  });
  it('yields the first record of a key stored twice, once', async () => {
    const dir = store(`${record('b')}\n${record('a')}\n${record('b').replace('"wall_seconds":0.1', '"wall_seconds":9')}\n`);
    const out = await readAll(dir, []);
    expect(out.map((r) => r.key)).toEqual(['a', 'b']);
    expect(out[1].wall_seconds).toBe(0.1);
  });
  it('skips a torn last line and says so, naming file, line and bytes', async () => {
    const dir = store(`${record('a')}\n{"key": "b", "po`);
    const notices: string[] = [];
    expect((await readAll(dir, notices)).map((r) => r.key)).toEqual(['a']);
    expect(notices).toEqual([`note: ${join(dir, 'runs.ndjson')}:2: the last record is torn (16 bytes left by an interrupted write); skipped it`]);
  });
  it('by default writes each distinct notice once per process (a report reads the store up to three times)', async () => {
    const dir = store(`${record('a')}\n{"key": "b", "po`);
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      for (let k = 0; k < 3; k++) for await (const r of readRunRecords(dir)) expect(r.key).toBe('a');
      const lines = write.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('torn'));
      expect(lines).toEqual([`lrsim: note: ${join(dir, 'runs.ndjson')}:2: the last record is torn (16 bytes left by an interrupted write); skipped it\n`]);
    } finally {
      write.mockRestore();
    }
  });
  it('refuses a damaged record followed by another line, naming file, line and field', async () => {
    const bad = record('b').replace('"arm_index":0', '"arm_index":-1');
    const dir = store(`${record('a')}\n${bad}\n${record('c')}\n`);
    await expect(readAll(dir, [])).rejects.toThrow(
      `${join(dir, 'runs.ndjson')}:2: not a whole run record (arm_index: not a whole number >= 0); the store is damaged in the middle, not just at its end; nothing was changed: delete line 2 and resume (--resume runs that one run again), or start again with a new --out`,
    );
  });
  it('yields only the replicates of the plan the manifest names (a resume with fewer replicates keeps the others stored), and says so', async () => {
    const keys = ['p0000.a00.r0000', 'p0000.a00.r0001', 'p0000.a00.r0002', 'p0001.a00.r0000', 'p0001.a00.r0003', 'p0001.a00.r0001'];
    const dir = store(keys.map((k) => record(k)).join('\n') + '\n');
    const notices: string[] = [];
    // No manifest: every stored run.
    expect((await readAll(dir, notices)).length).toBe(6);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ kind: 'lrsim-sweep', design: { replicates: 2 } }));
    expect((await readAll(dir, notices)).map((r) => r.key)).toEqual(['p0000.a00.r0000', 'p0000.a00.r0001', 'p0001.a00.r0000', 'p0001.a00.r0001']);
    expect(notices).toEqual([statsMessages.beyondPlan(2, 2)]);
    expect(notices[0]).toBe("2 stored runs of replicates beyond the sweep's 2 (from an earlier session with more replicates) are left out of the statistics; resume with --replicates to use them again");
  });
  it('a damaged line followed only by blank lines is still refused (a blank line follows it)', async () => {
    const dir = store(`${record('a')}\nnot json\n\n`);
    await expect(readAll(dir, [])).rejects.toThrow(':2: not a whole run record (not valid JSON');
  });
});

describe('outcomeValue, outcome direction, messages, sensitivity rows', () => {
  it('reads a number, and NaN for null, a missing key or missing outcomes', () => {
    const r = JSON.parse(record('a', { x: 2.5, y: null })) as RunRecord;
    expect(outcomeValue(r, 'x')).toBe(2.5);
    expect(outcomeValue(r, 'y')).toBeNaN();
    expect(outcomeValue(r, 'z')).toBeNaN();
    expect(outcomeValue({ ...r, outcomes: undefined } as unknown as RunRecord, 'x')).toBeNaN();
  });
  it('lower is better for lock-in, exits, recovery time and cost; higher for everything else', () => {
    expect(LOWER_IS_BETTER).toEqual(['lock_in_index_final', 'lock_in_cognitive_final', 'lock_in_functional_final', 'lock_in_exhaustion_final', 'locked_in', 'exits_total', 'resilience_ticks', 'resilience_censored', 'policy_cost', 'policy_cost_late']);
    expect(higherIsBetter('lock_in_index_final')).toBe(false);
    expect(higherIsBetter('policy_cost')).toBe(false);
    expect(higherIsBetter('drop_ratio')).toBe(true);
    expect(higherIsBetter('innovations_total')).toBe(true);
  });
  it('says why no effect is estimated', () => {
    expect(statsMessages.noParameterVaries()).toBe('The sweep varies no parameter, so no parameter effect is estimated.');
    expect(statsMessages.singleLevels()).toBe('Every swept parameter has a single level, so no parameter effect is estimated.');
    expect(statsMessages.noNumericParameter()).toBe('No swept parameter takes two or more numeric values, so no regression is fitted.');
  });
  it('sensitivity rows of stats.csv: one per row, point "all"; none without an analysis', () => {
    expect(sensitivityStatsRows(null)).toEqual([]);
    const row = { arm: 'base', tick: '', n: 64, outcome: 'x', parameter: 'a', method: 'sobol', index: 'S1', estimate: 0.5, lo: 0.4, hi: 0.6 };
    expect(sensitivityStatsRows({ rows: [row] } as never)).toEqual([{ section: 'sensitivity', point: 'all', ...row }]);
  });
});

describe('readRunRecords without a notice function', () => {
  it('writes the note to stderr, prefixed lrsim:', async () => {
    const dir = store(`${record('a')}\n{"key":`);
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const keys: string[] = [];
      for await (const r of readRunRecords(dir)) keys.push(r.key);
      expect(keys).toEqual(['a']);
      expect(write.mock.calls.map((c) => c[0])).toEqual([`lrsim: note: ${join(dir, 'runs.ndjson')}:2: the last record is torn (7 bytes left by an interrupted write); skipped it\n`]);
    } finally {
      write.mockRestore();
    }
  });
});
