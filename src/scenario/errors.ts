/**
 * Every user-facing message about scenarios, in one module (STYLE habit 9): each names the
 * file, line and field it is about, says what is wrong and how to fix it. (The command
 * line's own messages live in src/cli/messages.ts.)
 *
 * A message is one line: `WHERE: FIELD: WHAT; FIX`. WHERE is `file:line:col` (or the
 * `--set` assignment), FIELD a dot path as `--set` accepts it (`policies.0.openness`).
 * The CLI prints it as `lrsim: error: ...` and exits 2.
 */
import { UNSAFE_CHAR_GLOBAL } from './unsafe-text';

export type PathSegment = string | number;

/** Where a problem is: a file (with line and column when known) or a `--set` assignment. */
export interface Location {
  source: string;
  line?: number;
  col?: number;
}

/** One problem, before it is formatted. */
export interface Problem {
  location?: Location;
  /** The field the problem is about (shown); also where to look for its line. */
  path?: readonly PathSegment[];
  /** Where to look for the line when it differs from `path` (an unknown key's own node). */
  at?: readonly PathSegment[];
  what: string;
  fix?: string;
}

/** A problem, and whether its line is that of the key (unknown keys) rather than the value. */
export type LocatedProblem = Problem & { key?: boolean };

/** At most this many problems are listed; the rest are counted (issue 14: 10,000 unknown keys). */
export const MAX_PROBLEMS_SHOWN = 20;

/**
 * Bad input: a one-line, user-facing error (exit code 2). `problems` lists the lines to
 * print: at most MAX_PROBLEMS_SHOWN, then one line counting the rest.
 */
export class ScenarioError extends Error {
  readonly problems: string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    const more = list.length - 1;
    super(
      more > 0
        ? `${list[0]} (and ${more} more problem${more === 1 ? '' : 's'}; \`lrsim validate FILE\` lists ${list.length <= MAX_PROBLEMS_SHOWN ? 'them all' : `the first ${MAX_PROBLEMS_SHOWN}`})`
        : list[0],
    );
    this.name = 'ScenarioError';
    this.problems = list.length > MAX_PROBLEMS_SHOWN ? [...list.slice(0, MAX_PROBLEMS_SHOWN), moreProblems(list.length - MAX_PROBLEMS_SHOWN)] : list;
  }
}

const moreProblems = (count: number) =>
  `... and ${count} more problem${count === 1 ? '' : 's'} (not listed); fix the ones above and validate again`;

/** A problem of a file, placed and formatted: its location (for order), its field, its line. */
export interface PlacedProblem {
  location: Location;
  path?: readonly PathSegment[];
  line: string;
}

const byPlace = (a: PlacedProblem, b: PlacedProblem) =>
  (a.location.line ?? Infinity) - (b.location.line ?? Infinity) || (a.location.col ?? 0) - (b.location.col ?? 0);

/**
 * The error for the problems of a file that `lrsim validate` does not read (a targets
 * file, a parameters file): the first in file order in full, then how many more there are
 * and where, e.g. `(and 2 more problems in this file, at t.yaml:5:3 targets.1.column, ...;
 * fix this one and run again to see the next in full)`. At least one problem.
 */
export function fileProblemsError(problems: readonly PlacedProblem[]): ScenarioError {
  const placed = [...problems].sort(byPlace);
  const error = new ScenarioError(placed.map((p) => p.line));
  if (placed.length > 1) error.message = moreProblemsInFile(placed[0].line, placed.slice(1).map((p) => `${formatLocation(p.location)} ${fieldName(p.path ?? [])}`));
  return error;
}

const moreProblemsInFile = (first: string, others: readonly string[]) =>
  `${first} (and ${others.length} more problem${others.length === 1 ? '' : 's'} in this file, at ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}; fix this one and run again to see the next in full)`;

/** Throws a ScenarioError for the given problems (at least one). */
export function fail(...problems: Problem[]): never {
  throw new ScenarioError(problems.map(formatProblem));
}

/** `policies.0.openness`; the empty path is "top level". */
export function fieldName(path: readonly PathSegment[]): string {
  return path.length ? path.join('.') : 'top level';
}

export function formatLocation(loc: Location): string {
  if (loc.line === undefined) return loc.source;
  return `${loc.source}:${loc.line}:${loc.col ?? 1}`;
}

/** One line: `where: field: what; fix` (sentence parts omitted when unknown). */
export function formatProblem(p: Problem): string {
  const parts: string[] = [];
  if (p.location) parts.push(formatLocation(p.location));
  if (p.path && p.path.length) parts.push(fieldName(p.path));
  const head = parts.length ? `${parts.join(': ')}: ` : '';
  return printable(`${head}${p.what}${p.fix ? `; ${p.fix}` : ''}`.replace(/\s*\n\s*/g, ' '));
}

