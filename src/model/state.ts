/**
 * The model's state as a struct of typed arrays (no object per agent). Agent index
 * layout: firms [0, F), institutions [F, F + I), residents [F + I, N). Firms and
 * institutions are the "actors" (they have meeting budgets and pipeline slots).
 */
import type { Scenario } from '../scenario/schema';
import { simdKnowledge, type SimdKernels } from './simd';
import type { Params } from './params';
import type { Rng } from './rng';
import { Space, type Link } from './space';
import { AliasTables } from './alias';
import { N_KINDS } from './kinds';

export class ModelState {
  // sizes
  readonly K: number;
  readonly F: number;
  readonly I: number;
  readonly R: number;
  readonly N: number;
  /** Actors: firms and institutions. */
  readonly A: number;
  readonly firstResident: number;
  readonly X: number;
  readonly maxTies: number;
  readonly maxPipes: number;
  readonly words: number;
  readonly lagSlots: number;

  // per agent
  readonly kind: Uint8Array;
  readonly place: Uint16Array;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly alive: Uint8Array;
  readonly absorptive: Float32Array;
  /**
   * Knowledge, N x K x 2: an agent's tacit and explicit values side by side, T_ik at
   * 2 (i K + k) and E_ik at 2 (i K + k) + 1 (`tacitAt`, `explicitAt`). Every kernel reads
   * both values of a domain together, so one agent's knowledge is one run of 2K floats:
   * a meeting at 10^5-10^6 agents touches two runs of memory, not four.
   */
  readonly knowledge: Float32Array;
  /** WebAssembly SIMD kernels bound to `knowledge` (simd/index.ts), or null: the JavaScript loops. */
  readonly simd: SimdKernels | null;
  readonly tieTarget: Int32Array; // N x maxTies, -1 empty
  readonly tieStrength: Float32Array;
  /** One past agent i's last occupied tie slot: its slots from tieEnd[i] on are all empty (a scan bound only). */
  readonly tieEnd: Uint8Array;
  /** Group (intermediary membership, creative space) of each agent, -1 none. */
  readonly group: Int32Array;
  /** Set (at index i + 1) when agent i's slot was renewed this tick (exit, migration): ties to it drop. */
  readonly renewed: Uint8Array;

  // actors (firms and institutions)
  readonly propensity: Float32Array; // pipeline propensity o
  readonly pipeTarget: Int32Array; // A x maxPipes, external partner index, -1 empty
  readonly pipeStrength: Float32Array;
  readonly size: Int32Array; // employees

  // firms
  readonly rd: Float32Array;
  readonly attention: Float32Array; // F x K
  readonly novelty: Float32Array; // F x K (EWMA of recent learning)
  readonly gain: Float32Array; // F x K (this tick's learning)
  readonly performance: Float64Array;
  readonly lowTicks: Int32Array;
  readonly birthTick: Int32Array;
  readonly origin: Uint8Array; // 0 initial, 1 spin-off, 2 outside entrant
  readonly firmSerial: Int32Array;
  readonly innovationsCount: Int32Array;
  readonly lateValue: Float64Array;
  readonly partnerDistSum: Float64Array; // learning-weighted cognitive distance, late window
  readonly partnerDistWeight: Float64Array;
  /** Own atypicality summed over the late window's ticks (microdata only), and the ticks. */
  readonly atypicalitySum: Float64Array;
  readonly atypicalityTicks: Float64Array;
  readonly exitedThisTick: Uint8Array;
  /** This tick's misunderstanding: sum over a firm's meetings of 1 - understandability. */
  readonly misunderstanding: Float32Array;

  // institutions
  readonly field: Float32Array; // I x K research field

  // residents (indexed by r = agent - firstResident)
  readonly employer: Int32Array;
  readonly trainedThisTick: Uint8Array;

  // external partners
  readonly extProfile: Float32Array; // X x K (pi)
  readonly extKnowledge: Float32Array; // X x K, min(1, pi r) this tick
  readonly extNorm: Float64Array;

  // lists of agents per (place, kind), CSR layout
  readonly listStart: Int32Array;
  readonly listAgents: Int32Array;
  /** Teaching institutions (universities, research institutes). */
  readonly teachers: Int32Array;
  /** Row p: which teacher a learner living at p goes to, weight exp(-d / geographic_decay_km). */
  teacherOf: AliasTables | null = null;

