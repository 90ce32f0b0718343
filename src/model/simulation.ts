/**
 * The model: one run's state, params and named random streams, built from a scenario and
 * a seed. `step()` runs the list of phases (step.ts) over one step context. The driver
 * (single run, sweep worker, browser page) is separate: it calls `step()` and reads
 * `observe()`.
 */
import type { Policy, Scenario, Shock } from '../scenario/schema';
import { TickCounters } from './counters';
import { frontierSettings, updateRelevanceInPlace } from './environment';
import { Meeting } from './exchange';
import { FirmLog } from './firm-log';
import { initState } from './init';
import { NoveltyWindow, recordCapabilitiesInPlace } from './innovation';
import { KindTables } from './kind-tables';
import { Observer, TIMESERIES_COLUMNS } from './metrics';
import { baseParams, type Params } from './params';
import { Rng } from './rng';
import type { ModelState } from './state';
import { PHASES, reparameterize, type StepContext } from './step';

export class Simulation {
  readonly scenario: Scenario;
  readonly state: ModelState;
  private readonly ctx: StepContext;

  constructor(scenario: Scenario, readonly seed: number, options: { microdata?: boolean; ticks?: number } = {}) {
    this.scenario = structuredClone(scenario);
    const s = this.scenario;
    if (options.ticks !== undefined) s.ticks = options.ticks;
    const params = baseParams(s);
    const st = initState(s, params, new Rng(seed, 'world'));
    this.state = st;
    const frontier = frontierSettings(s);
    this.ctx = {
      scenario: s,
      state: st,
      params,
      rng: { environment: new Rng(seed, 'environment'), dynamics: new Rng(seed, 'dynamics'), observe: new Rng(seed, 'observe'), policy: new Rng(seed, 'policy') },
      counters: new TickCounters(),
      log: options.microdata ? new FirmLog() : null,
      kinds: new KindTables(st, params),
      frontier,
      policySlots: s.policies.map((policy) => ({ policy, active: false, group: -1, link: null })),
      shocks: [...s.shocks].sort((a, b) => a.tick - b.tick),
      shockTicks: [],
      meeting: new Meeting(),
      novelty: new NoveltyWindow(s.observe.window),
      valueThisTick: new Float64Array(st.F),
      atypicalityScratch: new Float64Array(st.K),
      observer: new Observer(st, s.observe.sample),
      row: new Float64Array(TIMESERIES_COLUMNS.length),
    };
    st.lateStart = Math.max(0, s.ticks - s.observe.window);
    // Start from a history: relevance, masks and external knowledge as of tick 0.
    updateRelevanceInPlace(st, frontier, this.ctx.rng.environment, false);
    for (let t = 0; t < st.lagSlots; t++) {
      st.tick = t;
      recordCapabilitiesInPlace(st, params);
    }
    st.tick = 0;
  }

  /** Ticks completed so far. */
  get tick(): number {
    return this.state.tick;
  }

  /** The parameters in force (the scenario's, with active parameter policies applied). */
  get params(): Params {
    return this.ctx.params;
  }

  /** This tick's event counters and flow accounts. */
  get counters(): TickCounters {
    return this.ctx.counters;
  }

  /** The firm microdata, if asked for. */
  get firmLog(): FirmLog | null {
    return this.ctx.log;
  }

  /** Ticks at which shocks were applied (for resilience). */
  get shockTicks(): readonly number[] {
    return this.ctx.shockTicks;
  }

  /** Runs one tick: the phases of MODEL-SPEC 3 (step.ts, PHASES). */
  step(): void {
    const ctx = this.ctx;
    for (const phase of PHASES) phase(ctx);
  }

  /**
   * Runs one tick as step() does, adding each phase's time (clock() after minus before,
   * in the clock's unit) to spent[phase index in PHASES]: the benchmark's phase breakdown.
   */
  stepTimed(spent: Float64Array, clock: () => number): void {
    const ctx = this.ctx;
    for (let k = 0; k < PHASES.length; k++) {
      const t0 = clock();
      PHASES[k](ctx);
      spent[k] += clock() - t0;
    }
  }

  /** The metrics row of the last completed tick, aligned with TIMESERIES_COLUMNS. */
  observe(): Float64Array {
    return this.ctx.row;
  }

  /** Rebuilds params after this.scenario was edited (a live parameter moved). */
  reparameterize(): void {
    reparameterize(this.ctx, false);
  }

  /** Adds a policy mid-run (starts now if its start has passed). */
  addPolicy(policy: Policy): void {
    const p = { ...policy, start: Math.max(policy.start, this.state.tick) } as Policy;
    if (p.end !== undefined && p.end <= p.start) p.end = undefined;
    this.ctx.policySlots.push({ policy: p, active: false, group: -1, link: null });
  }

  /** Adds a shock mid-run (applied at the next tick if its tick has passed). */
  addShock(shock: Shock): void {
    const shocks = this.ctx.shocks;
    shocks.push({ ...shock, tick: Math.max(shock.tick, this.state.tick) });
    shocks.sort((a, b) => a.tick - b.tick);
  }
}
