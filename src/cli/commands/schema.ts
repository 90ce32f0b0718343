/** `lrsim schema [--out FILE]`: the JSON Schema of scenario files, for editors. */
import type { CommandModule } from 'yargs';
import { checkOwnedOutputFile } from '../../io/owned-file';
import { writeFilesAtomic } from '../../io/output-dir';
import { cliMessages } from '../../scenario/errors';
import { scenarioSchemaText } from '../../scenario/json-schema';
import { basename, dirname } from 'node:path';

/** lrsim knows a schema file it wrote by this title near the top (see src/io/owned-file.ts). */
export const SCHEMA_MARKER = '"title": "lrsim scenario"';

export const schemaCommand: CommandModule<object, { out?: string; force: boolean }> = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (or write it with --out)',
  builder: (y) =>
    y
      .option('out', { type: 'string', describe: 'Write the schema to this file instead of stdout (an existing file only if lrsim wrote it, or with --force)' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite an --out file that lrsim did not write' })
      .example('$0 schema --out scenario.schema.json', 'refresh the schema committed at the repo root'),
  handler: (args) => {
    if (args.out !== undefined) checkOwnedOutputFile('--out', args.out, SCHEMA_MARKER, 'lrsim schema', args.force);
    const text = scenarioSchemaText();
    if (args.out !== undefined) {
      if (!text.includes(SCHEMA_MARKER)) throw new Error(`the schema text lacks its marker ${SCHEMA_MARKER}`);
      writeFilesAtomic(dirname(args.out), { [basename(args.out)]: text });
      process.stderr.write(`${cliMessages.wroteSchema(args.out)}\n`);
    } else process.stdout.write(text);
  },
};
