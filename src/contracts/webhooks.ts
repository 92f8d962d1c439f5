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

const instantOutcomeSchema = z.object({
  name: z.string(),
  at: z.string(),
  source: z.string(),
  outcome: z.enum(['set', 'proposed']),
  reason: z.string().optional(),
});

/** What a delivery did: recorded against an incident, or ignored with the reason. */
export const webhookResultSchema = z.union([
  z.object({ ignored: z.literal(true), reason: z.string() }),
  z.object({
    ignored: z.literal(false),
    incidentId: idSchema,
    incidentOpened: z.boolean(),
    signalsStored: z.number().int(),
    duplicates: z.number().int(),
    instants: z.array(instantOutcomeSchema),
    timelineEventsProposed: z.number().int(),
    /** Per incident the delivery's alerts went to: a grouped notification may feed several. */
    incidents: z
      .array(
        z.object({
          incidentId: idSchema,
          opened: z.boolean(),
          /** Attached to an incident already resolved, within the policy's grace period. */
          late: z.boolean(),
          alerts: z.array(z.string()),
          signalsStored: z.number().int(),
          instants: z.array(instantOutcomeSchema),
          timelineEventsProposed: z.number().int(),
        }),
      )
      .optional(),
    /** Alerts that went to no incident, with the reason. */
    ignoredAlerts: z.array(z.object({ alert: z.string(), reason: z.string() })).optional(),
  }),
]);
