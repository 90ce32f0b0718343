/**
 * Phase 10: observation (MODEL-SPEC 5). Writes one row of TIMESERIES_COLUMNS. Sampled
 * measures (diversity, clustering) draw from the separate "observe" stream, so how often
 * a run is observed never changes its dynamics.
 *
 * A measure of the firms' knowledge is missing (NaN), not 0 or 1, at a tick where it is
 * undefined: with no live firm holding any usable knowledge (capability T + phi E is 0
 * everywhere, which includes no live firm) competitiveness, frontier lag, entropy,
 * diversity and the lock-in index and its parts; with no live firm the knowledge means
 * and dispersion too; diversity also when no pair of live firms was sampled.
 */
import { COL, TIMESERIES_COLUMNS } from './names';
import type { Params } from './params';
import { ringDistance } from './ring';
import type { Rng } from './rng';
import type { ModelState } from './state';
import type { TickCounters } from './counters';
import { capability, cognitiveProximity } from './knowledge';

export { TIMESERIES_COLUMNS, COL, type TimeseriesColumn } from './names';


export class Observer {
  private readonly agg: Float64Array;
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private lastExhaustion = 0;

  constructor(
    private readonly st: ModelState,
    private readonly sample: number,
  ) {
    this.agg = new Float64Array(st.K);
    this.sum = new Float64Array(st.K);
    this.sumSq = new Float64Array(st.K);
  }

  /** Fills `row` (length TIMESERIES_COLUMNS) for the current tick. */
  observeInto(row: Float64Array, p: Params, c: TickCounters, exhaustion: number, rng: Rng): void {
    const st = this.st;
    const K = st.K;
    const X = st.knowledge; // T_ik at 2 (iK + k), E_ik next to it
    const agg = this.agg;
    const sum = this.sum;
    const sumSq = this.sumSq;
    agg.fill(0);
    sum.fill(0);
    sumSq.fill(0);
    let live = 0;
    let tSum = 0;
    let eSum = 0;
    let pipeS = 0;
    let localS = 0;
    let localN = 0;
    for (let i = 0; i < st.F; i++) {
      if (!st.alive[i]) continue;
      live++;
      const b = 2 * i * K;
      for (let k = 0; k < K; k++) {
        const t = X[b + 2 * k];
        const e = X[b + 2 * k + 1];
        tSum += t;
        eSum += e;
        agg[k] += capability(t, e, p.phi);
        sum[k] += t;
        sumSq[k] += t * t;
      }
      for (let s = 0; s < st.maxPipes; s++) if (st.pipeTarget[i * st.maxPipes + s] >= 0) pipeS += st.pipeStrength[i * st.maxPipes + s];
      for (let s = 0, end = st.tieEnd[i]; s < end; s++)
        if (st.tieTarget[i * st.maxTies + s] >= 0) {
          localS += st.tieStrength[i * st.maxTies + s];
          localN++;
        }
    }
    // Competitiveness: the region's capability weighted by relevance, over the frontier's.
    let capTotal = 0;
    let capRel = 0;
    let rMax = 0;
    let sx = 0;
    let sy = 0;
    for (let k = 0; k < K; k++) {
      capTotal += agg[k];
      capRel += agg[k] * st.relevance[k];
      if (st.relevance[k] > rMax) rMax = st.relevance[k];
      const ang = (2 * Math.PI * k) / K;
      sx += agg[k] * Math.cos(ang);
      sy += agg[k] * Math.sin(ang);
    }
    // No live firm holds knowledge: every measure of its distribution below is 0/0.
    const knows = capTotal > 0;
    const competitiveness = !knows ? Number.NaN : rMax > 0 ? capRel / (capTotal * rMax) : 0;
    let centre = (Math.atan2(sy, sx) / (2 * Math.PI)) * K;
    if (centre < 0) centre += K;
    let entropy = 0;
    for (let k = 0; k < K; k++) {
      if (agg[k] <= 0) continue;
      const q = agg[k] / capTotal;
      entropy -= q * Math.log(q);
    }
    entropy = knows ? entropy / Math.log(K) : Number.NaN;
    let dispersion = live > 0 ? 0 : Number.NaN;
    if (live > 1) {
      for (let k = 0; k < K; k++) {
        const m = sum[k] / live;
        dispersion += Math.sqrt(Math.max(0, sumSq[k] / live - m * m));
      }
      dispersion /= K;
    }
    const extShare = pipeS + localS > 0 ? pipeS / (pipeS + localS) : 0;
    const repeatShare = c.firmAccepted > 0 ? c.firmRepeat / c.firmAccepted : 0;
    // Residents
    let employed = 0;
    for (let r = 0; r < st.R; r++) if (st.employer[r] >= 0) employed++;
    if (!Number.isNaN(exhaustion)) this.lastExhaustion = exhaustion;
    const cognitive = 1 - competitiveness;
    const functional = knows ? repeatShare * (1 - extShare) : Number.NaN;
    const exh = knows ? this.lastExhaustion : Number.NaN;
    // Drawn at every tick, so the observe stream does not depend on whether firms know anything.
    const diversity = this.diversity(rng);

    row[COL.tick] = st.tick;
    row[COL.innovations] = c.innovations;
    row[COL.radical_innovations] = c.radical;
    row[COL.innovation_value] = c.value;
    row[COL.tacit_mean] = live > 0 ? tSum / (live * K) : Number.NaN;
    row[COL.explicit_mean] = live > 0 ? eSum / (live * K) : Number.NaN;
    row[COL.competitiveness] = competitiveness;
    row[COL.frontier_lag] = knows ? ringDistance(centre, st.mu, K) : Number.NaN;
    row[COL.frontier_position] = st.mu;
    row[COL.diversity] = knows ? diversity : Number.NaN;
    row[COL.entropy] = entropy;
    row[COL.tacit_dispersion] = dispersion;
    row[COL.external_tie_share] = extShare;
    row[COL.mean_tie_strength] = localN > 0 ? localS / localN : 0;
    row[COL.repeat_share] = repeatShare;
    row[COL.clustering] = this.clustering(rng);
    row[COL.firms_alive] = live;
    row[COL.entries] = c.entriesSpinoff + c.entriesOutside;
    row[COL.entries_spinoff] = c.entriesSpinoff;
    row[COL.entries_outside] = c.entriesOutside;
    row[COL.exits] = c.exits;
    row[COL.resident_skill] = meanResidentSkill(st, p);
    row[COL.employment_rate] = st.R > 0 ? employed / st.R : 0;
    row[COL.learning_participation] = st.R > 0 ? c.trained / st.R : 0;
    row[COL.job_moves] = c.moves;
    row[COL.migrants] = c.migrants;
    row[COL.meetings] = c.meetings;
    row[COL.pipeline_meetings] = c.pipelineMeetings;
    row[COL.lock_in_cognitive] = cognitive;
    row[COL.lock_in_functional] = functional;
    row[COL.lock_in_exhaustion] = exh;
    row[COL.lock_in_index] = (cognitive + functional + exh) / 3;
    for (let ch = 0; ch < 4; ch++) {
      row[COL.flow_tacit_collaboration + ch] = c.flows[ch];
      row[COL.flow_explicit_collaboration + ch] = c.flows[4 + ch];
      row[COL.firm_learning_from_firms + ch] = c.flows[8 + ch];
    }
    row[COL.policy_cost] = c.policyCost;
    row[COL.plant_tacit] = this.plantTacit();
  }

