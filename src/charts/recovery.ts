/** Kaplan-Meier curves of recovery after a shock: share of runs not yet recovered over time. */
import type { SweepStats } from '../stats';
import { round, topLevel, type Chart } from './chart';

/** The recovery chart, or null without a shock. */
export function recoveryChart(stats: SweepStats): Chart | null {
  const curves = stats.recovery.curves;
  if (curves.length === 0) return null;
  const rows: object[] = [];
  for (const c of curves) {
    // A step function: start at 1 at time 0, then each event time's survival.
    rows.push({ condition: c.condition, arm: c.arm, time: 0, survival: 1, lo: 1, hi: 1, atRisk: c.n, censoredHere: 0 });
    for (const s of c.steps) rows.push({ condition: c.condition, arm: c.arm, time: s.time, survival: round(s.survival, 4), lo: round(s.lo, 4), hi: round(s.hi, 4), atRisk: s.atRisk, censoredHere: s.censored });
  }
  const order = curves.map((c) => c.condition);
  const x = { field: 'time', type: 'quantitative', title: 'Ticks after the shock (quarters)', axis: { format: '.3~g' } };
  const colour = { field: 'condition', type: 'nominal', title: 'Condition', sort: order, legend: { orient: 'bottom', columns: 2, labelLimit: 400, symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } };
  // Arms share seeds, so their curves can coincide: a dash per arm keeps each visible.
  const arms = [...new Set(curves.map((c) => c.arm))];
  const dash = arms.length > 1 ? { strokeDash: { field: 'arm', type: 'nominal', title: 'Arm', sort: arms, legend: { orient: 'bottom', symbolType: 'stroke' } } } : {};
  const body = {
    width: 560,
    height: 280,
    layer: [
      { mark: { type: 'area', interpolate: 'step-after', opacity: 0.12 }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'Share not yet recovered', scale: { domain: [0, 1] }, axis: { format: '.0%' } }, y2: { field: 'hi' }, color: colour } },
      { mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 }, encoding: { x, y: { field: 'survival', type: 'quantitative', title: 'Share not yet recovered' }, color: colour, ...dash } },
      {
        transform: [{ filter: 'datum.censoredHere > 0' }],
        mark: { type: 'point', shape: 'stroke', angle: 90, size: 120, strokeWidth: 2 },
        encoding: { x, y: { field: 'survival', type: 'quantitative' }, color: colour, tooltip: [{ field: 'condition', title: 'Condition' }, { field: 'time', title: 'Ticks' }, { field: 'censoredHere', title: 'Censored here' }, { field: 'atRisk', title: 'At risk' }] },
      },
    ],
  };
  return {
    name: 'recovery',
    title: 'Recovery after the shock (Kaplan-Meier)',
    caption: 'Share of runs that have not yet regained 90 % of their pre-shock innovation value, against ticks since the shock; Kaplan-Meier estimate with its 95 % band (Greenwood, log scale). Ticks on the line mark runs that ended without recovering (censored): they count as "not recovered by then", never as recovered at the end of the run.',
    spec: topLevel('Recovery after the shock', 'Kaplan-Meier estimate per condition; vertical ticks: censored runs', rows, body),
  };
}
