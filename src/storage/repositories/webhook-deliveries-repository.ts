import { desc } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { webhookDeliveries } from '../schema.ts';

/** One delivery to a webhook URL and how it ended. */
export type WebhookDeliveryRecord = typeof webhookDeliveries.$inferSelect;

/** The delivery log of the webhook URLs. */
export const webhookDeliveriesRepository = {
  async insert(db: Database, record: WebhookDeliveryRecord): Promise<void> {
    await db.insert(webhookDeliveries).values(record);
  },

  /** The latest deliveries, newest first. */
  async listLatest(db: Database, limit: number): Promise<WebhookDeliveryRecord[]> {
    return db
      .select()
      .from(webhookDeliveries)
      .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
      .limit(limit);
  },
};
