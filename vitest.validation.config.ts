import { defineConfig } from 'vitest/config';

// The stylized-facts validation suite (MODEL-SPEC section 7): `npm run validate`.
export default defineConfig({
  test: {
    include: ['test/validation/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
