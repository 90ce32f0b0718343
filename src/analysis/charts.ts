/**
 * Vega-Lite charts of scenario discovery (the peeling trajectory; the chosen box's
 * limits on normalised ranges) and of the robustness of arms (regret per arm; mean
 * against spread). Data inline; strings from the sweep travel as data, never as code.
 */
import { round, topLevel, type Chart, type VlSpec } from '../charts/chart';
import { PALETTE } from '../charts/theme';
import type { DiscoveryResult } from './discover';
import type { RobustnessReport } from './robust';
import { restrictionText } from './sentences';

const fmt = (x: number) => String(Number(x.toPrecision(3)));

/** Coverage against density of every box of the trajectory, the chosen one ringed. */
export function trajectoryChart(d: DiscoveryResult, name = 'discovery-trajectory'): Chart {
  const values = d.trajectory.map((b) => ({ box: b.index, coverage: round(b.coverage), density: round(b.density), restricted: b.restricted.length, inputs: b.restricted.join(', ') || 'none', chosen: b.reported_from ? 'chosen' : '' }));
  const tooltip = [{ field: 'box', title: 'Box (--box)' }, { field: 'coverage', format: '.3f', title: 'Coverage' }, { field: 'density', format: '.3f', title: 'Density' }, { field: 'inputs', title: 'Restricted' }];
  const x = { field: 'coverage', type: 'quantitative', title: 'Coverage (share of all cases inside the box)', scale: { domain: [0, 1] } };
  const y = { field: 'density', type: 'quantitative', title: "Density (share of the box's runs that are cases)", scale: { domain: [0, 1] } };
  const body: VlSpec = {
    width: 420,
    height: 300,
    layer: [
      { mark: { type: 'line', color: '#bbb', strokeWidth: 1 }, encoding: { x, y, order: { field: 'box' } } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y, color: { field: 'restricted', type: 'ordinal', title: 'Restricted inputs', scale: { scheme: 'viridis' } }, tooltip } },
      { transform: [{ filter: "datum.chosen === 'chosen'" }], mark: { type: 'point', size: 260, color: '#D55E00', strokeWidth: 2 }, encoding: { x, y, tooltip } },
    ],
  };
  return {
    name,
    title: `Scenario discovery: peeling trajectory (${d.cases_are})`,
    caption: `Each dot is a box of the PRIM peeling trajectory (${d.trajectory.length} boxes, peel ${d.prim.peelAlpha}, smallest box ${d.prim.massMin} of the runs): coverage is the share of all ${d.cases} runs of interest inside it, density the share of its runs that are of interest; colour counts the inputs it restricts. Ringed: box ${d.chosen.from}, chosen by the largest coverage × density unless --box says otherwise; the reported box is this one pasted${d.chosen.dropped.length ? ' and with its weak restrictions (quasi-p above 0.1) dropped' : ''}, so its coverage (${fmt(d.chosen.coverage)}) and density (${fmt(d.chosen.density)}) differ from the ringed dot's.`,
    spec: topLevel('Peeling trajectory', `Cases: ${d.cases_are}; ${d.rows} runs`, values, body),
  };
}

