/**
 * Replicates of one reference-model setting, in process: the validation suite and
 * docs/gen-replications.ts use it. Seeds are given by the caller (fixed lists, never chosen
 * by outcome).
 */
import { summarize, type Summary } from '../stats';
import { validateScenarioData } from '../scenario/validate';
import { modelOf } from '.';

/** Summaries of each outcome over `seeds`, for a scenario given as plain data. */
export function replicate(input: Record<string, unknown>, seeds: readonly number[], outcomes: readonly string[]): Record<string, Summary & { values: number[] }> {
  const scenario = validateScenarioData(input, () => ({ source: 'replicate' }));
  const model = modelOf(scenario);
  const values: Record<string, number[]> = Object.fromEntries(outcomes.map((o) => [o, []]));
  for (const seed of seeds) {
    const result = model.run(scenario, { seed });
    for (const o of outcomes) values[o].push(result.outcomes[o]);
  }
  return Object.fromEntries(outcomes.map((o) => [o, { ...summarize(values[o]), values: values[o] }]));
}
