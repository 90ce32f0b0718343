#!/usr/bin/env node
/**
 * Reads a sweep directory's runs.arrow and timeseries.arrow with Arrow readers that share
 * no code with the writer (apache-arrow JS): nodejs-polars (Rust, the polars IPC reader)
 * and @uwdata/flechette (an independent JavaScript implementation). Checks the file
 * framing, the schema types, row and batch counts, and every value against runs.ndjson
 * (exactly: the Arrow files are full precision; null where the store has null). Column
 * types follow the sweep's data dictionary, columns.json (integer columns are int32, seed
 * uint32, the run totals int64), and flechette checks that each field's metadata carries
 * the dictionary's definition.
 *
 *   npm install --prefix /tmp/arrow-readers nodejs-polars@0.26.1 nodejs-polars-linux-x64-gnu@0.26.1 @uwdata/flechette@2.2.7
 *   ARROW_READERS=/tmp/arrow-readers node bench/interop/check_arrow.mjs DIR
 *
 * The readers are not project dependencies (see bench/interop/README.md); a reader that
 * cannot be loaded is skipped. Exits 1 when a file does not read correctly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: ARROW_READERS=DIR node bench/interop/check_arrow.mjs SWEEP_DIR');
  process.exit(2);
}
const readers = resolve(process.env.ARROW_READERS ?? '.');
const require = createRequire(join(readers, 'package.json'));
const problems = [];
const check = (ok, what) => {
  if (!ok) {
    problems.push(what);
    console.log(`  PROBLEM: ${what}`);
  }
};

const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const runs = readFileSync(join(dir, 'runs.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .filter((r) => r.status === 'ok')
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const parameters = manifest.design.parameters;
const outcomes = Object.keys(runs[0].outcomes);
const columns = runs[0].columns;
const dictionary = JSON.parse(readFileSync(join(dir, 'columns.json'), 'utf8'));
const meaning = (table, name) => dictionary.columns.find((c) => c.table === table && c.name === name);
const WIDE = new Set(['innovations_total', 'entries_total', 'exits_total']); // run totals that may pass 2^31
/** The Arrow type a column of columns.json should have. */
const arrowTypeOf = (table, name) => {
  const type = meaning(table, name)?.type;
  if (name === 'seed') return 'uint32';
  if (type === 'integer') return WIDE.has(name) ? 'int64' : 'int32';
  return type === 'number' ? 'float64' : type === 'boolean' ? 'bool' : 'utf8';
};
const kindOf = (p) => arrowTypeOf('runs', p);

/** Expected columns of both tables: [name, type, values]. */
const runsTable = [
  ['key', 'utf8', runs.map((r) => r.key)],
  ['point', 'int32', runs.map((r) => r.point)],
  ['arm', 'utf8', runs.map((r) => r.arm)],
  ['replicate', 'int32', runs.map((r) => r.replicate)],
  ['seed', 'uint32', runs.map((r) => r.seed)],
  ...parameters.map((p) => [p, kindOf(p), runs.map((r) => (kindOf(p) === 'utf8' ? String(r.params[p]) : r.params[p]))]),
  ...outcomes.map((o) => [o, arrowTypeOf('runs', o), runs.map((r) => r.outcomes[o])]),
  ['degenerate', 'utf8', runs.map((r) => r.degenerate ?? null)],
].map(([name, type, values]) => [name, type, values, meaning('runs', name)]);
const seriesTable = [
  ['key', 'utf8', runs.flatMap((r) => r.series.map(() => r.key))],
  ...columns.map((c, j) => [c, arrowTypeOf('timeseries', c), runs.flatMap((r) => r.series.map((row) => row[j]))]),
].map(([name, type, values]) => [name, type, values, meaning('timeseries', name)]);
for (const [file, table] of [['runs.arrow', runsTable], ['timeseries.arrow', seriesTable]])
  for (const [name, , , m] of table) check(m !== undefined, `${file}: column ${name} is not in columns.json`);

