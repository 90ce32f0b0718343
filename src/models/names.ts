/**
 * Leaf module (imports nothing): the models a scenario's `model` key may name and the
 * scenario section that holds each model's parameters. The schema, the registry and the
 * messages read these names from here, so no import cycle can form through them.
 */
export const MODEL_NAMES = ['learning-region', 'march-1991', 'cowan-jonard-2004'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];
export const DEFAULT_MODEL: ModelName = 'learning-region';

/** The scenario key of each reference model's own section (the learning region uses the top level). */
export const MODEL_SECTIONS = { 'march-1991': 'march_1991', 'cowan-jonard-2004': 'cowan_jonard_2004' } as const;
export type ReferenceModelName = keyof typeof MODEL_SECTIONS;

/** Time-series columns (the first is always `tick`) and run outcomes of the reference models (definitions in src/dictionary). */
export const MARCH_COLUMNS = ['tick', 'code_knowledge', 'member_knowledge_mean', 'superior_members', 'divergence_from_code'] as const;
export const MARCH_OUTCOMES = ['code_knowledge_final', 'member_knowledge_final', 'equilibrium_reached', 'equilibrium_period'] as const;
export const CJ_COLUMNS = ['tick', 'mean_knowledge', 'knowledge_variance', 'knowledge_cv', 'trades'] as const;
export const CJ_OUTCOMES = ['mean_knowledge_final', 'knowledge_variance_final', 'knowledge_cv_final', 'average_path_length', 'network_clustering', 'frozen', 'frozen_period'] as const;
/** Outcome keys of each reference model (the learning region's are OUTCOME_KEYS in src/model). */
export const REFERENCE_OUTCOMES: Record<ReferenceModelName, readonly string[]> = { 'march-1991': MARCH_OUTCOMES, 'cowan-jonard-2004': CJ_OUTCOMES };
