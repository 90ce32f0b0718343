/** `lrsim schema [--out FILE]`: the JSON Schema of scenario files, for editors. */
import { writeFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { cliMessages } from '../../scenario/errors';
import { scenarioSchemaText } from '../../scenario/json-schema';

export const schemaCommand: CommandModule<object, { out?: string }> = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (or write it with --out)',
  builder: (y) =>
    y
      .option('out', { type: 'string', describe: 'Write the schema to this file instead of stdout' })
      .example('$0 schema --out scenario.schema.json', 'refresh the schema committed at the repo root'),
  handler: (args) => {
    const text = scenarioSchemaText();
    if (args.out) {
      writeFileSync(args.out, text);
      process.stderr.write(`${cliMessages.wroteSchema(args.out)}\n`);
    } else process.stdout.write(text);
  },
};
