/**
 * The `lrsim` command line. Exit codes: 0 success, 2 bad input (a scenario problem or a
 * usage error: one line `lrsim: error: ...`, no stack), 1 unexpected failure (the message;
 * the stack only with --debug).
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { packageVersion } from '../io/repo';
import { DiskFullError } from '../io/write-fully';
import { didYouMean } from '../scenario/did-you-mean';
import { ScenarioError } from '../scenario/errors';
import { loadCommands } from './commands';
import { cliMessages, cliOptionMessages } from './messages';
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
    .fail((message, error, usage) => {
      // yargs reports usage problems, and errors thrown by an option's coerce, as YError.
      if (error?.name === 'YError') throw new UsageError(error.message);
      throw error ?? new UsageError(unknownOptionHint(message, argv, optionNames(usage)) ?? message ?? 'bad usage');
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

/** The options of the command being parsed (yargs passes its usage object to fail(), typed as Argv). */
function optionNames(usage: unknown): string[] {
  const descriptions = (usage as { getDescriptions?: () => Record<string, unknown> }).getDescriptions?.();
  return descriptions ? Object.keys(descriptions) : [];
}

/**
 * yargs' "Unknown argument(s): sed" for an option, as "unknown option --sed; did you mean
 * --seed?" (yargs suggests commands, not options). Positional words are left to yargs.
 */
function unknownOptionHint(message: string | undefined, argv: readonly string[], known: readonly string[]): string | undefined {
  const m = /^Unknown arguments?: (.+)$/.exec(message ?? '');
  if (!m) return undefined;
  const names = m[1].split(', ');
  const options = names.filter((n) => argv.some((a) => a === `--${n}` || a.startsWith(`--${n}=`) || a === `-${n}`));
  if (options.length !== names.length) return undefined;
  return options.map((n) => cliOptionMessages.unknownOption(n, didYouMean(n, known.filter((k) => k.length > 1)))).join('; ');
}

/** Prints an error the user can act on; returns its exit code. */
function report(error: unknown, debug: boolean): number {
  if (error instanceof DiskFullError) {
    // The input was fine and the stored work is kept: exit 1, one line saying how to go on.
    process.stderr.write(`lrsim: error: ${error.message}\n`);
    return 1;
  }
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
