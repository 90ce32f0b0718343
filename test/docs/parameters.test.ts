/**
 * docs/parameters.md is generated from the scenario schema (docs/gen-params.ts). This
 * test regenerates it in memory and fails when the committed file is stale, so the
 * parameter table of the ODD can never drift from the schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAMETERS_PATH, renderParameters } from '../../docs/gen-params';
import { defaultScenario } from '../../src/scenario/schema';

describe('docs/parameters.md', () => {
  it('matches the scenario schema (regenerate with `npx tsx docs/gen-params.ts`)', () => {
    const onDisk = readFileSync(PARAMETERS_PATH, 'utf8');
    const fresh = renderParameters();
    // Name the first differing line, so a stale table says what changed.
    if (onDisk !== fresh) {
      const a = onDisk.split('\n');
      const b = fresh.split('\n');
      const n = a.findIndex((line, i) => line !== b[i]);
      const at = n < 0 ? Math.min(a.length, b.length) : n;
      expect.fail(
        `docs/parameters.md is stale at line ${at + 1}:\n  file:   ${a[at] ?? '<end>'}\n  schema: ${b[at] ?? '<end>'}\n` +
          'Run `npx tsx docs/gen-params.ts` and commit docs/parameters.md.',
      );
    }
  });

  it('lists every scalar parameter of the default scenario with its default', () => {
    const table = renderParameters();
    const walk = (obj: unknown, path: string[]): void => {
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
        if (typeof obj === 'number' || typeof obj === 'boolean') {
          const key = path.join('.');
          // Matrix entries (eta, kind weights) appear as cells of their matrix table.
          if (key.startsWith('proximity.eta.') || key.startsWith('contacts.kind_weights.')) return;
          expect(table, key).toContain(`| \`${key}\` |`);
          expect(table, key).toMatch(new RegExp(`\\| \`${key.replace(/\./g, '\\.')}\` \\| [^|]+ \\| \`${String(obj)}\` \\|`));
        }
        return;
      }
      for (const [k, v] of Object.entries(obj)) walk(v, [...path, k]);
    };
    walk(defaultScenario(), []);
  });
});
