/**
 * TEST FIXTURE: a synthetic sweep (test/fixtures/sweep-dir.ts) with planted truths, on
 * an 8 x 8 grid of openness and social closure, three arms, 2 seeds per point:
 * - the reference arm locks in exactly in the corner openness < 0.35 and closure > 0.65;
 * - `bold` is best on average (late value 3) but fails in that corner (0.2);
 * - `steady` (2 everywhere) is never the worst arm; `baseline` gives 1.
 * Seeds add the same small noise to every arm (paired). Costs: 0, 400, 200.
 */
import { writeFixtureSweep } from '../fixtures/sweep-dir';

export const CORNER = (p: Record<string, number>) => p.openness < 0.35 && p['proximity.social_closure'] > 0.65;

export function writePlantedSweep(dir?: string, extra: { shockArm?: boolean } = {}): string {
  const values = (from: number) => Array.from({ length: 8 }, (_, i) => Number((from + 0.1 * i).toFixed(1)));
  return writeFixtureSweep(
    {
      parameters: { openness: values(0), 'proximity.social_closure': values(0.2) },
      arms: ['baseline', 'bold', 'steady', ...(extra.shockArm ? ['shocked'] : [])],
      shockArms: extra.shockArm ? ['shocked'] : undefined,
      replicates: 2,
      ticks: 12,
      plant: ({ arm, seed, params }) => {
        const noise = ((seed * 7919) % 100) / 1000;
        const corner = CORNER(params);
        const late = arm === 'baseline' ? 1 : arm === 'bold' ? (corner ? 0.2 : 3) : arm === 'shocked' ? 9 : 2;
        return {
          innovation_value_late: late + noise,
          locked_in: arm === 'baseline' ? (corner ? 1 : 0) : arm === 'bold' ? (corner ? 1 : 0) : 0,
          policy_cost: arm === 'baseline' || arm === 'shocked' ? 0 : arm === 'bold' ? 400 : 200,
        };
      },
    },
    dir,
  );
}
