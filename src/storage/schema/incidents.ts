// Incidents and who may see the restricted ones.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { KeyInstantName } from '../../domain/incident.ts';
import { manualInstantSource } from '../../domain/incident-measures.ts';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';

/**
 * How far a key instant can be trusted, derived from its provenance when the row is written:
 * 1 reconstructed (`precision: estimated`), 2 a person's entry (absent provenance reads as one),
 * 3 read from a system — the rules of analysis/metrics/measure-incident.ts. Stored because the
 * metrics aggregate reads it for every incident, and reading it from the JSON at query time
 * costs more than the whole percentile computation.
 */
const instantQuality = (name: KeyInstantName) =>
  smallint(`${name}_quality`)
    .notNull()
    .generatedAlwaysAs(
      sql.raw(`case when instant_provenance -> '${name}' ->> 'precision' = 'estimated' then 1
        when coalesce(instant_provenance -> '${name}' ->> 'source', '${manualInstantSource}') = '${manualInstantSource}' then 2
        else 3 end`),
    );

/**
 * Numbers of incidents created restricted: their own series, stored negated in `number` (S-1 is
 * -1), so that the public series shows no gap where a hidden incident is.
 */
export const incidentsRestrictedNumberSeq = pgSequence('incidents_restricted_number_seq');

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
    startedAtQuality: instantQuality('started_at'),
    detectedAtQuality: instantQuality('detected_at'),
    acknowledgedAtQuality: instantQuality('acknowledged_at'),
    mitigatedAtQuality: instantQuality('mitigated_at'),
    resolvedAtQuality: instantQuality('resolved_at'),
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
  // By user: the visibility condition of every list and aggregate asks "is this viewer a member".
  (t) => [
    primaryKey({ columns: [t.incidentId, t.userId] }),
    index('incident_members_user_idx').on(t.userId),
  ],
);
