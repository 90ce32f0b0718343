/** The class page is built around the learning region: reference-model scenarios are not embedded, and asking for one is refused in one line. */
import { describe, expect, it } from 'vitest';
import { embeddedScenarios } from '../../src/classroom/build';
import { ScenarioError } from '../../src/scenario';

describe('class page and the reference models', () => {
  it('embeds only learning-region scenarios', () => {
    const names = embeddedScenarios().scenarios.map((s) => s.name);
    expect(names).toContain('baseline');
    expect(names).not.toContain('march-1991-figure1');
    expect(names).not.toContain('cowan-jonard-2004');
  });

  it('refuses a reference-model scenario with one line', () => {
    expect(() => embeddedScenarios('march-1991-figure1')).toThrow(ScenarioError);
    expect(() => embeddedScenarios('cowan-jonard-2004')).toThrow(/^cowan-jonard-2004: the class page runs the learning-region model only/);
  });
});
