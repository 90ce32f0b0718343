/** `lrsim schema [--targets] [--out FILE]`: the JSON Schema of scenario files (or of calibration targets files), for editors. */
import { writeFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { cliMessages } from '../../scenario/errors';
import { scenarioSchemaText } from '../../scenario/json-schema';
import { targetsSchemaText } from '../../calibrate/targets';

export const schemaCommand: CommandModule<object, { out?: string; targets: boolean }> = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (or write it with --out)',
  builder: (y) =>
    y
      .option('out', { type: 'string', describe: 'Write the schema to this file instead of stdout' })
      .option('targets', { type: 'boolean', default: false, describe: 'The schema of calibration targets files (lrsim calibrate) instead' })
      .example('$0 schema --out scenario.schema.json', 'refresh the schema committed at the repo root')
      .example('$0 schema --targets --out targets.schema.json', 'refresh the targets schema'),
  handler: (args) => {
    const text = args.targets ? targetsSchemaText() : scenarioSchemaText();
    if (args.out) {
      writeFileSync(args.out, text);
      process.stderr.write(`${cliMessages.wroteSchema(args.out)}\n`);
    } else process.stdout.write(text);
  },
};
