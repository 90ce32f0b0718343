/**
 * Issue 14 item 3: a short write or a full disk never publishes a partial file. Faults are
 * injected by stubbing fs.writeSync (the one call every lrsim writer goes through); the
 * real full disk (a tiny tmpfs) is tested in test/sweep/disk-full.test.ts.
 */
import fs, { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFilesAtomic } from '../../src/io/output-dir';
import { DiskFullError, writeFileFully, writeFileWhole, writeFully } from '../../src/io/write-fully';
import { RunStore } from '../../src/sweep/store';

const temp = () => mkdtempSync(join(tmpdir(), 'lrsim-write-'));
const realWrite = fs.writeSync;

/** Stubs fs.writeSync: at most `chunk` bytes per call, and ENOSPC once `capacity` bytes went to `path`. */
function limitWrites(chunk: number, capacity = Infinity) {
  let total = 0;
  return vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
    if (total >= capacity) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    offset ??= 0;
    const n = Math.min(chunk, length ?? buffer.length - offset, capacity - total);
    total += n;
    return realWrite(fd, buffer, offset, n);
  }) as typeof fs.writeSync);
}

afterEach(() => vi.restoreAllMocks());

describe('writeFully', () => {
  it('loops over short writes until every byte is written', () => {
    const dir = temp();
    const text = 'x'.repeat(1000) + 'ü'.repeat(100);
    limitWrites(7);
    writeFileFully(join(dir, 'a.txt'), text);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text);
  });

  it('a full disk is a DiskFullError naming the file; a write of 0 bytes counts as full', () => {
    const dir = temp();
    limitWrites(100, 250);
    expect(() => writeFileFully(join(dir, 'b.txt'), 'y'.repeat(1000))).toThrow(DiskFullError);
    vi.restoreAllMocks();
    vi.spyOn(fs, 'writeSync').mockReturnValue(0);
    const fd = fs.openSync(join(dir, 'c.txt'), 'w');
    try {
      expect(() => writeFully(fd, 'z', join(dir, 'c.txt'))).toThrow(/no space left on the device while writing .*c\.txt/);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('run outputs: a full disk leaves the earlier files and no temporaries', () => {
    const dir = temp();
    writeFileSync(join(dir, 'summary.json'), 'earlier');
    limitWrites(64, 300);
    expect(() => writeFilesAtomic(dir, { 'timeseries.csv': 'a'.repeat(200), 'summary.json': 'b'.repeat(200) })).toThrow(DiskFullError);
    expect(readdirSync(dir)).toEqual(['summary.json']);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('earlier');
  });

  it('a full disk names the final file, not its temporary (run, schema, sample, analyze, calibrate outputs)', () => {
    const dir = temp();
    limitWrites(64, 300);
    let error: unknown;
    try {
      writeFilesAtomic(dir, { 'a.csv': 'a'.repeat(200), 'b.csv': 'b'.repeat(200) });
    } catch (e) {
      error = e;
    }
    expect((error as DiskFullError).file).toBe(join(dir, 'b.csv'));
    expect((error as Error).message).toMatch(/while writing \S+\/b\.csv \(ENOSPC\)/);
  });

  it('writeFileWhole (manifests, firm tables, slurm plans): the earlier file kept, no temporary, the final name in the error', () => {
    const dir = temp();
    const file = join(dir, 'plan.json');
    writeFileSync(file, 'earlier');
    limitWrites(64, 100);
    let error: unknown;
    try {
      writeFileWhole(file, 'x'.repeat(500), `${file}.tmp-123`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiskFullError);
    expect((error as DiskFullError).file).toBe(file);
    expect(readdirSync(dir)).toEqual(['plan.json']);
    expect(readFileSync(file, 'utf8')).toBe('earlier');
    vi.restoreAllMocks();
    writeFileWhole(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('the run store appends whole records over short writes', () => {
    const dir = temp();
    const store = new RunStore(join(dir, 'runs.ndjson'));
    limitWrites(5);
    store.append({ key: 'p0000.a00.r0000', point: 0, arm: 'default', arm_index: 0, replicate: 0, seed: 1, params: {}, status: 'failed', error: 'x', wall_seconds: 0 });
    store.close();
    expect(JSON.parse(readFileSync(join(dir, 'runs.ndjson'), 'utf8')).key).toBe('p0000.a00.r0000');
    expect(existsSync(join(dir, 'runs.ndjson'))).toBe(true);
  });
});
