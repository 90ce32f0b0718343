/** Knowledge flows by channel, tacit against explicit, over time. */
import { FLOW_PREFIX, type SweepStats } from '../stats';
import { topLevel, type Chart } from './chart';
import { armPooledRows, TICK_AXIS } from './band-layers';

const CHANNEL_ORDER = ['collaboration', 'mobility', 'training', 'pipeline'];

/** Mean flow per tick by channel, one panel for tacit and one for explicit knowledge (one row per arm). */
export function flowsChart(stats: SweepStats): Chart | null {
  const columns = stats.seriesColumns.filter((c) => c.startsWith(FLOW_PREFIX));
  if (columns.length === 0) return null;
  const withArms = stats.arms.length > 1;
  // Pool the groups of an arm: the run-weighted mean of group means is the mean over runs.
  const rows = armPooledRows(stats, columns, (column) => {
    const [, kind, ...rest] = column.split('_');
    return { kind: kind === 'tacit' ? 'Tacit' : kind === 'explicit' ? 'Explicit' : kind, channel: rest.join('_') };
  });
  const channels = [...new Set(columns.map((c) => c.split('_').slice(2).join('_')))].sort((a, b) => rank(a) - rank(b));
  const spec = {
    width: 300,
    height: 190,
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: TICK_AXIS,
          y: { field: 'mean', type: 'quantitative', title: 'Flow per tick (symlog)', scale: { type: 'symlog' }, axis: { values: symlogTicks(rows) } },
          color: { field: 'channel', type: 'nominal', title: 'Channel', sort: channels, scale: { domain: channels }, legend: { orient: 'bottom' } },
        },
      },
      {
        params: [{ name: 'hover', select: { type: 'point', fields: ['tick'], nearest: true, on: 'pointerover', clear: 'pointerout' } }],
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          x: TICK_AXIS,
          y: { field: 'mean', type: 'quantitative', scale: { type: 'symlog' } },
          color: { field: 'channel', type: 'nominal', sort: channels },
          opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 },
          tooltip: [{ field: 'kind', title: 'Knowledge' }, { field: 'channel', title: 'Channel' }, ...(withArms ? [{ field: 'arm', title: 'Arm' }] : []), { field: 'tick', title: 'Tick' }, { field: 'mean', title: 'Mean flow', format: '.4~g' }, { field: 'n', title: 'Runs' }],
        },
      },
    ],
  };
  const facet = withArms
    ? { column: { field: 'kind', type: 'nominal', title: null, sort: ['Tacit', 'Explicit'] }, row: { field: 'arm', type: 'nominal', title: 'Arm', sort: stats.arms } }
    : { column: { field: 'kind', type: 'nominal', title: null, sort: ['Tacit', 'Explicit'] } };
  return {
    name: 'knowledge-flows',
    title: 'Knowledge flows by channel',
    caption: `Knowledge absorbed per tick through each channel (collaboration between partners, job mobility, training courses, global pipelines to outside partners), tacit knowledge on the left and explicit knowledge on the right; mean over all runs${withArms ? ' of each arm' : ''}. The vertical axis is logarithmic away from zero (symlog), so small channels stay readable next to large ones.`,
    spec: topLevel('Knowledge flows by channel: tacit and explicit', `Mean over all runs${withArms ? ' of each arm' : ''}`, rows, { facet, spec, resolve: { scale: { y: 'shared' } } }),
  };
}

/** 0, 1, 10, 100, ... up to the largest flow: symlog axes get few default ticks. */
function symlogTicks(rows: object[]): number[] {
  const max = Math.max(0, ...rows.map((r) => (r as { mean: number | null }).mean ?? 0));
  const ticks = [0];
  for (let decade = 1; decade <= max * 1.5 && decade < 1e15; decade *= 10) ticks.push(decade);
  return ticks.filter((t) => t <= Math.max(1, max * 1.5));
}

function rank(channel: string): number {
  const i = CHANNEL_ORDER.indexOf(channel);
  return i < 0 ? CHANNEL_ORDER.length : i;
}
