/** `lrsim schema [--targets] [--out FILE]`: the JSON Schema of scenario files (or of calibration targets files), for editors. */
import type { CommandModule } from 'yargs';
import { checkOwnedOutputFile, type OwnedKind } from '../../io/owned-file';
import { writeFilesAtomic } from '../../io/output-dir';
import { cliMessages } from '../messages';
import { scenarioSchemaText } from '../../scenario/json-schema';
import { basename, dirname } from 'node:path';
import { targetsSchemaText } from '../../calibrate/targets';

/** lrsim knows a schema file it wrote by this title near the top (see src/io/owned-file.ts). */
export const SCHEMA_MARKER = '"title": "lrsim scenario"';
/** The same for the calibration targets schema. */
export const TARGETS_MARKER = '"title": "lrsim calibration targets"';

const SCENARIO_SCHEMA: OwnedKind = { marker: SCHEMA_MARKER, writer: 'lrsim schema', what: 'the scenario schema', example: 'scenario.schema.json' };
const TARGETS_SCHEMA: OwnedKind = { marker: TARGETS_MARKER, writer: 'lrsim schema --targets', what: 'the targets schema', example: 'targets.schema.json' };

export const schemaCommand: CommandModule<object, { out?: string; targets: boolean; force: boolean }> = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (or write it with --out)',
  builder: (y) =>
    y
      .option('out', { type: 'string', describe: 'Write the schema to this file instead of stdout (an existing file only if lrsim wrote it, or with --force)' })
      .option('targets', { type: 'boolean', default: false, describe: 'The schema of calibration targets files (lrsim calibrate) instead' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite an --out file that lrsim did not write' })
      .example('$0 schema --out scenario.schema.json', 'refresh the schema committed at the repo root')
      .example('$0 schema --targets --out targets.schema.json', 'refresh the targets schema'),
  handler: (args) => {
    const text = args.targets ? targetsSchemaText() : scenarioSchemaText();
    const [kind, other] = args.targets ? [TARGETS_SCHEMA, SCENARIO_SCHEMA] : [SCENARIO_SCHEMA, TARGETS_SCHEMA];
    if (args.out !== undefined) checkOwnedOutputFile('--out', args.out, kind, args.force, [other]);
    if (args.out !== undefined) {
      if (!text.includes(kind.marker)) throw new Error(`the schema text lacks its marker ${kind.marker}`);
      writeFilesAtomic(dirname(args.out), { [basename(args.out)]: text });
      process.stderr.write(`${cliMessages.wroteSchema(args.out)}\n`);
    } else process.stdout.write(text);
  },
};
