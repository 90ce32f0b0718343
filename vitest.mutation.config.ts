import { defineConfig } from 'vitest/config';

/**
 * The unit tests StrykerJS runs against each mutant (stryker.config.mjs): by default the
 * model's and the estimators' unit tests. LRSIM_MUTATION_TESTS (comma-separated globs)
 * narrows them, e.g. to leave out the whole-simulation tests on a busy machine.
 */
const include = process.env.LRSIM_MUTATION_TESTS?.split(',').map((s) => s.trim()).filter(Boolean) ?? ['test/model/**/*.test.ts', 'test/stats/**/*.test.ts'];

export default defineConfig({
  test: {
    include,
    testTimeout: 60_000,
  },
});
