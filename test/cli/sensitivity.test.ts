/**
 * `lrsim sample` + `lrsim analyze` end to end (issue 15): published Ishigami indices inside
 * the bootstrap intervals at N = 2^12, numbers equal to an independent numpy implementation
 * of SALib's estimators, determinism, and bad input (exit 2, one line, nothing written).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Evaluates `f` on every row of DIR/design and writes DIR/outputs (column y, full precision), as a user's model would. */
function evaluate(dir: string, design: string, outputs: string, f: (x: number[]) => number) {
  const { rows } = parseCsv(readFileSync(join(dir, design), 'utf8'));
  writeFileSync(join(dir, outputs), ['y\n', ...rows.map((r) => `${String(f(r.map(Number)))}\n`)].join(''));
}

const table = (file: string) => {
  const { columns, rows } = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]])));
};

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  buildOnce();
  tmp = tempDir({ 'ishigami.yaml': ISHIGAMI_PARAMS, 'morris.yaml': MORRIS_PARAMS, 'two.yaml': 'a: {min: 0, max: 1}\nb: {min: 0, max: 1}\n', 'narrow.yaml': 'p: {min: 100000, max: 100001}\n' });
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

  it('equals an independent numpy implementation of the centred Saltelli 2010 / Jansen estimators, and a constant added to y changes no index', async () => {
    expect((await lrsim(['sample', 'saltelli', '--params', 'ishigami.yaml', '--n', '64', '--seed', '1', '--out', 's64.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 's64.csv', 's64-y.csv', ishigami);
    evaluate(tmp.dir, 's64.csv', 's64-y100.csv', (x) => ishigami(x) + 100);
    expect((await lrsim(['analyze', 'saltelli', '--design', 's64.csv', '--outputs', 's64-y.csv', '--out', 's64'], tmp.dir)).code).toBe(0);
    expect((await lrsim(['analyze', 'saltelli', '--design', 's64.csv', '--outputs', 's64-y100.csv', '--out', 's64-100'], tmp.dir)).code).toBe(0);
    // Reference, from python3 + numpy on the same s64.csv and s64-y.csv:
    //   X = np.loadtxt('s64.csv', delimiter=',', skiprows=1); Y = np.loadtxt('s64-y.csv', skiprows=1)
    //   D = 3; step = D + 2; A = Y[0::step]; B = Y[step-1::step]; c = np.r_[A, B].mean(); V = np.var(np.r_[A, B])
    //   for i in range(D): AB = Y[i+1::step]; print(np.mean((B - c)*(AB-A))/V, 0.5*np.mean((A-AB)**2)/V)
    // -> 0.2470022889648553 0.5863140820711173 / 0.3667314139028812 0.46341568400223415 / -0.042662514964857186 0.22033494061479011
    // The same on s64-y100.csv (to 14 digits); uncentred, as before the fix, S1 was 0.276 0.366 -0.0431 for Y and 1.104 0.354 -0.0565 for Y + 100.
    const reference = { S1: [0.2470022889648553, 0.3667314139028812, -0.042662514964857186], ST: [0.5863140820711173, 0.46341568400223415, 0.22033494061479011] };
    for (const out of ['s64', 's64-100']) {
      const rows = table(join(tmp.dir, out, 'sensitivity.csv'));
      for (const index of ['S1', 'ST'] as const) {
        reference[index].forEach((v, i) => expect(Number(rows.find((x) => x.parameter === `x${i + 1}` && x.index === index)!.estimate), `${out} ${index} x${i + 1}`).toBeCloseTo(v, 5));
      }
    }
    // Intervals too (the bootstrap re-centres in every resample).
    const strip = (f: string) => readFileSync(join(tmp.dir, f, 'sensitivity.csv'), 'utf8');
    expect(strip('s64-100')).toBe(strip('s64'));
  });

  it('refuses a design without Saltelli structure (exit 2), and names --second-order when the design has BA rows', async () => {
    expect((await lrsim(['sample', 'saltelli', '--params', 'two.yaml', '--n', '16', '--second-order', '--out', 'so.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 'so.csv', 'so-y.csv', (x) => x[0] + 0.1 * x[1]);
    // 16 x 6 rows are also a multiple of D + 2 = 4: only the structure tells them apart.
    const without = await lrsim(['analyze', 'saltelli', '--design', 'so.csv', '--outputs', 'so-y.csv', '--out', 'so'], tmp.dir);
    expect(without.code).toBe(2);
    expect(without.stderr.trim().split('\n')).toHaveLength(1);
    expect(without.stderr).toMatch(/so\.csv:3: not a Saltelli design: this row should be AB_1: the A row \(line 2\) with column 1 from the B row \(line 5\); the design has second-order \(BA\) rows: add --second-order/);
    const withFlag = await lrsim(['analyze', 'saltelli', '--design', 'so.csv', '--outputs', 'so-y.csv', '--out', 'so', '--second-order'], tmp.dir);
    expect(withFlag.code, withFlag.stderr).toBe(0);
    const s1 = table(join(tmp.dir, 'so', 'sensitivity.csv')).find((x) => x.parameter === 'a' && x.index === 'S1')!;
    // y = a + 0.1 b with a, b uniform on [0, 1]: S1(a) = 1 / 1.01 = 0.990
    expect(Number(s1.estimate)).toBeCloseTo(0.990, 2);
    // Random numbers with a row count that fits: refused, without a second-order hint.
    const random = Array.from({ length: 16 }, (_, i) => csvLine([Math.sin(i * 7.1), Math.cos(i * 3.3)])).join('');
    writeFileSync(join(tmp.dir, 'rand.csv'), `a,b\n${random}`);
    evaluate(tmp.dir, 'rand.csv', 'rand-y.csv', (x) => x[0]);
    const r = await lrsim(['analyze', 'saltelli', '--design', 'rand.csv', '--outputs', 'rand-y.csv', '--out', 'rand'], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rand\.csv:3: not a Saltelli design: this row should be AB_1: the A row \(line 2\) with column 1 from the B row \(line 5\); use the design/);
    expect(existsSync(join(tmp.dir, 'rand'))).toBe(false);
  });

  it('--scrambles R: R independent scrambles numbered in column block; analyze gives the mean over scrambles with a t interval on R - 1 df, equal to numpy', async () => {
    const s = await lrsim(['sample', 'saltelli', '--params', 'two.yaml', '--n', '32', '--scrambles', '4', '--seed', '3', '--out', 'r4.csv'], tmp.dir);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/128 rows x 2 parameters in r4\.csv \(4 independent scrambles of 8 base rows, numbered 1 to 4 in the last column, block; evaluate the parameter columns only\)/);
    const design = table(join(tmp.dir, 'r4.csv'));
    expect(Object.keys(design[0])).toEqual(['a', 'b', 'block']);
    expect(design.map((x) => x.block)).toEqual([1, 2, 3, 4].flatMap((k) => Array(32).fill(String(k))));
    // Each block is its own scramble: its 8 A rows are a balanced (0, m, s)-net, one point in each eighth of every column.
    for (let k = 0; k < 4; k++) {
      const a = design.slice(32 * k, 32 * (k + 1)).filter((_, i) => i % 4 === 0);
      expect(new Set(a.map((x) => Math.floor(Number(x.a) * 8))).size).toBe(8);
    }
    expect(design[0].a).not.toBe(design[32].a);
    // Same seed, same bytes.
    expect((await lrsim(['sample', 'saltelli', '--params', 'two.yaml', '--n', '32', '--scrambles', '4', '--seed', '3', '--out', 'r4b.csv'], tmp.dir)).code).toBe(0);
    expect(readFileSync(join(tmp.dir, 'r4b.csv'), 'utf8')).toBe(readFileSync(join(tmp.dir, 'r4.csv'), 'utf8'));
    evaluate(tmp.dir, 'r4.csv', 'r4-y.csv', (x) => x[0] + 2 * x[1] ** 2 + x[0] * x[1]);
    const r = await lrsim(['analyze', 'saltelli', '--design', 'r4.csv', '--outputs', 'r4-y.csv', '--out', 'r4'], tmp.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/N = 32 in 4 independent scrambles of 8; .*each index: the mean of its 4 per-scramble values; intervals: 95 % t interval on 3 degrees of freedom from their spread/);
    expect(r.stderr).not.toMatch(/treat base rows as independent|no intervals/);
    // Reference, python3 + numpy/scipy on the same r4.csv and r4-y.csv (y = a + 2 b^2 + a b, evaluated as above):
    //   X = np.loadtxt('r4.csv', delimiter=',', skiprows=1); Y = np.loadtxt('r4-y.csv', skiprows=1)
    //   D = 2; g = D + 2; R = int(X[:, -1].max()); per = len(Y) // R; v = []
    //   for k in range(R):
    //       y = Y[k*per:(k+1)*per]; A, B = y[0::g], y[g-1::g]; c = np.r_[A, B].mean(); V = np.var(np.r_[A, B])
    //       v.append([f(i) for i in range(D) for f in (lambda i: np.mean((B - c)*(y[i+1::g] - A))/V, lambda i: 0.5*np.mean((A - y[i+1::g])**2)/V)])
    //   v = np.array(v); m = v.mean(0); h = stats.t.ppf(0.975, R - 1)*v.std(0, ddof=1)/np.sqrt(R); m, m - h, m + h
    // -> S1 a, ST a, S1 b, ST b: [0.2633109094874145, 0.24049977232359238, 0.7771993543162714, 0.738192586872441]
    //    lo [-0.34138878899731734, 0.1117335879654249, 0.35762239101823656, 0.241159355464308]
    //    hi [0.8680106079721464, 0.3692659566817599, 1.1967763176143063, 1.2352258182805742]
    const ref = {
      S1: [[0.2633109094874145, -0.34138878899731734, 0.8680106079721464], [0.7771993543162714, 0.35762239101823656, 1.1967763176143063]],
      ST: [[0.24049977232359238, 0.1117335879654249, 0.3692659566817599], [0.738192586872441, 0.241159355464308, 1.2352258182805742]],
    };
    const rows = table(join(tmp.dir, 'r4', 'sensitivity.csv'));
    for (const [index, perParameter] of Object.entries(ref)) {
      perParameter.forEach(([estimate, lo, hi], i) => {
        const row = rows.find((x) => x.parameter === 'ab'[i] && x.index === index)!;
        expect(Number(row.estimate), `${index} ${'ab'[i]}`).toBeCloseTo(estimate, 5);
        expect(Number(row.lo), `${index} ${'ab'[i]} lo`).toBeCloseTo(lo, 5);
        expect(Number(row.hi), `${index} ${'ab'[i]} hi`).toBeCloseTo(hi, 5);
      });
    }
    // Convergence by prefixes of every scramble: 2, 4 and 8 base rows of each of the 4 blocks.
    expect([...new Set(table(join(tmp.dir, 'r4', 'convergence.csv')).map((x) => x.n))]).toEqual(['8', '16', '32']);
    // An output constant within one scramble: its indices are undefined there, so none is reported (not the mean of the other three).
    writeFileSync(join(tmp.dir, 'r4-flat.csv'), `y\n${design.map((x, i) => `${i < 32 ? 1 : Number(x.a) + Number(x.b)}\n`).join('')}`);
    const flat = await lrsim(['analyze', 'saltelli', '--design', 'r4.csv', '--outputs', 'r4-flat.csv', '--out', 'r4-flat'], tmp.dir);
    expect(flat.code, flat.stderr).toBe(0);
    expect(flat.stderr).toMatch(/note: y a S1: undefined in 1 of 4 scrambles \(the output is constant within them\), so no estimate or interval is given/);
    expect(table(join(tmp.dir, 'r4-flat', 'sensitivity.csv')).every((x) => x.estimate === '' && x.lo === '' && x.hi === '')).toBe(true);
  });

  it('writes design values at full precision: a narrow range far from 0 keeps its levels (y = p: mu* = 1)', async () => {
    expect((await lrsim(['sample', 'morris', '--params', 'narrow.yaml', '--n', '10', '--seed', '2', '--out', 'narrow.csv'], tmp.dir)).code).toBe(0);
    const values = table(join(tmp.dir, 'narrow.csv')).map((x) => x.p);
    // The four levels 100000 + k / 3, written so that they read back exactly (6 digits gave 100000 and 100001 only).
    expect(new Set(values).size).toBe(4);
    expect(values.every((v) => String(Number(v)) === v)).toBe(true);
    evaluate(tmp.dir, 'narrow.csv', 'narrow-y.csv', (x) => x[0]);
    const r = await lrsim(['analyze', 'morris', '--design', 'narrow.csv', '--outputs', 'narrow-y.csv', '--out', 'narrow'], tmp.dir);
    expect(r.code, r.stderr).toBe(0);
    const rows = table(join(tmp.dir, 'narrow', 'sensitivity.csv'));
    // mu* in the output's units per unit-range step: y = p moves 1 over the range.
    expect(Number(rows.find((x) => x.parameter === 'p' && x.index === 'mu_star')!.estimate)).toBeCloseTo(1, 4);
  });

  it('checks --levels against the design: refuses a mismatch it can see, notes one it cannot', async () => {
    expect((await lrsim(['sample', 'morris', '--params', 'two.yaml', '--n', '12', '--levels', '6', '--seed', '4', '--out', 'l6.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 'l6.csv', 'l6-y.csv', (x) => 2 * x[0] + x[1]);
    const wrong = await lrsim(['analyze', 'morris', '--design', 'l6.csv', '--outputs', 'l6-y.csv', '--out', 'l6'], tmp.dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/l6\.csv: column a takes 6 distinct values, but a design of --levels 4 has at most 4 per column; give the --levels the design was sampled with/);
    const right = await lrsim(['analyze', 'morris', '--design', 'l6.csv', '--outputs', 'l6-y.csv', '--out', 'l6', '--levels', '6'], tmp.dir);
    expect(right.code, right.stderr).toBe(0);
    expect(right.stderr).not.toMatch(/levels/);
    // y = 2a + b on [0, 1]^2: every elementary effect of a is 2 (with delta 2/3 instead of 3/5 it would read 1.8).
    expect(Number(table(join(tmp.dir, 'l6', 'sensitivity.csv')).find((x) => x.parameter === 'a' && x.index === 'mu_star')!.estimate)).toBeCloseTo(2, 6);
    // A 4-level design read as 6 levels: no column shows 6 values, but the values (at thirds of
    // the range) are not on the grid a step of 2/3 implies for 6 levels (fifths of 5/6): refused,
    // naming the levels they fit (input audit finding 16: this was a note and exit 0).
    expect((await lrsim(['sample', 'morris', '--params', 'two.yaml', '--n', '12', '--seed', '4', '--out', 'l4.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 'l4.csv', 'l4-y.csv', (x) => 2 * x[0] + x[1]);
    const off = await lrsim(['analyze', 'morris', '--design', 'l4.csv', '--outputs', 'l4-y.csv', '--out', 'l4', '--levels', '6'], tmp.dir);
    expect(off.code).toBe(2);
    expect(off.stderr).toBe('lrsim: error: l4.csv: column a steps by one size, but its values do not lie on the grid that step implies for --levels 6 (levels 2 step / p apart, at most p of them); they do for --levels 4; give the --levels the design was sampled with\n');
    expect(existsSync(join(tmp.dir, 'l4'))).toBe(false);
    // Read as 8 levels the values do lie on the grid (every second level), so it cannot be refused; the note names 4.
    const unsure = await lrsim(['analyze', 'morris', '--design', 'l4.csv', '--outputs', 'l4-y.csv', '--out', 'l4', '--levels', '8'], tmp.dir);
    expect(unsure.code).toBe(0);
    expect(unsure.stderr).toMatch(/note: no column of l4\.csv shows all 8 grid levels, and the values of every column that steps by one size lie on the grid of --levels 4 too, so the design may have been sampled with --levels 4; /);
    // Log and integer ranges space the grid unevenly: not checked by value, never refused for it.
    writeFileSync(join(tmp.dir, 'uneven.yaml'), 'c: {min: 1, max: 100, log: true}\nk: {min: 0, max: 10, integer: true}\n');
    for (const levels of ['4', '6', '8']) {
      expect((await lrsim(['sample', 'morris', '--params', 'uneven.yaml', '--n', '20', '--levels', levels, '--seed', '4', '--out', `u${levels}.csv`], tmp.dir)).code).toBe(0);
      evaluate(tmp.dir, `u${levels}.csv`, `u${levels}-y.csv`, (x) => x[0] + x[1]);
      const u = await lrsim(['analyze', 'morris', '--design', `u${levels}.csv`, '--outputs', `u${levels}-y.csv`, '--out', `u${levels}`, '--levels', levels], tmp.dir);
      expect(u.code, u.stderr).toBe(0);
    }
    const uneven = await lrsim(['analyze', 'morris', '--design', 'u4.csv', '--outputs', 'u4-y.csv', '--out', 'u4as6', '--levels', '6'], tmp.dir);
    expect(uneven.code).toBe(0);
    expect(uneven.stderr).toMatch(/note: no column of u4\.csv shows all 6 grid levels, so --levels 6 could not be checked/);
  });

  it('notes a --scrambles design whose block column was removed, and no design of one scramble (input audit finding 18)', async () => {
    // Was read as one scramble with bootstrap intervals and no hint.
    for (const [name, extra] of [['st4', ['--scrambles', '4']], ['st2', ['--scrambles', '2', '--second-order']]] as const) {
      expect((await lrsim(['sample', 'saltelli', '--params', 'two.yaml', '--n', '64', ...extra, '--seed', '5', '--out', `${name}.csv`], tmp.dir)).code).toBe(0);
      const lines = readFileSync(join(tmp.dir, `${name}.csv`), 'utf8').trimEnd().split('\n');
      writeFileSync(join(tmp.dir, `${name}-noblock.csv`), lines.map((l) => l.slice(0, l.lastIndexOf(','))).join('\n') + '\n');
      evaluate(tmp.dir, `${name}-noblock.csv`, `${name}-y.csv`, (x) => x[0] + 2 * x[1]);
      const r = await lrsim(['analyze', 'saltelli', '--design', `${name}-noblock.csv`, '--outputs', `${name}-y.csv`, '--out', name, ...((extra as readonly string[]).includes('--second-order') ? ['--second-order'] : [])], tmp.dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`note: the base rows of ${name}-noblock.csv are not stratified as the 64 rows of one scrambled Sobol sequence always are (checked on its first two dimensions): a design of \`lrsim sample saltelli --scrambles R\` whose column block was removed looks like this`);
    }
    for (const [name, params, extra] of [['one2', 'two.yaml', []], ['one1', 'one.yaml', []], ['one2so', 'two.yaml', ['--second-order']], ['one3log', 'three.yaml', []]] as const) {
      writeFileSync(join(tmp.dir, 'one.yaml'), 'a: {min: 0, max: 1}\n');
      writeFileSync(join(tmp.dir, 'three.yaml'), 'a: {min: -2, max: 5}\nb: {min: 1, max: 1000, log: true}\nc: {min: 0, max: 1}\n');
      for (const seed of ['1', '2', '3']) {
        expect((await lrsim(['sample', 'saltelli', '--params', params, '--n', '64', ...extra, '--seed', seed, '--out', `${name}-${seed}.csv`], tmp.dir)).code).toBe(0);
        evaluate(tmp.dir, `${name}-${seed}.csv`, `${name}-${seed}-y.csv`, (x) => x.reduce((a, b) => a + b, 0));
        const r = await lrsim(['analyze', 'saltelli', '--design', `${name}-${seed}.csv`, '--outputs', `${name}-${seed}-y.csv`, '--out', `${name}-${seed}`, ...extra], tmp.dir);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/not stratified/);
      }
    }
  });

  it('says what it cannot estimate: a constant output, seed noise without replicates, intervals from too few groups', async () => {
    expect((await lrsim(['sample', 'saltelli', '--params', 'two.yaml', '--n', '16', '--out', 'const.csv'], tmp.dir)).code).toBe(0);
    writeFileSync(join(tmp.dir, 'const-y.csv'), `y,z\n${table(join(tmp.dir, 'const.csv')).map((x) => `3,${x.a}\n`).join('')}`);
    const c = await lrsim(['analyze', 'saltelli', '--design', 'const.csv', '--outputs', 'const-y.csv', '--out', 'const'], tmp.dir);
    expect(c.code).toBe(0);
    expect(c.stderr).toMatch(/note: output y is constant over the design: its variance is 0, so its Sobol indices are undefined \(empty cells\)/);
    expect(c.stderr).not.toMatch(/output z/);
    expect(c.stdout).toMatch(/95 % percentile bootstrap over base rows, 1000 resamples; an empty cell is not computed or undefined/);
    // The row bootstrap treats the rows of one scrambled Sobol design as independent: a note says what that means for small S1
    // (measured in docs/sensitivity/rqmc-spread.py and coverage.py), once, whenever intervals are given.
    expect(c.stderr.match(/note: the S1 and ST intervals treat base rows as independent, which the rows of one scrambled Sobol design are not: .*a small S1 can spread more than its interval says .*for intervals that hold, sample with --scrambles/g)).toHaveLength(1);
    expect((await lrsim(['sample', 'saltelli', '--params', 'two.yaml', '--n', '8', '--out', 's8.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 's8.csv', 's8-y.csv', (x) => x[0] + x[1]);
    const s8 = await lrsim(['analyze', 'saltelli', '--design', 's8.csv', '--outputs', 's8-y.csv', '--out', 's8'], tmp.dir);
    expect(s8.code, s8.stderr).toBe(0);
    expect(s8.stderr).toMatch(/note: N = 8 base rows: no intervals/);
    expect(s8.stderr).not.toMatch(/treat base rows as independent/);
    const y = table(join(tmp.dir, 'const', 'sensitivity.csv')).filter((x) => x.outcome === 'y');
    expect(y.every((x) => x.estimate === '' && x.lo === '' && x.hi === '')).toBe(true);
    // Morris without replicates: no corrected sigma or noise mu* (not estimable); r = 6 < 10: no intervals, and a note.
    expect((await lrsim(['sample', 'morris', '--params', 'two.yaml', '--n', '6', '--out', 'm6.csv'], tmp.dir)).code).toBe(0);
    evaluate(tmp.dir, 'm6.csv', 'm6-y.csv', (x) => x[0] * x[1]);
    const m = await lrsim(['analyze', 'morris', '--design', 'm6.csv', '--outputs', 'm6-y.csv', '--out', 'm6'], tmp.dir);
    expect(m.code).toBe(0);
    expect(m.stderr).not.toMatch(/treat base rows as independent/);
    expect(m.stderr).toMatch(/note: r = 6 trajectories: no intervals \(empty lo, hi\): a percentile bootstrap from fewer than 10 trajectories under-covers/);
    const rows = table(join(tmp.dir, 'm6', 'sensitivity.csv'));
    expect([...new Set(rows.map((x) => x.index))]).toEqual(['mu', 'mu_star', 'sigma']);
    expect(rows.every((x) => x.lo === '' && x.hi === '' && x.estimate !== '')).toBe(true);
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

  it('refuses an --out that holds a sensitivity.csv or convergence.csv of any origin, and keeps the file (input audit finding 8)', async () => {
    for (const file of ['sensitivity.csv', 'convergence.csv']) {
      const t = tempDir({ 'd.csv': 'a\n0\n0.5\n0\n0.5\n0\n0.5\n0\n0.5\n', 'y.csv': 'y\n1\n2\n3\n4\n5\n6\n7\n8\n' });
      try {
        mkdirSync(join(t.dir, 'sa'));
        writeFileSync(join(t.dir, 'sa', file), 'my own table\n');
        const r = await lrsim(['analyze', 'morris', '--design', 'd.csv', '--outputs', 'y.csv', '--out', 'sa'], t.dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`lrsim: error: --out sa: already holds ${file}; name a new directory, or move ${file} away (nothing was written)\n`);
        expect(readdirSync(join(t.dir, 'sa'))).toEqual([file]);
        expect(readFileSync(join(t.dir, 'sa', file), 'utf8')).toBe('my own table\n');
      } finally {
        t.cleanup();
      }
    }
  });

  const bad: [string, string[], Record<string, string>, RegExp][] = [
    ['N not a power of two', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '1000', '--out', 'x.csv'], {}, /--n 1000: saltelli needs a power of two .* use 1024/],
    ['odd Morris levels', ['sample', 'morris', '--params', 'p.yaml', '--n', '10', '--levels', '5', '--out', 'x.csv'], {}, /--levels 5: morris needs an even number of grid levels/],
    ['min >= max', ['sample', 'morris', '--params', 'q.yaml', '--n', '10', '--out', 'x.csv'], { 'q.yaml': 'a: {min: 1, max: 1}\n' }, /^lrsim: error: q\.yaml:1:4: a: min \(1\) must be below max \(1\)/],
    // README audit finding 9: a raw ENOENT, and problems without line, column or did-you-mean.
    ['a missing parameters file', ['sample', 'saltelli', '--params', 'nope.yaml', '--n', '16', '--out', 'x.csv'], {}, /^lrsim: error: nope\.yaml: cannot read the parameters file; check the path\n$/],
    ['a misspelt key in the parameters file', ['sample', 'saltelli', '--params', 'q.yaml', '--n', '16', '--out', 'x.csv'], { 'q.yaml': 'a: {min: 0, max: 1}\nb: {min: 0, max: 1, integr: true}\n' }, /^lrsim: error: q\.yaml:2:21: b: unknown key "integr"; did you mean "integer"\?\n$/],
    ['an unknown key with no near name', ['sample', 'saltelli', '--params', 'q.json', '--n', '16', '--out', 'x.csv'], { 'q.json': '{"a": {"min": 0, "max": 1, "step": 2}}' }, /^lrsim: error: q\.json:1:28: a: unknown key "step"; a range has min, max, integer, log\n$/],
    [
      'several problems in the parameters file: the first, then how many more and where',
      ['sample', 'saltelli', '--params', 'q.yaml', '--n', '16', '--out', 'x.csv'],
      { 'q.yaml': 'a: {min: 0}\nb: [1, 2]\nc: {min: x, max: 1, log: yes}\n' },
      /^lrsim: error: q\.yaml:1:4: a: max is missing; write a range as \{min: 0\.1, max: 0\.5\} \(optional integer: true, log: true\) \(and 3 more problems in this file, at q\.yaml:2:4 b, q\.yaml:3:10 c\.min, q\.yaml:3:26 c\.log; fix this one and run again to see the next in full\)\n$/,
    ],
    ['a YAML syntax error in the parameters file', ['sample', 'saltelli', '--params', 'q.yaml', '--n', '16', '--out', 'x.csv'], { 'q.yaml': 'a: {min: 0, max: 1\n' }, /^lrsim: error: q\.yaml:2:1: YAML syntax error: /],
    ['a parameters file that is a list', ['sample', 'saltelli', '--params', 'q.yaml', '--n', '16', '--out', 'x.csv'], { 'q.yaml': '- a\n- b\n' }, /^lrsim: error: q\.yaml:1:1: the top level is a list, not a mapping; write `key: value` lines, e\.g\. `openness: \{min: 0, max: 0\.5\}`\n$/],
    ['rows differ', ['analyze', 'morris', '--design', 'd.csv', '--outputs', 'short.csv', '--out', 'x'], { 'short.csv': 'y\n1\n' }, /short\.csv: 1 rows, but d\.csv has 8/],
    ['a bad cell', ['analyze', 'morris', '--design', 'bad.csv', '--outputs', 'y.csv', '--out', 'x'], { 'bad.csv': 'a\n0\n1/3\n' }, /bad\.csv:3: column a: "1\/3" is not a finite number/],
    ['a short row', ['analyze', 'morris', '--design', 'wide.csv', '--outputs', 'y.csv', '--out', 'x'], { 'wide.csv': 'a,b\n0,1\n1\n' }, /wide\.csv:3: 1 fields, but the header has 2 columns/],
    ['NaN outputs', ['analyze', 'morris', '--design', 'd.csv', '--outputs', 'nan.csv', '--out', 'x'], { 'nan.csv': 'y\n1\nNaN\n3\n\n5\n6\n7\n8\n' }, /nan\.csv: NaN or empty outputs on lines 3, 5; indices need every row's output: re-run those samples \(dropping single rows breaks the design's groups; .*drop its whole group from both files/],
    ['a step that moves two parameters', ['analyze', 'morris', '--design', 'd2.csv', '--outputs', 'y4.csv', '--out', 'x'], { 'd2.csv': 'a,b\n0,0\n1,1\n0,0\n0,1\n1,1\n1,0\n', 'y4.csv': 'y\n1\n2\n3\n4\n5\n6\n' }, /d2\.csv:3: this row does not move exactly one parameter/],
    ['resamples not a whole number', ['analyze', 'saltelli', '--design', 'd.csv', '--outputs', 'y.csv', '--out', 'x', '--resamples', 'abc'], {}, /--resamples abc: write a whole number from 100 to 1000000/],
    ['levels not a whole number', ['sample', 'morris', '--params', 'p.yaml', '--n', '10', '--levels', 'x', '--out', 'x.csv'], {}, /--levels x: write a whole number from 2 to 1000/],
    ['seed not a whole number', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '16', '--seed', '1.5', '--out', 'x.csv'], {}, /--seed 1\.5: write a whole number/],
    ['not a Saltelli layout', ['analyze', 'saltelli', '--design', 'd.csv', '--outputs', 'y.csv', '--out', 'x'], {}, /d\.csv: 8 rows do not form a saltelli design \(a multiple of D \+ 2 = 3/],
    ['--scrambles not dividing N into a power of two', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '64', '--scrambles', '3', '--out', 'x.csv'], {}, /--scrambles 3: each scramble must hold N \/ R base rows, a power of two of at least 2, but --n 64 \/ 3 is 21\.33; use one of 2, 4, 8, 16, 32/],
    ['--scrambles 0', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '64', '--scrambles', '0', '--out', 'x.csv'], {}, /--scrambles 0: replicated scrambles need a whole number of at least 2/],
    ['--scrambles giving 1 base row a block', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '16', '--scrambles', '16', '--out', 'x.csv'], {}, /--scrambles 16: .*--n 16 \/ 16 is 1; use one of 2, 4, 8/],
    ['--scrambles 1', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '16', '--scrambles', '1', '--out', 'x.csv'], {}, /--scrambles 1: replicated scrambles need a whole number of at least 2 .*; use e\.g\. 16, or leave --scrambles out for one scramble/],
    ['--scrambles not a number', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '16', '--scrambles', 'x', '--out', 'x.csv'], {}, /--scrambles NaN: replicated scrambles need a whole number of at least 2/],
    // Input audit finding 17: accepted silently.
    ['--second-order for morris', ['sample', 'morris', '--params', 'p.yaml', '--n', '10', '--second-order', '--out', 'x.csv'], {}, /^lrsim: error: --second-order: only saltelli designs have second-order \(BA\) rows; morris has no second-order indices: drop --second-order for morris\n$/],
    ['--second-order for analyze morris', ['analyze', 'morris', '--design', 'd.csv', '--outputs', 'y.csv', '--second-order', '--out', 'x'], {}, /^lrsim: error: --second-order: only saltelli designs have second-order \(BA\) rows; morris has no second-order indices: drop --second-order for morris\n$/],
    ['--scrambles for morris', ['sample', 'morris', '--params', 'p.yaml', '--n', '10', '--scrambles', '4', '--out', 'x.csv'], {}, /--scrambles: only saltelli designs are replicated over scrambles; drop --scrambles for morris/],
    ['--scrambles with a parameter named block', ['sample', 'saltelli', '--params', 'bl.yaml', '--n', '16', '--scrambles', '4', '--out', 'x.csv'], { 'bl.yaml': 'a: {min: 0, max: 1}\nblock: {min: 0, max: 1}\n' }, /bl\.yaml: a parameter is named `block`, the column a --scrambles design uses for its scramble; rename the parameter/],
    // Input audit finding 6: no cap on --n or --pool (an out-of-memory abort at --n 2^30, minutes
    // at 10^8), and finding 13: `--n abc` echoed NaN and --pool was called sweep.pool. The caps
    // are the scenario schema's (sweep.samples, sweep.pool, sweep.scrambles), each just passed here.
    ['--n above the cap of sweep.samples', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '1048576', '--out', 'x.csv'], {}, /^lrsim: error: --n 1048576: write a whole number from 2 to 1000000 /],
    ['--n not a number, shown as typed', ['sample', 'morris', '--params', 'p.yaml', '--n', 'abc', '--out', 'x.csv'], {}, /^lrsim: error: --n abc: write a whole number from 2 to 1000000 /],
    ['--pool above the cap of sweep.pool', ['sample', 'morris', '--params', 'p.yaml', '--n', '10', '--pool', '10001', '--out', 'x.csv'], {}, /^lrsim: error: --pool 10001: write a whole number from 2 to 10000 /],
    ['--pool not above --n', ['sample', 'morris', '--params', 'p.yaml', '--n', '10', '--pool', '5', '--out', 'x.csv'], {}, /^lrsim: error: --pool 5: the pool must hold more trajectories than --n \(10\); use e\.g\. 40, or leave --pool out\n$/],
    ['--scrambles above the cap of sweep.scrambles', ['sample', 'saltelli', '--params', 'p.yaml', '--n', '8192', '--scrambles', '2048', '--out', 'x.csv'], {}, /^lrsim: error: --scrambles 2048: at most 1024 scrambles \(the cap of sweep\.scrambles\); use e\.g\. 16\n$/],
    [
      'a design of more values than one CSV holds (it failed with "Invalid string length", exit 1)',
      ['sample', 'saltelli', '--params', 'p64.yaml', '--n', '8192', '--out', 'x.csv'],
      { 'p64.yaml': Array.from({ length: 64 }, (_, i) => `p${i}: {min: 0, max: 1}\n`).join('') },
      /^lrsim: error: the design would have 540672 rows x 64 columns = 34603008 values, more than the 10000000 lrsim sample writes in one file; use --n 2048 or less, or sample fewer parameters \(nothing was written\)\n$/,
    ],
    // Finding 13: this named sweep.parameters and `design morris`, a scenario's words, not the file and command given.
    [
      'more parameters than saltelli supports',
      ['sample', 'saltelli', '--params', 'p65.yaml', '--n', '16', '--out', 'x.csv'],
      { 'p65.yaml': Array.from({ length: 65 }, (_, i) => `p${i}: {min: 0, max: 1}\n`).join('') },
      /^lrsim: error: p65\.yaml: saltelli supports at most 64 parameters \(got 65; the base sequence has 2D dimensions\); screen them with `lrsim sample morris` first\n$/,
    ],
    // Blocks of a one-parameter design (groups of 3 rows: A, AB_1 = B, B).
    ['unequal blocks', ['analyze', 'saltelli', '--design', 'b.csv', '--outputs', 'y9.csv', '--out', 'x'], { 'b.csv': 'a,block\n0.1,1\n0.5,1\n0.5,1\n0.2,1\n0.7,1\n0.7,1\n0.3,2\n0.9,2\n0.9,2\n' }, /b\.csv:8: column block: block 2 has 3 rows but block 1 has 6; the scrambles must be of equal size; a --scrambles design lists its scrambles 1, 2, \.\.\., R in order/],
    ['blocks out of order', ['analyze', 'saltelli', '--design', 'b.csv', '--outputs', 'y9.csv', '--out', 'x'], { 'b.csv': 'a,block\n0.1,1\n0.5,1\n0.5,1\n0.2,3\n0.7,3\n0.7,3\n0.3,2\n0.9,2\n0.9,2\n' }, /b\.csv:5: column block: block 3 follows block 1 \(blocks run 1, 2, \.\.\., R, each in one piece\)/],
    ['a block splitting a group', ['analyze', 'saltelli', '--design', 'b.csv', '--outputs', 'y6.csv', '--out', 'x'], { 'b.csv': 'a,block\n0.1,1\n0.5,1\n0.5,1\n0.2,1\n0.7,2\n0.7,2\n' }, /b\.csv:2: column block: block 1 has 4 rows, not a whole number of groups of 3 \(a base row with its AB rows\)/],
    ['a block column with one block', ['analyze', 'saltelli', '--design', 'b.csv', '--outputs', 'y6.csv', '--out', 'x'], { 'b.csv': 'a,block\n0.1,1\n0.5,1\n0.5,1\n0.2,1\n0.7,1\n0.7,1\n' }, /b\.csv:2: column block: every row is in block 1, one scramble, which gives no spread between scrambles; sample with --scrambles 2 or more/],
    ['blocks not starting at 1', ['analyze', 'saltelli', '--design', 'b.csv', '--outputs', 'y6.csv', '--out', 'x'], { 'b.csv': 'a,block\n0.1,0\n0.5,0\n0.5,0\n0.2,1\n0.7,1\n0.7,1\n' }, /b\.csv:2: column block: the first row is in block 0, not 1/],
  ];
  it.each(bad)('bad input: %s -> exit 2, one line, nothing written', async (_name, args, files, expected) => {
    const t = tempDir({ 'p.yaml': 'a: {min: 0, max: 1}\nb: {min: 0, max: 1}\n', 'd.csv': 'a\n0\n0.5\n0\n0.5\n0\n0.5\n0\n0.5\n', 'y.csv': 'y\n1\n2\n3\n4\n5\n6\n7\n8\n', 'y9.csv': 'y\n1\n2\n2\n3\n5\n5\n4\n7\n7\n', 'y6.csv': 'y\n1\n2\n2\n3\n5\n5\n', ...files });
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
