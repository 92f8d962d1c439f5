// Incidents and who may see the restricted ones.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';

/** Incidents. Key instants are columns (for filters and metrics); their provenance is JSON. */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey(),
    number: serial('number').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    potentialSeverity: text('potential_severity'),
    isDrill: boolean('is_drill').notNull().default(false),
    status: text('status').notNull(),
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    restricted: boolean('restricted').notNull().default(false),
    startedAt: instant('started_at'),
    detectedAt: instant('detected_at'),
    acknowledgedAt: instant('acknowledged_at'),
    mitigatedAt: instant('mitigated_at'),
    resolvedAt: instant('resolved_at'),
    instantProvenance: jsonb('instant_provenance')
      .$type<Record<string, { source: string; precision: string }>>()
      .notNull()
      .default({}),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('incidents_created_at_idx').on(t.createdAt, t.id),
    index('incidents_services_idx').using('gin', t.services),
  ],
);

/** Who may see a restricted incident (besides admins). */
export const incidentMembers = pgTable(
  'incident_members',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.userId] })],
);
