import { defineConfig } from 'vitest/config';

/** The unit tests StrykerJS runs against each mutant (stryker.config.mjs). */
export default defineConfig({
  test: {
    include: ['test/model/**/*.test.ts', 'test/stats/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
