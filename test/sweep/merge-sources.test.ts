/**
 * `lrsim merge` records where every shard's runs came from (audit auditinput item 9): the
 * merged manifest kept only the first shard's `source` and `version`, so a shard run from
 * another (or a dirty) commit was claimed as the first's. Like `--resume` (earlier_sources),
 * the merged manifest names every source, `shard_sources` gives each shard's version and
 * commit, and a merge of shards from different code says so on stderr. It is not refused:
 * a run record does not hold the code it ran on, so the outputs cannot tell, and a resumed
 * sweep is allowed to span commits in the same way.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lrsim, outputs, tempDir, writeScenario } from './helpers';
import { buildOnce } from '../cli/helpers';

beforeAll(() => buildOnce());

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('merge records every shard\'s source', { timeout: 180_000 }, () => {
  it('keeps each shard\'s version and commit, and warns when they differ', () => {
    const dir = tempDir('merge-sources');
    const scenario = writeScenario(tempDir('merge-sources-scenario'), 'sweep:\n  parameters:\n    openness: [0.1, 0.2, 0.3]\n  replicates: 1\n', 10);
    const shards = [0, 1, 2].map((i) => join(dir, 'shards', String(i)));
    for (const [i, s] of shards.entries()) expect(lrsim(['sweep', scenario, '--workers', '1', '--shard', `${i}/3`, '--out', s, '--no-report']).code).toBe(0);
    const own = readJson(join(shards[0], 'manifest.json'));

    // Shards of one source: recorded per shard, no warning, no earlier_sources.
    const same = lrsim(['merge', ...shards, '--out', join(dir, 'same'), '--no-report']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toBe('');
    const m = readJson(join(dir, 'same', 'manifest.json'));
    expect(m.source).toEqual(own.source);
    expect(m.earlier_sources).toBeUndefined();
    expect(m.shard_sources).toEqual([0, 1, 2].map((index) => ({ shard: { index, count: 3 }, version: own.version, source: own.source })));

    // Shard 1 from another, dirty commit of an older version; shard 2 resumed across two commits.
    const other = { commit: 'deadbeef'.repeat(5), dirty: true };
    const older = { commit: 'c0ffee00'.repeat(5), dirty: false };
    const edit = (shard: string, change: Record<string, unknown>) => writeFileSync(join(shard, 'manifest.json'), JSON.stringify({ ...readJson(join(shard, 'manifest.json')), ...change }));
    edit(shards[1], { source: other, version: '0.0.9' });
    edit(shards[2], { earlier_sources: [older] });
    const mixed = lrsim(['merge', ...shards, '--out', join(dir, 'mixed'), '--no-report']);
    expect(mixed.code, mixed.stderr).toBe(0);
    // This checkout's own source may be dirty, or unknown outside git.
    const commit = (s: { commit: string | null; dirty: boolean | null }) => (s.commit ? `commit ${s.commit.slice(0, 7)}${s.dirty ? ' with uncommitted changes' : s.dirty === null ? ' (changes unknown)' : ''}` : 'commit unknown');
    expect(mixed.stderr).toBe(
      `lrsim: warning: merge: the runs come from different code (shard 0/3: lrsim ${own.version}, ${commit(own.source)}; shard 1/3: lrsim 0.0.9, commit deadbee with uncommitted changes; shard 2/3: lrsim ${own.version}, ${commit(own.source)}, earlier sessions commit c0ffee0); ` +
        "other code can give other results for the same seed, so the merged sweep mixes them (manifest.json records every shard's version and commit in shard_sources); for a sweep of one code, run every shard from one commit and merge again\n",
    );
    const mm = readJson(join(dir, 'mixed', 'manifest.json'));
    expect(mm.source).toEqual(own.source);
    expect(mm.earlier_sources).toEqual([other, older]);
    expect(mm.shard_sources).toEqual([
      { shard: { index: 0, count: 3 }, version: own.version, source: own.source },
      { shard: { index: 1, count: 3 }, version: '0.0.9', source: other },
      { shard: { index: 2, count: 3 }, version: own.version, source: own.source, earlier_sources: [older] },
    ]);
    // The merged outputs do not depend on the manifests' sources.
    expect(outputs(join(dir, 'mixed'))).toEqual(outputs(join(dir, 'same')));
  });
});
