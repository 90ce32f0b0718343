/**
 * `lrsim classroom [SCENARIO] [--port N] [--build FILE]`: the classroom page, served on
 * localhost (the address is printed; Ctrl-C stops it) or written as one self-contained
 * HTML file that opens from a USB stick with no network.
 */
import { basename, dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { buildClassroomPage, serveClassroom } from '../../classroom';
import { CLASSROOM_MARKER } from '../../classroom/build';
import { writeFilesAtomic } from '../../io/output-dir';
import { checkOwnedOutputFile } from '../../io/owned-file';
import { cliMessages } from '../messages';
import { wholeNumberOption } from '../options';
import { UsageError } from '../usage-error';

interface ClassroomArgs {
  scenario?: string;
  port?: number;
  build?: string;
  force: boolean;
}

export const classroomCommand: CommandModule<object, ClassroomArgs> = {
  command: 'classroom [scenario]',
  describe: 'Serve the live classroom page on localhost, or --build it as one HTML file',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario selected first: a built-in name or a path (default: baseline)' })
      .option('port', wholeNumberOption('port', 0, 65535, 'Port on localhost (default 8080; 0 = any free port)'))
      .option('build', { type: 'string', describe: 'Write the page to FILE (self-contained HTML) instead of serving it; an existing FILE only if lrsim built it, or with --force' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite a --build file that lrsim did not write' })
      .example('$0 classroom', 'serve the page at http://localhost:8080/')
      .example('$0 classroom closed-district --build class.html', 'one HTML file to open without network') as never,
  handler: async (args) => {
    const port = args.port ?? 8080;
    if (args.build !== undefined) checkOwnedOutputFile('--build', args.build, { marker: CLASSROOM_MARKER, writer: 'lrsim classroom', what: 'a classroom page', example: 'page.html' }, args.force);
    const html = await buildClassroomPage({ scenario: args.scenario, cwd: process.cwd() });
    if (args.build !== undefined) {
      const file = resolve(args.build);
      writeFilesAtomic(dirname(file), { [basename(file)]: html });
      process.stdout.write(`${cliMessages.wroteClassroom(file, html.length / 2 ** 20)}\n`);
      return;
    }
    let page;
    try {
      page = await serveClassroom(html, port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UsageError(cliMessages.portInUse(port));
      throw error;
    }
    process.stdout.write(`${cliMessages.servingClassroom(page.url)}\n`);
    await new Promise<void>((done) => {
      const stop = () => { void page.close().then(done); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
