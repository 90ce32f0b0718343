/** The bad inputs of issue 3 through the loader in-process (what `lrsim validate` prints). */
import { describe, expect, it } from 'vitest';
import { BAD_INPUTS } from '../cli/bad-inputs';
import { tempDir } from '../cli/helpers';
import { ScenarioError } from '../../src/scenario/errors';
import { loadScenario } from '../../src/scenario/load';

describe('loadScenario on bad input', () => {
  it.each(BAD_INPUTS)('$name', (c) => {
    const { dir, cleanup } = tempDir(c.files);
    try {
      const set = (c.args ?? []).filter((_, i, a) => a[i - 1] === '--set');
      let error: unknown;
      try {
        loadScenario(c.scenario ?? Object.keys(c.files)[0], { cwd: dir, set });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScenarioError);
      const line = `lrsim: error: ${(error as ScenarioError).message}`;
      expect(line).not.toMatch(/\n/);
      for (const p of c.expect) expect(line).toMatch(p);
    } finally {
      cleanup();
    }
  });
});
