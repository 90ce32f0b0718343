/**
 * Mutation score of a folder estimated from a seeded random sample of its mutants
 * (`npm run mutation:sample -- <command> ...`; docs/mutation.md). A whole-folder Stryker run
 * of src/model or src/stats takes 5-8 hours on two cores; a sample of a few hundred mutants
 * gives the score with a confidence interval in well under an hour.
 *
 *   draw  --folder src/model --size 350 --seed 20261203 [--name model]
 *         Enumerates every mutant of the folder with Stryker's own instrumenter (the files
 *         `npm run mutation` mutates: no index.ts, no model/names.ts), sorts them by file,
 *         location, mutator and replacement, and draws a simple random sample without
 *         replacement (partial Fisher-Yates with seedrandom's alea, seeded by --seed: the same
 *         seed and code give the same sample). Writes reports/sample/<name>/sample.json, the
 *         mutants in draw order (so every chunk of `run` is a random sample too).
 *   run   --name model [--chunk 100]
 *         Runs Stryker on the sample in chunks of --chunk mutants (one Stryker run each, with
 *         LRSIM_MUTATION_SAMPLE naming the chunk file: stryker.config.mjs then mutates only
 *         the sampled nodes, see scripts/mutation-sample-ignorer.mjs). A finished chunk's
 *         report is kept, so a stopped run resumes at the first unfinished chunk. Set
 *         LRSIM_MUTATION_ISOLATE=0 for speed (sound for both folders, vitest.mutation.config.ts).
 *   recheck --name model
 *         Writes the sample model-recheck-<n> (n = 1, 2, ...: one per call, each with only
 *         mutants no earlier recheck has): the sampled mutants Stryker ran with static
 *         coverage that survived, and the static ones it ignored. Code that a test file runs
 *         while it loads (a fixture computed in a describe body) counts as static, so with
 *         ignoreStatic such a mutant runs only against the tests that reach it inside a test
 *         (or not at all), and may survive although the file holding the fixture kills it.
 *         `run --name model-recheck-1` reruns them against every test (ignoreStatic off).
 *   score --name model
 *         Matches the sampled mutants (file, location, mutator, replacement) in the chunk
 *         reports and prints killed, timed out, survived, no coverage, static (ignored) and
 *         errors, the score and its Wilson and Clopper-Pearson 95 % intervals, the counts per
 *         file and the surviving and uncovered mutants, as run and, when a recheck has run,
 *         with its outcomes. Mutants on the same nodes that were run but not sampled are not
 *         counted.
 *
 * The score is Stryker's: (killed + timed out) / (killed + timed out + survived + no
 * coverage). Static mutants (code run when a module loads; ignoreStatic) and mutants that
 * do not compile or crash are left out of it, as in a full run: the sampled mutants that
 * remain are a simple random sample of the mutants a full run would score. The intervals
 * treat the sample as drawn with replacement (no finite-population correction, so they are
 * slightly wide when the sample is a sizeable share of the folder).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import seedrandom from 'seedrandom';
import { binomialUpperTail } from '../src/stats/binomial';
import { wilsonInterval } from '../src/stats/wilson';

/** A position as in Babel's node locations: line 1-based, column 0-based. */
interface Position {
  line: number;
  column: number;
}

/** One mutant of the population, identified as Stryker's reports identify it. */
interface SampledMutant {
  file: string;
  start: Position;
  end: Position;
  mutatorName: string;
  replacement: string;
}

interface SampleFile {
  folder: string;
  seed: string;
  size: number;
  population: number;
  commit: string;
  drawn: string;
  perFile: Record<string, number>;
  /** Set on a recheck sample: the sample whose static survivors it reruns against every test. */
  recheckOf?: string;
  mutants: SampledMutant[];
}

/** A mutant in a Stryker JSON report (mutation-testing-report-schema: lines and columns 1-based). */
export interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  statusReason?: string;
  static?: boolean;
  location: { start: Position; end: Position };
}

/** A sampled mutant's outcome in a chunk report. */
export interface Outcome {
  status: string;
  static: boolean;
}

const ROOT = process.cwd();
const SAMPLE_DIR = 'reports/sample';

function usage(message: string): never {
  console.error(`mutation-sample: ${message}`);
  console.error('usage: npm run mutation:sample -- draw --folder src/model --size 350 --seed 20261203 [--name model]');
  console.error('       npm run mutation:sample -- run --name model [--chunk 100]');
  console.error('       npm run mutation:sample -- score --name model');
  process.exit(2);
}

