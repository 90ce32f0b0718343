/**
 * Messages between the classroom page (main thread) and its web workers. Workers own the
 * simulations; the page only draws what they send. Everything here is structured-clone
 * friendly (plain objects and typed arrays).
 */
import type { Policy, Scenario, Shock } from '../../scenario/schema';

/** A teacher's action, applied between ticks; replayed at the same tick by replicates. */
export type Action =
  | { kind: 'set'; path: string; value: number; regions: number[] }
  | { kind: 'policy'; policy: Record<string, unknown>; label: string }
  | { kind: 'shock'; shock: Record<string, unknown>; label: string };

/** An action as it was applied: `tick` is the simulation's tick when it took effect. */
export interface AppliedAction {
  tick: number;
  action: Action;
}

/** What never changes during a run: sent once per region after a (re)load. */
export interface StaticView {
  nAgents: number;
  nFirms: number;
  firstInstitution: number;
  firstResident: number;
  kind: Uint8Array;
  placeNames: string[];
  placeX: Float64Array;
  placeY: Float64Array;
  placePopulation: Float64Array;
  maxTies: number;
  maxPipes: number;
  externalPartners: number;
}

/** What changes every tick, copied out of the engine's view for drawing. */
export interface DynamicView {
  alive: Uint8Array;
  x: Float32Array;
  y: Float32Array;
  links: { from: number; to: number }[];
  /** Local ties among firms and institutions (residents' ties are not drawn): pairs and strengths. */
  tieFrom: Int32Array;
  tieTo: Int32Array;
  tieStrength: Float32Array;
  /** Tacit flow between places (P x P, learner's place first), recent ticks' moving mean. */
  placeFlow: Float64Array;
  /** Group (intermediary, cluster organisation, creative space) of each agent, -1 none. */
  group: Int32Array;
  /** Pipelines of all region agents: holder, external partner, strength. */
  pipeFrom: Int32Array;
  pipePartner: Int32Array;
  pipeStrength: Float32Array;
}

export type ToWorker =
  | { type: 'load'; regions: { scenario: Scenario; seed: number }[]; ticks: number; bridge?: PlacePair }
  | { type: 'play'; ticksPerSecond: number }
  | { type: 'pause' }
  | { type: 'step'; n: number }
  | { type: 'act'; action: Action }
  | { type: 'frameDrawn' }
  | { type: 'replicate'; job: ReplicateJob };

export type FromWorker =
  | { type: 'loaded'; columns: string[]; regions: StaticView[]; tick: number }
  | {
      type: 'frame';
      tick: number;
      playing: boolean;
      /** New observation rows per region since the last frame (each aligned with columns). */
      rows: Float64Array[][];
      views: DynamicView[];
      applied: AppliedAction[];
      ticksPerSecond: number;
    }
  | { type: 'replicateDone'; id: number; region: number; replicate: number; seed: number; outcome: Outcome }
  | { type: 'error'; message: string };

/** Two places whose tacit exchange is followed (the bridge's ends), by name. */
export interface PlacePair {
  from: string;
  to: string;
}

/**
 * Columns the worker appends to the engine's TIMESERIES_COLUMNS: tacit flow per tick
 * between the bridge's two places (both directions), and the mean over all other pairs.
 */
export const PLACE_FLOW_COLUMNS = ['tacit_flow_bridge_pair', 'tacit_flow_other_pairs'] as const;

/** One background replicate: the class's starting scenario, a new seed, the same actions. */
export interface ReplicateJob {
  id: number;
  region: number;
  replicate: number;
  scenario: Scenario;
  seed: number;
  ticks: number;
  actions: AppliedAction[];
  bridge?: PlacePair;
}

/** The outcomes the ensemble reveal compares (computed the same way for every run). */
export interface Outcome {
  innovationValueLate: number;
  lockInLate: number;
  lockedIn: boolean;
}

/** A scenario as embedded in the page (resolved, every default filled in). */
export interface EmbeddedScenario {
  name: string;
  description: string;
  teachingNote: string;
  scenario: Scenario;
}

/** The data block of the page: the scenarios and the one selected first. */
export interface PageData {
  scenarios: EmbeddedScenario[];
  initial: string;
}

export type { Policy, Shock };
