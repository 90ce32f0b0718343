/**
 * How charts of per-group lines adapt to the design: few groups share one panel, coloured
 * by group; many groups become small multiples (one panel per point), coloured by arm or by
 * the last swept parameter, so no panel holds more lines than the eye can follow.
 */
import { formatParamValue, shortParamNames, type GroupStats, type SweepStats } from '../stats';

/** At most this many lines share one panel (more become small multiples). */
export const MAX_LINES_PER_PANEL = 6;

export interface GroupLayout {
  /** Legend title of the colour channel. */
  colourTitle: string;
  /** Panel title (facet header), or null for one panel. */
  facetTitle: string | null;
  colourOrder: string[];
  facetOrder: string[];
  colourOf(group: GroupStats): string;
  facetOf(group: GroupStats): string;
}

/** Decide colour and facet of each group (by default the groups of the series charts). */
export function groupLayout(stats: SweepStats, groups: readonly GroupStats[] = stats.seriesGroups): GroupLayout {
  const withArms = stats.arms.length > 1;
  const short = shortParamNames(stats.parameters);
  let colourTitle: string;
  let facetTitle: string | null = null;
  let colourOf: (g: GroupStats) => string;
  let facetOf: (g: GroupStats) => string = () => '';
  const points = new Set(groups.map((g) => g.point)).size;
  const fewLines = groups.length <= MAX_LINES_PER_PANEL && !(withArms && points > 1 && groups.length > 4);
  if (fewLines || (!withArms && stats.parameters.length < 2) || (withArms && points === 1)) {
    const pooledPoints = groups.length > 0 && groups.every((g) => g.point < 0);
    colourTitle = withArms && (stats.parameters.length === 0 || pooledPoints) ? 'Arm' : stats.parameters.length && !pooledPoints ? (withArms ? 'Point · arm' : 'Point') : 'Runs';
    colourOf = (g) => g.chartLabel;
  } else if (withArms) {
    colourTitle = 'Arm';
    colourOf = (g) => g.arm;
    facetTitle = 'Point';
    facetOf = (g) => g.chartPointLabel;
  } else {
    const last = stats.parameters[stats.parameters.length - 1];
    const rest = stats.parameters.slice(0, -1);
    colourTitle = short[last];
    colourOf = (g) => formatParamValue(g.params[last]);
    facetTitle = rest.map((p) => short[p]).join(', ');
    facetOf = (g) => rest.map((p) => `${short[p]} = ${formatParamValue(g.params[p])}`).join(', ');
  }
  const unique = (values: string[]) => [...new Set(values)];
  return {
    colourTitle,
    facetTitle,
    colourOrder: unique(groups.map(colourOf)),
    facetOrder: unique(groups.map(facetOf)),
    colourOf,
    facetOf,
  };
}

/** The colour encoding for a layout: palette for few values, viridis for many. */
export function colourEncoding(layout: GroupLayout, field = 'colour'): Record<string, unknown> {
  const many = layout.colourOrder.length > 8;
  return {
    field,
    type: 'nominal',
    title: layout.colourTitle,
    sort: layout.colourOrder,
    scale: many ? { scheme: 'viridis' } : { domain: layout.colourOrder },
    legend: { orient: 'bottom', direction: 'vertical', columns: layout.colourOrder.length > 4 ? 2 : 1, labelLimit: 0 },
  };
}