function option(args: string[], name: string, fallback?: string): string {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? args[i + 1] : fallback;
  if (value === undefined) usage(`--${name} is required`);
  return value;
}

function positiveInteger(args: string[], name: string, fallback?: string): number {
  const value = Number(option(args, name, fallback));
  if (!Number.isInteger(value) || value <= 0) usage(`--${name} must be a positive integer`);
  return value;
}

const key = (file: string, start: Position, end: Position, mutator: string, replacement: string) =>
  `${file}|${start.line}:${start.column}-${end.line}:${end.column}|${mutator}|${replacement}`;

const keyOf = (m: SampledMutant) => key(m.file, m.start, m.end, m.mutatorName, m.replacement);

/** The files `npm run mutation` mutates in a folder (stryker.config.mjs), sorted. */
function folderFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((f) => join(folder, f).split('\\').join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('/index.ts') && f !== 'src/model/names.ts')
    .sort();
}

const compare = (a: SampledMutant, b: SampledMutant) =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
  a.start.line - b.start.line ||
  a.start.column - b.start.column ||
  a.end.line - b.end.line ||
  a.end.column - b.end.column ||
  (a.mutatorName < b.mutatorName ? -1 : a.mutatorName > b.mutatorName ? 1 : 0) ||
  (a.replacement < b.replacement ? -1 : a.replacement > b.replacement ? 1 : 0);

/** Every mutant of the files that a full run would consider, as Stryker's instrumenter generates them. */
async function enumerate(files: string[]): Promise<SampledMutant[]> {
  const quiet = () => undefined;
  const logger = { debug: quiet, info: quiet, trace: quiet, warn: console.warn, error: console.error, fatal: console.error, isDebugEnabled: () => false, isTraceEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => true, isErrorEnabled: () => true, isFatalEnabled: () => true };
  const instrumenter = new Instrumenter(logger as never);
  const options = { plugins: null, excludedMutations: [], ignorers: [], noHeader: false, mutationRanges: [] };
  const out: SampledMutant[] = [];
  for (const file of files) {
    const result = await instrumenter.instrument([{ name: file, mutate: true, content: readFileSync(file, 'utf8') }], options as never);
    for (const m of result.mutants) {
      // A mutant with a status here is disabled by a `// Stryker disable` comment: never run.
      if (m.status !== undefined) continue;
      // The instrumenter's API positions are 0-based; Babel's (and a mutate range's) lines are 1-based.
      const start = { line: m.location.start.line + 1, column: m.location.start.column };
      const end = { line: m.location.end.line + 1, column: m.location.end.column };
      out.push({ file, start, end, mutatorName: m.mutatorName, replacement: m.replacement });
    }
  }
  return out.sort(compare);
}

/**
 * A simple random sample of `size` of the indices 0..n-1 without replacement, in draw order:
 * the first `size` steps of a Fisher-Yates shuffle driven by seedrandom's alea(seed).
 */
export function drawIndices(n: number, size: number, seed: string): number[] {
  const random = seedrandom.alea(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, size);
}

async function draw(args: string[]): Promise<void> {
  const folder = option(args, 'folder').replace(/\/$/, '');
  const size = positiveInteger(args, 'size');
  const seed = option(args, 'seed');
  const name = option(args, 'name', folder.split('/').pop());
  if (!existsSync(folder)) usage(`no folder ${folder}`);
  const population = await enumerate(folderFiles(folder));
  if (size > population.length) usage(`--size ${size} is larger than the ${population.length} mutants of ${folder}`);
  // Kept in draw order, so each chunk of `run` is itself a random sample: a partial run
  // estimates the score without favouring the files early in the alphabet.
  const mutants = drawIndices(population.length, size, seed).map((i) => population[i]);
  const perFile: Record<string, number> = {};
  for (const m of population) perFile[m.file] = (perFile[m.file] ?? 0) + 1;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const sample: SampleFile = { folder, seed, size, population: population.length, commit, drawn: new Date().toISOString(), perFile, mutants };
  mkdirSync(join(SAMPLE_DIR, name), { recursive: true });
  writeFileSync(join(SAMPLE_DIR, name, 'sample.json'), `${JSON.stringify(sample, null, 1)}\n`);
  const duplicates = population.length - new Set(population.map(keyOf)).size;
  console.log(`${folder}: ${population.length} mutants in ${Object.keys(perFile).length} files (${duplicates} with the same file, location, mutator and replacement as another); sampled ${size} with seed ${seed} at ${commit} -> ${join(SAMPLE_DIR, name, 'sample.json')}`);
}