  /** Mean tacit knowledge of live firms other than the planted ones in the planted domain; NaN without a plant. */
  private plantTacit(): number {
    const st = this.st;
    const d = st.plantDomain;
    if (d < 0) return Number.NaN;
    let n = 0;
    let sum = 0;
    for (let i = 0; i < st.F; i++)
      if (st.alive[i] && !st.planted[i]) {
        sum += st.tacitAt(i, d);
        n++;
      }
    return n > 0 ? sum / n : Number.NaN;
  }

  /** Mean pairwise cognitive distance (1 - cosine) of live firms over sampled pairs; NaN if no pair was sampled. */
  private diversity(rng: Rng): number {
    const st = this.st;
    let total = 0;
    let n = 0;
    for (let s = 0; s < this.sample; s++) {
      const i = rng.int(st.F);
      const j = rng.int(st.F);
      if (i === j || !st.alive[i] || !st.alive[j]) continue;
      total += 1 - cognitiveProximity(st, i, j);
      n++;
    }
    return n > 0 ? total / n : Number.NaN;
  }

  /** Mean local clustering coefficient of sampled live firms over all their local ties. */
  private clustering(rng: Rng): number {
    const st = this.st;
    const M = st.maxTies;
    const nodes = Math.max(10, Math.floor(this.sample / 10));
    let total = 0;
    let n = 0;
    for (let s = 0; s < nodes; s++) {
      const i = rng.int(st.F);
      if (!st.alive[i]) continue;
      let deg = 0;
      let links = 0;
      const end = st.tieEnd[i]; // i's slots from end on are empty
      for (let a = 0; a < end; a++) {
        const u = st.tieTarget[i * M + a];
        if (u < 0) continue;
        deg++;
        for (let b = a + 1; b < end; b++) {
          const v = st.tieTarget[i * M + b];
          if (v < 0) continue;
          if (hasTie(st, u, v) || hasTie(st, v, u)) links++;
        }
      }
      if (deg < 2) continue;
      total += (2 * links) / (deg * (deg - 1));
      n++;
    }
    return n > 0 ? total / n : 0;
  }
}

function hasTie(st: ModelState, i: number, j: number): boolean {
  const b = i * st.maxTies;
  const tt = st.tieTarget;
  for (let s = b, e = b + st.tieEnd[i]; s < e; s++) if (tt[s] === j) return true;
  return false;
}

/**
 * Resident skill: the mean over residents of their relevance-weighted capability
 * sum_k c_ik r_k (plain twin: meanResidentSkillReference in knowledge-dynamics-reference.ts).
 * With the WebAssembly SIMD kernels (simd/index.ts, `skill`) the same sums in the same
 * order, two residents per vector; without them, the plain loop.
 */
export function meanResidentSkill(st: ModelState, p: Params): number {
  if (st.R === 0) return 0;
  if (st.simd) return st.simd.skill(st.firstResident, st.R, st.K, p.phi, st.relevance) / st.R;
  const K = st.K;
  const X = st.knowledge; // T_ik at 2 (iK + k), E_ik next to it
  const r = st.relevance;
  const phi = p.phi;
  let skill = 0;
  for (let i = st.firstResident; i < st.N; i++) {
    const a = 2 * i * K;
    let sk = 0;
    for (let k = 0, n = a; k < K; k++, n += 2) sk += capability(X[n], X[n + 1], phi) * r[k];
    skill += sk;
  }
  return skill / st.R;
}
