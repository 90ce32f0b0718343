/**
 * The step: one tick is the ten phases of MODEL-SPEC 3, in order, each a function over
 * the state and a random stream. The driver (single run, sweep worker, browser page)
 * is separate: it calls `step()` and reads `observe()`.
 */
import type { Policy, Scenario, Shock } from '../scenario/schema';
import { TickCounters } from './counters';
import { demographyInPlace } from './demography';
import { runEncountersInPlace, standingPipelinesInPlace } from './encounters';
import { applyShockInPlace, frontierSettings, updateRelevanceInPlace, type FrontierSettings } from './environment';
import { accumulateAtypicalityInPlace, FirmLog } from './firm-log';
import { initState } from './init';
import { innovationPhaseInPlace, NoveltyWindow, recordCapabilitiesInPlace } from './innovation';
import { KindTables } from './kind-tables';
import { conversionInPlace, obsolescenceInPlace, researchInPlace } from './knowledge-dynamics';
import { Observer, TIMESERIES_COLUMNS } from './metrics';
import { applyParameterPolicy, baseParams, type Params } from './params';
import { endStructural, growStructural, isActive, startStructural, type PolicySlot } from './policies';
import { residentsPhaseInPlace } from './residents';
import { Rng } from './rng';
import type { ModelState } from './state';
import { decayTiesInPlace } from './ties';

/** Parameters a classroom slider may move while a run is going. */
export const LIVE_PARAMETERS = [
  'openness',
  'proximity.geographic_decay_km',
  'proximity.social_closure',
  'proximity.cognitive_homophily',
  'proximity.trust_floor',
  'labour.mobility',
  'learning.participation',
  'contacts.per_tick',
  'migration.rate',
] as const;

export class Simulation {
  readonly scenario: Scenario;
  readonly state: ModelState;
  params: Params;
  readonly counters = new TickCounters();
  readonly row: Float64Array;
  readonly firmLog: FirmLog | null;
  private readonly atypicalityScratch: Float64Array;
  private readonly frontier: FrontierSettings;
  private readonly kinds: KindTables;
  private readonly observer: Observer;
  private readonly novelty: NoveltyWindow;
  private readonly valueThisTick: Float64Array;
  private readonly rngEnv: Rng;
  private readonly rngDyn: Rng;
  private readonly rngObs: Rng;
  private readonly rngPolicy: Rng;
  private readonly policySlots: PolicySlot[] = [];
  private readonly shocks: Shock[];
  /** Ticks at which shocks were applied (for resilience). */
  readonly shockTicks: number[] = [];

  constructor(scenario: Scenario, readonly seed: number, options: { microdata?: boolean; ticks?: number } = {}) {
    this.scenario = structuredClone(scenario);
    const s = this.scenario;
    if (options.ticks !== undefined) s.ticks = options.ticks;
    this.params = baseParams(s);
    this.state = initState(s, this.params, new Rng(seed, 'world'));
    this.rngEnv = new Rng(seed, 'environment');
    this.rngDyn = new Rng(seed, 'dynamics');
    this.rngObs = new Rng(seed, 'observe');
    this.rngPolicy = new Rng(seed, 'policy');
    this.frontier = frontierSettings(s);
    this.kinds = new KindTables(this.state, this.params);
    this.observer = new Observer(this.state, s.observe.sample);
    this.novelty = new NoveltyWindow(s.observe.window);
    this.valueThisTick = new Float64Array(this.state.F);
    this.row = new Float64Array(TIMESERIES_COLUMNS.length);
    this.firmLog = options.microdata ? new FirmLog() : null;
    this.atypicalityScratch = new Float64Array(this.state.K);
    this.state.lateStart = Math.max(0, s.ticks - s.observe.window);
    for (const p of s.policies) this.policySlots.push({ policy: p, active: false, group: -1, link: null });
    this.shocks = [...s.shocks].sort((a, b) => a.tick - b.tick);
    // Start from a history: relevance, masks and external knowledge as of tick 0.
    updateRelevanceInPlace(this.state, this.frontier, this.rngEnv, false);
    for (let t = 0; t < this.state.lagSlots; t++) {
      this.state.tick = t;
      recordCapabilitiesInPlace(this.state, this.params);
    }
    this.state.tick = 0;
  }

  /** Ticks completed so far. */
  get tick(): number {
    return this.state.tick;
  }

