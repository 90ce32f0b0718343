/** The classroom page's pure logic: late outcomes, replicate seeds, dot paths, the bridge. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario';
import { bridgeOf } from '../../src/classroom/page/controls';
import { lateOutcome } from '../../src/classroom/page/outcomes';
import { getPath, replicateSeed, withPath } from '../../src/classroom/page/paths';

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
