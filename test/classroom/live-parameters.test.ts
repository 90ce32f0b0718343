/** The classroom's live-parameter adapter (src/classroom/page/live-parameters.ts). */
import { describe, expect, it } from 'vitest';
import { LIVE_PARAMETERS, regionView, setParameter } from '../../src/classroom/page/live-parameters';
import { Simulation } from '../../src/model';
import { ScenarioSchema } from '../../src/scenario/schema';

const sim = () => new Simulation(ScenarioSchema.parse({ ticks: 5, agents: { firms: 10, residents: 50 } }), 1);

describe('live parameters', () => {
  it('moves a slider into the running simulation\'s params', () => {
    const s = sim();
    s.step();
    setParameter(s, 'openness', 0.45);
    setParameter(s, 'proximity.social_closure', 0.2);
    expect(s.params.openness).toBe(0.45);
    expect(s.params.closure).toBe(0.2);
    expect(s.scenario.proximity.social_closure).toBe(0.2);
    s.step();
    expect(s.tick).toBe(2);
  });

  it('refuses a parameter that is not live, and a value that is not finite, naming the slider', () => {
    const s = sim();
    expect(LIVE_PARAMETERS).not.toContain('knowledge.phi');
    expect(() => setParameter(s, 'knowledge.phi', 0.9)).toThrow(/Slider "knowledge\.phi" is not a live parameter; use one of openness,/);
    expect(() => setParameter(s, 'openness', Number.NaN)).toThrow('Slider "openness": the value must be a finite number.');
    expect(s.params.phi).toBe(0.5);
  });

  it('shows the engine\'s arrays for drawing', () => {
    const s = sim();
    const v = regionView(s);
    expect(v.nFirms).toBe(10);
    expect(v.kind).toBe(s.state.kind);
    expect(v.placeNames.length).toBe(v.placeX.length);
  });
});
