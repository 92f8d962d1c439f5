import { and, asc, count, desc, eq, or } from 'drizzle-orm';
import type { SavedView } from '../../domain/saved-view.ts';
import type { SearchFilters } from '../../domain/search.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { savedSearchViews, users } from '../schema.ts';
import { deleteVersioned, updateVersioned } from '../versioned-update.ts';

const columns = {
  id: savedSearchViews.id,
  ownerId: savedSearchViews.ownerId,
  ownerName: users.name,
  name: savedSearchViews.name,
  q: savedSearchViews.query,
  filters: savedSearchViews.filters,
  shared: savedSearchViews.shared,
  version: savedSearchViews.version,
  createdAt: savedSearchViews.createdAt,
  updatedAt: savedSearchViews.updatedAt,
};

const visibleTo = (actor: Actor) =>
  or(eq(savedSearchViews.ownerId, actor.id), eq(savedSearchViews.shared, true));

const toView = (
  row: Omit<SavedView, 'filters'> & { filters: Record<string, unknown> },
): SavedView => ({
  ...row,
  filters: row.filters as SearchFilters,
});

/** Saved search views: a person's own, and those others shared. */
export const savedViewsRepository = {
  /** The actor's own views, then the views others shared, each oldest first. */
  async listVisible(db: Database, actor: Actor): Promise<SavedView[]> {
    const rows = await db
      .select(columns)
      .from(savedSearchViews)
      .innerJoin(users, eq(users.id, savedSearchViews.ownerId))
      .where(visibleTo(actor))
      .orderBy(
        desc(eq(savedSearchViews.ownerId, actor.id)),
        asc(savedSearchViews.createdAt),
        asc(savedSearchViews.id),
      );
    return rows.map(toView);
  },

  /** The view if it is the actor's own or shared. */
  async findVisible(db: Database, actor: Actor, id: string): Promise<SavedView | undefined> {
    const [row] = await db
      .select(columns)
      .from(savedSearchViews)
      .innerJoin(users, eq(users.id, savedSearchViews.ownerId))
      .where(and(eq(savedSearchViews.id, id), visibleTo(actor)));
    return row ? toView(row) : undefined;
  },

  async countOwned(db: Database, ownerId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(savedSearchViews)
      .where(eq(savedSearchViews.ownerId, ownerId));
    return row?.n ?? 0;
  },

  async insert(db: Database, view: Omit<SavedView, 'ownerName' | 'version'>): Promise<void> {
    await db.insert(savedSearchViews).values({
      id: view.id,
      ownerId: view.ownerId,
      name: view.name,
      query: view.q,
      filters: view.filters as Record<string, unknown>,
      shared: view.shared,
      createdAt: view.createdAt,
      updatedAt: view.updatedAt,
    });
  },

  async update(
    db: Database,
    view: Pick<SavedView, 'id' | 'name' | 'q' | 'filters' | 'shared' | 'updatedAt'>,
    expectedVersion: number,
  ): Promise<void> {
    await updateVersioned(
      db,
      savedSearchViews,
      view.id,
      expectedVersion,
      {
        name: view.name,
        query: view.q,
        filters: view.filters,
        shared: view.shared,
        updatedAt: view.updatedAt,
      },
      'Saved view',
    );
  },

  async delete(db: Database, id: string, expectedVersion: number): Promise<void> {
    await deleteVersioned(db, savedSearchViews, id, expectedVersion, 'Saved view');
  },
};
