/**
 * The data dictionary of a run or a sweep (`columns.json`): every column of every table it
 * writes, with type, unit and definition, built from the same column lists the writers use
 * (definitions.ts) and, for swept parameters, from the scenario schema's own docs. A column
 * without a definition throws, so a new column cannot ship undocumented.
 */
import { FIRM_COLUMNS } from '../model/names';
import { splitPath } from '../scenario/dot-path';
import { schemaAt, unwrap } from '../scenario/schema-paths';
import { statsHeader } from '../stats/stats-csv';
import {
  DEGENERATE_COLUMN,
  FIRM_MEANINGS,
  OUTCOME_MEANINGS,
  RUN_ID_COLUMNS,
  STATS_MEANINGS,
  SUMMARY_MEANINGS,
  timeseriesMeaning,
  type ColumnMeaning,
  type ColumnType,
} from './definitions';
import { REFERENCE_OUTCOME_MEANINGS, REFERENCE_SERIES_MEANINGS } from './reference-models';

/** One column of one table. */
export interface DictionaryColumn extends ColumnMeaning {
  table: string;
  name: string;
}

/** A table: the files that hold it and what a row is. */
export interface DictionaryTable {
  table: string;
  files: string[];
  rows: string;
}

export interface DataDictionary {
  tables: DictionaryTable[];
  columns: DictionaryColumn[];
}

type ParameterValue = number | string | boolean;
const INT32_MAX = 2 ** 31 - 1;

/** A swept parameter's column: its schema description, integer if the schema says so and every value fits int32. */
export function parameterMeaning(path: string, values: readonly ParameterValue[], scenario?: unknown): ColumnMeaning {
  const schema = schemaAt(splitPath(path), scenario);
  const doc = (schema as { description?: string } | undefined)?.description;
  const isInt = schema ? Boolean((unwrap(schema) as unknown as { isInt?: boolean }).isInt) : false;
  let type: ColumnType = 'string';
  if (values.length > 0 && values.every((v) => typeof v === 'number')) {
    type = isInt && values.every((v) => Number.isInteger(v) && Math.abs(v as number) <= INT32_MAX) ? 'integer' : 'number';
  } else if (values.length > 0 && values.every((v) => typeof v === 'boolean')) type = 'boolean';
  const unit = /_km$/.test(path) || /\bkm\b/.test(doc ?? '') ? 'km' : /\bticks?\b/i.test(doc ?? '') && isInt ? 'ticks' : '';
  const text = doc ? `Swept scenario parameter ${path}: ${doc}` : `Swept scenario parameter ${path} (docs/parameters.md).`;
  return { type, unit, definition: text };
}

const need = (table: string, name: string, meaning: ColumnMeaning | undefined): DictionaryColumn => {
  if (!meaning) throw new Error(`data dictionary: column ${name} of ${table} has no definition (src/dictionary/definitions.ts)`);
  return { table, name, ...meaning };
};
// A reference model (scenario `model:` other than learning-region) has its own meanings and no firm table.
const isReference = (scenario: unknown): boolean => {
  const model = (scenario as { model?: unknown } | undefined)?.model;
  return model !== undefined && model !== 'learning-region';
};
const outcome = (table: string, key: string, scenario?: unknown) =>
  need(table, key, isReference(scenario) ? REFERENCE_OUTCOME_MEANINGS[key] : Object.hasOwn(OUTCOME_MEANINGS, key) ? OUTCOME_MEANINGS[key as keyof typeof OUTCOME_MEANINGS] : undefined);
const firmColumns = (scenario?: unknown): DictionaryColumn[] => (isReference(scenario) ? [] : FIRM_COLUMNS.map((c) => need('firms', c, FIRM_MEANINGS[c])));
// A sweep's firm tables start with the run's key (one file per run, stacked by it).
const sweepFirmColumns = (scenario?: unknown): DictionaryColumn[] => (isReference(scenario) ? [] : [need('firms', 'key', RUN_ID_COLUMNS.key), ...firmColumns(scenario)]);
const seriesColumns = (columns: readonly string[], scenario?: unknown) =>
  columns.map((c) => need('timeseries', c, isReference(scenario) ? (Object.hasOwn(REFERENCE_SERIES_MEANINGS, c) ? REFERENCE_SERIES_MEANINGS[c] : undefined) : timeseriesMeaning(c)));

/** What a sweep writes its tables from: the design's parameters (with all their values), the runs' outcome and time-series columns. */
export interface SweepColumns {
  parameters: readonly string[];
  parameterValues: readonly (readonly ParameterValue[])[];
  scenario?: unknown;
  outcomeKeys: readonly string[];
  seriesColumns: readonly string[];
}

