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
