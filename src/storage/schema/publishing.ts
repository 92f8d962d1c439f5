// Publications of postmortems (inside and outside) and legal holds with their kept revisions.
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';
import { postmortems } from './postmortems.ts';

/**
 * A published snapshot of a postmortem: `internal` (every member and viewer reads it) or
 * `public` (anyone, without signing in). A public version is first a `draft` (the redacted
 * preview) and becomes `published` only when a named approver approves exactly that draft; it is
 * a snapshot, so later edits of the postmortem do not reach it until a new draft is approved.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    audience: text('audience').notNull(),
    status: text('status').notNull(),
    /** The public address (`/public/postmortems/{slug}`), kept across re-approvals. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    /** The report model as published (redacted for `public`). */
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    /** The rendered page, served as it is. */
    html: text('html').notNull(),
    /** What the redaction step removed (public drafts and versions). */
    redactions: jsonb('redactions').$type<unknown[]>().notNull().default([]),
    /** The postmortem's revision the snapshot was taken at. */
    postmortemRevision: bigint('postmortem_revision', { mode: 'number' }).notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    approvedById: uuid('approved_by_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: instant('published_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('publications_one_per_state_idx').on(t.postmortemId, t.audience, t.status),
    index('publications_feed_idx').on(t.audience, t.status, t.publishedAt),
    index('publications_slug_idx').on(t.slug),
  ],
);

/**
 * A legal hold: while a row exists the postmortem cannot be deleted (the foreign key restricts
 * it even if the application's check were bypassed), and a trigger keeps every revision of it and
 * its parts in `legal_hold_revisions`.
 */
export const legalHolds = pgTable('legal_holds', {
  postmortemId: uuid('postmortem_id')
    .primaryKey()
    .references(() => postmortems.id, { onDelete: 'restrict' }),
  reason: text('reason').notNull(),
  placedAt: instant('placed_at').notNull(),
  placedById: uuid('placed_by_id').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * Every earlier version of a held postmortem's rows, written by the database itself (a trigger
 * on each table of the review) before an update or delete, whatever code path made it.
 */
export const legalHoldRevisions = pgTable(
  'legal_hold_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    postmortemId: uuid('postmortem_id').notNull(),
    tableName: text('table_name').notNull(),
    operation: text('operation').notNull(),
    row: jsonb('row').$type<Record<string, unknown>>().notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('legal_hold_revisions_postmortem_idx').on(t.postmortemId, t.id)],
);

/**
 * The modified process a postmortem was opened under, and the incident kinds that started it.
 * Its review roles and its learning-summary-only publications keep applying when an incident is
 * reclassified later: the process follows from the policy for these kinds as well as for the
 * incidents' current ones.
 */
export const sensitiveProcessStarts = pgTable('sensitive_process_starts', {
  postmortemId: uuid('postmortem_id')
    .primaryKey()
    .references(() => postmortems.id, { onDelete: 'cascade' }),
  kinds: text('kinds').array().notNull(),
  startedAt: instant('started_at').notNull(),
});
