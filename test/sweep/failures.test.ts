import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSweep, runSweep } from '../../src/sweep/run-sweep';
import { runInput } from '../../src/sweep/inputs';
import { RunPool } from '../../src/sweep/pool';
import { tempDir, writeScenario } from './helpers';

// Two settings each valid alone whose combination breaks a rule spanning both fields
// (exchange.firm_absorptive_min <= exchange.firm_absorptive_max): the design check passes,
// the worker's validation of the combined scenario throws, and that run is recorded failed.
const CROSSED = `exchange: {firm_absorptive_min: 0.3, firm_absorptive_max: 0.95}
sweep:
  design: grid
  parameters:
    exchange.firm_absorptive_min: [0.4, 0.9]
    exchange.firm_absorptive_max: [0.5, 1.0]
  replicates: 2
`;

describe('failure isolation', { timeout: 120_000 }, () => {
  const dir = tempDir('failures');
  const scenario = writeScenario(dir, CROSSED);

  it('a run that throws is recorded with its error, the rest go on, the exit code is 1', async () => {
    const out = join(dir, 'out');
    const summary = await runSweep({ scenario, out, workers: 2, progress: false });
    // point 2 is (0.9, 0.5): min above max
    expect(summary).toMatchObject({ status: 'complete', planned: 8, ok: 6, failedCount: 2, exitCode: 1 });
    expect(summary.failed.map((f) => f.key)).toEqual(['p0002.a00.r0000', 'p0002.a00.r0001']);
    expect(summary.failed[0].error).toMatch(/firm_absorptive_min \(0\.9\) is greater than exchange\.firm_absorptive_max \(0\.5\)/);
    const csv = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(7); // failed runs are listed in manifest.json, not in runs.csv
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { runs: unknown; failed: unknown[] };
    expect(manifest.runs).toEqual({ planned: 8, finished: 8, ok: 6, failed: 2 });
    expect(manifest.failed).toHaveLength(2);
  });

  it('a worker that dies is replaced and only its run fails', async () => {
    const prepared = prepareSweep({ scenario: writeScenario(tempDir('crash'), '', 400) });
    const input = runInput(prepared.arms[0], [], []);
    const pool = new RunPool({ workers: 1 });
    try {
      const doomed = pool.run({ key: 'doomed', input, seed: 1, microdata: false });
      const after = pool.run({ key: 'after', input: { ...input, ticks: 10 }, seed: 2, microdata: false });
      // Test-only: kill the worker thread while it runs `doomed` (as an out-of-memory or a
      // native crash would), through piscina's public list of threads.
      while (pool.threads.length === 0) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 300));
      await pool.threads[0].terminate();
      await expect(doomed).rejects.toThrow();
      const result = await after;
      expect(result.rows).toBe(10);
      expect(result.series).toBeInstanceOf(Float64Array);
    } finally {
      await pool.destroy();
    }
  });
});
