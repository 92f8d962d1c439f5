/**
 * A cache of rendered reads, keyed by a freshness key that the use case builds from the
 * database (revisions and versions), so entries never need invalidating: a change makes a new
 * key, and several server instances sharing one database stay correct.
 */
export interface ReadCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}
