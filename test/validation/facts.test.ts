/**
 * Stylized facts of MODEL-SPEC section 7, checked with paired replicates (16 common seeds
 * per condition) and 95 % confidence intervals. The region is the prototypes' size
 * (150 firms, 1,500 residents; SMALL_REGION): the facts hold at that size and the suite
 * stays within minutes. VALIDATED facts are asserted; for OPEN facts what holds is
 * asserted and the measured curve is recorded (docs/scenarios.md).
 * Run: npm run validate
 */
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultScenario, ScenarioSchema } from '../../src/scenario/schema';
import { runScenario, Simulation, TIMESERIES_COLUMNS } from '../../src/model';
import { exchangeInPlace, Meeting } from '../../src/model/exchange';
import { cognitiveProximity } from '../../src/model/knowledge';
import { bumpInto } from '../../src/model/ring';
import { averageMarginalEffect, coefInterval, kaplanMeier, logitFit, logitInterval, logRank, olsFit, restrictedMeanSurvival } from '../../src/stats';
import { PANEL_COLUMNS, relatednessPanel, SEEDS_FACT_9 } from './relatedness-panel';
import { closePool, fmt, interval, measured, outcome, paired, leastSquares, quadraticFit, record, runConditions, SEEDS, SEEDS_FACT_1B, SMALL_REGION } from './harness';
import { explicitAt, explicitOf, tacitAt, tacitOf } from '../model/knowledge-flat';

afterAll(async () => {
  await closePool();
  console.log(['Measured effects (validation suite):', ...measured].join('\n  '));
});

const CLOSED = { openness: 0 };
const OPEN = { openness: 0.3 };

/** Gain of agent i from one meeting with j whose profile is shifted by `shift` domains. */
function dyadGain(shift: number, distanceKm: number): { tacit: number; explicit: number; total: number } {
  const s = ScenarioSchema.parse({ ...SMALL_REGION, agents: { firms: 4, residents: 0, institutions: {} } });
  const sim = new Simulation(s, 1);
  const st = sim.state;
  const K = st.K;
  // Partner j has the same profile as i, shifted by `shift` domains: novelty grows with
  // the shift, understandability falls.
  // Agents 0 and 1: T and E side by side (ModelState.knowledge), stride 2.
  bumpInto(st.knowledge, 0, K, 0, 2, 0.3, 2);
  bumpInto(st.knowledge, 1, K, 0, 2, 0.3, 2);
  bumpInto(st.knowledge, 2 * K, K, shift, 2, 0.3, 2);
  bumpInto(st.knowledge, 2 * K + 1, K, shift, 2, 0.3, 2);
  const before = { t: tacitOf(st).slice(0, K), e: explicitOf(st).slice(0, K) };
  const m = new Meeting();
  const kappa = cognitiveProximity(st, 0, 1, m);
  const p = sim.params;
  m.pair(0, 1, kappa, 0);
  m.gTacit = Math.exp(-distanceKm / p.lambdaT);
  m.gExplicit = Math.exp(-distanceKm / p.lambdaE);
  m.rateJ = 0;
  exchangeInPlace(st, p, m);
  let tacit = 0;
  let explicit = 0;
  for (let k = 0; k < K; k++) {
    tacit += tacitAt(st, k) - before.t[k];
    explicit += explicitAt(st, k) - before.e[k];
  }
  return { tacit, explicit, total: tacit + explicit };
}

