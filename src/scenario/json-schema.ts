/** The JSON Schema of scenario files (committed as scenario.schema.json at the repo root). */
import { scenarioJsonSchema } from './schema';

/** The schema as the exact text of scenario.schema.json (2-space JSON, final newline). */
export function scenarioSchemaText(): string {
  const schema = scenarioJsonSchema() as Record<string, unknown>;
  const titled = {
    $schema: schema.$schema,
    title: 'lrsim scenario',
    description: 'A scenario file of lrsim (YAML or JSON). Generated from src/scenario/schema.ts by `lrsim schema`.',
    ...schema,
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
