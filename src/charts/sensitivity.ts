/**
 * Charts of a sensitivity sweep (morris or saltelli design), for the first arm: S1 and ST
 * with their intervals per outcome, Morris mu* against sigma, indices over time, and the
 * seed-noise share of each outcome.
 */
import type { SweepStats } from '../stats';
import type { SweepSensitivityRow } from '../stats/sensitivity';
import { label, round, topLevel, type Chart } from './chart';

/** Parameters shown in crowded charts: the `top` with the largest index, per outcome pooled. */
const TOP = 8;

function finalRows(stats: SweepStats): SweepSensitivityRow[] {
  const s = stats.sensitivity;
  if (!s || s.rows.length === 0) return [];
  const arm = s.rows[0].arm;
  const mine = s.rows.filter((r) => r.arm === arm && r.tick === null);
  const full = Math.max(...mine.map((r) => r.n));
  return mine.filter((r) => r.n === full);
}

function topParameters(rows: SweepSensitivityRow[], index: string): string[] {
  const best = new Map<string, number>();
  for (const r of rows) if (r.index === index && Number.isFinite(r.estimate)) best.set(r.parameter, Math.max(best.get(r.parameter) ?? -Infinity, r.estimate));
  return [...best].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP).map(([p]) => p);
}

const values = (rows: SweepSensitivityRow[]) =>
  rows.map((r) => ({ outcome: label(r.outcome), parameter: r.parameter, index: r.index, tick: r.tick, estimate: round(r.estimate), lo: round(r.lo), hi: round(r.hi), n: r.n }));

/** S1 and ST bars with 95 % intervals, one panel per outcome (saltelli). */
function sobolBars(stats: SweepStats): Chart | null {
  const rows = finalRows(stats).filter((r) => r.index === 'S1' || r.index === 'ST');
  if (rows.length === 0) return null;
  const top = topParameters(rows, 'ST');
  const shown = rows.filter((r) => top.includes(r.parameter));
  const body = {
    facet: { row: { field: 'outcome', type: 'nominal', title: null } },
    spec: {
      width: 520,
      height: 160,
      encoding: { x: { field: 'parameter', type: 'nominal', sort: top, title: null, axis: { labelAngle: -30 } }, xOffset: { field: 'index' }, color: { field: 'index', type: 'nominal', title: 'Index', legend: { orient: 'bottom' } } },
      layer: [
        { mark: 'bar', encoding: { y: { field: 'estimate', type: 'quantitative', title: 'Index' }, tooltip: [{ field: 'parameter' }, { field: 'index' }, { field: 'estimate', format: '.3f' }, { field: 'lo', format: '.3f' }, { field: 'hi', format: '.3f' }, { field: 'n', title: 'N' }] } },
        { mark: { type: 'rule', color: '#222' }, encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
      ],
    },
  };
  return {
    name: 'sensitivity-sobol',
    title: 'Sobol indices with 95 % intervals',
    caption: `First-order (S1) and total (ST) Sobol indices of the conditional mean over seeds, with percentile-bootstrap 95 % intervals, for the ${top.length} parameters with the largest ST. S1: the share of the outcome's variance a parameter explains alone; ST - S1: its share through interactions.`,
    spec: topLevel('Sobol indices', `Arm ${finalRows(stats)[0].arm}`, values(shown), body),
  };
}

/** mu* against sigma, one panel per outcome (morris). */
function morrisPlane(stats: SweepStats): Chart | null {
  const rows = finalRows(stats);
  const star = rows.filter((r) => r.index === 'mu_star');
  if (star.length === 0) return null;
  const byKey = (index: string) => new Map(rows.filter((r) => r.index === index).map((r) => [`${r.outcome}\u0000${r.parameter}`, r.estimate]));
  const sigma = byKey('sigma');
  const corrected = byKey('sigma_corrected');
  const floor = byKey('mu_star_noise');
  const data = star.map((r) => {
    const key = `${r.outcome}\u0000${r.parameter}`;
    return { ...values([r])[0], sigma: round(sigma.get(key) ?? NaN), sigma_corrected: round(corrected.get(key) ?? NaN), noise_mu_star: round(floor.get(key) ?? NaN) };
  });
  const body = {
    facet: { column: { field: 'outcome', type: 'nominal', title: null } },
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width: 220,
      height: 220,
      layer: [
        { mark: { type: 'point', filled: true, size: 40 }, encoding: { x: { field: 'estimate', type: 'quantitative', title: 'mu*' }, y: { field: 'sigma', type: 'quantitative', title: 'sigma' }, tooltip: [{ field: 'parameter' }, { field: 'estimate', title: 'mu*', format: '.3g' }, { field: 'lo', format: '.3g' }, { field: 'hi', format: '.3g' }, { field: 'noise_mu_star', title: 'noise mu*', format: '.3g' }, { field: 'sigma', format: '.3g' }, { field: 'sigma_corrected', title: 'sigma corrected', format: '.3g' }] } },
        { mark: { type: 'rule', opacity: 0.5 }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, y: { field: 'sigma', type: 'quantitative' } } },
      ],
    },
  };
  return {
    name: 'sensitivity-morris',
    title: 'Morris screening: mu* against sigma',
    caption: 'One dot per parameter: mu* (mean absolute elementary effect, with its bootstrap 95 % interval as a line) against sigma (spread of the effects: non-linearity or interactions). Parameters near the origin can be fixed; hover for names. Seed noise inflates both for inert parameters: the tooltip gives sigma corrected for it and the noise mu* (what seed noise alone gives a parameter that does nothing; docs/sensitivity.md).',
    spec: topLevel('Morris elementary effects', `Arm ${rows[0].arm}`, data, body),
  };
}

