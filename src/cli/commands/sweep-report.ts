/**
 * The report step after `lrsim sweep` and `lrsim merge`. The report module (src/report)
 * is another engineer's; until it exports `writeReport(dir)` this says so and skips.
 */
import { sweepMessages as msg } from '../../sweep/messages';

export async function writeSweepReport(_dir: string): Promise<void> {
  process.stderr.write(`${msg.reportMissing()}\n`);
}
