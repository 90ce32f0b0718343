/**
 * The report's own lines about what it shows and leaves out (STYLE habit 9: every
 * user-facing text in one module per area). Scenario-derived strings are escaped by the page.
 */
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

export const reportMessages = {
  noteNotBuiltin: (source: string) =>
    `What to look for: left out. A scenario's teaching note is shown only for a built-in scenario run unchanged, and this sweep ran ${source}.`,
  noteChanged: (builtin: string, changes: string[]) =>
    `What to look for: left out. This sweep is the built-in ${builtin} with ${list(changes)}, and the note describes the numbers of the unchanged scenario.`,
  noteBuiltinGone: (builtin: string) =>
    `What to look for: left out. This lrsim has no built-in scenario ${builtin} to check the sweep against.`,
  noteUnfinished: (builtin: string, found: number, planned: number) =>
    `What to look for: left out. The sweep of the built-in ${builtin} is not finished (${found} of its ${planned} runs are here), so its numbers are not the ones the note describes.`,
  unfinished: (status: string, found: number, planned: number, resume: string) =>
    `This sweep is not finished (${found} of ${planned} planned runs are here${status && status !== 'complete' ? `; status "${status}" in manifest.json` : ''}): the findings below cover these runs only. Finish it with ${resume}, then write the report again.`,
  noteFailedRuns: (builtin: string, failed: number) =>
    `What to look for: left out. ${failed} run${failed === 1 ? '' : 's'} of the built-in ${builtin} failed, so its numbers are not the ones the note describes.`,
  changedSeed: (seed: unknown, builtinSeed: unknown) => `seed ${String(seed)} instead of ${String(builtinSeed)}`,
  changedReplicates: (replicates: unknown, builtinReplicates: unknown) => `${String(replicates)} replicate${replicates === 1 ? '' : 's'} instead of ${String(builtinReplicates)}`,
  changedSettings: () => 'other settings (--set or an edited scenario)',
  extendsChain: (chain: string[]) =>
    `This scenario extends ${chain.join(', which extends ')}; it does not inherit ${chain.length === 1 ? 'its' : 'their'} description, teaching note or references.`,
} as const;