describe('Fact 1: the proximity paradox', () => {
  it('(a) dyad level: knowledge gained per meeting is an inverted U in cognitive distance (Nooteboom)', () => {
    const gains = Array.from({ length: 13 }, (_, d) => dyadGain(d, 3).total);
    const peak = gains.indexOf(Math.max(...gains));
    record('Fact 1a', 'gain per meeting by profile shift 0..12 domains', gains.map((g) => g.toFixed(4)).join(' '));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(12);
    expect(gains[0]).toBe(0);
    expect(gains[12]).toBe(0);
    expect(gains[peak]).toBeGreaterThan(0);
  });

  it('(b) firm level: late innovation value is concave in the mean cognitive distance of the partners a firm learned from; firms with the most similar partners do worse', async () => {
    const { base } = await runConditions({ base: {} }, SEEDS_FACT_1B, true);
    // Both quantities are measured over the late window (the last observe.window ticks),
    // so the firms compared are those that lived through all of it: born before it
    // starts, alive at the end, and learning from someone in it.
    const resolved = ScenarioSchema.parse(SMALL_REGION);
    const lateStart = resolved.ticks - resolved.observe.window;
    const atypicality: number[][] = [];
    const perSeed: [number, number][][] = base.map((r) => {
      const f = r.firms as Record<string, number[]>;
      const pts: [number, number][] = [];
      const own: number[] = [];
      for (let i = 0; i < f.firm_id.length; i++) {
        if (!Number.isNaN(f.exit_tick[i]) || f.birth_tick[i] >= lateStart || !Number.isFinite(f.partner_distance[i])) continue;
        if (!Number.isFinite(f.atypicality[i])) continue;
        pts.push([f.partner_distance[i], f.late_innovation_value[i]]);
        own.push(f.atypicality[i]);
      }
      atypicality.push(own);
      return pts;
    });
    const quad: number[] = [];
    const ranges: number[][] = [];
    const closest: number[] = [];
    for (const pts of perSeed) {
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      // Too much proximity: the fifth of firms with the most similar partners against the rest.
      const order = xs.map((_, n) => n).sort((a, z) => xs[a] - xs[z]);
      const cut = Math.floor(order.length / 5);
      const meanOf = (idx: number[]) => idx.reduce((a, n) => a + ys[n], 0) / idx.length;
      closest.push(meanOf(order.slice(0, cut)) - meanOf(order.slice(cut)));
      quad.push(quadraticFit(xs, ys)[2]);
      const sorted = [...xs].sort((a, z) => a - z);
      ranges.push([sorted[Math.floor(0.05 * sorted.length)], sorted[Math.floor(0.95 * sorted.length)]]);
    }
    // The replicate is the unit of independence (firms of one run share a history): the
    // quadratic term is fitted per seed and its interval taken over seeds.
    const q = interval(quad);
    const low = interval(closest);
    // Pooled over seeds, as MODEL-SPEC states the fact, with a level per seed (late value
    // differs between runs); interval by resampling whole seeds (cluster bootstrap).
    const pooledFit = (sample: [number, number][][]) => {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const pts of sample) {
        const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
        for (const p of pts) {
          xs.push(p[0]);
          ys.push(p[1] - my);
        }
      }
      return quadraticFit(xs, ys);
    };
    const pooledQuad = (sample: [number, number][][]) => pooledFit(sample)[2];
    const rng = seedrandom.alea('fact-1b-bootstrap');
    const boot = Array.from({ length: 1000 }, () => pooledQuad(perSeed.map(() => perSeed[Math.floor(rng() * perSeed.length)]))).sort((a, z) => a - z);
    const pooledAll = perSeed.flatMap((pts, n) => {
      const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
      return pts.map((p) => [p[0], p[1] - my, n] as const);
    });
    pooledAll.sort((a, z) => a[0] - z[0]);
    const deciles = Array.from({ length: 10 }, (_, d) => {
      const sl = pooledAll.slice(Math.floor((d * pooledAll.length) / 10), Math.floor(((d + 1) * pooledAll.length) / 10));
      return `${(sl.reduce((a, p) => a + p[0], 0) / sl.length).toFixed(3)}:${(sl.reduce((a, p) => a + p[1], 0) / sl.length).toFixed(4)}`;
    });
    record('Fact 1b', `firms compared (alive through the late window), per seed`, `${Math.min(...perSeed.map((p) => p.length))} to ${Math.max(...perSeed.map((p) => p.length))}`);
    record('Fact 1b', 'quadratic term of late value on partner distance (fitted per seed)', q);
    record('Fact 1b', 'quadratic term, pooled over seeds with a level per seed (cluster-bootstrap 95 % CI)', `${pooledQuad(perSeed).toFixed(3)} (${boot[25].toFixed(3)} to ${boot[974].toFixed(3)})`);
    record('Fact 1b', 'late value of the closest-partner fifth minus the rest', low);
    record('Fact 1b', 'deciles of partner distance (mean distance:late value minus the seed mean), pooled', deciles.join(' '));
    const [, pb, pc] = pooledFit(perSeed);
    const allX = perSeed.flatMap((pts) => pts.map((p) => p[0])).sort((a, z) => a - z);
    record('Fact 1b', 'median of the per-seed quadratic terms', median(quad).toFixed(3));
    record('Fact 1b (peak OPEN)', 'peak of the pooled fit -b/2c; pooled distances: 95th and 99th percentile', `${(-pb / (2 * pc)).toFixed(3)}; ${allX[Math.floor(0.95 * allX.length)].toFixed(3)}, ${allX[Math.floor(0.99 * allX.length)].toFixed(3)}`);
    // The peak (OPEN): firms with distant partners are often atypical themselves (outside
    // entrants, pipeline users), and atypical firms' combinations are rare and worth more.
    // Controlling for a firm's own atypicality (firms.csv), and among each run's least
    // atypical third. Recorded, not asserted: the first holds on both 128-seed sets, the
    // second on one of them only (docs/facts.md); per-seed fits on ~30 firms are
    // heavy-tailed, so read its interval as a guide.
    const controlled: number[] = [];
    const typicalQuad: number[] = [];
    const typicalPeak: number[] = [];
    const typicalX: number[] = [];
    perSeed.forEach((pts, n) => {
      const own = atypicality[n];
      const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
      const ma = own.reduce((a, v) => a + v, 0) / own.length;
      controlled.push(leastSquares(pts.map((p, k) => [1, p[0] - mx, (p[0] - mx) ** 2, own[k] - ma, (own[k] - ma) ** 2]), pts.map((p) => p[1]))[2]);
      const cut = [...own].sort((a, z) => a - z)[Math.floor(own.length / 3)];
      const typical = pts.filter((_, k) => own[k] < cut);
      const [, b, c] = quadraticFit(typical.map((p) => p[0]), typical.map((p) => p[1]));
      typicalQuad.push(c);
      typicalPeak.push(-b / (2 * c));
      for (const p of typical) typicalX.push(p[0]);
    });
    typicalX.sort((a, z) => a - z);
    record('Fact 1b (peak OPEN)', 'quadratic term controlling for the firm\'s own atypicality (per seed)', interval(controlled));
    record('Fact 1b (peak OPEN)', 'quadratic term among each run\'s least atypical third (per seed)', interval(typicalQuad));
    record('Fact 1b (peak OPEN)', 'their peak distance (median over seeds); their distances: median, 90th percentile', `${median(typicalPeak).toFixed(3)}; ${typicalX[Math.floor(typicalX.length / 2)].toFixed(3)}, ${typicalX[Math.floor(0.9 * typicalX.length)].toFixed(3)}`);
    record('Fact 1b', '5-95 % range of partner distance (median over seeds)', `${median(ranges.map((r) => r[0])).toFixed(3)} to ${median(ranges.map((r) => r[1])).toFixed(3)}`);
    expect(q.hi).toBeLessThan(0);
    expect(low.hi).toBeLessThan(0);
  });
});