/** S1 (saltelli) or mu* (morris) per observation window for the main series. */
function overTime(stats: SweepStats): Chart | null {
  const s = stats.sensitivity!;
  const arm = s.rows[0]?.arm;
  const index = s.method === 'saltelli' ? 'S1' : 'mu_star';
  const rows = s.rows.filter((r) => r.arm === arm && r.tick !== null && r.index === index);
  if (rows.length === 0) return null;
  const top = topParameters(rows, index).slice(0, 6);
  const body = {
    facet: { row: { field: 'outcome', type: 'nominal', title: null } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 520,
      height: 140,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'tick', type: 'quantitative', title: 'Window start (tick)' },
        y: { field: 'estimate', type: 'quantitative', title: index === 'S1' ? 'S1' : 'mu*' },
        color: { field: 'parameter', type: 'nominal', title: 'Parameter', sort: top, legend: { orient: 'bottom', columns: 2 } },
        tooltip: [{ field: 'parameter' }, { field: 'tick' }, { field: 'estimate', format: '.3g' }, { field: 'lo', format: '.3g' }, { field: 'hi', format: '.3g' }],
      },
    },
  };
  return {
    name: 'sensitivity-over-time',
    title: `${index === 'S1' ? 'First-order indices' : 'mu*'} over time`,
    caption: `${index === 'S1' ? 'S1' : 'mu*'} of the mean of each series over each observation window, for the ${top.length} parameters with the largest value: which parameters matter early and which late.`,
    spec: topLevel(`Sensitivity over time`, `Arm ${arm}`, values(rows.filter((r) => top.includes(r.parameter))), body),
  };
}

/** Seed-noise share per outcome with its interval. */
function noiseShare(stats: SweepStats): Chart | null {
  const rows = finalRows(stats).filter((r) => r.index === 'noise_share');
  if (rows.length === 0) return null;
  const body = {
    width: 420,
    height: { step: 24 },
    layer: [
      { mark: 'bar', encoding: { y: { field: 'outcome', type: 'nominal', title: null }, x: { field: 'estimate', type: 'quantitative', title: 'Seed-noise share of one run\'s variance', scale: { domain: [0, 1] } }, tooltip: [{ field: 'outcome' }, { field: 'estimate', format: '.3f' }, { field: 'lo', format: '.3f' }, { field: 'hi', format: '.3f' }] } },
      { mark: { type: 'rule', color: '#222' }, encoding: { y: { field: 'outcome', type: 'nominal' }, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
    ],
  };
  return {
    name: 'sensitivity-noise',
    title: 'Seed noise against parameter effects',
    caption: 'The share of one run\'s variance that comes from the seed (pooled within-point variance over the total), with its bootstrap 95 % interval. Near 1: the parameters explain little and more replicates (R) are needed before indices mean much.',
    spec: topLevel('Seed-noise share', `Arm ${rows[0].arm}`, values(rows), body),
  };
}

/** Every sensitivity chart the sweep calls for (none for other designs). */
export function sensitivityCharts(stats: SweepStats): Chart[] {
  if (!stats.sensitivity || stats.sensitivity.rows.length === 0) return [];
  return [sobolBars(stats), morrisPlane(stats), overTime(stats), noiseShare(stats)].filter((c): c is Chart => c !== null);
}
