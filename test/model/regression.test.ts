/**
 * Seeded regression values: the SHA-256 of a small run's time series (every column,
 * every tick, as float64 bytes) and of its outcomes, per case. Any change to an equation,
 * a phase's order or a random draw changes a hash. The cases switch on the paths the
 * defaults leave idle: relatedness exponent a != 2 and gamma != 2 (the kernels' Math.pow
 * paths), copying and deepening courses, pipelines, and every structural policy with
 * shocks.
 *
 * The expected hashes were produced by the code before issue 20's refactor (commit
 * a47f74f) running this file's cases, and the refactored code gives the same bytes. If a
 * change is deliberate, say why in the commit and replace the hash.
 */
import { describe, expect, it } from 'vitest';
import { REGRESSION_CASES, runHashes, type Hashes } from './regression-cases';

const EXPECTED: Record<string, Hashes> = {
  'defaults': { series: 'fea6723e6f4731a2', outcomes: '772f9328adb5178e', placeFlows: '54101815dc77d577', firms: '0063a5ac50bd8181' },
  'a3-gamma1.5': { series: 'd10d8a0423b0ef55', outcomes: 'b415b3f85c352b04', placeFlows: 'a147093610037908', firms: '5bf85be838aece91' },
  'a0.5-gamma1': { series: '66f0a8ae8140bbfb', outcomes: '67e46ebba3a068cb', placeFlows: '263e0e4f94647dd5', firms: 'ba1dc05eb5c72a31' },
  'a1-gamma3-deepen': { series: 'b376ad70ecb2fc89', outcomes: '84dd023bcf224323', placeFlows: '556128cab02c27e0', firms: 'fdcc1c935e5be32b' },
  'pipelines': { series: 'ab1525b0f7221f0f', outcomes: 'd8cce49a68130a9a', placeFlows: 'd9629a281fd51d59', firms: 'ad8f825eafc6604a' },
  'policies-shocks': { series: 'd71b880164f23567', outcomes: '96de9d7bdc225d2d', placeFlows: 'd6deb94727e6dd86', firms: '71e53faf71d145a5' },
};

describe('seeded regression values (a changed equation changes a hash)', () => {
  for (const [name, over] of Object.entries(REGRESSION_CASES)) {
    it(name, () => {
      expect(runHashes(over, 5)).toEqual(EXPECTED[name]);
    });
  }
});
