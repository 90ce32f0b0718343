import { describe, expect, it } from 'vitest';
import { columnsToCsv, csvField, formatNumber, parseCsv, rowMajorToCsv } from '../../src/io/csv';

describe('CSV writer', () => {
  it('writes integers as they are and other numbers with 6 significant digits', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(2 / 3)).toBe('0.666667');
    expect(formatNumber(12345.678)).toBe('12345.7');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(-1e-300)).toBe('-1e-300');
    expect(formatNumber(1e25)).toBe('1e+25');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('Inf');
    expect(formatNumber(-Infinity)).toBe('-Inf');
  });
  it('quotes text only when needed', () => {
    expect(csvField('Core City')).toBe('Core City');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
    expect(csvField(true)).toBe('TRUE');
    expect(csvField(false)).toBe('FALSE');
    expect(csvField(null)).toBe('');
  });
  it('writes row-major and columnar tables', () => {
    expect(rowMajorToCsv(['tick', 'x'], new Float64Array([0, 0.5, 1, 1 / 3]), 2)).toBe('tick,x\n0,0.5\n1,0.333333\n');
    expect(columnsToCsv({ id: [1, 2], place: ['Core City', 'Harbour, North'] })).toBe('id,place\n1,Core City\n2,"Harbour, North"\n');
    expect(() => columnsToCsv({ a: [1], b: [] })).toThrow(/column b/);
  });
});

describe('parseCsv', () => {
  it('reads back what columnsToCsv writes: quotes, commas, line breaks, empty (NaN) fields', () => {
    const table = { id: [1, 2, 3], place: ['Core City, east', 'say "hi"', 'two\nlines'], x: [0.5, Number.NaN, -3] };
    const { columns, rows } = parseCsv(columnsToCsv(table));
    expect(columns).toEqual(['id', 'place', 'x']);
    expect(rows).toEqual([
      ['1', 'Core City, east', '0.5'],
      ['2', 'say "hi"', ''],
      ['3', 'two\nlines', '-3'],
    ]);
  });

  it('takes CRLF line ends and a last row without a newline', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,')).toEqual({ columns: ['a', 'b'], rows: [['1', '2'], ['3', '']] });
  });
});
