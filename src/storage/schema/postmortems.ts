// Postmortems, the incidents they review, their members and the audit trail.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';
import { incidents } from './incidents.ts';

/**
 * Numbers of postmortems hidden from someone when created (restricted, or reviewing a restricted
 * incident): their own series, stored negated in `number` (S-1 is -1).
 */
export const postmortemsRestrictedNumberSeq = pgSequence('postmortems_restricted_number_seq');

/** Postmortems. Report sections are a JSON map keyed by the policy's section keys. */
export const postmortems = pgTable(
  'postmortems',
  {
    id: uuid('id').primaryKey(),
    number: serial('number').notNull().unique(),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    phase: text('phase').notNull(),
    restricted: boolean('restricted').notNull().default(false),
    sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
    analysisMeetingAt: instant('analysis_meeting_at'),
    analysisMeetingNotes: text('analysis_meeting_notes').notNull().default(''),
    /** Participants who attended the analysis meeting (participant ids). */
    analysisMeetingAttendeeIds: uuid('analysis_meeting_attendee_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    /** Bumped on every change to the postmortem or any of its parts: the read caches' key. */
    revision: bigint('revision', { mode: 'number' }).notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    closedAt: instant('closed_at'),
  },
  (t) => [index('postmortems_created_at_idx').on(t.createdAt, t.id)],
);

/** The incidents a postmortem reviews: one, or several for a thematic review. */
export const postmortemIncidents = pgTable(
  'postmortem_incidents',
  {
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.postmortemId, t.incidentId] }),
    index('postmortem_incidents_incident_idx').on(t.incidentId),
  ],
);

/** Who may see a restricted postmortem (besides admins). */
export const postmortemMembers = pgTable(
  'postmortem_members',
  {
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.userId] })],
);

/** Who changed what and when; written in the same transaction as the change. */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** Internal order only: one sequence for every record, so it never leaves the server. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The id the API shows: random, so that no one counts the events they may not see. */
    publicId: uuid('public_id').notNull().defaultRandom().unique(),
    occurredAt: instant('occurred_at').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    incidentId: uuid('incident_id'),
    postmortemId: uuid('postmortem_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_postmortem_idx').on(t.postmortemId, t.id),
    index('audit_events_incident_idx').on(t.incidentId, t.id),
  ],
);
