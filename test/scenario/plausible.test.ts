import { describe, expect, it } from 'vitest';
import { NOT_SCREENED, plausibleRanges } from '../../src/scenario/plausible';
import { buildDesign } from '../../src/sweep/design';
import { checkDesign } from '../../src/sweep/inputs';
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
});
