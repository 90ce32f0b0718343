/**
 * Grid designs: each swept parameter's main effect per level against its reference level,
 * from the model fitted to the whole design (estimated marginal means, cluster-robust
 * 95 % intervals), so a reader sees effect sizes and their uncertainty, not cell means.
 */
import { shortParamNames, type SweepStats } from '../stats';
import { label, round, topLevel, type Chart } from './chart';
import { PALETTE } from './theme';

/** The main-effects chart of late innovation value (relative) and the locked-in share. */
export function mainEffectsChart(stats: SweepStats): Chart | null {
  const e = stats.effects;
  if (e.kind !== 'factorial' || e.mainEffects.length === 0) return null;
  const short = shortParamNames(stats.parameters);
  const rows: object[] = [];
  const panels: string[] = [];
  // A reference model (src/models) has its own outcomes: those the scenario lists.
  const model = (stats.scenario as { model?: unknown }).model;
  const reference = model !== undefined && model !== 'learning-region';
  const outcomes = reference ? stats.effectOutcomes : ['innovation_value_late', 'locked_in', 'lock_in_index_final'];
  for (const outcome of outcomes) {
    const own = e.mainEffects.filter((m) => m.outcome === outcome);
    if (own.length === 0) continue;
    const panel = own[0].scale === 'log' ? `${label(outcome)}: change in %` : own[0].scale === 'probability' ? `${label(outcome)}: change in percentage points` : `${label(outcome)}: change (index units)`;
    panels.push(panel);
    const k = own[0].scale === 'identity' ? 1 : 100;
    for (const m of own) {
      const pick = m.scale === 'log' ? [m.rel, m.relLo, m.relHi] : [m.estimate, m.lo, m.hi];
      rows.push({ panel, parameter: short[m.parameter] ?? m.parameter, level: `${short[m.parameter] ?? m.parameter} = ${m.level}`, reference: m.reference, estimate: round(k * pick[0], 4), lo: round(k * pick[1], 4), hi: round(k * pick[2], 4), p: round(m.p, 3) });
    }
  }
  if (rows.length === 0) return null;
  const y = { field: 'level', type: 'nominal', title: null, sort: null, axis: { labelLimit: 220 } };
  const x = { field: 'estimate', type: 'quantitative', title: null, axis: { format: '.3~g' } };
  const tooltip = [{ field: 'level', title: 'Level' }, { field: 'reference', title: 'Against' }, { field: 'estimate', title: 'Change', format: '.3~g' }, { field: 'lo', title: '95 % CI low', format: '.3~g' }, { field: 'hi', title: '95 % CI high', format: '.3~g' }, { field: 'p', title: 'p' }];
  const spec = {
    width: 250,
    height: { step: 22 },
    layer: [
      { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2.5, color: PALETTE[0] }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: null }, x2: { field: 'hi' }, tooltip } },
      { mark: { type: 'point', filled: true, size: 80, color: PALETTE[0], opacity: 1 }, encoding: { y, x, tooltip } },
    ],
  };
  const body = { facet: { field: 'panel', type: 'nominal', title: null, sort: panels, header: { labelFontSize: 12, labelLimit: 300 } }, columns: 3, spec, resolve: { scale: { x: 'independent' } } };
  const armNote = stats.arms.length > 1 ? ' and the arms' : '';
  // Runs share seeds only across the arms of a point (the seed rule mixes in the point).
  const robust = stats.arms.length > 1 ? 'cluster-robust by seed (CR2, Satterthwaite degrees of freedom)' : 'heteroskedasticity-robust (HC2, Satterthwaite degrees of freedom), every run its own seed';
  return {
    name: 'main-effects',
    title: 'Main effects of the swept parameters',
    caption: reference
      ? `Each level of each swept parameter against its lowest level, from a linear model with all main effects and two-way interactions fitted on every run (bars: 95 % intervals, ${robust}; shares as differences of shares), each averaged with equal weight over the levels of the other parameters${armNote}.`
      : `Each level of each swept parameter against its lowest level, from a linear model with all main effects and two-way interactions fitted on every run (late innovation value on the log scale, shown as % change; lock-in index as is; bars: 95 % intervals, ${robust}), and for the share of runs locked in the difference of shares per combination (adjusted Wald interval${stats.arms.length > 1 ? ', the arms of a point paired on their common seeds' : ''}), each averaged with equal weight over the levels of the other parameters${armNote}. Where the findings name an interaction, read the heatmap per combination.`,
    spec: topLevel('Main effects of the swept parameters', 'Against the lowest level; 95 % intervals', rows, body),
  };
}
