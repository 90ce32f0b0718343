import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files in the order that finds a killing test soonest (Stryker stops a mutant's run
 * at the first failure): files that failed last time first (they killed the previous
 * mutant, often a neighbour), then the shortest first. Vitest's default runs the longest
 * first, so every mutant paid for a whole-simulation test before the unit test that kills
 * it in milliseconds.
 */
class QuickFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`;
    const rank = (f: TestSpecification) => {
      const state = cache.getFileTestResults(key(f));
      return state === undefined ? [1, 0] : [state.failed ? 0 : 1, state.duration];
    };
    return [...files].sort((a, b) => {
      const [fa, da] = rank(a);
      const [fb, db] = rank(b);
      return fa - fb || da - db || (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0);
    });
  }
}

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
    sequence: { sequencer: QuickFirstSequencer },
    testTimeout: 60_000,
  },
});
