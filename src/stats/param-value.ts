/** How a design value is written in labels, tables and factor levels. A leaf module. */

/** Values are shown as given in the design (numbers unformatted, strings as they are). */
export function formatParamValue(value: unknown): string {
  if (typeof value === 'number') return String(Number(value.toPrecision(6)));
  return String(value);
}
