/** Every user-facing message about a scenario's model and its section (one line each: what, then how to fix). */
interface Msg {
  what: string;
  fix: string;
}

export const modelMessages = {
  /** A whole line (no field): the classroom refuses a reference-model scenario. */
  notOnClassPage: (scenario: string): string =>
    `${scenario}: the class page runs the learning-region model only (its map, sliders and policies are the region's); run reference models with \`lrsim run\` or \`lrsim sweep\` and read docs/replications.md`,
  keyOfOtherModel: (key: string, owner: string, model: string): Msg => ({
    what: `"${key}" is a setting of the ${owner} model, but this scenario runs ${model}`,
    fix: `remove "${key}" or set model: ${owner}`,
  }),
  neighboursOdd: (n: number): Msg => ({ what: `${n} neighbours cannot sit half on each side of the ring`, fix: `write an even number, e.g. ${n + 1}` }),
  neighboursTooMany: (n: number, agents: number): Msg => ({
    what: `${n} neighbours need more than ${agents} agents`,
    fix: `write at most ${agents % 2 === 0 ? agents - 2 : agents - 1} neighbours or more agents`,
  }),
  slowLearnersAboveMembers: (slow: number, members: number): Msg => ({ what: `${slow} slow learners but only ${members} members`, fix: `write at most ${members}` }),
  outcomeOfOtherModel: (outcome: string, model: string, allowed: readonly string[]): Msg => ({
    what: `"${outcome}" is not an outcome of ${model}`,
    fix: `use one of ${allowed.map((o) => `"${o}"`).join(', ')}`,
  }),
};
