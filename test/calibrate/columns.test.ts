import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationDictionary, calibrationHeaders } from '../../src/calibrate/columns';
import { defaultScenario } from '../../src/scenario/schema';
import { outcomeTarget, specWith } from './spec-fixture';

const spec = specWith(
  [outcomeTarget('exits_total', 12, 3)],
  [
    { path: 'openness', prior: { kind: 'uniform', min: 0, max: 0.5 }, integer: false },
    { path: 'agents.firms', prior: { kind: 'uniform', min: 20, max: 60 }, integer: true },
  ],
);

describe('the calibration data dictionary (audit finding 7)', () => {
  const dictionary = calibrationDictionary(spec, defaultScenario());
  it('defines every column of every CSV, in file order; a whole-number setting is an integer where the value that ran is written', () => {
    for (const [file, header] of Object.entries(calibrationHeaders(spec))) {
      const table = dictionary.tables.find((t) => t.files.includes(file))!;
      expect(table, file).toBeDefined();
      expect(dictionary.columns.filter((c) => c.table === table.table).map((c) => c.name)).toEqual(header);
    }
    const firms = (table: string) => dictionary.columns.find((c) => c.table === table && c.name === 'agents.firms')!;
    expect(firms('posterior').type).toBe('integer');
    expect(firms('predictive').type).toBe('integer');
    expect(firms('particles').type).toBe('number');
    expect(firms('particles').definition).toContain('rounded');
  });

  it('docs/calibration.md has a row for every fixed column of every file', () => {
    const docs = readFileSync(join(__dirname, '../../docs/calibration.md'), 'utf8');
    const paths = new Set(spec.parameters.map((p) => p.path));
    const names = new Set(spec.targets.map((t) => t.name));
    for (const table of dictionary.tables) {
      const file = table.files[0];
      const start = docs.indexOf(`**\`${file}\`**: one row`);
      expect(start, file).toBeGreaterThan(0);
      const section = docs.slice(start, docs.indexOf('\n\n', docs.indexOf('|---|', start)));
      for (const c of dictionary.columns.filter((c) => c.table === table.table)) {
        if (paths.has(c.name)) expect(section).toContain('| each parameter (its dot path) |');
        else if (names.has(c.name)) expect(section).toContain('| each target (its name) |');
        else expect(section, `${file} ${c.name}`).toContain(`| \`${c.name}\` | ${c.type} |`);
      }
    }
  });
});
