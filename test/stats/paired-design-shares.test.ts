/**
 * Shares of a 0/1 outcome contrasted over a grid with arms: the arms of a design point run
 * on the same seeds (sweep/seed.ts), so the cells of one point enter a contrast as one
 * paired group; different points have different seeds and are independent. The estimator
 * is checked against R in share-contrast.test.ts; this file checks that the design
 * analysis hands it the right groups (it used to treat every cell as independent).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings } from '../../src/report/findings/index';
import { computeSweepStats, writeStatsCsv } from '../../src/stats';
import { pairedShareContrast, shareContrast } from '../../src/stats/share-contrast';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

/** Planted lock-in per point, arm and replicate (8 replicates). */
const LOCKED: Record<string, (r: number) => boolean> = {
  '0:baseline': (r) => r % 4 !== 3,
  '0:cluster': (r) => r % 2 === 0,
  '1:baseline': (r) => r === 1,
  '1:cluster': (r) => r === 1 || r === 2,
};
const column = (point: number, arm: string): number[] => Array.from({ length: 8 }, (_, r) => (LOCKED[`${point}:${arm}`](r) ? 1 : 0));
const pairs = (point: number) => column(point, 'baseline').map((b, r) => [b, column(point, 'cluster')[r]]);
const count = (point: number, arm: string) => column(point, arm).reduce((s, v) => s + v, 0);

describe('contrasts of shares on a grid with arms', () => {
  const dir = writeFixtureSweep({
    parameters: { openness: [0, 0.3] }, arms: ['baseline', 'cluster'], replicates: 8,
    plant: ({ point, arm, replicate }) => ({ locked_in: LOCKED[`${point}:${arm}`](replicate) ? 1 : 0 }),
  });

  it('pairs the arms of a point on their seeds in the main effect and the interaction', async () => {
    const stats = await computeSweepStats(dir);
    const main = stats.effects.mainEffects.find((m) => m.outcome === 'locked_in' && m.parameter === 'openness')!;
    // Openness 0.3 against 0, averaged over the two arms: each point is one paired group.
    const expected = pairedShareContrast([{ coefs: [0.5, 0.5], rows: pairs(1) }, { coefs: [-0.5, -0.5], rows: pairs(0) }]);
    expect(main.estimate).toBeCloseTo(0.5 * (1 / 8 + 2 / 8) - 0.5 * (6 / 8 + 4 / 8), 14);
    expect([main.lo, main.hi, main.p]).toEqual([expected.lo, expected.hi, expected.p]);
    // The old interval treated the four cells as independent: a different (narrower) interval.
    const independent = shareContrast([[1, 'baseline', 0.5], [1, 'cluster', 0.5], [0, 'baseline', -0.5], [0, 'cluster', -0.5]].map(([pt, arm, coef]) => ({ successes: count(pt as number, arm as string), n: 8, coef: coef as number })));
    expect(independent.hi - independent.lo).toBeLessThan(main.hi - main.lo);

    // openness x arm: (0, baseline) - (0.3, baseline) - (0, cluster) + (0.3, cluster).
    const inter = stats.effects.interactions.find((i) => i.outcome === 'locked_in' && i.parameterB === 'arm')!;
    const did = pairedShareContrast([{ coefs: [1, -1], rows: pairs(0) }, { coefs: [-1, 1], rows: pairs(1) }]);
    expect(inter.size).toBeCloseTo(did.estimate, 14);
    expect([inter.lo, inter.hi, inter.p]).toEqual([did.lo, did.hi, did.p]);
    expect(inter.method).toBe('adjusted-wald-largest');

    writeStatsCsv(dir, stats);
    const csv = readFileSync(join(dir, 'stats.csv'), 'utf8');
    expect(csv).toMatch(/\nmain_effect,all,[^\n]*,locked_in,openness,0\.3,0,[^\n]*,share_difference,probability,/);
    expect(findings(stats).join('\n')).toMatch(/adjusted Wald interval with the arms of a point paired on their common seeds/);
  });
});
