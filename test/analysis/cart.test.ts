/** CART recovers a planted axis-aligned split, stops at depth 4, and is deterministic. */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { fitTree, treeLeaves, type TreeNode } from '../../src/analysis/cart';
import { buildDataset } from '../../src/analysis/dataset';
import { PLANTED, plantedData } from './planted';

function depth(t: TreeNode): number {
  return t.left && t.right ? 1 + Math.max(depth(t.left), depth(t.right)) : 0;
}

describe('CART', () => {
  it('recovers a planted split', () => {
    // y = 1 where x2 > 0.6 (5 % of labels flipped), 4 inputs uniform on [0, 1].
    const random = seedrandom.alea('cart-split');
    const rows = Array.from({ length: 1000 }, () => {
      const inputs = { x0: random(), x1: random(), x2: random(), x3: random() };
      return { inputs, label: inputs.x2 > 0.6 !== random() < 0.05 };
    });
    const tree = fitTree(buildDataset(['x0', 'x1', 'x2', 'x3'], rows), { maxDepth: 1 });
    expect(tree.split && 'threshold' in tree.split && tree.split.input).toBe('x2');
    expect(tree.split && 'threshold' in tree.split ? tree.split.threshold : NaN).toBeCloseTo(0.6, 1);
    expect(tree.left!.density).toBeLessThan(0.1);
    expect(tree.right!.density).toBeGreaterThan(0.9);
  });

  it('splits a categorical input into its level groups', () => {
    const rows = ['a', 'b', 'c', 'd'].flatMap((arm) => Array.from({ length: 30 }, () => ({ inputs: { arm }, label: arm === 'b' || arm === 'd' })));
    const tree = fitTree(buildDataset(['arm'], rows));
    expect(tree.split).toEqual({ input: 'arm', levels: ['a', 'c'] });
    expect(treeLeaves(tree).map((l) => l.density)).toEqual([0, 1]);
  });

  it('separates the planted box (4 splits at depth 4) and is deterministic', () => {
    const data = plantedData(2000);
    const tree = fitTree(data);
    expect(depth(tree)).toBeLessThanOrEqual(4);
    expect(['x1', 'x3']).toContain(tree.split?.input);
    // Leaves with density >= 0.5 predict a case; compare with the noise-free planted box.
    const predict = (i: number): boolean => {
      let t = tree;
      while (t.split && t.left && t.right) {
        const j = data.names.indexOf(t.split.input);
        t = 'threshold' in t.split && data.columns[j][i] <= t.split.threshold ? t.left : t.right;
      }
      return t.density >= 0.5;
    };
    let agree = 0;
    for (let i = 0; i < data.rows; i++) {
      const x1 = data.columns[1][i];
      const x3 = data.columns[3][i];
      const inside = x1 >= PLANTED.x1[0] && x1 <= PLANTED.x1[1] && x3 >= PLANTED.x3[0] && x3 <= PLANTED.x3[1];
      if (predict(i) === inside) agree++;
    }
    expect(agree / data.rows).toBeGreaterThan(0.97);
    expect(JSON.stringify(fitTree(plantedData(2000)))).toBe(JSON.stringify(tree));
  });
});
