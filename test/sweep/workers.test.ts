/**
 * Issue 14 item 4: --workers is bounded (at most 4 per core and 256: refused above, exit 2,
 * before anything is written), capped at the runs to do (with a note), and SIGTERM while
 * the pool starts still ends with the "interrupted ... finish with" line (exit 143).
 */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxWorkers } from '../../src/sweep/run-sweep';
import { lrsim, lrsimSpawn, tempDir, writeScenario } from './helpers';

const DESIGN = `sweep:
  design: grid
  parameters:
    openness: [0.1, 0.3]
  replicates: 1
`;

describe('--workers', { timeout: 180_000 }, () => {
  const dir = tempDir('workers');
  const scenario = writeScenario(dir, DESIGN, 10);

  it('the limit is 4 per core and never above 256', () => {
    expect([1, 2, 8, 64, 65, 1000].map((cores) => maxWorkers(cores))).toEqual([4, 8, 32, 256, 256, 256]);
  });

  it('an absurd value is refused at once: exit 2, one line, nothing written', () => {
    const out = join(dir, 'absurd');
    const started = Date.now();
    const r = lrsim(['sweep', scenario, '--workers', '100000', '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    const limit = maxWorkers(os.availableParallelism());
    expect(r.stderr).toBe(`lrsim: error: --workers 100000: at most ${limit} (4 per core, ${os.availableParallelism()} here, and never above 256); more threads than cores only add memory, e.g. --workers ${os.availableParallelism()}\n`);
    expect(existsSync(out)).toBe(false);
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const bad of ['0', '-3', '2.5', 'many']) {
      expect(lrsim(['sweep', scenario, '--workers', bad, '--out', out]).stderr).toMatch(new RegExp(`^lrsim: error: --workers ${bad}: write a whole number of at least 1`));
    }
  });

  it('more workers than runs: capped at the runs, with a note', () => {
    const r = lrsim(['sweep', scenario, '--workers', '3', '--out', join(dir, 'capped'), '--no-report']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^lrsim: note: --workers 3 capped at 2, the number of runs to do$/m);
  });

  it('SIGTERM while the pool starts: the interrupted line and exit 143', async () => {
    const many = writeScenario(tempDir('workers-term'), DESIGN.replace('replicates: 1', 'replicates: 20'), 10);
    const out = join(dir, 'term');
    const workers = String(maxWorkers(os.availableParallelism()));
    const child = lrsimSpawn(['sweep', many, '--workers', workers, '--out', out, '--no-report']);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    // The manifest is written just before the pool starts its threads.
    while (!existsSync(join(out, 'manifest.json'))) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code, stderr).toBe(143);
    expect(stderr).toMatch(/^interrupted: \d+ of 40 runs are stored; finish with: lrsim sweep .* --resume$/m);
  });
});
