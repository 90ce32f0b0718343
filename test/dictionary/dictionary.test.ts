import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, Type } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFiles } from '../../src/cli/run-output';
import { dictionaryJson, parameterMeaning, runDictionary, sweepDictionary } from '../../src/dictionary';
import { FIRM_MEANINGS, OUTCOME_MEANINGS, STATS_MEANINGS, STATS_SECTIONS, timeseriesMeaning } from '../../src/dictionary/definitions';
import { FIRM_COLUMNS, OUTCOME_KEYS, runScenario, TIMESERIES_COLUMNS } from '../../src/model';
import { writeReport } from '../../src/report';
import { loadScenario } from '../../src/scenario/load';
import { STATS_COLUMNS } from '../../src/stats';
import { runSweep } from '../../src/sweep/run-sweep';

interface Entry { table: string; name: string; type: string; unit: string; definition: string; levels?: Record<string, string> }
const names = (dict: { columns: Entry[] }, table: string) => dict.columns.filter((c) => c.table === table).map((c) => c.name);
const csvHeader = (file: string) => readFileSync(file, 'utf8').split('\n')[0].split(',');

// A sweep with every kind of column: a number, an integer and a text parameter, two arms
// (one with a shock: resilience outcomes), firm microdata and the report (stats.csv).
const SWEEP = `name: dictionary
seed: 3
ticks: 12
agents: {firms: 30, residents: 200}
observe: {window: 6}
sweep:
  parameters:
    openness: [0.1]
    network.max_ties: [8, 12]
    firms.spinoff_score: [relevance]
  replicates: 1
  microdata: true
arms:
  - name: base
  - name: shock
    shocks: [{kind: core_collapse, tick: 6}]
`;

describe('columns.json of a sweep lists every column of every file it writes', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrsim-dictionary-'));
  const out = join(dir, 'out');
  let dict: { tables: { table: string; files: string[] }[]; columns: Entry[] };
  beforeAll(async () => {
    writeFileSync(join(dir, 'sweep.yaml'), SWEEP);
    await runSweep({ scenario: join(dir, 'sweep.yaml'), out, workers: 1, progress: false });
    await writeReport(out, { images: false });
    dict = JSON.parse(readFileSync(join(out, 'columns.json'), 'utf8'));
  });

  it('runs, timeseries, firms and stats: exactly the files\' columns, in order', () => {
    expect(names(dict, 'runs')).toEqual(csvHeader(join(out, 'runs.csv')));
    expect(names(dict, 'timeseries')).toEqual(csvHeader(join(out, 'timeseries.csv')));
    const firmFiles = readdirSync(join(out, 'microdata'));
    expect(firmFiles).toHaveLength(4);
    for (const f of firmFiles) expect(names(dict, 'firms')).toEqual(csvHeader(join(out, 'microdata', f)));
    expect(names(dict, 'stats')).toEqual(csvHeader(join(out, 'stats.csv')));
    expect(dict.tables.map((t) => t.table)).toEqual(['runs', 'timeseries', 'firms', 'stats']);
    for (const c of dict.columns) expect(c.definition.length, `${c.table}.${c.name}`).toBeGreaterThan(10);
  });

  it('Arrow fields carry the definitions; integer columns are integers', () => {
    for (const [file, table] of [['runs.arrow', 'runs'], ['timeseries.arrow', 'timeseries']] as const) {
      const arrow = tableFromIPC(readFileSync(join(out, file)));
      expect(arrow.schema.fields.map((f) => f.name)).toEqual(names(dict, table));
      for (const field of arrow.schema.fields) {
        const entry = dict.columns.find((c) => c.table === table && c.name === field.name)!;
        expect(field.metadata.get('definition'), field.name).toBe(entry.definition);
        expect(field.metadata.get('unit'), field.name).toBe(entry.unit);
        expect(field.metadata.get('type'), field.name).toBe(entry.type);
        const want = { integer: Type.Int, number: Type.Float, string: Type.Utf8, boolean: Type.Bool }[entry.type];
        expect(field.type.typeId, `${file} ${field.name}`).toBe(want);
      }
    }
    const runs = tableFromIPC(readFileSync(join(out, 'runs.arrow')));
    const bits = (name: string) => {
      const t = runs.schema.fields.find((f) => f.name === name)!.type as { bitWidth: number; isSigned: boolean };
      return `${t.isSigned ? 'int' : 'uint'}${t.bitWidth}`;
    };
    expect(['point', 'replicate', 'locked_in', 'firms_alive_final', 'network.max_ties', 'seed', 'innovations_total'].map(bits)).toEqual(['int32', 'int32', 'int32', 'int32', 'int32', 'uint32', 'int64']);
    expect(runs.getChild('network.max_ties')!.toArray()).toEqual(new Int32Array([8, 8, 12, 12]));
    expect(runs.getChild('innovations_total')!.get(0)).toBe(BigInt(Number(csvRow(join(out, 'runs.csv'), 1).innovations_total)));
    // The base arm has no shock: its resilience outcomes are null in an int32 column.
    expect(runs.getChild('resilience_ticks')!.get(0)).toBeNull();
    expect(typeof runs.getChild('resilience_ticks')!.get(1)).toBe('number');
  });

  it('swept parameters take type, unit and text from the scenario schema', () => {
    const entry = (name: string) => dict.columns.find((c) => c.table === 'runs' && c.name === name)!;
    expect(entry('network.max_ties')).toMatchObject({ type: 'integer', definition: 'Swept scenario parameter network.max_ties: Local tie slots per agent.' });
    expect(entry('openness')).toMatchObject({ type: 'number', unit: '' });
    expect(entry('firms.spinoff_score')).toMatchObject({ type: 'string' });
    expect(parameterMeaning('proximity.geographic_decay_km', [10, 40])).toMatchObject({ type: 'number', unit: 'km' });
    expect(parameterMeaning('observe.window', [10, 20])).toMatchObject({ type: 'integer', unit: 'ticks' });
    expect(parameterMeaning('agents.firms', [40, 80.5])).toMatchObject({ type: 'number' }); // a fraction: not an integer column
    expect(parameterMeaning('no.such.path', [true, false])).toMatchObject({ type: 'boolean', definition: 'Swept scenario parameter no.such.path (docs/parameters.md).' });
  });
});

