/** Writing DIR/stats.csv with the shared byte-stable CSV writer. */
import { writeFileWhole } from '../io/write-fully';
import { join } from 'node:path';
import { csvLine } from '../io/csv';
import { statsTable } from './stats-csv';
import type { SweepStats } from './sweep-stats';

/** Write DIR/stats.csv and return its path. */
export function writeStatsCsv(dir: string, stats: SweepStats): string {
  const { header, rows } = statsTable(stats);
  const path = join(dir, 'stats.csv');
  writeFileWhole(path, [csvLine(header), ...rows.map((r) => csvLine(r))].join(''));
  return path;
}
