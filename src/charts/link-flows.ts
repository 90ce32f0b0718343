/**
 * Tacit flow across the links of infrastructure policies over time (the Oresund bridge):
 * mean and 95 % CI over runs per point or arm, in blocks of observe.window ticks, with a
 * rule where the policy starts. Drawn only when the scenario has such a policy.
 */
import type { SweepStats } from '../stats';
import { round, topLevel, type Chart, type VlSpec } from './chart';
import { panelled } from './band-layers';
import { colourEncoding, groupLayout } from './layout';

export function linkFlowChart(stats: SweepStats): Chart | null {
  if (stats.linkFlows.length === 0) return null;
  const layout = groupLayout(stats, stats.groups);
  const rows: Record<string, unknown>[] = [];
  const rules: Record<string, unknown>[] = [];
  const several = stats.linkFlows.length > 1;
  for (const link of stats.linkFlows) {
    const name = `${link.from} – ${link.to}`;
    for (const g of link.groups) {
      const group = stats.groups.find((h) => h.point === g.point && h.arm === g.arm);
      if (!group) continue;
      for (const b of g.blocks) {
        rows.push({
          kind: 'flow',
          tick: (b.start + b.end) / 2,
          block: `ticks ${b.start}–${b.end - 1}`,
          mean: round(b.flow.mean),
          lo: round(b.flow.ciLow),
          hi: round(b.flow.ciHigh),
          n: b.flow.n,
          colour: layout.colourOf(group),
          facet: several ? name : layout.facetOf(group),
          series: `${group.chartLabel} · ${name}`,
        });
      }
    }
    for (const s of link.starts) {
      const facets = several ? [name] : [...new Set(link.groups.map((g) => stats.groups.find((h) => h.point === g.point && h.arm === g.arm)).filter((h) => h !== undefined).map((h) => layout.facetOf(h)))];
      for (const facet of facets) rules.push({ kind: 'start', tick: s.tick, facet, what: `${s.label} starts (tick ${s.tick}${s.arm ? `, ${s.arm} arm` : ''})` });
    }
  }
  if (rows.length === 0) return null;
  const base = colourEncoding(layout);
  const colour = { ...base, legend: { ...((base.legend as object) ?? {}), symbolOpacity: 1, symbolType: 'stroke', symbolStrokeWidth: 3 } };
  const x = { field: 'tick', type: 'quantitative', title: 'Tick (quarter)', axis: { tickMinStep: 1 } };
  const y = { field: 'mean', type: 'quantitative', title: 'Tacit flow per tick (both ways)', scale: { zero: true } };
  const tooltip = [
    { field: 'series', title: 'Line' },
    { field: 'block', title: 'Block' },
    { field: 'mean', title: 'Mean', format: '.4~g' },
    { field: 'lo', title: '95 % CI low', format: '.4~g' },
    { field: 'hi', title: '95 % CI high', format: '.4~g' },
    { field: 'n', title: 'Runs' },
  ];
  const flows = { filter: "datum.kind === 'flow'" };
  const layers: VlSpec[] = [
    { transform: [flows], mark: { type: 'area', opacity: 0.2 }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: y.title }, y2: { field: 'hi' }, color: colour } },
    { transform: [flows], mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 40 } }, encoding: { x, y, color: colour, tooltip } },
    {
      transform: [{ filter: "datum.kind === 'start'" }],
      mark: { type: 'rule', strokeDash: [4, 4], color: '#555555' },
      encoding: { x: { field: 'tick', type: 'quantitative' }, tooltip: [{ field: 'what', title: 'Policy' }] },
    },
  ];
  const facetTitle = several ? 'Link' : layout.facetTitle;
  const facetOrder = several ? stats.linkFlows.map((l) => `${l.from} – ${l.to}`) : layout.facetOrder;
  const body = panelled(layers, facetTitle ? { title: facetTitle, order: facetOrder } : null, { width: 560, height: 300 });
  const names = stats.linkFlows.map((l) => `${l.from} and ${l.to}`).join('; ');
  const window = stats.linkFlows[0].groups[0]?.blocks[0] ? stats.linkFlows[0].groups[0].blocks[0].end - stats.linkFlows[0].groups[0].blocks[0].start : 0;
  return {
    name: 'link-flows',
    title: `Tacit flow between ${names}`,
    caption:
      `Tacit knowledge learned across the link between ${names} (both ways, per tick), averaged over each block of ${window} ticks and over replicate runs; the band is the 95 % confidence interval of the mean. ` +
      'The dashed line marks the tick the infrastructure policy starts. Tacit knowledge moves face to face, so a shorter trip should show here first.',
    spec: topLevel(`Tacit flow between ${names}`, `Mean over replicate runs per block of ${window} ticks; shaded: 95 % CI; dashed: policy start`, [...rows, ...rules], body),
  };
}
