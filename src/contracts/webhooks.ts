import { z } from 'zod';
import { idSchema } from './common.ts';
import { integrationKinds } from './integrations.ts';

/** Path of `POST /webhooks/{kind}/{token}`. */
export const webhookTokenParamsSchema = z.object({
  kind: z.enum(integrationKinds),
  token: z.string().min(1).max(200),
});

/**
 * Path of `POST /webhooks/{kind}`: the integration token as `Authorization: Bearer <token>`
 * (any kind), or the vendor's signature (PagerDuty v3, GitHub).
 */
export const webhookKindParamsSchema = z.object({ kind: z.enum(integrationKinds) });

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
