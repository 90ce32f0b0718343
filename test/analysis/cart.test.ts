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

describe('CART counts design points (futures), not runs', () => {
  // 60 points; every point run 3 times with the same label (replicates that agree).
  // Reference: R 4, rpart 4.1 on the 60 points, one row each (tmp script, as run):
  //   i <- 0:59; x1 <- (i*7) %% 60 / 60; x2 <- (i*13) %% 60 / 60; x3 <- (i*17) %% 60 / 60
  //   y <- ((x1 < 0.4 & x2 > 0.3) | x3 > 0.85) != (i %% 11 == 0)
  //   rpart(factor(y) ~ x1 + x2 + x3, method = "class", parms = list(split = "gini"),
  //     control = rpart.control(minbucket = 5, minsplit = 10, cp = -1, maxdepth = 4, xval = 0,
  //       maxsurrogate = 0, maxcompete = 0, usesurrogate = 0))
  //   root: x3 < 0.8417 (51) | >= (9, leaf); then x1 < 0.375 (20): x2 < 0.2917 (6) | x2 >= (14): x2 < 0.5833 (6) | (8);
  //   x1 >= 0.375 (31): x2 < 0.75 (22): x2 < 0.2167 (5) | (17); x2 >= 0.75 (9)
  const points = Array.from({ length: 60 }, (_, i) => {
    const inputs = { x1: ((i * 7) % 60) / 60, x2: ((i * 13) % 60) / 60, x3: ((i * 17) % 60) / 60 };
    return { inputs, label: (inputs.x1 < 0.4 && inputs.x2 > 0.3) || inputs.x3 > 0.85 ? i % 11 !== 0 : i % 11 === 0, point: i };
  });
  const replicated = buildDataset(['x1', 'x2', 'x3'], points.flatMap((p) => [p, p, p]));

  it('grows the tree rpart grows on the points, with leaves of at least 5 points', () => {
    const tree = fitTree(replicated);
    const leaves = treeLeaves(tree);
    expect(leaves.map((l) => l.points)).toEqual([6, 6, 8, 5, 17, 9, 9]);
    expect(leaves.map((l) => l.n)).toEqual([18, 18, 24, 15, 51, 27, 27]);
    expect(leaves.map((l) => l.rule.join(' and '))).toEqual([
      'x3 <= 0.8417 and x1 <= 0.375 and x2 <= 0.2917',
      'x3 <= 0.8417 and x1 <= 0.375 and x2 > 0.2917 and x2 <= 0.5833',
      'x3 <= 0.8417 and x1 <= 0.375 and x2 > 0.2917 and x2 > 0.5833',
      'x3 <= 0.8417 and x1 > 0.375 and x2 <= 0.75 and x2 <= 0.2167',
      'x3 <= 0.8417 and x1 > 0.375 and x2 <= 0.75 and x2 > 0.2167',
      'x3 <= 0.8417 and x1 > 0.375 and x2 > 0.75',
      'x3 > 0.8417',
    ]);
  });

  it('does not split two futures, however many seeds each runs', () => {
    const rows = [0, 1].flatMap((point) => Array.from({ length: 10 }, () => ({ inputs: { openness: point ? 0.3 : 0, closure: point ? 0.8 : 0.2 }, label: point === 1, point })));
    const tree = fitTree(buildDataset(['openness', 'closure'], rows));
    expect(tree.split).toBeUndefined();
    expect(tree.points).toBe(2);
  });

  it('names the inputs whose best split is as good as the one taken', () => {
    // openness and closure order the 12 points the same way: every split on one is a split on the other.
    const rows = Array.from({ length: 12 }, (_, i) => ({ inputs: { openness: i / 10, closure: 1 - i / 20, noise: (i * 5) % 12 }, label: i < 6, point: i }));
    const tree = fitTree(buildDataset(['openness', 'closure', 'noise'], rows), { minLeaf: 2 });
    expect(tree.split).toMatchObject({ input: 'openness', tied: ['closure'] });
  });
});
