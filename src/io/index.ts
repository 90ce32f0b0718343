/** Node-side input/output shared by the commands: CSV text, output directories, the repository root. */
export { csvField, csvLine, formatNumber, parseCsv, rowMajorToCsv, columnsToCsv, type CsvValue } from './csv';
export { foreignFiles, pathKind, writeFilesAtomic } from './output-dir';
export { repoRoot, packageVersion } from './repo';
