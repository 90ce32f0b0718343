/**
 * The fact-map cells of docs/sensitivity.md (docs/sensitivity/factmap.ts): per grid point,
 * the seeds on which every effect a fact asserts has the fact's sign, and whether the
 * paired 95 % intervals all lie on the fact's side (as the validation suite asserts).
 */
import { describe, expect, it } from 'vitest';
import { factmapCells, factmapScenario, type FactmapRun } from '../../docs/sensitivity/factmap';

// Four seeds of one grid point. Late value open - closed: 1, 1.1, 0.9, -0.2 (the fact-2
// effect fails on the last seed); the fact-3 interaction 1, 1.2, 0.8, 1.1; fact 7 holds on
// every seed.
const valueGain = [1, 1.1, 0.9, -0.2];
const interaction = [1, 1.2, 0.8, 1.1];
function runs(): FactmapRun[] {
  const out: FactmapRun[] = [];
  const add = (arm: string, replicate: number, outcomes: Record<string, number>) =>
    out.push({ point: 0, arm, replicate, params: { 'knowledge.capacity.firm': 6, 'knowledge.gamma': 2 }, outcomes: { locked_in: 0, lock_in_index_final: 0.3, resilience_ticks: 50, drop_ratio: 0.7, ...outcomes } });
  for (let k = 0; k < 4; k++) {
    add('closed', k, { innovation_value_late: 1, lock_in_index_final: 0.5 + 0.01 * k, locked_in: 1 });
    add('open', k, { innovation_value_late: 1 + valueGain[k], lock_in_index_final: 0.3 });
    add('closed_shock', k, { innovation_value_late: 0.5, resilience_ticks: 100, drop_ratio: 0.5 });
    add('open_shock', k, { innovation_value_late: (1 + valueGain[k]) * 0.9, resilience_ticks: 30 + k, drop_ratio: 0.8 + 0.01 * k });
    add('meet1_closed', k, { innovation_value_late: 1 });
    add('meet1_open', k, { innovation_value_late: 1.5 });
    add('meet6_closed', k, { innovation_value_late: 1 });
    add('meet6_open', k, { innovation_value_late: 1.5 + interaction[k] });
  }
  return out;
}

describe('fact maps', () => {
  const cells = factmapCells(runs());
  const fact = (name: string) => cells.find((c) => c.fact === name)!;

  it('counts the seeds on which a fact holds and tests its effects with paired t intervals (R t.test, prop.test)', () => {
    // R: t.test(c(1, 1.1, 0.9, -0.2))$conf.int -> -0.263533468308847 1.663533468308847
    //    prop.test(3, 4, correct = FALSE)$conf.int (Wilson) -> 0.300641842582402 0.954412739190299
    const f2 = fact('fact 2');
    expect([f2.p1, f2.v1, f2.p2, f2.v2, f2.seeds, f2.holding]).toEqual(['knowledge.capacity.firm', 6, 'knowledge.gamma', 2, 4, 3]);
    expect(f2.mean).toBeCloseTo(0.7, 12);
    expect(f2.lo).toBeCloseTo(-0.263533468308847, 9);
    expect(f2.hi).toBeCloseTo(1.663533468308847, 9);
    expect(f2.share_lo).toBeCloseTo(0.300641842582402, 9);
    expect(f2.share_hi).toBeCloseTo(0.954412739190299, 9);
    expect(f2.significant).toBe(0);
    expect(f2.not_shown).toBe('late value open - closed');
    // R: t.test(c(1, 1.2, 0.8, 1.1))$conf.int -> 0.753246911620398 1.296753088379601; prop.test(4, 4) -> 0.510109163545403 1
    const f3 = fact('fact 3');
    expect([f3.holding, f3.significant]).toEqual([4, 1]);
    expect(f3.mean).toBeCloseTo(1.025, 12);
    expect(f3.lo).toBeCloseTo(0.753246911620398, 9);
    expect(f3.hi).toBeCloseTo(1.296753088379601, 9);
    expect(f3.share_lo).toBeCloseTo(0.510109163545403, 9);
    // Fact 7: recovery -70 .. -67 ticks, drop +0.3 .. +0.33, kept value 0.9 - 0.5 on every seed.
    const f7 = fact('fact 7');
    expect([f7.holding, f7.significant, f7.not_shown]).toEqual([4, 1, '']);
    expect(f7.mean).toBeCloseTo(-68.5, 12);
  });

  it('needs every effect of a fact: one effect of the wrong sign on a seed and the seed does not count', () => {
    const flipped = runs().map((r) => (r.arm === 'open_shock' && r.replicate === 0 ? { ...r, outcomes: { ...r.outcomes, drop_ratio: 0.4 } } : r));
    expect(factmapCells(flipped).find((c) => c.fact === 'fact 7')!.holding).toBe(3);
  });

  it('puts each axis at the low end, the default and the high end of its plausible range', () => {
    const s = factmapScenario('knowledge.capacity.firm', 'environment.frontier_width');
    expect(s.sweep.parameters).toEqual({ 'knowledge.capacity.firm': [3, 6, 12], 'environment.frontier_width': [1.5, 3, 6] });
    expect(s.arms.map((a) => a.name)).toEqual(['closed', 'open', 'closed_shock', 'open_shock', 'meet1_closed', 'meet1_open', 'meet6_closed', 'meet6_open']);
  });
});
