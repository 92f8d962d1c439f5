// What a postmortem owns: participants, timeline, factors, action items, waivers, personal accounts.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';
import { postmortems } from './postmortems.ts';

/** People taking part in a review, with their role. */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    role: text('role').notNull(),
    approvedAt: instant('approved_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('participants_postmortem_idx').on(t.postmortemId)],
);

/** Timeline events; `(postmortem_id, source, external_id)` makes re-imports idempotent. */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    occurredAt: instant('occurred_at').notNull(),
    text: text('text').notNull(),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    externalId: text('external_id').notNull(),
    originalTimestamp: text('original_timestamp'),
    originalZone: text('original_zone'),
    actor: text('actor'),
    status: text('status').notNull(),
    pinned: boolean('pinned').notNull().default(false),
    /** Source-specific facts: thread, edit, burst count/first/last/sample, metric series, … */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** Where in the raw input this came from: `file:line`, a JSON pointer, a webhook delivery. */
    rawRef: text('raw_ref'),
    /** Ambiguities surfaced for a person to settle (date missing, zone only in prose, …). */
    ambiguities: jsonb('ambiguities')
      .$type<Array<{ code: string; message: string }>>()
      .notNull()
      .default([]),
    /** A near-duplicate from another source (the page and the chat bot post of one alert). */
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => timelineEvents.id, {
      onDelete: 'set null',
    }),
    /** The import that proposed it, if any. */
    importId: uuid('import_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('timeline_events_source_external_id_uq').on(t.postmortemId, t.source, t.externalId),
    index('timeline_events_order_idx').on(t.postmortemId, t.occurredAt, t.createdAt, t.id),
  ],
);

/**
 * A stamp per postmortem that every statement writing its timeline replaces with a fresh random
 * one (a trigger, migration 0023), whatever code path writes: the linter's findings for the
 * timeline's texts are kept by it. Random, so never reused, not even after a rollback or in
 * another database.
 */
export const timelineStamps = pgTable('timeline_stamps', {
  postmortemId: uuid('postmortem_id')
    .primaryKey()
    .references(() => postmortems.id, { onDelete: 'cascade' }),
  stamp: uuid('stamp').notNull(),
});

/** Contributing factors, some marked as root causes. */
export const contributingFactors = pgTable(
  'contributing_factors',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    category: text('category').notNull(),
    isRootCause: boolean('is_root_cause').notNull().default(false),
    acceptedRiskReason: text('accepted_risk_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('contributing_factors_postmortem_idx').on(t.postmortemId)],
);

/** Action items: the fixes that must land before a postmortem closes. */
export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    ownerName: text('owner_name'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    successCriterion: text('success_criterion'),
    status: text('status').notNull(),
    wontDoReason: text('wont_do_reason'),
    trackerUrl: text('tracker_url'),
    /** The tracker issue this item follows: `github:owner/repo#12`, `jira:OPS-7`. */
    trackerKey: text('tracker_key'),
    verificationEvidence: text('verification_evidence'),
    verificationNote: text('verification_note'),
    verifiedAt: instant('verified_at'),
    verifiedById: uuid('verified_by_id').references(() => users.id, { onDelete: 'set null' }),
    priority: text('priority').notNull().default('p2'),
    team: text('team'),
    /** Services the fix changes (the board filters by them). */
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    /** Ideas sit beside the items until promoted; no guard counts them. */
    isIdea: boolean('is_idea').notNull().default(false),
    linkedFactorIds: uuid('linked_factor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Why-tree nodes (root causes, contributing factors) this item addresses. */
    linkedWhyNodeIds: uuid('linked_why_node_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Services the fix, or the detection it adds, relies on (for circular remediation). */
    reliesOnServices: text('relies_on_services').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('action_items_postmortem_idx').on(t.postmortemId),
    index('action_items_due_idx').on(t.dueDate, t.id),
    index('action_items_tracker_key_idx').on(t.trackerKey),
  ],
);

/** Waivers of blameless findings: a person decided the wording stays, and said why. */
export const findingWaivers = pgTable(
  'finding_waivers',
  {
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    findingKey: text('finding_key').notNull(),
    reason: text('reason').notNull(),
    waivedById: uuid('waived_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.findingKey] })],
);

/**
 * A participant's own story. When anonymous, no column, log line or audit event links it to
 * its author: `author_user_id` and `author_name` stay null.
 */
export const personalAccounts = pgTable(
  'personal_accounts',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    anonymous: boolean('anonymous').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    submittedAt: instant('submitted_at').notNull(),
  },
  (t) => [index('personal_accounts_postmortem_idx').on(t.postmortemId)],
);
