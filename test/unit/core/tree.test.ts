import { describe, expect, it } from 'vitest';
import { asString, byKey, clone, compareStrings, getPath, isMap, merge, mergeInto, scalarString, setPath, stringOr, textOf } from '../../../src/core/tree.js';

describe('tree', () => {
  it('tells mappings from lists and scalars', () => {
    expect([{}, { a: 1 }].map(isMap)).toEqual([true, true]);
    expect([[], null, 'x', 1, undefined].map(isMap)).toEqual([false, false, false, false, false]);
  });

  it('merges maps key by key, replaces lists and scalars, deletes on null', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', e: 1 };
    const out = merge(base, { a: { c: [3], f: true }, d: 'y', e: null });
    expect(out).toEqual({ a: { b: 1, c: [3], f: true }, d: 'y' });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: 1 });
  });

  it('mergeInto changes the base and copies what it takes from the overlay', () => {
    const over = { a: { b: [1] } };
    const base = mergeInto({}, over);
    (base.a as { b: number[] }).b.push(2);
    expect(over.a.b).toEqual([1]);
  });

  it('clones deeply, and leaves undefined alone', () => {
    const v = { a: [{ b: 1 }] };
    const c = clone(v);
    c.a[0]!.b = 2;
    expect(v.a[0]!.b).toBe(1);
    expect(clone(undefined)).toBeUndefined();
  });

  it('reads and writes dotted paths', () => {
    const t: Record<string, unknown> = {};
    setPath(t, 'values.global.hub', 'h');
    expect(t).toEqual({ values: { global: { hub: 'h' } } });
    expect(getPath(t, 'values.global.hub')).toBe('h');
    expect(getPath(t, 'values.global.hub.more')).toBeUndefined();
    expect(getPath(t, 'values.missing')).toBeUndefined();
  });

  it('orders strings by code unit, not by locale', () => {
    expect(['b', 'B', 'a', 'A', 'é'].sort(compareStrings)).toEqual(['A', 'B', 'a', 'b', 'é']);
    expect(Object.entries({ b: 1, a: 2 }).sort(byKey)).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(compareStrings('x', 'x')).toBe(0);
  });

  it('reads strings out of untyped data in four ways', () => {
    expect([asString('a'), asString(1), asString(undefined)]).toEqual(['a', undefined, undefined]);
    expect([stringOr('a', '-'), stringOr(1, '-'), stringOr(null, '')]).toEqual(['a', '-', '']);
    expect([scalarString('a'), scalarString(8080), scalarString(true), scalarString({}), scalarString(null)]).toEqual([
      'a',
      '8080',
      'true',
      undefined,
      undefined,
    ]);
    expect([textOf(undefined), textOf(null), textOf(0), textOf(false), textOf('s')]).toEqual(['', '', '0', 'false', 's']);
  });
});
