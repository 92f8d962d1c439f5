import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { DomainError } from '../domain/errors.ts';
import type { Database } from './database.ts';

interface VersionedTable {
  id: PgColumn;
  version: PgColumn;
}

/**
 * Updates one row only if its version is still `expectedVersion`, bumping the version.
 * A stale version throws VERSION_MISMATCH with the current one; a missing row NOT_FOUND.
 * No write is ever silently overwritten.
 */
export async function updateVersioned<T extends PgTable & VersionedTable>(
  db: Database,
  table: T,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
  label: string,
): Promise<T['$inferSelect']> {
  const rows = (await db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as unknown[];
  const row = rows[0];
  if (row) {
    return row as T['$inferSelect'];
  }
  const current = await db
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, id));
  const found = current[0];
  if (!found) {
    throw new DomainError('NOT_FOUND', `${label} not found.`);
  }
  throw new DomainError('VERSION_MISMATCH', `${label} was changed by someone else.`, {
    details: { currentVersion: found.version, expectedVersion },
  });
}

/**
 * Deletes one row only if its version is still `expectedVersion`.
 */
export async function deleteVersioned<T extends PgTable & VersionedTable>(
  db: Database,
  table: T,
  id: string,
  expectedVersion: number,
  label: string,
): Promise<void> {
  const rows = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning({ id: table.id });
  if (rows.length > 0) {
    return;
  }
  const current = await db
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, id));
  const found = current[0];
  if (!found) {
    throw new DomainError('NOT_FOUND', `${label} not found.`);
  }
  throw new DomainError('VERSION_MISMATCH', `${label} was changed by someone else.`, {
    details: { currentVersion: found.version, expectedVersion },
  });
}
