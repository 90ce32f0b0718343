/** `lrsim report DIR`: statistics, charts and the offline HTML report of a sweep directory. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandModule } from 'yargs';
import { ownCalibration } from '../../calibrate/manifest';
import { calibrationMessages } from '../../calibrate/messages';
import { lockDirectory } from '../../io/dir-lock';
import { resumeCommand } from '../../sweep/resume-command';
import { writeReport } from '../../report';
import { cliMessages } from '../messages';
import { UsageError } from '../usage-error';

export const reportCommand: CommandModule<object, { dir: string; images: boolean }> = {
  command: 'report <dir>',
  describe: 'Write stats.csv, charts (Vega-Lite, SVG, PNG) and report.html for a sweep directory',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'A sweep directory (holds runs.ndjson and manifest.json)' })
      .option('images', { type: 'boolean', default: true, describe: 'Also write SVG and PNG of every chart (--no-images to skip)' })
      .example('$0 report output/sweep', 'write output/sweep/report.html'),
  handler: async (args) => {
    // A calibration's directory also has a runs.ndjson (of other records): say what it is.
    const calibration = ownCalibration(args.dir);
    if (calibration) throw new UsageError(calibrationMessages.reportOfCalibration(args.dir, calibration.status, resumeCommand(calibration.command, args.dir)));
    if (!existsSync(join(args.dir, 'runs.ndjson'))) {
      throw new UsageError(cliMessages.noSweepHere(args.dir));
    }
    // Without its manifest the design is unknown: fitting a sampled design as a grid took
    // minutes (and means nothing), so refuse as discover, robustness and merge do.
    if (!existsSync(join(args.dir, 'manifest.json'))) throw new UsageError(cliMessages.noManifestHere(args.dir));
    // A sweep still running here, or a second report, would write the same files.
    const lock = lockDirectory(args.dir, (line) => process.stderr.write(`lrsim: ${line}\n`));
    let result: Awaited<ReturnType<typeof writeReport>>;
    try {
      result = await writeReport(args.dir, { images: args.images });
    } finally {
      lock.release();
    }
    const shown = relative(process.cwd(), result.path) || result.path;
    process.stdout.write(`${cliMessages.wroteReportSummary(shown, result.runs, result.failed, result.charts.length, relative(process.cwd(), result.statsPath))}\n`);
  },
};
