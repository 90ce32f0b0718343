/** Innovation value over time, and the lock-in index with its three parts over time. */
import type { SweepStats } from '../stats';
import { label, round, topLevel, type Chart } from './chart';
import { bandLayers, panelled, type BandRow } from './band-layers';
import { colourEncoding, groupLayout } from './layout';
import { PALETTE } from './theme';
import { chartEvents, eventLayers } from './events';

function runsNote(stats: SweepStats): string {
  const ns = [...new Set(stats.seriesGroups.map((g) => g.runs))].sort((a, b) => a - b);
  return ns.length === 1 ? `${ns[0]} runs per line` : `${ns[0]}–${ns[ns.length - 1]} runs per line`;
}

/** One time-series column per tick: mean and 95 % CI band per point or arm. */
function seriesBandChart(stats: SweepStats, column: string, name: string, title: string, yTitle: string, caption: string): Chart | null {
  const layout = groupLayout(stats);
  const rows: BandRow[] = [];
  for (const g of stats.seriesGroups) {
    const band = g.series[column];
    if (!band) continue;
    for (let i = 0; i < band.tick.length; i++) {
      rows.push({ tick: band.tick[i], mean: round(band.mean[i]), lo: round(band.ciLow[i]), hi: round(band.ciHigh[i]), n: band.n[i], colour: layout.colourOf(g), facet: layout.facetOf(g), series: g.chartLabel });
    }
  }
  if (rows.length === 0) return null;
  const subtitle = `Mean over replicate runs (${runsNote(stats)}); shaded: 95 % confidence interval of the mean`;
  const body = panelled([...bandLayers(yTitle, colourEncoding(layout)), ...eventLayers(chartEvents(stats))], layout.facetTitle ? { title: layout.facetTitle, order: layout.facetOrder } : null, { width: 560, height: 300 });
  return { name, title, caption: `${caption} (${runsNote(stats)}). Hover to read every line at one tick.`, spec: topLevel(title, subtitle, rows, body) };
}

/** Innovation value per tick: mean and 95 % CI band per point or arm. */
export function innovationChart(stats: SweepStats): Chart | null {
  return seriesBandChart(stats, 'innovation_value', 'innovation-value', 'Innovation value over time', `${label('innovation_value')} per tick`,
    'Value of the innovations made in each tick, averaged over replicate runs; the band is the 95 % confidence interval of the mean (t-based; near a bound of the range a bounded interval, as stats.csv\'s `series` rows say in `method`)');
}

/** The headline column of a reference model (src/models) over its periods. */
const REFERENCE_HEADLINES: Record<string, { column: string; title: string; caption: string }> = {
  'march-1991': { column: 'code_knowledge', title: 'Code knowledge over time (March 1991)', caption: 'Knowledge of the organisational code ((correct - wrong beliefs) / m) in each period, averaged over replicate runs; after a run\'s equilibrium its last value holds. The band is the t-based 95 % confidence interval of the mean' },
  'cowan-jonard-2004': { column: 'mean_knowledge', title: 'Mean knowledge over time (Cowan and Jonard 2004)', caption: 'Mean knowledge over agents and categories in each period, averaged over replicate runs; after trading stops the last value holds. The band is the t-based 95 % confidence interval of the mean' },
};

/** A reference model's headline column over time (null for the learning region). */
export function referenceSeriesChart(stats: SweepStats): Chart | null {
  const headline = REFERENCE_HEADLINES[String((stats.scenario as { model?: unknown }).model)];
  return headline ? seriesBandChart(stats, headline.column, `${headline.column.replace(/_/g, '-')}-over-time`, headline.title, headline.column.replace(/_/g, ' '), headline.caption) : null;
}

const LOCK_IN_PARTS = ['lock_in_index', 'lock_in_cognitive', 'lock_in_functional', 'lock_in_exhaustion'];

/** The lock-in index and its cognitive, functional and exhaustion parts over time. */
export function lockInChart(stats: SweepStats): Chart | null {
  const layout = groupLayout(stats);
  const present = LOCK_IN_PARTS.filter((c) => stats.seriesColumns.includes(c));
  if (present.length === 0) return null;
  // Few groups: one panel per part, a line per group. Many groups: one panel per group,
  // a line per part (the index carries the band).
  const perPart = layout.facetTitle === null;
  const rows: BandRow[] = [];
  for (const g of stats.seriesGroups) {
    for (const column of present) {
      const band = g.series[column];
      if (!band) continue;
      const showBand = perPart || column === 'lock_in_index';
      for (let i = 0; i < band.tick.length; i++) {
        rows.push({
          tick: band.tick[i],
          mean: round(band.mean[i]),
          lo: showBand ? round(band.ciLow[i]) : null,
          hi: showBand ? round(band.ciHigh[i]) : null,
          n: band.n[i],
          colour: perPart ? layout.colourOf(g) : label(column),
          facet: perPart ? label(column) : g.chartLabel,
          series: `${g.chartLabel} · ${label(column)}`,
        });
      }
    }
  }
  const partOrder = present.map(label);
  const colour = perPart
    ? colourEncoding(layout)
    : { field: 'colour', type: 'nominal', title: 'Measure', sort: partOrder, scale: { domain: partOrder, range: ['#000000', PALETTE[0], PALETTE[1], PALETTE[2]] }, legend: { orient: 'bottom' } };
  const facet = perPart ? { title: null, order: partOrder } : { title: 'Point', order: stats.seriesGroups.map((g) => g.chartLabel) };
  const threshold = stats.scenario.lock_in?.threshold;
  const body = panelled([...bandLayers('Index (0–1, no unit)', colour, true, { domain: [0, 1] }), ...eventLayers(chartEvents(stats))], facet, { width: 560, height: 300 }, perPart ? { width: 280, height: 170 } : { width: 230, height: 150 });
  if (perPart && 'facet' in body) (body as { columns: number }).columns = 2;
  const thresholdNote = threshold !== undefined ? ` A run counts as locked in when its late lock-in index is at least ${threshold}.` : '';
  return {
    name: 'lock-in',
    title: 'Lock-in index and its parts over time',
    caption: `The lock-in index and its three parts after Grabher (1993): cognitive (1 − competitiveness: the region's knowledge sits where value no longer is), functional (repeat-meeting share × (1 − external tie share): closed, repetitive networks) and exhaustion (how similar the combined domains of recent innovations are), mean and 95 % confidence band over replicate runs.${thresholdNote}`,
    spec: topLevel('Lock-in index and its parts over time', `Mean over replicate runs (${runsNote(stats)}); shaded: 95 % CI of the mean`, rows, body),
  };
}