/** The chosen box's limits on each input's range scaled to 0..1, with quasi-p-values. */
export function boxLimitsChart(d: DiscoveryResult, name = 'discovery-box'): Chart {
  const values = d.inputs.map((input) => {
    const limits = d.chosen.limits[input.name];
    const qp = d.chosen.quasi_p[input.name];
    const note = qp === undefined ? 'unrestricted' : `quasi-p ${qp < 1e-4 ? '< 0.0001' : fmt(qp)}`;
    if (input.kind === 'categorical') {
      const levels = limits as string[];
      return { input: input.name, lo: 0, hi: 1, text: `${levels.join(', ')} (${note})`, restricted: qp !== undefined };
    }
    const [min, max] = input.range!;
    const [lo, hi] = limits as [number, number];
    const span = max - min || 1;
    const text = qp === undefined ? 'unrestricted' : `${restrictionText(d, input.name, d.chosen.limits).slice(input.name.length + 1)} (${note})`;
    return { input: input.name, lo: round((Math.max(lo, min) - min) / span), hi: round((Math.min(hi, max) - min) / span), text, restricted: qp !== undefined };
  });
  const y = { field: 'input', type: 'nominal', title: null, sort: d.inputs.map((i) => i.name), axis: { labelLimit: 260 } };
  const body: VlSpec = {
    width: 360,
    height: Math.max(60, 28 * values.length),
    layer: [
      { mark: { type: 'bar', color: '#eee', height: 14 }, encoding: { y, x: { datum: 0, type: 'quantitative' }, x2: { datum: 1 } } },
      { mark: { type: 'bar', height: 14 }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: 'Share of the swept range', scale: { domain: [0, 1] } }, x2: { field: 'hi' }, color: { field: 'restricted', type: 'nominal', title: 'Restricted', scale: { domain: [true, false], range: [PALETTE[3], '#9ecae1'] }, legend: { orient: 'bottom' } } } },
      { mark: { type: 'text', align: 'left', dx: 8, fontSize: 11 }, encoding: { y, x: { datum: 1, type: 'quantitative' }, text: { field: 'text' } } },
    ],
  };
  return {
    name,
    title: `Scenario discovery: the box (${d.cases_are})`,
    caption:
      `The reported box (box ${d.chosen.from} of the trajectory, then pasted${d.chosen.dropped.length ? `, then its restrictions with a quasi-p-value above 0.1 dropped: ${d.chosen.dropped.join(', ')}` : ''}): coverage ${fmt(d.chosen.coverage)}, density ${fmt(d.chosen.density)}, ${d.chosen.rows} runs in ${d.chosen.points} ${d.unit === 'run' ? 'design points' : 'futures'}. ` +
      `Each bar is the part of an input's sampled range inside the box; a limit at the smallest or largest sampled value restricts nothing (written ≤ or ≥), and an input with few values is described by the values inside. ` +
      (d.unit === 'run'
        ? `Restricted inputs carry a quasi-p-value over the runs (the design points are fixed, so a point's runs are independent replicates of its condition): would as many runs drawn at random from the box widened by dropping that restriction hold this many cases? Small values mean the restriction matters.`
        : `Restricted inputs carry a quasi-p-value over the futures (design points), not the runs: would as many futures drawn at random from the box widened by dropping that restriction hold this many cases? Small values mean the restriction matters.`),
    spec: topLevel('Box limits', `Runs of interest: ${d.cases_are}`, values, body),
  };
}

/**
 * Regret per arm (mean with its bootstrap CI, 90th percentile with its distribution-free
 * order-statistic interval, maximum) and mean against spread. Below the fewest futures for an interval (regret.ts) there are no bars,
 * and the spread is the range of the per-future means (largest minus smallest), not an SD.
 */
