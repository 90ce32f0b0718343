/**
 * Every user-facing line of the statistics layer, in one place (STYLE habit 9): the notes
 * that say why an estimate is absent (shown in the report and stats outputs).
 */
export const statsMessages = {
  noParameterVaries: () => 'The sweep varies no parameter, so no parameter effect is estimated.',
  singleLevels: () => 'Every swept parameter has a single level, so no parameter effect is estimated.',
  noNumericParameter: () => 'No swept parameter takes two or more numeric values, so no regression is fitted.',
  beyondPlan: (n: number, replicates: number) =>
    `${n} stored run${n === 1 ? '' : 's'} of replicates beyond the sweep's ${replicates} (from an earlier session with more replicates) ${n === 1 ? 'is' : 'are'} left out of the statistics; resume with --replicates to use ${n === 1 ? 'it' : 'them'} again`,
} as const;
