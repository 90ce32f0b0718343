/**
 * The targets file of `lrsim calibrate`: the observed patterns (run outcomes, or a
 * time-series column summarised over a tick window), the parameters to calibrate with
 * their priors, and the settings of the sampler. The zod schema is the single source of
 * types, defaults and the published JSON Schema (targets.schema.json).
 */
import { z } from 'zod';
import { lineText } from '../scenario/schema';

export const SUMMARIES = ['mean', 'last', 'slope'] as const;
export type SummaryKind = (typeof SUMMARIES)[number];

const finite = () => z.number().finite();

export const TargetSchema = z.strictObject({
  // One line without control characters or bidirectional overrides, as scenario text (the name reaches CSV headers, charts and the report).
  name: lineText(1, 80).optional().describe('Label in tables and charts (default: the outcome, or column:summary); one line, without control characters or bidirectional overrides.'),
  outcome: z.string().optional().describe('A run outcome (as in summary.json and runs.csv), e.g. external_tie_share_final.'),
  column: z.string().optional().describe('A time-series column (as in timeseries.csv), summarised over the window.'),
  summary: z.enum(SUMMARIES).default('mean').describe('How a column is summarised over [from, to): mean, last (value at the last observed tick) or slope (least-squares slope per tick).'),
  from: z.number().int().min(0).optional().describe('First tick of the window (default 0).'),
  to: z.number().int().min(1).optional().describe('Tick after the window (default: the end of the run).'),
  observed: finite().describe('The observed value.'),
  scale: finite().positive().describe('Standard deviation or tolerance of this target: the distance counts (simulated - observed) / scale.'),
  weight: finite().min(0).default(1).describe('Weight of this target in the distance.'),
});

const bounds = {
  min: finite().optional().describe('Lower bound (default: the setting\'s schema limit; required for log_uniform and uniform).'),
  max: finite().optional().describe('Upper bound (default: the setting\'s schema limit).'),
};
export const PriorSchema = z.discriminatedUnion('prior', [
  z.strictObject({ prior: z.literal('uniform'), ...bounds }),
  z.strictObject({ prior: z.literal('log_uniform'), ...bounds }),
  z.strictObject({ prior: z.literal('normal'), mean: finite(), sd: finite().positive(), ...bounds }),
]);

export const AbcSchema = z.strictObject({
  particles: z.number().int().min(10).max(100_000).default(100).describe('Particles per generation.'),
  replicates: z.number().int().min(1).max(1000).default(1).describe('Simulations per particle; their summaries are averaged.'),
  alpha: finite().gt(0).lt(1).default(0.5).describe('Each tolerance is this weighted quantile of the previous generation\'s distances.'),
  final_tolerance: finite().min(0).default(1).describe('Stop once a generation is accepted at this distance.'),
  min_acceptance: finite().gt(0).max(1).default(0.02).describe('Stop when the acceptance rate falls below this.'),
  max_generations: z.number().int().min(1).max(1000).default(10).describe('Stop after this many generations.'),
  max_runs: z.number().int().min(1).max(100_000_000).default(2000).describe('Budget of simulations; a generation that would exceed it is abandoned.'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1).describe('Calibration seed: every simulation seed derives from it.'),
  predictive_draws: z.number().int().min(0).max(10_000).default(20).describe('Posterior draws simulated for the posterior predictive check.'),
});

export const TargetsFileSchema = z.strictObject({
  description: z.string().max(20_000).default('').describe('What is calibrated to what (shown in the report).'),
  targets: z.array(TargetSchema).max(200).describe('The observed patterns.'),
  parameters: z.record(z.string(), PriorSchema).describe('Dot paths (as --set accepts them) to their priors.'),
  abc: AbcSchema.prefault({}).describe('The ABC-SMC sampler.'),
});

export type TargetInput = z.infer<typeof TargetSchema>;
export type AbcConfig = z.infer<typeof AbcSchema>;
export type TargetsFile = z.infer<typeof TargetsFileSchema>;

/** The JSON Schema of targets files, as the exact text of targets.schema.json. */
export function targetsSchemaText(): string {
  const schema = z.toJSONSchema(TargetsFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const titled = {
    $schema: schema.$schema,
    title: 'lrsim calibration targets',
    description: 'A targets file of `lrsim calibrate` (YAML or JSON). Generated from src/calibrate/targets.ts by `lrsim schema --targets`.',
    ...schema,
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
