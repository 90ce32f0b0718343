/**
 * What the discovery sentences claim (audit findings 1 and 7): box limits no wider than
 * the data show (a limit at the smallest or largest sampled value is no restriction; a
 * grid's levels inside the box, not limits between them), futures next to runs, and the
 * tree's tie and leaf size said.
 */
import { describe, expect, it } from 'vitest';
import { discoverScenarios, discoverySentences, type AnalysisInput } from '../../src/analysis';
import { restrictionText } from '../../src/analysis/sentences';

const inputs = [
  { name: 'openness', kind: 'numeric' as const, range: [0.00567, 0.3] as [number, number] },
  { name: 'closure', kind: 'numeric' as const, range: [0.2, 0.8] as [number, number], values: [0.2, 0.35, 0.5, 0.65, 0.8] },
  { name: 'arm', kind: 'categorical' as const, levels: ['a', 'b', 'c'] },
];

describe('restriction text', () => {
  it.each([
    ['openness', [0.00567, 0.163], 'openness ≤ 0.163'],
    ['openness', [0.1, 0.3], 'openness ≥ 0.1'],
    ['openness', [0.05, 0.163], 'openness 0.05 to 0.163'],
    ['closure', [0.425, 0.8], 'closure in {0.5, 0.65, 0.8}'],
    ['arm', ['a', 'b'], 'arm in {a, b}'],
  ] as const)('%s %j', (name, limits, text) => {
    expect(restrictionText({ inputs }, name, { [name]: limits as unknown as [number, number] })).toBe(text);
  });
});

describe('sentences of a grid sweep with replicates', () => {
  // A 6 x 6 grid (36 futures), 3 seeds each; cases exactly where x <= 0.4 and y >= 0.6.
  const levels = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const runs = levels.flatMap((x, i) =>
    levels.flatMap((y, j) => [0, 1, 2].map((seed) => ({ point: 6 * i + j, arm: 'only', seed, params: { x, y }, outcomes: { locked_in: x <= 0.4 && y >= 0.6 ? 1 : 0 } }))),
  );
  const input: AnalysisInput = { runs, parameters: ['x', 'y'], arms: ['only'], outcomes: ['locked_in'] };
  const text = discoverySentences(discoverScenarios(input, {})).join('\n');

  it('lists the grid levels inside the box and counts futures next to runs', () => {
    expect(text).toMatch(/27 of 108 runs \(36 futures\) are cases of interest/);
    expect(text).toMatch(/x in \{0, 0\.2, 0\.4\} \(quasi-p [^)]+\) and y in \{0\.6, 0\.8, 1\}/);
    expect(text).toMatch(/of its 27 runs \(9 futures\) are cases/);
    expect(text).toMatch(/leaves of at least 5 futures/);
    expect(text).toMatch(/Warning: only 36 futures \(design points; 108 runs\)/);
  });
});
