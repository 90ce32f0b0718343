/**
 * A map of the region: places sized by population, and the tacit knowledge flows between
 * them (records' `place_flows`, P x P, row = learner's place) averaged over runs, drawn
 * as lines whose width grows with the flow in both directions together.
 */
import type { SweepStats } from '../stats';
import { round, topLevel, type Chart } from './chart';
import { PALETTE } from './theme';

/** The region map, or null when the scenario has no places or the records no flows. */
export function regionMap(stats: SweepStats): Chart | null {
  const places = stats.scenario.region?.places ?? [];
  const names = stats.placeNames.length ? stats.placeNames : places.map((p) => p.name);
  const p = names.length;
  const flows = meanFlows(stats, p * p);
  if (places.length === 0 || !flows) return null;
  const byName = new Map(places.map((pl) => [pl.name, pl]));
  const placeRows = names.flatMap((name, i) => {
    const pl = byName.get(name);
    if (!pl) return [];
    const inflow = names.reduce((s, _, j) => s + (j !== i ? flows[i * p + j] : 0), 0);
    return [{ layer: 'place', name, x: pl.x_km, y: pl.y_km, population: pl.population, role: pl.role ?? 'town', within: round(flows[i * p + i]), inflow: round(inflow) }];
  });
  const linkRows: object[] = [];
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const a = byName.get(names[i]);
      const b = byName.get(names[j]);
      const total = flows[i * p + j] + flows[j * p + i];
      if (!a || !b || !(total > 0)) continue;
      linkRows.push({ layer: 'link', from: names[i], to: names[j], x: a.x_km, y: a.y_km, x2: b.x_km, y2: b.y_km, total: round(total), ab: round(flows[j * p + i]), ba: round(flows[i * p + j]) });
    }
  }
  // Equal km per pixel on both axes, so distances look as they are.
  const xs = placeRows.map((r) => r.x);
  const ys = placeRows.map((r) => r.y);
  const pad = Math.max(5, 0.12 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)));
  const xDomain = [Math.min(...xs) - pad, Math.max(...xs) + pad];
  const yDomain = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const width = 520;
  const height = Math.round((width * (yDomain[1] - yDomain[0])) / (xDomain[1] - xDomain[0]));
  const x = { field: 'x', type: 'quantitative', title: 'East (km)', scale: { domain: xDomain, nice: false, zero: false }, axis: { grid: false } };
  const y = { field: 'y', type: 'quantitative', title: 'North (km)', scale: { domain: yDomain, nice: false, zero: false }, axis: { grid: false } };
  const body = {
    width,
    height: Math.max(200, Math.min(700, height)),
    layer: [
      {
        transform: [{ filter: "datum.layer === 'link'" }],
        mark: { type: 'rule', strokeCap: 'round', color: PALETTE[0], opacity: 0.55 },
        encoding: {
          x, y, x2: { field: 'x2' }, y2: { field: 'y2' },
          strokeWidth: { field: 'total', type: 'quantitative', title: 'Tacit flow (both ways)', scale: { zero: true, range: [0, 14] }, legend: { orient: 'bottom', format: '.3~s', symbolStrokeColor: PALETTE[0] } },
          tooltip: [{ field: 'from', title: 'From' }, { field: 'to', title: 'To' }, { field: 'ab', title: 'Learned in "to" from "from"', format: '.4~g' }, { field: 'ba', title: 'Learned in "from" from "to"', format: '.4~g' }, { field: 'total', title: 'Both ways', format: '.4~g' }],
        },
      },
      {
        transform: [{ filter: "datum.layer === 'place'" }],
        mark: { type: 'circle', opacity: 0.95, stroke: 'white', strokeWidth: 1.5 },
        encoding: {
          x, y,
          size: { field: 'population', type: 'quantitative', title: 'Population', scale: { range: [60, 1400] }, legend: { orient: 'bottom', symbolFillColor: '#bbbbbb', symbolStrokeColor: '#888888' } },
          color: { field: 'role', type: 'nominal', title: 'Place', sort: ['city', 'town', 'rural'], scale: { domain: ['city', 'town', 'rural'], range: [PALETTE[3], PALETTE[1], PALETTE[2]] }, legend: { orient: 'bottom' } },
          tooltip: [{ field: 'name', title: 'Place' }, { field: 'role', title: 'Role' }, { field: 'population', title: 'Population' }, { field: 'within', title: 'Tacit flow within', format: '.4~g' }, { field: 'inflow', title: 'Tacit inflow from other places', format: '.4~g' }],
        },
      },
      {
        // A white halo under each name keeps it legible over the flow lines.
        transform: [{ filter: "datum.layer === 'place'" }],
        mark: { type: 'text', dy: { expr: "-sqrt(scale('size', datum.population) / PI) - 8" }, fontSize: 11, fontWeight: 'bold', stroke: 'white', strokeWidth: 4, strokeJoin: 'round', opacity: 0.9 },
        encoding: { x, y, text: { field: 'name' } },
      },
      {
        transform: [{ filter: "datum.layer === 'place'" }],
        mark: { type: 'text', dy: { expr: "-sqrt(scale('size', datum.population) / PI) - 8" }, fontSize: 11, fontWeight: 'bold', color: '#222' },
        encoding: { x, y, text: { field: 'name' } },
      },
    ],
    resolve: { legend: { size: 'independent' } },
  };
  const runs = stats.groups.reduce((s, g) => s + (g.placeFlows ? g.runs : 0), 0);
  return {
    name: 'region-map',
    title: 'The region: places and tacit knowledge flows',
    caption: `Places of the region at their coordinates (km), sized by population; lines join places that exchanged tacit knowledge, wider for larger flows (both directions together, mean over ${runs} runs). Hover a line for each direction and a place for the flow within it.`,
    spec: topLevel('The region: places and tacit knowledge flows', `Line width: tacit flow between two places, mean over ${runs} runs`, [...placeRows, ...linkRows], body),
  };
}

/** Run-weighted mean of the groups' mean P x P flows. */
function meanFlows(stats: SweepStats, size: number): number[] | null {
  const sum = new Array<number>(size).fill(0);
  let runs = 0;
  for (const g of stats.groups) {
    if (!g.placeFlows || g.placeFlows.length !== size) continue;
    for (let i = 0; i < size; i++) sum[i] += g.placeFlows[i] * g.runs;
    runs += g.runs;
  }
  return runs && size ? sum.map((v) => v / runs) : null;
}
