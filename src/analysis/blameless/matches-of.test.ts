import { describe, expect, it } from 'vitest';
import { matchesOf } from './matches-of.ts';

describe('matchesOf', () => {
  it('finds what matchAll finds, empty matches and astral characters included', () => {
    const text = 'a😀b cc 😀';
    for (const pattern of [/c*/gu, /c*/g, /\p{L}|/gu, /(?:)/g, /(?<w>\w+)/g]) {
      expect(matchesOf(pattern, text)).toEqual([...text.matchAll(pattern)]);
      expect(pattern.lastIndex).toBe(0);
    }
  });

  it('starts at lastIndex and leaves it there, as matchAll does', () => {
    const pattern = /a/g;
    pattern.lastIndex = 2;
    expect(matchesOf(pattern, 'aaaa').map((m) => m.index)).toEqual([2, 3]);
    expect(pattern.lastIndex).toBe(2);
  });

  it('refuses a pattern that is not global', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(TypeError);
  });
});
