import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => instant('created_at').notNull().defaultNow();

/** Accounts. Passwords are scrypt hashes; emails are stored lower-case. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
});

/** Browser sessions. Only a SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/** API tokens for scripts and webhooks; the secret is shown once and stored hashed. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  prefix: text('prefix').notNull(),
  createdAt: createdAt(),
  lastUsedAt: instant('last_used_at'),
  revokedAt: instant('revoked_at'),
});

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
    verificationEvidence: text('verification_evidence'),
    linkedFactorIds: uuid('linked_factor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Why-tree nodes (root causes, contributing factors) this item addresses. */
    linkedWhyNodeIds: uuid('linked_why_node_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Services the fix, or the detection it adds, relies on (for circular remediation). */
    reliesOnServices: text('relies_on_services').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('action_items_postmortem_idx').on(t.postmortemId)],
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

/** Who changed what and when; written in the same transaction as the change. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
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

/** The why-tree: each node asks "why?" of its parent and answers it; several roots are normal. */
export const whyNodes = pgTable(
  'why_nodes',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => whyNodes.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    answer: text('answer').notNull().default(''),
    /** A key of the policy's factor taxonomy. */
    category: text('category'),
    /** `root_cause`, `contributing_factor` or `none`. */
    mark: text('mark').notNull().default('none'),
    /** For a root cause without evidence: why there is none. */
    noEvidenceReason: text('no_evidence_reason'),
    /** For a root cause without an action item: why the risk is accepted. */
    acceptedRiskReason: text('accepted_risk_reason'),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('why_nodes_postmortem_idx').on(t.postmortemId),
    index('why_nodes_parent_idx').on(t.parentId),
  ],
);

/** Timeline events cited as evidence for a why-node. */
export const whyNodeEvidence = pgTable(
  'why_node_evidence',
  {
    whyNodeId: uuid('why_node_id')
      .notNull()
      .references(() => whyNodes.id, { onDelete: 'cascade' }),
    timelineEventId: uuid('timeline_event_id')
      .notNull()
      .references(() => timelineEvents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.whyNodeId, t.timelineEventId] })],
);

/** Questions and disagreements captured during the analysis meeting. */
export const openQuestions = pgTable(
  'open_questions',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** `question` or `disagreement`. */
    kind: text('kind').notNull().default('question'),
    /** `open` or `resolved`. */
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('open_questions_postmortem_idx').on(t.postmortemId)],
);

/** The service catalogue: components whose dependency edges reveal circular remediations. */
export const services = pgTable('services', {
  name: text('name').primaryKey(),
  description: text('description').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** `service_name` depends on `depends_on_name`. */
export const serviceDependencies = pgTable(
  'service_dependencies',
  {
    serviceName: text('service_name')
      .notNull()
      .references(() => services.name, { onDelete: 'cascade', onUpdate: 'cascade' }),
    dependsOnName: text('depends_on_name')
      .notNull()
      .references(() => services.name, { onDelete: 'cascade', onUpdate: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.serviceName, t.dependsOnName] })],
);

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
