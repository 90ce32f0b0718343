/**
 * The models' public face: every model a scenario may name (`model:`), looked up by name.
 * The sweep worker, the CLI, the dictionary and the report take columns and outcomes from
 * here instead of the learning-region engine's constants.
 */
import type { Scenario } from '../scenario/schema';
import { cowanJonard2004 } from './cowan-jonard-2004';
import type { ModelDefinition } from './definition';
import { learningRegion } from './learning-region';
import { march1991 } from './march-1991';
import { DEFAULT_MODEL, type ModelName } from './names';

export { MODEL_NAMES, MODEL_SECTIONS, DEFAULT_MODEL, type ModelName, type ReferenceModelName } from './names';
export { steppedRun, type ModelDefinition, type ModelResult, type ModelRunOptions, type SteppedModel } from './definition';

export const MODELS: Readonly<Record<ModelName, ModelDefinition>> = {
  'learning-region': learningRegion,
  'march-1991': march1991,
  'cowan-jonard-2004': cowanJonard2004,
};

/** The model a validated scenario runs (learning-region unless `model:` says otherwise). */
export function modelOf(scenario: Pick<Scenario, 'model'>): ModelDefinition {
  return MODELS[scenario.model ?? DEFAULT_MODEL];
}
