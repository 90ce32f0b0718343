/** The learning-region engine (src/model) behind the model boundary. */
import { OUTCOME_KEYS, runScenario, TIMESERIES_COLUMNS } from '../model';
import type { ModelDefinition } from './definition';

export const learningRegion: ModelDefinition = {
  name: 'learning-region',
  title: 'lrsim learning region',
  description: 'Firms, residents and institutions in a region learn through local buzz, global pipelines, labour mobility and lifelong learning while a technological frontier moves (docs/ODD.md).',
  references: ['docs/ODD.md and /work/shared/MODEL-SPEC.md'],
  section: null,
  columns: TIMESERIES_COLUMNS,
  outcomes: OUTCOME_KEYS,
  regionLayers: true,
  run: (scenario, options) => runScenario(scenario, options),
};
