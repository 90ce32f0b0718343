import { describe, expect, it } from 'vitest';
import { NOT_SCREENED, plausibleRanges } from '../../src/scenario/plausible';
import { buildDesign } from '../../src/sweep/design';
import { checkDesign, runInput } from '../../src/sweep/inputs';
import { validateScenarioData } from '../../src/scenario/validate';
import type { SweepSpec } from '../../src/scenario/schema';

describe('plausible ranges', () => {
  const ranges = plausibleRanges();
  it('cover every numeric scalar parameter that is not listed as not screened, each with a source', () => {
    expect(ranges.size).toBe(97);
    for (const [path, r] of ranges) {
      expect(r.min, path).toBeLessThan(r.max);
      expect(r.source.length, path).toBeGreaterThan(10);
      expect(Object.keys(NOT_SCREENED).some((p) => path === p || path.startsWith(`${p}.`)), path).toBe(false);
    }
    expect(ranges.get('environment.frontier_width')).toMatchObject({ min: 1.5, max: 6 });
  });
  it('lie inside the hard limits: a Morris design over all of them passes the scenario check', () => {
    const parameters = Object.fromEntries([...ranges].map(([p, r]) => [p, { min: r.min, max: r.max, integer: r.integer }]));
    const design = buildDesign({ design: 'morris', samples: 2, parameters } as unknown as SweepSpec, 1);
    expect(() => checkDesign(design, [{ name: 'baseline', input: {} }])).not.toThrow();
  });
  it('hold together: every pair of parameters at every corner of their ranges passes the cross-field rules', () => {
    // The cross-field rules of the schema (src/scenario/problems.ts) are pairwise (domains
    // against initial_width, delta_use against delta_idle, a min against its max), so
    // checking each pair's four corners, the others at their defaults, covers them all.
    // (A Morris screening of all the ranges was refused at 228 of 980 points when
    // initial_width reached 4 on a ring of 16 to 23 domains.)
    const list = [...ranges];
    const broken: string[] = [];
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++)
        for (const va of [list[a][1].min, list[a][1].max])
          for (const vb of [list[b][1].min, list[b][1].max]) {
            const input = runInput({ name: 'baseline', input: {} }, [list[a][0], list[b][0]], [va, vb]);
            try {
              validateScenarioData(input, () => ({ source: 'plausible corner' }));
            } catch {
              broken.push(`${list[a][0]}=${va}, ${list[b][0]}=${vb}`);
            }
          }
    expect(broken).toEqual([]);
  });
});
