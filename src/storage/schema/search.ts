// Full-text search: the search documents kept by the database, and people's saved views.
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';
import { postmortems } from './postmortems.ts';

/** PostgreSQL's `tsvector`, read as its text form (the repositories never read it). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per searchable part of a postmortem: its title, each report section
 * (`section:<key>`), its accepted timeline, why-tree, contributing factors and action items.
 * Written only by the database (the search_triggers migration's triggers, at commit of the transaction that
 * changed the part), so no write path can forget it; `body` is the text the snippet is cut from.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    /** `title`, `section:<key>`, `restricted:<key>`, `timeline`, `why_tree`, `factors`, `action_items`. */
    part: text('part').notNull(),
    body: text('body').notNull(),
    document: tsvector('document').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postmortemId, t.part] }),
    index('search_documents_document_idx').using('gin', t.document),
  ],
);

/**
 * Postmortems whose search documents must be rebuilt when the transaction commits; filled by
 * the part tables' triggers, emptied by the deferred refresh. Empty outside a transaction.
 */
export const searchPending = pgTable('search_pending', {
  postmortemId: uuid('postmortem_id').primaryKey(),
});

/** A person's saved search: words and filters, private or shared with every signed-in user. */
export const savedSearchViews = pgTable(
  'saved_search_views',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The search words (may be empty: filters only). */
    query: text('query').notNull().default(''),
    /** The filters, as the search API takes them. */
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default({}),
    shared: boolean('shared').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('saved_search_views_owner_idx').on(t.ownerId, t.createdAt)],
);