  // groups (intermediaries, cluster organisations, creative spaces)
  groupMembers: Int32Array[] = [];
  groupBrokerRate: number[] = [];
  groupTrust: number[] = [];
  groupFit: number[] = [];

  // environment
  readonly relevance: Float64Array;
  readonly noiseZ: Float64Array;
  readonly noise: Float64Array;
  readonly collapseMult: Float64Array;
  /** Share of each domain's frontier relevance a core collapse moved away (redistributed part only). */
  readonly collapseMoved: Float64Array;
  /** Weight of each domain in receiving moved relevance (0 = receives none). */
  readonly collapseWeight: Float64Array;
  mu = 0;
  /** Domain of a planted capability (fact 5 experiment), -1 none; planted firm slots. */
  plantDomain = -1;
  readonly planted: Uint8Array;

  // novelty to the region: lagged capability masks and pair counts (ring buffers)
  readonly maskRing: Uint32Array; // lagSlots x F x words
  readonly pairRing: Int32Array; // lagSlots x K x K
  readonly liveRing: Int32Array; // lagSlots
  readonly aliveRing: Uint8Array; // lagSlots x F

  // space
  readonly space: Space;
  links: Link[];
  readonly placeNames: string[];
  readonly placeFlows: Float64Array; // P x P tacit flows (learner's place x source place)

  // scratch buffers for the kernels (never reallocated)
  readonly scratchW1: Float64Array;
  readonly scratchW2: Float64Array;
  readonly scratchK: Float64Array;
  readonly order: Int32Array;
  readonly capable: Int32Array;

  tick = 0;
  nextSerial = 0;
  /** First tick of the late window (microdata on partners and value). */
  lateStart = 0;
  /** Width and amplitude of outside profiles (external partners, migrants, entrants). */
  extWidth = 2;
  extAmplitude = 1;

  constructor(s: Scenario, p: Params) {
    const K = (this.K = p.K);
    this.F = s.agents.firms;
    const inst = s.agents.institutions;
    this.I = inst.university + inst.research_institute + inst.government + inst.intermediary + inst.cultural;
    this.R = s.agents.residents;
    this.A = this.F + this.I;
    this.firstResident = this.A;
    this.N = this.A + this.R;
    this.X = s.external.partners;
    this.maxTies = s.network.max_ties;
    this.maxPipes = s.pipeline.max_ties;
    this.words = Math.ceil(K / 32);
    this.lagSlots = s.innovation.novelty_lag + 1;
    const { N, A, F, I, R, X } = this;

    this.kind = new Uint8Array(N);
    this.place = new Uint16Array(N);
    this.x = new Float32Array(N);
    this.y = new Float32Array(N);
    this.alive = new Uint8Array(N);
    this.absorptive = new Float32Array(N);
    const simd = simdKnowledge(N, K);
    this.knowledge = simd?.array ?? new Float32Array(2 * N * K);
    this.simd = simd?.kernels ?? null;
    this.tieTarget = new Int32Array(N * this.maxTies).fill(-1);
    this.tieStrength = new Float32Array(N * this.maxTies);
    this.tieEnd = new Uint8Array(N);
    this.group = new Int32Array(N).fill(-1);
    this.renewed = new Uint8Array(N + 1); // index i + 1 is agent i (0: no agent)

    this.propensity = new Float32Array(A);
    this.pipeTarget = new Int32Array(A * this.maxPipes).fill(-1);
    this.pipeStrength = new Float32Array(A * this.maxPipes);
    this.size = new Int32Array(A);

    this.rd = new Float32Array(F);
    this.attention = new Float32Array(F * K);
    this.novelty = new Float32Array(F * K);
    this.gain = new Float32Array(F * K);
    this.performance = new Float64Array(F);
    this.lowTicks = new Int32Array(F);
    this.birthTick = new Int32Array(F);
    this.origin = new Uint8Array(F);
    this.firmSerial = new Int32Array(F);
    this.innovationsCount = new Int32Array(F);
    this.lateValue = new Float64Array(F);
    this.partnerDistSum = new Float64Array(F);
    this.partnerDistWeight = new Float64Array(F);
    this.atypicalitySum = new Float64Array(F);
    this.atypicalityTicks = new Float64Array(F);
    this.exitedThisTick = new Uint8Array(F);
    this.misunderstanding = new Float32Array(F);
    this.planted = new Uint8Array(F);

    this.field = new Float32Array(I * K);
    this.employer = new Int32Array(R).fill(-1);
    this.trainedThisTick = new Uint8Array(R);

    this.extProfile = new Float32Array(X * K);
    this.extKnowledge = new Float32Array(X * K);
    this.extNorm = new Float64Array(X);

    const P = s.region.places.length;
    this.listStart = new Int32Array(P * N_KINDS + 1);
    this.listAgents = new Int32Array(N);
    this.teachers = new Int32Array(inst.university + inst.research_institute);

    this.relevance = new Float64Array(K);
    this.noiseZ = new Float64Array(K);
    this.noise = new Float64Array(K);
    this.collapseMult = new Float64Array(K).fill(1);
    this.collapseMoved = new Float64Array(K);
    this.collapseWeight = new Float64Array(K);

    this.maskRing = new Uint32Array(this.lagSlots * F * this.words);
    this.pairRing = new Int32Array(this.lagSlots * K * K);
    this.liveRing = new Int32Array(this.lagSlots);
    this.aliveRing = new Uint8Array(this.lagSlots * F);

    const places = s.region.places;
    this.placeNames = places.map((q) => q.name);
    this.space = new Space(
      Float64Array.from(places.map((q) => q.x_km)),
      Float64Array.from(places.map((q) => q.y_km)),
      Float64Array.from(places.map((q) => q.population)),
      s.region.intra_place_km,
    );
    const index = new Map(this.placeNames.map((n, i) => [n, i]));
    this.links = s.region.links.map((l) => ({ from: index.get(l.from)!, to: index.get(l.to)!, km: l.km }));
    this.placeFlows = new Float64Array(P * P);

    this.scratchW1 = new Float64Array(K);
    this.scratchW2 = new Float64Array(K);
    this.scratchK = new Float64Array(K);
    this.order = new Int32Array(A * Math.max(1, p.perTick) + R + 64 * A);
    this.capable = new Int32Array(K);
  }

