/**
 * What the calibration outputs are written from. Types only, apart from outputs.ts so the
 * charts and the report page can read them without importing outputs.ts, which imports
 * both (no import cycles).
 */
import type { Scenario } from '../scenario/schema';
import type { AbcResult } from './abc-smc';
import type { CalibrationSpec } from './load-targets';

/** One posterior predictive simulation. */
export interface PredictiveDraw {
  draw: number;
  /** The final-generation particle it was drawn from. */
  particle: number;
  params: Record<string, number>;
  values: number[];
}

export interface CalibrationOutputInput {
  spec: CalibrationSpec;
  scenario: Scenario;
  scenarioSource: string;
  result: AbcResult;
  predictive: PredictiveDraw[];
  images: boolean;
}
