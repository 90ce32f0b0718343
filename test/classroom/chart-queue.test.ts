/**
 * The chart worker's queue (src/classroom/page/chart-queue.ts) with a real Vega view of a
 * live chart, in Node: batches that arrive between two redraws all reach the view (Vega
 * keeps only the last changeset given to a dataset between two runs), and the y domain's
 * top follows the largest value.
 */
import { describe, expect, it } from 'vitest';
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import { chartDefs, chartSpec } from '../../src/classroom/page/charts';
import { ChartQueue } from '../../src/classroom/page/chart-queue';
import type { Tuple } from '../../src/classroom/page/chart-protocol';

const value = (tick: number, v: number): Tuple => ({ tick, region: 'region', series: 'innovation value', value: v, mean: v });

describe('chart queue', () => {
  it('hands every batch received between two redraws to the view, and raises the y top to a nice number', async () => {
    const def = chartDefs(0.55)[0]; // innovation value
    const view = new View(parse(compile(chartSpec(def, ['region'], 200, false) as never).spec), { renderer: 'none' });
    const queue = new ChartQueue(1);
    queue.insert([value(0, 0.5), value(1, 2.2)], []);
    queue.insert([value(2, 3.1)], [{ tick: 1, label: 'cluster organisation', lane: 0 }]);
    queue.insert([value(3, 1.0), value(4, 0.7)], []);
    expect(queue.lastTick).toBe(4);
    queue.applyTo(view);
    await view.runAsync();
    expect((view.data('rows') as Tuple[]).map((t) => t.tick)).toEqual([0, 1, 2, 3, 4]);
    expect((view.data('events') as unknown[]).length).toBe(1);
    expect(view.signal('ymax')).toBe(5); // 3.1 rounded up to 1, 2, 2.5 or 5 times a power of ten
    // The next redraw adds only what came since.
    queue.insert([value(5, 12)], []);
    queue.applyTo(view);
    await view.runAsync();
    expect((view.data('rows') as Tuple[]).length).toBe(6);
    expect(view.signal('ymax')).toBe(20);
    view.finalize();
  });
});
