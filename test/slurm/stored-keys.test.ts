import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShards, pendingShards, shardStatus } from '../../src/slurm/shard-status';
import { readStoredKeys } from '../../src/slurm/stored-keys';

const tmp = mkdtempSync(join(tmpdir(), 'lrsim-slurm-keys-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const record = (key: string, status = 'ok') => JSON.stringify({ key, point: 0, status, outcomes: { x: 1 }, series: [[0, 1]] });

describe('readStoredKeys', () => {
  it('reads every whole record, once, and ignores a torn last line', () => {
    const file = join(tmp, 'runs.ndjson');
    writeFileSync(file, [record('p0000.a00.r0000'), record('p0001.a00.r0000', 'failed'), record('p0000.a00.r0000')].join('\n') + '\n' + record('p0002.a00.r0000').slice(0, 30));
    const stored = readStoredKeys(file);
    expect([...stored.keys]).toEqual(['p0000.a00.r0000', 'p0001.a00.r0000']);
    expect([...stored.failed]).toEqual(['p0001.a00.r0000']);
  });

  it('counts a whole last record without its newline', () => {
    const file = join(tmp, 'no-newline.ndjson');
    writeFileSync(file, `${record('a')}\n${record('b')}`);
    expect([...readStoredKeys(file).keys]).toEqual(['a', 'b']);
  });

  it('reads stores larger than one chunk, with multi-byte text across chunk edges', () => {
    const file = join(tmp, 'big.ndjson');
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ key: `k${i}`, note: 'é€'.repeat(200), status: 'ok' }));
    writeFileSync(file, lines.join('\n') + '\n');
    expect(readStoredKeys(file).keys.size).toBe(3000);
  });

  it('is empty for a missing store', () => {
    expect(readStoredKeys(join(tmp, 'none.ndjson')).keys.size).toBe(0);
  });
});

describe('shardStatus', () => {
  it('compares a shard store with the keys the shard must hold', () => {
    const dir = join(tmp, 'shard1');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(join(dir, 'runs.ndjson'), `${record('a')}\n${record('b', 'failed')}\n`);
    const s1 = shardStatus(1, dir, ['a', 'b', 'c', 'd']);
    expect(s1).toEqual({ index: 1, expected: 4, done: 2, failed: 1, complete: false });
    const s0 = shardStatus(0, join(tmp, 'absent'), ['e']);
    const s2 = shardStatus(2, dir, ['a', 'b']);
    expect(s2.complete).toBe(true);
    expect(pendingShards([s0, s1, s2])).toEqual([0, 1]);
    expect(describeShards([s0, s1])).toBe('shard 0 (no runs yet), shard 1 (2 of 4 runs)');
  });
});
