import { describe, expect, it } from 'vitest';
import { bitReversedOrder, parseShard, plannedRunCount, plannedRuns, runKey, type SweepPlan } from '../../src/sweep/plan';
import { runSeed } from '../../src/sweep/seed';

const plan: SweepPlan = { points: 5, arms: ['base', 'policy'], replicates: 3, scenarioSeed: 42, shard: null };

describe('seed rule', () => {
  it('is the documented splitmix64 chain (values fixed: a change breaks every stored sweep)', () => {
    // Independent check in Python of the rule in src/sweep/seed.ts:
    // M=2**64-1; g=0x9e3779b97f4a7c15
    // def mix(z): z=((z^(z>>30))*0xbf58476d1ce4e5b9)&M; z=((z^(z>>27))*0x94d049bb133111eb)&M; return z^(z>>31)
    // h=mix((S+g)&M); h=mix(((h^p)+g)&M); h=mix(((h^r)+g)&M); print(h>>32)
    expect(runSeed(42, 0, 0)).toBe(1662041860);
    expect(runSeed(42, 3, 5)).toBe(2864298224);
  });
  it('is the same for every arm and differs between replicates and points', () => {
    const runs = [...plannedRuns(plan)];
    for (const r of runs) expect(r.seed).toBe(runSeed(42, r.point, r.replicate));
    expect(new Set(runs.map((r) => r.seed)).size).toBe(15);
  });
});

describe('plan', () => {
  it('keys sort like (point, arm, replicate) and are unique', () => {
    expect(runKey(plan, 3, 1, 5)).toBe('p0003.a01.r0005');
    expect(runKey({ points: 20000, arms: ['a'], replicates: 2 }, 7, 0, 1)).toBe('p00007.a00.r0001');
    const keys = [...plannedRuns(plan)].map((r) => r.key);
    expect(new Set(keys).size).toBe(30);
  });
  it('runs replicate-major, points interleaved, arms side by side', () => {
    const runs = [...plannedRuns(plan)];
    expect(runs.slice(0, 10).map((r) => r.replicate)).toEqual(Array(10).fill(0));
    expect(runs.slice(0, 10).map((r) => r.point)).toEqual([0, 0, 4, 4, 2, 2, 1, 1, 3, 3]);
    expect(runs.slice(0, 2).map((r) => r.arm)).toEqual(['base', 'policy']);
    expect(bitReversedOrder(8)).toEqual([0, 4, 2, 6, 1, 5, 3, 7]);
  });
  it('shards partition the runs and keep arm pairs together', () => {
    const all = new Set([...plannedRuns(plan)].map((r) => r.key));
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const shard = { ...plan, shard: { index: i, count: 4 } };
      const runs = [...plannedRuns(shard)];
      expect(runs).toHaveLength(plannedRunCount(shard));
      for (let k = 0; k < runs.length; k += 2) expect(runs[k + 1].key.replace('.a01.', '.a00.')).toBe(runs[k].key);
      seen.push(...runs.map((r) => r.key));
    }
    expect(seen.sort()).toEqual([...all].sort());
  });
  it('parses --shard i/n and refuses bad ones', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['4/4', '1/0', 'x', '-1/3', '1/2/3', '1.5/3']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
});
