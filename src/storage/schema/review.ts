// Review of the report: reviews requested of people or teams, and comment threads.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';
import { postmortems } from './postmortems.ts';

/**
 * A review asked of one account or of a policy team (`reviewer_user_id` or `team`, never both).
 * The reviewer's answer (`approved` or `changes_requested`) lands on the same row with who gave
 * it, when and why; a new request is a new row.
 */
export const reviewRequests = pgTable(
  'review_requests',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    reviewerUserId: uuid('reviewer_user_id').references(() => users.id, { onDelete: 'cascade' }),
    team: text('team'),
    /** The capacity the review counts in (`security`, `legal`, …), when it has one. */
    role: text('role'),
    /** `pending`, `approved` or `changes_requested`. */
    status: text('status').notNull(),
    comment: text('comment'),
    requestedById: uuid('requested_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedById: uuid('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant('decided_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('review_requests_postmortem_idx').on(t.postmortemId)],
);

/**
 * Comments on a part of a postmortem (a section, a timeline event, a why-node, an action item,
 * or the postmortem as a whole). A thread is its first comment (`thread_id` null) and the
 * replies pointing at it; only the first comment carries the thread's resolution.
 */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey(),
    postmortemId: uuid('postmortem_id')
      .notNull()
      .references(() => postmortems.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id').references((): AnyPgColumn => comments.id, {
      onDelete: 'cascade',
    }),
    /** `postmortem`, `section`, `timeline_event`, `why_node`, `action_item`. */
    targetType: text('target_type').notNull(),
    /** The section key or the part's id; the postmortem's id for `postmortem`. */
    targetId: text('target_id').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** Accounts @mentioned in the body, resolved when the comment was written. */
    mentionedUserIds: uuid('mentioned_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    resolvedAt: instant('resolved_at'),
    resolvedById: uuid('resolved_by_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    editedAt: instant('edited_at'),
  },
  (t) => [
    index('comments_postmortem_idx').on(t.postmortemId, t.createdAt),
    index('comments_thread_idx').on(t.threadId),
  ],
);
