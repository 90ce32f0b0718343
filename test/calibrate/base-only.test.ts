/** A calibration of a scenario with arms or a sweep says that it calibrates the base scenario (stderr and report lede). */
import { describe, expect, it } from 'vitest';
import { baseOnlyNote } from '../../src/calibrate/report';

describe('baseOnlyNote', () => {
  it('names the arms and the sweep that the calibration does not run', () => {
    expect(baseOnlyNote({ name: 'puu', arms: [{}, {}, {}], sweep: { parameters: { openness: {}, 'learning.rate': {} } } })).toBe(
      " puu's 3 arms and sweep over openness, learning.rate are not part of the calibration: it calibrates the base scenario, without any arm's settings, policies or shocks, with the swept settings at their base values unless the targets file makes them parameters.",
    );
    expect(baseOnlyNote({ name: 'cp', arms: [{}, {}] })).toBe(" cp's 2 arms are not part of the calibration: it calibrates the base scenario, without any arm's settings, policies or shocks.");
    expect(baseOnlyNote({ name: 's', sweep: { parameters: { openness: {} } } })).toBe(" s's sweep over openness is not part of the calibration: it calibrates the base scenario with the swept settings at their base values unless the targets file makes them parameters.");
  });
  it('says nothing for a plain scenario', () => {
    expect(baseOnlyNote({ name: 'baseline' })).toBe('');
    expect(baseOnlyNote({ name: 'b', arms: [], sweep: { parameters: {} } })).toBe('');
  });
});

describe('the closing line of lrsim calibrate', () => {
  it('separates the sampler\'s runs (against max_runs) from the predictive check\'s', async () => {
    const { calibrationMessages: msg } = await import('../../src/calibrate/messages');
    expect(msg.done('out', 2, 60, 40, 40, 'max_runs', 1.25)).toBe(
      'calibration done: 2 generations, 60 runs (40 by the sampler, of its max_runs 40; 20 for the posterior predictive check), stopped on max runs, in 1.3 s; outputs in out',
    );
    expect(msg.done('out', 1, 40, 40, 40, 'max_runs', 1)).toBe('calibration done: 1 generation, 40 runs, stopped on max runs, in 1.0 s; outputs in out');
  });
});
