/**
 * Tacit flow across infrastructure links: which policies make a link, one run's flow per
 * block (both directions over the block's ticks; the last block may be short), and the
 * per point x arm summaries over runs.
 */
import { describe, expect, it } from 'vitest';
import { infrastructureLinks, LinkFlowAccumulator, runLinkFlows } from '../../src/stats/link-flows';
import { summarizeBounded } from '../../src/stats/bounded-interval';
import { outcomeRange } from '../../src/stats/outcome-range';
import type { ScenarioLike } from '../../src/stats/records';

const scenario = {
  policies: [
    { kind: 'infrastructure', from: 'B', to: 'A', start: 5, label: 'Bridge' },
    { kind: 'cluster_organisation', from: 'A', to: 'C' },
    { kind: 'infrastructure', from: 'A' },
    { kind: 'infrastructure', to: 'A' },
  ],
  arms: [
    { name: 'x', policies: [{ kind: 'infrastructure', from: 'A', to: 'B' }] },
    { name: 'y', policies: [{ kind: 'infrastructure', from: 'C', to: 'A', start: 2, label: 'Road' }] },
    { name: 'z' },
  ],
} as unknown as ScenarioLike;

describe('infrastructureLinks', () => {
  it('keeps infrastructure policies with both ends, one link per pair of places in either direction', () => {
    expect(infrastructureLinks(scenario)).toEqual([
      { from: 'B', to: 'A', starts: [{ tick: 5, arm: null, label: 'Bridge' }, { tick: 0, arm: 'x', label: 'infrastructure' }] },
      { from: 'C', to: 'A', starts: [{ tick: 2, arm: 'y', label: 'Road' }] },
    ]);
    expect(infrastructureLinks({})).toEqual([]);
  });
});

describe('runLinkFlows', () => {
  it('adds both directions of a block and divides by the block\'s ticks (the last block short)', () => {
    // 3 places; a = 0, b = 2. Blocks of 10 ticks over 25 ticks: 10, 10, 5.
    const blocks = [
      [0, 0, 30, 0, 0, 0, 10, 0, 0],
      [0, 1, 5, 9, 0, 9, 15, 9, 0],
      [0, 0, 2, 0, 0, 0, 3, 0, 0],
    ];
    expect(runLinkFlows(blocks, 10, 25, 3, 0, 2)).toEqual([4, 2, 1]);
    expect(runLinkFlows(blocks, 10, 25, 3, 2, 0)).toEqual([4, 2, 1]);
    expect(runLinkFlows(blocks, 10, 25, 3, 0, 1)).toEqual([0, 1, 0]);
  });
  it('is NaN for a missing or null entry and for a block past the end of the run', () => {
    expect(runLinkFlows([[0, 4], [0, null, 1, 0]], 10, 30, 2, 0, 1)).toEqual([NaN, NaN]);
    expect(runLinkFlows([[0, 4, 6, 0], [0, 2, 2, 0]], 10, 10, 2, 0, 1)).toEqual([1, NaN]);
    expect(runLinkFlows([[0, 4, 6, 0], [0, 2, 2, 0]], 10, 11, 2, 0, 1)).toEqual([1, 4]);
  });
});

describe('LinkFlowAccumulator', () => {
  const places = ['A', 'B', 'C'];
  // Flow between A (0) and B (1) of `ab` per tick, between A and C of `ac`, in blocks of 10 over 25 ticks.
  const blocks = (ab: number, ac: number) => [10, 10, 5].map((len) => [0, ab * len, ac * len, 0, 0, 0, 0, 0, 0]);

  it('summarises each link per point x arm and block over runs, groups ordered by point then arm order', () => {
    const acc = new LinkFlowAccumulator(scenario);
    acc.add(1, 'x', 1, places, blocks(4, 1), 10, 25);
    acc.add(0, 'y', 2, places, blocks(2, 3), 10, 25);
    acc.add(0, 'x', 1, places, blocks(6, 1), 10, 25);
    acc.add(0, 'x', 1, places, blocks(8, 1), 10, 25);
    const [ab, ac] = acc.finish();
    expect([ab.from, ab.to, ab.starts]).toEqual(['B', 'A', infrastructureLinks(scenario)[0].starts]);
    expect(ab.groups.map((g) => [g.point, g.arm])).toEqual([[0, 'x'], [0, 'y'], [1, 'x']]);
    const range = outcomeRange('flow_tacit_collaboration');
    expect(ab.groups[0].blocks).toEqual([
      { start: 0, end: 10, flow: summarizeBounded([6, 8], range) },
      { start: 10, end: 20, flow: summarizeBounded([6, 8], range) },
      { start: 20, end: 25, flow: summarizeBounded([6, 8], range) },
    ]);
    expect(ab.groups[0].blocks[0].flow.mean).toBe(7);
    expect(ab.groups[2].blocks.map((b) => b.flow.mean)).toEqual([4, 4, 4]);
    expect(ac.groups.map((g) => [g.point, g.arm, g.blocks[0].flow.mean])).toEqual([[0, 'x', 1], [0, 'y', 3], [1, 'x', 1]]);
  });

  it('takes the longest run\'s blocks, a shorter run counting as missing there', () => {
    const acc = new LinkFlowAccumulator(scenario);
    acc.add(0, 'x', 1, places, blocks(4, 0), 10, 25);
    acc.add(0, 'x', 1, places, blocks(6, 0).slice(0, 1), 10, 25);
    const g = acc.finish()[0].groups[0];
    expect(g.blocks.map((b) => [b.start, b.end, b.flow.n, b.flow.mean])).toEqual([[0, 10, 2, 5], [10, 20, 1, 4], [20, 25, 1, 4]]);
  });

  it('ignores runs without blocks, window, ticks or the link\'s places; a link without runs gives nothing', () => {
    const acc = new LinkFlowAccumulator(scenario);
    acc.add(0, 'x', 1, places, undefined, 10, 25);
    acc.add(0, 'x', 1, places, blocks(1, 1), undefined, 25);
    acc.add(0, 'x', 1, places, blocks(1, 1), 0, 25);
    acc.add(0, 'x', 1, places, blocks(1, 1), 10, undefined);
    expect(acc.finish()).toEqual([]);
    // A run whose places lack C carries the A-B link only; B at index 0 is a place.
    acc.add(0, 'x', 1, ['B', 'A'], [[0, 12, 0, 0]], 10, 10);
    const out = acc.finish();
    expect(out.map((l) => [l.from, l.to])).toEqual([['B', 'A']]);
    expect(out[0].groups[0].blocks[0].flow.mean).toBe(1.2);
    // A run whose places lack A (index -1) adds nothing.
    acc.add(1, 'x', 1, ['B', 'C'], [[0, 12, 0, 0]], 10, 10);
    expect(acc.finish()[0].groups).toHaveLength(1);
  });

  it('does nothing without infrastructure links', () => {
    const acc = new LinkFlowAccumulator({});
    acc.add(0, 'x', 0, places, blocks(1, 1), 10, 25);
    expect(acc.finish()).toEqual([]);
  });
});