function readSample(name: string): SampleFile {
  const path = join(SAMPLE_DIR, name, 'sample.json');
  if (!existsSync(path)) usage(`no ${path}: draw the sample first`);
  return JSON.parse(readFileSync(path, 'utf8')) as SampleFile;
}

/** The chunk of sampled mutants first..end-1 (sample order): its sample file; the report is beside it. */
const chunkPath = (name: string, first: number, end: number) => join(SAMPLE_DIR, name, `chunk-${String(first).padStart(4, '0')}-${String(end).padStart(4, '0')}.json`);

/** The finished chunks of a sample: [first, end, report path], by first. */
function finishedChunks(name: string): [number, number, string][] {
  const dir = join(SAMPLE_DIR, name);
  const sample = readSample(name);
  const index = new Map(sample.mutants.map((m, i) => [keyOf(m), i]));
  return readdirSync(dir)
    .map((f): [number, number, string] | undefined => {
      const ranged = /^chunk-(\d+)-(\d+)\.report\.json$/.exec(f);
      if (ranged) return [Number(ranged[1]), Number(ranged[2]), join(dir, f)];
      // The first version of this script numbered chunks (chunk-00): find their range.
      const numbered = /^chunk-\d\d\.report\.json$/.exec(f);
      if (!numbered) return undefined;
      const part = (JSON.parse(readFileSync(join(dir, f.replace('.report', '')), 'utf8')) as SampleFile).mutants;
      const first = index.get(keyOf(part[0])) ?? 0;
      return [first, first + part.length, join(dir, f)];
    })
    .filter((c) => c !== undefined)
    .sort((x, y) => x[0] - y[0]);
}

function run(args: string[]): void {
  const name = option(args, 'name');
  const chunk = positiveInteger(args, 'chunk', '100');
  const sample = readSample(name);
  const n = sample.mutants.length;
  // Chunks are named by their range of the sample, so a rerun with another --chunk resumes too.
  let first = 0;
  while (first < n) {
    const done = finishedChunks(name).find(([f, e]) => f <= first && first < e);
    if (done !== undefined) {
      console.log(`mutants ${done[0]}-${done[1] - 1} of ${n}: done (${done[2]})`);
      first = done[1];
      continue;
    }
    const end = Math.min(n, first + chunk);
    const path = chunkPath(name, first, end);
    writeFileSync(path, `${JSON.stringify({ ...sample, mutants: sample.mutants.slice(first, end) }, null, 1)}\n`);
    console.log(`mutants ${first}-${end - 1} of ${n}: ${new Date().toISOString()}`);
    const started = Date.now();
    const result = spawnSync('npx', ['stryker', 'run', '--incrementalFile', path.replace(/\.json$/, '.incremental.json')], {
      stdio: 'inherit',
      env: { ...process.env, LRSIM_MUTATION_SAMPLE: join(ROOT, path), ...(sample.recheckOf ? { LRSIM_MUTATION_IGNORE_STATIC: '0' } : {}) },
    });
    if (result.status !== 0) {
      console.error(`mutation-sample: Stryker failed on mutants ${first}-${end - 1} (exit ${result.status}); rerun to resume`);
      process.exit(1);
    }
    console.log(`mutants ${first}-${end - 1}: ${((Date.now() - started) / 60000).toFixed(1)} min`);
    first = end;
  }
}

