import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSweep, runSweep } from '../../src/sweep/run-sweep';
import { runInput } from '../../src/sweep/inputs';
import { RunPool } from '../../src/sweep/pool';
import { tempDir, writeScenario } from './helpers';

// Two settings each valid alone whose combination breaks a rule spanning both fields
// (exchange.firm_absorptive_min <= exchange.firm_absorptive_max): refused up front.
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

  it('a design whose combination breaks a rule is refused before any run, positioned (issue 14 item 11)', async () => {
    const out = join(dir, 'out');
    // Point 2 is (0.9, 0.5): min above max. Once, it ran and failed; now validate and sweep refuse it alike.
    await expect(runSweep({ scenario, out, workers: 2, progress: false })).rejects.toThrow(
      /sweep\.yaml:\d+:\d+: sweep\.parameters\.exchange\.firm_absorptive_min: 1 of 4 design points breaks a rule, first point 2 .*firm_absorptive_min \(0\.9\) is greater than exchange\.firm_absorptive_max \(0\.5\)/,
    );
    expect(existsSync(join(out, 'runs.ndjson'))).toBe(false);
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
