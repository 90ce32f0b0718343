/**
 * Initialisation: builds the region from the scenario with the "world" random stream,
 * so that conditions sharing a seed share the same world. Firms start specialised near
 * the frontier's start (MODEL-SPEC 4); residents resemble their employer; institutions
 * have broad fields; external partners are bumps on the ring.
 */
import type { Scenario } from '../scenario/schema';
import { CULTURAL, FIRM, GOVERNMENT, INTERMEDIARY, N_KINDS, RESEARCH_INSTITUTE, RESIDENT, UNIVERSITY } from './kinds';
import { capInPlace } from './knowledge';
import type { Params } from './params';
import { bumpInto, wrap } from './ring';
import type { Rng } from './rng';
import { ModelState } from './state';
import { resetAttentionInPlace, ORIGIN_INITIAL } from './demography';
import { AliasTables } from './alias';

/** Profile shapes of institutions: [centre spread (x centre_sd, or -1 uniform), width, tacit, explicit]. */
const INSTITUTION_PROFILE: Record<number, [number, number, number, number]> = {
  [UNIVERSITY]: [1.5, 3, 0.35, 0.6],
  [RESEARCH_INSTITUTE]: [1, 2, 0.45, 0.55],
  [GOVERNMENT]: [1, 6, 0.15, 0.25],
  [INTERMEDIARY]: [1, 4, 0.25, 0.25],
  [CULTURAL]: [-1, 3, 0.4, 0.2],
};

export function initState(s: Scenario, p: Params, rng: Rng): ModelState {
  const st = new ModelState(s, p);
  const K = st.K;
  const sp = st.space;
  const P = sp.P;
  st.extWidth = s.external.width;
  st.extAmplitude = s.external.amplitude;
  st.mu = 0;
  const index = new Map(st.placeNames.map((n, q) => [n, q]));
  sp.barriers = s.region.barriers.map((b) => ({ from: index.get(b.from)!, to: index.get(b.to)!, km: b.km }));
  sp.rebuild(st.links, p.lambdaT, p.lambdaE, p.geoDecayKm);

  // Places by population (largest first) for institutions.
  const byPop = Array.from({ length: P }, (_, q) => q).sort((a, b) => sp.population[b] - sp.population[a] || a - b);
  const placeOf = new AliasTables(2, P);
  const firmWeights = Float64Array.from(sp.population, (v) => Math.pow(v, s.region.firm_concentration));
  placeOf.build(0, firmWeights);
  placeOf.build(1, sp.population);

  const kn = s.knowledge;
  const firmCentre = new Float64Array(st.F);
  // Firms
  for (let i = 0; i < st.F; i++) {
    st.kind[i] = FIRM;
    st.place[i] = placeOf.sample(0, rng);
    st.alive[i] = 1;
    const centre = wrap(st.mu + kn.initial_centre_sd * rng.normal(), K);
    firmCentre[i] = centre;
    bumpInto(st.knowledge, 2 * i * K, K, centre, kn.initial_width, kn.initial_tacit, 2);
    bumpInto(st.knowledge, 2 * i * K + 1, K, centre, kn.initial_width, kn.initial_explicit, 2);
    capInPlace(st, p, i);
    st.rd[i] = rng.uniform(p.rdMin, p.rdMax);
    st.absorptive[i] = rng.uniform(p.absorptiveMin, p.absorptiveMax);
    st.propensity[i] = Math.pow(rng.random(), p.propensityExponent);
    st.origin[i] = ORIGIN_INITIAL;
    // Initial firms have histories: ages uniform in [0, 2 x exit_warmup) ticks.
    st.birthTick[i] = -Math.floor(rng.random() * 2 * s.firms.exit_warmup);
    // ... and are at different points of a spell of low performance: without this every
    // initial firm that has not innovated yet leaves in the same tick (40 % of firms at
    // tick 11, and an echo 31 ticks later when their replacements come of age).
    st.lowTicks[i] = Math.floor(rng.random() * s.firms.exit_patience);
    st.firmSerial[i] = st.nextSerial++;
    resetAttentionInPlace(st, p, i);
  }
  // Institutions: the n-th of a kind sits at the n-th largest place.
  const counts: [number, number][] = [
    [UNIVERSITY, s.agents.institutions.university],
    [RESEARCH_INSTITUTE, s.agents.institutions.research_institute],
    [GOVERNMENT, s.agents.institutions.government],
    [INTERMEDIARY, s.agents.institutions.intermediary],
    [CULTURAL, s.agents.institutions.cultural],
  ];
  let i = st.F;
  let t = 0;
  for (const [kind, n] of counts) {
    const [spread, width, tac, exp] = INSTITUTION_PROFILE[kind];
    for (let m = 0; m < n; m++, i++) {
      st.kind[i] = kind;
      st.place[i] = byPop[m % P];
      st.alive[i] = 1;
      st.absorptive[i] = s.exchange.institution_absorptive;
      const centre = spread < 0 ? rng.random() * K : wrap(st.mu + spread * kn.initial_centre_sd * rng.normal(), K);
      bumpInto(st.knowledge, 2 * i * K, K, centre, width, tac, 2);
      bumpInto(st.knowledge, 2 * i * K + 1, K, centre, width, exp, 2);
      capInPlace(st, p, i);
      const j = i - st.F;
      bumpInto(st.field, j * K, K, centre, width, 1);
      if (kind === UNIVERSITY || kind === RESEARCH_INSTITUTE) {
        st.propensity[i] = s.pipeline.university_propensity;
        st.teachers[t++] = i;
      }
    }
  }
  // Residents: most resemble their employer (a noisy, weaker copy of its specialisation).
  const resT = 0.6 * kn.initial_tacit;
  const resE = 0.6 * kn.initial_explicit;
  for (let r = 0; r < st.R; r++) {
    const a = st.firstResident + r;
    st.kind[a] = RESIDENT;
    st.place[a] = placeOf.sample(1, rng);
    st.alive[a] = 1;
    st.absorptive[a] = s.exchange.resident_absorptive;
  }
  st.buildLists();
  for (let r = 0; r < st.R; r++) {
    const a = st.firstResident + r;
    let employer = -1;
    if (rng.random() < s.labour.employment) {
      if (st.I > 0 && rng.random() < s.agents.institutions_employ) {
        employer = st.randomAt(st.place[a], UNIVERSITY, rng);
        for (let k = 1; employer < 0 && k < 6; k++) employer = st.randomAt(st.place[a], k, rng);
        if (employer < 0) employer = st.F + rng.int(st.I);
      } else {
        for (let tries = 0; tries < 20 && employer < 0; tries++) {
          const q = tries === 0 ? st.place[a] : sp.meetPlace.sample(st.place[a], rng);
          employer = st.randomAt(q, FIRM, rng);
        }
      }
    }
    st.employer[r] = employer;
    if (employer >= 0) st.size[employer]++;
    const centre = employer >= 0 && employer < st.F ? wrap(firmCentre[employer] + rng.normal(), K) : employer >= 0 ? wrap(st.mu + 2 * kn.initial_centre_sd * rng.normal(), K) : wrap(st.mu + kn.initial_centre_sd * rng.normal(), K);
    bumpInto(st.knowledge, 2 * a * K, K, centre, kn.initial_width, resT, 2);
    bumpInto(st.knowledge, 2 * a * K + 1, K, centre, kn.initial_width, resE, 2);
    capInPlace(st, p, a);
  }
  st.rebuildTeacherTables(p.geoDecayKm);
  // External partners: bumps of width ~2 domains at centres drawn on the ring.
  for (let x = 0; x < st.X; x++) bumpInto(st.extProfile, x * K, K, rng.random() * K, s.external.width, s.external.amplitude * rng.uniform(0.8, 1.2));
  // Initial intermediaries enrol the firms nearest to them.
  for (let j = st.F; j < st.A; j++) {
    if (st.kind[j] !== INTERMEDIARY) continue;
    const n = Math.min(s.agents.intermediary_members, st.F);
    if (n < 1) continue;
    addGroup(st, [j, ...nearestFirms(st, st.place[j], n)], s.contacts.broker_rate, 0, 1);
  }
  // Drawing positions: jittered around the place.
  for (let a = 0; a < st.N; a++) {
    const ang = rng.random() * 2 * Math.PI;
    const rad = Math.sqrt(rng.random()) * Math.max(1, s.region.intra_place_km) * 1.5;
    st.x[a] = sp.x[st.place[a]] + rad * Math.cos(ang);
    st.y[a] = sp.y[st.place[a]] + rad * Math.sin(ang);
  }
  return st;
}

