import type { Database } from '../storage/database.ts';
import type { AppDeps } from './app-deps.ts';

/**
 * Runs `work` in one database transaction: it lands whole or not at all. The callback
 * receives deps whose `db` is the transaction, so nothing inside can reach another handle
 * (PGlite has a single connection and would deadlock).
 */
export async function inTransaction<T>(
  deps: AppDeps,
  work: (tx: AppDeps & { db: Database }) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => work({ ...deps, db: tx as unknown as Database }));
}
