/**
 * The command registry: every `lrsim` command, one module each. To add a command, write
 * `src/cli/commands/NAME.ts` exporting a yargs CommandModule and add one line below
 * (keep one line per command; the order is the order in `lrsim --help`).
 */
import type { CommandModule } from 'yargs';
import { classroomCommand } from './classroom';
import { scenariosCommand } from './scenarios';
import { schemaCommand } from './schema';
import { slurmCommand } from './slurm';
import { sweepCommand } from './sweep';
import { mergeCommand } from './merge';
import { reportCommand } from './report';
import { runCommand } from './run';
import { validateCommand } from './validate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  runCommand,
  validateCommand,
  scenariosCommand,
  schemaCommand,
  sweepCommand,
  mergeCommand,
  reportCommand,
  slurmCommand,
  classroomCommand,
  // sweep, merge, report, slurm, classroom: one line each, e.g. `sweepCommand,`
];
