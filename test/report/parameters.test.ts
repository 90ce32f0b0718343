import { describe, expect, it } from 'vitest';
import { parameterRows } from '../../src/report/parameters';
import type { SweepStats } from '../../src/stats';

// A sweep of openness and agents.firms over a scenario whose base sets both: the base values
// are no run's setting, so they must not appear as settings beside the swept values.
const stats = {
  scenario: { seed: 7, ticks: 40, openness: 0.1, agents: { firms: 50, residents: 300 }, observe: { window: 10 }, lock_in: { threshold: 0.55 }, sweep: { replicates: 2 } },
  manifest: { design: { kind: 'grid', samples: null, replicates: 2 } },
  parameters: ['openness', 'agents.firms'],
  groups: [
    { point: 0, arm: 'baseline', params: { openness: 0, 'agents.firms': 40 } },
    { point: 1, arm: 'baseline', params: { openness: 0.3, 'agents.firms': 80 } },
  ],
  arms: ['baseline'],
  baselineArm: 'baseline',
} as unknown as SweepStats;

describe('parameterRows', () => {
  it('lists a swept parameter under Swept only, not its base value under Setting', () => {
    const rows = parameterRows(stats).map((r) => `${r.group}|${r.name}|${r.value}`);
    expect(rows).toEqual([
      'Design|design|grid',
      'Design|replicates (seeds per point and arm)|2',
      'Swept|openness|0, 0.3',
      'Swept|agents.firms|40, 80',
      'Setting|seed|7',
      'Setting|ticks (quarters)|40',
      'Setting|residents|300',
      'Setting|observe.window (late window, ticks)|10',
      'Setting|lock_in.threshold|0.55',
    ]);
  });
});
