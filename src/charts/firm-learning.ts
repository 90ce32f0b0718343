/** Where firms learn from over time: other firms, institutions, residents, outside partners. */
import { LEARNING_PREFIX, type SweepStats } from '../stats';
import { topLevel, type Chart } from './chart';
import { armPooledRows, TICK_AXIS } from './band-layers';

const SOURCE_LABELS: Record<string, string> = { firms: 'Other firms', institutions: 'Institutions', residents: 'Residents (staff, movers, meetings)', outside: 'Outside partners (pipelines)' };

/** Mean knowledge firms absorb per tick from each kind of source, one panel per arm, pooled over points. */
export function firmLearningChart(stats: SweepStats): Chart | null {
  const columns = stats.seriesColumns.filter((c) => c.startsWith(LEARNING_PREFIX));
  if (columns.length === 0) return null;
  const withArms = stats.arms.length > 1;
  const rows = armPooledRows(stats, columns, (column) => ({ source: SOURCE_LABELS[column.slice(LEARNING_PREFIX.length)] ?? column.slice(LEARNING_PREFIX.length) }));
  if (rows.length === 0) return null;
  const order = Object.values(SOURCE_LABELS);
  const colour = { field: 'source', type: 'nominal', title: 'Firms learn from', sort: order, scale: { domain: order }, legend: { orient: 'bottom', columns: 2, labelLimit: 0 } };
  const spec = {
    width: withArms ? 300 : 560,
    height: 200,
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x: TICK_AXIS, y: { field: 'mean', type: 'quantitative', title: 'Knowledge absorbed per tick (symlog)', scale: { type: 'symlog' } }, color: colour } },
      {
        params: [{ name: 'hover', select: { type: 'point', fields: ['tick'], nearest: true, on: 'pointerover', clear: 'pointerout' } }],
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          x: TICK_AXIS,
          y: { field: 'mean', type: 'quantitative', scale: { type: 'symlog' } },
          color: colour,
          opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 },
          tooltip: [{ field: 'source', title: 'Source' }, ...(withArms ? [{ field: 'arm', title: 'Arm' }] : []), { field: 'tick', title: 'Tick' }, { field: 'mean', title: 'Mean per tick', format: '.4~g' }, { field: 'n', title: 'Runs' }],
        },
      },
    ],
  };
  const body = withArms ? { facet: { field: 'arm', type: 'nominal', title: 'Arm', sort: stats.arms }, columns: Math.min(3, stats.arms.length), spec, resolve: { scale: { y: 'shared' } } } : spec;
  return {
    name: 'firm-learning',
    title: 'Where firms learn from',
    caption: `Knowledge (tacit and explicit) that firms absorb per tick, by source: other firms, institutions (universities, institutes, government, intermediaries, cultural institutions), residents (their staff at work, job movers, meetings) and outside partners through pipelines; mean over all runs${withArms ? ' of each arm' : ''}. The vertical axis is logarithmic away from zero (symlog). The late-window totals and the shares from institutions and from outside partners are outcomes (firm_learning_late, firm_learning_institution_share_late, firm_learning_outside_share_late).`,
    spec: topLevel('Where firms learn from', `Mean over all runs${withArms ? ' of each arm' : ''}`, rows, body),
  };
}
