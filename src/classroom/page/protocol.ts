/**
 * Messages between the classroom page (main thread) and its web workers. Workers own the
 * simulations; the page only draws what they send. Everything here is structured-clone
 * friendly (plain objects and typed arrays).
 */
import type { Policy, Scenario, Shock } from '../../scenario/schema';

/** A teacher's action, applied between ticks; replayed at the same tick by replicates. */
export type Action =
  | { kind: 'set'; path: string; value: number; regions: number[] }
  | { kind: 'policy'; policy: Record<string, unknown>; label: string; button?: string }
  | { kind: 'shock'; shock: Record<string, unknown>; label: string; button?: string };

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
  /** Barriers (water, mountains) between two places, by place index. */
  barriers: { from: number; to: number }[];
}

/** What changes every tick, read from the engine's view for drawing (in the worker). */
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

/** A policy seated at a place, marked on the map. */
export interface PlaceMarker {
  place: number;
  label: string;
}

/** A map canvas's size on the page (CSS pixels) and the screen's device pixel ratio. */
export interface MapSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/** The teacher's map choices: layers shown, large type, policy seats marked. */
export interface MapOptions {
  show: { ties: boolean; flows: boolean; pipelines: boolean; residents: boolean };
  projector: boolean;
  markers: PlaceMarker[];
}

/** What the page shows about a drawn map: its accessible name and what tests and buttons read. */
export interface MapInfo {
  summary: string;
  /** The largest place's centre in CSS pixels within the canvas (where a click inspects it). */
  placeCentre: [number, number] | undefined;
  links: number;
  pipelines: number;
}

export type ToWorker =
  /** `generation` counts the page's resets: map canvases sent for an older one are ignored. */
  | { type: 'load'; generation: number; regions: { scenario: Scenario; seed: number }[]; ticks: number; bridge?: PlacePair; scheduled?: AppliedAction[] }
  /** The page's map canvases for the run of `generation`, handed over to the worker to draw on. */
  | { type: 'maps'; generation: number; canvases: OffscreenCanvas[]; sizes: MapSize[]; options: MapOptions }
  | { type: 'mapOptions'; options: MapOptions }
  | { type: 'resize'; region: number; size: MapSize }
  /** A click on map `region` at CSS pixels (x, y): inspect what is there. */
  | { type: 'inspectAt'; region: number; x: number; y: number }
  /** Plays at `ticksPerSecond` (0: as fast as possible) and stops at tick `until` if given. */
  | { type: 'play'; ticksPerSecond: number; until?: number }
  | { type: 'pause' }
  | { type: 'step'; n: number }
  | { type: 'act'; action: Action }
  | { type: 'frameDrawn' }
  | { type: 'replicate'; job: ReplicateJob };

export type FromWorker =
  | { type: 'loaded'; generation: number; columns: string[]; regions: StaticView[]; tick: number }
  | {
      type: 'frame';
      tick: number;
      playing: boolean;
      /** New observation rows per region since the last frame (each aligned with columns). */
      rows: Float64Array[][];
      /** Each map as the worker last drew it. */
      maps: MapInfo[];
      /** Whether the bridge's link stands in region A. */
      bridgeBuilt: boolean;
      /** How long the worker's last map draw took (ms). */
      mapDrawMs: number;
      applied: AppliedAction[];
      ticksPerSecond: number;
    }
  | { type: 'replicateDone'; id: number; region: number; replicate: number; seed: number; outcome: Outcome }
  | { type: 'inspected'; report: InspectReport }
  | { type: 'error'; message: string };

/** What a click on the map shows: a place, or one firm or institution. */
export type InspectReport =
  | { kind: 'place'; region: number; place: number; name: string; firms: number; institutions: number; residents: number;
      ties: number; tiesOut: number; flowIn: number; flowOut: number; pipelines: number }
  | { kind: 'agent'; region: number; agent: number; what: string; place: string; alive: boolean;
      /** Tacit and explicit knowledge per domain, and the domains' current relevance. */
      tacit: number[]; explicit: number[]; relevance: number[];
      partners: number; pipelines: number; strongestTies: { agent: number; what: string; strength: number }[];
      /** Firms: mean cognitive distance of the partners learned from, and innovation value, in the late window (NaN before it). */
      partnerDistance: number; lateValue: number };

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

/** The Info tab's texts, taken from README.md and docs/ODD.md when the page is built. */
export interface PageInfo {
  /** What lrsim is (README's opening paragraphs). */
  about: string;
  /** The model's purpose (ODD section 1.1). */
  purpose: string;
  /** The phases of one tick (ODD section 3's schedule, one line each). */
  phases: string[];
  /** Version, licence, libraries and where the full model description is. */
  credits: string;
  /** docs/ODD.md, whole, opened as text from the Info tab. */
  modelDescription: string;
}

/** The data block of the page: the scenarios, the one selected first, and the Info texts. */
export interface PageData {
  scenarios: EmbeddedScenario[];
  initial: string;
  info: PageInfo;
}

export type { Policy, Shock };
