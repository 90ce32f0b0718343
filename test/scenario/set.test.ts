import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors';
import { applySet, parseAssignment, resolvePath } from '../../src/scenario/set';

describe('--set', () => {
  it('parses values as YAML scalars and flow collections', () => {
    expect(parseAssignment('openness=0.3')).toEqual({ path: 'openness', value: 0.3 });
    expect(parseAssignment('name=my run')).toEqual({ path: 'name', value: 'my run' });
    expect(parseAssignment('learning.deepen=true')).toEqual({ path: 'learning.deepen', value: true });
    expect(parseAssignment('policies=[{kind: open_region, openness: 0.5}]')).toEqual({
      path: 'policies',
      value: [{ kind: 'open_region', openness: 0.5 }],
    });
    expect(parseAssignment('name=a=b')).toEqual({ path: 'name', value: 'a=b' });
  });

  it('sets nested paths, list entries and free-form keys', () => {
    const raw = { policies: [{ kind: 'open_region', openness: 0.5 }] };
    const out = applySet(raw, ['proximity.geographic_decay_km=40', 'policies.0.end=120', 'sweep.parameters.proximity.trust_floor=[0.1, 0.5]']);
    expect(out).toEqual({
      policies: [{ kind: 'open_region', openness: 0.5, end: 120 }],
      proximity: { geographic_decay_km: 40 },
      sweep: { parameters: { 'proximity.trust_floor': [0.1, 0.5] } },
    });
    expect(raw.policies[0]).toEqual({ kind: 'open_region', openness: 0.5 }); // unchanged
  });

  it('applies assignments in order (later wins)', () => {
    expect(applySet({}, ['openness=0.1', 'openness=0.2'])).toEqual({ openness: 0.2 });
  });

  it('rejects unknown paths with a suggestion', () => {
    expect(() => applySet({}, ['proximity.geographic_decay=3'])).toThrow(
      '--set proximity.geographic_decay=3: proximity: unknown setting "geographic_decay"; did you mean "geographic_decay_km"?',
    );
    const r = resolvePath('policies.0.opennes', { policies: [{ kind: 'open_region' }] });
    expect('problem' in r && r.problem.fix).toBe('did you mean "openness"?');
  });

  it('rejects list indices beyond the end, paths below values, and missing =', () => {
    expect(() => applySet({}, ['policies.2.openness=1'])).toThrow(/is not an index of this list/);
    expect(() => applySet({}, ['openness.x=1'])).toThrow(/goes below a value/);
    expect(() => applySet({}, ['openness'])).toThrow(ScenarioError);
  });
});
