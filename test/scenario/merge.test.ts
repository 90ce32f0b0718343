import { describe, expect, it } from 'vitest';
import { deepMerge } from '../../src/scenario/merge';

describe('deepMerge (extends)', () => {
  it('merges mappings key by key and replaces lists and values', () => {
    const base = { a: 1, b: { c: 2, d: [1, 2] }, e: [{ x: 1 }] };
    const over = { b: { d: [3] }, e: [{ y: 2 }], f: null };
    expect(deepMerge(base, over)).toEqual({ a: 1, b: { c: 2, d: [3] }, e: [{ y: 2 }], f: null });
  });
  it('leaves its inputs unchanged', () => {
    const base = { b: { c: 2 } };
    const over = { b: { d: 3 } };
    const merged = deepMerge(base, over) as { b: Record<string, number> };
    merged.b.c = 99;
    expect(base).toEqual({ b: { c: 2 } });
    expect(over).toEqual({ b: { d: 3 } });
  });
  it('keeps a key named __proto__ as data (reported later), never as a prototype', () => {
    const over = JSON.parse('{"__proto__": {"polluted": 1}}');
    const merged = deepMerge({}, over) as Record<string, unknown>;
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});
