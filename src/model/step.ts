/**
 * The step as a list of phases (MODEL-SPEC 3), each a function of one step context, as
 * Agents.jl runs `for phase in phases: phase(model)` and MASON a Sequence of steppables.
 * The phases below only unpack the context and call the kernels, which keep explicit
 * arguments so tests can call them directly.
 */
import type { Scenario, Shock } from '../scenario/schema';
import type { TickCounters } from './counters';
import { demographyInPlace } from './demography';
import { runEncountersInPlace, standingPipelinesInPlace } from './encounters';
import { applyShockInPlace, updateRelevanceInPlace, type FrontierSettings } from './environment';
import type { Meeting } from './exchange';
import { accumulateAtypicalityInPlace, type FirmLog } from './firm-log';
import { innovationPhaseInPlace, recordCapabilitiesInPlace, type NoveltyWindow } from './innovation';
import type { KindTables } from './kind-tables';
import { conversionInPlace, obsolescenceInPlace, researchInPlace } from './knowledge-dynamics';
import type { Observer } from './metrics';
import type { Params } from './params';
import { activeParams, advancePoliciesInPlace, DISTANCES_CHANGED, rebuildForParamsInPlace, type PolicySlot } from './policies';
import { residentsPhaseInPlace } from './residents';
import type { Rng } from './rng';
import type { ModelState } from './state';
import { decayTiesInPlace } from './ties';

/** The run's named random streams (each built from the run's seed and its name). */
export interface Streams {
  readonly environment: Rng;
  readonly dynamics: Rng;
  readonly observe: Rng;
  readonly policy: Rng;
}

/** Everything a phase reads or changes: the model (state, params, streams) and the tick's books. */
export interface StepContext {
  readonly scenario: Scenario;
  readonly state: ModelState;
  /** Rebuilt when a policy starts or ends, or a live parameter moves. */
  params: Params;
  readonly rng: Streams;
  /** This tick's event counters and flow accounts. */
  readonly counters: TickCounters;
  /** Firm microdata (exits and the late-window atypicality), or null. */
  readonly log: FirmLog | null;
  /** Tables built from params: the meeting-partner kinds per place. */
  readonly kinds: KindTables;
  readonly frontier: FrontierSettings;
  readonly policySlots: PolicySlot[];
  /** Shocks still to come, by tick. */
  readonly shocks: Shock[];
  /** Ticks at which shocks were applied (for resilience). */
  readonly shockTicks: number[];
  /** The meeting context the exchange kernels share (no allocation per meeting). */
  readonly meeting: Meeting;
  readonly novelty: NoveltyWindow;
  /** Value innovated by each firm this tick. */
  readonly valueThisTick: Float64Array;
  readonly atypicalityScratch: Float64Array;
  readonly observer: Observer;
  /** The metrics row of the last observed tick (TIMESERIES_COLUMNS). */
  readonly row: Float64Array;
}

/** A phase of the step. */
export type Phase = (ctx: StepContext) => void;

/** Opens the tick's books: counters to zero, the novelty window at this tick. */
export function openTick(ctx: StepContext): void {
  ctx.counters.reset();
  ctx.novelty.begin(ctx.state.tick);
}

/** Phase 1: the frontier moves, shocks due now hit, policies start, grow or end. */
export function environment(ctx: StepContext): void {
  const st = ctx.state;
  updateRelevanceInPlace(st, ctx.frontier, ctx.rng.environment, true);
  let shocked = false;
  while (ctx.shocks.length > 0 && ctx.shocks[0].tick <= st.tick) {
    const shock = ctx.shocks.shift()!;
    applyShockInPlace(st, ctx.params, shock, ctx.rng.policy, ctx.frontier.speed);
    if (shock.kind !== 'plant') ctx.shockTicks.push(st.tick); // a plant is an experiment, not a crisis
    shocked = true;
  }
  if (shocked) updateRelevanceInPlace(st, ctx.frontier, ctx.rng.environment, false);
  const changed = advancePoliciesInPlace(st, ctx.policySlots, ctx.params, ctx.scenario.contacts.broker_rate, ctx.rng.policy, ctx.counters);
  if (changed !== 0) reparameterize(ctx, (changed & DISTANCES_CHANGED) !== 0);
}

/** Rebuilds params from the scenario and the active policies, and the tables built from them. */
export function reparameterize(ctx: StepContext, distances: boolean): void {
  ctx.params = activeParams(ctx.scenario, ctx.policySlots);
  rebuildForParamsInPlace(ctx.state, ctx.kinds, ctx.params, distances);
}

/** Phase 2: obsolescence (firms by use, institutions and residents at a flat rate) and attention. */
export function obsolescence(ctx: StepContext): void {
  obsolescenceInPlace(ctx.state, ctx.params);
}

/** Phases 3-4: the tick's meetings and their exchange. */
export function encounters(ctx: StepContext): void {
  runEncountersInPlace(ctx.state, ctx.params, ctx.kinds, ctx.rng.dynamics, ctx.counters, ctx.meeting);
}

/** Phase 4: the standing flow of every pipeline. */
export function standingPipelines(ctx: StepContext): void {
  standingPipelinesInPlace(ctx.state, ctx.params, ctx.counters, ctx.meeting);
}

/** Phase 5: residents' workplace learning, job moves, training and migration. */
export function residents(ctx: StepContext): void {
  residentsPhaseInPlace(ctx.state, ctx.params, ctx.rng.dynamics, ctx.counters, ctx.meeting);
}

/** Phase 6: SECI conversion. */
export function conversion(ctx: StepContext): void {
  conversionInPlace(ctx.state, ctx.params);
}

/** Phase 7: innovation. */
export function innovation(ctx: StepContext): void {
  innovationPhaseInPlace(ctx.state, ctx.params, ctx.rng.dynamics, ctx.counters, ctx.valueThisTick, ctx.novelty);
}

/** Phase 7: research by universities and institutes. */
export function research(ctx: StepContext): void {
  researchInPlace(ctx.state, ctx.params);
}

/** Phase 8: firm exits and entries. */
export function demography(ctx: StepContext): void {
  demographyInPlace(ctx.state, ctx.params, ctx.rng.dynamics, ctx.counters, ctx.log);
}

/** Phase 9: ties decay. */
export function ties(ctx: StepContext): void {
  decayTiesInPlace(ctx.state, ctx.params);
}

/** The tick's capability masks for the novelty of later innovations (phase 7's lagged S). */
export function capabilities(ctx: StepContext): void {
  recordCapabilitiesInPlace(ctx.state, ctx.params);
}

/** Phase 10: observation (the metrics row; the microdata's atypicality in the late window). */
export function observe(ctx: StepContext): void {
  const st = ctx.state;
  if (ctx.log && st.tick >= st.lateStart) accumulateAtypicalityInPlace(st, ctx.atypicalityScratch);
  ctx.observer.observeInto(ctx.row, ctx.params, ctx.counters, ctx.novelty.mean(), ctx.rng.observe);
}

/** Closes the tick. */
export function closeTick(ctx: StepContext): void {
  ctx.state.tick++;
}

/** One tick: the phases of MODEL-SPEC 3 in order. */
export const PHASES: readonly Phase[] = [openTick, environment, obsolescence, encounters, standingPipelines, residents, conversion, innovation, research, demography, ties, capabilities, observe, closeTick];
