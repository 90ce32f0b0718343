/** Diversity against external tie share, one mark per run, coloured by `locked_in`. */
import { formatParamValue, shortParamNames, type SweepStats } from '../stats';
import { round, topLevel, type Chart } from './chart';
import { LOCKED_COLOURS } from './theme';

/** The per-run scatter of final diversity against final external tie share. */
export function diversityScatter(stats: SweepStats): Chart | null {
  const short = shortParamNames(stats.parameters);
  const rows = stats.runs
    .filter((r) => Number.isFinite(r.outcomes.diversity_final) && Number.isFinite(r.outcomes.external_tie_share_final))
    .map((r) => ({
      key: r.key,
      seed: r.seed,
      arm: r.arm,
      point: stats.parameters.map((p) => `${short[p]} = ${formatParamValue(r.params[p])}`).join(', ') || 'all runs',
      external: round(r.outcomes.external_tie_share_final),
      diversity: round(r.outcomes.diversity_final),
      lockIn: round(r.outcomes.lock_in_index_final),
      late: round(r.outcomes.innovation_value_late),
      state: r.outcomes.locked_in >= 0.5 ? 'locked in' : 'not locked in',
    }));
  if (rows.length === 0) return null;
  const withArms = stats.arms.length > 1;
  const body = {
    width: 480,
    height: 320,
    mark: { type: 'point', filled: true, size: 55, opacity: 0.75, strokeWidth: 0 },
    encoding: {
      x: { field: 'external', type: 'quantitative', title: 'External tie share (final)', scale: { zero: false, padding: 12 }, axis: { tickCount: 6 } },
      y: { field: 'diversity', type: 'quantitative', title: 'Diversity (final)', scale: { zero: false, padding: 12 }, axis: { tickCount: 6 } },
      color: { field: 'state', type: 'nominal', title: 'Run', sort: ['not locked in', 'locked in'], scale: { domain: ['not locked in', 'locked in'], range: [LOCKED_COLOURS.open, LOCKED_COLOURS.locked] }, legend: { orient: 'bottom' } },
      ...(withArms ? { shape: { field: 'arm', type: 'nominal', title: 'Arm', sort: stats.arms, legend: { orient: 'bottom' } } } : {}),
      tooltip: [
        { field: 'key', title: 'Run' }, { field: 'point', title: 'Point' }, ...(withArms ? [{ field: 'arm', title: 'Arm' }] : []), { field: 'seed', title: 'Seed' },
        { field: 'external', title: 'External tie share', format: '.3f' }, { field: 'diversity', title: 'Diversity', format: '.3f' },
        { field: 'lockIn', title: 'Final lock-in index', format: '.3f' }, { field: 'late', title: 'Late innovation value', format: '.4~g' }, { field: 'state', title: 'State' },
      ],
    },
  };
  return {
    name: 'diversity-external-ties',
    title: 'Diversity and openness of each run',
    caption: `One dot per run (${rows.length} runs): the final diversity of the region's knowledge against the final share of ties to outside partners, coloured by whether the run ended locked in${withArms ? '; shape marks the arm' : ''}. Hover a dot for its run key and seed.`,
    spec: topLevel('Diversity against external tie share', 'One dot per run, coloured by lock-in', rows, body),
  };
}
