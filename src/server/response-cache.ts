import type { ReadCache } from '../app/read-cache.ts';

/**
 * An in-memory least-recently-used cache of rendered JSON (text, or its UTF-8 bytes), bounded
 * by total length (characters or bytes). Keys carry their own freshness (see ReadCache), so
 * nothing is ever invalidated by hand.
 */
export function createResponseCache<T extends { length: number } = string>(
  maxChars: number,
): ReadCache<T> & { size(): number } {
  const entries = new Map<string, T>();
  let total = 0;
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      if (value.length > maxChars) {
        return;
      }
      const previous = entries.get(key);
      if (previous !== undefined) {
        total -= previous.length;
        entries.delete(key);
      }
      entries.set(key, value);
      total += value.length;
      for (const [oldest, old] of entries) {
        if (total <= maxChars) {
          break;
        }
        entries.delete(oldest);
        total -= old.length;
      }
    },
    size: () => entries.size,
  };
}
