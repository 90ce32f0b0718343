/**
 * CSV text for every table lrsim writes (time series, firm microdata, sweep outputs).
 * Byte-stable: numbers follow one fixed rule, so the same run gives the same bytes.
 *
 * - integers are written as they are (`42`, `-3`);
 * - other finite numbers are rounded to 6 significant digits, then written in
 *   JavaScript's shortest form (`0.123457`, `1.5e-7`, `12345.7`);
 * - NaN is an empty field (read as missing by R and pandas), infinities `Inf` / `-Inf`;
 * - booleans are `TRUE` / `FALSE` (what R's read.csv recognises; pandas too);
 * - text is quoted when it holds a comma, quote, line break or edge space.
 */

export type CsvValue = number | string | boolean | null | undefined;

/** One number as CSV text (see the rule above). */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (Number.isInteger(x)) return Math.abs(x) < 1e21 ? String(x === 0 ? 0 : x) : String(Number(x.toPrecision(6)));
  const rounded = Number(x.toPrecision(6));
  return String(rounded === 0 ? 0 : rounded);
}

/** One field as CSV text. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  // TRUE/FALSE: read as logical by R's read.csv, readr and data.table, and as bool by pandas.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line, with its newline. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** A table held row-major in one array (`rows` x `columns.length`) as CSV text. */
export function rowMajorToCsv(columns: readonly string[], values: ArrayLike<number>, rows: number): string {
  const width = columns.length;
  const lines = [csvLine(columns)];
  const row: number[] = new Array(width);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) row[c] = values[r * width + c];
    lines.push(csvLine(row));
  }
  return lines.join('');
}

/** A table held by column (`{ id: [...], age: [...] }`, all the same length) as CSV text. */
export function columnsToCsv(table: Record<string, ArrayLike<CsvValue>>): string {
  const columns = Object.keys(table);
  const rows = columns.length ? table[columns[0]].length : 0;
  for (const c of columns) {
    if (table[c].length !== rows) throw new Error(`column ${c} has ${table[c].length} values, ${columns[0]} has ${rows}`);
  }
  const lines = [csvLine(columns)];
  for (let r = 0; r < rows; r++) lines.push(csvLine(columns.map((c) => table[c][r])));
  return lines.join('');
}

/**
 * Parses CSV text as this module writes it (RFC 4180: fields quoted when they hold a
 * comma, quote or line break; `""` is a quote inside a quoted field). Returns the header
 * and the rows as text; a trailing newline ends the last row. Written here rather than
 * taken from a CSV library because lrsim only reads back its own tables (firm microdata
 * for the report) and the format above is fixed.
 */
export function parseCsv(text: string): { columns: string[]; rows: string[][] } {
  const records: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      records.push(row);
      row = [];
      field = '';
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    records.push(row);
  }
  const [columns = [], ...rows] = records;
  return { columns, rows };
}