/** Same values; null where the store has null (NaN and undefined count as null). */
function sameValues(got, want) {
  if (got.length !== want.length) return `length ${got.length}, want ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    const g = got[i] === undefined || (typeof got[i] === 'number' && Number.isNaN(got[i])) ? null : got[i];
    const w = want[i] ?? null;
    if (!Object.is(typeof g === 'bigint' ? Number(g) : g, w)) return `row ${i}: ${String(g)}, want ${String(w)}`;
  }
  return null;
}

/** The Arrow IPC file framing: "ARROW1" magic padded to 8 bytes at the start, "ARROW1" at the end. */
function checkFraming(file, bytes) {
  const text = (a, b) => Buffer.from(bytes.subarray(a, b)).toString('latin1');
  check(text(0, 6) === 'ARROW1' && bytes[6] === 0 && bytes[7] === 0, `${file}: does not start with the ARROW1 magic`);
  check(text(bytes.length - 6, bytes.length) === 'ARROW1', `${file}: does not end with the ARROW1 magic`);
}

const POLARS = { utf8: 'String', int32: 'Int32', int64: 'Int64', uint32: 'UInt32', float64: 'Float64', bool: 'Bool' };
const FLECHETTE = {
  utf8: (t) => t.typeId === 5,
  int32: (t) => t.typeId === 2 && t.bitWidth === 32 && t.signed,
  int64: (t) => t.typeId === 2 && t.bitWidth === 64 && t.signed,
  uint32: (t) => t.typeId === 2 && t.bitWidth === 32 && !t.signed,
  float64: (t) => t.typeId === 3 && t.precision === 2,
  bool: (t) => t.typeId === 6,
};

function withPolars(file, bytes, expected) {
  let pl;
  try {
    pl = require('nodejs-polars');
  } catch {
    return console.log(`${file}: nodejs-polars SKIPPED (not found under ${readers})`);
  }
  const df = pl.readIPC(Buffer.from(bytes)); // a Buffer: a path string only counts as one when it ends in .ipc
  console.log(`${file}: nodejs-polars ${require('nodejs-polars/package.json').version}: ${df.height} rows, ${df.width} columns`);
  check(JSON.stringify(df.columns) === JSON.stringify(expected.map(([n]) => n)), `${file} (polars): column names differ`);
  for (const [name, type, values] of expected) {
    const col = df.getColumn(name);
    check(String(col.dtype) === `DataType(${POLARS[type]})`, `${file} (polars): ${name} is ${String(col.dtype)}, want ${POLARS[type]}`);
    const diff = sameValues(col.toArray(), values);
    check(diff === null, `${file} (polars): ${name} differs from runs.ndjson at ${diff}`);
  }
}

async function withFlechette(file, bytes, expected) {
  let fl;
  try {
    fl = await import(require.resolve('@uwdata/flechette'));
  } catch {
    return console.log(`${file}: @uwdata/flechette SKIPPED (not found under ${readers})`);
  }
  const t = fl.tableFromIPC(bytes);
  console.log(`${file}: @uwdata/flechette ${require('@uwdata/flechette/package.json').version}: ${t.numRows} rows in ${t.children[0]?.data.length ?? 0} batches`);
  check(JSON.stringify(t.schema.fields.map((f) => f.name)) === JSON.stringify(expected.map(([n]) => n)), `${file} (flechette): column names differ`);
  for (const [name, type, values, m] of expected) {
    const field = t.schema.fields.find((f) => f.name === name);
    check(field && FLECHETTE[type](field.type), `${file} (flechette): ${name} has type ${JSON.stringify(field?.type)}, want ${type}`);
    check(field?.metadata?.get('definition') === m?.definition, `${file} (flechette): ${name} field metadata does not hold its columns.json definition`);
    const diff = sameValues(Array.from(t.getChild(name).toArray()), values);
    check(diff === null, `${file} (flechette): ${name} differs from runs.ndjson at ${diff}`);
  }
}

console.log(`${dir}: ${runs.length} ok runs, ${seriesTable[0][2].length} series rows; node ${process.version}`);
for (const [file, expected] of [['runs.arrow', runsTable], ['timeseries.arrow', seriesTable]]) {
  const bytes = new Uint8Array(readFileSync(join(dir, file)));
  checkFraming(file, bytes);
  withPolars(file, bytes, expected);
  await withFlechette(file, bytes, expected);
}
console.log(problems.length ? `${problems.length} problems` : 'all Arrow files read correctly');
process.exit(problems.length ? 1 : 0);
