/** The classroom page's setup links, CSV exports, chart encodings and generated notes (pure logic). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario';
import { between, pageInfo, phasesOf } from '../../src/classroom/info-source';
import { chartDefs, chartSpec, encodingPlan, MovingMeans, niceCeiling } from '../../src/classroom/page/charts';
import { POLICY_BUTTONS, SLIDERS } from '../../src/classroom/page/controls';
import { chartSeriesCsv, csvField, runSeriesCsv } from '../../src/classroom/page/export';
import { firstSentence, scenarioTitle, thingsToTry } from '../../src/classroom/page/notes';
import { decodeSetup, encodeSetup } from '../../src/classroom/page/setup';
import type { Setup } from '../../src/classroom/page/setup';

const vocab = { scenarios: ['baseline', 'oresund-bridge'], sliders: SLIDERS, buttons: POLICY_BUTTONS.map((p) => p.id) };

describe('setup links', () => {
  it('encodes a setup readably and in a fixed order', () => {
    const setup: Setup = {
      scenario: 'oresund-bridge', seed: 17, settings: { openness: 0.2 }, compare: { path: 'openness', value: 0.3 },
      timeline: [{ tick: 80, button: 'bridge' }, { tick: 95, path: 'labour.mobility', value: 0.05, regions: [0] }],
    };
    expect(encodeSetup(setup)).toBe('scenario=oresund-bridge&seed=17&set=openness:0.2&compare=openness:0.3&at=80:bridge;95:labour.mobility=0.05@0');
  });

  it('decodes what it encodes (any valid setup)', () => {
    const slider = fc.constantFrom(...SLIDERS);
    const value = (d: (typeof SLIDERS)[number]) => fc.integer({ min: 0, max: Math.round((d.max - d.min) / d.step) }).map((n) => Number((d.min + n * d.step).toFixed(6)));
    const entry = fc.oneof(
      fc.record({ tick: fc.integer({ min: 0, max: 400 }), button: fc.constantFrom(...vocab.buttons) }),
      slider.chain((d) => fc.record({ tick: fc.integer({ min: 0, max: 400 }), path: fc.constant(d.path), value: value(d) })),
    );
    const setup = fc.record({
      scenario: fc.constantFrom(...vocab.scenarios),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      settings: fc.array(slider.chain((d) => fc.tuple(fc.constant(d.path), value(d)))).map((xs) => Object.fromEntries(xs)),
      timeline: fc.array(entry, { maxLength: 8 }).map((xs) => [...xs].sort((a, b) => a.tick - b.tick)),
    });
    fc.assert(fc.property(setup, (s) => {
      const { setup: back, problems } = decodeSetup(`#${encodeSetup(s)}`, vocab);
      expect(problems).toEqual([]);
      expect(back).toEqual(s);
    }));
  });

  it('keeps what it can and names each problem in one line', () => {
    const { setup, problems } = decodeSetup('#scenario=baseline&seed=-3&set=openness:7,nonsense:1&at=10:bridge;12:fly;x', vocab);
    expect(setup).toEqual({ scenario: 'baseline', settings: {}, timeline: [{ tick: 10, button: 'bridge' }] });
    expect(problems).toEqual([
      'Link: seed "-3" is not a whole number from 0 to 4294967295. The scenario\'s seed was used.',
      'Link, set: openness = "7" is not a number from 0 to 1. It was left out.',
      `Link, set: "nonsense" is not a slider setting; use one of ${SLIDERS.map((d) => d.path).join(', ')}. It was left out.`,
      `Link, at 12: "fly" is not a policy or shock; use one of ${vocab.buttons.join(', ')}. It was left out.`,
      'Link, at: "x" is not TICK:ACTION (for example 80:bridge or 40:openness=0.5). It was left out.',
    ]);
    expect(decodeSetup('#scenario=%3Cscript%3E', vocab)).toEqual({ problems: ['Link: scenario "<script>" is not on this page; use one of baseline, oresund-bridge. The page opened its first scenario instead.'] });
    expect(decodeSetup('', vocab)).toEqual({ problems: [] });
  });
});

describe('CSV exports', () => {
  it('quotes fields with commas, quotes or line breaks; leaves NaN empty', () => {
    expect(['a', 'b,c', 'say "hi"', 'x\ny', 1.5, NaN].map(csvField)).toEqual(['a', '"b,c"', '"say ""hi"""', '"x\ny"', '1.5', '']);
  });
  it('writes a chart long and a run wide', () => {
    expect(chartSeriesCsv([{ tick: 1, region: 'A: Openness 0', series: 'tacit, collaboration', value: 2 }]))
      .toBe('tick,region,series,value\n1,A: Openness 0,"tacit, collaboration",2\n');
    expect(runSeriesCsv(['A', 'B'], ['tick', 'x'], [[Float64Array.of(1, 0.5)], [Float64Array.of(1, NaN)]]))
      .toBe('region,tick,x\nA,1,0.5\nB,1,\n');
  });
});

describe('chart encodings', () => {
  const defs = chartDefs(0.55, { from: 'Copenhagen', to: 'Malmo' });
  const flows = defs.find((d) => d.id === 'flows')!;
  it('one region: a legend entry per series, each with its own colour or dash, and the threshold', () => {
    const plan = encodingPlan(defs.find((d) => d.id === 'lockin')!, ['region']);
    expect(plan.legend.map((e) => e.label)).toEqual(['lock-in index', 'cognitive', 'functional', 'exhaustion', 'locked-in threshold 0.55']);
    const looks = plan.legend.map((e) => `${e.colour}|${e.dash.join(' ')}`);
    expect(new Set(looks).size).toBe(looks.length);
  });
  it('compare mode with several series: colour per series, dash per region, no two entries alike', () => {
    const plan = encodingPlan(flows, ['A', 'B']);
    expect(plan).toMatchObject({ colourBy: 'series', dashBy: 'region' });
    expect(plan.legend.map((e) => e.label)).toEqual(['tacit, collaboration', 'tacit, mobility', 'tacit, training', 'tacit, pipeline', 'A', 'B']);
    const looks = plan.legend.map((e) => `${e.colour}|${e.dash.join(' ')}`);
    expect(new Set(looks).size).toBe(looks.length);
  });
  it('compare mode with one series: colour per region', () => {
    expect(encodingPlan(defs[0], ['A', 'B'])).toMatchObject({ colourBy: 'region', dashBy: 'none' });
  });
  it('smooths a series by the mean of its last ten values, each series on its own', () => {
    // Reference (python3, numpy):
    //   x = np.array([3.0,1,4,1,5,9,2,6,5,3,5,8])
    //   [float(x[max(0,i-9):i+1].mean()) for i in range(12)]
    const expected = [3.0, 2.0, 2.6666666666666665, 2.25, 2.8, 3.8333333333333335, 3.5714285714285716, 3.875, 4.0, 3.9, 4.1, 4.8];
    const means = new MovingMeans();
    const got = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8].map((x) => means.next('A', x));
    got.forEach((m, i) => expect(m).toBeCloseTo(expected[i], 12));
    expect(means.next('B', 7)).toBe(7); // another series starts its own window
    means.clear();
    expect(means.next('A', 2)).toBe(2);
  });
  it('rounds a y domain up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 1.2, 2.2, 4, 7, 73, 250.1].map(niceCeiling)).toEqual([1, 0.5, 1, 2, 2.5, 5, 10, 100, 500]);
  });
});

describe('event labels on the charts', () => {
  it('sit right of their mark in the left half and left of it in the right half (never cut off at the edge)', () => {
    const spec = chartSpec(chartDefs(0.55)[0], ['region'], 200, false) as { layer: { data?: { name?: string }; layer?: { transform?: { filter?: string }[]; mark: { type: string; align?: string; dx?: number; limit?: unknown } }[] }[] };
    const events = spec.layer.find((l) => l.data?.name === 'events')!;
    const labels = events.layer!.filter((l) => l.mark.type === 'text').map((l) => [l.mark.align, l.mark.dx, l.transform?.[0].filter, l.mark.limit]);
    const half = { expr: 'width / 2 - 6' };
    expect(labels).toEqual([['left', 3, 'datum.tick <= 100', half], ['right', -3, 'datum.tick > 100', half]]);
  });
});

describe('generated notes and Info', () => {
  it('names scenarios in words in the picker, with the description\'s first sentence as its tooltip', () => {
    expect(scenarioTitle('oresund-bridge')).toBe('Oresund bridge');
    expect(scenarioTitle('buzz-and-pipelines')).toBe('Buzz and pipelines');
    expect(scenarioTitle('my_region.v2')).toBe('My region.v2');
    expect(firstSentence('Two cities across water (2000). Without the bridge, travel\n takes long.')).toBe('Two cities across water (2000).');
    expect(firstSentence('No full stop here')).toBe('No full stop here');
  });

  it('turns a scenario\'s arms and sweep into things to do with the page', () => {
    expect(thingsToTry(loadScenario('closed-district').scenario, SLIDERS)[0])
      .toBe('Tick "Compare two regions" with Openness 0.3 in region B (The same district with openness 0.3): same seed, one setting changed.');
    expect(thingsToTry(loadScenario('oresund-bridge').scenario, SLIDERS)[0]).toMatch(/^Set "Run to tick" to 80, press Go, then press "Build the bridge"/);
    expect(thingsToTry(loadScenario('proximity-paradox').scenario, SLIDERS)[0]).toBe('Move Cognitive homophily between 0 and 8 (the range the scenario\'s sweep covers), or compare the two ends side by side.');
  });
  it('cuts the Info texts from README and the ODD', () => {
    expect(between('a\n# T\nx\ny\n## U\nz', /^# /, /^## /)).toBe('x\ny');
    expect(phasesOf('| 1 | `env()` | frontier advances; shocks |\n| 3–4 | `meet()` | the **meetings** happen |\n| | `tick++` | |'))
      .toEqual(['Frontier advances', 'The meetings happen']);
    const info = pageInfo();
    expect(info.about).toMatch(/^lrsim is an agent-based simulator of \*\*learning regions\*\*/);
    expect(info.purpose).toMatch(/^lrsim asks how the way a region learns/);
    expect(info.phases.length).toBeGreaterThanOrEqual(10);
  });
});
