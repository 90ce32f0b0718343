/**
 * The Vega-Lite charts of a calibration: marginal posteriors by generation (weighted
 * histograms over the prior's range), pairwise scatter of the final particles, the
 * tolerance schedule, and the posterior predictive check. Data are computed here, so a
 * chart shows exactly the weighted numbers of the CSV files.
 */
import { round, topLevel, type Chart } from '../charts/chart';
import { PALETTE } from '../charts/theme';
import type { CalibrationOutputInput } from './output-input';
import type { ParameterSummary } from './posterior';
import { valueRun } from './priors';

const BINS = 24;

/** Weighted histogram densities of every parameter in every generation. */
function marginals(input: CalibrationOutputInput): Chart {
  const { spec, result } = input;
  const values: object[] = [];
  spec.parameters.forEach((p, k) => {
    const log = p.prior.kind === 'log_uniform';
    const lo = log ? Math.log(p.prior.min) : p.prior.min;
    const hi = log ? Math.log(p.prior.max) : p.prior.max;
    const width = (hi - lo) / BINS;
    for (const pop of result.populations) {
      const mass = new Float64Array(BINS);
      pop.theta.forEach((t, i) => {
        const z = log ? Math.log(t[k]) : t[k];
        mass[Math.min(BINS - 1, Math.max(0, Math.floor((z - lo) / width)))] += pop.weights[i];
      });
      for (let b = 0; b < BINS; b++) {
        const mid = lo + (b + 0.5) * width;
        values.push({ parameter: p.path, generation: pop.generation, value: round(log ? Math.exp(mid) : mid), density: round(mass[b] / (log ? 1 : width)) });
      }
    }
  });
  return {
    name: 'marginals',
    title: 'Marginal posteriors by generation',
    caption: `Weighted share of particles per bin of each parameter (${BINS} bins over the prior's range; log-uniform priors on a log axis), one line per generation: the later, the darker. Generation 0 is the prior.${spec.parameters.some((p) => p.integer) ? ` Whole-number settings (${spec.parameters.filter((p) => p.integer).map((p) => p.path).join(', ')}) are shown on the sampler's continuous scale; each run used the value rounded.` : ''}`,
    spec: topLevel('Marginal posteriors by generation', undefined, values, {
      facet: { field: 'parameter', type: 'nominal', title: null, sort: spec.parameters.map((p) => p.path) },
      columns: Math.min(3, spec.parameters.length),
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: 260,
        height: 180,
        mark: { type: 'line', interpolate: 'step' },
        encoding: {
          x: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
          y: { field: 'density', type: 'quantitative', title: 'Density' },
          color: { field: 'generation', type: 'ordinal', title: 'Generation', scale: { scheme: 'blues' } },
          tooltip: [{ field: 'parameter' }, { field: 'generation' }, { field: 'value', format: '.4~g' }, { field: 'density', format: '.3~g' }],
        },
      },
    }),
  };
}

/** Pairwise scatter of the final particles, point size by weight. */
function pairs(input: CalibrationOutputInput): Chart | null {
  const { spec, result } = input;
  const last = result.populations[result.populations.length - 1];
  const paths = spec.parameters.map((p) => p.path);
  if (paths.length < 2) return null;
  const values: object[] = [];
  for (let a = 0; a < paths.length; a++)
    for (let b = a + 1; b < paths.length; b++)
      last.theta.forEach((t, i) => values.push({ pair: `${paths[a]} / ${paths[b]}`, x: round(valueRun(spec.parameters[a], t[a])), y: round(valueRun(spec.parameters[b], t[b])), weight: round(last.weights[i]) }));
  return {
    name: 'pairs',
    title: 'Pairs of parameters in the posterior',
    caption: 'Each final particle for every pair of parameters (x: the first, y: the second), at the values its runs used (whole-number settings rounded, as in posterior.csv); larger points weigh more. A ridge or a band shows parameters that trade off against each other.',
    spec: topLevel('Pairs of parameters in the posterior', undefined, values, {
      facet: { field: 'pair', type: 'nominal', title: null },
      columns: 3,
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: 220,
        height: 200,
        mark: { type: 'point', filled: true, opacity: 0.6, color: PALETTE[0] },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: null, scale: { zero: false } },
          y: { field: 'y', type: 'quantitative', title: null, scale: { zero: false } },
          size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [8, 80] } },
        },
      },
    }),
  };
}

/** Tolerance and acceptance rate by generation. */
function schedule(input: CalibrationOutputInput): Chart {
  const values = input.result.generations
    .filter((g) => g.generation > 0)
    .flatMap((g) => [
      { generation: g.generation, measure: 'Tolerance', value: round(g.tolerance) },
      { generation: g.generation, measure: 'Acceptance rate', value: round(g.acceptanceRate) },
    ]);
  return {
    name: 'schedule',
    title: 'Tolerance schedule',
    caption: 'Each generation\'s tolerance (the weighted median, or alpha-quantile, of the previous distances) and the acceptance rate: the share of proposals that came within it (the first particles-many of them were kept).',
    spec: topLevel('Tolerance schedule', undefined, values, {
      facet: { field: 'measure', type: 'nominal', title: null },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 300,
        height: 180,
        mark: { type: 'line', point: true, color: PALETTE[0] },
        encoding: {
          x: { field: 'generation', type: 'ordinal', title: 'Generation' },
          y: { field: 'value', type: 'quantitative', title: null, scale: { type: 'log' } },
        },
      },
    }),
  };
}

/** Observed targets against the values simulated from posterior draws. */
function predictive(input: CalibrationOutputInput): Chart | null {
  const { spec } = input;
  if (input.predictive.length === 0) return null;
  const values: object[] = [];
  spec.targets.forEach((t, k) => {
    values.push({ target: t.name, kind: 'observed', value: round(t.observed) });
    for (const d of input.predictive) if (Number.isFinite(d.values[k])) values.push({ target: t.name, kind: 'simulated', value: round(d.values[k]), draw: d.draw });
  });
  return {
    name: 'predictive',
    title: 'Posterior predictive check',
    caption: 'For each target, the values simulated at parameters drawn from the posterior, one run each (grey ticks), and the observed value (red rule). How far out the observed value lies is measured by the predictive p-value in the findings; with few draws, a value just outside their range is no evidence of misfit.',
    spec: topLevel('Posterior predictive check', undefined, values, {
      facet: { row: { field: 'target', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left' } } },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 420,
        height: 36,
        layer: [
          { transform: [{ filter: "datum.kind === 'simulated'" }], mark: { type: 'tick', color: '#777', opacity: 0.7 }, encoding: { x: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } } } },
          { transform: [{ filter: "datum.kind === 'observed'" }], mark: { type: 'rule', color: PALETTE[3], strokeWidth: 2.5 }, encoding: { x: { field: 'value', type: 'quantitative' } } },
        ],
      },
    }),
  };
}

/** Every chart of a calibration report, in report order. */
export function calibrationCharts(input: CalibrationOutputInput, _summary: ParameterSummary[]): Chart[] {
  return [marginals(input), pairs(input), schedule(input), predictive(input)].filter((c): c is Chart => c !== null);
}