/** Clopper-Pearson ("exact") 95 % interval for k successes in n, by bisection on the binomial tail. */
export function clopperPearson(k: number, n: number, alpha = 0.05): [number, number] {
  const solve = (f: (p: number) => number, target: number) => {
    let lo = 0;
    let hi = 1;
    for (let it = 0; it < 200; it++) {
      const mid = (lo + hi) / 2;
      if (f(mid) < target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  // Lower end: P(X >= k | p) = alpha/2; upper end: P(X >= k + 1 | p) = 1 - alpha/2 (P(X <= k) = alpha/2).
  const lower = k === 0 ? 0 : solve((p) => binomialUpperTail(k, n, p), alpha / 2);
  const upper = k === n ? 1 : solve((p) => binomialUpperTail(k + 1, n, p), 1 - alpha / 2);
  return [lower, upper];
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The outcomes in a sample's chunk reports, by mutant key (a list: keys may repeat across chunks). */
function readOutcomes(name: string): { outcomes: Map<string, Outcome[]>; reports: number } {
  const reports = finishedChunks(name).map(([, , report]) => JSON.parse(readFileSync(report, 'utf8')) as ChunkReport);
  return { outcomes: collectOutcomes(reports), reports: reports.length };
}

/** A chunk's Stryker JSON report, as far as the score reads it. */
export interface ChunkReport {
  files: Record<string, { mutants: ReportMutant[] }>;
}

/**
 * The outcomes in chunk reports, in report order, by mutant key (file, 0-based location,
 * mutator, replacement). A mutant that a chunk instrumented only because it is nested in one
 * of that chunk's sampled nodes, and ignored as not in the chunk's sample, is no outcome.
 */
export function collectOutcomes(reports: readonly ChunkReport[]): Map<string, Outcome[]> {
  const outcomes = new Map<string, Outcome[]>();
  for (const report of reports) {
    for (const [file, { mutants }] of Object.entries(report.files)) {
      for (const m of mutants) {
        if (m.status === 'Ignored' && m.statusReason?.startsWith(NOT_IN_SAMPLE)) continue;
        const { start, end } = m.location;
        // Schema columns are 1-based; the sample's (Babel's) 0-based.
        const k = key(file, { line: start.line, column: start.column - 1 }, { line: end.line, column: end.column - 1 }, m.mutatorName, m.replacement ?? '');
        if (!outcomes.has(k)) outcomes.set(k, []);
        outcomes.get(k)!.push({ status: m.status, static: m.static === true });
      }
    }
  }
  return outcomes;
}

/** The reason the sample ignorer (scripts/mutation-sample-ignorer.mjs) gives a mutant outside the sample. */
const NOT_IN_SAMPLE = 'Not in the mutation sample';

/**
 * Each sampled mutant's outcome (the first report that ran it), or NotRun. Until
 * 2026-12-03 a sampled mutant that an earlier chunk had instrumented and ignored (nested in
 * one of that chunk's sampled nodes) took that "ignored" entry instead of its own chunk's
 * result, and left the score as a static mutant: 7 of 250 in the stats5 sample.
 */
function sampledOutcomes(sample: SampleFile, name: string): { outcomes: Outcome[]; reports: number; extra: number } {
  const { outcomes, reports } = readOutcomes(name);
  const sampled = new Set(sample.mutants.map(keyOf));
  let extra = 0;
  for (const [k, list] of outcomes) if (!sampled.has(k)) extra += list.filter((o) => o.status !== 'Ignored').length;
  return { outcomes: sample.mutants.map((m) => outcomes.get(keyOf(m))?.[0] ?? { status: 'NotRun', static: false }), reports, extra };
}

const undetected = (o: Outcome) => o.status === 'Survived' || o.status === 'NoCoverage';

/**
 * recheck --name stats: writes the sample <name>-recheck of the sampled survivors that have
 * static coverage ("hybrid": Stryker ran them only against the tests that cover them per
 * test, not against the test files that compute fixtures while they load) and of the static
 * mutants it ignored; `run` then runs them against every test (ignoreStatic off), and
 * `score` uses those outcomes: the score a run with ignoreStatic off would give (a killed
 * mutant stays killed with more tests).
 */
function recheck(args: string[]): void {
  const name = option(args, 'name');
  const sample = readSample(name);
  const { outcomes } = sampledOutcomes(sample, name);
  const earlier = recheckNames(name);
  const done = new Set(earlier.flatMap((r) => readSample(r).mutants.map(keyOf)));
  const mutants = sample.mutants.filter((m, i) => outcomes[i].static && (undetected(outcomes[i]) || outcomes[i].status === 'Ignored') && !done.has(keyOf(m)));
  // A recheck made before every chunk had run is kept; a later one takes the rest.
  const target = `${name}-recheck-${earlier.length + 1}`;
  mkdirSync(join(SAMPLE_DIR, target), { recursive: true });
  writeFileSync(join(SAMPLE_DIR, target, 'sample.json'), `${JSON.stringify({ ...sample, recheckOf: name, size: mutants.length, mutants }, null, 1)}\n`);
  if (mutants.length === 0) console.log('nothing to recheck');
  console.log(`${mutants.length} sampled survivors with static coverage and static (ignored) mutants -> ${join(SAMPLE_DIR, target, 'sample.json')}; run: npm run mutation:sample -- run --name ${target}`);
}

/** The recheck samples of a sample, in the order they were made. */
function recheckNames(name: string): string[] {
  const prefix = `${name}-recheck-`;
  return readdirSync(SAMPLE_DIR)
    .filter((d) => d.startsWith(prefix) && /^\d+$/.test(d.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
}

function tally(sample: SampleFile, outcomes: Outcome[]): void {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  const c = (s: string) => counts[s] ?? 0;
  const detected = c('Killed') + c('Timeout');
  const valid = detected + c('Survived') + c('NoCoverage');
  const w = wilsonInterval(detected, valid);
  const [cpLow, cpHigh] = clopperPearson(detected, valid);
  const hybrid = outcomes.filter((o) => o.static && undetected(o)).length;
  console.log(`  killed ${c('Killed')}, timed out ${c('Timeout')}, survived ${c('Survived')} (${hybrid} of them with static coverage), no coverage ${c('NoCoverage')}; static (ignored) ${c('Ignored')}, compile/runtime errors ${c('CompileError') + c('RuntimeError')}, not run yet ${c('NotRun')}`);
  console.log(`  score ${detected}/${valid} = ${pct(detected / valid)}; Wilson 95 % ${pct(w.ciLow)} to ${pct(w.ciHigh)}; Clopper-Pearson 95 % ${pct(cpLow)} to ${pct(cpHigh)}`);
}

function score(args: string[]): void {
  const name = option(args, 'name');
  const sample = readSample(name);
  const { outcomes, reports, extra } = sampledOutcomes(sample, name);
  console.log(`${sample.folder}: sample of ${sample.size} from ${sample.population} mutants, seed ${sample.seed}, drawn at ${sample.commit}; ${reports} chunk report(s) read; ${extra} other mutants on the sampled nodes were run and are not counted`);
  console.log('as run (ignoreStatic):');
  tally(sample, outcomes);
  let final = outcomes;
  const rechecks = recheckNames(name);
  if (rechecks.length > 0) {
    const byKey = new Map<string, Outcome>();
    for (const r of rechecks) {
      const again = sampledOutcomes(readSample(r), r);
      readSample(r).mutants.forEach((m, i) => {
        if (again.outcomes[i].status !== 'NotRun') byKey.set(keyOf(m), again.outcomes[i]);
      });
    }
    final = sample.mutants.map((m, i) => byKey.get(keyOf(m)) ?? outcomes[i]);
    console.log(`after rerunning the static survivors and ignored static mutants against every test (${rechecks.join(', ')}; ${byKey.size} rerun; the score with ignoreStatic off):`);
    tally(sample, final);
  }
  const perFile = new Map<string, Record<string, number>>();
  const notable: string[] = [];
  sample.mutants.forEach((m, i) => {
    const status = final[i].status;
    const f = perFile.get(m.file) ?? {};
    f[status] = (f[status] ?? 0) + 1;
    perFile.set(m.file, f);
    if (undetected(final[i])) notable.push(`${status.padEnd(10)} ${final[i].static ? 'static ' : 'perTest'} ${m.file}:${m.start.line}:${m.start.column} ${m.mutatorName}: ${m.replacement.replace(/\s+/g, ' ').slice(0, 100)}`);
  });
  console.log('\nper file: killed timeout survived nocov static');
  for (const [file, f] of [...perFile].sort()) console.log(`  ${file}: ${f.Killed ?? 0} ${f.Timeout ?? 0} ${f.Survived ?? 0} ${f.NoCoverage ?? 0} ${f.Ignored ?? 0}`);
  if (notable.length) console.log(`\nnot detected:\n  ${notable.join('\n  ')}`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'draw') await draw(rest);
  else if (command === 'run') run(rest);
  else if (command === 'score') score(rest);
  else if (command === 'recheck') recheck(rest);
  else usage(command === undefined ? 'a command is required' : `unknown command ${command}`);
}

// Run as a script, not when a test imports the estimators above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
