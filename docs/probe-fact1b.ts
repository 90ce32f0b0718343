/**
 * Fact 1b probe (docs/ODD.md 10.2 items 5, 6 and 8): late innovation value of firms against
 * the mean cognitive distance of the partners they learned from, on the validation
 * suite's region (150 firms, 1,500 residents), over several disjoint seed sets.
 *
 *   npm run build && npx tsx docs/probe-fact1b.ts [--sets 1001,2001,3001,4001] [--seeds 16]
 *                                             [--set exchange.misunderstanding_cost=0.1]
 *
 * Compared firms: those that lived through the whole late window (born before it starts,
 * alive at the end, learning from someone in it), as in test/validation/facts.test.ts.
 * Prints, per seed set and over all, the mean of the per-seed quadratic terms (+- 2
 * standard errors) and the pooled curve: late value minus the seed mean, binned by
 * partner distance (thousandths, +- 2 standard errors, firms per bin). Then the same
 * controlling for the firm's own atypicality (firms.csv `atypicality`): the quadratic
 * term of a per-seed regression on distance, distance^2, atypicality, atypicality^2;
 * and, among each run's least atypical third of firms, the quadratic term, its peak and
 * the binned curve.
 */
import { parseArgs } from 'node:util';
import { RunPool } from '../src/sweep/pool';
import { applySet } from '../src/scenario';
import { ScenarioSchema } from '../src/scenario/schema';
import { leastSquares, quadraticFit, SMALL_REGION } from '../test/validation/harness';

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: '1001,2001,3001,4001' },
    seeds: { type: 'string', default: '16' },
    set: { type: 'string', multiple: true, default: [] },
  },
});
const starts = values.sets.split(',').map(Number);
const perSet = Number(values.seeds);
const input = applySet(structuredClone(SMALL_REGION), values.set) as Record<string, unknown>;
const resolved = ScenarioSchema.parse(input);
const lateStart = resolved.ticks - resolved.observe.window;

const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
const se = (a: number[]) => {
  const m = mean(a);
  return Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1) / a.length);
};

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const quantile = (a: number[], q: number) => [...a].sort((x, y) => x - y)[Math.floor(q * a.length)];

const pool = new RunPool({ workers: 2 });
const seeds = starts.flatMap((s) => Array.from({ length: perSet }, (_, i) => s + i));
const runs = await Promise.all(seeds.map((seed) => pool.run({ key: `fact1b-${seed}`, input, seed, microdata: true })));
await pool.destroy();

const quad: number[] = [];
const pooled: [number, number][] = [];
const controlled: number[] = [];
const typicalQuad: number[] = [];
const typicalPeak: number[] = [];
const typicalPooled: [number, number][] = [];
const typicalX: number[] = [];
runs.forEach((r, n) => {
  const f = r.firms as Record<string, number[]>;
  const xs: number[] = [];
  const ys: number[] = [];
  const as: number[] = [];
  for (let i = 0; i < f.firm_id.length; i++) {
    if (!Number.isNaN(f.exit_tick[i]) || f.birth_tick[i] >= lateStart || !Number.isFinite(f.partner_distance[i]) || !Number.isFinite(f.atypicality[i])) continue;
    xs.push(f.partner_distance[i]);
    ys.push(f.late_innovation_value[i]);
    as.push(f.atypicality[i]);
  }
  quad.push(quadraticFit(xs, ys)[2]);
  const my = mean(ys);
  xs.forEach((x, k) => pooled.push([x, ys[k] - my]));
  const mx = mean(xs);
  const ma = mean(as);
  controlled.push(leastSquares(xs.map((x, k) => [1, x - mx, (x - mx) ** 2, as[k] - ma, (as[k] - ma) ** 2]), ys)[2]);
  const cut = [...as].sort((a, b) => a - b)[Math.floor(as.length / 3)];
  const low = xs.map((_, k) => k).filter((k) => as[k] < cut);
  const [, b, c] = quadraticFit(low.map((k) => xs[k]), low.map((k) => ys[k]));
  typicalQuad.push(c);
  typicalPeak.push(-b / (2 * c));
  const myLow = mean(low.map((k) => ys[k]));
  for (const k of low) {
    typicalPooled.push([xs[k], ys[k] - myLow]);
    typicalX.push(xs[k]);
  }
  if ((n + 1) % perSet === 0) {
    const part = quad.slice(n + 1 - perSet);
    console.log(`seeds ${seeds[n + 1 - perSet]}-${seeds[n]}: quadratic term ${mean(part).toFixed(3)} +- ${(2 * se(part)).toFixed(3)}`);
  }
});
console.log(`all ${quad.length} seeds: quadratic term ${mean(quad).toFixed(3)} +- ${(2 * se(quad)).toFixed(3)}; median ${median(quad).toFixed(3)}; ${pooled.length} firms`);
const [, pb, pc] = quadraticFit(pooled.map((p) => p[0]), pooled.map((p) => p[1]));
console.log(`pooled over seeds (late value minus the seed mean): quadratic term ${pc.toFixed(3)}, peak -b/2c ${(-pb / (2 * pc)).toFixed(3)}; distances: 95th percentile ${quantile(pooled.map((p) => p[0]), 0.95).toFixed(3)}, 99th ${quantile(pooled.map((p) => p[0]), 0.99).toFixed(3)}`);
const edges = [0, 0.04, 0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32, 0.36, 1];
const bins = edges.slice(0, -1).map((lo, b) => {
  const ys = pooled.filter(([x]) => x >= lo && x < edges[b + 1]).map(([, y]) => y);
  return ys.length > 1 ? `${lo.toFixed(2)}: ${(1000 * mean(ys)).toFixed(1)} +- ${(2000 * se(ys)).toFixed(1)} (${ys.length})` : `${lo.toFixed(2)}: -`;
});
console.log('late value minus seed mean (thousandths) by partner distance:');
for (const b of bins) console.log(`  ${b}`);
console.log(`controlling for atypicality: quadratic term ${mean(controlled).toFixed(3)} +- ${(2 * se(controlled)).toFixed(3)}`);
console.log(`least atypical third of each run: quadratic term ${mean(typicalQuad).toFixed(3)} +- ${(2 * se(typicalQuad)).toFixed(3)} (median ${median(typicalQuad).toFixed(3)}); peak (median over seeds) ${median(typicalPeak).toFixed(3)}; their distances: median ${quantile(typicalX, 0.5).toFixed(3)}, 90th percentile ${quantile(typicalX, 0.9).toFixed(3)}`);
console.log('  late value minus the third\'s seed mean (thousandths) by partner distance:');
for (let b = 0; b + 1 < edges.length; b++) {
  const ys = typicalPooled.filter(([x]) => x >= edges[b] && x < edges[b + 1]).map(([, y]) => y);
  if (ys.length > 1) console.log(`  ${edges[b].toFixed(2)}: ${(1000 * mean(ys)).toFixed(1)} +- ${(2000 * se(ys)).toFixed(1)} (${ys.length})`);
}