  /** Runs one tick: the ten phases of MODEL-SPEC 3. */
  step(): void {
    const st = this.state;
    const c = this.counters;
    c.reset();
    this.novelty.begin(st.tick);
    this.environmentPhase(); // 1
    obsolescenceInPlace(st, this.params); // 2
    runEncountersInPlace(st, this.params, this.kinds, this.rngDyn, c); // 3-4
    standingPipelinesInPlace(st, this.params, c); // 4 (standing pipeline flow)
    residentsPhaseInPlace(st, this.params, this.rngDyn, c); // 5
    const residentSkill = conversionInPlace(st, this.params); // 6 (+ residents' obsolescence)
    innovationPhaseInPlace(st, this.params, this.rngDyn, c, this.valueThisTick, this.novelty); // 7
    researchInPlace(st, this.params); // 7 (research)
    demographyInPlace(st, this.params, this.rngDyn, c, this.firmLog); // 8
    decayTiesInPlace(st, this.params); // 9
    recordCapabilitiesInPlace(st, this.params);
    if (this.firmLog && st.tick >= st.lateStart) accumulateAtypicalityInPlace(st, this.atypicalityScratch);
    this.observer.observeInto(this.row, this.params, c, this.novelty.mean(), residentSkill, this.rngObs); // 10
    st.tick++;
  }

  /** The metrics row of the last completed tick, aligned with TIMESERIES_COLUMNS. */
  observe(): Float64Array {
    return this.row;
  }

  /** Phase 1: frontier, shocks, policies starting or ending. */
  private environmentPhase(): void {
    const st = this.state;
    updateRelevanceInPlace(st, this.frontier, this.rngEnv, true);
    let shocked = false;
    while (this.shocks.length > 0 && this.shocks[0].tick <= st.tick) {
      const shock = this.shocks.shift()!;
      applyShockInPlace(st, this.params, shock, this.rngPolicy, this.frontier.speed);
      if (shock.kind !== 'plant') this.shockTicks.push(st.tick); // a plant is an experiment, not a crisis
      shocked = true;
    }
    if (shocked) updateRelevanceInPlace(st, this.frontier, this.rngEnv, false);
    let changed = false;
    let distances = false;
    for (const slot of this.policySlots) {
      const on = isActive(slot.policy, st.tick);
      if (on && !slot.active) {
        distances = startStructural(st, slot, this.params.phi, this.rngPolicy, this.scenario.contacts.broker_rate) || distances;
        slot.active = true;
        changed = true;
      } else if (!on && slot.active) {
        distances = endStructural(st, slot) || distances;
        slot.active = false;
        changed = true;
      }
      if (slot.active) {
        growStructural(st, slot, this.rngPolicy);
        this.counters.policyCost += slot.policy.cost;
      }
    }
    if (changed) this.refreshParams(distances);
  }

  /** Rebuilds Params from the scenario and the active policies; distances if links changed. */
  private refreshParams(distances: boolean): void {
    const p = baseParams(this.scenario);
    for (const slot of this.policySlots) if (slot.active) applyParameterPolicy(p, slot.policy);
    this.params = p;
    const sp = this.state.space;
    if (distances) sp.rebuild(this.state.links, p.lambdaT, p.lambdaE, p.geoDecayKm);
    else sp.rebuildKernels(p.lambdaT, p.lambdaE, p.geoDecayKm);
    this.state.rebuildTeacherTables(p.geoDecayKm);
    this.kinds.rebuild(this.state, p);
  }

  /** Moves a live parameter (classroom sliders); see LIVE_PARAMETERS. */
  setParameter(path: string, value: number): void {
    if (!(LIVE_PARAMETERS as readonly string[]).includes(path)) throw new Error(`not a live parameter: ${path}`);
    if (!Number.isFinite(value)) throw new Error(`${path} must be a finite number`);
    const keys = path.split('.');
    let obj = this.scenario as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) obj = obj[k] as Record<string, unknown>;
    obj[keys[keys.length - 1]] = value;
    this.refreshParams(false);
  }

  /** Adds a policy mid-run (starts now if its start has passed). */
  addPolicy(policy: Policy): void {
    const p = { ...policy, start: Math.max(policy.start, this.state.tick) } as Policy;
    if (p.end !== undefined && p.end <= p.start) p.end = undefined;
    this.policySlots.push({ policy: p, active: false, group: -1, link: null });
  }

  /** Adds a shock mid-run (applied at the next tick if its tick has passed). */
  addShock(shock: Shock): void {
    this.shocks.push({ ...shock, tick: Math.max(shock.tick, this.state.tick) });
    this.shocks.sort((a, b) => a.tick - b.tick);
  }

  /** Typed arrays for drawing (updated in place every tick). */
  get view() {
    const st = this.state;
    return {
      nAgents: st.N,
      nFirms: st.F,
      firstInstitution: st.F,
      firstResident: st.firstResident,
      kind: st.kind,
      alive: st.alive,
      x: st.x,
      y: st.y,
      placeNames: st.placeNames,
      placeX: st.space.x,
      placeY: st.space.y,
      placePopulation: st.space.population,
      links: st.links.map((l) => ({ from: l.from, to: l.to })),
      maxTies: st.maxTies,
      tieTarget: st.tieTarget,
      tieStrength: st.tieStrength,
      maxPipes: st.maxPipes,
      pipeTarget: st.pipeTarget,
      pipeStrength: st.pipeStrength,
      group: st.group,
    };
  }
}

