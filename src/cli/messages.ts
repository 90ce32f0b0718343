/**
 * Every user-facing line of the command line itself, in one place (STYLE habit 9): its
 * own parsing (option values, unknown options), usage and unexpected failures, and what
 * each command says it wrote. Messages about scenarios live in src/scenario/errors.ts,
 * about output paths in src/io/messages.ts, about sweeps in src/sweep/messages.ts.
 */
import { DEGENERATE_LEVELS } from '../dictionary/definitions';
import type { DegenerateReason } from '../model/names';

/** What the user typed, quoted when it is empty or holds spaces. */
const typed = (raw: string) => (raw === '' || /\s/.test(raw) ? JSON.stringify(raw) : raw);

export const cliOptionMessages = {
  notWholeNumber: (flag: string, raw: string, min: number, max: number) =>
    `${flag} ${typed(raw)}: write a whole number ${max >= Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}`,
  givenTwice: (flag: string, values: readonly string[]) =>
    `${flag} is given ${values.length} times (${values.map(typed).join(', ')}); give it once`,
  unknownOption: (name: string, suggestion: string | undefined) =>
    `unknown option ${name.length === 1 ? '-' : '--'}${name}${suggestion === undefined ? '' : `; did you mean --${suggestion}?`}`,
} as const;

/** Messages of the command line (usage, output directories, failures) and what commands wrote. */
export const cliMessages = {
  usage: (message: string) => `${message.replace(/\s*\n\s*/g, ' ')} (see \`lrsim --help\`)`,
  outIsFile: (dir: string) => `--out ${dir}: is a file, not a directory; name a new or empty directory`,
  outNotEmpty: (dir: string, files: readonly string[]) =>
    `--out ${dir}: directory already holds other files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}); name a new directory, or add --force to write into it anyway`,
  unexpected: (message: string, debug: boolean) =>
    `unexpected failure: ${message.replace(/\s*\n\s*/g, ' ')}${debug ? '' : ' (run again with --debug for the stack trace)'}`,
  noSweepHere: (dir: string) => `${dir}: no runs.ndjson here; give the directory a sweep wrote (lrsim sweep --out DIR)`,
  noManifestHere: (dir: string) =>
    `${dir}: runs.ndjson but no manifest.json, so the sweep's design (grid or sampled, its arms and seeds) is unknown and its statistics cannot be fitted to it; give the directory a sweep wrote, with its manifest.json (lrsim sweep NAME --out DIR)`,
  portInUse: (port: number) => `port ${port} is in use; choose another with --port N (or --port 0)`,
  runIsBase: (name: string, arms: readonly string[], swept: readonly string[]) =>
    `note: ${[arms.length ? `${name} defines ${arms.length} arms (${arms.join(', ')})` : '', swept.length ? `${arms.length ? 'and ' : `${name} defines `}a sweep over ${swept.join(', ')}` : ''].filter(Boolean).join(' ')}; this run is its base scenario${arms.length ? ', without any arm\'s settings, policies or shocks' : ''}${swept.length ? `${arms.length ? ',' : ''} with the swept settings at their base values` : ''}. ${arms.length ? `\`--arm NAME\` runs one arm; ` : ''}\`lrsim sweep ${name}\` runs the whole design`,
  unknownArm: (arm: string, name: string, arms: readonly string[], suggestion?: string) =>
    arms.length
      ? `--arm ${arm}: ${name} has no arm of that name${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; its arms are ${arms.join(', ')}`
      : `--arm ${arm}: ${name} defines no arms; leave out --arm`,
  degenerateRun: (reason: DegenerateReason) =>
    `warning: degenerate run (${reason}: ${DEGENERATE_LEVELS[reason]}); its lock-in index, lock-in parts, locked_in and diversity are missing (null in summary.json), not scores; check firms.* exit settings, agents.firms and the initial knowledge`,

  // --- what a command wrote (stdout) --------------------------------------------------
  wroteSchema: (file: string) => `wrote ${file}`,
  validOk: (file: string) => `ok ${file}`,
  wroteClassroom: (file: string, megabytes: number) => `wrote ${file} (${megabytes.toFixed(1)} MB, self-contained: open it in a browser)`,
  servingClassroom: (url: string) => `classroom page: ${url}\n(open it in a browser; Ctrl-C stops the server)`,
  wroteReport: (path: string) => `report: ${path}`,
  wroteReportSummary: (path: string, runs: number, failed: number, charts: number, stats: string) =>
    `report: ${path} (${runs} runs${failed ? `, ${failed} failed` : ''}; ${charts} chart images; stats in ${stats})`,
  merged: (runs: number, failed: number, dir: string) => `merged ${runs} runs (${failed} failed) into ${dir}`,
  wroteRobustness: (dir: string) => `written: ${dir} (robustness.json, arms.csv, regret.csv, charts/)`,
  wroteDiscovery: (dir: string) => `written: ${dir} (boxes.json, trajectory.csv, tree.json, charts/)`,
  wroteIndices: (method: string, outputs: number, parameters: number, file: string, size: number, resamples: number, scrambles = 1) =>
    scrambles > 1
      ? `${method}: ${outputs} outputs x ${parameters} parameters, N = ${size} in ${scrambles} independent scrambles of ${size / scrambles}; indices in ${file} (each index: the mean of its ${scrambles} per-scramble values; intervals: 95 % t interval on ${scrambles - 1} degrees of freedom from their spread; an empty cell is not computed or undefined)`
      : `${method}: ${outputs} outputs x ${parameters} parameters, ${method === 'morris' ? 'r' : 'N'} = ${size}; indices in ${file} (intervals: 95 % percentile bootstrap over ${method === 'morris' ? 'trajectories' : 'base rows'}, ${resamples} resamples; an empty cell is not computed or undefined)`,
  sobolIntervalsApproximate: () =>
    'note: the S1 and ST intervals treat base rows as independent, which the rows of one scrambled Sobol design are not: over independent scrambles a small S1 can spread more than its interval says (on Sobol\'s G function at N = 256, 95 % intervals held a small S1 in 48 of 60 designs) and a large one less; for intervals that hold, sample with --scrambles (e.g. --scrambles 16: t intervals over independent scrambles; docs/sensitivity.md#method)',
  undefinedInBlocks: (outcome: string, parameter: string, index: string, blocks: number, scrambles: number) =>
    `note: ${outcome} ${parameter} ${index}: undefined in ${blocks} of ${scrambles} scrambles (the output is constant within them), so no estimate or interval is given`,
  blockColumnMissing: (file: string, n: number) =>
    `note: the base rows of ${file} are not stratified as the ${n} rows of one scrambled Sobol sequence always are (checked on its first two dimensions): a design of \`lrsim sample saltelli --scrambles R\` whose column block was removed looks like this, and read as one scramble it gets bootstrap intervals that do not hold; if it is one, give it with its block column (a design from another sampler can look like this too)`,
  levelsUnchecked: (file: string, levels: number, fits?: number) =>
    fits !== undefined && fits < levels
      ? `note: no column of ${file} shows all ${levels} grid levels, and the values of every column that steps by one size lie on the grid of --levels ${fits} too, so the design may have been sampled with --levels ${fits}; mu, mu* and sigma scale with 1 / delta = 2 (p - 1) / p: give the --levels the design was sampled with`
      : `note: no column of ${file} shows all ${levels} grid levels, so --levels ${levels} could not be checked against the design; mu, mu* and sigma scale with 1 / delta = 2 (p - 1) / p: give the --levels the design was sampled with`,
  constantOutput: (outcome: string, method: string) =>
    method === 'saltelli'
      ? `note: output ${outcome} is constant over the design: its variance is 0, so its Sobol indices are undefined (empty cells)`
      : `note: output ${outcome} is constant over the design: every elementary effect is 0`,
  tooFewForIntervals: (method: string, size: number, min: number) =>
    `note: ${method === 'morris' ? `r = ${size} trajectories` : `N = ${size} base rows`}: no intervals (empty lo, hi): a percentile bootstrap from fewer than ${min} ${method === 'morris' ? 'trajectories' : 'base rows'} under-covers; sample at least ${min}`,
  smallSizesNoIntervals: (method: string, min: number) =>
    `note: convergence.csv has no intervals at sizes below ${min} ${method === 'morris' ? 'trajectories' : 'base rows'} (a percentile bootstrap from so few groups under-covers)`,
  droppedResamples: (outcome: string, parameter: string, index: string, dropped: number, resamples: number) =>
    `note: ${outcome} ${parameter} ${index}: ${dropped} of ${resamples} bootstrap resamples gave no finite value (a resample with variance 0), so no interval is given`,
  wroteDesign: (method: string, rows: number, parameters: number, file: string, scrambles = 1, baseRows = 0) =>
    `${method} design: ${rows} rows x ${parameters} parameters in ${file}${scrambles > 1 ? ` (${scrambles} independent scrambles of ${baseRows / scrambles} base rows, numbered 1 to ${scrambles} in the last column, block; evaluate the parameter columns only)` : ''}`,
} as const;
