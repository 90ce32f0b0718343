/**
 * Issue 16 probe: why a core collapse raises late innovation value. Knock-outs on the
 * validation suite's region (150 firms, 1,500 residents, 200 ticks), core collapse at
 * tick 100 (factor 0.2, 3 domains), each shocked arm paired with the same condition
 * unshocked on the same seeds (16001-16012 by default, never used elsewhere).
 *
 *   nice -n 10 npx tsx docs/probe-shock.ts [--seeds 12] [--first 16001] [--only open,closed]
 *
 * Per condition: late value shocked / unshocked (mean of the per-seed ratios, t 95 %
 * interval, replicates above 1), and what moved between the paired runs in the late
 * window (last observe.window ticks): total relevance sum_k r_k; the relevance of what the
 * region can do (sum_k r_k agg_k / sum_k agg_k, agg = live firms' T + phi E); innovations
 * a tick; value per innovation; diversity; outside entrants and spin-offs after the shock.
 * Runs in this process (one core), so it works on older trees too (no `redistribute`
 * field is sent for the default arm).
 */
import { parseArgs } from 'node:util';
import { COL, Simulation } from '../src/model';
import { capability } from '../src/model/knowledge';
import { ScenarioSchema } from '../src/scenario/schema';
import { tCritical } from '../src/stats';
import { SMALL_REGION } from '../test/validation/harness';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '12' },
    first: { type: 'string', default: '16001' },
    only: { type: 'string', default: '' },
  },
});
const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => Number(values.first) + i);
const SHOCK = { tick: 100, kind: 'core_collapse', factor: 0.2, domains: 3 };

/** Knock-outs: each is an unshocked scenario and a shock (with how it redistributes). */
const CONDITIONS: Record<string, { base: object; redistribute?: string }> = {
  open: { base: { openness: 0.3 } },
  'open, spread uniformly': { base: { openness: 0.3 }, redistribute: 'uniform' },
  'open, not moved': { base: { openness: 0.3 }, redistribute: 'none' },
  'open, no outside entrants': { base: { openness: 0.3, firms: { fdi_rate: 0 } } },
  'open, no entry at all': { base: { openness: 0.3, firms: { refill: 0, spinoff_rate: 0 } } },
  'open, no pipelines': { base: { openness: 0.3, contacts: { pipeline_scale: 0 } } },
  closed: { base: { openness: 0 } },
  'closed, not moved': { base: { openness: 0 }, redistribute: 'none' },
};

function merge(a: unknown, b: unknown): unknown {
  if (typeof a !== 'object' || a === null || Array.isArray(a) || typeof b !== 'object' || b === null || Array.isArray(b)) return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = merge(out[k], v);
  return out;
}

interface Late {
  value: number;
  innovations: number;
  relevance: number;
  aligned: number;
  diversity: number;
  outside: number;
  spinoffs: number;
}

function run(input: object, seed: number): Late {
  const s = ScenarioSchema.parse(merge(SMALL_REGION, input));
  const sim = new Simulation(s, seed);
  const st = sim.state;
  const K = st.K;
  const lateStart = s.ticks - s.observe.window;
  const late: Late = { value: 0, innovations: 0, relevance: 0, aligned: 0, diversity: 0, outside: 0, spinoffs: 0 };
  const agg = new Float64Array(K);
  for (let t = 0; t < s.ticks; t++) {
    sim.step();
    const row = sim.observe();
    if (t >= SHOCK.tick) {
      late.outside += row[COL.entries_outside];
      late.spinoffs += row[COL.entries_spinoff];
    }
    if (t < lateStart) continue;
    late.value += row[COL.innovation_value];
    late.innovations += row[COL.innovations];
    late.diversity += row[COL.diversity];
    agg.fill(0);
    for (let i = 0; i < st.F; i++) if (st.alive[i]) for (let k = 0; k < K; k++) agg[k] += capability(st.tacitAt(i, k), st.explicitAt(i, k), sim.params.phi);
    let sumAgg = 0;
    let dot = 0;
    for (let k = 0; k < K; k++) {
      late.relevance += st.relevance[k];
      sumAgg += agg[k];
      dot += agg[k] * st.relevance[k];
    }
    late.aligned += sumAgg > 0 ? dot / sumAgg : 0;
  }
  const W = s.observe.window;
  for (const k of ['value', 'innovations', 'relevance', 'aligned', 'diversity'] as const) late[k] /= W;
  return late;
}

function interval(xs: number[]): string {
  const n = xs.length;
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
  const h = tCritical(n - 1) * (sd / Math.sqrt(n));
  return `${m.toFixed(3)} (${(m - h).toFixed(3)} to ${(m + h).toFixed(3)})`;
}

const only = values.only ? values.only.split(',') : Object.keys(CONDITIONS);
const unshocked = new Map<string, Late[]>();
console.log(`seeds ${seeds[0]}-${seeds[seeds.length - 1]}; 150 firms, 1,500 residents; core collapse at tick 100, factor 0.2, 3 domains`);
for (const name of only) {
  const c = CONDITIONS[name];
  const key = JSON.stringify(c.base);
  if (!unshocked.has(key)) unshocked.set(key, seeds.map((seed) => run(c.base, seed)));
  const u = unshocked.get(key)!;
  const shock = c.redistribute ? { ...SHOCK, redistribute: c.redistribute } : SHOCK;
  const sh = seeds.map((seed) => run({ ...c.base, shocks: [shock] }, seed));
  const ratio = sh.map((x, i) => x.value / u[i].value);
  const diff = (f: (l: Late) => number) => interval(sh.map((x, i) => f(x) - f(u[i])));
  console.log(`\n${name}`);
  console.log(`  late value shocked / unshocked: ${interval(ratio)}; above 1 in ${ratio.filter((r) => r > 1).length} of ${ratio.length}`);
  console.log(`  shocked - unshocked: total relevance ${diff((l) => l.relevance)}; relevance of what the region can do ${diff((l) => l.aligned)}`);
  console.log(`    innovations a tick ${diff((l) => l.innovations)}; value per innovation ${diff((l) => l.value / Math.max(1, l.innovations))}; diversity ${diff((l) => l.diversity)}`);
  console.log(`    outside entrants after tick 100 ${diff((l) => l.outside)}; spin-offs ${diff((l) => l.spinoffs)}`);
  console.log(`  unshocked late value ${interval(u.map((l) => l.value))}`);
}