export function robustnessChart(r: RobustnessReport, label: string, name = 'robustness'): Chart {
  const arms = r.arms.map((a) => a.arm);
  const withCi = r.interval.method !== 'none';
  const bounds = (i: [number, number | null] | null) => (i === null ? { lo: null, hi: null } : { lo: round(i[0]), hi: i[1] === null ? null : round(i[1]) });
  const range = (arm: string) => {
    const xs = r.per_future.filter((p) => p.arm === arm).map((p) => p.outcome);
    return Math.max(...xs) - Math.min(...xs);
  };
  const values = r.arms.flatMap((a) => [
    { panel: 'regret', arm: a.arm, measure: 'mean', value: round(a.meanRegret), ...bounds(a.ci.meanRegret) },
    { panel: 'regret', arm: a.arm, measure: '90th percentile', value: round(a.p90Regret), ...bounds(a.ci.p90Regret) },
    { panel: 'regret', arm: a.arm, measure: 'maximum', value: round(a.maxRegret), lo: null, hi: null },
    { panel: 'spread', arm: a.arm, mean: round(a.meanOutcome), spread: round(withCi ? a.sdOutcome : range(a.arm)), satisficing: a.satisficing === null ? null : round(a.satisficing) },
  ]);
  const spreadTitle = withCi ? `SD of ${label} across the ${r.futures} futures` : `Range of ${label} across the ${r.futures} futures (largest − smallest)`;
  const y = { field: 'arm', type: 'nominal', title: null, sort: arms, axis: { labelLimit: 200 } };
  const colour = { field: 'measure', type: 'nominal', title: 'Regret', sort: ['mean', '90th percentile', 'maximum'], scale: { domain: ['mean', '90th percentile', 'maximum'], range: [PALETTE[0], PALETTE[1], PALETTE[3]] }, legend: { orient: 'bottom' } };
  const offset = { field: 'measure', sort: ['mean', '90th percentile', 'maximum'] };
  const dots = { mark: { type: 'point', filled: true, size: 70 }, encoding: { y, yOffset: offset, x: { field: 'value', type: 'quantitative', title: withCi ? 'Regret (bars: 95 % intervals over futures)' : `Regret (no intervals: only ${r.futures} ${r.futures === 1 ? 'future' : 'futures'})` }, color: colour, tooltip: [{ field: 'arm' }, { field: 'measure' }, { field: 'value', format: '.4~g' }, ...(withCi ? [{ field: 'lo', format: '.4~g', title: 'CI low' }, { field: 'hi', format: '.4~g', title: 'CI high' }] : [])] } };
  const regret = {
    title: { text: `Regret in ${label} (lower is better)`, fontSize: 12 },
    width: 320,
    height: Math.max(60, 34 * arms.length),
    transform: [{ filter: "datum.panel === 'regret'" }],
    layer: withCi ? [{ mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, yOffset: offset, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' }, color: colour } }, dots] : [dots],
  };
  const spread = {
    title: { text: `Mean against spread across futures`, fontSize: 12 },
    width: 280,
    height: 220,
    transform: [{ filter: "datum.panel === 'spread'" }],
    layer: [
      { mark: { type: 'point', filled: true, size: 90 }, encoding: { x: { field: 'spread', type: 'quantitative', title: spreadTitle, scale: { zero: false, padding: 20 } }, y: { field: 'mean', type: 'quantitative', title: `Mean ${label}`, scale: { zero: false, padding: 20 } }, color: { field: 'arm', type: 'nominal', sort: arms, legend: null }, tooltip: [{ field: 'arm' }, { field: 'mean', format: '.4~g' }, { field: 'spread', format: '.4~g', title: withCi ? 'SD' : 'Range' }, { field: 'satisficing', format: '.0%', title: 'Satisficing' }] } },
      { mark: { type: 'text', dx: 8, align: 'left', fontSize: 11 }, encoding: { x: { field: 'spread', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' }, text: { field: 'arm' } } },
    ],
  };
  return {
    name,
    title: 'Robustness of the policy arms',
    caption:
      `Left: each arm's regret in ${label} in a future (design point): the best arm's mean in that future minus its own, both over the same seeds; dots give the mean, 90th percentile and maximum over the ${r.futures} futures, ` +
      (withCi
        ? `bars the 95 % intervals: of the mean a percentile bootstrap (${r.resamples} resamples of the futures), of the 90th percentile the distribution-free order-statistic interval` +
          (r.quantile_interval && r.quantile_interval.upper === null ? ` (no bar: ${r.futures} futures give only its lower bound, in the tooltip; an upper bound needs ${r.quantile_interval.futuresForUpper} futures)` : '') +
          '. '
        : `without intervals (${r.interval.reason}). `) +
      `Right: each arm's mean across futures against its spread (${withCi ? 'SD' : 'range, largest minus smallest per-future mean'}); ${r.better === 'higher' ? 'up' : 'down'} and to the left is better.`,
    spec: topLevel('Robustness of the policy arms', `Paired regret over ${r.futures} futures`, values, { hconcat: [regret, spread], spacing: 40, resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } }),
  };
}
