/**
 * Every user-facing message of sweeps and merges, in one place (STYLE habit 9). Bad input
 * is thrown as the project's one-line ScenarioError (the CLI prints it and exits 2).
 */
import { ScenarioError } from '../scenario/errors';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : String(v));
const RANGE_FIX = 'write a range as {min: 0.1, max: 0.5} (optional integer: true, log: true)';

export const sweepMessages = {
  // --- the design (what and fix; the field and file:line:col are added where they are reported) ---
  emptyValues: (path: string) => ({ what: 'the value list is empty', fix: `list at least one value, e.g. \`${path}: [0.1, 0.3]\`` }),
  rangeInGrid: (path: string) => ({
    what: 'a {min, max} range needs design lhs or sobol',
    fix: `for a grid list the values, e.g. \`${path}: [0.1, 0.3]\``,
  }),
  listInSampled: (path: string, design: string) => ({
    what: `design ${design} samples ranges, not lists`,
    fix: `write \`${path}: {min: 0.1, max: 0.5}\`, or use design: grid`,
  }),
  minAboveMax: (min: number, max: number) => ({ what: `min (${min}) is greater than max (${max})`, fix: 'swap them' }),
  noRanges: (design: string) => ({
    what: `design ${design} has no parameters to sample`,
    fix: 'add ranges under sweep.parameters, e.g. `openness: {min: 0, max: 0.5}`',
  }),
  scramblesNotSaltelli: (design: string) => ({
    what: `design ${design} has no scrambles to replicate`,
    fix: 'remove scrambles, or use design: saltelli',
  }),
  noSamples: (design: string) => ({
    what: `design ${design} needs the number of points`,
    fix: 'add e.g. `samples: 64` under sweep (a power of two suits sobol)',
  }),
  tooManySobolDimensions: (count: number, max: number) => ({
    what: `sobol supports at most ${max} parameters (got ${count})`,
    fix: 'use design lhs, or sweep fewer parameters',
  }),
  tooManyPoints: (points: number, max: number) => ({
    what: `the design has ${points} points, more than ${max}`,
    fix: 'sweep fewer values or use lhs/sobol with samples',
  }),
  /** A value of a swept parameter that breaks the schema (checked in every arm). */
  badValue: (path: string, value: unknown, arm: string | undefined, problem: string) => ({
    what: `${path} = ${JSON.stringify(value)}${arm === undefined ? '' : ` (arm ${arm})`} is not allowed: ${problem}`,
    fix: 'remove the value or change it',
  }),
  /** An arm whose overrides break the schema. */
  badArm: (arm: string, problem: string) => ({ what: `arm ${arm}: ${problem}`, fix: 'change the override' }),
  /**
   * Design points where values that are each allowed break a rule together (say rd_min above
   * rd_max): the first such point with the values of the rule's parameters only (`values`,
   * "firms.rd_min=0.25"), not every swept value (a screening sweeps ~100).
   */
  badPoints: (failing: number, points: number, point: number, values: readonly string[], others: number, arm: string | undefined, problem: string) => ({
    what:
      `${failing} of ${plural(points, 'design point')}${arm === undefined ? '' : ` of arm ${arm}`} ${failing === 1 ? 'breaks' : 'break'} a rule, ` +
      `first point ${point} (${values.join(', ')}${others > 0 ? `; ${plural(others, 'other swept value')} not shown` : ''}): ${problem}`,
    fix: 'change the values so that every combination is allowed (a sweep is refused before any run starts)',
  }),

  // --- the command line ---------------------------------------------------------------
  badReplicates: (value: unknown) => `--replicates ${String(value)}: write a whole number from 1 to 100000, e.g. --replicates 8`,
  badWorkers: (value: unknown) => `--workers ${String(value)}: write a whole number of at least 1, e.g. --workers 2`,
  badSeed: (value: unknown) => `--seed ${String(value)}: write a whole number from 0 to 4294967295`,
  badShard: (value: string) =>
    `--shard ${value}: write i/n with whole numbers 0 <= i < n (shards count from 0, as SLURM array task ids), e.g. --shard 0/4`,
  shardEmpty: (shard: string, runs: number) =>
    `--shard ${shard}: this shard has no runs (the sweep has only ${plural(runs, 'run')} in ${runs} groups); use fewer shards`,

  // --- the output directory -----------------------------------------------------------
  outHoldsSweep: (dir: string) =>
    `--out ${dir}: already holds a sweep (runs.ndjson); add --resume to finish it, or name a new directory`,
  outHoldsOther: (dir: string, files: readonly string[]) =>
    `--out ${dir}: directory already holds other files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}); name a new or empty directory`,
  outNotDirectory: (dir: string) => `--out ${dir}: is a file, not a directory; name a new or empty directory`,
  differentSweep: (dir: string, stored: string, now: string) =>
    `--resume: ${dir} holds a different sweep (scenario hash ${stored.slice(0, 12)}, this one is ${now.slice(0, 12)}); nothing was changed: use a new --out, or resume with the scenario and --set values it was made with`,
  differentShard: (dir: string, stored: string, now: string) =>
    `--resume: ${dir} holds shard ${stored}, not ${now}; nothing was changed: resume with --shard ${stored}, or use a new --out`,
  damagedManifest: (file: string, problem: string) =>
    `${file}: damaged (${problem}); nothing was changed: restore it from a copy, or run the sweep again with a new --out (its runs.ndjson can stay where it is)`,
  noManifest: (dir: string) =>
    `--resume: ${dir} has runs.ndjson but no manifest.json, so its scenario cannot be checked; nothing was changed: use a new --out`,
  corruptStore: (file: string, line: number, problem: string) =>
    `${file}:${line}: not a whole run record (${problem}); the store is damaged in the middle, not just at its end; nothing was changed: delete line ${line} and resume (--resume runs that one run again), or start again with a new --out`,

  // --- merge --------------------------------------------------------------------------
  mergeNothing: () => 'merge: name at least one sweep directory, e.g. `lrsim merge out/shards/* --out out`',
  mergeNoManifest: (dir: string) => `merge: ${dir} has no manifest.json; is it a sweep directory?`,
  mergeDifferent: (dir: string, first: string) =>
    `merge: ${dir} belongs to a different sweep than ${first} (scenario hash, replicates, shard count or firm tables (--microdata) differ); merge only the shards of one sweep`,
  differentMicrodata: (dir: string, stored: boolean) =>
    `--resume: ${dir} was started ${stored ? 'with' : 'without'} firm tables (microdata); resuming ${stored ? 'without' : 'with'} them would leave the firm-level statistics covering only some runs; nothing was changed: resume without ${stored ? '--no-microdata' : '--microdata'} (a resume keeps the choice the sweep was started with), or use a new --out`,
  mergeIncomplete: (problems: string, finish: string) => `merge: the shard set is incomplete: ${problems}; finish it with: ${finish}`,
  mergeShardTwice: (twice: readonly { index: number; dirs: readonly string[] }[], absent: readonly number[], count: number) =>
    `merge: ${twice.map((t) => `shard ${t.index}/${count} is given ${t.dirs.length === 2 ? 'twice' : `${t.dirs.length} times`} (${t.dirs.join(', ')})`).join('; ')}${absent.length ? `, and ${absent.map((i) => `shard ${i}/${count}`).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not given` : ''}; name each shard's directory once`,
  mergeOutIsInput: (dir: string) => `merge: --out ${dir} is one of the inputs; name another directory`,
  /** The code a sweep's runs came from, as the warnings below name it. */
  commitOf: (s: { commit: string | null; dirty: boolean | null } | null) =>
    s?.commit ? `commit ${s.commit.slice(0, 7)}${s.dirty ? ' with uncommitted changes' : s.dirty === null ? ' (changes unknown)' : ''}` : 'commit unknown',
  /** A resumed sweep's stored runs came from other code than this session's (recorded in earlier_sources when the commit differs). */
  resumeMixedCode: (dir: string, before: string, now: string, recorded: boolean) =>
    `warning: --resume: the store of ${dir} holds runs from other code (${before}) than this session's (${now}); other code can give other results for the same seed, so the sweep mixes them (${recorded ? 'manifest.json records the earlier code in earlier_sources' : 'manifest.json records only this session\'s version'}); for a sweep of one code, run it again from one commit with a new --out`,
  /** The shards' runs came from different lrsim versions or commits (merge records them all, shard_sources). */
  mergeMixedCode: (shards: readonly string[]) =>
    `warning: merge: the runs come from different code (${shards.join('; ')}); other code can give other results for the same seed, so the merged sweep mixes them (manifest.json records every shard's version and commit in shard_sources); for a sweep of one code, run every shard from one commit and merge again`,

  // --- summaries (not errors) ---------------------------------------------------------
  interrupted: (done: number, total: number, resume: string) =>
    `interrupted: ${done} of ${total} runs are stored; finish with: ${resume}`,
  failedSummary: (failed: { key: string; error: string }[]) =>
    `${plural(failed.length, 'run')} failed: ` +
    failed.slice(0, 5).map((f) => `${f.key} (${f.error})`).join('; ') +
    (failed.length > 5 ? `; ... (all in manifest.json)` : ''),
} as const;

/** Messages of the sensitivity designs (morris, saltelli, file) and of `lrsim sample` / `lrsim analyze`. */
export const sensitivityMessages = {
  notPowerOfTwo: (where: string, n: number, nearest: number) =>
    `${where} ${n}: saltelli needs a power of two base rows (the Sobol sequence is balanced only then); use ${nearest}`,
  oddLevels: (where: string, levels: number) =>
    `${where} ${levels}: morris needs an even number of grid levels (so every step of p / (2 (p - 1)) lands on the grid); use ${levels + 1}`,
  tooFewTrajectories: (where: string, r: number) => `${where} ${r}: morris needs at least 2 trajectories; use e.g. 10`,
  poolTooSmall: (where: string, pool: number, nWhere: string, r: number) =>
    `${where} ${pool}: the pool must hold more trajectories than ${nWhere} (${r}); use e.g. ${4 * r}, or leave ${where} out`,
  tooManyScrambles: (where: string, r: number, max: number) => `${where} ${r}: at most ${max} scrambles (the cap of sweep.scrambles); use e.g. 16`,
  designTooLarge: (rows: number, columns: number, max: number, nWhere: string, largest: number | undefined) =>
    `the design would have ${rows} rows x ${columns} columns = ${rows * columns} values, more than the ${max} lrsim sample writes in one file; ${largest === undefined ? 'sample fewer parameters' : `use ${nWhere} ${largest} or less, or sample fewer parameters`} (nothing was written)`,
  tooFewScrambles: (where: string, r: number) =>
    `${where} ${r}: replicated scrambles need a whole number of at least 2 (the interval is read from the spread between scrambles); use e.g. 16, or leave ${where} out for one scramble`,
  scramblesNotDivisor: (where: string, r: number, nWhere: string, n: number) => {
    const ok = [2, 4, 8, 16, 32, 64].filter((k) => k <= n / 2 && n % k === 0);
    return `${where} ${r}: each scramble must hold N / R base rows, a power of two of at least 2, but ${nWhere} ${n} / ${r} is ${Number.isInteger(n / r) ? n / r : (n / r).toFixed(2)}; ${ok.length ? `use one of ${ok.join(', ')}` : `raise ${nWhere} to at least 4`}`;
  },
  scramblesNotSaltelli: () => '--scrambles: only saltelli designs are replicated over scrambles; drop --scrambles for morris',
  secondOrderNotSaltelli: () => '--second-order: only saltelli designs have second-order (BA) rows; morris has no second-order indices: drop --second-order for morris',
  blockInSweepFile: (file: string) =>
    `${file}: column block numbers the scrambles of a \`lrsim sample saltelli --scrambles\` design and is no parameter; a sweep over a design file runs its rows but computes no Sobol indices: drop the column for the sweep, and give the design with it to \`lrsim analyze saltelli\` (or sweep with design: saltelli and scrambles: R)`,
  blockParameter: (file: string) =>
    `${file}: a parameter is named \`block\`, the column a --scrambles design uses for its scramble; rename the parameter`,
  minNotBelowMax: (where: string, min: number, max: number) =>
    `${where}: min (${min}) must be below max (${max}); a sensitivity design needs a range to vary the parameter over`,
  logNotPositive: (where: string, min: number) => `${where}: log: true needs min > 0 (got ${min}); raise min or drop log`,
  tooManySaltelliDimensions: (at: string, count: number, max: number, screen: string) =>
    `${at}: saltelli supports at most ${max} parameters (got ${count}; the base sequence has 2D dimensions); screen them with ${screen} first`,
  noFile: () => 'sweep.file: design file needs the CSV to run, e.g. `file: design.csv` (a header of parameter dot paths, one row per point)',
  fileWithParameters: () =>
    'sweep.parameters: a design file names its parameters in its header; remove sweep.parameters, or use design lhs/sobol/morris/saltelli',
  // --- files -------------------------------------------------------------------------------
  unreadable: (file: string, what: string) => `${file}: cannot read the ${what} file; check the path`,
  noHeader: (file: string, what: string) => `${file}:1: the ${what} file has no header; the first line names the columns, e.g. \`openness,exchange.rho_tacit\``,
  emptyColumnName: (file: string) => `${file}:1: a column has no name; name every column in the header`,
  duplicateColumn: (file: string, column: string) => `${file}:1: column ${column} appears twice; name each column once`,
  noRows: (file: string, what: string) => `${file}: the ${what} file has a header but no rows; add one row per sample`,
  wrongWidth: (file: string, line: number, got: number, want: number) =>
    `${file}:${line}: ${got} fields, but the header has ${want} columns; give every row one value per column`,
  notNumber: (file: string, line: number, column: string, cell: string) =>
    `${file}:${line}: column ${column}: ${JSON.stringify(cell)} is not a finite number; write a number like 0.25`,
  missingOutputs: (file: string, lines: number[]) =>
    `${file}: NaN or empty outputs on line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ', ...' : ''}; indices need every row's output: re-run those samples (dropping single rows breaks the design's groups; if a sample cannot be run, drop its whole group from both files: the D + 1 rows of its Morris trajectory, or the D + 2 (2D + 2) rows of its Saltelli base row)`,
  rowsDiffer: (design: string, designRows: number, outputs: string, outputRows: number) =>
    `${outputs}: ${outputRows} rows, but ${design} has ${designRows}; the outputs must have one row per design row, in design order`,
  badLayout: (file: string, rows: number, method: string, need: string) =>
    `${file}: ${rows} rows do not form a ${method} design (${need}); use the design file \`lrsim sample ${method}\` wrote, with the same options`,
  notSaltelli: (file: string, line: number, what: string, secondOrder: boolean, otherFits: boolean) =>
    `${file}:${line}: not a Saltelli design${secondOrder ? ' with second-order rows' : ''}: this row should be ${what}; ${otherFits ? (secondOrder ? 'the design fits without second-order rows: drop --second-order' : 'the design has second-order (BA) rows: add --second-order') : `use the design \`lrsim sample saltelli\` (or SALib) wrote, rows in their order`}`,
  badBlocks: (file: string, line: number, what: string) =>
    `${file}:${line}: column block: ${what}; a --scrambles design lists its scrambles 1, 2, ..., R in order, each a whole Saltelli design of the same size: use the design \`lrsim sample saltelli --scrambles R\` wrote, rows in their order (a parameter named block: rename it)`,
  levelsMismatch: (file: string, column: string, distinct: number, levels: number) =>
    `${file}: column ${column} takes ${distinct} distinct values, but a design of --levels ${levels} has at most ${levels} per column; give the --levels the design was sampled with (e.g. --levels ${distinct + (distinct % 2)})`,
  levelsStep: (file: string, line: number, column: string, levels: number) =>
    `${file}:${line}: column ${column} steps between grid levels that are not ${levels / 2} apart, as a design of --levels ${levels} steps (delta = p / (2 (p - 1))); give the --levels the design was sampled with`,
  levelsOffGrid: (file: string, column: string, levels: number, fits: number | undefined) =>
    `${file}: column ${column} steps by one size, but its values do not lie on the grid that step implies for --levels ${levels} (levels 2 step / p apart, at most p of them); ${fits === undefined ? '' : `they do for --levels ${fits}; `}give the --levels the design was sampled with`,
  badStep: (file: string, line: number, d: number) =>
    `${file}:${line}: this row does not move exactly one parameter from the row before, as a morris trajectory of ${d + 1} rows must; use the design \`lrsim sample morris\` wrote`,
  // The parameters file of `lrsim sample` (what and fix; placed at file:line:col by the reader).
  paramsTooLarge: (file: string, max: number) => `${file}: the parameters file is larger than ${max / 2 ** 20} MiB; is this the right file?`,
  paramsExample: () => '`openness: {min: 0, max: 0.5}`',
  notARange: () => ({ what: 'not a range', fix: RANGE_FIX }),
  unknownRangeKey: (key: string, suggestion: string | undefined, allowed: readonly string[]) => ({
    what: `unknown key "${key}"`,
    fix: suggestion !== undefined ? `did you mean "${suggestion}"?` : `a range has ${allowed.join(', ')}`,
  }),
  missingBound: (bound: string) => ({ what: `${bound} is missing`, fix: RANGE_FIX }),
  boundNotNumber: (value: unknown) => ({ what: `${shown(value)} is not a finite number`, fix: 'write a number, e.g. 0.5' }),
  flagNotBoolean: (flag: string, value: unknown) => ({ what: `${shown(value)} is not true or false`, fix: `write ${flag}: true, or leave it out` }),
  noParams: (file: string) => `${file}: no parameters; map each name to a range, e.g. \`openness: {min: 0, max: 0.5}\``,
  outExists: (file: string) => `--out ${file}: already exists; name a new file (nothing was written)`,
  outDirHolds: (dir: string, file: string) => `--out ${dir}: already holds ${file}; name a new directory, or move ${file} away (nothing was written)`,
} as const;