/** The runs.csv / runs.arrow columns in file order, with their meanings. */
export function runsTableColumns(spec: SweepColumns): DictionaryColumn[] {
  const params = spec.parameters.map((p, j) => ({ table: 'runs', name: p, ...parameterMeaning(p, spec.parameterValues[j], spec.scenario) }));
  return [
    ...Object.entries(RUN_ID_COLUMNS).map(([name, meaning]) => need('runs', name, meaning)),
    ...params,
    ...spec.outcomeKeys.map((k) => outcome('runs', k, spec.scenario)),
    need('runs', 'degenerate', DEGENERATE_COLUMN),
  ];
}

/** The sweep timeseries.csv / timeseries.arrow columns in file order. */
export function sweepSeriesColumns(columns: readonly string[], scenario?: unknown): DictionaryColumn[] {
  return [need('timeseries', 'key', RUN_ID_COLUMNS.key), ...seriesColumns(columns, scenario)];
}

/** Units of cost columns in the scenario's cost_unit when it names one. */
function withCostUnit(columns: DictionaryColumn[], scenario: unknown): DictionaryColumn[] {
  const unit = (scenario as { cost_unit?: unknown } | undefined)?.cost_unit;
  if (typeof unit !== 'string' || unit.trim() === '') return columns;
  return columns.map((c) => (c.unit.includes('cost unit') ? { ...c, unit: c.unit.replace('cost unit', unit.trim()) } : c));
}

/** The dictionary of a sweep directory. */
export function sweepDictionary(spec: SweepColumns): DataDictionary {
  const params = spec.parameters.map((p, j) => ({ name: p, ...parameterMeaning(p, spec.parameterValues[j], spec.scenario) }));
  const numericLevels = params.length > 0 && params.every((p) => p.type === 'number' || p.type === 'integer');
  // In stats.csv a parameter is empty on pooled rows, and text when it holds `all`-style labels: keep the runs.csv meaning.
  const stats = statsHeader(spec.parameters).map((name) => {
    const param = params.find((p) => p.name === name);
    if (param) return { table: 'stats', ...param };
    const meaning = need('stats', name, Object.hasOwn(STATS_MEANINGS, name) ? STATS_MEANINGS[name] : undefined);
    // A main effect's level and reference are values of the swept parameters: numbers when every one is numeric.
    return (name === 'level' || name === 'reference') && numericLevels ? { ...meaning, type: 'number' as const } : meaning;
  });
  return {
    tables: [
      { table: 'runs', files: ['runs.csv', 'runs.arrow'], rows: 'one per run that finished ok, in key order' },
      { table: 'timeseries', files: ['timeseries.csv', 'timeseries.arrow'], rows: 'one per run and observed tick' },
      { table: 'firms', files: ['microdata/<key>.firms.csv'], rows: 'one per firm that lived in the run (only with --microdata)' },
      { table: 'stats', files: ['stats.csv'], rows: 'one per statistic (written with the report)' },
    ],
    columns: withCostUnit([...runsTableColumns(spec), ...sweepSeriesColumns(spec.seriesColumns, spec.scenario), ...sweepFirmColumns(spec.scenario), ...stats], spec.scenario),
  };
}

/** The dictionary of `lrsim run`'s output directory (`scenario` for its cost_unit). */
export function runDictionary(seriesColumnNames: readonly string[], outcomeKeys: readonly string[], scenario?: unknown): DataDictionary {
  return {
    tables: [
      { table: 'timeseries', files: ['timeseries.csv'], rows: 'one per observed tick' },
      { table: 'firms', files: ['firms.csv'], rows: 'one per firm that lived in the run (not with --no-microdata)' },
      { table: 'summary', files: ['summary.json'], rows: 'one record: the resolved scenario (see scenario.schema.json), these fields, then the outcomes' },
    ],
    columns: withCostUnit(
      [
        ...seriesColumns(seriesColumnNames, scenario),
        ...firmColumns(scenario),
        ...Object.entries(SUMMARY_MEANINGS).map(([name, meaning]) => need('summary', name, meaning)),
        ...outcomeKeys.map((k) => outcome('summary', k, scenario)),
      ],
      scenario,
    ),
  };
}

/** columns.json: deterministic bytes (fixed key order, two-space indent, final newline). */
export function dictionaryJson(d: DataDictionary): string {
  const column = (c: DictionaryColumn) => ({
    table: c.table,
    name: c.name,
    type: c.type,
    unit: c.unit,
    definition: c.definition,
    ...(c.levels ? { levels: c.levels } : {}),
  });
  const doc = {
    about: 'lrsim data dictionary: every column of every table in this directory (docs/data.md). type is integer, number, string or boolean; an empty CSV field (Arrow null, JSON null) is a missing value.',
    tables: d.tables,
    columns: d.columns.map(column),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
