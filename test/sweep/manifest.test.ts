import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/scenario/schema';
import { scenarioHash } from '../../src/sweep/manifest';

describe('scenario hash', () => {
  const base = { sweep: { parameters: { openness: [0, 0.3] }, replicates: 4 } };
  const hash = (over: object) => scenarioHash(ScenarioSchema.parse({ ...base, ...over }));

  it('ignores what only decides what is kept or reported (replicates, microdata, outcomes, texts)', () => {
    const h = hash({});
    expect(hash({ sweep: { ...base.sweep, replicates: 16 } })).toBe(h);
    expect(hash({ sweep: { ...base.sweep, microdata: true } })).toBe(h);
    expect(hash({ sweep: { ...base.sweep, outcomes: ['resident_skill_final'] } })).toBe(h);
    expect(hash({ description: 'other words', teaching_note: 'look here', references: ['X (2020).'] })).toBe(h);
  });

  it('changes with anything that changes the runs', () => {
    const h = hash({});
    expect(hash({ openness: 0.2 })).not.toBe(h);
    expect(hash({ sweep: { ...base.sweep, parameters: { openness: [0, 0.2] } } })).not.toBe(h);
    expect(hash({ seed: 43 })).not.toBe(h);
  });
});