describe('Fact 2: closed regions lock in', () => {
  it('with openness 0, late innovation value is lower, the lock-in index higher and locked_in more frequent than with openness 0.3', async () => {
    const { closed, open } = await runConditions({ closed: CLOSED, open: OPEN });
    const value = paired(closed, open, 'innovation_value_late');
    const lock = paired(closed, open, 'lock_in_index_final');
    const locked = paired(closed, open, 'locked_in');
    record('Fact 2', 'late value open - closed', value);
    record('Fact 2', 'lock-in index open - closed', lock);
    record('Fact 2', 'locked_in share open - closed', locked);
    record('Fact 2', 'locked_in share closed / open', `${mean(outcome(closed, 'locked_in')).toFixed(2)} / ${mean(outcome(open, 'locked_in')).toFixed(2)}`);
    expect(value.lo).toBeGreaterThan(0);
    expect(lock.hi).toBeLessThan(0);
    expect(locked.hi).toBeLessThan(0);
  });
});

describe('Fact 3: buzz and pipelines', () => {
  it('the gain in late value from openness (0 to 0.3) is larger with 6 meetings a tick than with 1, also with pipeline attempts held equal', async () => {
    const r = await runConditions({
      c1o0: { openness: 0, contacts: { per_tick: 1 } },
      c1o3: { openness: 0.3, contacts: { per_tick: 1 } },
      c6o0: { openness: 0, contacts: { per_tick: 6 } },
      c6o3: { openness: 0.3, contacts: { per_tick: 6 } },
      // Pipeline attempts come out of the meeting budget (MODEL-SPEC 3.3): with 1 meeting
      // a tick and pipeline_scale 6, a region makes as many pipeline attempts as with 6
      // meetings and scale 1 (and gives up as many local meetings for them), so the
      // interaction below measures buzz helping pipelines, not the budget (issue 16).
      c1o3s6: { openness: 0.3, contacts: { per_tick: 1, pipeline_scale: 6 } },
    });
    const v = (rs: typeof r.c1o0, i: number) => rs[i].outcomes.innovation_value_late;
    const coupled = SEEDS.map((_, i) => v(r.c6o3, i) - v(r.c6o0, i) - (v(r.c1o3, i) - v(r.c1o0, i)));
    const equal = SEEDS.map((_, i) => v(r.c6o3, i) - v(r.c6o0, i) - (v(r.c1o3s6, i) - v(r.c1o0, i)));
    const inter = interval(coupled);
    const interEqual = interval(equal);
    // The budget's part: what 6 x the pipeline attempts add at 1 meeting a tick.
    const bookkeeping = interval(coupled.map((c, i) => c - equal[i]));
    const rng = seedrandom.alea('fact-3-share');
    const share = (idx: number[]) => 1 - idx.reduce((a, n) => a + equal[n], 0) / idx.reduce((a, n) => a + coupled[n], 0);
    const boot = Array.from({ length: 2000 }, () => share(SEEDS.map(() => Math.floor(rng() * SEEDS.length)))).sort((a, z) => a - z);
    const pipes = (rs: typeof r.c1o0) => rs.map((x) => lateMean(x, 'pipeline_meetings'));
    record('Fact 3', 'openness gain at 1 meeting/tick', paired(r.c1o0, r.c1o3, 'innovation_value_late'));
    record('Fact 3', 'openness gain at 6 meetings/tick', paired(r.c6o0, r.c6o3, 'innovation_value_late'));
    record('Fact 3', 'openness gain at 1 meeting/tick with pipeline_scale 6', paired(r.c1o0, r.c1o3s6, 'innovation_value_late'));
    record('Fact 3', 'interaction (buzz x pipelines), pipeline attempts from the meeting budget', inter);
    record('Fact 3', 'interaction with pipeline attempts held equal (1 meeting x scale 6 vs 6 x scale 1)', interEqual);
    record('Fact 3', 'part due to the budget coupling (difference of the two)', bookkeeping);
    record('Fact 3', 'share of the interaction due to the coupling (cluster bootstrap over seeds)', `${share(SEEDS.map((_, n) => n)).toFixed(3)} (${boot[50].toFixed(3)} to ${boot[1949].toFixed(3)})`);
    record('Fact 3', 'late pipeline meetings a tick: 1 x scale 1 / 1 x scale 6 / 6 x scale 1', `${mean(pipes(r.c1o3)).toFixed(2)} / ${mean(pipes(r.c1o3s6)).toFixed(2)} / ${mean(pipes(r.c6o3)).toFixed(2)}`);
    record('Fact 3', 'late pipeline meetings, (1 x scale 6) / (6 x scale 1)', interval(pipes(r.c1o3s6).map((x, i) => x / pipes(r.c6o3)[i])));
    expect(inter.lo).toBeGreaterThan(0);
    expect(interEqual.lo).toBeGreaterThan(0);
  });
});

