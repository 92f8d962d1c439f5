import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonArraySlices } from './json-array-slices.ts';

function all(text: string, size: number): unknown[][] {
  const slices = jsonArraySlices(text, size);
  if (!slices) {
    throw new Error('not an array');
  }
  return [...slices];
}

describe('jsonArraySlices', () => {
  it('gives the elements of any JSON array, in slices of the size asked, however it is indented', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue()),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom(undefined, 2, 4, '\t'),
        (elements, size, indent) => {
          const text = JSON.stringify(elements, null, indent);
          const slices = all(text, size);
          expect(slices.flat()).toEqual(JSON.parse(text));
          expect(slices.every((slice) => slice.length > 0 && slice.length <= size)).toBe(true);
          expect(slices.slice(0, -1).every((slice) => slice.length === size)).toBe(true);
        },
      ),
    );
  });

  it('is not fooled by brackets, commas and escaped quotes inside strings', () => {
    const text = '[ "a,]\\"}", {"k": "[,\\\\"}, ["\\\\\\"", 1] , 2 ]';
    expect(all(text, 1)).toEqual([['a,]"}'], [{ k: '[,\\' }], [['\\"', 1]], [2]]);
  });

  it('throws the SyntaxError of JSON.parse for text that is not valid JSON', () => {
    for (const text of ['[1,]', '[,1]', '[1,,2]', '[1', '[1] x', '[{]}', '[1}', '["a]', '[1 2]']) {
      for (const size of [1, 2, 5]) {
        expect(() => all(text, size), `${text} by ${size}`).toThrow(SyntaxError);
      }
    }
  });

  it('leaves what is not an array to the caller', () => {
    expect(jsonArraySlices('{"a": [1]}', 2)).toBeUndefined();
    expect(jsonArraySlices('\uFEFF[1]', 2)).toBeUndefined();
    expect(all(' \n[]\n', 3)).toEqual([]);
  });
});