function csvRow(file: string, row: number): Record<string, string> {
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
  return Object.fromEntries(lines[0].map((h, i) => [h, lines[row][i]]));
}

describe('columns.json of `lrsim run`', () => {
  it('lists the columns of timeseries.csv, firms.csv and the fields of summary.json', () => {
    const loaded = loadScenario('baseline', { set: ['ticks=5', 'agents.firms=20', 'agents.residents=100'] });
    const result = runScenario(loaded.scenario, { seed: 1, microdata: true });
    const files = runFiles(loaded, result, '0.0.0');
    const dict = JSON.parse(files['columns.json']);
    expect(names(dict, 'timeseries')).toEqual(files['timeseries.csv'].split('\n')[0].split(','));
    expect(names(dict, 'firms')).toEqual(files['firms.csv'].split('\n')[0].split(','));
    expect(names(dict, 'summary')).toEqual(Object.keys(JSON.parse(files['summary.json'])).filter((k) => k !== 'scenario'));
    expect(runFiles(loaded, result, '0.0.0')['columns.json']).toBe(files['columns.json']); // same bytes every time
  });
});

describe('every column the engine and the statistics can write has a definition', () => {
  it('time series (fixed and built from channels and sources), outcomes, firms, stats', () => {
    for (const c of TIMESERIES_COLUMNS) expect(timeseriesMeaning(c), c).toBeDefined();
    for (const k of OUTCOME_KEYS) expect(OUTCOME_MEANINGS[k], k).toBeDefined();
    for (const c of FIRM_COLUMNS) expect(FIRM_MEANINGS[c], c).toBeDefined();
    for (const c of STATS_COLUMNS) expect(STATS_MEANINGS[c], c).toBeDefined();
    expect(timeseriesMeaning('flow_tacit_teleport')).toBeUndefined();
  });

  it('the columns and sections stats.csv is gaining (issue 13) are defined now', () => {
    const gaining = ['outcome', 'parameter', 'level', 'reference', 'parameter_a', 'parameter_b', 'method', 'arm_a', 'arm_b', 'condition', 'index', 'estimate', 'lo', 'hi', 'p', 'p_holm', 'p_best', 'r2', 'median', 'censored'];
    for (const c of gaining) expect(STATS_MEANINGS[c], c).toBeDefined();
    for (const s of ['main_effect', 'interaction', 'regression', 'contrast', 'rank', 'survival', 'heterogeneity', 'sensitivity', 'degenerate', 'partial_dependence', 'logrank', 'logrank_paired', 'recovery_first']) expect(STATS_SECTIONS[s], s).toBeDefined();
  });

  it('a column without a definition stops the dictionary instead of shipping undocumented', () => {
    const spec = { parameters: [], parameterValues: [], outcomeKeys: [...OUTCOME_KEYS, 'new_outcome'], seriesColumns: [...TIMESERIES_COLUMNS] };
    expect(() => sweepDictionary(spec)).toThrow(/column new_outcome of runs has no definition/);
    expect(() => runDictionary([...TIMESERIES_COLUMNS, 'new_column'], OUTCOME_KEYS)).toThrow(/column new_column of timeseries has no definition/);
    expect(dictionaryJson(runDictionary(TIMESERIES_COLUMNS, OUTCOME_KEYS))).toBe(dictionaryJson(runDictionary(TIMESERIES_COLUMNS, OUTCOME_KEYS)));
  });

  it('types a main effect\'s level and reference as numbers when every swept parameter is numeric, else as text', () => {
    const typeOf = (values: (number | string | boolean)[][]) => {
      const spec = { parameters: values.map((_, j) => `p${j}`), parameterValues: values, outcomeKeys: [...OUTCOME_KEYS], seriesColumns: [...TIMESERIES_COLUMNS] };
      const stats = sweepDictionary(spec).columns.filter((c) => c.table === 'stats');
      return ['level', 'reference'].map((n) => stats.find((c) => c.name === n)!.type);
    };
    expect(typeOf([[0, 0.3], [1, 2]])).toEqual(['number', 'number']);
    expect(typeOf([[0, 0.3], [true, false]])).toEqual(['string', 'string']);
    expect(typeOf([[0, 0.3], ['a', 'b']])).toEqual(['string', 'string']);
    expect(typeOf([])).toEqual(['string', 'string']);
  });

  it('cost columns take their unit from the scenario\'s cost_unit', () => {
    const unit = (d: ReturnType<typeof runDictionary>, name: string) => d.columns.find((c) => c.name === name && c.table === 'summary')!.unit;
    expect(unit(runDictionary(TIMESERIES_COLUMNS, OUTCOME_KEYS), 'value_per_cost')).toBe('innovation value per cost unit');
    const eur = runDictionary(TIMESERIES_COLUMNS, OUTCOME_KEYS, { cost_unit: 'million EUR' });
    expect(unit(eur, 'policy_cost')).toBe('million EUR');
    expect(unit(eur, 'value_per_cost')).toBe('innovation value per million EUR');
  });
});