/**
 * Messages of the hardening of sweep input/output (issue 14 items 3, 4, 6, 7, 8, 14): kept
 * in their own block.
 */
export const sweepIoMessages = {
  tornTail: (file: string, line: number, bytes: number, cut: boolean) =>
    `note: ${file}:${line}: the last record is torn (${plural(bytes, 'byte')} left by an interrupted write); ${cut ? 'cut it off; its run is run again' : 'skipped it'}`,
  tooManyWorkers: (value: number, max: number, cores: number) =>
    `--workers ${value}: at most ${max} (4 per core, ${cores} here, and never above ${MAX_WORKERS_CEILING}); more threads than cores only add memory, e.g. --workers ${cores}`,
  workersCapped: (asked: number, runs: number) =>
    `note: --workers ${asked} capped at ${runs}, the number of runs to do`,
  mergeOutHoldsOther: (dir: string, files: readonly string[]) =>
    `merge: --out ${dir} already holds other files (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}); name a new or empty directory, or add --force to write into it anyway`,
  resumeHint: (command: string) => `free some space, then run ${command}: it keeps the stored runs and rebuilds the outputs`,
  mergeRetryHint: () => 'free some space, then run the same merge again: it rebuilds the merged outputs from the shards',
  reportRetryHint: (dir: string) => `free some space, then run lrsim report ${dir}: the runs and tables are written, only the report is made again`,
  done: (dir: string, ranNow: number, stored: number, failed: number, seconds: number) =>
    `sweep done: ${stored ? `${plural(ranNow, 'new run')} (${stored} were already stored; ${ranNow + stored} in all)` : plural(ranNow, 'run')}, ${failed} failed, in ${seconds.toFixed(1)} s; outputs in ${dir}`,
  /** The worker bundle is missing (a checkout that was never built). */
  workerMissing: (file: string) => `${file} is missing; run \`npm run build\` first`,
  /** Two stored runs of one sweep with different time-series columns. */
  otherColumns: (key: string, first: string) =>
    `run ${key} has other time-series columns than ${first}; were they made by different lrsim versions?`,
} as const;

/** The most worker threads `--workers` accepts on any machine. */
export const MAX_WORKERS_CEILING = 256;

/** Throws bad input (exit 2) with one of the messages above. */
export function badInput(message: string): never {
  throw new ScenarioError(message);
}
