import { describe, expect, it } from 'vitest';
import { createResponseCache } from './response-cache.ts';

describe('createResponseCache', () => {
  it('returns what was stored under the same key', () => {
    const cache = createResponseCache(100);
    cache.set('a', 'alpha');
    expect(cache.get('a')).toBe('alpha');
    expect(cache.get('b')).toBeUndefined();
  });

  it('evicts the least recently used entries beyond its size', () => {
    const cache = createResponseCache(10);
    cache.set('a', '1234');
    cache.set('b', '1234');
    cache.get('a');
    cache.set('c', '1234');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1234');
    expect(cache.get('c')).toBe('1234');
    expect(cache.size()).toBe(2);
  });

  it('keeps nothing larger than itself, and nothing at all when sized zero', () => {
    const cache = createResponseCache(3);
    cache.set('big', '1234');
    expect(cache.get('big')).toBeUndefined();
    const off = createResponseCache(0);
    off.set('a', 'x');
    expect(off.size()).toBe(0);
  });

  it('replaces an entry under the same key without double counting', () => {
    const cache = createResponseCache(8);
    cache.set('a', '1234');
    cache.set('a', '5678');
    cache.set('b', '1234');
    expect(cache.get('a')).toBe('5678');
    expect(cache.get('b')).toBe('1234');
  });
});
