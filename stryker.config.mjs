/**
 * Mutation testing with StrykerJS (`npm run mutation`; not part of CI: a whole-folder run
 * takes hours on two cores). Each mutant changes one operator or constant in src/model or
 * src/stats; a mutant the unit tests still pass on marks an equation no test pins down.
 * Targets (issue 20): 75 % of mutants killed in src/model, 85 % in src/stats.
 *
 * Kept cheap per mutant: coverage per test (a mutant runs only the tests that execute it),
 * incremental (results kept in reports/stryker-incremental.json, so a stopped run resumes
 * and a rerun tests only mutants whose code or covering tests changed; `--force` retests
 * all), two sandboxes at once.
 *
 * LRSIM_MUTATE narrows the run to a comma-separated list of files or `file:from-to` line
 * ranges, e.g. LRSIM_MUTATE=src/model/innovation.ts npm run mutation (or pass
 * `--mutate`). LRSIM_MUTATION_CONCURRENCY sets the number of sandboxes (default 2).
 * Reports go to reports/mutation/ (HTML and JSON; not committed).
 */
const mutate = process.env.LRSIM_MUTATE
  ? process.env.LRSIM_MUTATE.split(',').map((s) => s.trim()).filter(Boolean)
  : ['src/model/**/*.ts', 'src/stats/**/*.ts', '!src/**/index.ts', '!src/model/names.ts'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Unit tests of the model and the estimators only (no CLI, browser, sweep or validation tests).
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate,
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: Number(process.env.LRSIM_MUTATION_CONCURRENCY ?? 2),
  // Mutants in module-level constants would need every test rerun per mutant.
  ignoreStatic: true,
  timeoutMS: 20_000,
  thresholds: { high: 85, low: 75, break: null },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/report.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['output', 'reports', 'test-artifacts', 'dist', 'bench/results', 'docs/img', '.scratch'],
};
