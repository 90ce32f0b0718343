/**
 * The `lrsim` command line. Exit codes: 0 success, 2 bad input (a scenario problem or a
 * usage error: one line `lrsim: error: ...`, no stack), 1 unexpected failure (the message;
 * the stack only with --debug).
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { packageVersion } from '../io/repo';
import { cliMessages, ScenarioError } from '../scenario/errors';
import { loadCommands } from './commands';
import { UsageError } from './usage-error';

/** Runs the CLI on `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const cli = yargs(argv)
    .scriptName('lrsim')
    .usage('$0 <command> [options]\n\nAgent-based simulator of learning regions.')
    .option('debug', { type: 'boolean', global: true, default: false, describe: 'Show stack traces of unexpected failures' })
    .demandCommand(1, 'name a command')
    .recommendCommands()
    .strict()
    .version(packageVersion())
    .help()
    .alias('help', 'h')
    .epilogue('Exit codes: 0 ok, 1 unexpected failure, 2 bad input. Docs: README.md.')
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message ?? 'bad usage');
    });
  cli.wrap(Math.min(100, cli.terminalWidth()));
  for (const command of await loadCommands(argv)) cli.command(command);
  try {
    await cli.parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return report(error, debug);
  }
}

/** Prints an error the user can act on; returns its exit code. */
function report(error: unknown, debug: boolean): number {
  if (error instanceof ScenarioError) {
    process.stderr.write(`lrsim: error: ${error.message}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`lrsim: error: ${cliMessages.usage(error.message)}\n`);
    return 2;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  process.stderr.write(`lrsim: error: ${cliMessages.unexpected(e.message, debug)}\n`);
  if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
  return 1;
}

// A closed pipe (`lrsim scenarios | head -1`) is not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(hideBin(process.argv));
