// Data gathering: import jobs, clock skews, integrations and the signals they deliver.
import {
  bigint,
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
import { incidents } from './incidents.ts';
import { postmortems } from './postmortems.ts';

/** One import of a file or folder into a postmortem's timeline, with its progress and summary. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    /** How the source was chosen: `given` or `detected`. */
    sourceDetection: text('source_detection').notNull().default('given'),
    fileName: text('file_name').notNull(),
    /** `queued`, `running`, `succeeded`, `failed`. */
    status: text('status').notNull(),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    eventsProposed: integer('events_proposed').notNull().default(0),
    duplicatesSkipped: integer('duplicates_skipped').notNull().default(0),
    linesCollapsed: integer('lines_collapsed').notNull().default(0),
    /** Options the import ran with (channels, window, zone, …) and its warnings. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    /** The problem that failed it, as problem details. */
    error: jsonb('error').$type<Record<string, unknown>>(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * The process that runs it (`storage/instance-lease.ts`): start-up recovery leaves the job
     * alone while that process holds its lease. Null for jobs of a process without one.
     */
    instanceId: uuid('instance_id'),
    createdAt: createdAt(),
    finishedAt: instant('finished_at'),
  },
  (t) => [index('import_jobs_postmortem_idx').on(t.postmortemId, t.createdAt)],
);

/** A per-source clock offset a person set; shown with the events, never applied silently. */
export const sourceClockSkews = pgTable(
  'source_clock_skews',
  {
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    offsetMs: integer('offset_ms').notNull(),
    reason: text('reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.source] })],
);

/** A webhook sender (Alertmanager, PagerDuty, …) with its token or signing secret. */
export const integrations = pgTable('integrations', {
  id: uuid('id').primaryKey(),
  /** `alertmanager`, `grafana`, `pagerduty`, `opsgenie`, `statuspage`, `github`. */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** SHA-256 of the URL token that authenticates deliveries (for senders that cannot sign). */
  tokenHash: text('token_hash').notNull().unique(),
  /** The vendor's signing secret (PagerDuty v3, GitHub); needed in clear to verify an HMAC. */
  signingSecret: text('signing_secret'),
  createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  revokedAt: instant('revoked_at'),
});

/**
 * Alerts, pages, deploys and status updates received by webhook for an incident, before and
 * after its postmortem exists; `(source, external_id)` makes redelivery idempotent.
 */
export const incidentSignals = pgTable(
  'incident_signals',
  {
    id: uuid('id').primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    integrationId: uuid('integration_id').references(() => integrations.id, {
      onDelete: 'set null',
    }),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    /** What ties repeated deliveries of one alert or page together (fingerprint, dedup key). */
    dedupKey: text('dedup_key'),
    occurredAt: instant('occurred_at').notNull(),
    originalTimestamp: text('original_timestamp'),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    actor: text('actor'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** The delivery as received, for the raw payload reference. */
    payload: jsonb('payload').$type<unknown>().notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('incident_signals_source_external_id_uq').on(t.source, t.externalId),
    index('incident_signals_incident_idx').on(t.incidentId, t.occurredAt),
    index('incident_signals_dedup_idx').on(t.source, t.dedupKey),
  ],
);