describe('Fact 4: tacit knowledge is sticky', () => {
  it('tacit flow per meeting falls with distance much faster than explicit flow', () => {
    const near = dyadGain(3, 3);
    const far = dyadGain(3, 60);
    const tacitRatio = far.tacit / near.tacit;
    const explicitRatio = far.explicit / near.explicit;
    record('Fact 4', 'flow at 60 km over flow at 3 km, tacit / explicit', `${tacitRatio.toFixed(3)} / ${explicitRatio.toFixed(3)}`);
    expect(tacitRatio).toBeLessThan(0.2);
    expect(explicitRatio).toBeGreaterThan(0.95);
  });

  it('shortening a link (infrastructure) raises tacit flow between the two places it joins', async () => {
    const region = {
      region: {
        places: [
          { name: 'West', x_km: 0, y_km: 0, population: 50, role: 'city' },
          { name: 'West Town', x_km: -25, y_km: 10, population: 10, role: 'town' },
          { name: 'East', x_km: 25, y_km: 0, population: 40, role: 'city' },
          { name: 'East Town', x_km: 45, y_km: 10, population: 10, role: 'town' },
        ],
        barriers: [
          { from: 'West', to: 'East', km: 100 },
          { from: 'West', to: 'East Town', km: 110 },
          { from: 'West Town', to: 'East', km: 120 },
          { from: 'West Town', to: 'East Town', km: 130 },
        ],
      },
    };
    const bridge = { ...region, policies: [{ kind: 'infrastructure', start: 40, from: 'West', to: 'East', km: 25 }] };
    const { none, built } = await runConditions({ none: region, built: bridge });
    // Tacit flow between the two cities (both directions), place order as listed.
    const cross = (rs: typeof none) => rs.map((r) => r.placeFlows[0 * 4 + 2] + r.placeFlows[2 * 4 + 0]);
    const d = interval(cross(built).map((x, i) => x - cross(none)[i]));
    const rel = interval(cross(built).map((x, i) => x / cross(none)[i]));
    record('Fact 4', 'tacit flow West<->East, bridge - no bridge', d);
    record('Fact 4', 'tacit flow West<->East, bridge / no bridge', rel);
    expect(d.lo).toBeGreaterThan(0);
  });
});

