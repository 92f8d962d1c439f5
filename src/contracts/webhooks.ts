import { z } from 'zod';
import { idSchema } from './common.ts';
import { integrationKinds } from './integrations.ts';

/** Path of `POST /webhooks/{kind}/{token}`. */
export const webhookTokenParamsSchema = z.object({
  kind: z.enum(integrationKinds),
  token: z.string().min(1).max(200),
});

/** Path of `POST /webhooks/{kind}` (signature-authenticated senders: PagerDuty v3, GitHub). */
export const webhookSignedParamsSchema = z.object({ kind: z.enum(['pagerduty', 'github']) });

/** What a delivery did: recorded against an incident, or ignored with the reason. */
export const webhookResultSchema = z.union([
  z.object({ ignored: z.literal(true), reason: z.string() }),
  z.object({
    ignored: z.literal(false),
    incidentId: idSchema,
    incidentOpened: z.boolean(),
    signalsStored: z.number().int(),
    duplicates: z.number().int(),
    instants: z.array(
      z.object({
        name: z.string(),
        at: z.string(),
        source: z.string(),
        outcome: z.enum(['set', 'proposed']),
        reason: z.string().optional(),
      }),
    ),
    timelineEventsProposed: z.number().int(),
  }),
]);
