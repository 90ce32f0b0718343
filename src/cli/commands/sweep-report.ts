/** The report step after `lrsim sweep` and `lrsim merge` (skipped with --no-report). */
import { DiskFullError } from '../../io/write-fully';
import { writeReport } from '../../report';
import { sweepIoMessages } from '../../sweep/messages';
import { cliMessages } from '../messages';

export async function writeSweepReport(dir: string): Promise<void> {
  let report: Awaited<ReturnType<typeof writeReport>>;
  try {
    report = await writeReport(dir);
  } catch (error) {
    // The runs are stored and the tables written: only the report is to be made again.
    throw error instanceof DiskFullError ? error.withRetry(sweepIoMessages.reportRetryHint(dir)) : error;
  }
  process.stdout.write(`${cliMessages.wroteReport(report.path)}\n`);
}