describe('Fact 5: mobility spreads tacit knowledge (OPEN in the prototypes)', () => {
  it('a planted, related, soon-relevant capability spreads to other firms, measured against a no-plant arm', async () => {
    const at = { ticks: 120 };
    const plant = (firms: number) => ({ shocks: [{ tick: 100, kind: 'plant', firms, offset: 3, level: 0.8 }] });
    const r = await runConditions({
      lowNo: { ...at, labour: { mobility: 0 }, ...plant(0) },
      lowPlant: { ...at, labour: { mobility: 0 }, ...plant(15) },
      highNo: { ...at, labour: { mobility: 0.2 }, ...plant(0) },
      highPlant: { ...at, labour: { mobility: 0.2 }, ...plant(15) },
    });
    const excessLow = SEEDS.map((_, i) => r.lowPlant[i].outcomes.plant_tacit_final - r.lowNo[i].outcomes.plant_tacit_final);
    const excessHigh = SEEDS.map((_, i) => r.highPlant[i].outcomes.plant_tacit_final - r.highNo[i].outcomes.plant_tacit_final);
    const low = interval(excessLow);
    const high = interval(excessHigh);
    const effect = interval(excessHigh.map((x, i) => x - excessLow[i]));
    record('Fact 5', "other firms' excess tacit knowledge in the planted domain 20 ticks after the plant, mobility 0", low);
    record('Fact 5', 'same, mobility 0.2', high);
    record('Fact 5 (OPEN)', 'mobility effect on the excess (0.2 - 0)', effect);
    // What holds: with labour mobility the planted capability spreads beyond the planted firms.
    expect(high.lo).toBeGreaterThan(0);
  });
});

