/**
 * Issue 14 item 14 (command-line messages): option values are shown as typed (never NaN or
 * a rounded number), each error is printed once, and a misspelt option gets a
 * "did you mean". (The resumed sweep's summary is tested in test/sweep/store-damage.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWholeNumber } from '../../src/cli/options';
import { buildOnce, lrsim } from './helpers';

beforeAll(() => buildOnce());

const oneLine = async (args: string[]) => {
  const r = await lrsim(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0];
};

describe('option values as typed', { timeout: 120_000 }, () => {
  it('--seed abc, --port abc and an over-long seed', async () => {
    expect(await oneLine(['run', '--seed', 'abc'])).toBe('lrsim: error: --seed abc: write a whole number from 0 to 4294967295 (see `lrsim --help`)');
    expect(await oneLine(['classroom', '--port', 'abc'])).toBe('lrsim: error: --port abc: write a whole number from 0 to 65535 (see `lrsim --help`)');
    expect(await oneLine(['sweep', '--seed', '99999999999999999999'])).toBe('lrsim: error: --seed 99999999999999999999: write a whole number from 0 to 4294967295 (see `lrsim --help`)');
  });

  it('--sed 7: did you mean --seed', async () => {
    expect(await oneLine(['run', '--sed', '7'])).toBe('lrsim: error: unknown option --sed; did you mean --seed? (see `lrsim --help`)');
    expect(await oneLine(['sweep', '--worker', '2'])).toMatch(/unknown option --worker; did you mean --workers\?/);
  });

  it('parseWholeNumber keeps the text it was given', () => {
    expect(() => parseWholeNumber('--seed', '42', 0, 10)).toThrow('--seed 42: write a whole number from 0 to 10');
    expect(parseWholeNumber('--seed', ' 7 ', 0, 10)).toBe(7);
    expect(() => parseWholeNumber('--seed', '1e3', 0, 10_000)).toThrow('--seed 1e3: write a whole number');
    expect(() => parseWholeNumber('--seed', '', 0, 10)).toThrow('--seed "": write a whole number');
    expect(() => parseWholeNumber('--seed', ['1', '2'], 0, 10)).toThrow('--seed is given 2 times (1, 2); give it once');
    expect(() => parseWholeNumber('--workers', '0', 1, Number.MAX_SAFE_INTEGER)).toThrow('--workers 0: write a whole number of at least 1');
  });
});
