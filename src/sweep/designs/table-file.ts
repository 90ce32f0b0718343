/**
 * Numeric tables in CSV files (a design: one column per parameter; outputs: one column
 * per outcome), for `design: file`, `lrsim sample` and `lrsim analyze`. Every cell must be
 * a finite number; a bad cell is reported with its file, line and column.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../io/csv';
import { badInput, sensitivityMessages as msg } from '../messages';

export interface NumericTable {
  columns: string[];
  /** rows[i][j]: the value of columns[j] in data row i (file line i + 2). */
  rows: number[][];
}

/** Reads `file` as a numeric CSV table (bad input throws a one-line message). */
export function readNumericTable(file: string, what: 'design' | 'outputs'): NumericTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return badInput(msg.unreadable(file, what));
  }
  const { columns, rows } = parseCsv(text.replace(/^\uFEFF/, ''));
  if (columns.length === 0 || columns.every((c) => c.trim() === '')) badInput(msg.noHeader(file, what));
  const seen = new Set<string>();
  for (const c of columns) {
    if (c.trim() === '') badInput(msg.emptyColumnName(file));
    if (seen.has(c)) badInput(msg.duplicateColumn(file, c));
    seen.add(c);
  }
  // Blank lines at the end are no rows; a blank line inside is a row with an empty value.
  const blank = (r: string[]) => r.length === 1 && r[0].trim() === '';
  let end = rows.length;
  while (end > 0 && blank(rows[end - 1])) end--;
  const nonBlank = rows.slice(0, end);
  if (nonBlank.length === 0) badInput(msg.noRows(file, what));
  const missing: number[] = [];
  const values = nonBlank.map((row, i) => {
    const line = i + 2;
    if (row.length !== columns.length) badInput(msg.wrongWidth(file, line, row.length, columns.length));
    return row.map((cell, j) => {
      const text = cell.trim();
      const v = text === '' || /^(nan|na)$/i.test(text) ? NaN : Number(text);
      if (Number.isNaN(v)) {
        if (what === 'outputs' && (text === '' || /^(nan|na)$/i.test(text))) missing.push(line);
        else badInput(msg.notNumber(file, line, columns[j], cell));
      }
      if (!Number.isNaN(v) && !Number.isFinite(v)) badInput(msg.notNumber(file, line, columns[j], cell));
      return v;
    });
  });
  if (missing.length) badInput(msg.missingOutputs(file, [...new Set(missing)]));
  return { columns, rows: values };
}