describe('Fact 6: lifelong learning', () => {
  it("residents' skill rises with learning participation, more so with openness", async () => {
    const r = await runConditions({
      closedLow: { ...CLOSED },
      closedHigh: { ...CLOSED, learning: { participation: 0.2 } },
      openLow: { ...OPEN },
      openHigh: { ...OPEN, learning: { participation: 0.2 } },
      closedDeep: { ...CLOSED, learning: { participation: 0.2, deepen: true } },
      openDeep: { ...OPEN, learning: { participation: 0.2, deepen: true } },
    });
    const closedGain = paired(r.closedLow, r.closedHigh, 'resident_skill_final');
    const openGain = paired(r.openLow, r.openHigh, 'resident_skill_final');
    const inter = interval(SEEDS.map((_, i) => r.openHigh[i].outcomes.resident_skill_final - r.openLow[i].outcomes.resident_skill_final - (r.closedHigh[i].outcomes.resident_skill_final - r.closedLow[i].outcomes.resident_skill_final)));
    record('Fact 6', 'resident skill gain from participation 0.02 -> 0.2, closed', closedGain);
    record('Fact 6', 'resident skill gain, open', openGain);
    record('Fact 6', 'interaction with openness', inter);
    record('Fact 6 (OPEN)', 'late value change from participation, closed', paired(r.closedLow, r.closedHigh, 'innovation_value_late'));
    record('Fact 6 (OPEN)', 'late value change from participation, open', paired(r.openLow, r.openHigh, 'innovation_value_late'));
    record('Fact 6 (OPEN)', 'deepening courses: skill gain, closed', paired(r.closedLow, r.closedDeep, 'resident_skill_final'));
    record('Fact 6 (OPEN)', 'deepening courses: skill gain, open', paired(r.openLow, r.openDeep, 'resident_skill_final'));
    record('Fact 6 (OPEN)', 'deepening courses: late value change, closed', paired(r.closedLow, r.closedDeep, 'innovation_value_late'));
    record('Fact 6 (OPEN)', 'deepening courses: late value change, open', paired(r.openLow, r.openDeep, 'innovation_value_late'));
    expect(closedGain.lo).toBeGreaterThan(0);
    expect(openGain.lo).toBeGreaterThan(0);
    expect(inter.lo).toBeGreaterThan(0);
  });
});

