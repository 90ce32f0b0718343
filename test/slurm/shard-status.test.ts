import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShards, pendingShards, shardStatus } from '../../src/slurm/shard-status';

const tmp = mkdtempSync(join(tmpdir(), 'lrsim-slurm-status-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const record = (key: string, status = 'ok') => JSON.stringify({ key, point: 0, arm: 'default', arm_index: 0, replicate: 0, seed: 1, params: {}, status, error: status === 'ok' ? null : 'x', wall_seconds: 0.1, outcomes: { x: 1 }, columns: ['tick', 'x'], series: [[0, 1]] });

describe('shardStatus', () => {
  it('compares a shard store with the keys the shard must hold', () => {
    const dir = join(tmp, 'shard1');
    mkdirSync(dir);
    writeFileSync(join(dir, 'runs.ndjson'), `${record('a')}\n${record('b', 'failed')}\n`);
    expect(shardStatus(1, dir, ['a', 'b', 'c', 'd'])).toEqual({ index: 1, expected: 4, done: 2, failed: 1, complete: false });
    expect(shardStatus(2, dir, ['a', 'b']).complete).toBe(true);
  });

  it('does not count a torn last record (a task killed while writing)', () => {
    const dir = join(tmp, 'torn');
    mkdirSync(dir);
    writeFileSync(join(dir, 'runs.ndjson'), `${record('a')}\n${record('b').slice(0, 25)}`);
    expect(shardStatus(0, dir, ['a', 'b'])).toEqual({ index: 0, expected: 2, done: 1, failed: 0, complete: false });
  });

  it('lists the missing and incomplete shards', () => {
    const s0 = shardStatus(0, join(tmp, 'absent'), ['e']);
    const s1 = shardStatus(1, join(tmp, 'shard1'), ['a', 'b', 'c', 'd']);
    const s2 = shardStatus(2, join(tmp, 'shard1'), ['a']);
    expect(pendingShards([s0, s1, s2])).toEqual([0, 1]);
    expect(describeShards([s0, s1])).toBe('shard 0 (no runs yet), shard 1 (2 of 4 runs)');
  });
});
