/**
 * Repairs StrykerJS 9.4's per-test coverage under Vitest >= 4.1 (stryker-js issue #5928,
 * fixed upstream in 9.6.1, which needs a newer Node than this project's 20): Vitest 4.1
 * calls a suite hook with (context, suite), and Stryker 9.4's setup file writes the
 * coverage and hit count to the first argument, so they never reach the runner. Without
 * them a mutant runs only against the few tests whose coverage got through and is reported
 * survived or uncovered although other tests kill it. This file, run after Stryker's own
 * setup file, writes both to the suite as Stryker 9.6.1 does (with a fixed Stryker it writes
 * the same values twice). Outside a Stryker run nothing is provided and it does nothing.
 * The hooks' first parameter must be an object pattern: Vitest 4.1 parses it for fixtures
 * and fails the file's suite otherwise (which Stryker 9.4 does not notice).
 */
import { afterAll, inject } from 'vitest';

interface StrykerNamespace {
  activeMutant?: string;
  hitCount?: number;
  mutantCoverage?: unknown;
}

declare module 'vitest' {
  interface ProvidedContext {
    globalNamespace: '__stryker__' | '__stryker2__';
    mode: 'mutant' | 'dry-run';
    activeMutant: string | undefined;
  }
}

const name = inject('globalNamespace');
const mode = inject('mode');
const ns = name === undefined ? undefined : (globalThis as unknown as Record<string, StrykerNamespace | undefined>)[name];

if (ns !== undefined && mode === 'mutant') {
  // The mutant under test from the first line of each test file on: with isolate: false the
  // namespace outlives a run, and a test file's top-level fixtures must not be built under
  // the previous run's mutant (Stryker itself switches the mutant on only in beforeAll).
  ns.activeMutant = inject('activeMutant');
  // The module-level caches are emptied for the same reason: with isolate: false they would
  // hand this mutant's tests what was computed under an earlier mutant (or none): the t
  // quantiles of src/stats (summary.ts) and the compiled SIMD kernels of src/model
  // (simd/index.ts: a mutant of its check for WebAssembly would never run). src/model keeps
  // no other state between calls.
  const { clearTCriticalCache } = await import('./src/stats/summary');
  clearTCriticalCache();
  const { clearKernelsCache } = await import('./src/model/simd');
  clearKernelsCache();
  afterAll(({}, suite) => {
    (suite.meta as { hitCount?: number }).hitCount = ns.hitCount;
  });
} else if (ns !== undefined && mode === 'dry-run') {
  afterAll(({}, suite) => {
    (suite.meta as { mutantCoverage?: unknown }).mutantCoverage = ns.mutantCoverage;
  });
}
