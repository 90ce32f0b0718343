/**
 * docs/sensitivity.md is rendered (docs/gen-sensitivity.ts) from the summary tables
 * committed in docs/sensitivity/ (morris.csv, saltelli.csv, runs.csv, factmap.csv), which
 * `npx tsx docs/gen-sensitivity.ts extract` makes from the sweeps. This test renders the
 * page from the committed tables and fails when it differs from the committed page: a
 * table was regenerated without the page, the page was edited by hand, or the renderer
 * changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSensitivity } from '../../docs/gen-sensitivity';

describe('docs/sensitivity.md', () => {
  it('is what docs/gen-sensitivity.ts renders from docs/sensitivity/*.csv (else: npx tsx docs/gen-sensitivity.ts)', () => {
    const onDisk = readFileSync('docs/sensitivity.md', 'utf8');
    const fresh = renderSensitivity();
    if (onDisk !== fresh) {
      const a = onDisk.split('\n');
      const b = fresh.split('\n');
      const at = a.findIndex((line, i) => line !== b[i]);
      expect(a[at], `first differing line ${at + 1}`).toBe(b[at]);
    }
    expect(onDisk).toBe(fresh);
  });

  it('reports the full-size study, every outcome of the screening and the recovery indices', () => {
    const doc = readFileSync('docs/sensitivity.md', 'utf8');
    expect(doc).toContain('150 firms, 1,500 residents, 200 ticks');
    expect(doc).not.toMatch(/\breduced\b/);
    for (const outcome of ['innovation_value_late', 'lock_in_index_final', 'diversity_final', 'recovered', 'recovery_rmst', 'drop_ratio']) expect(doc).toContain(`\`${outcome}\``);
  });
});
