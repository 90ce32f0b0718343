/** Writing DIR/stats.csv. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { statsTable } from './stats-csv';
import type { SweepStats } from './sweep-stats';

/** One CSV cell: shortest round-trip numbers, empty for missing or non-finite values. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Write DIR/stats.csv and return its path. */
export function writeStatsCsv(dir: string, stats: SweepStats): string {
  const { header, rows } = statsTable(stats);
  const path = join(dir, 'stats.csv');
  const lines = [header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))];
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
