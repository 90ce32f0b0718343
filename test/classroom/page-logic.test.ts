/** The classroom page's pure logic: late outcomes, replicate seeds, dot paths, the bridge. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario';
import { bridgeOf } from '../../src/classroom/page/controls';
import { lateOutcome } from '../../src/classroom/page/outcomes';
import { ensembleSeeds, replicateSeed } from '../../src/classroom/page/replicate-seed';
import { getPath, withPath } from '../../src/scenario/dot-path';
import { plannedRuns } from '../../src/sweep/plan';

describe('lateOutcome', () => {
  it('averages innovation value and lock-in over the last window rows', () => {
    const columns = ['tick', 'innovation_value', 'lock_in_index'];
    const rows = [[0, 10, 0.1], [1, 2, 0.5], [2, 4, 0.7]].map((r) => Float64Array.from(r));
    expect(lateOutcome(rows, columns, 2, 0.6)).toEqual({ innovationValueLate: 3, lockInLate: 0.6, lockedIn: true });
    expect(lateOutcome(rows, columns, 5, 0.6)).toEqual({ innovationValueLate: 16 / 3, lockInLate: (0.1 + 0.5 + 0.7) / 3, lockedIn: false });
  });

  it('skips rows where the lock-in index is missing (no firm holds knowledge), and is missing if all are', () => {
    const columns = ['tick', 'innovation_value', 'lock_in_index'];
    const rows = [[0, 1, 0.7], [1, 0, NaN], [2, 0, NaN]].map((r) => Float64Array.from(r));
    expect(lateOutcome(rows, columns, 3, 0.6)).toEqual({ innovationValueLate: 1 / 3, lockInLate: 0.7, lockedIn: true });
    expect(lateOutcome(rows, columns, 2, 0.6)).toEqual({ innovationValueLate: 0, lockInLate: NaN, lockedIn: false });
  });
});

describe('replicateSeed', () => {
  it('is a fixed uint32 per (seed, replicate), distinct across replicates and from the seed', () => {
    const seeds = Array.from({ length: 64 }, (_, i) => replicateSeed(42, i));
    expect(new Set(seeds).size).toBe(64);
    expect(seeds).not.toContain(42);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 32)).toBe(true);
    expect(replicateSeed(42, 3)).toBe(seeds[3]);
  });

  it('draws the replicates a CLI sweep of the same scenario and seed draws (one seed rule)', () => {
    // `lrsim sweep` of a scenario without swept parameters has one design point (0); its
    // plan gives replicate r the seed runSeed(seed, 0, r), the same for every arm.
    for (const seed of [0, 42, 2 ** 32 - 1]) {
      const sweep = [...plannedRuns({ points: 1, arms: ['baseline', 'open'], replicates: 8, scenarioSeed: seed, shard: null })];
      const bySweep = Array.from({ length: 8 }, (_, r) => sweep.find((run) => run.replicate === r && run.arm === 'open')!.seed);
      expect(ensembleSeeds(seed, 8)).toEqual([seed, ...bySweep]);
    }
    // Pinned values of the rule (sweep/seed.ts), recomputed independently in python3:
    //   M=(1<<64)-1; G=0x9e3779b97f4a7c15
    //   def mix(z): z=((z^(z>>30))*0xbf58476d1ce4e5b9)&M; z=((z^(z>>27))*0x94d049bb133111eb)&M; return z^(z>>31)
    //   def rs(s,p,r): h=mix((s+G)&M); h=mix(((h^p)+G)&M); h=mix(((h^r)+G)&M); return h>>32
    //   rs(42,0,0), rs(42,0,1)  ->  1662041860 3062033957
    expect(ensembleSeeds(42, 2)).toEqual([42, 1662041860, 3062033957]);
  });
});

describe('dot paths', () => {
  it('reads and replaces a nested value without touching the original', () => {
    const scenario = { openness: 0.1, proximity: { social_closure: 0.5 } };
    const changed = withPath(scenario, 'proximity.social_closure', 0.9);
    expect(getPath(changed, 'proximity.social_closure')).toBe(0.9);
    expect(scenario.proximity.social_closure).toBe(0.5);
  });
});

describe('bridgeOf', () => {
  it("uses the scenario's own infrastructure policy, even when it sits in an arm", () => {
    const { scenario } = loadScenario('oresund-bridge');
    expect(bridgeOf(scenario)).toMatchObject({ from: 'Copenhagen', to: 'Malmo', km: 25 });
  });
  it('otherwise links the two largest places at a quarter of their distance', () => {
    const { scenario } = loadScenario('baseline');
    // Core City (40, 40) and Northtown (44, 70): 30.3 km apart.
    expect(bridgeOf(scenario)).toMatchObject({ from: 'Core City', to: 'Northtown', km: 7.6 });
  });
});
