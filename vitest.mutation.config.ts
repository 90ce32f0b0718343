import { defineConfig } from 'vitest/config';

/**
 * The unit tests StrykerJS runs against each mutant (stryker.config.mjs): the model's and
 * the estimators' unit tests, nothing that spawns the CLI, a browser, a sweep's workers or
 * the validation ensembles (those do not run mutated code in this process, or take
 * minutes). LRSIM_MUTATION_TESTS (comma-separated globs) narrows them further.
 */
const include = process.env.LRSIM_MUTATION_TESTS?.split(',').map((s) => s.trim()).filter(Boolean) ?? ['test/model/**/*.test.ts', 'test/stats/**/*.test.ts'];

export default defineConfig({
  test: {
    include,
    exclude: ['test/validation/**', 'test/cli/**', 'test/slurm/**', 'test/classroom/**', 'test/sweep/**', 'node_modules/**'],
    // Stryker 9.4 loses per-test coverage under Vitest 4.1 without this (see the file).
    setupFiles: ['vitest.mutation.setup.ts'],
    // LRSIM_MUTATION_ISOLATE=0 imports the source once per test runner instead of once per
    // test file (about 5x faster per mutant). Sound for src/model, which keeps no state
    // between calls; not for src/stats (summary.ts caches t quantiles, so a mutant in
    // t-quantile.ts would read values an earlier run cached).
    isolate: process.env.LRSIM_MUTATION_ISOLATE !== '0',
    testTimeout: 60_000,
  },
});