describe('Fact 7: resilience', () => {
  it('after a core-domain collapse, open regions recover sooner (Kaplan-Meier, log-rank, never-recovered runs censored) and drop less than closed ones (common seeds)', async () => {
    const shock = { shocks: [{ tick: 100, kind: 'core_collapse', factor: 0.2 }] };
    const r = await runConditions({
      closedNo: CLOSED,
      closedShock: { ...CLOSED, ...shock },
      openNo: OPEN,
      openShock: { ...OPEN, ...shock },
    });
    // Time to regain 90 % of pre-shock value, as a time to event: a run that never
    // recovers is censored at its last tick (100 ticks after the shock), not averaged in.
    const survival = (rs: typeof r.closedNo) => ({ time: outcome(rs, 'resilience_ticks'), event: outcome(rs, 'resilience_censored').map((c) => c === 0) });
    const open = survival(r.openShock);
    const closed = survival(r.closedShock);
    const kmOpen = kaplanMeier(open.time, open.event);
    const kmClosed = kaplanMeier(closed.time, closed.event);
    const test = logRank([closed, open]);
    const horizon = 100;
    const rmOpen = restrictedMeanSurvival(kmOpen, horizon);
    const rmClosed = restrictedMeanSurvival(kmClosed, horizon);
    const median = (km: typeof kmOpen) => (Number.isNaN(km.median) ? 'not reached' : `${km.median} (95 % CI ${km.medianLo} to ${Number.isNaN(km.medianHi) ? 'not reached' : km.medianHi})`);
    record('Fact 7', 'recovered within the run, closed / open', `${kmClosed.events}/${kmClosed.n} / ${kmOpen.events}/${kmOpen.n}`);
    record('Fact 7', 'median ticks to regain 90 % of pre-shock value (Kaplan-Meier), closed', median(kmClosed));
    record('Fact 7', 'median ticks to regain 90 % (Kaplan-Meier), open', median(kmOpen));
    record('Fact 7', `restricted mean time to recovery over ${horizon} ticks, closed / open`, `${rmClosed.rmean.toFixed(1)} (se ${rmClosed.se.toFixed(1)}) / ${rmOpen.rmean.toFixed(1)} (se ${rmOpen.se.toFixed(1)})`);
    record('Fact 7', 'log-rank test closed vs open (observed / expected recoveries, closed)', `chi2 = ${test.chisq.toFixed(2)}, p = ${test.p.toExponential(2)}; ${test.observed[0]} / ${test.expected[0].toFixed(2)}`);
    const drop = paired(r.closedShock, r.openShock, 'drop_ratio');
    record('Fact 7', 'drop ratio (20 ticks after / before), open - closed', drop);
    // Recorded, not asserted: the ratio of two small noisy late values (issue 16: it did
    // not hold on another seed set; docs/facts.md).
    const ratio = (sh: typeof r.closedNo, n: typeof r.closedNo) => sh.map((x, i) => x.outcomes.innovation_value_late / n[i].outcomes.innovation_value_late);
    record('Fact 7 (not asserted)', 'late value shocked / unshocked, open', interval(ratio(r.openShock, r.openNo)));
    record('Fact 7 (not asserted)', 'late value shocked / unshocked, closed', interval(ratio(r.closedShock, r.closedNo)));
    record('Fact 7 (not asserted)', 'late value shocked / unshocked, open - closed', interval(ratio(r.openShock, r.openNo).map((x, i) => x - ratio(r.closedShock, r.closedNo)[i])));
    // Open regions recover more often and sooner: fewer recoveries than expected under no
    // difference among the closed, significant by the log-rank test.
    expect(test.p).toBeLessThan(0.01);
    expect(test.observed[0]).toBeLessThan(test.expected[0]);
    expect(rmOpen.rmean).toBeLessThan(rmClosed.rmean);
    expect(drop.lo).toBeGreaterThan(0);
  });
});

