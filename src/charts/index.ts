/** Vega-Lite charts of a sweep and their SVG/PNG rendering: the public face of src/charts. */
import type { SweepStats } from '../stats';
import type { Chart } from './chart';
import { diversityScatter } from './scatter';
import { firmCurveChart } from './firm-curve';
import { firmLearningChart } from './firm-learning';
import { linkFlowChart } from './link-flows';
import { flowsChart } from './flows';
import { policyChart } from './policy';
import { regionMap } from './region-map';
import { sensitivityCharts } from './sensitivity';
import { sweepEffectCharts } from './sweep-effects';
import { recoveryChart } from './recovery';
import { innovationChart, lockInChart, referenceSeriesChart } from './timeseries';
import { decisionSections } from '../analysis/report-section';

export { type Chart, type VlSpec, VEGA_LITE_SCHEMA, label, LABELS } from './chart';
export { compileSpec, renderSvg, svgToPng, writeCharts, type WrittenChart } from './render';
export { FONT_FAMILY, fontFiles, packageDir, PALETTE } from './theme';

/** Every chart the design calls for, in report order (charts without data are left out). */
export function buildCharts(stats: SweepStats): Chart[] {
  const charts = [
    innovationChart(stats),
    referenceSeriesChart(stats),
    lockInChart(stats),
    ...sweepEffectCharts(stats),
    policyChart(stats),
    recoveryChart(stats),
    flowsChart(stats),
    firmLearningChart(stats),
    linkFlowChart(stats),
    diversityScatter(stats),
    firmCurveChart(stats),
    regionMap(stats),
    ...sensitivityCharts(stats),
    ...decisionSections(stats).charts,
  ];
  return charts.filter((c): c is Chart => c !== null);
}
