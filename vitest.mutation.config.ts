import { relative, sep } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files that run whole simulations or large estimator ensembles (seconds each). */
const HEAVY = ['test/model/degenerate', 'test/model/environment.test', 'test/model/policies', 'test/model/regression', 'test/model/simulation', 'test/model/step', 'test/stats/design-analysis', 'test/stats/sensitivity/indices'];

/**
 * Test files in the order that finds a killing test soonest (Stryker stops a mutant's run
 * at the first failure): files that failed in the previous run first (they killed the
 * previous mutant, often a neighbour), then the unit tests, then the whole-simulation
 * tests, by name within each group. Vitest's default runs the longest first, so every
 * mutant paid for a whole simulation before the unit test that kills it in milliseconds.
 */
class QuickFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const name = (f: TestSpecification) => relative(this.ctx.config.root, f.moduleId).split(sep).join('/');
    const rank = (f: TestSpecification) => {
      const failed = cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`)?.failed === true;
      return (failed ? 0 : 2) + (HEAVY.some((h) => name(f).startsWith(h)) ? 1 : 0);
    };
    return [...files].sort((a, b) => rank(a) - rank(b) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
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
    // between calls, and for src/stats, whose one cache (t quantiles in summary.ts) the
    // setup file empties at the start of every test file under a mutant.
    isolate: process.env.LRSIM_MUTATION_ISOLATE !== '0',
    sequence: { sequencer: QuickFirstSequencer },
    testTimeout: 60_000,
  },
});
