/**
 * Every user-facing message of `lrsim calibrate`, in one place (STYLE habit 9). Problems
 * in a targets file are `{what, fix}` pairs that the loader places at file:line:column;
 * the rest are whole lines.
 */
type Msg = { what: string; fix: string };

const suggest = (s: string | undefined) => (s === undefined ? '' : `did you mean "${s}"? `);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const calibrationMessages = {
  /** The scenario has arms or a sweep, which a calibration does not run (stderr, report lede). */
  baseOnly: (name: string, arms: number, swept: readonly string[]) =>
    `${name}'s ${[arms ? `${arms} arms` : '', swept.length ? `sweep over ${swept.join(', ')}` : ''].filter(Boolean).join(' and ')} ${arms ? 'are' : 'is'} not part of the calibration: it calibrates the base scenario${arms ? ', without any arm\'s settings, policies or shocks' : ''}${swept.length ? `${arms ? ',' : ''} with the swept settings at their base values unless the targets file makes them parameters` : ''}.`,
  // --- the targets file ---------------------------------------------------------------
  /** The advice when the top level of a targets file is a list or a value, not a mapping. */
  emptyFile: (): Msg => ({ what: 'the file is empty', fix: 'write `targets:`, `parameters:` and optionally `abc:` (see docs/calibration.md)' }),
  /** What the top level of a targets file looks like (for a file that is not a mapping). */
  topLevelExample: () => '`targets:`, `parameters:` and optionally `abc:` (see docs/calibration.md)',
  readFailed: (reason: string): Msg => ({ what: `cannot read the targets file (${reason})`, fix: 'check the path and its permissions' }),
  noTargets: (): Msg => ({ what: 'the list of targets is empty', fix: 'add at least one, e.g. `- {outcome: external_tie_share_final, observed: 0.2, scale: 0.05}`' }),
  noParameters: (): Msg => ({ what: 'no parameters to calibrate', fix: 'add at least one, e.g. `openness: {prior: uniform, min: 0, max: 0.5}`' }),
  outcomeOrColumn: (): Msg => ({ what: 'a target names either `outcome` or `column`', fix: 'write exactly one of them' }),
  unknownOutcome: (name: string, suggestion?: string): Msg => ({
    what: `unknown outcome "${name}"`,
    fix: `${suggest(suggestion)}an outcome is one of the top-level keys of a run's summary.json after \`degenerate\` (the same as the outcome columns of a sweep's runs.csv; columns.json defines each)`,
  }),
  unknownColumn: (name: string, suggestion?: string): Msg => ({
    what: `unknown time-series column "${name}"`,
    fix: `${suggest(suggestion)}columns are the header of timeseries.csv (see docs/data.md)`,
  }),
  windowOnOutcome: (): Msg => ({ what: '`summary`, `from` and `to` apply to a column, not an outcome', fix: 'remove them, or name a `column`' }),
  emptyWindow: (from: number, to: number): Msg => ({ what: `the window [${from}, ${to}) holds no tick`, fix: `write \`to\` greater than ${from}` }),
  windowAfterEnd: (from: number, ticks: number): Msg => ({ what: `the window starts at tick ${from}, after the run's last tick (${ticks - 1})`, fix: `write \`from\` below ${ticks}, or run longer (ticks)` }),
  duplicateName: (name: string): Msg => ({ what: `target name "${name}" is used twice`, fix: 'give every target its own name' }),
  nameClashesWithColumn: (name: string): Msg => ({ what: `target name "${name}" is also a column of predictive.csv (draw, particle, or a calibrated parameter's path)`, fix: 'give the target another name' }),
  oneWholeNumber: (path: string, min: number, max: number, value: number): Msg => ({ what: `${path} is a whole-number setting and every value in [${min}, ${max}] runs as ${value}, so there is nothing to calibrate`, fix: 'widen min and max to span at least two whole numbers' }),
  notNumeric: (path: string, expected: string): Msg => ({
    what: `${path} is not a numeric setting (it takes ${expected})`,
    fix: 'calibrate numeric settings only, e.g. openness or proximity.social_closure',
  }),
  needBounds: (kind: string): Msg => ({ what: `a ${kind} prior needs min and max here (the setting has no finite limits)`, fix: 'add `min:` and `max:`' }),
  minNotBelowMax: (min: number, max: number): Msg => ({ what: `min (${min}) is not below max (${max})`, fix: 'write min < max' }),
  belowLimit: (value: number, limit: number, path: string): Msg => ({
    what: `${value} is below the lowest value of ${path} (${limit})`,
    fix: `write at least ${limit} (see \`lrsim schema\`)`,
  }),
  aboveLimit: (value: number, limit: number, path: string): Msg => ({
    what: `${value} is above the highest value of ${path} (${limit})`,
    fix: `write at most ${limit} (see \`lrsim schema\`)`,
  }),
  normalWithoutMass: (mean: number, sd: number, min: number, max: number, mass: number, least: number, bounds: string): Msg => ({
    what: `a normal prior with mean ${mean} and sd ${sd} puts ${mass === 0 ? 'none' : mass.toPrecision(2)} of its mass in [${min}, ${max}] (${bounds}); the sampler needs at least ${least}`,
    fix: `move the mean into [${min}, ${max}], widen sd, or write prior: uniform`,
  }),
  allWeightsZero: (): Msg => ({ what: 'every target has weight 0, so every simulation would be at distance 0', fix: 'give at least one target a positive weight' }),
  logUniformNotPositive: (min: number): Msg => ({ what: `a log_uniform prior needs min > 0 (got ${min})`, fix: 'write a positive min, or use prior: uniform' }),
  budgetBelowFirstGeneration: (maxRuns: number, needed: number): Msg => ({
    what: `max_runs ${maxRuns} cannot pay for the first generation (particles x replicates = ${needed})`,
    fix: `raise max_runs to at least ${needed}, or lower particles`,
  }),
  /** The scenario with a parameter at a prior bound has several problems: the command that lists them. */
  boundProblems: (first: string, more: number, validate: string) => `${first} (and ${plural(more, 'more problem')}; \`${validate}\` lists them)`,
  unknownKey: (key: string, suggestion?: string, allowed?: readonly string[]): Msg => ({
    what: `unknown key "${key}"`,
    fix: suggestion !== undefined ? `did you mean "${suggestion}"?` : `allowed keys: ${(allowed ?? []).join(', ')}`,
  }),
  badValue: (shown: string, expected: string): Msg => ({ what: `${shown} is not allowed here`, fix: `write ${expected}` }),
  missing: (expected: string): Msg => ({ what: 'required field is missing', fix: `add it (${expected})` }),
  unknownPrior: (value: string, suggestion?: string): Msg => ({ what: `unknown prior ${value}`, fix: `${suggest(suggestion)}write prior: uniform, log_uniform or normal` }),

  // --- the command line and the output directory -----------------------------------------
  badWorkers: (value: unknown) => `--workers ${String(value)}: write a whole number of at least 1, e.g. --workers 2`,
  /** `lrsim report` on a calibration's directory (its runs.ndjson is a calibration's store, not a damaged sweep store). */
  reportOfCalibration: (dir: string, status: string, rewrite: string) =>
    `${dir}: holds a calibration (calibration.json), not a sweep; lrsim calibrate writes a calibration's report itself, ${dir}/report.html; ${status === 'complete' ? `to write it again from the stored runs (none is run again), run ${rewrite}` : `this one is not finished (status "${status}"): run ${rewrite} to finish it and write its report`}`,
  /** `lrsim discover` or `robustness` on a calibration's directory. */
  notASweep: (dir: string, command: string) =>
    `${dir}: holds a calibration (calibration.json), not a sweep; lrsim ${command} reads a sweep's directory (lrsim sweep NAME --out DIR)`,
  outHoldsSweep: (dir: string) => `--out ${dir}: holds a sweep (its manifest.json and runs.ndjson), not a calibration; nothing was changed: choose another directory for the calibration`,
  outHoldsCalibration: (dir: string) => `--out ${dir}: already holds a calibration (runs.ndjson); add --resume to finish it, or name a new directory`,
  outHoldsOther: (dir: string, files: readonly string[]) =>
    `--out ${dir}: directory already holds other files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}); name a new or empty directory`,
  outNotDirectory: (dir: string) => `--out ${dir}: is a file, not a directory; name a new or empty directory`,
  differentCalibration: (dir: string) =>
    `--resume: ${dir} holds a different calibration (another scenario, targets file or seed); nothing was changed: use a new --out, or resume with the inputs it was made with`,
  nothingToResume: (dir: string, missing: boolean) =>
    `--resume: ${dir} ${missing ? 'does not exist' : 'holds no calibration (neither runs.ndjson nor a calibration.json of lrsim\'s)'}, so there is nothing to resume; nothing was changed: name the directory of the calibration to finish, or leave out --resume to start a new one`,
  noStoredRuns: (dir: string) => `--resume: ${dir} holds this calibration's calibration.json but no runs.ndjson, so no run is stored: it starts from the first run`,
  noManifest: (dir: string) => `--resume: ${dir} has runs.ndjson but no calibration.json, so its inputs cannot be checked; nothing was changed: use a new --out`,
  storedMismatch: (key: string) => `stored run ${key} has other parameter values than this calibration proposes; the store does not belong to these inputs: use a new --out`,

  // --- summaries (not errors) -------------------------------------------------------------
  generation: (g: number, tolerance: number, rate: number, ess: number, runs: number) =>
    `generation ${g}: tolerance ${Number.isFinite(tolerance) ? tolerance.toPrecision(3) : 'none (prior)'}, acceptance rate ${(100 * rate).toFixed(1)} %, ESS ${ess.toFixed(0)}, ${plural(runs, 'run')} so far`,
  interrupted: (runs: number, resume: string) => `interrupted: ${plural(runs, 'run')} stored; finish with: ${resume}`,
  done: (dir: string, generations: number, runs: number, samplerRuns: number | null, maxRuns: number, reason: string, seconds: number) =>
    `calibration done: ${plural(generations, 'generation')}, ${plural(runs, 'run')}${samplerRuns !== null && samplerRuns < runs ? ` (${samplerRuns} by the sampler, of its max_runs ${maxRuns}; ${runs - samplerRuns} for the posterior predictive check)` : ''}, stopped on ${reason.replace(/_/g, ' ')}, in ${seconds.toFixed(1)} s; outputs in ${dir}`,
  failedRuns: (n: number) => `${plural(n, 'run')} failed and counted as rejected (errors in runs.ndjson)`,

  // --- the sampler ------------------------------------------------------------------------
  /** Not reached from a checked targets file (loadTargets refuses such priors); an internal error. */
  priorWithoutMass: (mean: number, sd: number, min: number, max: number) =>
    `normal prior (mean ${mean}, sd ${sd}) has almost no mass in [${min}, ${max}]`,
  kernelLeavesSupport: (generation: number) => `generation ${generation}: the perturbation kernel keeps leaving the prior's support`,
} as const;