describe('Fact 9: the principle of relatedness (out of sample: not calibrated on)', () => {
  it('a place loses comparative advantage in a domain less often the higher its relatedness density to it (asserted); gains it more often (recorded)', () => {
    const data = relatednessPanel(SEEDS_FACT_9);
    const names = [...PANEL_COLUMNS];
    const report = (what: string, rows: typeof data.entry) => {
      const X = rows.map((r) => r.x);
      const y = rows.map((r) => r.y);
      const cluster = rows.map((r) => r.seed);
      const logit = logitFit(X, y, { cluster, names });
      const ci = logitInterval(logit, 1);
      const ame = averageMarginalEffect(logit, X, 1);
      const lpm = olsFit(X, y, { cluster, names });
      const lpmCi = coefInterval(lpm, 1);
      const rate = y.reduce((a, b) => a + b, 0) / y.length;
      const byDensity = [0, 1 / 3, 2 / 3].map((from, b) => {
        const sel = rows.filter((r) => r.x[1] >= from && (b === 2 || r.x[1] < from + 1 / 3));
        return `${sel.length ? (sel.reduce((a, r) => a + r.y, 0) / sel.length).toFixed(3) : 'none'} (n ${sel.length})`;
      });
      record('Fact 9', `${what}: observations, rate`, `${y.length}, ${rate.toFixed(3)}`);
      record('Fact 9', `${what}: logit coefficient of relatedness density (cluster-robust by seed)`, `${ci.estimate.toFixed(3)} (95 % CI ${ci.lo.toFixed(3)} to ${ci.hi.toFixed(3)}, p ${ci.p.toExponential(2)}, ${logit.clusters} seeds)`);
      record('Fact 9', `${what}: average marginal effect of density (per unit)`, `${ame.ame.toFixed(4)} (${ame.lo.toFixed(4)} to ${ame.hi.toFixed(4)})`);
      record('Fact 9', `${what}: linear probability model, density`, `${lpmCi.estimate.toFixed(4)} (${lpmCi.lo.toFixed(4)} to ${lpmCi.hi.toFixed(4)})`);
      record('Fact 9', `${what}: rate by density third (0-1/3, 1/3-2/3, 2/3-1)`, byDensity.join(', '));
      record('Fact 9', `${what}: other logit coefficients`, names.slice(2).map((n, j) => `${n} ${logit.coef[j + 2].toFixed(3)}`).join(', '));
      return { ci, lpmCi };
    };
    const entry = report('entry (RCA < 1 at the window start, >= 1 at its end)', data.entry);
    const exit = report('exit (RCA >= 1 at the start, < 1 at the end)', data.exit);
    // Cross-check on the same panel (docs/probe-relatedness.ts writes it as CSV), R 4:
    //   library(sandwich); d <- read.csv("fact9.csv"); x <- d[d$sample == "entry", ]
    //   f <- y ~ density + rca_start + relevance_start + relevance_change + log_firms + ubiquity + window_2 + window_3 + window_4
    //   g <- glm(f, family = binomial, data = x, control = glm.control(epsilon = 1e-14, maxit = 100))
    //   V <- vcovCL(g, cluster = ~seed, type = "HC1"); l <- lm(f, data = x); VL <- vcovCL(l, cluster = ~seed, type = "HC1")
    //   p <- fitted(g); w <- p * (1 - p); b <- coef(g); X <- model.matrix(g)
    //   grad <- b[2] * colMeans(w * (1 - 2 * p) * X); grad[2] <- grad[2] + mean(w)
    //   c(b[2], sqrt(V[2, 2]), b[2] * mean(w), sqrt(t(grad) %*% V %*% grad), coef(l)[2], sqrt(VL[2, 2]))
    // entry (n 7413): logit 0.431152907 (se 0.2139691101), AME 0.08087017641 (se 0.039217788), LPM 0.1039620383 (se 0.04559604903);
    // exit (n 4779): logit -0.9039940507 (se 0.1560846761), AME -0.2042856735 (se 0.03414912836), LPM -0.2251437498 (se 0.03592686201).
    // The estimators themselves are tested against R in test/stats/logit.test.ts and linear-model.test.ts.
    // Asserted: the exit side (pre-specified logit and LPM). The entry side is recorded:
    // on these 16 seeds its logit coefficient was positive but not significant (p 0.06)
    // while the LPM's was (docs/facts.md), so it is not asserted.
    expect(exit.ci.hi).toBeLessThan(0);
    expect(exit.lpmCi.hi).toBeLessThan(0);
  });
});

describe('Fact 8: reproducibility', () => {
  it('the same scenario and seed give bit-identical outputs, in process and in worker threads', async () => {
    const s = ScenarioSchema.parse({ ...SMALL_REGION, ticks: 40 });
    const a = runScenario(s, { seed: 5 });
    const b = runScenario(s, { seed: 5 });
    expect(Buffer.from(a.series.buffer).equals(Buffer.from(b.series.buffer))).toBe(true);
    const [viaPool] = (await runConditions({ r: { ticks: 40 } }, [5])).r;
    expect(Buffer.from(viaPool.series.buffer, viaPool.series.byteOffset, viaPool.series.byteLength).equals(Buffer.from(a.series.buffer))).toBe(true);
    expect(a.columns).toEqual(TIMESERIES_COLUMNS);
    expect(defaultScenario().seed).toBe(42);
  });
});

/** Mean of a time-series column over the late window (the last observe.window rows; every = 1). */
function lateMean(r: { series: Float64Array; columns: readonly string[]; rows: number }, column: string): number {
  const C = r.columns.length;
  const c = r.columns.indexOf(column);
  const window = ScenarioSchema.parse(SMALL_REGION).observe.window;
  let sum = 0;
  for (let t = r.rows - window; t < r.rows; t++) sum += r.series[t * C + c];
  return sum / window;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
}

export { fmt };
