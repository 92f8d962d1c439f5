import { describe, expect, it } from 'vitest';
import { splitMinutes } from './split-minutes.ts';

describe('splitMinutes', () => {
  it('splits proportionally and always sums to the total', () => {
    expect(splitMinutes(60, [1, 1, 1])).toEqual([20, 20, 20]);
    expect(splitMinutes(10, [1, 2])).toEqual([4, 6]);
    expect(splitMinutes(7, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('gives every section at least a minute when there are enough', () => {
    expect(splitMinutes(5, [100, 0, 0])).toEqual([3, 1, 1]);
  });

  it('handles nothing to split', () => {
    expect(splitMinutes(60, [])).toEqual([]);
    expect(splitMinutes(2, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
