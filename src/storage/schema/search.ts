// Full-text search: the search documents kept by the database, and people's saved views.
import { sql } from 'drizzle-orm';
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
 * (`section:<key>`), a restricted section (`restricted:<key>`), the reviewed incidents' titles
 * and summaries (`incidents`), its accepted timeline, why-tree, contributing factors and action
 * items. Written only by the database (the search triggers, at commit of the transaction that
 * changed the part), so no write path can forget it; `body` is the text the snippet is cut from.
 * Only restricted parts are matched here (their own partial index); the open parts are matched
 * and ranked through `search_postmortems`, and read here for the shown hits' snippets.
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
    index('search_documents_restricted_idx')
      .using('gin', t.document)
      .where(sql`${t.part} like 'restricted:%'`),
  ],
);

/**
 * One row per postmortem: the open parts' weighted vectors in one (`document`, matched and
 * ranked with one GIN lookup), and the filter and visibility columns copied from the
 * postmortem and what it reviews, so a search reads no other table until the page is cut.
 * Written only by the database, with `search_documents` (same triggers, same commit).
 */
export const searchPostmortems = pgTable(
  'search_postmortems',
  {
    postmortemId: uuid('postmortem_id')
      .primaryKey()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    createdAt: instant('created_at').notNull(),
    phase: text('phase').notNull(),
    /** The postmortem's own restriction (members and admins only). */
    restricted: boolean('restricted').notNull(),
    /** The restricted incidents it reviews: visible only to members of every one (and admins). */
    restrictedIncidentIds: uuid('restricted_incident_ids').array().notNull(),
    /** The worst severity among the reviewed incidents. */
    severity: text('severity'),
    kinds: text('kinds').array().notNull(),
    services: text('services').array().notNull(),
    /** Contributing factors' categories and those of why-nodes marked as causes. */
    categories: text('categories').array().notNull(),
    /** The first and last start among the reviewed incidents (the `from` / `to` filters). */
    firstStartedAt: instant('first_started_at'),
    lastStartedAt: instant('last_started_at'),
    document: tsvector('document').notNull(),
    /**
     * The title's vector alone: small and stored in the row, it orders the matches cheaply
     * (title matches first, then the newest) to choose the ones `ts_rank` reads `document` for.
     */
    titleDocument: tsvector('title_document').notNull(),
  },
  (t) => [
    // The array filters are columns of the same GIN index, so a filtered search intersects the
    // words' and the filter's entries in the index and reads only the rows matching both: with
    // the filter checked on the rows instead, a common word read every page of the table.
    index('search_postmortems_document_filters_idx').using(
      'gin',
      t.document,
      t.kinds,
      t.services,
      t.categories,
    ),
    index('search_postmortems_created_at_idx').on(t.createdAt, t.postmortemId),
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
