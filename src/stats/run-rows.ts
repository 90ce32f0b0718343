/**
 * The rows a sweep's statistics are computed from: one per finished run, one per point x
 * arm. Types only, in their own module so the estimators that read them (arm contrasts,
 * design effects, recovery, firm curves, sensitivity) need not import sweep-stats, which
 * imports them (no import cycles).
 */
import type { SeriesBand } from './series-band';
import type { Summary } from './summary';
import type { Share } from './wilson';

/** One finished run, without its series. */
export interface RunRow {
  key: string;
  point: number;
  arm: string;
  armIndex: number;
  replicate: number;
  seed: number;
  params: Record<string, unknown>;
  outcomes: Record<string, number>;
  /** Why the run is degenerate (no firm alive, no knowledge, no late innovation), or null. */
  degenerate: string | null;
}

/** Statistics of the runs of one point x arm. */
export interface GroupStats {
  point: number;
  arm: string;
  armIndex: number;
  params: Record<string, unknown>;
  /** e.g. "proximity.social_closure = 0.5 · cluster": parameters by their full dot path (findings, stats.csv). */
  label: string;
  pointLabel: string;
  /** The same with short parameter names (shortParamNames), for charts' legends and facets. */
  chartLabel: string;
  chartPointLabel: string;
  runs: number;
  outcomes: Record<string, Summary>;
  lockedIn: Share;
  series: Record<string, SeriesBand>;
  /** Mean P x P tacit flows between places over the group's runs (row = learner's place). */
  placeFlows: number[] | null;
}