  /** Tacit knowledge T_ik of agent i in domain k (for code outside the kernels; they index `knowledge` directly). */
  tacitAt(i: number, k: number): number {
    return this.knowledge[2 * (i * this.K + k)];
  }

  /** Explicit knowledge E_ik of agent i in domain k. */
  explicitAt(i: number, k: number): number {
    return this.knowledge[2 * (i * this.K + k) + 1];
  }

  /** Sets T_ik (stored as float32). */
  setTacitAt(i: number, k: number, v: number): void {
    this.knowledge[2 * (i * this.K + k)] = v;
  }

  /** Sets E_ik (stored as float32). */
  setExplicitAt(i: number, k: number, v: number): void {
    this.knowledge[2 * (i * this.K + k) + 1] = v;
  }

  /** Rebuilds the per-place teacher tables (at init and when distances or the decay change). */
  rebuildTeacherTables(decayKm: number): void {
    const n = this.teachers.length;
    if (n === 0) return;
    const P = this.space.P;
    this.teacherOf ??= new AliasTables(P, n);
    const w = new Float64Array(n);
    for (let q = 0; q < P; q++) {
      for (let t = 0; t < n; t++) w[t] = Math.exp(-this.space.dist[q * P + this.place[this.teachers[t]]] / decayKm);
      this.teacherOf.build(q, w);
    }
  }

  /** Fills `listStart`/`listAgents` from `place` and `kind` (CSR by place, then kind). */
  buildLists(): void {
    const counts = this.listStart;
    counts.fill(0);
    for (let i = 0; i < this.N; i++) counts[this.place[i] * N_KINDS + this.kind[i] + 1]++;
    for (let c = 1; c < counts.length; c++) counts[c] += counts[c - 1];
    const fill = counts.slice(0, counts.length - 1);
    for (let i = 0; i < this.N; i++) this.listAgents[fill[this.place[i] * N_KINDS + this.kind[i]]++] = i;
  }

  /** Agent position of a random agent of kind k at place p, or -1 if none. */
  randomAt(p: number, k: number, rng: Rng): number {
    const a = this.listStart[p * N_KINDS + k];
    const n = this.listStart[p * N_KINDS + k + 1] - a;
    return n > 0 ? this.listAgents[a + rng.int(n)] : -1;
  }
}
