// What arrived at the webhook URLs, so that an admin can see whether a sender is wired right.
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { integrations } from './data-gathering.ts';

/**
 * One delivery to a webhook URL and how it ended. Never the body, the token or a signature:
 * only the outcome an admin needs to fix a sender.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    /** The integration it authenticated as (by URL token or signature). */
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id, { onDelete: 'cascade' }),
    /** The sender kind named in the URL. */
    kind: text('kind').notNull(),
    /** The HTTP status the sender got back. */
    statusCode: integer('status_code').notNull(),
    /** `accepted`, `ignored`, `refused` (authentication) or `failed` (anything else). */
    outcome: text('outcome').notNull(),
    /** What happened, in words: the ignore reason, the problem's title, the incident opened. */
    summary: text('summary').notNull().default(''),
    receivedAt: createdAt(),
  },
  (t) => [index('webhook_deliveries_received_idx').on(t.receivedAt)],
);
