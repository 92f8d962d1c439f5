import { asc, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../database.ts';
import { deleteVersioned, updateVersioned } from '../versioned-update.ts';

interface PartTable {
  id: PgColumn;
  postmortemId: PgColumn;
  version: PgColumn;
  createdAt: PgColumn;
}

/**
 * CRUD for a record owned by a postmortem (participant, factor, action item, …), with
 * optimistic concurrency on update and delete. Authorization happens in the use case.
 */
export function createPartRepository<
  T extends PgTable & PartTable,
  D extends { postmortemId: string },
>(table: T, label: string, toDomain: (row: T['$inferSelect']) => D) {
  return {
    async listForPostmortem(db: Database, postmortemId: string): Promise<D[]> {
      const rows = (await db
        .select()
        .from(table as PgTable)
        .where(eq(table.postmortemId, postmortemId))
        .orderBy(asc(table.createdAt), asc(table.id))) as T['$inferSelect'][];
      return rows.map(toDomain);
    },

    async findById(db: Database, id: string): Promise<D | undefined> {
      const [row] = (await db
        .select()
        .from(table as PgTable)
        .where(eq(table.id, id))) as T['$inferSelect'][];
      return row ? toDomain(row) : undefined;
    },

    async insert(db: Database, values: T['$inferInsert']): Promise<D> {
      const [row] = (await db
        .insert(table)
        .values(values as never)
        .returning()) as T['$inferSelect'][];
      if (!row) {
        throw new Error('insert returned no row');
      }
      return toDomain(row);
    },

    async update(
      db: Database,
      id: string,
      expectedVersion: number,
      values: Partial<T['$inferInsert']>,
    ): Promise<D> {
      return toDomain(await updateVersioned(db, table, id, expectedVersion, values, label));
    },

    async remove(db: Database, id: string, expectedVersion: number): Promise<void> {
      await deleteVersioned(db, table, id, expectedVersion, label);
    },
  };
}
