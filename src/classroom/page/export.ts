/**
 * The page's CSV exports as pure functions (tested in Node): one chart's plotted data,
 * and the whole run's time series with every observed column.
 */

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One chart's data, long form: tick, region, series, value (in the order collected). */
export function chartSeriesCsv(tuples: readonly { tick: number; region: string; series: string; value: number }[]): string {
  const lines = ['tick,region,series,value'];
  for (const t of tuples) lines.push([t.tick, t.region, t.series, t.value].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/** The run's time series: a region column, then every observed column, one row per region and tick. */
export function runSeriesCsv(regionNames: readonly string[], columns: readonly string[], rows: readonly (readonly Float64Array[])[]): string {
  const lines = [['region', ...columns].map(csvField).join(',')];
  rows.forEach((regionRows, r) => {
    for (const row of regionRows) lines.push([regionNames[r] ?? String(r), ...Array.from(row)].map(csvField).join(','));
  });
  return `${lines.join('\n')}\n`;
}
