import { CrossingError, copyAcrossBoundary } from '../../../local/runtime/json-crossing';

describe('copyAcrossBoundary', () => {
  it('copies primitives, objects and arrays', () => {
    const value = { a: 1, b: 'x', c: [true, null, { d: 2 }] };
    const copy = copyAcrossBoundary(value, 'argument');
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
  });

  it('turns undefined in arrays into null', () => {
    expect(copyAcrossBoundary([1, undefined, 3], 'argument')).toEqual([1, null, 3]);
  });

  it('drops undefined properties', () => {
    expect(copyAcrossBoundary({ a: undefined, b: 1 }, 'argument')).toEqual({ b: 1 });
  });

  it('rejects a nested Date with its path', () => {
    expect(() => copyAcrossBoundary({ rows: [{ when: new Date() }] }, 'argument')).toThrow(
      'argument.rows[0].when is a Date',
    );
  });

  it('rejects a function', () => {
    expect(() => copyAcrossBoundary({ f: () => 1 }, 'return value')).toThrow('return value.f is a function');
  });

  it('rejects a circular object', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => copyAcrossBoundary(loop, 'argument')).toThrow(CrossingError);
    expect(() => copyAcrossBoundary(loop, 'argument')).toThrow('argument.self is a circular reference');
  });

  it('accepts the same object twice when not circular', () => {
    const shared = { a: 1 };
    expect(copyAcrossBoundary([shared, shared], 'argument')).toEqual([{ a: 1 }, { a: 1 }]);
  });

  it('rejects class instances such as Map', () => {
    expect(() => copyAcrossBoundary(new Map(), 'argument')).toThrow('argument is a Map');
  });
});
