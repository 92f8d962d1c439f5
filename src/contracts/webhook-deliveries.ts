import { z } from 'zod';
import { idSchema, instantSchema } from './common.ts';

/** How a webhook delivery ended. */
export const deliveryOutcomes = ['accepted', 'ignored', 'refused', 'failed'] as const;

/** One delivery to an integration's webhook URL, as the integrations page shows it. */
export const webhookDeliverySchema = z.object({
  id: idSchema,
  integrationId: idSchema,
  kind: z.string(),
  statusCode: z.number().int(),
  outcome: z.enum(deliveryOutcomes),
  /** What happened, in words. */
  summary: z.string(),
  receivedAt: instantSchema,
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;

/** Answer of `GET /webhook-deliveries`: the latest 100, newest first. */
export const webhookDeliveryListSchema = z.object({ data: z.array(webhookDeliverySchema) });