/** Registers a group (intermediary, cluster organisation, creative space); returns its id. */
export function addGroup(st: ModelState, members: number[], brokerRate: number, trust: number, fit: number): number {
  const g = st.groupMembers.length;
  st.groupMembers.push(Int32Array.from(members));
  st.groupBrokerRate.push(brokerRate);
  st.groupTrust.push(trust);
  st.groupFit.push(fit);
  for (const m of members) st.group[m] = g;
  return g;
}

/**
 * The n firms nearest to place q: the first n of all firms sorted by the distance from q to
 * their place, then by index. Found place by place from the per-place lists (places sorted by
 * distance; the firms of places at one distance merged by index), so an intermediary costs
 * O(P log P + n log n), not O(F log F): sorting every firm made initialisation quadratic in
 * the region's size (about 1 s of 3.7 at 10^6 agents). Needs st.buildLists() done.
 */
export function nearestFirms(st: ModelState, q: number, n: number): number[] {
  const P = st.space.P;
  const dist = st.space.dist;
  const row = q * P;
  const places = Array.from({ length: P }, (_, x) => x).sort((a, b) => dist[row + a] - dist[row + b] || a - b);
  const out: number[] = [];
  for (let g = 0; g < P && out.length < n; ) {
    const d = dist[row + places[g]];
    let h = g + 1;
    while (h < P && dist[row + places[h]] === d) h++;
    const tied: number[] = [];
    for (let x = g; x < h; x++) {
      const at = places[x] * N_KINDS + FIRM;
      for (let t = st.listStart[at]; t < st.listStart[at + 1]; t++) tied.push(st.listAgents[t]);
    }
    if (h - g > 1) tied.sort((a, b) => a - b);
    for (let t = 0; t < tied.length && out.length < n; t++) out.push(tied[t]);
    g = h;
  }
  return out;
}
