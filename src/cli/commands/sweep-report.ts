/** The report step after `lrsim sweep` and `lrsim merge` (skipped with --no-report). */
import { writeReport } from '../../report';
import { cliMessages } from '../messages';

export async function writeSweepReport(dir: string): Promise<void> {
  const report = await writeReport(dir);
  process.stdout.write(`${cliMessages.wroteReport(report.path)}\n`);
}
