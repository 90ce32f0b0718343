/**
 * Builds docs/replications.md: runs the reference models (src/models) at the settings of
 * their published figures, sets lrsim's replicate means with 95 % intervals beside the
 * published values, draws both (Vega-Lite, rendered to PNG in docs/img/replications/),
 * says what matches and what does not, and lists every modelling choice the papers leave
 * open (src/models/published.ts).
 *
 *   npx tsx docs/gen-replications.ts
 *
 * About a minute on 2 cores (runs in process, one thread).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg, svgToPng, VEGA_LITE_SCHEMA, type VlSpec } from '../src/charts';
import { COWAN_JONARD_FINDINGS, MARCH_FIGURE1, MARCH_PYTHON_CHECK, MODELLING_CHOICES } from '../src/models/published';
import { replicate } from '../src/models/replicate';
import { welchDifference } from '../src/stats';

const root = join(import.meta.dirname, '..');
const imgDir = join(root, 'docs', 'img', 'replications');
mkdirSync(imgDir, { recursive: true });
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
const seeds = (n: number) => Array.from({ length: n }, (_, i) => 1 + i);

async function png(name: string, spec: VlSpec): Promise<string> {
  writeFileSync(join(imgDir, `${name}.png`), svgToPng(await renderSvg(spec)));
  writeFileSync(join(imgDir, `${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
  return `![${name}](img/replications/${name}.png) (Vega-Lite spec: [${name}.vl.json](img/replications/${name}.vl.json))`;
}

// --- March (1991) Figure 1 ----------------------------------------------------------------
const MARCH_R = 400;
const P1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const P2 = [0.1, 0.5, 0.9];
const started = performance.now();
const march = P2.flatMap((p2) =>
  P1.map((p1) => {
    const r = replicate({ model: 'march-1991', ticks: 1000, march_1991: { socialization_rate: p1, codification_rate: p2 } }, seeds(MARCH_R), ['code_knowledge_final', 'member_knowledge_final', 'equilibrium_reached']);
    return { p1, p2, code: r.code_knowledge_final, members: r.member_knowledge_final, equilibrium: r.equilibrium_reached.mean, values: r.code_knowledge_final.values };
  }),
);
const marchSeconds = (performance.now() - started) / 1000;
const published = (p1: number, p2: number) => MARCH_FIGURE1.points.find((p) => p.socialization === p1 && p.codification === p2)?.value;
const marchRows = march.map((m) => {
  const pub = published(m.p1, m.p2);
  const band = pub !== undefined ? [pub - MARCH_FIGURE1.tolerance, pub + MARCH_FIGURE1.tolerance] : m.p2 === 0.1 ? [MARCH_FIGURE1.slowCode.low - MARCH_FIGURE1.tolerance, MARCH_FIGURE1.slowCode.high + MARCH_FIGURE1.tolerance] : undefined;
  const inside = band ? m.code.ciLow >= band[0] && m.code.ciHigh <= band[1] : undefined;
  return { ...m, pub, band, inside };
});
const checked = marchRows.filter((r) => r.band);
const misses = checked.filter((r) => !r.inside);
const decline = [0.5, 0.9].map((p2) => {
  const at = (p1: number) => march.find((m) => m.p1 === p1 && m.p2 === p2)!.values;
  return { p2, first: welchDifference(at(0.1), at(0.5)), second: welchDifference(at(0.5), at(0.9)) };
});

const marchChart = await png('march-1991-figure1', {
  $schema: VEGA_LITE_SCHEMA,
  title: { text: 'March (1991) Figure 1: code knowledge at equilibrium', subtitle: `lrsim: mean and 95 % interval of ${MARCH_R} runs per point; published replication: open circles (p2 = 0.1: the 0.80-0.86 band)` },
  width: 420,
  height: 280,
  data: {
    values: [
      ...march.map((m) => ({ p1: m.p1, p2: String(m.p2), mean: m.code.mean, lo: m.code.ciLow, hi: m.code.ciHigh, source: 'lrsim' })),
      ...MARCH_FIGURE1.points.map((p) => ({ p1: p.socialization, p2: String(p.codification), mean: p.value, source: 'published' })),
    ],
  },
  layer: [
    { mark: { type: 'rect', opacity: 0.12, color: '#888' }, data: { values: [{ x: 0.1, x2: 0.9, y: MARCH_FIGURE1.slowCode.low, y2: MARCH_FIGURE1.slowCode.high }] }, encoding: { x: { field: 'x', type: 'quantitative', scale: { domain: [0.05, 0.95] } }, x2: { field: 'x2' }, y: { field: 'y', type: 'quantitative', title: 'code knowledge at equilibrium', scale: { domain: [0.6, 1] } }, y2: { field: 'y2' } } },
    { transform: [{ filter: "datum.source == 'lrsim'" }], mark: { type: 'line', point: true }, encoding: { x: { field: 'p1', type: 'quantitative', title: 'socialization rate p1' }, y: { field: 'mean', type: 'quantitative', title: 'code knowledge at equilibrium', scale: { domain: [0.6, 1] } }, color: { field: 'p2', type: 'nominal', title: 'codification p2' } } },
    { transform: [{ filter: "datum.source == 'lrsim'" }], mark: 'errorbar', encoding: { x: { field: 'p1', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative', title: 'code knowledge at equilibrium', scale: { domain: [0.6, 1] } }, y2: { field: 'hi' }, color: { field: 'p2', type: 'nominal' } } },
    { transform: [{ filter: "datum.source == 'published'" }], mark: { type: 'point', size: 120, filled: false, strokeWidth: 2 }, encoding: { x: { field: 'p1', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' }, color: { field: 'p2', type: 'nominal' } } },
  ],
});

// --- Cowan and Jonard (2004) ----------------------------------------------------------------
const CJ_R = 20;
const CJ_P = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
const ALPHAS = [0.25, 0.5];
const cjStarted = performance.now();
const cj = ALPHAS.flatMap((alpha) =>
  CJ_P.map((p) => {
    const r = replicate({ model: 'cowan-jonard-2004', ticks: 5000, cowan_jonard_2004: { rewiring_probability: p, absorptive_capacity: alpha } }, seeds(CJ_R), ['mean_knowledge_final', 'knowledge_variance_final', 'knowledge_cv_final', 'average_path_length', 'network_clustering', 'frozen', 'frozen_period']);
    return { p, alpha, r };
  }),
);
const cjSeconds = (performance.now() - cjStarted) / 1000;
const cjPeaks = ALPHAS.map((alpha) => {
  const rows = cj.filter((c) => c.alpha === alpha);
  const extreme = (key: 'mean_knowledge_final' | 'knowledge_variance_final' | 'knowledge_cv_final', max: boolean) => {
    const means = rows.map((c) => c.r[key].mean);
    const i = means.indexOf(max ? Math.max(...means) : Math.min(...means));
    return { i, p: rows[i].p, inside: i > 0 && i < rows.length - 1, vsRing: welchDifference(rows[i].r[key].values, rows[0].r[key].values), vsRandom: welchDifference(rows[i].r[key].values, rows[rows.length - 1].r[key].values) };
  };
  return { alpha, mean: extreme('mean_knowledge_final', true), variance: extreme('knowledge_variance_final', true), cv: extreme('knowledge_cv_final', false) };
});
const cjValues = cj.flatMap((c) => [
  { p: c.p, alpha: String(c.alpha), measure: 'mean knowledge', mean: c.r.mean_knowledge_final.mean, lo: c.r.mean_knowledge_final.ciLow, hi: c.r.mean_knowledge_final.ciHigh },
  { p: c.p, alpha: String(c.alpha), measure: 'coefficient of variation', mean: c.r.knowledge_cv_final.mean, lo: c.r.knowledge_cv_final.ciLow, hi: c.r.knowledge_cv_final.ciHigh },
]);
const cjChart = await png('cowan-jonard-2004', {
  $schema: VEGA_LITE_SCHEMA,
  title: { text: 'Cowan and Jonard (2004): steady state over the rewiring probability', subtitle: `lrsim: mean and 95 % band of ${CJ_R} runs per point; the paper: peak of mean knowledge near p = 0.1 (dashed)` },
  data: { values: cjValues },
  facet: { column: { field: 'measure', type: 'nominal', title: null, sort: ['mean knowledge', 'coefficient of variation'] } },
  resolve: { scale: { y: 'independent' } },
  spec: {
    width: 300,
    height: 240,
    layer: [
      { mark: { type: 'area', opacity: 0.2 }, encoding: { x: { field: 'p', type: 'quantitative', scale: { type: 'log' }, title: 'rewiring probability p' }, y: { field: 'lo', type: 'quantitative', scale: { zero: false } }, y2: { field: 'hi' }, color: { field: 'alpha', type: 'nominal', title: 'absorptive capacity' } } },
      { mark: { type: 'line', point: true }, encoding: { x: { field: 'p', type: 'quantitative', scale: { type: 'log' } }, y: { field: 'mean', type: 'quantitative', title: null, scale: { zero: false } }, color: { field: 'alpha', type: 'nominal' } } },
      { data: { values: [{ p: 0.1 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#555' }, encoding: { x: { field: 'p', type: 'quantitative' } } },
    ],
  },
});

// --- the page ----------------------------------------------------------------------------------
const yesNo = (b: boolean | undefined) => (b === undefined ? '' : b ? 'yes' : '**no**');
const interval = (s: { mean: number; ciLow: number; ciHigh: number }) => `${f3(s.mean)} (${f3(s.ciLow)} to ${f3(s.ciHigh)})`;
const diff = (d: { difference: number; ciLow: number; ciHigh: number }) => `${f3(d.difference)} (${f3(d.ciLow)} to ${f3(d.ciHigh)})`;
const lines: string[] = [
  '# Replications: March (1991) and Cowan and Jonard (2004)',
  '',
  'Generated by `npx tsx docs/gen-replications.ts` (do not edit by hand). lrsim runs two classic',
  'models of organisational and regional learning through the same model boundary as its',
  'learning-region engine (`model: march-1991`, `model: cowan-jonard-2004`; src/models/) and',
  'sets its results beside the published ones. Intervals are 95 % t intervals of replicate',
  'means over fixed seeds 1, 2, ...; differences are Welch intervals. The built-in scenarios',
  '`march-1991-figure1` and `cowan-jonard-2004` run the same settings as sweeps.',
  '',
  '## March (1991) Figure 1',
  '',
  `${MARCH_R} runs per point (m = 30, n = 50, at most 1,000 periods; ${f3(Math.min(...march.map((m) => m.equilibrium)))} to ${f3(Math.max(...march.map((m) => m.equilibrium)))} of runs per point reached equilibrium). Published: ${MARCH_FIGURE1.source}. A point matches when lrsim's whole interval lies within +-${MARCH_FIGURE1.tolerance} of the published value (p2 = 0.1: within ${MARCH_FIGURE1.slowCode.low}-${MARCH_FIGURE1.slowCode.high} +-${MARCH_FIGURE1.tolerance}). Wall time ${marchSeconds.toFixed(1)} s for ${march.length * MARCH_R} runs in one thread.`,
  '',
  '| p2 | p1 | published | lrsim code knowledge (95 % CI) | lrsim members | matches |',
  '|---|---|---|---|---|---|',
  ...marchRows.map((r) => `| ${r.p2} | ${r.p1} | ${r.pub !== undefined ? f3(r.pub) : r.p2 === 0.1 ? '0.80-0.86' : ''} | ${interval(r.code)} | ${f3(r.members.mean)} | ${yesNo(r.inside)} |`),
  '',
  marchChart,
  '',
  `**What matches.** ${checked.length - misses.length} of the ${checked.length} checked points lie within the tolerance${misses.length ? `; not: ${misses.map((m) => `p2 = ${m.p2}, p1 = ${m.p1} (${interval(m.code)}, ${f3(m.code.mean - (m.pub ?? NaN))} from the published value: the mean is within the tolerance, its interval is not)`).join('; ')}. No reason in lrsim was found: every rule follows the replication's code (see the choices below), and the public Python replication itself, run here (${MARCH_PYTHON_CHECK.runs} runs at p2 = ${MARCH_PYTHON_CHECK.codification}, p1 = ${MARCH_PYTHON_CHECK.socialization}), gave ${MARCH_PYTHON_CHECK.mean}, beside lrsim's mean rather than the quoted value` : ''}. Code knowledge falls as socialization speeds up: ${decline.map((d) => `at p2 = ${d.p2} p1 0.1 minus 0.5 is ${diff(d.first)} and 0.5 minus 0.9 is ${diff(d.second)}`).join('; ')}.`,
  '',
  '## Cowan and Jonard (2004)',
  '',
  `${CJ_R} runs per point (N = 500, n = 10, K = 10, until no neighbours can trade; frozen share ${f3(Math.min(...cj.map((c) => c.r.frozen.mean)))} to ${f3(Math.max(...cj.map((c) => c.r.frozen.mean)))} per point). The paper's findings (abstract): ${COWAN_JONARD_FINDINGS.join(' ')} Wall time ${cjSeconds.toFixed(1)} s for ${cj.length * CJ_R} runs.`,
  '',
  '| alpha | p | mean knowledge (95 % CI) | variance | CV (95 % CI) | path length | clustering | periods to freeze |',
  '|---|---|---|---|---|---|---|---|',
  ...cj.map((c) => `| ${c.alpha} | ${c.p} | ${interval(c.r.mean_knowledge_final)} | ${f4(c.r.knowledge_variance_final.mean)} | ${interval(c.r.knowledge_cv_final)} | ${f3(c.r.average_path_length.mean)} | ${f3(c.r.network_clustering.mean)} | ${f3(c.r.frozen_period.mean)} |`),
  '',
  cjChart,
  '',
  ...cjPeaks.flatMap((k) => [
    `**alpha = ${k.alpha}.** Mean knowledge peaks at p = ${k.mean.p} (${k.mean.inside ? 'inside' : '**at an end of**'} the range; peak minus ring ${diff(k.mean.vsRing)}, minus random ${diff(k.mean.vsRandom)}); the paper's peak is near p = 0.1${k.mean.p === 0.1 ? ', as here' : `, lrsim's ${k.mean.p > 0.1 ? 'lies further towards the random graph' : 'lies further towards the ring'}`}. Variance peaks at p = ${k.variance.p} (${k.variance.inside ? 'inside the range' : '**at an end**, unlike the paper\'s small-world maximum'}); the coefficient of variation is lowest at p = ${k.cv.p} (${k.cv.inside ? 'inside the range' : '**at an end**, unlike the paper\'s small-world minimum'}). The peak is chosen from the same runs it is compared on, so its intervals are somewhat optimistic.`,
    '',
  ]),
  `**What does not match, and why.** The shape (an interior peak of mean knowledge) holds, but the differences are small: every agent ends within a few per cent of the best knowledge on offer, because here initial knowledge is uniform on [0, 1) in every category and trading stops only at leads below ${'0.001'}. Cowan and Jonard's own initial distribution, sizes and stopping rule could not be checked against their text here (see the choices below), and they decide how much knowledge is left stranded by dominance; this is the most likely reason the peak sits at a larger p and is flatter than theirs.`,
  '',
  '## Modelling choices the papers leave open',
  '',
  '| model | topic | lrsim\'s choice | source |',
  '|---|---|---|---|',
  ...MODELLING_CHOICES.map((c) => `| ${c.model} | ${c.topic} | ${c.choice} | ${c.source} |`),
  '',
];
writeFileSync(join(root, 'docs', 'replications.md'), `${lines.join('\n')}\n`);
console.log(`docs/replications.md: March ${marchSeconds.toFixed(1)} s, Cowan-Jonard ${cjSeconds.toFixed(1)} s`);