/**
 * Text made safe for one terminal line: control characters (C0, DEL, C1, U+2028/2029) and
 * bidirectional overrides (U+202A-202E, U+2066-2069) as `\u001b`-style escapes, so a hostile
 * key or value cannot move the cursor, add lines or reorder what the user reads.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE_CHAR_GLOBAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const quoteList = (items: readonly string[], max = 12) =>
  items.length > max
    ? `${items.slice(0, max).map((s) => `"${s}"`).join(', ')}, ... (see \`lrsim schema\`)`
    : items.map((s) => `"${s}"`).join(', ');
const suggest = (s: string | undefined) => (s === undefined ? '' : `did you mean "${s}"? `);
const show = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : Number.isFinite(v) ? String(v) : v > 0 ? '.inf' : '-.inf';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
};

type Msg = Pick<Problem, 'what' | 'fix'>;

/** Messages about scenario files, `extends`, schema checks and `--set`. */
export const scenarioMessages = {
  // --- files and references ---------------------------------------------------------
  fileNotFound: (builtins: readonly string[], suggestion?: string): Msg => ({
    what: 'file not found',
    fix: `${suggest(suggestion)}check the path, or name a built-in scenario (${builtins.join(', ')})`,
  }),
  notAFile: (): Msg => ({ what: 'is a directory, not a scenario file', fix: 'name a .yaml or .json file inside it' }),
  notRegularFile: (kind: string): Msg => ({ what: `is ${kind}, not a scenario file`, fix: 'name a regular .yaml or .json file' }),
  unknownScenario: (ref: string, builtins: readonly string[], suggestion?: string): Msg => ({
    what: `no scenario file or built-in scenario named "${ref}"`,
    fix: `${suggest(suggestion)}built-ins: ${builtins.join(', ')} (\`lrsim scenarios\` describes them)`,
  }),
  readFailed: (reason: string): Msg => ({ what: `cannot read the file (${reason})`, fix: 'check the path and its permissions' }),
  fileTooLarge: (bytes: number, max: number): Msg => ({
    what: `file is too large (${(bytes / 2 ** 20).toFixed(1)} MiB)`,
    fix: `scenario files are at most ${max / 2 ** 20} MiB; is this the right file?`,
  }),
  binaryFile: (reason: string): Msg => ({
    what: `not a text file (${reason})`,
    fix: 'a scenario is a UTF-8 YAML or JSON text file; is this the right file?',
  }),
  tooManyEntries: (count: number, max: number): Msg => ({
    what: `the file has ${count} lines and commas, more than the ${max} a scenario may have`,
    fix: 'a scenario is far smaller; is this the right file?',
  }),
  /** `example`: what a file of another kind (a targets or parameters file) starts with. */
  emptyFile: (example = '`extends: baseline` on the first line'): Msg => ({ what: 'the file is empty', fix: `write a YAML mapping, e.g. ${example}` }),
  notAMapping: (found: unknown, example = '`extends: baseline` and `openness: 0.3`'): Msg => ({
    what: `the top level is ${show(found)}, not a mapping`,
    fix: `write \`key: value\` lines, e.g. ${example}`,
  }),
  yamlSyntax: (message: string): Msg => ({ what: `YAML syntax error: ${message}`, fix: 'fix the syntax (check indentation, colons, brackets and quotes)' }),
  jsonSyntax: (message: string): Msg => ({ what: `JSON syntax error: ${message}`, fix: 'fix the syntax (check commas, brackets and quotes), or write the scenario as YAML' }),
  multipleDocuments: (): Msg => ({ what: 'the file holds several YAML documents (separated by ---)', fix: 'keep one scenario per file' }),
  tooDeep: (): Msg => ({ what: 'lists or mappings nested too deeply to read', fix: 'a scenario nests a few levels; is this the right file?' }),
  complexKey: (): Msg => ({ what: 'a key that is a list or mapping (`? [a, b]`)', fix: 'write setting names as plain keys, e.g. `openness: 0.3`' }),
  aliasBomb: (): Msg => ({ what: 'too many YAML aliases', fix: 'write the values out instead of repeating anchors' }),

  // --- extends ----------------------------------------------------------------------
  extendsNotString: (value: unknown): Msg => ({
    what: `extends is ${show(value)}, not a name`,
    fix: 'write the name of a built-in scenario or a path, e.g. `extends: baseline`',
  }),
  extendsUnknown: (ref: string, resolved: string, builtins: readonly string[], suggestion?: string): Msg => ({
    what: `extends "${ref}": no built-in scenario of that name and no file ${resolved}`,
    fix: `${suggest(suggestion)}built-ins: ${builtins.join(', ')}; a file path is relative to this file`,
  }),
  extendsCycle: (chain: readonly string[]): Msg => ({
    what: `extends forms a cycle (${chain.join(' -> ')})`,
    fix: 'remove `extends` from one of these files',
  }),
  extendsTooDeep: (max: number): Msg => ({ what: `extends chain is deeper than ${max} files`, fix: 'flatten the chain' }),

  // --- schema checks ----------------------------------------------------------------
  unknownKey: (key: string, allowed: readonly string[], suggestion?: string): Msg => ({
    what: `unknown key "${key}"`,
    fix: suggestion !== undefined ? `did you mean "${suggestion}"?` : `allowed keys: ${quoteList(allowed)}`,
  }),
  /** `__proto__`, `constructor` or `prototype` where a parameter's dot path belongs. */
  internalKey: (key: string): Msg => ({ what: `unknown key "${key}"`, fix: 'name a setting as a dot path, e.g. `openness` or `firms.rd_min`' }),
  missingField: (expected: string): Msg => ({ what: 'required field is missing', fix: `add it (${expected})` }),
  noValue: (expected: string): Msg => ({ what: 'has no value (empty or null)', fix: `write ${expected}` }),
  wrongType: (value: unknown, expected: string): Msg => ({ what: `${show(value)} is the wrong type`, fix: `write ${expected}` }),
  notFinite: (value: unknown, expected: string): Msg => ({ what: `${show(value)} is not a finite number`, fix: `write ${expected}` }),
  notInteger: (value: unknown, expected: string): Msg => ({ what: `${show(value)} is not a whole number`, fix: `write ${expected}` }),
  outOfRange: (value: unknown, expected: string): Msg => ({ what: `${show(value)} is out of range`, fix: `write ${expected}` }),
  tooMany: (count: number, max: number): Msg => ({ what: `too many entries (${count})`, fix: `at most ${max} are allowed` }),
  tooFew: (count: number, min: number): Msg => ({ what: `too few entries (${count})`, fix: `at least ${min} ${min === 1 ? 'is' : 'are'} needed` }),
  stringLength: (length: number, min: number | undefined, max: number | undefined): Msg => ({
    what: `text of ${length} characters is too ${min !== undefined && length < min ? 'short' : 'long'}`,
    fix: `write ${min ?? 0} to ${max ?? 'any number of'} characters`,
  }),
  unknownKind: (what: string, value: unknown, valid: readonly string[], suggestion?: string): Msg =>
    value === undefined
      ? { what: `the ${what} has no kind`, fix: `add \`kind:\`, one of ${valid.join(', ')}` }
      : { what: `unknown ${what} kind ${show(value)}`, fix: `${suggest(suggestion)}valid kinds: ${valid.join(', ')}` },
  notOneOf: (value: unknown, options: readonly string[], suggestion?: string): Msg => ({
    what: `${show(value)} is not allowed`,
    fix: `${suggest(suggestion)}write one of ${options.join(', ')}`,
  }),
  badFormat: (value: unknown, rule: string): Msg => ({ what: `${show(value)} has the wrong form`, fix: rule }),
  noMatchingForm: (value: unknown, forms: string): Msg => ({ what: `${show(value)} is not allowed here`, fix: `write ${forms}` }),
  invalid: (zodMessage: string): Msg => ({ what: zodMessage, fix: 'see `lrsim schema` for what this field accepts' }),

  // --- cross-field checks -------------------------------------------------------------
  duplicatePlace: (name: string): Msg => ({ what: `place name "${name}" is used twice`, fix: 'give every place a unique name' }),
  unknownPlace: (name: string, places: readonly string[], suggestion?: string): Msg => ({
    what: `no place named "${name}" in region.places`,
    fix: `${suggest(suggestion)}places: ${quoteList(places)}`,
  }),
  linkToItself: (name: string): Msg => ({ what: `link from "${name}" to itself`, fix: 'a link joins two different places' }),
  endNotAfterStart: (start: number, end: number): Msg => ({
    what: `end ${end} is not after start ${start}`,
    fix: `write an end greater than ${start} (end is exclusive), or drop \`end\` to run to the last tick`,
  }),
  minAboveMax: (minField: string, min: number, maxField: string, max: number): Msg => ({
    what: `${minField} (${min}) is greater than ${maxField} (${max})`,
    fix: `make ${minField} at most ${maxField}`,
  }),
  tooManyAgents: (total: number, max: number): Msg => ({
    what: `${total} agents in all (firms + residents + institutions) is above the limit of ${max}`,
    fix: 'lower agents.firms or agents.residents',
  }),
  membersAboveFirms: (members: number, firms: number): Msg => ({
    what: `${members} members but only ${firms} firms (agents.firms)`,
    fix: `write at most ${firms}`,
  }),
  domainOutOfRange: (value: number, domains: number): Msg => ({
    what: `domain ${value} does not exist with knowledge.domains = ${domains}`,
    fix: `write a domain from 0 to ${domains - 1}`,
  }),
  tooManyDomains: (value: number, domains: number): Msg => ({
    what: `${value} domains is more than knowledge.domains (${domains})`,
    fix: `write at most ${domains}`,
  }),
  // Degenerate corners (issue 16): valid numbers whose combination means nothing.
  thetaZero: (): Msg => ({
    what: 'a capability threshold of 0 makes every firm capable in every domain, so every combination is known to the whole region (novelty S = 1) and every innovation is worth 0',
    fix: 'write a threshold above 0 (default 0.35; plausible 0.2 to 0.5)',
  }),
  tooFewDomains: (domains: number, width: number): Msg => ({
    what: `${domains} domains cannot hold profiles of width ${width} (knowledge.initial_width): two firms on opposite sides of the ring still overlap (cosine ${Math.exp(-(domains * domains) / (16 * width * width)).toFixed(2)}), so diversity and novelty collapse`,
    fix: `write knowledge.domains at least ${Math.ceil(6 * width)}, or knowledge.initial_width at most ${+(domains / 6).toFixed(2)}`,
  }),
  useFasterThanIdle: (use: number, idle: number): Msg => ({
    what: `knowledge.delta_use (${use}) is greater than knowledge.delta_idle (${idle}): using a domain would speed its loss, the opposite of use-it-or-lose-it`,
    fix: 'make delta_use at most delta_idle (defaults 0.005 and 0.03)',
  }),
  policyAfterEnd: (start: number, ticks: number): Msg => ({
    what: `the policy starts at tick ${start}, but the run ends after tick ${ticks - 1} (ticks: ${ticks}), so it never takes effect`,
    fix: `start it before tick ${ticks}, or raise ticks`,
  }),
  shockAfterEnd: (tick: number, ticks: number): Msg => ({
    what: `the shock comes at tick ${tick}, but the run ends after tick ${ticks - 1} (ticks: ${ticks}), so it never happens`,
    fix: `move it before tick ${ticks}, or raise ticks`,
  }),
  duplicateArm: (name: string): Msg => ({ what: `arm name "${name}" is used twice`, fix: 'give every arm a unique name' }),
  armSetsSwept: (arm: string, key: string, swept: string): Msg => ({
    what: `arm "${arm}" sets ${key}, which the sweep varies (sweep.parameters: ${swept}); the design's values replace an arm's, so this setting would do nothing`,
    fix: `remove ${key} from the arm's set, or remove ${swept} from sweep.parameters and give each arm its value`,
  }),

  // --- --set and dot paths ------------------------------------------------------------
  setSyntax: (): Msg => ({ what: 'not of the form PATH=VALUE', fix: 'write e.g. `--set openness=0.3` or `--set proximity.geographic_decay_km=40`' }),
  unknownPath: (segment: string, allowed: readonly string[], suggestion?: string): Msg => ({
    what: `unknown setting "${segment}"`,
    fix: suggestion !== undefined ? `did you mean "${suggestion}"?` : `allowed here: ${quoteList(allowed)}`,
  }),
  pathIntoValue: (segment: string): Msg => ({
    what: `"${segment}" goes below a value that has no settings`,
    fix: 'shorten the path to the value itself',
  }),
  badIndex: (segment: string, length: number): Msg => ({
    what: `"${segment}" is not an index of this list (it has ${length} entr${length === 1 ? 'y' : 'ies'})`,
    fix: `${length === 0 ? 'use 0 to add the first entry' : `use 0 to ${length - 1}, or ${length} to append`}, or set the whole list, e.g. \`--set 'policies=[{kind: open_region, openness: 0.5}]'\``,
  }),
  setBadValue: (message: string): Msg => ({
    what: `cannot read the value (${message})`,
    fix: "write a YAML value: a number, text, true/false, [a, b] or {key: value}; quote the whole option in the shell, e.g. --set 'policies=[{kind: open_region, openness: 0.5}]'",
  }),
} as const;
