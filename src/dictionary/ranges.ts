/**
 * The natural range of a column's values, read from its unit (definitions.ts and
 * reference-models.ts give every column a unit): the one place that says which outcomes
 * are bounded, for the intervals of their means (src/stats/bounded-interval.ts).
 * A leaf module: it imports nothing.
 */

/** [lowest, highest] possible value; an open side is -Infinity or Infinity. */
export type ValueRange = readonly [number, number];

export const UNBOUNDED: ValueRange = [-Infinity, Infinity];
const UNIT_INTERVAL: ValueRange = [0, 1];
const NON_NEGATIVE: ValueRange = [0, Infinity];

/**
 * Units whose values cannot leave a range. Shares, indices, probabilities, 0/1 indicators
 * and levels in [0, 1]; March (1991) knowledge, (correct - wrong beliefs) / m, in [-1, 1];
 * counts, durations, sums of non-negative values (innovation value is relevance x
 * (1 - novelty) >= 0; costs, flows and learning are sums of non-negative amounts), ratios
 * of non-negative values and distances on the ring of domains are >= 0. Any other unit
 * ('tick', which is negative for initial firms' birth, and differences) is unbounded.
 */
const UNIT_RANGES: Record<string, ValueRange> = {
  'share (0-1)': UNIT_INTERVAL,
  'index (0-1)': UNIT_INTERVAL,
  'probability (0-1)': UNIT_INTERVAL,
  'cognitive distance (0-1)': UNIT_INTERVAL,
  'tacit level (0-1)': UNIT_INTERVAL,
  'explicit level (0-1)': UNIT_INTERVAL,
  'tie strength (0-1)': UNIT_INTERVAL,
  '0/1': UNIT_INTERVAL,
  'indicator (0/1)': UNIT_INTERVAL,
  'knowledge (-1 to 1)': [-1, 1],
  innovations: NON_NEGATIVE,
  'innovation value': NON_NEGATIVE,
  'innovation value per tick': NON_NEGATIVE,
  'innovation value per cost unit': NON_NEGATIVE,
  'knowledge per tick': NON_NEGATIVE,
  'cost unit': NON_NEGATIVE,
  'cost unit per tick': NON_NEGATIVE,
  capability: NON_NEGATIVE,
  firms: NON_NEGATIVE,
  residents: NON_NEGATIVE,
  meetings: NON_NEGATIVE,
  employees: NON_NEGATIVE,
  ties: NON_NEGATIVE,
  ticks: NON_NEGATIVE,
  period: NON_NEGATIVE,
  domains: NON_NEGATIVE,
  ratio: NON_NEGATIVE,
  members: NON_NEGATIVE,
  trades: NON_NEGATIVE,
  edges: NON_NEGATIVE,
  'knowledge (initial_knowledge_max units)': NON_NEGATIVE,
  'knowledge (initial_knowledge_max units) squared': NON_NEGATIVE,
};

/**
 * The range of values of a column with this unit.
 * @example rangeOfUnit('share (0-1)') // [0, 1]
 */
export function rangeOfUnit(unit: string): ValueRange {
  return Object.hasOwn(UNIT_RANGES, unit) ? UNIT_RANGES[unit] : UNBOUNDED;
}
