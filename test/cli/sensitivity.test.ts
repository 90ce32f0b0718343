/**
 * `lrsim sample` + `lrsim analyze` end to end (issue 15): published Ishigami indices inside
 * the bootstrap intervals at N = 2^12, numbers equal to an independent numpy implementation
 * of SALib's estimators, determinism, and bad input (exit 2, one line, nothing written).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from '../../src/io/csv';
import { ishigamiIndices } from '../stats/sensitivity/functions';
import { buildOnce, lrsim, tempDir } from './helpers';

const PI = 'min: -3.141592653589793, max: 3.141592653589793';
const ISHIGAMI_PARAMS = `x1: {${PI}}\nx2: {${PI}}\nx3: {${PI}}\n`;
const ishigami = (x: number[]) => Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
const MORRIS_PARAMS = 'a: {min: 0, max: 1}\nb: {min: 0, max: 2}\nc: {min: 1, max: 100, log: true}\n';
const morrisModel = (x: number[]) => x[0] + 2 * x[1] ** 2 + x[0] * Math.log(x[2]);

/** Evaluates `f` on every row of DIR/design and writes DIR/outputs (column y), as a user's model would. */
function evaluate(dir: string, design: string, outputs: string, f: (x: number[]) => number) {
  const { rows } = parseCsv(readFileSync(join(dir, design), 'utf8'));
  writeFileSync(join(dir, outputs), ['y\n', ...rows.map((r) => csvLine([f(r.map(Number))]))].join(''));
}

const table = (file: string) => {
  const { columns, rows } = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]])));
};

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  buildOnce();
  tmp = tempDir({ 'ishigami.yaml': ISHIGAMI_PARAMS, 'morris.yaml': MORRIS_PARAMS });
});
afterAll(() => tmp.cleanup());

