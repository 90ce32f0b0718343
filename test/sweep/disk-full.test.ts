/**
 * Issue 14 item 3 on a real full disk: a 64 KiB tmpfs holds the run store but not the
 * tidy outputs. The sweep must say which file and how to go on (exit 1, one line), publish
 * no partial output and leave no temporaries; `--resume` after freeing space rebuilds the
 * outputs byte for byte. Needs root for `mount`; skipped where it cannot mount (the
 * injected short writes of test/io/write-fully.test.ts run everywhere).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lrsim, outputs, tempDir, writeScenario } from './helpers';

const DESIGN = `sweep:
  design: grid
  parameters:
    openness: [0.1, 0.3]
  replicates: 2
`;

const dir = tempDir('diskfull');
const disk = join(dir, 'disk');
mkdirSync(disk);
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]).status === 0;

afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
});

describe.skipIf(!mounted)('a sweep on a full disk', { timeout: 180_000 }, () => {
  it('fails with one line naming the file and --resume, publishes nothing partial, and resumes', () => {
    const scenario = writeScenario(dir, DESIGN, 10);
    const out = join(disk, 'sweep');
    const full = lrsim(['sweep', scenario, '--workers', '2', '--out', out, '--no-report']);
    expect(full.code, full.stderr).toBe(1);
    const errors = full.stderr.split('\n').filter((l) => l.startsWith('lrsim: error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^lrsim: error: no space left on the device while writing \S+\/sweep\/(runs|timeseries)\.(csv|arrow) \(ENOSPC\)/);
    expect(errors[0]).toMatch(/then run lrsim sweep .* --resume: it keeps the stored runs and rebuilds the outputs$/);
    expect(full.stderr).not.toMatch(/\n\s+at /);
    // Only whole files under final names: the store and the manifest; no .tmp anywhere.
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'runs.ndjson']);

    spawnSync('mount', ['-o', 'remount,size=2m', disk]);
    const resumed = lrsim(['sweep', scenario, '--workers', '2', '--out', out, '--resume', '--no-report']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/sweep done: 0 new runs \(4 were already stored; 4 in all\)/);
    const whole = join(dir, 'whole');
    expect(lrsim(['sweep', scenario, '--workers', '2', '--out', whole, '--no-report']).code).toBe(0);
    expect(outputs(out)).toEqual(outputs(whole));
  });
});
