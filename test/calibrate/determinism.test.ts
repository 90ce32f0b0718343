import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCalibration } from '../../src/calibrate/run-calibration';
import { lrsim, lrsimSpawn, storedLines, tempDir, writeScenario } from '../sweep/helpers';

// A tiny region and a small sampler: 3 generations of 10 particles at most.
const TARGETS = `targets:
  - outcome: external_tie_share_final
    observed: 0.15
    scale: 0.03
  - {column: diversity, summary: mean, from: 5, observed: 0.5, scale: 0.1}
parameters:
  openness: {prior: uniform, min: 0, max: 0.5}
  proximity.social_closure: {prior: normal, mean: 0.5, sd: 0.3}
abc: {particles: 10, max_runs: 45, max_generations: 3, predictive_draws: 3, seed: 5}
`;
const OUTPUTS = ['posterior.csv', 'particles.csv', 'generations.csv', 'posterior-summary.csv', 'predictive.csv', 'columns.json'];
const outputs = (dir: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('calibration outputs are byte-identical', { timeout: 600_000 }, () => {
  const dir = tempDir('calibrate');
  const scenario = writeScenario(dir, '', 15);
  writeFileSync(scenario, readFileSync(scenario, 'utf8').replace('firms: 40, residents: 300', 'firms: 25, residents: 150'));
  const targets = join(dir, 'targets.yaml');
  writeFileSync(targets, TARGETS);
  const calibrate = (out: string, workers: number) => runCalibration({ scenario, targets, out: join(dir, out), workers, progress: false, images: false });

  it('for 1 and 2 workers, and after SIGKILL part way (with a torn last line) and --resume', async () => {
    const one = await calibrate('w1', 1);
    expect(one).toMatchObject({ status: 'complete', exitCode: 0 });
    expect(one.generations).toBeGreaterThanOrEqual(2);
    const reference = outputs(join(dir, 'w1'));
    expect(reference['posterior.csv'].trim().split('\n')).toHaveLength(11);
    expect(reference['posterior.csv'].split('\n')[0]).toBe('particle,openness,proximity.social_closure,weight');
    await calibrate('w2', 2);
    expect(outputs(join(dir, 'w2'))).toEqual(reference);

    const killed = join(dir, 'killed');
    const child = lrsimSpawn(['calibrate', scenario, '--targets', targets, '--out', killed, '--workers', '2', '--no-images']);
    const start = Date.now();
    while (storedLines(killed) < 15) {
      if (Date.now() - start > 120_000) throw new Error('timed out waiting for stored runs');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(storedLines(killed)).toBeLessThan(storedLines(join(dir, 'w1'))); // killed part way
    const store = join(killed, 'runs.ndjson');
    const lastLine = readFileSync(store, 'utf8').trim().split('\n').pop()!;
    appendFileSync(store, lastLine.slice(0, Math.floor(lastLine.length / 2)));
    const resumed = lrsim(['calibrate', scenario, '--targets', targets, '--out', killed, '--workers', '1', '--resume', '--no-images']);
    expect(resumed.stderr).not.toMatch(/error/);
    expect(resumed.code).toBe(0);
    expect(outputs(killed)).toEqual(reference);
    const keys = readFileSync(store, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { key: string }).key);
    expect(new Set(keys).size).toBe(keys.length); // nothing ran twice

    // Ctrl-C stops at once with exit code 130, says how to finish, and the finish is the same.
    const stopped = join(dir, 'stopped');
    const interrupted = lrsimSpawn(['calibrate', scenario, '--targets', targets, '--out', stopped, '--workers', '1', '--no-images']);
    let stderr = '';
    interrupted.stderr!.on('data', (d) => (stderr += String(d)));
    while (storedLines(stopped) < 5) await new Promise((r) => setTimeout(r, 50));
    interrupted.kill('SIGINT');
    const [code] = (await once(interrupted, 'exit')) as [number];
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: \d+ runs stored; finish with: lrsim calibrate .*--resume/);
    expect(JSON.parse(readFileSync(join(stopped, 'calibration.json'), 'utf8')).status).toBe('interrupted');
    expect(lrsim(['calibrate', scenario, '--targets', targets, '--out', stopped, '--resume', '--no-images']).code).toBe(0);
    expect(outputs(stopped)).toEqual(reference);

    // A different targets file may not resume this directory; nothing is changed.
    writeFileSync(targets, TARGETS.replace('seed: 5', 'seed: 6'));
    const refused = lrsim(['calibrate', scenario, '--targets', targets, '--out', killed, '--resume']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^lrsim: error: --resume: .* holds a different calibration/);
    expect(outputs(killed)).toEqual(reference);
  });
});
