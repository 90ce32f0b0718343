/** The data dictionary (columns.json): what every column of every table lrsim writes means. */
export { runDictionary, sweepDictionary, runsTableColumns, sweepSeriesColumns, parameterMeaning, dictionaryJson, type DataDictionary, type DictionaryColumn, type SweepColumns } from './dictionary';
export { DEGENERATE_LEVELS, type ColumnMeaning, type ColumnType } from './definitions';
