// The analysis phase: why-tree, open questions, the service catalogue.
import {
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';
import { timelineEvents } from './postmortem-parts.ts';
import { postmortems } from './postmortems.ts';

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
  /** The team that owns the service: incident metrics group by it. */
  team: text('team'),
  /** Who hears when minor incidents on the service keep coming back. */
  ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
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