describe('lrsim sample + lrsim analyze', () => {
  it('Ishigami at N = 2^12: the published S1 and ST inside every 95 % interval', async () => {
    expect((await lrsim(['sample', 'saltelli', '--params', 'ishigami.yaml', '--n', '4096', '--seed', '7', '--out', 'big.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 'big.csv', 'big-y.csv', ishigami);
    const r = await lrsim(['analyze', 'saltelli', '--design', 'big.csv', '--outputs', 'big-y.csv', '--out', 'big'], tmp.dir);
    expect(r.code, r.stderr).toBe(0);
    const rows = table(join(tmp.dir, 'big', 'sensitivity.csv'));
    const truth = ishigamiIndices();
    for (const [index, values] of [['S1', truth.S1], ['ST', truth.ST]] as const) {
      values.forEach((v, i) => {
        const row = rows.find((x) => x.parameter === `x${i + 1}` && x.index === index)!;
        expect(Number(row.lo), `${index} x${i + 1}`).toBeLessThanOrEqual(v);
        expect(Number(row.hi), `${index} x${i + 1}`).toBeGreaterThanOrEqual(v);
      });
    }
    // Convergence: N/4, N/2 and N side by side.
    const conv = table(join(tmp.dir, 'big', 'convergence.csv'));
    expect([...new Set(conv.map((x) => x.n))]).toEqual(['1024', '2048', '4096']);
  });

  it('equals an independent numpy implementation of SALib\'s Saltelli 2010 / Jansen estimators on the same numbers', async () => {
    expect((await lrsim(['sample', 'saltelli', '--params', 'ishigami.yaml', '--n', '64', '--seed', '1', '--out', 's64.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 's64.csv', 's64-y.csv', ishigami);
    expect((await lrsim(['analyze', 'saltelli', '--design', 's64.csv', '--outputs', 's64-y.csv', '--out', 's64'], tmp.dir)).code).toBe(0);
    // Reference, from python3 + numpy on the same s64.csv / s64-y.csv:
    //   X = np.loadtxt('s64.csv', delimiter=',', skiprows=1); Y = np.loadtxt('s64-y.csv', skiprows=1)
    //   D = 3; step = D + 2; A = Y[0::step]; B = Y[step-1::step]; V = np.var(np.r_[A, B])
    //   for i in range(D): AB = Y[i+1::step]; print(np.mean(B*(AB-A))/V, 0.5*np.mean((A-AB)**2)/V)
    // -> 0.2759195595375687 0.5863159875106014 / 0.3663079470395342 0.46341623234689 / -0.043126991160909 0.22033474789077537
    const reference = { S1: [0.2759195595375687, 0.3663079470395342, -0.043126991160909], ST: [0.5863159875106014, 0.46341623234689, 0.22033474789077537] };
    const rows = table(join(tmp.dir, 's64', 'sensitivity.csv'));
    for (const index of ['S1', 'ST'] as const) {
      reference[index].forEach((v, i) => expect(Number(rows.find((x) => x.parameter === `x${i + 1}` && x.index === index)!.estimate)).toBeCloseTo(v, 5));
    }
  });

  it('Morris mu, mu*, sigma equal numpy on the same numbers (log range included)', async () => {
    expect((await lrsim(['sample', 'morris', '--params', 'morris.yaml', '--n', '6', '--seed', '3', '--out', 'm.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 'm.csv', 'm-y.csv', morrisModel);
    expect((await lrsim(['analyze', 'morris', '--design', 'm.csv', '--outputs', 'm-y.csv', '--out', 'm'], tmp.dir)).code).toBe(0);
    // Reference, python3 + numpy (SALib's rule: the changed column and its sign from X, EE = dy / delta):
    //   D = 3; p = 4; delta = p / (2 * (p - 1)); r = len(Y) // (D + 1); ee = np.zeros((r, D))
    //   for t in range(r):
    //     for s in range(D):
    //       a, b = t*(D+1)+s, t*(D+1)+s+1; i = np.flatnonzero(X[b] != X[a])[0]
    //       ee[t, i] = np.sign(X[b, i] - X[a, i]) * (Y[b] - Y[a]) / delta
    //   ee.mean(0), np.abs(ee).mean(0), ee.std(0, ddof=1)
    // -> [4.5817975 7.999978 3.0701075] [4.5817975 7.999978 3.0701075] [0.79270093 2.92119282 1.68156576]
    const ref = { mu: [4.5817975, 7.999978, 3.0701075], mu_star: [4.5817975, 7.999978, 3.0701075], sigma: [0.79270093, 2.92119282, 1.68156576] };
    const rows = table(join(tmp.dir, 'm', 'sensitivity.csv'));
    for (const [index, values] of Object.entries(ref)) {
      values.forEach((v, i) => expect(Number(rows.find((x) => x.parameter === 'abc'[i] && x.index === index)!.estimate)).toBeCloseTo(v, 4));
    }
  });

  it('writes the same design bytes for the same seed, another design for another seed', async () => {
    for (const [out, seed] of [['a.csv', '5'], ['b.csv', '5'], ['c.csv', '6']]) {
      expect((await lrsim(['sample', 'morris', '--params', 'morris.yaml', '--n', '4', '--seed', seed, '--out', out, '--pool', '12'], tmp.dir)).code).toBe(0);
    }
    const read = (f: string) => readFileSync(join(tmp.dir, f), 'utf8');
    expect(read('a.csv')).toBe(read('b.csv'));
    expect(read('a.csv')).not.toBe(read('c.csv'));
  });

  const bad: [string, string[], Record<string, string>, RegExp][] = [
    ['N not a power of two', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '1000', '--out', 'x.csv'], {}, /--n 1000: saltelli needs a power of two .* use 1024/],
    ['odd Morris levels', ['sample', 'morris', '--params', 'p.yaml', '--n', '10', '--levels', '5', '--out', 'x.csv'], {}, /--levels 5: morris needs an even number of grid levels/],
    ['min >= max', ['sample', 'morris', '--params', 'q.yaml', '--n', '10', '--out', 'x.csv'], { 'q.yaml': 'a: {min: 1, max: 1}\n' }, /q\.yaml: a: min \(1\) must be below max \(1\)/],
    ['rows differ', ['analyze', 'morris', '--design', 'd.csv', '--outputs', 'short.csv', '--out', 'x'], { 'short.csv': 'y\n1\n' }, /short\.csv: 1 rows, but d\.csv has 8/],
    ['a bad cell', ['analyze', 'morris', '--design', 'bad.csv', '--outputs', 'y.csv', '--out', 'x'], { 'bad.csv': 'a\n0\n1/3\n' }, /bad\.csv:3: column a: "1\/3" is not a finite number/],
    ['a short row', ['analyze', 'morris', '--design', 'wide.csv', '--outputs', 'y.csv', '--out', 'x'], { 'wide.csv': 'a,b\n0,1\n1\n' }, /wide\.csv:3: 1 fields, but the header has 2 columns/],
    ['NaN outputs', ['analyze', 'morris', '--design', 'd.csv', '--outputs', 'nan.csv', '--out', 'x'], { 'nan.csv': 'y\n1\nNaN\n3\n\n5\n6\n7\n8\n' }, /nan\.csv: NaN or empty outputs on lines 3, 5/],
    ['a step that moves two parameters', ['analyze', 'morris', '--design', 'd2.csv', '--outputs', 'y4.csv', '--out', 'x'], { 'd2.csv': 'a,b\n0,0\n1,1\n0,0\n0,1\n1,1\n1,0\n', 'y4.csv': 'y\n1\n2\n3\n4\n5\n6\n' }, /d2\.csv:3: this row does not move exactly one parameter/],
    ['not a Saltelli layout', ['analyze', 'saltelli', '--design', 'd.csv', '--outputs', 'y.csv', '--out', 'x'], {}, /d\.csv: 8 rows do not form a saltelli design \(a multiple of D \+ 2 = 3/],
  ];
  it.each(bad)('bad input: %s -> exit 2, one line, nothing written', async (_name, args, files, expected) => {
    const t = tempDir({ 'p.yaml': 'a: {min: 0, max: 1}\nb: {min: 0, max: 1}\n', 'd.csv': 'a\n0\n0.5\n0\n0.5\n0\n0.5\n0\n0.5\n', 'y.csv': 'y\n1\n2\n3\n4\n5\n6\n7\n8\n', ...files });
    try {
      const r = await lrsim(args, t.dir);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(expected);
      expect(existsSync(join(t.dir, 'x.csv'))).toBe(false);
      expect(existsSync(join(t.dir, 'x'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});
