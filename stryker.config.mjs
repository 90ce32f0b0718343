/**
 * Mutation testing with StrykerJS (`npm run mutation`; not part of CI: a whole-folder run
 * takes hours on two cores). Each mutant changes one operator or constant in src/model or
 * src/stats; a mutant the unit tests still pass on marks an equation no test pins down.
 * Targets (issue 20): 75 % of mutants killed in src/model, 85 % in src/stats.
 *
 * Kept cheap per mutant: coverage per test (a mutant runs only the tests that execute it),
 * incremental (results kept in reports/stryker-incremental.json, so a rerun tests only
 * mutants whose code or covering tests changed; `--force` retests all; Stryker 9.4 writes
 * the file when a run ends, so a stopped run starts over: split long runs by file or line
 * range, each with its own `--incrementalFile`), two sandboxes at once.
 *
 * LRSIM_MUTATE narrows the run to a comma-separated list of files or `file:from-to` line
 * ranges, e.g. LRSIM_MUTATE=src/model/innovation.ts npm run mutation (or pass
 * `--mutate`). LRSIM_MUTATION_CONCURRENCY sets the number of sandboxes (default 2).
 * Reports go to reports/mutation/ (HTML and JSON; not committed).
 *
 * LRSIM_MUTATION_SAMPLE names a sample file written by scripts/mutation-sample.ts (`npm run
 * mutation:sample`): the run then mutates only the sampled mutants (a score estimated from a
 * random sample; see docs/mutation.md) and writes its JSON report beside the sample file.
 */
import { readFileSync } from 'node:fs';

/** A sampled run (scripts/mutation-sample.ts): the sample file, its JSON report beside it. */
const sampleFile = process.env.LRSIM_MUTATION_SAMPLE;
const sample = sampleFile ? JSON.parse(readFileSync(sampleFile, 'utf8')) : undefined;

/** Files to mutate when no range is given (scripts/mutation-sample.ts samples from these). */
export const MUTATE_DEFAULT = ['src/model/**/*.ts', 'src/stats/**/*.ts', '!src/**/index.ts', '!src/model/names.ts'];

const mutate = sample
  ? sample.mutants.map((m) => `${m.file}:${m.start.line}:${m.start.column}-${m.end.line}:${m.end.column}`)
  : process.env.LRSIM_MUTATE
    ? process.env.LRSIM_MUTATE.split(',').map((s) => s.trim()).filter(Boolean)
    : MUTATE_DEFAULT;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Unit tests of the model and the estimators only (no CLI, browser, sweep or validation tests).
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate,
  coverageAnalysis: 'perTest',
  // Vitest strips types without checking them, so Stryker need not prepend `// @ts-nocheck`
  // to every source file in the sandbox; doing so changed src/model/simd/kernels-wasm.ts and
  // failed the test that holds it to the bytes wabt assembles (the dry run then stops).
  disableTypeChecks: false,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: Number(process.env.LRSIM_MUTATION_CONCURRENCY ?? 2),
  // Mutants in module-level constants would need every test rerun per mutant. Caveat: code
  // a test file runs while it is collected (a fixture computed in a describe body) counts as
  // static too, and a mutant covered both so and by tests ("hybrid") then runs only those
  // tests, not the file that computed the fixture: it may be reported survived although that
  // file kills it. LRSIM_MUTATION_IGNORE_STATIC=0 runs static and hybrid mutants against
  // every test instead (slow; scripts/mutation-sample.ts rechecks sampled survivors so).
  ignoreStatic: process.env.LRSIM_MUTATION_IGNORE_STATIC !== '0',
  timeoutMS: 20_000,
  thresholds: { high: 85, low: 75, break: null },
  reporters: sample ? ['progress', 'json'] : ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: sample ? sampleFile.replace(/\.json$/, '.report.json') : 'reports/mutation/report.json' },
  // A sampled run mutates only the sampled mutants' nodes (scripts/mutation-sample-ignorer.mjs).
  ...(sample ? { appendPlugins: ['./scripts/mutation-sample-ignorer.mjs'], ignorers: ['lrsim-sample'] } : {}),
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['output', 'reports', 'test-artifacts', 'dist', 'bench/results', 'docs/img', '.scratch'],
};
